package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word or punctuation mark of a text, split the way the
// CoNLL-style training corpora are: punctuation apart, a possessive "’s"
// apart, hyphenated words and initialisms ("U.S.") whole.
type token struct {
	start, end int
	text       string // typographic apostrophes folded to '
}

// tokenize splits text into tokens and sentences. A sentence ends after
// ".", "!" or "?" before a capital, and at a blank line or a line break
// after a short line (a headline or a byline): the tagger reads a word at
// the start of a sentence differently, and context features stop there.
// sents holds the index of each sentence's first token.
func tokenize(text string) (toks []token, sents []int) {
	// English prose runs about five bytes a token, punctuation included:
	// sized once rather than grown.
	toks = make([]token, 0, len(text)/5+1)
	lineStart := 0
	newSentence := true
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == '\n' {
			blank := strings.TrimSpace(text[lineStart:i]) == ""
			if blank || i-lineStart < shortLine || endsSentence(toks) {
				newSentence = true
			}
			lineStart = i + n
			i += n
			continue
		}
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		end := i + n
		switch {
		case isWordRune(r):
			end = wordEnd(text, i)
		case (r == '\'' || r == '’') && isPossessive(text[end:]):
			end++ // the "s" of a possessive "’s"
		}
		if newSentence || (endsSentence(toks) && startsUpperOrQuote(text[i:])) {
			sents = append(sents, len(toks))
			newSentence = false
		}
		toks = append(toks, token{start: i, end: end, text: foldApostrophe(text[i:end])})
		i = end
	}
	return toks, sents
}

// shortLine: a line shorter than this that ends without a full stop is a
// heading or a byline, not a sentence running on.
const shortLine = 80

func endsSentence(toks []token) bool {
	if len(toks) == 0 {
		return false
	}
	switch toks[len(toks)-1].text {
	case ".", "!", "?":
		return true
	}
	return false
}

// isPossessive reports whether s, the text after an apostrophe, starts
// with the "s" of a possessive: an "s" that ends the word.
func isPossessive(s string) bool {
	if s == "" || (s[0] != 's' && s[0] != 'S') {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[1:])
	return len(s) == 1 || !isWordRune(r)
}

func startsUpperOrQuote(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"“‘'«(", r)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }

// wordEnd returns where the word starting at text[i] ends: an initialism
// ("U.S."), or letters and digits joined by hyphens ("Anti-Corruption"),
// by a decimal point ("3.5") or by apostrophes inside a word ("O'Brien");
// a final possessive "'s" is left for a token of its own.
func wordEnd(text string, i int) int {
	if e := initialismEnd(text, i); e > i {
		return e
	}
	end := runEnd(text, i)
	for end < len(text) {
		r, n := utf8.DecodeRuneInString(text[end:])
		e := runEnd(text, end+n)
		switch {
		case e == end+n:
		case r == '-' || r == '‐' || r == '‑':
			end = e
			continue
		case (r == '\'' || r == '’') && !(e == end+n+1 && (text[end+n] == 's' || text[end+n] == 'S')):
			end = e
			continue
		case r == '.' && isDigits(text[i:end]) && isDigits(text[end+n:e]):
			end = e
			continue
		}
		return end
	}
	return end
}

// initialismEnd returns the end of two or more capitals each followed by a
// dot ("U.N.") starting at text[i], or i.
func initialismEnd(text string, i int) int {
	end, pairs := i, 0
	for {
		r, n := utf8.DecodeRuneInString(text[end:])
		if !unicode.IsUpper(r) || !strings.HasPrefix(text[end+n:], ".") {
			break
		}
		end += n + 1
		pairs++
	}
	if pairs < 2 {
		return i
	}
	return end
}

func runEnd(text string, i int) int {
	for i < len(text) {
		// ASCII first: most text is, and decoding each byte as a rune
		// was a quarter of tokenizing.
		if c := text[i]; c < utf8.RuneSelf {
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			break
		}
		i += n
	}
	return i
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// foldApostrophe writes typographic apostrophes and hyphens as ASCII, as
// the corpora mostly do.
func foldApostrophe(s string) string { return foldWith(apostropheFolder, s) }

var apostropheFolder = strings.NewReplacer("’", "'", "‘", "'", "‐", "-", "‑", "-")

// foldWith applies r, which folds only characters outside ASCII, to s.
// The Replacer allocates even when it changes nothing, so ASCII words skip
// it.
func foldWith(r *strings.Replacer, s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return r.Replace(s)
		}
	}
	return s
}
