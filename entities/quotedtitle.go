package entities

import (
	"strings"
	"unicode/utf8"
)

// This file sets aside the places inside a quoted title: “Straight Talk
// Africa” (a broadcast), « Luanda Leaks » (a leak), "Voices of Gaza" (a
// report). A run of capitalised words standing alone inside quotation
// marks names a work, a programme or a campaign, and a place among its
// words is no place the statement names. A general pattern of quoted
// titles, not a list of them.

// minQuotedTitleWords is how many capitalised words the quoted run holds
// at least: a place alone in quotation marks is still a place.
const minQuotedTitleWords = 2

// dropPlacesInQuotedTitles makes no place of a place mention inside a run
// of capitalised words (small connecting words allowed) that opens right
// after an opening quotation mark and ends right before a closing one.
func (s *entityScan) dropPlacesInQuotedTitles() {
	for k, m := range s.found {
		if m.kind != kindPlace {
			continue
		}
		from, to := s.tokensIn(m.start, m.end)
		if from >= to {
			continue
		}
		for from > 0 && s.adjacent(from-1) && (startsUpper(s.toks[from-1].key) || nameConnectors[s.toks[from-1].lower]) {
			from--
		}
		for to < len(s.toks) && s.adjacent(to-1) && (startsUpper(s.toks[to].key) || nameConnectors[s.toks[to].lower]) {
			to++
		}
		words := 0
		for j := from; j < to; j++ {
			if startsUpper(s.toks[j].key) {
				words++
			}
		}
		if words < minQuotedTitleWords || !opensQuote(s.text[:s.toks[from].start]) || !closesQuote(s.text[s.toks[to-1].end:]) {
			continue
		}
		s.found[k].kind = kindOther
	}
}

// opensQuote reports whether before ends with an opening quotation mark,
// spaces after it allowed (« Luanda Leaks »).
func opensQuote(before string) bool {
	before = strings.TrimRight(before, " \u00a0\u202f")
	r, _ := utf8.DecodeLastRuneInString(before)
	return r == '“' || r == '«' || r == '"' || r == '‘'
}

// closesQuote reports whether after starts with a closing quotation mark,
// spaces before it allowed.
func closesQuote(after string) bool {
	after = strings.TrimLeft(after, " \u00a0\u202f")
	r, _ := utf8.DecodeRuneInString(after)
	return r == '”' || r == '»' || r == '"' || r == '’'
}
