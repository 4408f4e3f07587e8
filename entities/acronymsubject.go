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
	want := acronymCapitals(acronym)
	for _, m := range s.found {
		if m.kind == kindOrg && initials(m.name) == want {
			return m.name
		}
	}
	return s.g.canonicalOrg(acronym)
}

// initials returns the first letters of a name's capitalised words, in
// capitals: "Ugandan Communications Commission" → "UCC".
func initials(name string) string {
	var b strings.Builder
	for w := range strings.FieldsSeq(name) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
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
