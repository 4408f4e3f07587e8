package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// French, Spanish and Portuguese institutions write their names' tails in
// small letters: "Direction générale des finances publiques", "Conseil
// supérieur de la magistrature", "Commission nationale des marchés". A
// small word is no name's part by itself, so a tail is read only where the
// head is already an institution's: a head word and an institutional
// adjective ("générale", "supérieur", "nationale"). General patterns of
// the three languages, each with a table test of invented sentences in
// orgtail_test.go.

// maxTailNouns bounds the connector-and-noun steps of a tail: "des
// opérations de police tactique" is two.
const maxTailNouns = 3

// isAdjectiveHead reports whether lower opens French institutions' names
// and is an English word too ("Commission", "Direction", "Office"): such a
// word opens a name only where an institutional adjective in small letters
// follows, which English never writes after it ("Office national des
// forêts", "Direction générale"). A switch, not a map: findOrgs asks it of
// every capitalised word.
func isAdjectiveHead(lower string) bool {
	switch lower {
	case "autorité", "caisse", "commission", "délégation", "direction", "haute", "inspection", "office":
		return true
	}
	return false
}

// tailStops end a tail: determiners, pronouns and the nouns of time and
// place a sentence goes on with after a name ("le Conseil supérieur de son
// côté", "la Cour suprême du pays"). Keys are lower case.
var tailStops = wordSet(`
	ce cet cette ces son sa ses leur leurs notre nos votre vos mon ma mes un une tout tous toute
	toutes qui que dont où su sus seu sua seus suas este esta estos estas ese esa esos esas aquel
	aquella nuestro nuestra nosso nossa cual cuyo cuya lo le la les el los las o os a as
	jour jours semaine semaines mois année années an ans día días semana semanas mes meses año
	años dia dias ano anos pays país região région región ville ciudad cidade part parte côté lado`)

// tailAdjectiveEnds end the adjectives a tail may hold after its noun
// ("finances publiques", "police tactique", "derechos humanos" has none:
// a capital starts that one). Nouns and verbs rarely end so; a word that
// does not is where the name stops.
var tailAdjectiveEnds = []string{
	"ique", "iques", "ale", "ales", "aux", "elle", "elles", "aire", "aires", "ive", "ives", "ée", "ées",
	"ico", "ica", "icos", "icas", "ivo", "iva", "ivos", "ivas", "ario", "aria", "arios", "arias",
	"ário", "ária", "ários", "árias", "al", "ais", "ial", "iales",
}

// romanceTail returns the end of the small-letter tail that starts at
// token to, or to: a connector (with its article), a noun in small
// letters, the adjectives after it, and again while a connector follows,
// then any capitalised part orgRunEnd reads ("… des finances publiques de
// Paris").
func (s *entityScan) romanceTail(to int) int {
	for n := 0; n < maxTailNouns; n++ {
		j, ok := s.connectorAt(to)
		if !ok || j >= len(s.toks) || !isTailWord(s.toks[j].key) {
			break
		}
		to = s.tailAdjectives(j + 1)
	}
	return s.orgRunEnd(to)
}

// tailAdjectives returns the end of the small-letter adjectives that start
// at token j ("publique" in "ministère de la Santé publique"), a
// nationality's ("malgache", "algérienne") left out, as a name is the
// same body without it.
func (s *entityScan) tailAdjectives(j int) int {
	for j < len(s.toks) && s.joined(j-1) && isTailWord(s.toks[j].key) && isTailAdjective(s.toks[j].key) {
		j++
	}
	return j
}

// isTailWord reports whether w is a word of three letters or more, all in
// small letters, that is no tail stop.
func isTailWord(w string) bool {
	if utf8.RuneCountInString(w) < 3 || tailStops[w] {
		return false
	}
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// isTailAdjective reports whether w ends as the adjectives of a tail do
// and is no adjective of nationality.
func isTailAdjective(w string) bool {
	if isDemonym(w) {
		return false
	}
	for _, e := range tailAdjectiveEnds {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// adjectiveHeadAt reports whether token h is an isAdjectiveHead word,
// capitalised, with an institutional adjective in small letters after it.
func (s *entityScan) adjectiveHeadAt(h int) bool {
	return isAdjectiveHead(s.toks[h].lower) && h+1 < len(s.toks) && s.joined(h) && leadAdjectives[s.toks[h+1].key] != 0
}
