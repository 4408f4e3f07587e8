package quotes

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/advosearch/advosearch/entities"
)

// Quote is one quotation in a statement.
type Quote struct {
	Text       string // the quoted words, as printed (original characters), without the outer quote marks
	Speaker    string // full name or organization the text attributes it to; "" when the text does not say
	Sentence   string // the sentence (or paragraph part) around it, for context, as printed
	Start, End int    // byte offsets of Text in the input
}

// Extract returns the quotations of four words or more in text, in order.
// names are the names entities.Recognizer.Find found in this same text (its
// offsets are text's); their canonical names resolve pronouns and
// surnames, and a Speaker is one of them whenever the text names one. nil
// names leave only the capitalised names next to a speech verb ("said John
// Smith").
//
// Extract is pure and safe for concurrent use. It does not panic on any
// input, invalid UTF-8 and names outside text included, and its time is
// linear in len(text) for a fixed number of names.
func Extract(text string, names entities.Names) []Quote {
	spans := scan(text)
	if len(spans) == 0 {
		return nil
	}
	a := &attributor{text: text, spans: spans, mentions: findMentions(text, names)}
	a.markQuoted()
	out := make([]Quote, 0, len(spans))
	from := make([]int, 0, len(spans)) // the span of each quotation out
	for i, sp := range spans {
		if a.labelled(i) || a.nameModifier(sp) {
			// charged with “…”: the name of a thing, not words said.
			a.said = append(a.said, resolved{})
			continue
		}
		who := a.speaker(i)
		if who.name == "" && sp.short {
			a.said = append(a.said, resolved{})
			continue
		}
		if who.name == "" && a.term(sp) {
			// una “criminalización de la protesta”: a phrase named, not
			// words someone is quoted as saying.
			a.said = append(a.said, resolved{})
			continue
		}
		a.said = append(a.said, who)
		from = append(from, i)
		out = append(out, Quote{
			Text:     text[sp.start:sp.end],
			Speaker:  who.name,
			Sentence: sentenceAround(text, sp),
			Start:    sp.start,
			End:      sp.end,
		})
	}
	// A quotation that runs on into the next paragraph is said by whoever
	// the tag after its last paragraph names: “… them.¶“We call …,” said X.
	for j := len(out) - 2; j >= 0; j-- {
		if spans[from[j]].runsOn && out[j].Speaker == "" && from[j+1] == from[j]+1 {
			out[j].Speaker = out[j+1].Speaker
		}
	}
	pullQuotes(out)
	return out
}

// pullQuotes gives a quotation with no speaker the speaker of the same
// words quoted elsewhere in the text: a pull quote or a subheading repeats
// a quotation that the body attributes.
func pullQuotes(qs []Quote) {
	said := map[string]string{}
	for _, q := range qs {
		if k := quoteKey(q.Text); q.Speaker != "" && said[k] == "" {
			said[k] = q.Speaker
		}
	}
	for i, q := range qs {
		if q.Speaker == "" {
			qs[i].Speaker = said[quoteKey(q.Text)]
		}
	}
}

// quoteKey is a quotation's words, lower-cased, without punctuation.
func quoteKey(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !isWordRune(r) }), " ")
}

// resolved is a speaker as found: a name and what kind of entity it is.
// weak marks a name given only as the source of a report ("…”, according
// to AFP), which a speaker named before the quotation overrides.
type resolved struct {
	name string
	kind entityKind
	weak bool
	// tag marks a speaker named in the words right after the quotation
	// (“…,” a tearful Mr Raja Petra said as he …), which a next passage
	// continues however long the tag.
	tag bool
	// unnamed marks a tag that brings in a speaker the text does not name
	// (“…,” said a bishop): no one named before spoke it.
	unnamed bool
}

// attributor finds the speakers of the quotations in one text, in order;
// said[i] is the speaker found for spans[i].
type attributor struct {
	text     string
	spans    []span
	mentions []mention
	said     []resolved
	// speeches are the verbs of saying with a named subject, read the
	// first time a pronoun needs them (lastNamedSpeaker).
	speeches []speech
	// unknowns is 1 when mentions hold a name no recognizer read, -1
	// when they hold none, 0 until anyUnknown has looked.
	unknowns int8
}

// markQuoted flags the mentions inside quotations.
func (a *attributor) markQuoted() {
	k := 0
	for i := range a.mentions {
		m := &a.mentions[i]
		for k < len(a.spans) && a.spans[k].close <= m.start {
			k++
		}
		m.inQuote = k < len(a.spans) && a.spans[k].open <= m.start
	}
}

// mentionsIn returns the mentions that start in [from, to) outside
// quotations, in order.
func (a *attributor) mentionsIn(from, to int) []mention {
	i, _ := slices.BinarySearchFunc(a.mentions, from, func(m mention, at int) int { return m.start - at })
	var out []mention
	for ; i < len(a.mentions) && a.mentions[i].start < to; i++ {
		if !a.mentions[i].inQuote {
			out = append(out, a.mentions[i])
		}
	}
	return out
}

// clauseStart is where the clause before spans[i] starts: at its sentence,
// or after the quotation before it.
func (a *attributor) clauseStart(i int) int {
	prevClose := 0
	if i > 0 {
		prevClose = a.spans[i-1].close
	}
	return max(sentenceStart(a.text, a.spans[i].open), prevClose)
}

// maxTermWords bounds a quoted term: a longer quotation is words said.
const maxTermWords = 8

// term reports whether sp is a phrase the text names rather than quotes:
// right after an article ("a “witch hunt against the press”", "una
// “criminalización de la protesta”"), short, with no sentence punctuation.
// Extract asks only when the text names no speaker: "called it a “great
// day for human rights”" is a quotation.
func (a *attributor) term(sp span) bool {
	words := wordsIn(a.text, max(0, sp.open-8), sp.open)
	if len(words) == 0 || strings.TrimSpace(a.text[words[len(words)-1].end:sp.open]) != "" {
		return false
	}
	switch words[len(words)-1].text {
	case "a", "an", "un", "una", "une":
	default:
		return false
	}
	q := a.text[sp.start:sp.end]
	return countWords(q) <= maxTermWords && !strings.ContainsAny(q, ".!?;:,")
}

// nameModifier reports whether sp is a name standing between an article
// and the noun it qualifies: under the “one country, two systems”
// formula, la “ley mordaza” aprobada. Short, with no sentence punctuation,
// and followed by a word in small letters that is no verb of saying,
// pronoun, auxiliary or conjunction.
func (a *attributor) nameModifier(sp span) bool {
	before := wordsIn(a.text, max(0, sp.open-7), sp.open)
	if len(before) == 0 || strings.TrimSpace(a.text[before[len(before)-1].end:sp.open]) != "" {
		return false
	}
	switch before[len(before)-1].text {
	case "the", "la", "le", "el", "les", "los", "las", "o", "os", "as":
	case "its", "their", "his", "her", "our", "sa", "son", "ses", "su", "sus", "seu", "sua":
		// its “zero tolerance” policy: a possessive determiner, as an
		// article.
	case "s":
		// the government’s “war on drugs” campaign: a possessive ’s.
		if b := before[len(before)-1]; b.start == 0 || !strings.ContainsAny(a.text[max(0, b.start-3):b.start], "’'") {
			return false
		}
	default:
		return false
	}
	q := a.text[sp.start:sp.end]
	if countWords(q) > maxTermWords || strings.ContainsAny(q, ".!?;:") {
		return false
	}
	after := wordsIn(a.text, sp.close, min(len(a.text), sp.close+40))
	if len(after) == 0 || strings.TrimSpace(a.text[sp.close:after[0].start]) != "" || !startsLower(a.text[after[0].start:]) {
		return false
	}
	return !isSpeechVerb(after, 0) && !notNoun[after[0].text]
}

// notNoun are the small words after a quotation that make it no
// qualifier of a noun: a tag's pronoun, an auxiliary, a conjunction.
var notNoun = map[string]bool{
	"he": true, "she": true, "it": true, "they": true, "we": true, "i": true, "you": true,
	"is": true, "was": true, "are": true, "were": true, "has": true, "have": true, "had": true, "will": true,
	"would": true, "could": true, "can": true, "may": true, "might": true, "must": true, "should": true,
	"and": true, "or": true, "but": true, "that": true, "which": true, "who": true, "as": true,
	"y": true, "o": true, "et": true, "ou": true, "e": true, "que": true, "qui": true, "es": true, "est": true,
	"fue": true, "era": true, "a": true, "en": true, "de": true, "in": true, "of": true, "to": true, "for": true,
}

// labelled reports whether spans[i] names a thing rather than quoting
// someone: charged with ‘…’, signs reading ‘…’, also as the second of a
// list (charged with “spreading false news” and “membership of a group”).
func (a *attributor) labelled(i int) bool {
	sp := a.spans[i]
	clause := a.text[sentenceStart(a.text, sp.open):sp.open]
	return isLabel(clause) || titleAfterWork(clause, a.text[sp.start:sp.end]) || a.chantedAfter(i)
}

// speaker attributes spans[i]: the attribution after it (“…,” she said),
// which is the most specific; then the one before it (X said: “…”); then a
// continuation of the previous quotation.
func (a *attributor) speaker(i int) resolved {
	if who, ok := a.khmerSpeaker(i); ok {
		return who
	}
	sp := a.spans[i]
	clauseStart := a.clauseStart(i)
	tag := a.after(i)
	tag.tag = tag.name != ""
	if tag.name != "" && !tag.weak {
		return tag
	}
	if tag.unnamed {
		// “…,” said a bishop in the north: neither a name before the
		// quotation nor the speaker of the one before spoke it. The
		// mark stays, for a pronoun after it: “…,” he continued.
		return tag
	}
	if who := a.incise(i); who.name != "" {
		// « …, a-t-elle martelé. … »: the speaker named inside the
		// marks.
		return who
	}
	// X, who called it a “…”, according to AFP: X spoke, AFP reported.
	// Only a person named before overrides the report's source: the
	// "Black Monday" campaign continued with “…”, according to LICADHO.
	who := a.before(sp, clauseStart)
	if tag.name != "" && who.kind != kindPerson {
		tag.weak = false
		return tag
	}
	if who.name != "" || who.unnamed {
		return who
	}
	if who := a.continued(i, clauseStart); who.name != "" {
		return who
	}
	return a.paragraphLead(i)
}

// Bounds on a tag after a quotation, in words: the speech verb is looked
// for among the first maxTagWords, and beyond nearTagWords only when the
// speaker's name stands right before it ("…,” a tearful, haggard Mr Raja
// Petra said; “…,” Yan Xuetong, of the Institute of International Affairs
// at Qinghua University, told the New York Times). A name after the verb
// counts when it starts within maxWordsToName words of it ("said Digital
// Rights Watch Chair Tim Singleton Norton", "repitió ayer un alto
// funcionario del Ministerio de Seguridad"); one further on belongs to
// another clause ("afirma esta mujer quien además … Derechos Humanos").
const (
	nearTagWords   = 6
	maxTagWords    = 20
	maxWordsToName = 6
)

// after looks for the attribution right after the closing mark: “…,” he
// said / said Ms Brooks / Brooks said / according to X.
func (a *attributor) after(i int) resolved {
	sp := a.spans[i]
	limit := min(len(a.text), sp.close+160)
	if i+1 < len(a.spans) {
		limit = min(limit, a.spans[i+1].open)
	}
	if who, ok := a.dashCredit(sp.close, limit); ok {
		return who
	}
	if who, ok := a.creditLine(i); ok {
		return who
	}
	limit = min(limit, sentenceEnd(a.text, sp.close))
	words := wordsIn(a.text, sp.close, limit)
	if len(words) == 0 {
		return resolved{}
	}
	// “… this.” His comments suggest … starts a new sentence: only "Brooks
	// said" style is taken there.
	newSentence := endsSentence(a.text[sp.start:sp.end]) && startsUpper(a.text[words[0].start:words[0].end])
	if who, ok := a.wordsOf(words, limit); ok && newSentence {
		return who
	}
	if newSentence && countWords(a.text[sp.close:sentenceEnd(a.text, sp.close)]) > 6 {
		// A sentence of its own, not a tag: “…” Amnesty said in a statement that …
		return resolved{}
	}
	for k, w := range words {
		if k >= maxTagWords {
			break
		}
		if !isSpeechVerb(words, k) {
			continue
		}
		if documentNouns[w.text] && k+1 < len(words) && isSpeechVerb(words, k+1) {
			// “…,” the statement said: the noun is the verb's subject,
			// which documentSubject reads at the verb.
			continue
		}
		if nounUse(words, k) && words[k].text != "statement" {
			// “…” – a claim rejected by X, who said …: the tag is
			// about the quotation, and X rejected it.
			continue
		}
		if k == 1 && (words[0].text == "and" || words[0].text == "y" || words[0].text == "e" || words[0].text == "et") {
			// “…” y recordó que …: a second verb of the sentence's
			// subject, which stands before the quotation.
			return resolved{}
		}
		before := a.mentionsIn(sp.close, w.start)
		if k >= nearTagWords && !a.subjectAdjoins(before, w.start) {
			continue
		}
		if who, ok := a.quotedAs(words, k); ok {
			return who
		}
		if who, ok := a.relativeSubject(words, k); ok {
			return who
		}
		if who, ok := a.officeBefore(words, k); ok {
			return who
		}
		if who, ok := a.documentSubject(words, k); ok {
			return who
		}
		if who, ok := a.definiteOrg(words, k); ok && len(a.mentionsIn(sp.close, definiteOrgFrom(words, k))) == 0 && !newSentence {
			return who
		}
		if pr := lastPronoun(words[:k+1]); pr != "" && len(before) == 0 && !newSentence {
			// words[k] itself may hold the pronoun: ajoute-t-elle.
			return a.pronoun(pr, sp.open)
		}
		if pr := pronounAfter(words, k); pr != "" && len(before) == 0 && !newSentence {
			// „…”, zegt hij; “…”, dijo ella: the subject pronoun after
			// the verb, as Dutch and Spanish tags put it.
			return a.pronoun(pr, sp.open)
		}
		if m, ok := a.subject(before, w.start); ok {
			return a.asSpeaker(m)
		}
		if m, ok := nearestKnown(before); ok {
			return a.asSpeaker(m)
		}
		if newSentence {
			return resolved{}
		}
		if pluralSpeechVerbs[w.text] && k+1 < len(words) && pluralArticles[words[k+1].text] {
			// “…”, dijeron los abogados de X; « … », affirment les
			// habitants: people the text does not name, whoever they
			// work for.
			return resolved{unnamed: true}
		}
		if who, ok := a.officeAfter(words, k); ok {
			return who
		}
		if who, ok := a.definiteOrgAfter(words, k); ok && who.name != "" {
			who.weak = reports(w.text)
			return who
		}
		if m, ok := a.named(words, k, limit); ok {
			if tells[w.text] && m.start >= w.end {
				// “…,” one protester told Reuters: the one "told" names
				// heard it. Only the holder of an office named alone
				// (“…,” told DMP Deputy Commissioner), found before the
				// quotation, spoke.
				return resolved{}
			}
			who := a.asSpeaker(m)
			who.weak = reports(w.text)
			return who
		}
		if k+1 < len(words) && indefinites[words[k+1].text] && !(romanceSpeechVerbs[w.text] && words[k+1].text == "a") {
			// (“…”, dijo a la prensa: "a" is the preposition.)
			if name := onlyAs(a.text[w.end:limit]); name != "" {
				// “…,” said a bishop who gave his name only as Paul:
				// the one name the text gives.
				return resolved{name: name, kind: kindPerson}
			}
			// « … », a déclaré un policier; “…”, dijo una vecina: an
			// indefinite article brings in someone the text has not
			// named, never a name read before.
			return resolved{unnamed: true}
		}
		if romanceSpeechVerbs[w.text] && len(before) == 0 && (k == 0 || k == 1 && (words[0].text == "a" || words[0].text == "ha")) {
			// “…”, preguntó: Spanish and Portuguese leave the subject
			// out, and « … », a indiqué le président / “…”, afirma esta
			// mujer name it by a role: she or he, read as a pronoun is.
			// “…” y recordó que … goes on the sentence before the
			// quotation, whose subject before() reads.
			if pluralSpeechVerbs[w.text] {
				return a.pronoun("they", sp.open)
			}
			return a.pronoun("she", sp.open)
		}
		return resolved{}
	}
	return resolved{}
}

// pluralSpeechVerbs are the plural forms of the French, Spanish,
// Portuguese and Dutch verbs of saying: their subject is several people
// or an organization ("they"), never one person.
var pluralSpeechVerbs = map[string]bool{
	"dijeron": true, "afirmaron": true, "señalaron": true, "explicaron": true, "denunciaron": true, "indicaron": true,
	"aseguraron": true, "expresaron": true, "manifestaron": true, "advirtieron": true, "agregaron": true,
	"añadieron": true, "declararon": true, "affirment": true, "déclarent": true, "dénoncent": true, "estiment": true,
	"expliquent": true, "ajoutent": true, "soulignent": true, "rappellent": true, "indiquent": true, "écrivent": true,
	"racontent": true, "témoignent": true, "disseram": true, "afirmaram": true, "explicaram": true, "denunciaram": true,
	"declararam": true, "zeiden": true, "zeggen": true,
}

// pluralArticles open a plural noun: los vecinos, les habitants, os
// moradores.
var pluralArticles = map[string]bool{"los": true, "las": true, "les": true, "os": true, "as": true, "unos": true, "unas": true, "des": true}

// pronounAfter returns the person pronoun right after the speech verb
// words[k] (he, she, they as lastPronoun gives them), or "": "it" after a
// verb opens a clause ("said it would appeal"), so it is left out.
func pronounAfter(words []word, k int) string {
	if k+1 >= len(words) {
		return ""
	}
	if pr := lastPronoun(words[k+1 : k+2]); pr != "it" {
		return pr
	}
	return ""
}

// onlyAsRe reads the one name a text gives an unnamed speaker, a general
// pattern of reporting on people at risk: "who gave his name only as
// Paul", "identified only as Maria", "quien se identificó como Rosa".
var onlyAsRe = regexp.MustCompile(`\b(?:(?:name|names|identified|known)\s+only\s+as|only\s+by\s+(?:his|her|their)\s+first\s+name,?|identificó\s+como|identificada\s+como|identificado\s+como)\s+(\p{Lu}[\pL'’-]+(?:\s+\p{Lu}[\pL'’-]+)?)`)

// onlyAs returns the name onlyAsRe finds in a tag, or "".
func onlyAs(tag string) string {
	if m := onlyAsRe.FindStringSubmatch(tag); m != nil {
		return m[1]
	}
	return ""
}

// wordsOf reads a sentence right after a quotation that says whose words
// they were: "That was the conclusion of ACLU director X", "Those were the
// words of X". The first person (else organization) after "of" or "from"
// spoke.
func (a *attributor) wordsOf(words []word, limit int) (resolved, bool) {
	if len(words) < 5 {
		return resolved{}, false
	}
	switch words[0].text {
	case "that", "this", "those", "these", "such":
	default:
		return resolved{}, false
	}
	switch words[1].text {
	case "was", "were", "is", "are":
	default:
		return resolved{}, false
	}
	if words[2].text != "the" || !wordsNouns[words[3].text] || (words[4].text != "of" && words[4].text != "from") {
		return resolved{}, false
	}
	m, ok := firstAfterVerb(a.mentionsIn(words[4].end, min(limit, sentenceEnd(a.text, words[4].end))))
	if !ok || m.kind == kindUnknown {
		return resolved{}, false
	}
	return a.asSpeaker(m), true
}

// dashCredit reads a speaker credited after a dash, as pull quotes and
// quote cards are signed: “…” — Samira Benali, Tunisian League for Human
// Rights. The first person (else organization) named on the dash's line
// speaks.
func (a *attributor) dashCredit(from, limit int) (resolved, bool) {
	rest := strings.TrimLeft(a.text[from:limit], " \t\u00a0")
	dash := ""
	for _, d := range []string{"—", "–", "-", "―"} {
		if strings.HasPrefix(rest, d) {
			dash = d
		}
	}
	if dash == "" {
		return resolved{}, false
	}
	start := limit - len(rest) + len(dash)
	end := start
	if nl := strings.IndexByte(a.text[start:limit], '\n'); nl >= 0 {
		end += nl
	} else {
		end = limit
	}
	if w := wordsIn(a.text, start, end); len(w) > 0 && !startsUpper(a.text[w[0].start:]) {
		// “…” – a claim rejected by X, who said …: a clause in small
		// letters after the dash goes on with the sentence; a credit
		// starts with the name.
		return resolved{}, false
	}
	var org *mention
	for _, m := range a.mentionsIn(start, end) {
		if m.kind == kindPerson {
			return resolved{name: m.name, kind: m.kind}, true
		}
		if org == nil && m.kind == kindOrg {
			org = &m
		}
	}
	if org != nil {
		return resolved{name: org.name, kind: org.kind}, true
	}
	return resolved{}, false
}

// tells are the speech verbs whose object is the listener.
var tells = map[string]bool{"tell": true, "tells": true, "told": true, "telling": true}

// subjectAdjoins reports whether the speaker's name stands right before the
// speech verb at offset verb: the last of before ends there, or the first
// known one is set off by an appositive ("X, of the Institute, told").
func (a *attributor) subjectAdjoins(before []mention, verb int) bool {
	if len(before) == 0 {
		return false
	}
	// A mention that runs past the verb (names found over the text's
	// whole, a verb read inside one) is not before it.
	if last := before[len(before)-1]; last.end <= verb {
		if last.kind == kindOrg && isOfficeGap(a.text[last.end:verb]) {
			// “…,” the Coalition for Fair Wages spokesperson said: an
			// office of the organization named right before the verb.
			return true
		}
	}
	if last := before[len(before)-1]; !last.possessive && last.end <= verb {
		switch strings.TrimSpace(a.text[last.end:verb]) {
		case "":
			return true
		case ",":
			// “…,” a volunteer at the event, X, said: the name is set
			// off by commas as the role's appositive.
			if last.kind != kindUnknown && strings.HasSuffix(strings.TrimSpace(a.text[:last.start]), ",") {
				return true
			}
		}
	}
	for _, p := range before {
		if p.kind != kindUnknown && !p.possessive && a.appositive(p, verb) {
			return true
		}
	}
	return false
}

// isOfficeGap reports whether gap, the text between an organization's name
// and a speech verb, is an office noun of it and nothing else: " spokesperson
// ", "’s senior adviser ", " has".
func isOfficeGap(gap string) bool {
	gap = strings.TrimSpace(gap)
	for _, p := range []string{"’s", "'s"} {
		gap = strings.TrimPrefix(gap, p)
	}
	ws := wordsIn(gap, 0, len(gap))
	if n := len(ws); n > 0 && n <= 3 && !strings.ContainsAny(gap, ",;:.!?()") {
		if auxiliaries[ws[n-1].text] {
			n--
		}
		return n > 0 && entities.IsOffice(ws[n-1].text)
	}
	return false
}

// appositive reports whether the text from mention p to offset verb is a
// clause set off by two commas that describes p: "X, director of Y, said".
func (a *attributor) appositive(p mention, verb int) bool {
	if p.end > verb {
		return false
	}
	gap := withoutAuxiliary(a.text[p.end:verb])
	if p.kind == kindPerson && openOffice(gap) {
		return true
	}
	if !strings.HasPrefix(gap, ",") || strings.Count(gap, ",") < 2 || !strings.HasSuffix(strings.TrimSpace(gap), ",") ||
		strings.ContainsAny(gap, ".;:!?") {
		return false
	}
	role := strings.TrimSpace(gap[1:])
	if age := strings.TrimSpace(strings.TrimSuffix(role, ",")); age != "" && strings.Trim(age, "0123456789") == "" {
		// "X, 24, said": an age.
		return true
	}
	if strings.Count(gap, ",") > 2 {
		// "X, a teacher from Jabalpur, in the state of Madhya Pradesh,
		// said": a role in small letters may hold commas of its own; a
		// list of names ("X, Y, Z said") starts with a capital.
		return startsLower(role)
	}
	return startsLower(role) || capitalisedRole(role)
}

// withoutAuxiliary drops the auxiliary that ends gap, the words between a
// subject and its speech verb: "X, militant …, a appelé", "X, director of
// Y, has said": the appositive ends at the comma before it.
func withoutAuxiliary(gap string) string {
	t := strings.TrimRight(gap, " \t\u00a0")
	ws := wordsIn(t, 0, len(t))
	if n := len(ws); n > 0 && ws[n-1].end == len(t) && auxiliaries[ws[n-1].text] {
		return t[:ws[n-1].start]
	}
	return gap
}

// maxOpenOfficeWords bounds an appositive left open before its verb.
const maxOpenOfficeWords = 10

// openOffice reports whether gap, between a person's name and a speech
// verb, is an appositive for an office that the writer left without its
// closing comma, as Spanish and French copy often does: "Javier Hernández
// Valencia, representante de la ONU-DH señaló que “…”". It opens with a
// comma and an office noun and holds no other punctuation.
func openOffice(gap string) bool {
	if !strings.HasPrefix(gap, ",") || strings.ContainsAny(gap[1:], ",.;:!?()\"“”«»\n") {
		return false
	}
	ws := wordsIn(gap, 0, len(gap))
	return len(ws) > 0 && len(ws) <= maxOpenOfficeWords && entities.IsOffice(ws[0].text) && startsLower(gap[ws[0].start:])
}

// capitalisedRole reports whether an appositive written with capitals is a
// role ("Executive Director of Amnesty International Kenya", "Asia
// director at Human Rights Watch"): it holds a title or office word, so it
// is no second name.
func capitalisedRole(role string) bool {
	fields := strings.Fields(role)
	for i, w := range fields {
		if entities.IsTitle(strings.Trim(w, ",")) {
			return true
		}
		// "Asia director at Human Rights Watch": an office in small
		// letters after a capitalised qualifier.
		if lw := strings.Trim(w, ","); startsLower(lw) && entities.IsOffice(lw) {
			return true
		}
		// "Harbour Watch’s director": an organization's office.
		if (strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "'s")) && i+1 < len(fields) && startsLower(fields[i+1]) {
			return true
		}
	}
	return false
}

// named returns the speaker named after the speech verb words[k], before
// offset limit: the first person (else organization, else unknown name)
// starting within maxWordsToName words of the verb. A person named right
// after it, with only capitalised words between, is the one speaking:
// "said Human Rights Watch Asia Director Sarah M Brooks", "said Digital
// Rights Watch Chair Tim Singleton Norton", where the first name may be a
// misread organization.
func (a *attributor) named(words []word, k, limit int) (mention, bool) {
	if m, ok := a.possessiveHolder(words[k].end, limit); ok {
		return m, true
	}
	if m, ok := a.officeThenName(words[k].end, limit); ok {
		return m, true
	}
	reach := limit
	if k+1+maxWordsToName < len(words) {
		reach = words[k+1+maxWordsToName].start
	}
	var near []mention
	for _, m := range a.namesAfterVerb(words[k].end, limit) {
		if m.start < reach {
			near = append(near, m)
		}
	}
	if len(near) >= 2 && personLike(near[0]) && near[0].kind == kindUnknown && !near[0].possessive &&
		near[1].kind == kindOrg && affiliation(a.text[near[0].end:near[1].start]) {
		// “…”, zegt Pieter de Vries van Amnesty; said Kwame Mensah of
		// the Union: a name no recognizer knew, then where the person
		// works. The person speaks, not the organization.
		return near[0], true
	}
	m, ok := firstAfterVerb(near)
	if !ok || m.kind == kindUnknown {
		return m, ok
	}
	if role, ok := a.roleOnly(m, limit); ok {
		return a.holder(role, m.start)
	}
	for _, n := range a.mentionsIn(m.end, limit) {
		if !capitalisedOnly(a.text[m.end:n.start]) {
			break
		}
		if n.kind == kindPerson {
			m = n
		}
	}
	return m, true
}

// maxOfficeWords bounds the words of an office between an organization's
// possessive and the name of its holder.
const maxOfficeWords = 5

// possessiveHolder returns the person a tag names after an organization's
// possessive and an office in small letters: “…,” said Index on
// Censorship’s senior advocacy officer Melody Patry; said the union’s
// general secretary Jane Doe. A general pattern of press releases, whose
// name can lie beyond maxWordsToName words of the verb. The words between
// the verb and the organization may only be "the"; those between the
// possessive and the person hold no punctuation.
func (a *attributor) possessiveHolder(verbEnd, limit int) (mention, bool) {
	ms := a.namesAfterVerb(verbEnd, limit)
	if len(ms) < 2 || !ms[0].possessive || ms[0].kind == kindPerson || ms[1].kind != kindPerson || ms[1].start < ms[0].end {
		return mention{}, false
	}
	for _, w := range wordsIn(a.text, verbEnd, ms[0].start) {
		if w.text != "the" {
			return mention{}, false
		}
	}
	gap := a.text[ms[0].end:ms[1].start]
	gap = strings.TrimPrefix(strings.TrimPrefix(gap, "’s"), "'s")
	gap = strings.TrimPrefix(strings.TrimPrefix(gap, "’"), "'")
	if strings.ContainsAny(gap, ",.;:!?()\n\"“”«»") {
		return mention{}, false
	}
	office := wordsIn(gap, 0, len(gap))
	if len(office) == 0 || len(office) > maxOfficeWords {
		return mention{}, false
	}
	for _, w := range office {
		if !startsLower(gap[w.start:]) && !entities.IsTitle(gap[w.start:w.end]) {
			return mention{}, false
		}
	}
	return ms[1], true
}

// maxOfficeTagWords bounds the words of an office between a speech verb
// and the name after it.
const maxOfficeTagWords = 12

// officeThenName returns the person a tag names after an office phrase
// that puts the name beyond maxWordsToName words of the verb: “…”,
// replicó en twitter el líder opositor y ex candidato presidencial X;
// dijo a la prensa la fiscal general, X. The words between hold an office
// noun, no relative pronoun (which opens another clause: "afirma esta
// mujer quien además …") and no punctuation but a comma right before the
// name.
func (a *attributor) officeThenName(verbEnd, limit int) (mention, bool) {
	var p mention
	found := false
	for _, m := range a.namesAfterVerb(verbEnd, limit) {
		if m.kind == kindPerson && !m.possessive {
			p, found = m, true
			break
		}
	}
	if !found {
		return mention{}, false
	}
	gap := strings.TrimRight(a.text[verbEnd:p.start], " \t\u00a0")
	gap = strings.TrimSuffix(gap, ",")
	if strings.ContainsAny(gap, ",.;:!?()\"“”«»\n") {
		return mention{}, false
	}
	ws := wordsIn(gap, 0, len(gap))
	if len(ws) > maxOfficeTagWords {
		return mention{}, false
	}
	office := false
	for _, w := range ws {
		if relativePronouns[w.text] {
			return mention{}, false
		}
		office = office || entities.IsOffice(w.text)
	}
	return p, office
}

// namesAfterVerb returns the mentions in [from, to) that may name who a
// speech verb's tag says spoke: a person's name after "the" qualifies the
// noun after it ("called for the Arroyo government to …"), which is what
// the verb is about, and is left out.
func (a *attributor) namesAfterVerb(from, to int) []mention {
	ms := a.mentionsIn(from, to)
	out := ms[:0:0]
	for _, m := range ms {
		if !(m.kind == kindPerson && a.modifier(m)) {
			out = append(out, m)
		}
	}
	return out
}

// roleOnly returns the role the tag after a speech verb names when it
// names no one: an organization's name and titles up to the end of the
// tag, as in “…,” told DMP Deputy Commissioner. The organization is not
// the speaker then, but the holder of its office.
func (a *attributor) roleOnly(m mention, limit int) (string, bool) {
	ws := wordsIn(a.text, m.end, limit)
	n := 0
	for n < len(ws) && entities.IsTitle(a.text[ws[n].start:ws[n].end]) {
		n++
	}
	if n == 0 || n < len(ws) || len(a.mentionsIn(m.end, limit)) > 0 {
		return "", false
	}
	return a.text[m.start:ws[n-1].end], true
}

// holder returns the person the text named with role before offset at
// ("confirmed the DMP Deputy Commissioner Masudur Rahman"), or no one:
// a role the text never gave a name is an unnamed speaker.
func (a *attributor) holder(role string, at int) (mention, bool) {
	for end := at; ; {
		i := strings.LastIndex(a.text[:end], role)
		if i < 0 {
			return mention{}, false
		}
		after := i + len(role)
		for _, p := range a.mentionsIn(after, min(len(a.text), after+maxRoleGap)) {
			if p.kind == kindPerson && strings.TrimSpace(a.text[after:p.start]) == "" {
				return p, true
			}
		}
		end = i
	}
}

// maxRoleGap bounds the bytes between a role and the name after it.
const maxRoleGap = 4

// capitalisedOnly reports whether s holds only capitalised words and
// spaces.
func capitalisedOnly(s string) bool {
	for _, f := range strings.Fields(s) {
		if !startsUpper(f) || strings.IndexFunc(f, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
			return false
		}
	}
	return true
}

// before looks for the attribution in the clause before the opening mark:
// X said: “…” / X told reporters that “…” / according to X, “…” / Says
// X, ‘…’. When the clause is empty and the sentence before ends with a
// colon, that sentence is the clause.
func (a *attributor) before(sp span, clauseStart int) resolved {
	if strings.TrimSpace(a.text[clauseStart:sp.open]) == "" {
		prev := strings.TrimRight(a.text[:clauseStart], " \t\r\n\u00a0")
		if strings.HasSuffix(prev, ":") {
			clauseStart = max(sentenceStart(a.text, len(prev)-1), clauseStart-400, 0)
			for k := len(a.said) - 1; k >= 0; k-- {
				// Do not reach back into an earlier quotation.
				if c := a.spans[k].close; c <= sp.open {
					clauseStart = max(clauseStart, c)
					break
				}
			}
		}
	}
	words := wordsIn(a.text, clauseStart, sp.open)
	if who := a.introduced(words, clauseStart, sp.open); who.name != "" {
		return who
	}
	if pr := ownWords(words); pr != "" && strings.HasSuffix(strings.TrimSpace(a.text[clauseStart:sp.open]), ":") {
		return a.pronoun(pr, sp.open)
	}
	for k := len(words) - 1; k >= 0; k-- {
		if !isSpeechVerb(words, k) {
			continue
		}
		if who, ok := a.possessiveClaim(words, k); ok {
			return who
		}
		if nounUse(words, k) && words[k].text != "statement" {
			// "review … into allegations against the agency regarding
			// its “…”": a noun, whose subject said nothing; the verb
			// before it may have.
			continue
		}
		w := words[k]
		if who, ok := a.quotedAs(words, k); ok {
			return who
		}
		if reports(w.text) {
			if m, ok := firstAfterVerb(a.mentionsIn(w.end, sp.open)); ok {
				return resolved{name: m.name, kind: m.kind}
			}
			if k+1 < len(words) && stressedPronouns[words[k+1].text] != "" {
				// "Selon lui, « … »", "Según ella, “…”".
				return a.pronoun(stressedPronouns[words[k+1].text], w.start)
			}
			continue
		}
		if who, ok := a.relativeSubject(words, k); ok {
			return who
		}
		if who, ok := a.relativeTag(words, k, clauseStart); ok {
			return who
		}
		if who, ok := a.documentSubject(words, k); ok {
			return who
		}
		if receivedMessage(words, k) {
			// Rasim reported receiving a threat stating “…”: the
			// message's author is not named.
			return resolved{unnamed: true}
		}
		if who, ok := a.officeBefore(words, k); ok {
			return who
		}
		if who, ok := a.definiteOrg(words, k); ok {
			return who
		}
		if pr := lastPronoun(tail(words[:k], 2)); pr != "" {
			return a.pronoun(pr, w.start)
		}
		if tells[w.text] && k > 0 && passiveAux[words[k-1].text] {
			// "X was told “…”", "recalled being told: “…”": X heard
			// it; whoever told is named after "by", or not at all.
			if k+1 < len(words) && words[k+1].text == "by" {
				if m, ok := firstAfterVerb(a.mentionsIn(words[k+1].end, sp.open)); ok {
					return a.asSpeaker(m)
				}
			}
			return resolved{unnamed: true}
		}
		from := clauseStart
		prev := -1
		if !speechNouns[w.text] && !statementNouns[w.text] && !documentNouns[w.text] && !coordinatedVerb(words, k) &&
			!strings.HasSuffix(w.text, "ing") && !romanceSpeechVerbs[w.text] {
			// A participle goes on with the subject before: "X
			// concurred, quoted as saying", "X said …, telling
			// workers that". French, Spanish and Portuguese may leave
			// a verb's subject out or put it after ("Vaca explicó que
			// … destaca “…”"), so only English verbs are read so.
			prev = prevSpeechVerb(words, k)
		}
		if prev >= 0 {
			// "X said officers told him: “…”": the subject of a verb
			// reported by another stands after that one.
			from = words[prev].end
		}
		before := a.mentionsIn(from, w.start)
		if m, ok := a.subject(before, w.start); ok {
			return a.asSpeaker(m)
		}
		if prev >= 0 && len(before) == 0 && nounSubject(words[prev+1:k]) {
			// "X said a guard had warned her that “…”": a subject the
			// text does not name.
			return resolved{unnamed: true}
		}
		if m, ok := firstAfterVerb(a.namesAfterVerb(w.end, sp.open)); ok && !a.startsClause(m) && !tells[w.text] {
			// "Sources told Reuters that “…”": the name after "told"
			// heard it.
			return resolved{name: m.name, kind: m.kind}
		}
		if tells[w.text] && len(before) == 0 && !strings.HasSuffix(w.text, "ing") && nounSubject(words[max(0, prev+1):k]) {
			// "Police told X: “…”": the subject is no one named, and X
			// only heard it.
			return resolved{unnamed: true}
		}
		if romanceSpeechVerbs[w.text] && len(before) == 0 && !(k > 0 && relativePronouns[words[k-1].text]) {
			// "… y tuiteó: “…”": the subject left out, as after(). After
			// "que" the subject is the noun before it, unnamed: "el
			// lector que afirma: “…”".
			return a.pronoun("she", w.start)
		}
	}
	return a.colonLead(words, clauseStart, sp.open)
}

// possessiveWords reads "X’s pronouncement at the launch …: “…”", "X’s
// reply was blunt: “…”": a person's possessive before a noun for words
// said, in the clause that a colon closes right before the quotation.
func (a *attributor) possessiveWords(from, open int) (resolved, bool) {
	for _, m := range a.mentionsIn(from, open) {
		if m.end > open {
			continue
		}
		// "Jose Torres Jr.’s": the possessive may follow an
		// abbreviation's full stop.
		rest := strings.TrimPrefix(a.text[m.end:open], ".")
		if m.kind == kindUnknown || !strings.HasPrefix(rest, "’s") && !strings.HasPrefix(rest, "'s") {
			continue
		}
		ws := wordsIn(a.text, m.end, min(open, m.end+24))
		if len(ws) >= 2 && ws[0].text == "s" && wordsNouns[ws[1].text] {
			return resolved{name: m.name, kind: m.kind}, true
		}
	}
	return resolved{}, false
}

// wordsNouns are nouns for words someone said or wrote.
var wordsNouns = map[string]bool{
	"pronouncement": true, "statement": true, "words": true, "remarks": true, "message": true, "comments": true,
	"reply": true, "response": true, "answer": true, "tweet": true, "post": true, "appeal": true, "plea": true,
	"warning": true, "verdict": true, "conclusion": true, "speech": true, "letter": true,
}

// maxColonLeadWords bounds a clause that names a speaker before a colon.
const maxColonLeadWords = 15

// colonLead reads a short clause without a speech verb that ends in a
// colon right before the quotation as naming its speaker, as French and
// news copy introduce a quotation: "Sarah M Brooks, directrice de Harbour
// Watch : « … »", "La directrice de Harbour Watch, Sarah M Brooks : « … »".
// The clause must name exactly one person; a clause that names none may be
// an organization's name alone ("Harbour Watch: “…”").
func (a *attributor) colonLead(words []word, from, open int) resolved {
	if len(words) == 0 || !strings.HasSuffix(strings.TrimRight(a.text[from:open], " \t\u00a0"), ":") {
		return resolved{}
	}
	if who, ok := a.possessiveWords(from, open); ok {
		return who
	}
	if len(words) > maxColonLeadWords {
		return resolved{}
	}
	var person, org []mention
	for _, m := range a.mentionsIn(from, open) {
		switch {
		case m.possessive:
		case m.kind == kindPerson:
			person = append(person, m)
		case m.kind == kindOrg:
			org = append(org, m)
		}
	}
	switch {
	case len(person) == 1:
		return resolved{name: person[0].name, kind: kindPerson}
	case len(person) == 0 && len(org) == 1 && len(wordsIn(a.text, org[0].end, open)) == 0:
		return resolved{name: org[0].name, kind: kindOrg}
	case len(person) == 0:
		// "Interrogée, la présidente : « … »": an office stands for
		// its holder, as in a tag.
		for k := 1; k < len(words); k++ {
			if entities.IsOffice(words[k].text) && definiteArticles[words[k-1].text] {
				return a.officeHolder(words[k].text, words[k-1].start, a.officeOf(words[k].start))
			}
		}
	}
	return resolved{}
}

// relativeSubject reads a family tie right before the speech verb
// words[k] as its subject ("his sister said"): the speaker is the person
// the text introduced with the same tie ("his sister Mira Osei"), or no
// one named when it introduced none. Either way it is not the person the
// possessive points to, whom a pronoun rule would pick.
func (a *attributor) relativeSubject(words []word, k int) (resolved, bool) {
	if k < 2 || !entities.IsRelativeRef(words[k-2].text, words[k-1].text) {
		return resolved{}, false
	}
	if m, ok := a.holder(words[k-1].text, words[k-1].start); ok {
		return resolved{name: m.name, kind: m.kind}, true
	}
	return resolved{}, true
}

// relativePronouns open a clause whose subject is the noun before them.
var relativePronouns = map[string]bool{"que": true, "qui": true, "quien": true, "quienes": true, "who": true, "which": true}

// startsClause reports whether the name m, after a speech verb, is the
// subject of the clause it opens rather than the speaker: "A US official
// said the Treasury Department extended the deadline to “…”".
func (a *attributor) startsClause(m mention) bool {
	ws := wordsIn(a.text, m.end, min(len(a.text), m.end+40))
	if len(ws) == 0 || ws[0].start-m.end > 2 {
		return false
	}
	w := ws[0].text
	return strings.HasSuffix(w, "ed") || w == "is" || w == "was" || w == "has" || w == "had" || w == "will" || w == "would"
}

// ownWords returns the pronoun that a clause ending in "in his words",
// "en sus palabras" or "selon ses mots" stands for: "she" for a person
// (his, her, sus, ses), "they" for an organization (their); "" when the
// clause does not end so.
func ownWords(ws []word) string {
	n := len(ws)
	if n < 2 {
		return ""
	}
	switch ws[n-1].text {
	case "words", "palabras", "palavras", "mots", "termes", "propos":
	default:
		return ""
	}
	switch ws[n-2].text {
	case "his", "her", "sus", "su", "suas", "ses", "own":
		return "she"
	case "their", "leurs":
		return "they"
	}
	return ""
}

// introducers open a clause that names who speaks next, with no verb:
// "Pour Alioune Tine, fondateur d’Afrikajom Center : « … »", "For Naly
// Pilorge: “…”", "Según la abogada María Pérez: “…”".
var introducers = map[string]bool{"pour": true, "selon": true, "for": true, "para": true, "según": true, "segundo": true}

// maxIntroducedWords bounds an introducing phrase that a comma, not a
// colon, closes.
const maxIntroducedWords = 10

// introduced returns the person (or else the organization) first named in
// a clause that an introducer opens and a colon closes, right before the
// quotation; resolved{} otherwise.
func (a *attributor) introduced(words []word, from, open int) resolved {
	if len(words) == 0 || !introducers[words[0].text] {
		return resolved{}
	}
	if len(words) == 2 && stressedPronouns[words[1].text] != "" && strings.HasSuffix(strings.TrimSpace(a.text[from:open]), ",") {
		// "Para ella, “…”", "Pour lui, « … »": the person named before.
		return a.pronoun(stressedPronouns[words[1].text], from)
	}
	clause := strings.TrimRight(a.text[from:open], " \t\u00a0")
	if !strings.HasSuffix(clause, ":") && !(strings.HasSuffix(clause, ",") && len(words) <= maxIntroducedWords) {
		// "Para Sarah M Brooks, “…”", "Pour la présidente de X, Y,
		// « … »": a short introducing phrase may end with a comma.
		return resolved{}
	}
	var org *mention
	for _, m := range a.mentionsIn(from, open) {
		if m.kind == kindPerson {
			return resolved{name: m.name, kind: m.kind}
		}
		if org == nil {
			org = &m
		}
	}
	if org != nil {
		return resolved{name: org.name, kind: org.kind}
	}
	return resolved{}
}

// stressedPronouns are the pronouns after a preposition that stand for a
// person ("selon lui", "según ella", "para él"), as lastPronoun reads
// subject pronouns.
var stressedPronouns = map[string]string{
	"lui": "he", "elle": "she", "él": "he", "ella": "she", "ele": "he", "ela": "she", "him": "he", "her": "she",
}

// subject picks the speaker among the mentions before a speech verb: the
// nearest one, except that in "X, director of Y, said" it is X and in "X
// and Y said" X.
func (a *attributor) subject(before []mention, verb int) (mention, bool) {
	known := before[:0:0]
	for _, m := range before {
		if m.kind != kindUnknown && !m.possessive {
			known = append(known, m)
		}
	}
	if len(known) == 0 {
		// An unknown name counts only right before the verb: "John Smith
		// said", "la Oficina del Presidente difundió un comunicado".
		if n := len(before); n > 0 && !before[n-1].possessive && len(wordsIn(a.text, before[n-1].end, verb)) <= 2 {
			return before[n-1], true
		}
		return mention{}, false
	}
	near := known[len(known)-1]
	for k := len(known) - 2; k >= 0; k-- {
		if a.appositive(known[k], verb) {
			return known[k], true
		}
	}
	// "Amnesty International and Human Rights Watch said": words said
	// by several take the first named.
	for k := len(known) - 2; k >= 0 && coordinated(a.text[known[k].end:known[k+1].start]); k-- {
		near = known[k]
	}
	return near, true
}

// coordinated reports whether gap, the text between two names, joins them
// as subjects of one verb: "and", "y", "et", "e", "&". A comma alone may
// set off an appositive ("a spokesperson for X, Lena Brook, said").
func coordinated(gap string) bool {
	switch strings.TrimSpace(gap) {
	case "and", "y", "et", "e", "&", ", and", ", y", ", et":
		return true
	}
	return false
}

// continued gives an unattributed quotation that opens a sentence the
// speaker of the quotation just before it, when only that quotation's own
// attribution lies between them: “…,” he said. “…” — or a new paragraph
// that opens with a quotation right after a quoted paragraph.
func (a *attributor) continued(i, clauseStart int) resolved {
	if i == 0 || a.said[i-1].name == "" {
		return resolved{}
	}
	sp, prev := a.spans[i], a.spans[i-1]
	if clause := strings.TrimSpace(a.text[clauseStart:sp.open]); clause != "" {
		// X described it as “…”, adding that “…”: a participle goes on
		// with the subject of the quotation before, in the same sentence.
		if clauseStart == prev.close && participleTag(wordsIn(a.text, clauseStart, sp.open)) {
			return a.said[i-1]
		}
		// He hoped that “…” will succeed, “…”: a second quotation of the
		// same sentence, with no name or speech verb of its own between,
		// is the same speaker's.
		if clauseStart == prev.close && a.sameSentenceTail(prev.close, sp.open) {
			return a.said[i-1]
		}
		return resolved{}
	}
	gap := a.text[prev.close:sp.open]
	if strings.Count(gap, "\n\n") > 1 {
		return resolved{}
	}
	// “…,” she said. “…” — or the tag with the speaker's role, which can be
	// long: “…,” said X, a retired teacher who came to support her. “…”
	if (len(gap) > 200 || countWords(gap) > 10) && !((a.said[i-1].tag || tagged(gap)) && len(gap) <= 400 && sentences(gap) <= 1) {
		return resolved{}
	}
	// Another name of the speaker's kind may be the one speaking now; an
	// organization in a person's role ("…,” said X, director of KHRC.)
	// is not, nor any name in that role or a possessive ("said X,
	// coordinator of Justiça Global’s programme").
	who := a.said[i-1]
	gapNames := a.mentionsIn(prev.close, sp.open)
	roleFrom, roleTo := -1, -1
	for k, m := range gapNames {
		if m.name == who.name && strings.HasPrefix(a.text[m.end:], ",") {
			roleFrom, roleTo = m.end, sentenceEnd(a.text, m.end)
			continue
		}
		if m.name == who.name || m.kind != who.kind || m.possessive ||
			(roleFrom <= m.start && m.end <= roleTo) || a.titles(m, gapNames[k+1:], who.name) {
			continue
		}
		return resolved{}
	}
	return who
}

// maxTailWords bounds the words between two quotations of one sentence
// that share a speaker.
const maxTailWords = 20

// sameSentenceTail reports whether text[from:to], between two quotations,
// goes on with one sentence: no sentence end, no name, no speech verb, a
// few words only.
func (a *attributor) sameSentenceTail(from, to int) bool {
	gap := a.text[from:to]
	if sentences(gap) > 0 || strings.Contains(gap, "\n") || len(a.mentionsIn(from, to)) > 0 {
		return false
	}
	ws := wordsIn(a.text, from, to)
	if len(ws) > maxTailWords {
		return false
	}
	for k := range ws {
		if isSpeechVerb(ws, k) {
			return false
		}
	}
	return true
}

// participles are the speech verbs that carry a sentence's subject on to a
// second quotation: “…”, adding that “…”.
var participles = map[string]bool{
	"adding": true, "saying": true, "noting": true, "stressing": true, "warning": true, "insisting": true, "explaining": true, "arguing": true,
	"stating": true, "writing": true, "declaring": true, "concluding": true, "urging": true, "recalling": true,
}

// participleTag reports whether ws, the words between two quotations, are
// a participle and an optional "that", with no subject of their own.
func participleTag(ws []word) bool {
	switch {
	case len(ws) == 1:
		return participles[ws[0].text]
	case len(ws) == 2:
		return participles[ws[0].text] && ws[1].text == "that"
	}
	return false
}

// titles reports whether m is part of the title before the name speaker
// among the mentions after it, with only capitalised words between: "said
// Digital Rights Watch Chair Tim Singleton Norton", where the tagger may
// read "Digital Rights" as a person.
func (a *attributor) titles(m mention, after []mention, speaker string) bool {
	for _, n := range after {
		if !capitalisedOnly(a.text[m.end:n.start]) {
			return false
		}
		if n.name == speaker {
			return true
		}
	}
	return false
}

// tagged reports whether text, what follows a quotation, starts with its
// tag: a speech verb among its first three words (“…,” said X / X said),
// or right after an appositive's comma further on.
func tagged(text string) bool {
	ws := wordsIn(text, 0, len(text))
	for k := 0; k < len(ws) && k < maxTagWords; k++ {
		// Beyond the first three words, only after an appositive: “…,”
		// Yan Xuetong, of the Institute …, told the New York Times.
		if isSpeechVerb(ws, k) && (k < 3 || strings.HasSuffix(strings.TrimSpace(text[:ws[k].start]), ",")) {
			return true
		}
	}
	return false
}

// sentences counts the sentence ends in text: . ! or ? before a space or
// the end, not counting an abbreviation's full stop.
func sentences(text string) int {
	n := 0
	for i := 0; i < len(text); i++ {
		if (text[i] == '.' || text[i] == '!' || text[i] == '?') && (i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n') {
			// "groups in Ferguson-St. Louis last November": an
			// abbreviation's full stop ends no sentence.
			if text[i] == '.' && isAbbreviation(text[:i]) {
				continue
			}
			n++
		}
	}
	return n
}

// pronounReach is how far back, in bytes, a pronoun's or a definite
// noun's referent is looked for.
const pronounReach = 1500

// pronoun resolves he/she to a person and they/it to an organisation named
// before offset at: the speaker of the last quotation of that kind when no
// other name of that kind came since, else the nearest name of that kind if
// its sentence names no other, else (he, she) the last person named as
// speaking nearby.
func (a *attributor) pronoun(p string, at int) resolved {
	want := kindOrg
	if p == "he" || p == "she" {
		want = kindPerson
	}
	for k := len(a.said) - 1; k >= 0; k-- {
		h := a.said[k]
		if at-a.spans[k].close > 2000 {
			break
		}
		if h.unnamed && want == kindPerson && a.spans[k].close <= at && !a.personBetween(a.spans[k].close, at) {
			// “…,” said a bishop in central India. “…,” he continued:
			// he is the bishop the text does not name, not a person
			// named before him.
			return resolved{unnamed: true}
		}
		if h.kind != want || a.spans[k].close > at {
			continue
		}
		other := false
		for _, m := range a.mentionsIn(a.spans[k].close, at) {
			if m.kind == want && m.name != h.name {
				other = true
			}
		}
		if !other {
			return h
		}
		break
	}
	ms := a.mentionsIn(max(0, at-pronounReach), at)
	for k := len(ms) - 1; k >= 0; k-- {
		m := ms[k]
		// "la Defensa de los Derechos Humanos": a person's name as a
		// noun's complement is seldom who "she" is.
		if m.kind != want || m.possessive || a.modifier(m) || want == kindPerson && a.complement(m) {
			continue
		}
		from := sentenceStart(a.text, m.start)
		to := sentenceEnd(a.text, m.end)
		for _, o := range a.mentionsIn(from, to) {
			// "Raja Petra's lawyer, Malik Imtiaz, described …", "La
			// abogada de Laparra, Marta Chávez, recordó …": the possessive
			// and the complement name whose lawyer, not who spoke.
			if o.kind == want && o.name != m.name && !o.possessive && !a.complement(o) {
				return a.speakerOf(want, at) // ambiguous
			}
		}
		return resolved{name: m.name, kind: m.kind}
	}
	return a.speakerOf(want, at)
}

// lastNamedSpeaker returns the person named as the subject of the last
// verb of saying before offset at, in at's paragraph or the one before, a
// general pattern of news copy: "X said …. Y's lawyer … “…,” she said."
// Only a name right before the verb ("X said", "X, director of Y, said"),
// right after it ("said X"), or after "according to" counts; a person
// named since as speaking in turn (a second name before a verb of saying)
// was found first, so the nearest wins. none when no verb of saying has a
// named person as its subject there.
func (a *attributor) lastNamedSpeaker(at int) resolved {
	from := a.pronounFrom(at)
	if a.speeches == nil {
		a.speeches = a.namedSpeeches()
	}
	k, _ := slices.BinarySearchFunc(a.speeches, at, func(s speech, at int) int { return s.verb - at })
	if k > 0 && a.speeches[k-1].verb >= from {
		return a.speeches[k-1].who
	}
	return resolved{}
}

// speech is a verb of saying outside quotations whose subject the text
// names: "X said", "said X", "according to X".
type speech struct {
	verb int // the verb's offset
	who  resolved
}

// namedSpeeches returns, in order, every verb of saying between the
// quotations whose subject is a person named right there, read once per
// text so that resolving each pronoun costs a binary search.
func (a *attributor) namedSpeeches() []speech {
	out := []speech{}
	start := 0
	for i := 0; i <= len(a.spans); i++ {
		end := len(a.text)
		if i < len(a.spans) {
			end = a.spans[i].open
		}
		words := wordsIn(a.text, start, end)
		for k, w := range words {
			if !isSpeechVerb(words, k) || nounUse(words, k) {
				continue
			}
			if who, ok := a.namedSubject(words, k); ok {
				out = append(out, speech{verb: w.start, who: who})
			}
		}
		if i < len(a.spans) {
			start = a.spans[i].close
		}
	}
	return out
}

// namedSubject returns the person named as the subject of the speech verb
// words[k]: right before it ("X said", "X, director of Y, said"), right
// after it ("said X"), or after "according to".
func (a *attributor) namedSubject(words []word, k int) (resolved, bool) {
	w := words[k]
	if reports(w.text) {
		if m, ok := firstAfterVerb(a.mentionsIn(w.end, min(len(a.text), w.end+80))); ok && m.kind == kindPerson && len(wordsIn(a.text, w.end, m.start)) <= 2 {
			return resolved{name: m.name, kind: m.kind}, true
		}
		return resolved{}, false
	}
	clause := sentenceStart(a.text, w.start)
	if m, ok := a.subject(a.mentionsIn(clause, w.start), w.start); ok && personLike(m) && a.subjectAdjoins([]mention{m}, w.start) {
		return resolved{name: m.name, kind: kindPerson}, true
	}
	if ms := a.mentionsIn(w.end, min(len(a.text), w.end+60)); len(ms) > 0 && ms[0].kind == kindPerson && !ms[0].possessive && officesOnly(a.text[w.end:ms[0].start]) {
		return resolved{name: ms[0].name, kind: ms[0].kind}, true
	}
	return resolved{}, false
}

// speakerOf is the last resort for "he" or "she" where the names before
// leave it open (several in one sentence, or none): the last person named
// as speaking in this paragraph or the one before. "According to Bareiro,
// the legacy of the 35-year Stroessner regime …, she said.¶'…,' she said."
func (a *attributor) speakerOf(want entityKind, at int) resolved {
	if want != kindPerson {
		return resolved{}
	}
	if who := a.lastNamedSpeaker(at); who.name != "" {
		return who
	}
	return a.unknownPerson(at)
}

// personBetween reports whether a person is named in [from, to) outside
// quotations.
func (a *attributor) personBetween(from, to int) bool {
	for _, m := range a.mentionsIn(from, to) {
		if m.kind == kindPerson {
			return true
		}
	}
	return false
}

// modifier reports whether the mention m qualifies the noun after it, as
// in "the U.N. nuclear watchdog" or "the EU foreign policy chief": it
// follows "the", and a word in small letters follows it that is no verb
// (of saying, in -ed, an auxiliary) nor a conjunction. The noun, not m, is what "it" or "she" refers
// back to.
func (a *attributor) modifier(m mention) bool {
	before := wordsIn(a.text, max(0, m.start-5), m.start)
	if len(before) == 0 || before[len(before)-1].text != "the" {
		return false
	}
	after := wordsIn(a.text, m.end, min(len(a.text), m.end+40))
	if len(after) == 0 || after[0].start-m.end != 1 || !startsLower(a.text[after[0].start:]) {
		return false
	}
	switch w := after[0].text; {
	case strings.HasSuffix(w, "ed"): // issued, warned: a verb
		return false
	case w == "is" || w == "was" || w == "has" || w == "had" || w == "have" || w == "will" || w == "would" ||
		w == "can" || w == "could" || w == "may" || w == "also" || w == "and" || w == "or":
		return false
	}
	return !isSpeechVerb(after, 0)
}

// complement reports whether the mention m follows "of", "de" or "du"
// (with an article: "de los"), as the complement of a noun ("the lawyer of
// X", "la abogada de X").
func (a *attributor) complement(m mention) bool {
	ws := wordsIn(a.text, max(0, m.start-12), m.start)
	n := len(ws)
	if n == 0 || ws[n-1].end+1 < m.start {
		return false
	}
	last := ws[n-1].text
	if n >= 2 && (last == "the" || last == "la" || last == "las" || last == "los" || last == "le" || last == "les" || last == "el") {
		last = ws[n-2].text // "of the", "de los"
	}
	switch last {
	case "of", "de", "du", "del", "da", "do", "des":
		return true
	}
	return false
}

// nearestKnown returns the last mention that is in people or orgs and is
// not a possessive, or else the last unknown name.
func nearestKnown(ms []mention) (mention, bool) {
	for k := len(ms) - 1; k >= 0; k-- {
		if ms[k].kind != kindUnknown && !ms[k].possessive {
			return ms[k], true
		}
	}
	if n := len(ms); n > 0 && !ms[n-1].possessive {
		return ms[n-1], true
	}
	return mention{}, false
}

// firstAfterVerb picks the speaker among the mentions after a speech verb:
// the first person, else the first organisation, else the first unknown
// name; possessives are skipped (said Amnesty’s Jane Doe).
func firstAfterVerb(ms []mention) (mention, bool) {
	for _, kind := range []entityKind{kindPerson, kindOrg, kindUnknown} {
		for _, m := range ms {
			if m.kind == kind && !m.possessive {
				return m, true
			}
		}
	}
	return mention{}, false
}

func tail(ws []word, n int) []word {
	return ws[max(0, len(ws)-n):]
}
