package quotes

import "strings"

// This file holds the signs, beside those isLabel reads, that a quoted
// phrase names a thing rather than quotes someone: a chant named after
// it, a work's title right after the noun for the work, the offence after
// a penalty.

// maxChantTagWords bounds the words of a tag that says a crowd chanted.
const maxChantTagWords = 3

// chantedAfter reports whether the tag after spans[i] says it was chanted
// (“…,” protesters chanted; « … », scandaient les manifestants): a
// crowd's chant is no one's statement, as "chanted “…”" before it is not.
func (a *attributor) chantedAfter(i int) bool {
	sp := a.spans[i]
	limit := min(len(a.text), sp.close+80, sentenceEnd(a.text, sp.close))
	if i+1 < len(a.spans) {
		limit = min(limit, a.spans[i+1].open)
	}
	ws := wordsIn(a.text, sp.close, limit)
	for k := 0; k < len(ws) && k < maxChantTagWords; k++ {
		if chantVerbs[ws[k].text] {
			return true
		}
	}
	return false
}

// maxWorkNoun bounds, in bytes, the noun for a work before its title.
const maxWorkNoun = 24

// titleAfterWork reports whether quoted, right after clause, is the title
// of the work clause ends with: "its new report “Silenced voices of the
// river” documents …", a capital and no punctuation between the noun and
// the mark ("said in its report “the trial was unfair”" quotes it).
func titleAfterWork(clause, quoted string) bool {
	if !startsUpper(quoted) {
		return false
	}
	// Only the last word counts: the clause may be long.
	ws := wordsIn(clause, max(0, len(clause)-maxWorkNoun), len(clause))
	if len(ws) == 0 || ws[len(ws)-1].end != len(strings.TrimRight(clause, " \t\u00a0")) {
		return false
	}
	return titledWorks[ws[len(ws)-1].text]
}

// maxPenalReach bounds the words between a penalty and the "for" that
// gives its ground: "sentenced to two years in prison for".
const maxPenalReach = 8

// penalFor reports whether ws ends with "for" (pour, por) giving the
// ground of a penalty named a few words before: "sentenced to two years
// in prison for “…”", "condamnée à deux ans de prison pour « … »". What
// follows is the offence's name, no one's words.
func penalFor(ws []word) bool {
	switch ws[len(ws)-1].text {
	case "for", "pour", "por":
	default:
		return false
	}
	for k := len(ws) - 2; k >= max(0, len(ws)-1-maxPenalReach); k-- {
		if penalWords[ws[k].text] {
			return true
		}
	}
	return false
}

// penalWords name a penalty or a prosecution.
var penalWords = map[string]bool{
	"sentenced": true, "jailed": true, "imprisoned": true, "convicted": true, "arrested": true, "detained": true,
	"prosecuted": true, "fined": true, "punished": true, "indicted": true, "prison": true, "jail": true, "years": true,
	"condamné": true, "condamnée": true, "condamnés": true, "condamnées": true, "ans": true,
	"condenado": true, "condenada": true, "condenados": true, "condenadas": true, "prisión": true, "cárcel": true, "años": true,
	"preso": true, "presa": true, "presos": true, "anos": true, "prisão": true,
}

// namingVerbs give a thing its name: a campaign called “…”, an
// operation dubbed « … », una ley llamada “…”.
var namingVerbs = map[string]bool{
	"called": true, "named": true, "baptisé": true, "baptisée": true, "appelé": true, "appelée": true,
	"nommé": true, "nommée": true, "llamado": true, "llamada": true, "chamado": true, "chamada": true,
	"genaamd": true,
}

// subjectPronouns may stand before a naming verb as its subject: "she
// called “…”" quotes her.
var subjectPronouns = map[string]bool{"he": true, "she": true, "they": true, "we": true, "i": true, "you": true, "it": true}

// chantVerbs say that a crowd chanted or sang what is quoted, before
// or after it.
var chantVerbs = map[string]bool{
	"chanted": true, "chanting": true, "chant": true, "chantait": true, "chantaient": true, "scandait": true,
	"scandaient": true, "scandant": true, "scandent": true, "coreaban": true, "coreaba": true, "coreando": true,
	"corearon": true, "gritaban": true, "sang": true, "singing": true, "gritavam": true, "entoavam": true,
}
