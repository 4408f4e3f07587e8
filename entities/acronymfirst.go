package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// minAcronymFirstLetters is the fewest capitals an acronym written before
// its expansion needs: two letters spell too many things by chance.
const minAcronymFirstLetters = 3

// findAcronymsFirst reads the other way of defining an acronym, the
// acronym first and the name it spells in brackets after it: "CFA (Coastal
// Fishers Alliance) said …", "la LODP (Ligue oranaise des pêcheurs)". The
// name is an organization when it holds a word organizations' names hold
// ("Alliance", "Ligue") and is no law's; every use of the acronym in the
// text is then that organization, over the gazetteer's reading of the same
// letters. A general pattern of how names are abbreviated, not a list of
// any.
func (s *entityScan) findAcronymsFirst() {
	var defined map[string]int // acronym key → index in s.found
	for k := 0; k+2 < len(s.toks); k++ {
		t := s.toks[k]
		if !isAcronym(t.key) || utf8.RuneCountInString(acronymCapitals(t.key)) < minAcronymFirstLetters ||
			strings.TrimSpace(s.text[t.end:s.toks[k+1].start]) != "(" {
			continue
		}
		from, to := k+1, k+1
		for to < len(s.toks) && to-from < maxLongNameWords && (to == from || s.adjacent(to-1)) {
			to++
			if strings.HasPrefix(s.text[s.toks[to-1].end:], ")") {
				break
			}
		}
		if !strings.HasPrefix(s.text[s.toks[to-1].end:], ")") || !s.spells(t.key, from, to) ||
			documentHeads[s.toks[from].key] || !s.holdsOrgHead(from, to) {
			continue
		}
		if defined == nil {
			defined = map[string]int{}
		}
		if m := s.at[from]; m >= 0 && s.found[m].kind == kindOrg && s.found[m].start == s.toks[from].start && s.found[m].end == s.toks[to-1].end {
			defined[t.key] = m // a rule or the gazetteer read the name already
		} else if s.mentionsWithin(from, to) {
			name := collapseSpace(s.text[s.toks[from].start:s.toks[to-1].end])
			s.absorb(mention{name: s.g.canonicalOrg(name), kind: kindOrg, start: s.toks[from].start, end: s.toks[to-1].end}, from, to)
			defined[t.key] = len(s.found) - 1
		}
		k = to - 1
	}
	for i, t := range s.toks {
		def, ok := defined[t.key]
		if !ok {
			continue
		}
		m := mention{name: s.found[def].name, kind: kindOrg, start: t.start, end: t.end}
		if cur := s.at[i]; cur >= 0 {
			if s.found[cur].start == t.start && s.found[cur].end == t.end {
				s.found[cur] = m // the text's own definition wins
			}
			continue
		}
		s.add(m, i, i+1)
	}
}

// spells reports whether the words of tokens [from, to) spell acronym:
// the initials of their capitalised words, or of all their words but the
// connectors, as French and Spanish names write words in small letters.
func (s *entityScan) spells(acronym string, from, to int) bool {
	want := acronymCapitals(acronym)
	var caps, all []rune
	for j := from; j < to; j++ {
		w := s.toks[j].key
		if acronymConnectors[s.toks[j].lower] && !startsUpper(w) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		all = append(all, unicode.ToUpper(r))
		if startsUpper(w) {
			caps = append(caps, r)
		}
	}
	return string(caps) == want || string(all) == want
}
