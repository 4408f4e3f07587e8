package search

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Marking the stemmed words of a page's texts analysed every text whole:
// tokenising and stemming the bodies of ten hits was 45% of a one-word
// search at 10,000 statements. Most of a body holds none of the query's
// stems, so the text is first scanned for the letters every word with one
// of the stems must begin with (its key), and only the runs of words
// holding a key are analysed. The marks are those of the whole analysis:
// the keys are sound for the stemmed analyzer (stemKey says why), and the
// runs are cut where the tokenizer always cuts (wordRuns).

// stemKey returns the folded, lower-case letters that every word whose stem
// (AnalyzerStemmed) is stem begins with, once its typographic punctuation is
// folded, its case lowered and its accents taken off; ok is false when stem
// has no such key worth scanning for (shorter than two letters, or not
// ASCII), and the text is analysed whole.
//
// Why the key holds: the analyzer folds, drops a final 's, lowers, takes
// accents off and then stems with Porter (go-porterstemmer). Every Porter
// step only cuts the end of the word, except three that write letters the
// word did not have there: step 1b ends a stem in an added 'e' (conflated →
// conflate, filing → file), step 1c turns a final y into i (happy → happi),
// step 2 rewrites a suffix whose new letters past those it shares with the
// old are one 'e' (relational → relate, valency → valence) or, for biliti,
// "le" after the b (sensibility → sensible). Only one of them leaves
// letters of its own at the end: 1b's 'e' ends the word so step 2 finds no
// suffix, and step 2 replaces the 'i' of 1c whole. Steps 3 to 5 cut again.
// So a stem is a prefix of the word with at most "e", "i" or (after a b)
// "le" added, and a stem ending in one of those, or in the "l" of a cut
// "ble", is scanned for without it.
func stemKey(stem string) (key []byte, ok bool) {
	for i := 0; i < len(stem); i++ {
		if stem[i] >= utf8.RuneSelf {
			return nil, false
		}
	}
	k := stem
	switch {
	case strings.HasSuffix(k, "ble"):
		k = k[:len(k)-2]
	case strings.HasSuffix(k, "bl"), strings.HasSuffix(k, "e"), strings.HasSuffix(k, "i"):
		k = k[:len(k)-1]
	}
	if len(k) < 2 {
		return nil, false
	}
	return []byte(k), true
}

// span is a byte range of a text.
type span struct{ start, end int }

// keyRuns returns the runs of text's words that hold one of keys, in text
// order: each run is whole words between ASCII white space, starting where
// the tokenizer starts a word whatever the text before (runAt), so
// analysing a run alone gives the tokens that analysing the whole text
// gives there. A word holds a key when its folded form (foldWord) contains
// it anywhere, a looser test than the word beginning with it, which errs
// towards analysing more. Most texts are ASCII but for a few quotation
// marks and names, so the keys are looked for in one lower-cased copy of
// the text, and only the runs with other characters are folded one by one.
func keyRuns(text string, keys [][]byte) []span {
	lower := make([]byte, len(text))
	var other []int // where runes outside ASCII start
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c >= utf8.RuneSelf && utf8.RuneStart(c):
			other = append(other, i)
		}
		lower[i] = c
	}
	var at []int // offsets inside the runs to analyse
	for _, k := range keys {
		for from := 0; ; {
			i := bytes.Index(lower[from:], k)
			if i < 0 {
				break
			}
			at = append(at, from+i)
			from += i + 1
		}
	}
	var buf []byte
	checked := -1 // the end of the last run folded
	for _, i := range other {
		if i < checked {
			continue
		}
		r := runAt(text, i)
		checked = r.end
		buf = foldWord(buf[:0], text[r.start:r.end])
		for _, k := range keys {
			if bytes.Contains(buf, k) {
				at = append(at, i)
				break
			}
		}
	}
	slices.Sort(at)

	var runs []span
	for _, i := range at {
		n := len(runs)
		if n > 0 && i < runs[n-1].end {
			continue
		}
		r := runAt(text, i)
		// Runs with only white space between are analysed as one.
		if n > 0 && r.start <= runs[n-1].end+spaceAt(text[runs[n-1].end:]) {
			runs[n-1].end = r.end
			continue
		}
		runs = append(runs, r)
	}
	return runs
}

// runAt returns the run of text around i, which is not white space: from
// the ASCII white space before it to the white space after it. The Unicode
// word-boundary rules (UAX #29), which Bleve's unicode tokenizer follows,
// always break on both sides of a space, tab or line break, with one
// exception: a combining mark, format character or other Extend character
// right after white space belongs to the space, not to the word after it.
// A run starting with one takes in the run before it, so runs start where
// a word starts in the whole text too.
func runAt(text string, i int) span {
	start, end := i, i
	for start > 0 && !isASCIISpace(text[start-1]) {
		start--
	}
	for start > 0 && !startsWord(text[start:]) {
		for start > 0 && isASCIISpace(text[start-1]) {
			start--
		}
		for start > 0 && !isASCIISpace(text[start-1]) {
			start--
		}
	}
	for end < len(text) && !isASCIISpace(text[end]) {
		end++
	}
	return span{start, end}
}

// spaceAt is the length of the ASCII white space s begins with.
func spaceAt(s string) int {
	n := 0
	for n < len(s) && isASCIISpace(s[n]) {
		n++
	}
	return n
}

func isASCIISpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\v' || b == '\f'
}

// startsWord reports whether the first character of s, which follows white
// space, starts a segment of its own under UAX #29 rule WB4: any ASCII
// character, letter (but a modifier letter, some of which extend), number,
// punctuation, or symbol (but a modifier symbol, such as the emoji skin
// tones). Anything else may extend the white space before it.
func startsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if r < utf8.RuneSelf {
		return true
	}
	switch {
	case unicode.Is(unicode.Lm, r), unicode.Is(unicode.Sk, r):
		return false
	case unicode.IsLetter(r), unicode.IsNumber(r), unicode.IsPunct(r), unicode.IsSymbol(r):
		return true
	}
	return false
}

// foldWord appends w to dst as the stemmed analyzer's filters read its
// letters before stemming: typographic punctuation folded (index.foldFilter),
// lower case, and the accents of Latin letters off (index.unaccentFilter).
// ASCII is only lowered; other runes go one by one through the same steps,
// which keeps every ASCII letter of the token in order.
func foldWord(dst []byte, w string) []byte {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		i += n
		switch r {
		case '’', '‘', 'ʼ', '＇':
			dst = append(dst, '\'')
			continue
		case '‐', '‑', '–', '—':
			dst = append(dst, '-')
			continue
		}
		for _, d := range norm.NFD.String(string(unicode.ToLower(r))) {
			if d < 0x300 || d > 0x36F {
				dst = utf8.AppendRune(dst, d)
			}
		}
	}
	return dst
}
