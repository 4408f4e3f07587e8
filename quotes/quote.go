package quotes

import (
	"slices"
	"strings"

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
	for i, sp := range spans {
		if a.labelled(i) {
			// charged with “…”: the name of a thing, not words said.
			a.said = append(a.said, resolved{})
			continue
		}
		who := a.speaker(i)
		a.said = append(a.said, who)
		out = append(out, Quote{
			Text:     text[sp.start:sp.end],
			Speaker:  who.name,
			Sentence: sentenceAround(text, sp),
			Start:    sp.start,
			End:      sp.end,
		})
	}
	return out
}

// resolved is a speaker as found: a name and what kind of entity it is.
type resolved struct {
	name string
	kind entityKind
}

// attributor finds the speakers of the quotations in one text, in order;
// said[i] is the speaker found for spans[i].
type attributor struct {
	text     string
	spans    []span
	mentions []mention
	said     []resolved
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

// labelled reports whether spans[i] names a thing rather than quoting
// someone: charged with ‘…’, signs reading ‘…’, also as the second of a
// list (charged with “spreading false news” and “membership of a group”).
func (a *attributor) labelled(i int) bool {
	return isLabel(a.text[sentenceStart(a.text, a.spans[i].open):a.spans[i].open])
}

// speaker attributes spans[i]: the attribution after it (“…,” she said),
// which is the most specific; then the one before it (X said: “…”); then a
// continuation of the previous quotation.
func (a *attributor) speaker(i int) resolved {
	sp := a.spans[i]
	clauseStart := a.clauseStart(i)
	if who := a.after(i); who.name != "" {
		return who
	}
	if who := a.before(sp, clauseStart); who.name != "" {
		return who
	}
	return a.continued(i, clauseStart)
}

// after looks for the attribution right after the closing mark: “…,” he
// said / said Ms Brooks / Brooks said / according to X.
func (a *attributor) after(i int) resolved {
	sp := a.spans[i]
	limit := min(len(a.text), sp.close+160)
	if i+1 < len(a.spans) {
		limit = min(limit, a.spans[i+1].open)
	}
	limit = min(limit, sentenceEnd(a.text, sp.close))
	words := wordsIn(a.text, sp.close, limit)
	if len(words) == 0 {
		return resolved{}
	}
	// “… this.” His comments suggest … starts a new sentence: only "Brooks
	// said" style is taken there.
	newSentence := endsSentence(a.text[sp.start:sp.end]) && startsUpper(a.text[words[0].start:words[0].end])
	if newSentence && countWords(a.text[sp.close:sentenceEnd(a.text, sp.close)]) > 6 {
		// A sentence of its own, not a tag: “…” Amnesty said in a statement that …
		return resolved{}
	}
	for k, w := range words {
		if k >= 6 {
			break
		}
		if !isSpeechVerb(words, k) {
			continue
		}
		before := a.mentionsIn(sp.close, w.start)
		if pr := lastPronoun(words[:k]); pr != "" && len(before) == 0 && !newSentence {
			return a.pronoun(pr, sp.open)
		}
		if m, ok := nearestKnown(before); ok {
			return resolved{m.name, m.kind}
		}
		if newSentence {
			return resolved{}
		}
		if m, ok := firstAfterVerb(a.mentionsIn(w.end, limit)); ok {
			return resolved{m.name, m.kind}
		}
		if romanceSpeechVerbs[w.text] && len(before) == 0 {
			// “…”, preguntó: Spanish and Portuguese leave the subject
			// out, so it is she or he, read as a pronoun would be.
			return a.pronoun("she", sp.open)
		}
		return resolved{}
	}
	return resolved{}
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
	for k := len(words) - 1; k >= 0; k-- {
		if !isSpeechVerb(words, k) {
			continue
		}
		w := words[k]
		if w.text == "according" {
			if m, ok := firstAfterVerb(a.mentionsIn(w.end, sp.open)); ok {
				return resolved{m.name, m.kind}
			}
			continue
		}
		if pr := lastPronoun(tail(words[:k], 2)); pr != "" {
			return a.pronoun(pr, w.start)
		}
		before := a.mentionsIn(clauseStart, w.start)
		if m, ok := a.subject(before, w.start); ok {
			return resolved{m.name, m.kind}
		}
		if m, ok := firstAfterVerb(a.mentionsIn(w.end, sp.open)); ok {
			return resolved{m.name, m.kind}
		}
	}
	return resolved{}
}

// introducers open a clause that names who speaks next, with no verb:
// "Pour Alioune Tine, fondateur d’Afrikajom Center : « … »", "For Naly
// Pilorge: “…”", "Según la abogada María Pérez: “…”".
var introducers = map[string]bool{"pour": true, "selon": true, "for": true, "para": true, "según": true, "segundo": true}

// introduced returns the person (or else the organization) first named in
// a clause that an introducer opens and a colon closes, right before the
// quotation; resolved{} otherwise.
func (a *attributor) introduced(words []word, from, open int) resolved {
	if len(words) == 0 || !introducers[words[0].text] {
		return resolved{}
	}
	if !strings.HasSuffix(strings.TrimRight(a.text[from:open], " \t\u00a0"), ":") {
		return resolved{}
	}
	var org *mention
	for _, m := range a.mentionsIn(from, open) {
		if m.kind == kindPerson {
			return resolved{m.name, m.kind}
		}
		if org == nil {
			org = &m
		}
	}
	if org != nil {
		return resolved{org.name, org.kind}
	}
	return resolved{}
}

// subject picks the speaker among the mentions before a speech verb: the
// nearest one, except that in "X, director of Y, said" it is X.
func (a *attributor) subject(before []mention, verb int) (mention, bool) {
	known := before[:0:0]
	for _, m := range before {
		if m.kind != kindUnknown && !m.possessive {
			known = append(known, m)
		}
	}
	if len(known) == 0 {
		// An unknown name counts only right before the verb: "John Smith said".
		if n := len(before); n > 0 && !before[n-1].possessive && len(wordsIn(a.text, before[n-1].end, verb)) <= 1 {
			return before[n-1], true
		}
		return mention{}, false
	}
	near := known[len(known)-1]
	for k := len(known) - 2; k >= 0; k-- {
		p := known[k]
		gap := a.text[p.end:verb]
		if strings.HasPrefix(gap, ",") && strings.Count(gap, ",") == 2 &&
			strings.HasSuffix(strings.TrimSpace(gap), ",") && startsLower(strings.TrimSpace(gap[1:])) {
			return p, true
		}
	}
	return near, true
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
	if strings.TrimSpace(a.text[clauseStart:sp.open]) != "" {
		return resolved{}
	}
	gap := a.text[prev.close:sp.open]
	if strings.Count(gap, "\n\n") > 1 {
		return resolved{}
	}
	// “…,” she said. “…” — or the tag with the speaker's role, which can be
	// long: “…,” said X, a retired teacher who came to support her. “…”
	if (len(gap) > 200 || countWords(gap) > 10) && !(tagged(gap) && len(gap) <= 400 && sentences(gap) <= 1) {
		return resolved{}
	}
	// Another name of the speaker's kind may be the one speaking now; an
	// organization in a person's role ("…,” said X, director of KHRC.)
	// is not.
	for _, m := range a.mentionsIn(prev.close, sp.open) {
		if m.name != a.said[i-1].name && m.kind == a.said[i-1].kind {
			return resolved{}
		}
	}
	return a.said[i-1]
}

// tagged reports whether text, what follows a quotation, starts with its
// tag: a speech verb among its first three words (“…,” said X / X said).
func tagged(text string) bool {
	ws := wordsIn(text, 0, len(text))
	for k := 0; k < len(ws) && k < 3; k++ {
		if isSpeechVerb(ws, k) {
			return true
		}
	}
	return false
}

// sentences counts the sentence ends in text: . ! or ? before a space or
// the end.
func sentences(text string) int {
	n := 0
	for i := 0; i < len(text); i++ {
		if (text[i] == '.' || text[i] == '!' || text[i] == '?') && (i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n') {
			n++
		}
	}
	return n
}

// pronoun resolves he/she to a person and they/it to an organisation named
// before offset at: the speaker of the last quotation of that kind when no
// other name of that kind came since, else the nearest name of that kind if
// its sentence names no other.
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
	ms := a.mentionsIn(max(0, at-1500), at)
	for k := len(ms) - 1; k >= 0; k-- {
		m := ms[k]
		if m.kind != want {
			continue
		}
		from := sentenceStart(a.text, m.start)
		to := sentenceEnd(a.text, m.end)
		for _, o := range a.mentionsIn(from, to) {
			if o.kind == want && o.name != m.name {
				return resolved{} // ambiguous
			}
		}
		return resolved{m.name, m.kind}
	}
	return resolved{}
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
