package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// spelledName finds the long name that the acronym at token k spells,
// read back from the brackets: with the initials of its capitalised words
// ("National Union of Journalists in the Philippines (NUJP)", "Presidential
// Task Force on Media Security (PTFoMS)"), or, as French, Spanish and
// Portuguese names write their words in small letters, of all its words
// but the connectors ("Ligue algérienne de défense des droits de l’homme
// (LADDH)"). A shorter name found inside it ("Philippines", "Media
// Security") is part of the longer one. It records the name as an
// organization and returns its index in s.found, or -1 when no name of
// three words or more that opens with a capital (or is all in small
// letters after an article) spells the acronym, or one
// already does. A general pattern of how names are abbreviated, not a list
// of any.
func (s *entityScan) spelledName(k int) int {
	want := acronymCapitals(s.toks[k].key)
	n := utf8.RuneCountInString(want)
	if n < 3 {
		return -1
	}
	// The initials of the words from i to k-1, last first: of the
	// capitalised ones (while no other word but a connector came), and of
	// all but the connectors.
	var caps, all []rune
	capsOK, allSmall := true, true
	for i := k - 1; i >= 0 && k-i <= maxLongNameWords; i-- {
		if i < k-1 && !s.adjacent(i) && !s.elidedArticleBefore(i+1) || s.toks[i].possessive {
			return -1
		}
		w := s.toks[i].key
		if acronymConnectors[s.toks[i].lower] && !startsUpper(w) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		all = append(all, unicode.ToUpper(r))
		if startsUpper(w) {
			caps = append(caps, unicode.ToUpper(r))
			allSmall = false
		} else {
			capsOK = false
		}
		if len(all) > n && (!capsOK || len(caps) > n) {
			return -1
		}
		if !startsUpper(w) {
			if !allSmall || reversed(all) != want || !s.smallNameOpens(i, k) {
				continue
			}
		} else if (!capsOK || reversed(caps) != want) && reversed(all) != want {
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

// smallNameOpens reports whether a name written all in small letters may
// open at token i for the acronym at token k: French and Spanish write
// many bodies so ("le comité confédéral national (CCN)"), and the acronym
// spelling every word is the evidence. An article or preposition must
// stand before it, and the acronym must not be a generic one ("les
// organisations non gouvernementales (ONG)").
func (s *entityScan) smallNameOpens(i, k int) bool {
	return i > 0 && acronymConnectors[s.toks[i-1].lower] && genericAcronyms[strings.ToLower(s.toks[k].key)] == 0
}

// acronymConnectors are the small words an acronym leaves out, in English,
// French, Spanish and Portuguese.
var acronymConnectors = wordSet(`of and for on in the to de des du la le les l d et pour sur del el los las y
	contra para por da do dos das e em`)

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
		if isOrgHead(s.toks[j].lower, orgHead|orgRuleHead|orgLeadHead) {
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
