package quotes

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/advosearch/advosearch/entities"
)

// entityKind says what a mention names, which decides the pronouns that can
// refer back to it.
type entityKind uint8

const (
	kindPerson  entityKind = iota + 1 // he, she
	kindOrg                           // they, it
	kindUnknown                       // a capitalised name not in people or orgs
)

// mention is a place where the text names a person or an organisation.
type mention struct {
	start, end int
	name       string // canonical: the entry of people or orgs, or the name as printed for kindUnknown
	kind       entityKind
	possessive bool // followed by ’s: "Amnesty’s director" names the director, not Amnesty
	inQuote    bool // inside a quotation: not the speaker's name, nor a pronoun's antecedent
	// place marks an unknown name that runs over a place the recognizer
	// found ("Pieter de Vries" is not one, "New York" is): it is no
	// person's.
	place bool
}

// findMentions returns the mentions of people and organizations in text, in
// order. The names the recognizer found (names, with their places in text)
// come first, with the canonical names it gave them: "Ms Brooks" is
// already "Sarah M Brooks" there. The text is then searched for those
// canonical names where the recognizer did not mark them: an
// organization by its name, its initials (Cambodian Center for Human Rights
// → CCHR) or the short form the text gives in brackets after its name; a
// person by the full name or, when exactly one name contains it, by a part
// of it ("Brooks", "Prime Minister Hun Sen"). Other capitalised names are
// kept as kindUnknown, to be used only right next to a speech verb ("said
// John Smith"). Places are never speakers, and are left out.
func findMentions(text string, names entities.Names) []mention {
	var people, orgs []string
	var ms []mention
	var places [][2]int
	last := -1
	for _, n := range names {
		var kind entityKind
		switch n.Kind {
		case entities.Person:
			kind = kindPerson
			people = appendNew(people, n.Canonical)
		case entities.Org:
			kind = kindOrg
			orgs = appendNew(orgs, n.Canonical)
		case entities.Place:
			places = append(places, [2]int{n.Start, n.End})
			continue
		default:
			continue
		}
		// Names come in order; one that overlaps the one before it is the
		// same words read twice.
		if n.Start < last || n.Start < 0 || n.End > len(text) || n.Start >= n.End {
			continue
		}
		// The recognizer's span may hold the possessive ("Amnesty
		// International’s"); possessiveAt reads it after the name.
		end := n.End
		for _, a := range []string{"’s", "'s"} {
			if strings.HasSuffix(text[n.Start:end], a) && end-len(a) > n.Start {
				end -= len(a)
			}
		}
		ms = append(ms, mention{start: n.Start, end: end, name: n.Canonical, kind: kind})
		last = n.End
	}
	ms = mergeMentions(ms, findOrgs(text, orgs))
	// Runs come in text order, so one cursor over the sorted mentions keeps
	// this linear.
	k := 0
	taken := func(start, end int) bool {
		for k < len(ms) && ms[k].end <= start {
			k++
		}
		return k < len(ms) && ms[k].start < end
	}
	ptoks := make([][]string, 0, len(people))
	pnames := make([]string, 0, len(people))
	for _, p := range people {
		toks := strings.Fields(strings.ReplaceAll(p, ".", ""))
		if len(toks) > 0 {
			ptoks = append(ptoks, toks)
			pnames = append(pnames, p)
		}
	}
	var found []mention
	var surnames map[string]string // last word → an unknown full name before it, "" when two share it
	for _, run := range capitalisedRuns(text) {
		// Split the run where a name was found already.
		var part []token
		flush := func() {
			ms := resolveRun(text, part, ptoks, pnames)
			for _, m := range ms {
				if m.kind == kindUnknown {
					if full := surnames[m.name]; full != "" && !strings.Contains(m.name, " ") {
						// "said Ms Okafor" after "Ruth Okafor": the
						// surname after a title is the full name too.
						m.name = full
					}
					surnames = addSurname(surnames, m.name)
				}
				found = append(found, m)
			}
			if len(part) == 1 && len(ms) == 0 {
				// "Tshering Dorji leads the union. … Dorji said": a
				// surname alone stands for the one full name the text
				// gave before with it, even where the recognizer read
				// neither, as "Brooks" stands for "Sarah M Brooks".
				if full := surnames[part[0].word]; full != "" && full != part[0].word {
					found = append(found, mention{start: part[0].start, end: part[0].end, name: full, kind: kindUnknown})
				}
			}
			part = part[:0]
		}
		for _, t := range run {
			if taken(t.start, t.end) {
				flush()
				continue
			}
			part = append(part, t)
		}
		flush()
	}
	markPlaces(found, places)
	ms = append(ms, found...)
	slices.SortFunc(ms, func(a, b mention) int { return a.start - b.start })
	for i := range ms {
		ms[i].possessive = possessiveAt(text, ms[i].end)
	}
	return ms
}

// markPlaces flags the unknown names among found that overlap one of
// places, both in text order.
func markPlaces(found []mention, places [][2]int) {
	slices.SortFunc(places, func(a, b [2]int) int { return a[0] - b[0] })
	k := 0
	for i := range found {
		m := &found[i]
		for k < len(places) && places[k][1] <= m.start {
			k++
		}
		m.place = k < len(places) && places[k][0] < m.end
	}
}

// addSurname records the last word of an unknown name of two words or
// more, which may later stand for it alone; a last word two names share
// stands for neither.
func addSurname(surnames map[string]string, name string) map[string]string {
	f := strings.Fields(name)
	if len(f) < 2 {
		return surnames
	}
	last := f[len(f)-1]
	if surnames == nil {
		surnames = map[string]string{}
	}
	if prev, ok := surnames[last]; ok && prev != name {
		surnames[last] = ""
		return surnames
	}
	surnames[last] = name
	return surnames
}

// appendNew appends name to list unless it is there already.
func appendNew(list []string, name string) []string {
	if name == "" || slices.Contains(list, name) {
		return list
	}
	return append(list, name)
}

// mergeMentions adds to ms, sorted and not overlapping, the mentions of more
// that overlap none of them; the result is sorted.
func mergeMentions(ms, more []mention) []mention {
	out := make([]mention, 0, len(ms)+len(more))
	i := 0
	for _, m := range more {
		for i < len(ms) && ms[i].end <= m.start {
			out = append(out, ms[i])
			i++
		}
		if i < len(ms) && ms[i].start < m.end {
			continue
		}
		if n := len(out); n > 0 && out[n-1].end > m.start {
			continue
		}
		out = append(out, m)
	}
	return append(out, ms[i:]...)
}

// findOrgs finds the organisations' names, initials and bracketed short
// forms, longest first where they overlap.
func findOrgs(text string, orgs []string) []mention {
	type variant struct{ form, name string }
	var vs []variant
	for _, o := range orgs {
		o = strings.TrimSpace(o)
		if o == "" {
			continue
		}
		vs = append(vs, variant{o, o})
		if a := initials(o); len(a) >= 2 && a != o {
			vs = append(vs, variant{a, o})
		}
		for _, at := range wordIndexes(text, o) {
			if alias := bracketAlias(text[at+len(o):]); alias != "" {
				vs = append(vs, variant{alias, o})
			}
		}
	}
	var ms []mention
	for _, v := range vs {
		for _, at := range wordIndexes(text, v.form) {
			ms = append(ms, mention{start: at, end: at + len(v.form), name: v.name, kind: kindOrg})
		}
	}
	slices.SortFunc(ms, func(a, b mention) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return b.end - a.end
	})
	out := ms[:0]
	last := -1
	for _, m := range ms {
		if m.start >= last {
			out = append(out, m)
			last = m.end
		}
	}
	return out
}

// initials returns the capital initials of name's words, hyphenated parts
// counted apart: Anti-Corruption Unit → ACU.
func initials(name string) string {
	var b strings.Builder
	for f := range strings.FieldsFuncSeq(name, func(r rune) bool {
		return unicode.IsSpace(r) || r == '-' || r == '‐'
	}) {
		r, _ := utf8.DecodeRuneInString(f)
		if unicode.IsUpper(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// bracketAlias returns X when rest starts with " (X)" and X looks like a
// short form: one word with a capital letter, as in "Human Rights Now (HRN)".
func bracketAlias(rest string) string {
	rest = strings.TrimLeft(rest, " ")
	if !strings.HasPrefix(rest, "(") {
		return ""
	}
	end := strings.IndexByte(rest, ')')
	if end < 2 || end > 24 {
		return ""
	}
	alias := rest[1:end]
	if strings.IndexFunc(alias, unicode.IsSpace) >= 0 || strings.IndexFunc(alias, unicode.IsUpper) < 0 {
		return ""
	}
	return alias
}

// wordIndexes returns the offsets where form occurs in text as whole words.
func wordIndexes(text, form string) []int {
	var at []int
	for i := 0; i < len(text); {
		j := strings.Index(text[i:], form)
		if j < 0 {
			break
		}
		j += i
		end := j + len(form)
		before, _ := utf8.DecodeLastRuneInString(text[:j])
		after, _ := utf8.DecodeRuneInString(text[end:])
		if (j == 0 || !isWordRune(before)) && (end == len(text) || !isWordRune(after)) {
			at = append(at, j)
		}
		i = j + 1
	}
	return at
}

// token is one word of a capitalised run.
type token struct {
	start, end int
	word       string // without a trailing full stop
}

// capitalisedRuns returns the runs of consecutive capitalised words, split at
// punctuation and paragraph breaks but not at a single line break, since PDF
// text breaks lines inside names ("Hun \nSen").
func capitalisedRuns(text string) [][]token {
	var runs [][]token
	var cur []token
	end := func() {
		if len(cur) > 0 {
			runs = append(runs, cur)
			cur = nil
		}
	}
	i := 0
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			if !unicode.IsSpace(r) || (r == '\n' && paragraphBreakAt(text, i)) {
				// An initial's full stop ("Sarah M. Brooks") does not end a run.
				if !(r == '.' && len(cur) > 0 && cur[len(cur)-1].end == i && utf8.RuneCountInString(cur[len(cur)-1].word) == 1) {
					end()
				}
			}
			i += w
			continue
		}
		j := i
		for j < len(text) {
			r2, w2 := utf8.DecodeRuneInString(text[j:])
			if !isWordRune(r2) && r2 != '-' && r2 != '‐' {
				break
			}
			j += w2
		}
		switch {
		case unicode.IsUpper(r):
			cur = append(cur, token{start: i, end: j, word: text[i:j]})
		case (len(cur) == 1 || len(cur) == 2 && isOpener(cur[0].word)) && nameConnectors[text[i:j]]:
			// "Oficina del Presidente", "Ministerio de Seguridad", "Ministry
			// of Justice": one capitalised word, a connector, a capital.
			// After two words it is a person's affiliation ("John Smith
			// of Oxfam"), and the run ends.
			if k := connectedCapital(text, j); k > j {
				cur = append(cur, token{start: i, end: j, word: text[i:j]})
				i = k
				continue
			}
			end()
		default:
			end()
		}
		i = j
	}
	end()
	return runs
}

// nameConnectors join two capitalised words into one name, and a
// complement to the noun before it ("the Minister of Justice").
var nameConnectors = map[string]bool{"de": true, "del": true, "of": true, "for": true, "du": true, "des": true, "da": true, "do": true, "dos": true, "das": true}

// connectedCapital returns the offset of the capitalised word after the
// connector ending at j (across "la", "las", "los": "Ministerio de la
// Mujer"), or -1 when none follows.
func connectedCapital(text string, j int) int {
	rest := text[j:]
	trimmed := strings.TrimLeft(rest, " ")
	if len(trimmed) == len(rest) || len(rest)-len(trimmed) > 1 {
		return -1
	}
	at := j + len(rest) - len(trimmed)
	for _, art := range []string{"la ", "las ", "los "} {
		if strings.HasPrefix(trimmed, art) {
			trimmed = trimmed[len(art):]
			at += len(art)
			break
		}
	}
	r, _ := utf8.DecodeRuneInString(trimmed)
	if !unicode.IsUpper(r) {
		return -1
	}
	return at
}

// resolveRun turns one capitalised run into mentions: the longest parts
// that name exactly one person, then what remains as unknown names.
func resolveRun(text string, run []token, ptoks [][]string, pnames []string) []mention {
	var ms []mention
	var rest []token
	flushRest := func() {
		if m, ok := unknownName(text, rest); ok {
			ms = append(ms, m)
		}
		rest = nil
	}
	for i := 0; i < len(run); {
		matched := false
		for j := len(run); j > i; j-- {
			if p := resolvePerson(run[i:j], ptoks, pnames); p != "" {
				flushRest()
				ms = append(ms, mention{start: run[i].start, end: run[j-1].end, name: p, kind: kindPerson})
				i, matched = j, true
				break
			}
		}
		if !matched {
			rest = append(rest, run[i])
			i++
		}
	}
	flushRest()
	return ms
}

// resolvePerson returns the full name in people that toks names: the full
// name itself, or a part of exactly one full name (a surname, "Hun Sen" in
// "Samdech Hun Sen"). A lone initial or title is never a name.
func resolvePerson(toks []token, ptoks [][]string, pnames []string) string {
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.word
	}
	for i, p := range ptoks {
		if slices.Equal(words, p) {
			return pnames[i]
		}
	}
	if len(words) == 1 && (utf8.RuneCountInString(words[0]) < 2 || entities.IsTitle(words[0])) {
		return ""
	}
	found := ""
	for i, p := range ptoks {
		if containsRun(p, words) {
			if found != "" && found != pnames[i] {
				return "" // ambiguous: Sokha in Kem Sokha and Ny Sokha
			}
			found = pnames[i]
		}
	}
	return found
}

func containsRun(hay, needle []string) bool {
	for i := 0; i+len(needle) <= len(hay); i++ {
		if slices.Equal(hay[i:i+len(needle)], needle) {
			return true
		}
	}
	return false
}

// unknownName keeps a capitalised run that is not in people or orgs when it
// looks like a name: after dropping sentence-opening words and titles, two
// words or more, or one word after a title ("Mr Smith").
func unknownName(text string, run []token) (mention, bool) {
	titled := false
	for len(run) > 0 && (entities.IsTitle(run[0].word) || isOpener(run[0].word)) {
		titled = titled || entities.IsTitle(run[0].word)
		run = run[1:]
	}
	if len(run) == 0 || (len(run) == 1 && !titled) {
		return mention{}, false
	}
	name := strings.Join(strings.Fields(text[run[0].start:run[len(run)-1].end]), " ")
	return mention{start: run[0].start, end: run[len(run)-1].end, name: name, kind: kindUnknown}, true
}

// personLike reports whether m, a person or an unknown name, can stand for
// a person: an unknown name of two or three capitalised words with no word
// that names an organization ("Kwame Mensah", not "Harbour Watch" or
// "Coalition for Fair Wages"), which the recognizer may have missed as the
// subject of "said" ("Kwame Mensah said the arrests were illegal").
func personLike(m mention) bool {
	if m.kind == kindPerson {
		return true
	}
	if m.kind != kindUnknown || m.place {
		return false
	}
	f := strings.Fields(m.name)
	if len(f) < 2 || len(f) > 3 {
		return false
	}
	for i, w := range f {
		if i > 0 && i < len(f)-1 && nameParticles[w] {
			// "Pieter de Vries", "Ana dos Santos".
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || strings.ToUpper(w) == w || entities.IsOrgNoun(strings.ToLower(w)) || entities.IsOffice(strings.ToLower(w)) {
			return false
		}
	}
	return true
}

// nameParticles are the small words inside people's names in many
// languages: "Pieter de Vries", "Ana dos Santos", "Ursula von der Leyen".
var nameParticles = map[string]bool{
	"de": true, "van": true, "der": true, "den": true, "da": true, "do": true, "dos": true, "das": true,
	"del": true, "von": true, "ter": true, "bin": true, "ibn": true, "al": true, "el": true,
}

// possessiveAt reports whether a possessive ’s (or the bare ’ of a plural)
// follows the name ending at end.
func possessiveAt(text string, end int) bool {
	rest := text[end:]
	for _, a := range []string{"’", "'"} {
		if !strings.HasPrefix(rest, a) {
			continue
		}
		after := rest[len(a):]
		if strings.HasPrefix(after, "s") {
			r, _ := utf8.DecodeRuneInString(after[1:])
			return len(after) == 1 || !isWordRune(r)
		}
		prev, _ := utf8.DecodeLastRuneInString(text[:end])
		return prev == 's' && strings.HasPrefix(after, " ")
	}
	return false
}

// isOpener reports whether w is a capitalised word that opens sentences
// rather than names anything.
func isOpener(w string) bool {
	switch w {
	case "The", "A", "An", "In", "On", "At", "As", "But", "And", "Or", "If", "It", "This", "That",
		"These", "Those", "He", "She", "They", "We", "I", "Our", "His", "Her", "Their", "Its", "Says",
		"Said", "Told", "Added", "Wrote", "According", "After", "Before", "Since", "When", "While", "For",
		"From", "To", "Of", "By", "With", "Later", "Meanwhile", "However", "Also", "Photo", "Breaking",
		"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Today", "Yesterday",
		"January", "February", "March", "April", "May", "June", "July", "August", "September",
		"October", "November", "December",
		// French, Spanish and Portuguese: "Según Naly Pilorge: “…”", "La
		// Oficina del Presidente".
		"Selon", "Pour", "Dans", "Après", "Según", "Para", "Por", "Con", "Tras", "Segundo",
		"La", "Le", "Les", "El", "Los", "Las", "Un", "Una", "Une":
		return true
	}
	return false
}

// unknownPerson is who "he" or "she" stands for when the recognizer read
// no person nearby: the last name shaped as a person's (personLike) in
// this paragraph or the one before, alone of its kind in its sentence,
// with no person the recognizer read after it. A general pattern for
// names no list or tagger knows: "Pieter de Vries was blij. „…”, zegt
// hij."
func (a *attributor) unknownPerson(at int) resolved {
	if !a.anyUnknown() {
		return resolved{}
	}
	ms := a.mentionsIn(a.pronounFrom(at), at)
	for k := len(ms) - 1; k >= 0; k-- {
		m := ms[k]
		if m.kind == kindPerson {
			return resolved{}
		}
		if !personLike(m) || m.possessive || a.complement(m) || a.modifier(m) {
			continue
		}
		for _, o := range a.mentionsIn(sentenceStart(a.text, m.start), sentenceEnd(a.text, m.end)) {
			if o.start != m.start && (o.kind == kindPerson || personLike(o)) && !o.possessive {
				return resolved{}
			}
		}
		return resolved{name: m.name, kind: kindPerson}
	}
	return resolved{}
}

// pronounFrom is where the referent of a pronoun at offset at is looked
// for: the start of the paragraph before at's, or pronounReach bytes
// back, whichever is nearer.
func (a *attributor) pronounFrom(at int) int {
	floor := max(0, at-pronounReach)
	from := paragraphStartAbove(a.text, at, floor)
	if prev := len(strings.TrimRight(a.text[floor:from], " \t\r\n\u00a0")); prev > 0 {
		from = paragraphStartAbove(a.text, floor+prev, floor)
	}
	return max(from, floor)
}

// anyUnknown reports whether the text holds a name no recognizer read,
// which only then unknownPerson needs to look for.
func (a *attributor) anyUnknown() bool {
	if a.unknowns == 0 {
		a.unknowns = -1
		for _, m := range a.mentions {
			if m.kind == kindUnknown {
				a.unknowns = 1
				break
			}
		}
	}
	return a.unknowns > 0
}
