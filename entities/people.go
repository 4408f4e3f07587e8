package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Bounds on a byline's name written in capitals, in words.
const (
	minCapitalNameWords = 2
	maxCapitalNameWords = 4
)

// bylineVerbs follow a writer's name in a byline: "HASSAN BERBER writes
// from France". Keys are lower case.
var bylineVerbs = wordSet(`writes reports escribe informa écrit escreve`)

// findCapitalNames reads the names that bylines write in capitals: after
// "by", "por" or "par" ("by TODD CHRETIEN | August 31", "translated by
// SOPHIE HAND."), after a publisher and a slash ("La Jornada Zacatecas/ALMA
// ALEJANDRA TAPIA"), and before "writes" ("HASSAN BERBER writes from
// France"). The name is two to four words in capitals, none a title, a
// role, an organization's word or a known name, and it ends there; it is
// recorded as a person the way a name is written in running text ("Todd
// Chretien").
func (s *entityScan) findCapitalNames() {
	for i := 0; i < len(s.toks); i++ {
		if s.at[i] >= 0 || !s.capitalNameWord(i) {
			continue
		}
		end := i + 1
		for end < len(s.toks) && end-i < maxCapitalNameWords && s.sameLine(end-1) && s.capitalNameWord(end) {
			end++
		}
		if end-i < minCapitalNameWords {
			continue
		}
		if end < len(s.toks) && s.sameLine(end-1) && inCapitals(s.toks[end].key) {
			i = end
			continue // a longer shouted line, a headline
		}
		if !s.bylineBefore(i) && !(end < len(s.toks) && s.sameLine(end-1) && bylineVerbs[s.toks[end].key]) {
			i = end - 1
			continue
		}
		words := make([]string, 0, end-i)
		for j := i; j < end; j++ {
			words = append(words, titleCase(s.toks[j].key))
		}
		s.add(mention{name: strings.Join(words, " "), kind: kindPerson, start: s.toks[i].start, end: s.toks[end-1].end}, i, end)
		i = end - 1
	}
}

// capitalNameWord reports whether token j may be part of a name written in
// capitals: letters only, two or more, all capitals, and no word that a
// title, a role, an organization's name or a date holds.
func (s *entityScan) capitalNameWord(j int) bool {
	t := s.toks[j]
	if s.at[j] >= 0 || !inCapitals(t.key) || strings.IndexFunc(t.key, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
		return false
	}
	return personWords[t.lower] == 0 && orgWords[t.lower] == 0 && !commonCapitals[t.lower] &&
		!calendarWords[t.lower] && !numberWords[t.lower] && !nameConnectors[t.lower]
}

// inCapitals is isCapitalsWord without allocating: it is asked of every
// word, and most are in small letters.
func inCapitals(w string) bool {
	return startsUpper(w) && !hasLower(w) && utf8.RuneCountInString(w) > 1
}

// bylineBefore reports whether a byline's "by" or a publisher's slash
// stands right before token i.
func (s *entityScan) bylineBefore(i int) bool {
	if i == 0 {
		return false
	}
	gap := s.text[s.toks[i-1].end:s.toks[i].start]
	switch {
	case strings.TrimSpace(gap) == "" && !strings.Contains(gap, "\n"):
		switch s.toks[i-1].lower {
		case "by", "por", "par":
			return true
		}
	case gap == "/":
		return startsUpper(s.toks[i-1].key) && !isCapitalsWord(s.toks[i-1].key)
	}
	return false
}

// sameLine reports whether tokens j and j+1 are separated by spaces only.
func (s *entityScan) sameLine(j int) bool {
	return strings.Trim(s.text[s.toks[j].end:s.toks[j+1].start], " ") == ""
}

// titleCase writes a word in capitals as a name is written: "CHRETIEN" →
// "Chretien".
func titleCase(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + strings.ToLower(w[n:])
}

// copulas say what the name before them is: "Rafik est agriculteur",
// "Ana es campesina", "John is a farmer". Keys are lower case.
var copulas = wordSet(`is was est était es era é foi`)

// pronouns open sentences before a copula as names do ("He was a
// member"). Keys are lower case.
var pronouns = wordSet(`he she it they we you i who il elle ils elles on él ella ellos ellas ele ela eles elas`)

// copulaArticles may stand between a copula and a role ("is a farmer").
var copulaArticles = wordSet(`a an un une una um uma`)

// findNamedByRole reads a person named by one word at the start of a
// sentence when the sentence says what the person does: "Rafik est
// agriculteur à Rahal", "Ana es campesina". A full name needs no such
// help (the tagger reads it); a given name alone, as reportage uses one,
// does.
func (s *entityScan) findNamedByRole() {
	for i := 0; i+2 < len(s.toks); i++ {
		if s.at[i] >= 0 || !s.startsSentence(i) || !s.isNameTok(i) || pronouns[s.toks[i].lower] || !s.adjacent(i) ||
			!copulas[s.toks[i+1].key] || s.writtenSmall(s.toks[i].lower) {
			continue
		}
		j := i + 2
		if copulaArticles[s.toks[j].key] && j+1 < len(s.toks) {
			j++
		}
		if !s.adjacent(j-1) || s.toks[j].key != s.toks[j].lower || !introduces(s.toks[j].lower) || personWords[s.toks[j].lower]&title != 0 {
			continue
		}
		s.add(mention{name: s.toks[i].key, kind: kindPerson, start: s.toks[i].start, end: s.toks[i].end}, i, i+1)
	}
}
