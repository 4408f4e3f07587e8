package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// actVerbs are the verbs a body's statement is reported with, in English,
// French, Spanish and Portuguese, in the past and present tense: "the KJU
// demanded", "la FSTA dénonce", "la CNDH exigió", "o MSTR denunciou".
var actVerbs = wordSet(`
	said says stated states announced announces added adds called calls urged urges condemned
	condemns denounced denounces demanded demands expressed expresses welcomed welcomes reported
	reports warned warns appealed appeals issued issues released releases published publishes
	noted notes rejected rejects insisted insists criticised criticized criticises criticizes
	dénonce dénoncé exige exigé appelle appelé condamne condamné déclare déclaré estime estimé
	réclame réclamé demande demandé salue salué affirme affirmé
	denunció exigió afirmó señaló condenó informó pidió rechazó denuncia exige afirma señala
	condena informa pide rechaza
	denunciou exigiu afirmou informou pediu condenou denuncia exige afirma informa pede condena`)

// actAuxiliaries may stand between the subject and its verb: adverbs and
// the auxiliaries of compound tenses ("GNDEM also appeals", "the KJU has
// demanded", "la FSTA a dénoncé", "la CNDH ha exigido").
var actAuxiliaries = wordSet(`also again further then strongly has have had will would
	a ont aussi également ha han também tem`)

// findActingAcronyms reads an unknown acronym written once where the text
// says it is a body (orgContext) as an organization: the subject of a verb
// of saying or demanding ("The KJU demanded tapes of all programmes",
// "GNDEM also appeals to …", "la FSTA a dénoncé"), before its staff ("the
// KJU president"), after "according to" or "a report by". People are not
// written in capitals; a law or a programme ("under the ISA") makes no
// statement. Every use of the acronym in the text is then
// that organization. It has the tests of findRepeatedAcronyms (three to
// six capitals, no generic acronym, not in a line or run in capitals,
// never written in small letters), whose rule reads the acronyms written
// twice or more with no verb. A general pattern of news prose, not a list
// of names.
func (s *entityScan) findActingAcronyms() {
	var acting map[string]bool
	for i, t := range s.toks {
		if s.at[i] >= 0 || len(t.key) < 3 || len(t.key) > 12 || !startsUpper(t.key) || acting[t.key] {
			continue
		}
		n := utf8.RuneCountInString(t.key)
		if n < 3 || n > 6 || !isCapitalsWord(t.key) || !isLetters(t.key) || genericAcronyms[t.lower] != 0 ||
			isRomanNumeral(t.key) || s.inTitleCase(i) || s.inCapitalsRun(i) || !s.orgContext(i, i+1) || s.writtenSmall(t.lower) {
			continue
		}
		if acting == nil {
			acting = map[string]bool{}
		}
		acting[t.key] = true
	}
	if acting == nil {
		return
	}
	for i, t := range s.toks {
		if acting[t.key] && s.at[i] < 0 {
			s.add(mention{name: s.acronymName(t.key), kind: kindOrg, start: t.start, end: t.end}, i, i+1)
		}
	}
}

// acronymName returns the name an acronym no definition explains stands
// for: the organization named in the text whose capitalised words it
// spells ("the Ugandan Communications Commission" … "the UCC"), else the
// gazetteer's name for it, else the acronym itself. Texts often write a
// body's full name once and its acronym later without brackets.
func (s *entityScan) acronymName(acronym string) string {
	for _, m := range s.found {
		if m.kind == kindOrg && initialsSpell(m.name, acronym) {
			return m.name
		}
	}
	return s.g.canonicalOrg(acronym)
}

// initialsSpell reports whether the first letters of a name's capitalised
// words are the capitals of acronym, in order: "Ugandan Communications
// Commission" and "UCC". It compares as it goes, allocating nothing, as
// it is asked of every organization for every acronym.
func initialsSpell(name, acronym string) bool {
	rest, n := acronym, 0
	for w := range strings.FieldsSeq(name) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			continue
		}
		// The acronym's next capital, skipping its small letters ("PTFoMS").
		var a rune
		for rest != "" {
			c, size := utf8.DecodeRuneInString(rest)
			rest = rest[size:]
			if unicode.IsUpper(c) {
				a = c
				break
			}
		}
		if a != r {
			return false
		}
		n++
	}
	for _, c := range rest {
		if unicode.IsUpper(c) {
			return false
		}
	}
	return n >= 2
}

// actsAfter reports whether a verb of actVerbs follows token i, an
// auxiliary or two allowed between them.
func (s *entityScan) actsAfter(i int) bool {
	for j := i + 1; j < len(s.toks) && j-i <= 3; j++ {
		if !s.joined(j - 1) {
			return false
		}
		if l := s.toks[j].lower; s.toks[j].key == l && actVerbs[l] {
			return true
		} else if s.toks[j].key != l || !actAuxiliaries[l] {
			return false
		}
	}
	return false
}
