package quotes

import (
	"strings"

	"github.com/advosearch/advosearch/entities"
)

// This file resolves a speaker the text refers to by a definite noun for an
// organization: “…,” the group said; the ministry said that “…”; which the
// institution said … “…”. A general pattern of reported speech: the noun
// stands for an organization the text has named, as a pronoun would.

// orgNounsAny stand for any organization: the one the text last named.
var orgNounsAny = map[string]bool{
	"group": true, "organisation": true, "organization": true, "ngo": true, "institution": true,
	"body": true, "watchdog": true, "charity": true, "agency": true, "office": true,
	"ong": true, "organización": true, "organização": true, "grupo": true, "groupe": true,
	"organismo": true, "entidad": true, "organisme": true, "agence": true, "agencia": true, "oficina": true,
}

// definiteArticles open a definite noun in English, French ("l’" is a word
// of its own here), Spanish and Portuguese.
var definiteArticles = map[string]bool{"the": true, "l": true, "la": true, "le": true, "el": true, "o": true, "a": true}

// auxiliaries stand between a subject and its speech verb: "has said",
// "a déclaré", "ha dicho", "tem dito".
var auxiliaries = map[string]bool{"has": true, "had": true, "have": true, "a": true, "ha": true, "han": true, "avait": true, "havia": true, "tem": true}

// prepositions put the noun after them in an object's place.
var prepositions = map[string]bool{"in": true, "of": true, "to": true, "for": true, "with": true, "by": true, "on": true, "at": true, "from": true, "about": true, "against": true, "into": true}

// maxNounModifiers bounds the words between the article and the noun:
// "the human rights organization said", "the UN human rights office
// said".
const maxNounModifiers = 4

// definiteOrg resolves "the NOUN" right before the speech verb words[k].
// ok says whether the words there are such a noun; the speaker is then the
// organization it stands for, or no one named when the text named none.
func (a *attributor) definiteOrg(words []word, k int) (resolved, bool) {
	n := skipAdverbs(words, k) - 1 // the noun, perhaps before an auxiliary: "l’organisation a déclaré"
	if n >= 2 && auxiliaries[words[n].text] && !definiteArticles[words[n-1].text] {
		n--
	}
	art := n - 1 // the article, perhaps before modifiers: "the human rights organization", "the UN agency"
	for art > 0 && n-art <= maxNounModifiers && !definiteArticles[words[art].text] {
		art--
	}
	if art < 0 || !definiteArticles[words[art].text] || strings.ContainsAny(a.text[words[art].end:words[k].start], ",;:.") {
		return resolved{}, false
	}
	if art >= 1 && prepositions[words[art-1].text] {
		// "influence in the NGO, telling …": the noun is an object, not
		// who speaks.
		return resolved{}, false
	}
	for _, m := range a.mentionsIn(words[art].start, words[k].start) {
		// "the UN agency said": a name may qualify the noun; any other
		// name there is the subject itself ("the group Harbour Watch").
		if !a.modifier(m) {
			return resolved{}, false
		}
	}
	return a.orgNoun(words[n].text, words[art].start)
}

// subjectAdverbs stand between a subject and its verb of saying: "the
// group also said", "the ministry later stated", "l’ONG a encore dit".
var subjectAdverbs = map[string]bool{
	"also": true, "further": true, "later": true, "then": true, "again": true, "earlier": true,
	"previously": true, "subsequently": true, "repeatedly": true, "recently": true, "today": true,
	"yesterday": true, "now": true, "separately": true, "additionally": true, "encore": true, "además": true,
	"también": true, "aussi": true, "também": true, "ainda": true,
}

// skipAdverbs returns the index of the first of the adverbs right before
// the verb words[k] (k itself when none stands there), so that the
// subject is read before them.
func skipAdverbs(words []word, k int) int {
	for k > 0 && subjectAdverbs[words[k-1].text] {
		k--
	}
	return k
}

// definiteOrgFrom returns where the definite noun phrase definiteOrg reads
// before words[k] starts, so a caller can look for names before it.
func definiteOrgFrom(words []word, k int) int {
	n := skipAdverbs(words, k) - 1
	if n >= 2 && auxiliaries[words[n].text] && !definiteArticles[words[n-1].text] {
		n--
	}
	for art := n - 1; art >= 0 && n-art <= maxNounModifiers+1; art-- {
		if definiteArticles[words[art].text] {
			return words[art].start
		}
	}
	return words[max(0, n)].start
}

// orgNoun resolves an organization's definite noun standing at offset at:
// a noun for any organization is the one last named, as "it" is; a noun
// that is part of names (the ministry) is the last organization whose
// name holds it, or no one named. ok is false for any other noun.
func (a *attributor) orgNoun(noun string, at int) (resolved, bool) {
	switch {
	case orgNounsAny[noun]:
		return a.pronoun("it", at), true
	case entities.IsOrgNoun(noun):
		ms := a.mentionsIn(max(0, at-pronounReach), at)
		for j := len(ms) - 1; j >= 0; j-- {
			// "the Democratic Alliance party … the party said": the
			// noun in the name, or right after it.
			if m := ms[j]; m.kind == kindOrg && (strings.Contains(strings.ToLower(m.name), noun) || a.nounAfter(m, noun)) {
				return resolved{name: m.name, kind: m.kind}, true
			}
		}
		return resolved{}, true
	}
	return resolved{}, false
}

// nounAfter reports whether the word right after mention m is noun, as in
// "the Democratic Alliance party".
func (a *attributor) nounAfter(m mention, noun string) bool {
	ws := wordsIn(a.text, m.end, min(len(a.text), m.end+len(noun)+2))
	return len(ws) > 0 && ws[0].start == m.end+1 && ws[0].text == noun
}

// definiteOrgAfter resolves a tag that names the speaker by an
// organization's definite noun right after the speech verb words[k]:
// “…”, expresó la organización en un comunicado; « … », selon l’ONG;
// “…,” said the UN agency.
func (a *attributor) definiteOrgAfter(words []word, k int) (resolved, bool) {
	if k+2 >= len(words) || !definiteArticles[words[k+1].text] {
		return resolved{}, false
	}
	for j := k + 2; j < len(words) && j-(k+1) <= maxNounModifiers+1; j++ {
		if strings.ContainsAny(a.text[words[j-1].end:words[j].start], ",;:.!?()\"“”«»\n") {
			return resolved{}, false
		}
		if orgNounsAny[words[j].text] || entities.IsOrgNoun(words[j].text) {
			return a.orgNoun(words[j].text, words[k+1].start)
		}
	}
	return resolved{}, false
}

// documentNouns stand for a document whose issuer speaks through it: “…,”
// says the statement; the report said that “…”.
var documentNouns = map[string]bool{
	"statement": true, "report": true, "communiqué": true, "letter": true, "declaration": true, "release": true,
	"comunicado": true, "informe": true, "déclaration": true, "rapport": true, "lettre": true, "carta": true,
	// A court speaks through its ruling: "the ruling said".
	"ruling": true, "judgment": true, "judgement": true,
}

// maxIssuerWords bounds the words between a document noun and its issuer:
// "the Kefaya statement", "a statement by the pro-democracy Kefaya
// movement".
const maxIssuerWords = 4

// documentSubject resolves "the statement said" and "says the statement"
// around the speech verb words[k] to the organization (or person) the text
// named as the document's issuer, where it first mentioned the document:
// "according to a statement by the Kefaya movement …. “…,” says the
// statement". ok is false when the words are no such noun, or the text
// named no issuer.
func (a *attributor) documentSubject(words []word, k int) (resolved, bool) {
	var noun word
	switch s := skipAdverbs(words, k); {
	case s >= 2 && definiteArticles[words[s-2].text] && documentNouns[words[s-1].text]:
		noun = words[s-1]
	case k+2 < len(words) && definiteArticles[words[k+1].text] && documentNouns[words[k+2].text]:
		noun = words[k+2]
	default:
		return resolved{}, false
	}
	ws := wordsIn(a.text, max(0, noun.start-officeReach), noun.start)
	for j := len(ws) - 1; j >= 0; j-- {
		if ws[j].text != noun.text {
			continue
		}
		from := ws[max(0, j-maxIssuerWords)].start
		to := ws[j].end
		if j+1+maxIssuerWords < len(ws) && (ws[j+1].text == "by" || ws[j+1].text == "from" || ws[j+1].text == "of" || ws[j+1].text == "de" || ws[j+1].text == "por") {
			to = ws[j+1+maxIssuerWords].end
		}
		// A long name may start before the window and end in it: "the
		// Coalition for Fair Wages issued a statement".
		for _, m := range a.mentionsIn(max(0, from-200), to) {
			if m.kind != kindUnknown && m.end > from {
				return resolved{name: m.name, kind: m.kind}, true
			}
		}
	}
	return resolved{}, false
}
