package search

import (
	"bytes"
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
// order: each run starts and ends on a word boundary the tokenizer makes
// whatever the text around (wordRuns), so analysing a run alone gives the
// tokens that analysing the whole text gives there. A word holds a key when
// its folded form (foldWord) contains it anywhere, a looser test than the
// word beginning with it, which errs towards analysing more.
func keyRuns(text string, keys [][]byte) []span {
	minKey := len(keys[0])
	for _, k := range keys {
		minKey = min(minKey, len(k))
	}
	var runs []span
	var buf []byte
	for _, w := range wordRuns(text) {
		if w.end-w.start < minKey {
			continue
		}
		buf = foldWord(buf[:0], text[w.start:w.end])
		for _, k := range keys {
			if bytes.Contains(buf, k) {
				// Neighbouring runs are analysed as one.
				if n := len(runs); n > 0 && runs[n-1].end == w.prev {
					runs[n-1].end = w.end
				} else {
					runs = append(runs, span{w.start, w.end})
				}
				break
			}
		}
	}
	return runs
}

// wordRun is a run of text between ASCII white space; prev is where the
// previous run ended, so that neighbours can be joined.
type wordRun struct{ prev, start, end int }

// wordRuns cuts text at its ASCII white space. The Unicode word-boundary
// rules (UAX #29), which Bleve's unicode tokenizer follows, always break on
// both sides of a space, tab or line break, with one exception: a combining
// mark, format character or other Extend character right after white space
// belongs to the space, not to the word after it. A run starting with one
// is joined to the run before it, so runs start where a word starts in the
// whole text too.
func wordRuns(text string) []wordRun {
	var out []wordRun
	prev := 0
	for i := 0; i < len(text); {
		if isASCIISpace(text[i]) {
			i++
			continue
		}
		start := i
		for i < len(text) && !isASCIISpace(text[i]) {
			i++
		}
		if n := len(out); n > 0 && !startsWord(text[start:]) {
			out[n-1].end = i
		} else {
			out = append(out, wordRun{prev, start, i})
		}
		prev = i
	}
	return out
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
