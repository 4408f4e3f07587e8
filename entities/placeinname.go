package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file reads a place that ends an organization's name spelled out
// before its acronym: "la Plateforme de Protection des Lanceurs d’Alerte
// en Afrique (PPLAAF)", "the Network for Free Elections in Asia (NFEA)".
// The place there is a word of the name, which the statement is not
// about; read alone it would also lend its name to the acronym. A general
// pattern of "Long Name (ACR)" definitions, not a list of bodies.

// maxNameBeforeAcronym bounds the words read back from the place, as
// unknownOrg bounds a long name.
const maxNameBeforeAcronym = maxLongNameWords

// findPlacesEndingNames makes "Long Name in Place (ACR)" one organization
// where the acronym opens with the long name's initial, not the place's,
// and the initials of the long name's words, in order, are letters of the
// acronym in order: the place's mention is then no place. A place whose
// initial opens the acronym ("Democratic Republic of the Congo (DRC)") is
// left alone, and so is a name that spells no such acronym.
func (s *entityScan) findPlacesEndingNames() {
	for k := 2; k < len(s.toks); k++ {
		m := s.at[k-1]
		if m < 0 || s.found[m].kind != kindPlace || !s.parenthesized(k) || !isAcronym(s.toks[k].key) {
			continue
		}
		place, _ := s.tokensIn(s.found[m].start, s.found[m].end)
		acr := s.toks[k].key
		if place < 1 || sameInitial(s.toks[place].key, acr) {
			continue
		}
		from := s.nameStartBefore(place, acr)
		if from < 0 {
			continue
		}
		name := s.g.canonicalOrg(collapseSpace(s.text[s.toks[from].start:s.found[m].end]))
		for _, f := range s.found {
			if f.kind == kindOrg && OrgKey(f.name) == OrgKey(name) {
				name = f.name // the name as first written, in whatever case
				break
			}
		}
		s.found[m].kind = kindOther
		// A rule read the name's start as an organization of its own
		// ("Coalition de Défense des Journalistes"): the whole name holds it.
		for j := from; j < place; j++ {
			if o := s.at[j]; o >= 0 {
				s.found[o].kind = kindOther
			}
		}
		s.add(mention{name: name, kind: kindOrg, start: s.toks[from].start, end: s.found[m].end}, from, k)
	}
}

// nameStartBefore walks back from the place at token place over the words
// of one line joined by spaces (an organization a rule read among them
// included), and returns the farthest capitalised word
// with the acronym's initial from which the words' initials (small words
// such as "de" and "of" aside) are letters of acr in order; -1 for none.
// Two words or more must stand before the place.
func (s *entityScan) nameStartBefore(place int, acr string) int {
	start := -1
	for j := place - 1; j >= 0 && place-j <= maxNameBeforeAcronym; j-- {
		if s.at[j] >= 0 && s.found[s.at[j]].kind != kindOrg || !s.adjacent(j) && !s.elidedBefore(j+1) {
			break
		}
		if place-j >= 2 && startsUpper(s.toks[j].key) && sameInitial(s.toks[j].key, acr) && s.initialsIn(j, place+1, acr) {
			start = j
		}
	}
	return start
}

// elidedBefore reports whether token j follows an elided article with no
// space ("d’Alerte", "l’Homme"), which the tokenizer cut from the word.
func (s *entityScan) elidedBefore(j int) bool {
	gap := s.text[s.toks[j-1].end:s.toks[j].start]
	return gap == " d’" || gap == " d'" || gap == " l’" || gap == " l'"
}

// initialsIn reports whether the initials of the words of tokens [from,
// to), small connecting words aside, are letters of acr in order.
func (s *entityScan) initialsIn(from, to int, acr string) bool {
	rest := strings.ToUpper(acr)
	for j := from; j < to; j++ {
		if nameConnectors[s.toks[j].lower] || nameParticles[s.toks[j].lower] || orgArticles[s.toks[j].lower] || s.toks[j].lower == "en" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(s.toks[j].key)
		i := strings.IndexRune(rest, unicode.ToUpper(r))
		if i < 0 {
			return false
		}
		rest = rest[i+utf8.RuneLen(unicode.ToUpper(r)):]
	}
	return true
}
