package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// spelledName finds the long name that the acronym at token k spells with
// the initials of its capitalised words, read back from the brackets:
// "National Union of Journalists in the Philippines (NUJP)", "Presidential
// Task Force on Media Security (PTFoMS)". A shorter name found inside it
// ("Philippines", "Media Security") is part of the longer one. It records
// the name as an organization and returns its index in s.found, or -1 when
// no run of three capitalised words or more spells the acronym, or one
// already does. A general pattern of how names are abbreviated, not a list
// of any.
func (s *entityScan) spelledName(k int) int {
	want := acronymCapitals(s.toks[k].key)
	if utf8.RuneCountInString(want) < 3 {
		return -1
	}
	var initials []rune // of the capitalised words from i to k-1, last first
	for i := k - 1; i >= 0 && k-i <= maxLongNameWords; i-- {
		if i < k-1 && !s.adjacent(i) || s.toks[i].possessive {
			return -1
		}
		w := s.toks[i].key
		if !startsUpper(w) {
			if !nameConnectors[s.toks[i].lower] {
				return -1
			}
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		initials = append(initials, unicode.ToUpper(r))
		if len(initials) > utf8.RuneCountInString(want) {
			return -1
		}
		if reversed(initials) != want {
			continue
		}
		if m := s.at[i]; m >= 0 && s.found[m].start == s.toks[i].start && s.found[m].end == s.toks[k-1].end {
			return -1 // already read whole
		}
		if documentHeads[w] || !s.holdsOrgHead(i, k) || !s.mentionsWithin(i, k) {
			// "Law on Trade Unions and Associations (LANGO)" is a law,
			// "Technical Intern Training Program (TITP)" a programme:
			// an organization's name holds a word such as "Union".
			return -1
		}
		name := collapseSpace(s.text[s.toks[i].start:s.toks[k-1].end])
		s.absorb(mention{name: s.g.canonicalOrg(name), kind: kindOrg, start: s.toks[i].start, end: s.toks[k-1].end}, i, k)
		return len(s.found) - 1
	}
	return -1
}

// acronymCapitals returns the capitals of an acronym ("PTFoMS" → "PTFMS").
func acronymCapitals(a string) string {
	var b strings.Builder
	for _, r := range a {
		if unicode.IsUpper(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// reversed returns rs, read last to first, as a string.
func reversed(rs []rune) string {
	out := make([]rune, len(rs))
	for i, r := range rs {
		out[len(rs)-1-i] = r
	}
	return string(out)
}

// holdsOrgHead reports whether a token in [from, to) is a word that
// organizations' names hold ("Union", "Guild", "Force", "Commission").
func (s *entityScan) holdsOrgHead(from, to int) bool {
	for j := from; j < to; j++ {
		if isOrgHead(s.toks[j].lower, orgHead|orgRuleHead) {
			return true
		}
	}
	return false
}

// mentionsWithin reports whether every mention covering a token in
// [from, to) lies inside that range, so that absorbing them cuts no name
// in two. An organization's name that ends with the range and starts
// before it is the unit the acronym's body belongs to, read too long
// ("Financing Division of the Office for the Coordination of Humanitarian
// Affairs (OCHA)"): the acronym says where the name starts, and it is
// given up.
func (s *entityScan) mentionsWithin(from, to int) bool {
	for j := from; j < to; j++ {
		m := s.at[j]
		if m < 0 || s.found[m].start >= s.toks[from].start && s.found[m].end <= s.toks[to-1].end {
			continue
		}
		if s.found[m].kind != kindOrg || s.found[m].end != s.toks[to-1].end {
			return false
		}
	}
	return true
}
