package entities

import (
	"strings"
	"unicode"
)

// Khmer writes no spaces between words, and its vowel signs and subscript
// consonants are marks, which split the rule tokens inside a word. So names
// in Khmer script are not matched token by token but as written, longest
// first, wherever they stand in the text.

// khmerAlias is one name of the gazetteer written in Khmer script.
type khmerAlias struct {
	name, canonical string
	kind            entityKind
}

// isKhmer reports whether s holds a letter of the Khmer script.
func isKhmer(s string) bool {
	// Khmer (U+1780–U+17FF) is E1 9E xx or E1 9F xx in UTF-8: a text with
	// neither byte pair has none, which is most of them.
	if !strings.Contains(s, "\xe1\x9e") && !strings.Contains(s, "\xe1\x9f") {
		return false
	}
	for _, r := range s {
		if unicode.Is(unicode.Khmer, r) {
			return true
		}
	}
	return false
}

// matchKhmer records the gazetteer's Khmer names in the text, longest
// first, none overlapping another, and marks the tokens inside them taken.
func (s *entityScan) matchKhmer() {
	if len(s.g.khmer) == 0 || !isKhmer(s.text) {
		return
	}
	var taken [][2]int
	for _, a := range s.g.khmer {
		for from := 0; ; {
			i := strings.Index(s.text[from:], a.name)
			if i < 0 {
				break
			}
			start, end := from+i, from+i+len(a.name)
			from = end
			if overlaps(taken, start, end) {
				continue
			}
			taken = append(taken, [2]int{start, end})
			first, last := s.tokensIn(start, end)
			s.add(mention{name: a.canonical, kind: a.kind, start: start, end: end}, first, last)
		}
	}
}

// overlaps reports whether [start, end) overlaps one of the spans.
func overlaps(spans [][2]int, start, end int) bool {
	for _, sp := range spans {
		if start < sp[1] && sp[0] < end {
			return true
		}
	}
	return false
}
