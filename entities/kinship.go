package entities

import "strings"

// This file reads the people a text introduces by their family tie to
// someone: "his sister Sanaa Seif said", "her son Omar Radi", "son mari,
// Sindika Dokolo", "su esposa Ana Ruiz". A possessive and a word for a
// relative are evidence enough that a person's name follows, even one the
// gazetteer lists as a place (Sanaa, the city): a general pattern of
// English, French, Spanish and Portuguese prose, not a list of anyone's
// names.

// possessiveDeterminers open a family tie ("his sister", "sa fille", "su
// hijo", "seu pai").
var possessiveDeterminers = wordSet(`his her their my our
	son sa ses leur leurs mon ma mes notre
	su sus mi mis nuestro nuestra
	seu sua seus suas meu minha nosso nossa`)

// relatives are the words for family members that stand before a name, in
// the four languages.
var relatives = wordSet(`sister brother mother father son daughter wife husband cousin uncle aunt
	nephew niece widow widower grandson granddaughter grandmother grandfather
	mari épouse époux femme fils fille père mère frère sœur soeur cousine oncle tante neveu nièce
	veuve veuf petit-fils petite-fille grand-mère grand-père
	esposo esposa marido mujer hijo hija padre madre hermano hermana primo prima tío tía
	sobrino sobrina viuda viudo nieto nieta abuelo abuela
	mulher filho filha pai mãe irmão irmã tio tia sobrinho sobrinha viúva viúvo neto neta avô avó`)

// findRelatives reads the name of two words or more after a possessive and
// a word for a relative as a person's, a comma between them allowed ("her
// husband, Sindika Dokolo"). A one-word place the gazetteer read
// at the name's start is given up: "Sanaa Seif" is no place and a surname.
func (s *entityScan) findRelatives() {
	for i := 1; i+1 < len(s.toks); i++ {
		if !relatives[s.toks[i].lower] || !possessiveDeterminers[s.toks[i-1].lower] ||
			!s.adjacent(i-1) || !(s.adjacent(i) || s.commaAfter(i)) || s.inTitleCase(i) {
			continue
		}
		start := i + 1
		if m := s.at[start]; m >= 0 {
			if s.found[m].kind != kindPlace || start+1 >= len(s.toks) || s.at[start+1] == m || !s.adjacent(start) || s.at[start+1] >= 0 || !s.isNameTok(start+1) {
				continue
			}
			// The place's one token opens a longer name: it is a given name.
			s.found[m].kind = kindOther
			s.at[start] = -1
		}
		n := s.nameRun(start)
		if n < 2 {
			continue
		}
		end := start + n - 1
		name := withoutPossessive(collapseSpace(s.text[s.toks[start].start:s.toks[end].end]))
		s.add(mention{name: name, kind: kindPerson, start: s.toks[start].start, end: s.toks[end].end}, start, end+1)
	}
}

// IsRelativeRef reports whether possessive and noun, two words in small
// letters, refer to someone by a family tie ("his sister", "her son").
// Package quotes resolves such a speaker to the person the text
// introduced with the same tie.
func IsRelativeRef(possessive, noun string) bool {
	return possessiveDeterminers[possessive] && relatives[noun]
}

// commaAfter reports whether a comma alone separates token i from the next.
func (s *entityScan) commaAfter(i int) bool {
	return i+1 < len(s.toks) && strings.TrimSpace(s.text[s.toks[i].end:s.toks[i+1].start]) == ","
}
