package entities

import "strings"

// locatives are the prepositions that put a place after them in English,
// French, Spanish and Portuguese: "in Hebron", "à Sucre", "en Cartagena",
// "em Fortaleza". Keys are lower case. "At", "de" and "of" are left out:
// they put people, organizations and dates after them as often.
var locatives = map[string]bool{"in": true, "à": true, "en": true, "em": true}

// placeNouns are the words for a town or a region that put its name after
// them, directly or across "of", "de", "do", "da", "du": "the city of
// Hebron", "la ville de Lyon", "el municipio de Tame", "a capital
// Fortaleza", "le gouvernorat de Sidi Bouzid". Keys are lower case.
var placeNouns = wordSet(`
	city town village region capital state province
	ville village région capitale gouvernorat département province commune
	ciudad pueblo región capital estado provincia municipio departamento
	cidade região estado município`)

// maxLocativeWords bounds a place name read after a locative.
const maxLocativeWords = 3

// locativeBefore reports whether token i follows a locative preposition
// or a place noun ("in", "à", "la ville de"), so that a name there is a
// place.
func (s *entityScan) locativeBefore(i int) bool {
	j := i - 1
	if j < 0 || !s.adjacent(j) {
		return false
	}
	if locatives[s.toks[j].lower] {
		// A locative after a capitalised word is inside a name:
		// "Centro de Documentación en Derechos Humanos", "Instituto de
		// Pesquisa em Direito".
		return !s.insideName(j)
	}
	switch s.toks[j].lower {
	case "of", "de", "do", "da", "du":
		j--
		if j < 0 || !s.adjacent(j) {
			return false
		}
	}
	return placeNouns[s.toks[j].lower] && !startsUpper(s.toks[j].key)
}

// findLocatives reads the places that no list and no other rule knows from
// the preposition or noun before them ("protests in Tiaret", "à Santa
// Cruz (est)", "vive en Tame, Arauca"): a run of one to three capitalised
// name words, "La" or "El" allowed to open it ("La Paz"), that no name
// found so far covers and that ends there, not running on into a longer
// capitalised name.
func (s *entityScan) findLocatives() {
	for i := 1; i < len(s.toks); i++ {
		if s.at[i] >= 0 || !s.locativeBefore(i) || s.inTitleCase(i) {
			continue
		}
		from, j := i, i
		if romanceArticles[s.toks[j].key] && j+1 < len(s.toks) && s.adjacent(j) {
			j++
		}
		for j < len(s.toks) && j-from < maxLocativeWords && s.at[j] < 0 && isNameWord(s.toks[j].key) &&
			!documentHeads[s.toks[j].key] && !monthAbbreviations[s.toks[j].lower] && !isLanguageName(s.toks[j].key) {
			j++
			if s.toks[j-1].possessive || j >= len(s.toks) || !s.adjacent(j-1) {
				break
			}
		}
		if j == from || (j == from+1 && romanceArticles[s.toks[from].key]) {
			continue
		}
		if j < len(s.toks) && s.adjacent(j-1) && (startsUpper(s.toks[j].key) || isNumber(s.toks[j].key)) {
			continue // "in Phnom Penh Municipal Court", "in Article 19": a longer name
		}
		name := withoutPossessive(collapseSpace(s.text[s.toks[from].start:s.toks[j-1].end]))
		if strings.ContainsAny(name, "0123456789") {
			continue
		}
		s.add(mention{name: name, kind: kindPlace, start: s.toks[from].start, end: s.toks[j-1].end}, from, j)
		i = j - 1
	}
}

// insideName reports whether the locative at token j stands inside a
// capitalised name ("Centro de Documentación en Derechos Humanos",
// "Instituto de Pesquisa em Direito"): a capitalised word that opens no
// sentence and is no place comes right before it ("de Camaçari à
// Salvador" lists two places).
func (s *entityScan) insideName(j int) bool {
	if j == 0 || !s.adjacent(j-1) || !startsUpper(s.toks[j-1].key) || s.startsSentence(j-1) {
		return false
	}
	m := s.at[j-1]
	return m < 0 || s.found[m].kind != kindPlace
}

// monthAbbreviations are months as datelines abbreviate them ("in Feb
// 2024"); keys are lower case.
var monthAbbreviations = wordSet(`jan feb mar apr jun jul aug sep sept oct nov dec`)

// isLanguageName reports whether w, capitalised, is the name of a language
// or a nationality by its ending, which "in" puts after it as often as a
// place ("in English", "in Chinese", "in Arabic", "in Ukrainian"), or is
// one of the common language names that no ending shows.
func isLanguageName(w string) bool {
	for _, e := range []string{"ish", "ese", "ian", "ic"} {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return languageNames[w]
}

// languageNames are language names with no telling ending.
var languageNames = wordSet(`French German Dutch Greek Khmer Thai Hindi Urdu Latin Hebrew Malay Tagalog Swahili`)

// isNumber reports whether w starts with a digit.
func isNumber(w string) bool { return w != "" && '0' <= w[0] && w[0] <= '9' }

// startsSentence reports whether token j opens a sentence or a line: the
// text before it ends with a full stop, a line break, or nothing.
func (s *entityScan) startsSentence(j int) bool {
	if j == 0 {
		return true
	}
	gap := s.text[s.toks[j-1].end:s.toks[j].start]
	return strings.ContainsAny(gap, ".!?\n")
}
