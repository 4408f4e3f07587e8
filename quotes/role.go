package quotes

import (
	"slices"
	"strings"

	"github.com/advosearch/advosearch/entities"
)

// This file resolves a speaker the text names by an office: “…,” said the
// Ambassador; the agency chief noted that “…”; “…”, dijo el relator; el
// relator especial de la CIDH planteó que “…”. A general pattern of
// reported speech: the office stands for the person the text introduced
// with it ("Ambassador Meirav Eilon Shahar", "UNRWA chief Philippe
// Lazzarini", "el relator especial …, Pedro Vaca"), or else, as "he" or
// "she" would, for the person last named.

// maxOfficePhrase bounds the words of a definite noun phrase for an office:
// "the UNRWA Commissioner-General", "el relator especial de la CIDH".
const maxOfficePhrase = 8

// officeBefore resolves the subject of the speech verb words[k] when it is
// a definite noun phrase for an office ("the agency chief said", "el
// relator especial de la CIDH planteó"): the phrase starts the clause (its
// first word after punctuation or the clause's start is a definite
// article) and holds an office noun. ok says whether the words are such a
// phrase.
func (a *attributor) officeBefore(words []word, k int) (resolved, bool) {
	n := skipAdverbs(words, k) - 1
	if n >= 1 && auxiliaries[words[n].text] {
		n--
	}
	if who, ok := a.spokesFor(words, max(0, n-maxOfficePhrase-maxSpokesOrgWords), n+1, words[k].start); ok {
		return who, true
	}
	office, at := "", 0
	for j := n; j >= 0 && n-j < maxOfficePhrase; j-- {
		if j < n && strings.ContainsAny(a.text[words[j].end:words[j+1].start], ",;:.!?()\"“”«»\n") {
			return resolved{}, false
		}
		w := words[j].text
		if entities.IsOffice(w) || roleNouns[w] {
			office, at = w, words[j].start
		}
		if nameConnectors[w] && !a.nameBefore(words[j].start, at) {
			// A connector inside a name before the office ("the
			// Coalition for Fair Wages spokesperson") leaves the
			// office the head.
			// "la Oficina del Presidente pidió": an office after "of"
			// or "de" is a complement, not the speaker; the phrase's
			// head must be the office ("el relator especial de la CIDH").
			office = ""
		}
		if !definiteArticles[w] || office == "" {
			continue
		}
		if j > 0 {
			// "the government’s response to the ambassador said": the
			// phrase must open the clause, not follow a word.
			between := a.text[words[j-1].end:words[j].start]
			if !strings.ContainsAny(between, ",;:.!?()\"“”«»\n") && !relativePronouns[words[j-1].text] {
				return resolved{}, false
			}
		}
		// Up to the verb: "the minister Kem Sokha said" names the
		// holder right there.
		return a.officeHolder(office, words[k].start, a.officeOf(at)), true
	}
	return resolved{}, false
}

// officeAfter resolves a tag that names the speaker by an office right
// after the speech verb words[k]: “…,” said the Ambassador; “…”, dijo el
// relator al cuestionar …; « … », a déclaré la rapporteuse.
func (a *attributor) officeAfter(words []word, k int) (resolved, bool) {
	if who, ok := a.spokesFor(words, k+1, min(len(words), k+3+maxSpokesOrgWords), words[len(words)-1].end); ok {
		return who, true
	}
	if k+2 >= len(words) || !definiteArticles[words[k+1].text] {
		return resolved{}, false
	}
	for j := k + 2; j < len(words) && j-k <= maxOfficePhrase; j++ {
		if strings.ContainsAny(a.text[words[j-1].end:words[j].start], ",;:.!?()\"“”«»\n") {
			return resolved{}, false
		}
		if entities.IsOffice(words[j].text) || roleNouns[words[j].text] {
			// Up to the tag's end: "dijo el ministro Kem Sokha"
			// names the holder right there.
			return a.officeHolder(words[j].text, words[len(words)-1].end, a.officeOf(words[j].start)), true
		}
		if !startsUpper(a.text[words[j].start:]) && j > k+2 {
			// "dijo el ministerio de…": only capitalised words or
			// adjectives right after the article qualify the office.
			if j-k > 3 {
				return resolved{}, false
			}
		}
	}
	return resolved{}, false
}

// maxSpokesOrgWords bounds the words of the organization a spokesperson
// speaks for, in spokesFor.
const maxSpokesOrgWords = 10

// spokesFor reads "a spokesperson for the Ministry of Labour", "un
// porte-parole du ministère", "el vocero de la Fiscalía" among words[from:to]
// (the words before a speech verb, or after it): an unnamed office that
// speaks for an organization the text names right after it, a general
// pattern of reported speech. The organization speaks, as "the Ministry of
// Labour spokesperson" does; a holder named in the phrase ("a spokesperson
// for the ministry, Lena Brook,") is left to officeHolder. end bounds the
// phrase's names.
func (a *attributor) spokesFor(words []word, from, to, end int) (resolved, bool) {
	for j := from; j+2 < to && j+1 < len(words); j++ {
		if j == 0 || !spokesNouns[words[j].text] || !indefinites[words[j-1].text] && !definiteArticles[words[j-1].text] {
			continue
		}
		c := words[j+1]
		if !nameConnectors[c.text] && c.text != "at" && c.text != "from" {
			continue
		}
		if strings.ContainsAny(a.text[words[j].end:c.start], ",;:.!?()") {
			continue
		}
		var org *mention
		for _, m := range a.mentionsIn(c.end, end) {
			if m.kind == kindPerson && !m.possessive {
				// "a spokesperson for X, Lena Brook": the holder is named.
				return resolved{}, false
			}
			if org == nil && m.kind == kindOrg {
				gap := wordsIn(a.text, c.end, m.start)
				if len(gap) <= 2 && !strings.ContainsAny(a.text[c.end:m.start], ",;:.!?()") {
					org = &m
				}
			}
		}
		if org != nil {
			return resolved{name: org.name, kind: org.kind}, true
		}
		// "a spokesperson for the ministry", "un porte-parole du
		// ministère": the organization's definite noun stands for the one
		// the text named, as "the ministry said" does.
		n := j + 2
		if n < len(words) && definiteArticles[words[n].text] {
			n++
		}
		if n < len(words) && (n > j+2 || c.text == "du" || c.text == "del" || c.text == "do" || c.text == "da") {
			if who, ok := a.orgNoun(words[n].text, words[n].start); ok {
				return who, true
			}
		}
		return resolved{}, false
	}
	return resolved{}, false
}

// maxOfficeToName bounds the bytes between an office noun and the name of
// the person it introduces: "UNRWA chief Philippe Lazzarini", "el relator
// especial para la Libertad de Expresión de la CIDH, Pedro Vaca".
const maxOfficeToName = 120

// officeReach is how far back, in bytes, the introduction of an office's
// holder is looked for: further than a pronoun's referent, as an office is
// named again long after it was introduced.
const officeReach = 5000

// officeOf returns the organization named right before an office noun
// at offset office ("the Cambodian Government spokesperson"), or nil.
func (a *attributor) officeOf(office int) *mention {
	ms := a.mentionsIn(max(0, office-120), office)
	// A mention that runs over the noun ("the UNRWA Commissioner-General",
	// read whole as an organization) is no organization before it.
	if n := len(ms); n > 0 && ms[n-1].kind == kindOrg && ms[n-1].end <= office {
		gap := strings.TrimPrefix(strings.TrimPrefix(a.text[ms[n-1].end:office], "’s"), "'s")
		if strings.TrimSpace(gap) == "" {
			return &ms[n-1]
		}
	}
	return nil
}

// officeHolder returns the person the text introduced before offset at with
// the office noun: the first person named within maxOfficeToName bytes
// after the noun, in the same sentence. Failing that, an office of an
// organization the phrase names (org, which may be nil: "the Cambodian
// Government spokesperson") speaks for it; else the office stands for the
// person last named, as "she" does.
func (a *attributor) officeHolder(noun string, at int, org *mention) resolved {
	ws := wordsIn(a.text, max(0, at-officeReach), at)
	for j := len(ws) - 1; j >= 0; j-- {
		if ws[j].text != noun {
			continue
		}
		if p, ok := a.namedBefore(ws[j].start); ok {
			// "Sarah M Brooks, présidente de Harbour Watch", "X is
			// the group's director": the name before the office.
			return resolved{name: p.name, kind: p.kind}
		}
		after := ws[j].end
		stop := min(at, after+maxOfficeToName, sentenceEnd(a.text, after))
		for _, p := range a.mentionsIn(after, stop) {
			if p.kind != kindPerson || p.possessive {
				continue
			}
			if a.introduces(after, p.start) {
				return resolved{name: p.name, kind: p.kind}
			}
			break
		}
	}
	if org != nil && spokesNouns[noun] {
		return resolved{name: org.name, kind: org.kind}
	}
	if roleNouns[noun] && !entities.IsOffice(noun) {
		if noun == "year-old" {
			// "Kofi Mensah, 45, … the 45-year-old said": the person
			// named before, as "he" is.
			return a.pronoun("she", at)
		}
		// "the lawyer said" where the text gave no lawyer a name: not
		// whoever was named last, who is seldom their own lawyer.
		return resolved{unnamed: true}
	}
	if headNouns[noun] {
		// "UN Secretary-General António Guterres … the UN chief said":
		// a head is the last person introduced with an office.
		if who := a.lastOfficeHolder(at); who.name != "" {
			return who
		}
	}
	return a.pronoun("she", at)
}

// roleNouns are the roles, besides offices, that stand for a person the
// text introduced with them, as an office does: "activist Kofi Mensah …
// the activist said", « la militante X … », poursuit la militante. A role
// the text gave no one is nobody named. "year-old" is the age noun of
// "the 45-year-old said".
var roleNouns = map[string]bool{
	"lawyer": true, "attorney": true, "correspondent": true, "journalist": true, "reporter": true,
	"analyst": true, "activist": true, "researcher": true, "expert": true, "year-old": true,
	"correspondente": true, "corresponsal": true, "periodista": true, "jornalista": true, "journaliste": true,
	"avocat": true, "avocate": true, "abogado": true, "abogada": true, "advogado": true, "advogada": true,
	"militant": true, "militante": true, "activiste": true, "activista": true, "ativista": true,
	"woordvoerder": true, "woordvoerster": true, "advocaat": true, "verslaggever": true,
}

// headNouns name the head of an organization without saying which office:
// the chief, the head.
var headNouns = map[string]bool{"chief": true, "head": true, "jefe": true, "jefa": true, "chef": true}

// lastOfficeHolder returns the last person the text introduced with any
// office noun before offset at ("Secretary-General António Guterres"), or
// no one.
func (a *attributor) lastOfficeHolder(at int) resolved {
	ws := wordsIn(a.text, max(0, at-officeReach), at)
	for j := len(ws) - 1; j >= 0; j-- {
		if !entities.IsOffice(ws[j].text) || headNouns[ws[j].text] {
			continue
		}
		after := ws[j].end
		stop := min(at, after+maxOfficeToName, sentenceEnd(a.text, after))
		for _, p := range a.mentionsIn(after, stop) {
			if p.kind == kindPerson && !p.possessive && a.introduces(after, p.start) {
				return resolved{name: p.name, kind: p.kind}
			}
			break
		}
	}
	return resolved{}
}

// spokesNouns are the offices that speak for their organization when the
// text names no holder: "the Cambodian Government spokesperson". A head
// of one ("the UN chief", "the agency director") is a person the text
// usually named before, as "she" would be.
var spokesNouns = map[string]bool{
	"spokesperson": true, "spokesman": true, "spokeswoman": true, "representative": true,
	"porte-parole": true, "portavoz": true, "vocero": true, "vocera": true, "representante": true,
}

// copulaWords may stand between a person's name and the office the
// sentence gives them: "X is the director", "X, the group's chief", "X
// est présidente", "X, la directora".
var copulaWords = map[string]bool{
	"is": true, "was": true, "the": true, "a": true, "an": true, "its": true, "their": true, "s": true,
	"est": true, "était": true, "es": true, "era": true, "fue": true, "é": true, "foi": true,
	"la": true, "le": true, "el": true, "l": true, "une": true, "un": true, "una": true, "uma": true, "um": true, "o": true,
}

// maxCopulaBytes bounds the text between a name and the office after it.
const maxCopulaBytes = 40

// namedBefore returns the person named right before offset office with
// only a comma and copulaWords between.
func (a *attributor) namedBefore(office int) (mention, bool) {
	ms := a.mentionsIn(max(0, office-maxCopulaBytes-120), office)
	for k := len(ms) - 1; k >= 0; k-- {
		p := ms[k]
		if p.end > office {
			continue // a name running over the office: no name before it
		}
		if office-p.end > maxCopulaBytes {
			return mention{}, false
		}
		if p.kind != kindPerson || p.possessive {
			// "the group’s director": an organization between is part
			// of the office; look further back.
			continue
		}
		gap := a.text[p.end:office]
		if strings.ContainsAny(gap, ".;:!?()\"“”«»–—\n") {
			return mention{}, false
		}
		for _, w := range wordsIn(a.text, p.end, office) {
			if !copulaWords[w.text] && !a.insideMention(w.start) {
				return mention{}, false
			}
		}
		return p, true
	}
	return mention{}, false
}

// nameBefore reports whether offset at lies in a mention's name that ends
// before offset office.
func (a *attributor) nameBefore(at, office int) bool {
	for _, m := range a.mentionsIn(max(0, at-200), at+1) {
		if m.start <= at && at < m.end && m.end <= office {
			return true
		}
	}
	return false
}

// insideMention reports whether offset at lies in a mention's name.
func (a *attributor) insideMention(at int) bool {
	for _, m := range a.mentionsIn(max(0, at-200), at+1) {
		if m.start <= at && at < m.end {
			return true
		}
	}
	return false
}

// introduces reports whether text[from:to], between an office noun and a
// person's name, is the rest of the office ("especial para la Libertad de
// Expresión de la CIDH,"), not another clause: no quotation mark, dash,
// colon or semicolon, no relative pronoun and no verb of saying ("the
// Ambassador, who also insisted that “…” – a claim rejected by X").
func (a *attributor) introduces(from, to int) bool {
	if strings.ContainsAny(a.text[from:to], "“”\"«»–—;:") {
		return false
	}
	ws := wordsIn(a.text, from, to)
	for k := range ws {
		if relativePronouns[ws[k].text] || isSpeechVerb(ws, k) {
			return false
		}
	}
	return true
}

// asSpeaker turns a mention read as a speaker into one: an organization's
// name that ends in an office noun ("the UNRWA Commissioner-General", read
// as an organization) stands for the holder of that office.
func (a *attributor) asSpeaker(m mention) resolved {
	if m.kind == kindOrg {
		ws := wordsIn(a.text, m.start, m.end)
		if n := len(ws); n > 1 && entities.IsOffice(ws[n-1].text) && !slices.ContainsFunc(ws, func(w word) bool { return nameConnectors[w.text] }) {
			// "Oficina del Presidente" is an office's name: the
			// office is its head only when no complement leads to it.
			return a.officeHolder(ws[n-1].text, m.start, nil)
		}
	}
	return resolved{name: m.name, kind: m.kind}
}

// affiliation reports whether gap, between a person's name and an
// organization's, says the person belongs to it: "of", "from", "at",
// "van", "de", "du", with an article or not.
func affiliation(gap string) bool {
	ws := wordsIn(gap, 0, len(gap))
	if strings.ContainsAny(gap, ",;:.!?()\n") || len(ws) == 0 || len(ws) > 2 {
		return false
	}
	switch ws[0].text {
	case "of", "from", "at", "van", "de", "du", "del", "da", "do", "des":
	default:
		return false
	}
	return len(ws) == 1 || labelArticles[ws[1].text] || ws[1].text == "het"
}

// maxOfficesOnly bounds the words of an office between a verb and a name.
const maxOfficesOnly = 3

// officesOnly reports whether gap, between a speech verb and a name, is
// empty or a few office words in small letters: "said X", "zegt
// correspondent X", "said police spokesman X".
func officesOnly(gap string) bool {
	ws := wordsIn(gap, 0, len(gap))
	if len(ws) > maxOfficesOnly || strings.ContainsAny(gap, ",;:.!?()\n") {
		return false
	}
	for _, w := range ws {
		if !entities.IsOffice(w.text) && !entities.IsTitle(gap[w.start:w.end]) && !roleNouns[w.text] && !tagWords[w.text] {
			return false
		}
	}
	return true
}

// tagWords may stand with roles between a verb of saying and the name:
// "said police spokesman X", "zei premier X".
var tagWords = map[string]bool{"police": true, "premier": true}
