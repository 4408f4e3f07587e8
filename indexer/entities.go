package indexer

import (
	_ "embed"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// entityKind says what a name names.
type entityKind string

const (
	kindOrg    entityKind = "org"
	kindPerson entityKind = "person"
	kindPlace  entityKind = "place"
	// kindOther names treaties, laws and campaigns: not entities, but
	// recognised so that the words inside them are not taken for one.
	kindOther entityKind = "other"
)

//go:embed gazetteer.tsv
var gazetteerTSV string

// gazetteer holds the names the extractor knows. It is built once by
// loadGazetteer and only read afterwards.
type gazetteer struct {
	// byFirst maps the lower-cased first token of each alias to the aliases
	// starting with it, longest first, so matching tries the longest name.
	byFirst map[string][]alias
	// orgs maps a lower-cased organization alias or web domain to its
	// canonical name.
	orgs map[string]string
}

type alias struct {
	tokens []string // match keys, see token.key
	// possessive marks the words written with "’s" inside the name
	// ("Cambodian People’s Party").
	possessive []bool
	canonical  string
	kind       entityKind
}

// loadGazetteer parses the embedded gazetteer.tsv.
func loadGazetteer() (*gazetteer, error) {
	g := &gazetteer{byFirst: map[string][]alias{}, orgs: map[string]string{}}
	for n, line := range strings.Split(gazetteerTSV, "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) < 2 || len(fields) > 3 {
			return nil, fmt.Errorf("indexer: gazetteer line %d: want kind, name and aliases separated by tabs", n+1)
		}
		kind, canonical := entityKind(fields[0]), strings.TrimSpace(fields[1])
		switch kind {
		case kindOrg, kindPerson, kindPlace, kindOther:
		default:
			return nil, fmt.Errorf("indexer: gazetteer line %d: unknown kind %q", n+1, kind)
		}
		names := []string{canonical}
		if len(fields) == 3 {
			names = append(names, strings.Split(fields[2], "|")...)
		}
		for _, name := range names {
			name = strings.TrimSpace(name)
			if kind == kindOrg {
				g.orgs[orgKey(name)] = canonical
			}
			if isDomain(name) {
				continue // a domain names a site, it is not written in text
			}
			toks := tokenize(name)
			if len(toks) == 0 {
				return nil, fmt.Errorf("indexer: gazetteer line %d: alias %q has no words", n+1, name)
			}
			a := alias{canonical: canonical, kind: kind}
			for _, t := range toks {
				a.tokens = append(a.tokens, t.key)
				a.possessive = append(a.possessive, t.possessive)
			}
			first := strings.ToLower(a.tokens[0])
			g.byFirst[first] = append(g.byFirst[first], a)
		}
	}
	for _, as := range g.byFirst {
		slices.SortStableFunc(as, func(a, b alias) int { return len(b.tokens) - len(a.tokens) })
	}
	return g, nil
}

func isDomain(name string) bool {
	return !strings.Contains(name, " ") && strings.Contains(name, ".") && strings.ToLower(name) == name
}

// orgKey is how organization names are compared: case, spacing and
// typographic apostrophes and hyphens do not matter.
func orgKey(name string) string {
	return strings.ToLower(collapseSpace(foldPunctuation(name)))
}

// canonicalOrg returns the canonical name of a known organization, or the
// name unchanged.
func (g *gazetteer) canonicalOrg(name string) string {
	if c, ok := g.orgs[orgKey(name)]; ok {
		return c
	}
	return name
}

// knownOrg returns the canonical name of a known organization, web domains
// included ("www.amnesty.org").
func (g *gazetteer) knownOrg(name string) (string, bool) {
	c, ok := g.orgs[orgKey(strings.TrimPrefix(name, "www."))]
	return c, ok
}

// token is one word of a text.
type token struct {
	// key is the word for matching: typographic apostrophes and hyphens
	// folded to ASCII, a possessive "’s" removed.
	key        string
	start, end int // bytes in the text, possessive included
	possessive bool
}

// wordRe matches words: dotted initialisms ("U.S."), and runs of letters and
// digits joined by apostrophes ("People’s") or by hyphens before a capital
// or digit ("FORUM‐ASIA", "Anti-Corruption"). A hyphen before a lower-case
// part splits, so that "Tokyo-based" yields the place "Tokyo".
var wordRe = regexp.MustCompile(`(?:\p{Lu}\.){2,}|[\pL\pN]+(?:['’][\pL\pN]+|[‐‑-][\p{Lu}\pN][\pL\pN]*)*`)

func tokenize(text string) []token {
	locs := wordRe.FindAllStringIndex(text, -1)
	toks := make([]token, 0, len(locs))
	for _, l := range locs {
		key := foldPunctuation(text[l[0]:l[1]])
		possessive := false
		if k, ok := strings.CutSuffix(key, "'s"); ok && k != "" {
			key, possessive = k, true
		}
		toks = append(toks, token{key: key, start: l[0], end: l[1], possessive: possessive})
	}
	return toks
}

var punctuationFolder = strings.NewReplacer("’", "'", "‘", "'", "ʼ", "'", "‐", "-", "‑", "-")

func foldPunctuation(s string) string { return punctuationFolder.Replace(s) }

// mention is one name found in a text.
type mention struct {
	name       string
	kind       entityKind
	start, end int // bytes in the text
}

// mentions are the names of one text, in order of appearance.
type mentions []mention

// names lists the canonical names of one kind, once each, in order of first
// mention.
func (ms mentions) names(kind entityKind) []string {
	var out []string
	for _, m := range ms {
		if m.kind == kind && !slices.Contains(out, m.name) {
			out = append(out, m.name)
		}
	}
	return out
}

// entityScan is the state of finding the entities of one text.
type entityScan struct {
	g    *gazetteer
	text string
	toks []token
	// at maps a token to the mention covering it, -1 for none.
	at    []int
	found mentions
	// short are one-word person mentions ("Ms Brooks") that need a full
	// name found elsewhere in the text.
	short []mention
}

// entities finds the organizations, people and places of a text: gazetteer
// names first (longest match wins), then acronyms the text defines, then
// people introduced by a title or role, then short references to people
// already found.
func (g *gazetteer) entities(text string) mentions {
	s := &entityScan{g: g, text: text, toks: tokenize(text)}
	s.at = make([]int, len(s.toks))
	for i := range s.at {
		s.at[i] = -1
	}
	s.matchGazetteer()
	s.linkAcronyms()
	s.findPeople()
	s.resolveShortNames()
	slices.SortStableFunc(s.found, func(a, b mention) int { return a.start - b.start })
	return slices.DeleteFunc(s.found, func(m mention) bool { return m.kind == kindOther })
}

func (s *entityScan) add(m mention, from, to int) {
	s.found = append(s.found, m)
	for i := from; i < to; i++ {
		s.at[i] = len(s.found) - 1
	}
}

// adjacent reports whether tokens i and i+1 are separated by spaces only, so
// they can belong to one name.
func (s *entityScan) adjacent(i int) bool {
	if i+1 >= len(s.toks) || s.toks[i].possessive {
		return false
	}
	return strings.TrimSpace(s.text[s.toks[i].end:s.toks[i+1].start]) == ""
}

func (s *entityScan) matchGazetteer() {
	for i := 0; i < len(s.toks); i++ {
		for _, a := range s.g.byFirst[strings.ToLower(s.toks[i].key)] {
			if !s.matches(i, a) || s.isCurrency(i+len(a.tokens)-1) {
				continue
			}
			end := i + len(a.tokens)
			s.add(mention{name: a.canonical, kind: a.kind, start: s.toks[i].start, end: s.toks[end-1].end}, i, end)
			i = end - 1
			break
		}
	}
}

// matches reports whether the alias is written at token i. One-word aliases
// ("US", "Amnesty") must match exactly, or "us" would be a country; longer
// ones match in any case ("Cambodian government") if the first word is
// capitalized, so that running text ("defend human rights now") does not.
func (s *entityScan) matches(i int, a alias) bool {
	if i+len(a.tokens) > len(s.toks) {
		return false
	}
	if len(a.tokens) == 1 {
		return s.toks[i].key == a.tokens[0]
	}
	if !startsUpper(s.toks[i].key) {
		return false
	}
	last := len(a.tokens) - 1
	for j, want := range a.tokens {
		t := s.toks[i+j]
		if !strings.EqualFold(t.key, want) {
			return false
		}
		if j < last && (t.possessive != a.possessive[j] || strings.TrimSpace(s.text[t.end:s.toks[i+j+1].start]) != "") {
			return false
		}
	}
	return true
}

// isCurrency reports whether token i is a currency prefix ("US $204").
func (s *entityScan) isCurrency(i int) bool {
	return strings.HasPrefix(strings.TrimLeft(s.text[s.toks[i].end:], " \u00a0"), "$")
}

// linkAcronyms reads definitions written as "Long Name (ACR)" and makes
// every use of ACR in this text a mention of the long name's entity. A long
// name the gazetteer does not know becomes an organization when it ends in a
// word such as "Committee" or "Unit".
func (s *entityScan) linkAcronyms() {
	defined := map[string]int{} // acronym key → index in s.found
	for k := 1; k < len(s.toks); k++ {
		if !s.parenthesized(k) || !isAcronym(s.toks[k].key) {
			continue
		}
		long := s.at[k-1]
		if long < 0 {
			long = s.unknownOrg(k)
		}
		if long < 0 || s.found[long].kind == kindPerson {
			continue
		}
		defined[s.toks[k].key] = long
	}
	for i, t := range s.toks {
		def, ok := defined[t.key]
		if !ok {
			continue
		}
		m := mention{name: s.found[def].name, kind: s.found[def].kind, start: t.start, end: t.end}
		if cur := s.at[i]; cur >= 0 {
			// The text's own definition wins over the gazetteer's reading of
			// the same letters.
			if s.found[cur].start == t.start && s.found[cur].end == t.end {
				s.found[cur] = m
			}
			continue
		}
		s.add(m, i, i+1)
	}
}

// parenthesized reports whether token k stands alone in parentheses.
func (s *entityScan) parenthesized(k int) bool {
	before := strings.TrimSpace(s.text[s.toks[k-1].end:s.toks[k].start])
	after := s.text[s.toks[k].end:]
	return before == "(" && strings.HasPrefix(after, ")")
}

// isAcronym: mostly capitals, at least two ("CCHR", "CSOs", "FORUM-ASIA").
func isAcronym(w string) bool {
	var upper, letters int
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return upper >= 2 && 2*upper > letters
}

// maxLongNameWords bounds how far back a long name is read before "(ACR)".
const maxLongNameWords = 10

// unknownOrg reads the capitalized name before the acronym at token k and,
// if it looks like an organization, records it and returns its mention
// index; otherwise -1.
func (s *entityScan) unknownOrg(k int) int {
	from := k
	for i := k - 1; i >= 0 && k-i <= maxLongNameWords; i-- {
		if s.at[i] >= 0 || (i < k-1 && !s.adjacent(i)) || s.toks[i].possessive {
			break
		}
		w := s.toks[i].key
		if !startsUpper(w) && !nameConnectors[w] {
			break
		}
		from = i
	}
	for from < k && nameConnectors[strings.ToLower(s.toks[from].key)] {
		from++
	}
	if k-from < 2 {
		return -1
	}
	first, last := s.toks[from].key, s.toks[k-1].key
	acronym := s.toks[k].key
	if !sameInitial(first, acronym) || !orgHeads[strings.ToLower(last)] || documentHeads[first] {
		return -1
	}
	name := collapseSpace(s.text[s.toks[from].start:s.toks[k-1].end])
	s.add(mention{name: name, kind: kindOrg, start: s.toks[from].start, end: s.toks[k-1].end}, from, k)
	return len(s.found) - 1
}

func sameInitial(a, b string) bool {
	ra, _ := utf8.DecodeRuneInString(a)
	rb, _ := utf8.DecodeRuneInString(b)
	return unicode.ToLower(ra) == unicode.ToLower(rb)
}

// nameConnectors are the small words allowed inside a name.
var nameConnectors = map[string]bool{"of": true, "and": true, "for": true, "on": true, "the": true, "in": true, "de": true, "des": true, "du": true, "la": true, "to": true}

// orgHeads are the last words of organization names.
var orgHeads = map[string]bool{
	"committee": true, "commission": true, "council": true, "unit": true, "party": true,
	"association": true, "organisation": true, "organization": true, "centre": true, "center": true,
	"ministry": true, "court": true, "office": true, "agency": true, "bank": true, "forum": true,
	"network": true, "union": true, "federation": true, "institute": true, "foundation": true,
	"league": true, "alliance": true, "group": true, "coalition": true, "society": true,
	"nations": true, "watch": true, "front": true, "movement": true, "authority": true,
	"department": true, "bureau": true, "service": true, "assembly": true, "secretariat": true,
	"project": true, "initiative": true, "defenders": true, "international": true, "fund": true,
}

// documentHeads start the names of laws and treaties, which end in words like
// "Organisations" without being organizations.
var documentHeads = map[string]bool{
	"Law": true, "Convention": true, "Covenant": true, "Declaration": true, "Treaty": true,
	"Act": true, "Charter": true, "Protocol": true, "Code": true, "Principles": true,
}

// personTriggers are honorifics and roles after which a capitalized run is a
// person's name ("Ms", "activist", "spokesperson"), and verbs whose object
// is usually people ("release Ny Sokha, Nay Vanda and Lim Mony"). Keys are
// lower case.
var personTriggers = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "prof": true, "samdech": true,
	"minister": true, "president": true, "activist": true, "activists": true,
	"defender": true, "defenders": true, "spokesperson": true, "spokesman": true, "spokeswoman": true,
	"official": true, "officials": true, "leader": true, "manager": true, "advocate": true,
	"director": true, "chairman": true, "chairperson": true, "commentator": true, "figure": true,
	"lawyer": true, "lawyers": true, "journalist": true, "journalists": true, "member": true,
	"members": true, "monk": true, "monks": true, "rapporteur": true, "governor": true,
	"reporter": true, "blogger": true, "researcher": true, "coordinator": true, "unionist": true,
	"release": true, "free": true, "against": true,
}

// honorifics may precede a surname alone ("Ms Brooks").
var honorifics = map[string]bool{"Mr": true, "Mrs": true, "Ms": true, "Miss": true, "Dr": true, "Prof": true, "Samdech": true}

// maxNameWords bounds a person's name read by rule.
const maxNameWords = 4

// findPeople reads the people a title, role or verb introduces, and lists
// of them: "staff members – Lim Mony, Nay Vanda, Ny Sokha and Yi Soksan".
func (s *entityScan) findPeople() {
	for i, t := range s.toks {
		if !personTriggers[strings.ToLower(t.key)] || s.at[i] >= 0 || i+1 >= len(s.toks) {
			continue
		}
		gap := strings.TrimSpace(s.text[t.end:s.toks[i+1].start])
		if strings.Trim(gap, ".,:–—-") != "" || t.possessive {
			continue
		}
		s.readNameList(i+1, honorifics[t.key])
	}
}

// readNameList reads names from token i on, separated by commas and "and",
// and stops at the first thing that is not a person's name.
func (s *entityScan) readNameList(i int, honorific bool) {
	for i < len(s.toks) {
		var next int
		if m := s.at[i]; m >= 0 {
			if s.found[m].kind != kindPerson {
				return
			}
			next = i + 1
			for next < len(s.toks) && s.at[next] == m {
				next++
			}
		} else {
			n := s.nameRun(i)
			switch {
			case n >= 2:
				name := withoutPossessive(collapseSpace(s.text[s.toks[i].start:s.toks[i+n-1].end]))
				s.add(mention{name: name, kind: kindPerson, start: s.toks[i].start, end: s.toks[i+n-1].end}, i, i+n)
			case n == 1 && honorific:
				s.short = append(s.short, mention{name: s.toks[i].key, kind: kindPerson, start: s.toks[i].start, end: s.toks[i].end})
				return
			default:
				return
			}
			next = i + n
		}
		if next >= len(s.toks) || s.toks[next-1].possessive {
			return
		}
		gap := strings.TrimSpace(s.text[s.toks[next-1].end:s.toks[next].start])
		switch {
		case s.toks[next].key == "and" && (gap == "" || gap == ","):
			next++
		case gap == ",":
		default:
			return
		}
		i = next
	}
}

// withoutPossessive drops a trailing "’s" from a name as written.
func withoutPossessive(name string) string {
	for _, suffix := range []string{"’s", "'s"} {
		if n, ok := strings.CutSuffix(name, suffix); ok {
			return n
		}
	}
	return name
}

// nameRun returns how many tokens from i form a person's name: capitalized
// words, a middle initial allowed, none already part of another entity, none
// a month, role or organization word.
func (s *entityScan) nameRun(i int) int {
	n := 0
	for j := i; j < len(s.toks) && n < maxNameWords; j++ {
		if j > i && !s.adjacentOrInitial(j-1) {
			break
		}
		w := s.toks[j].key
		if s.at[j] >= 0 || !isNameWord(w) {
			break
		}
		n++
		if s.toks[j].possessive {
			break
		}
	}
	// An initial cannot end a name.
	for n > 0 && utf8.RuneCountInString(s.toks[i+n-1].key) == 1 {
		n--
	}
	return n
}

// adjacentOrInitial is adjacent, also across the dot of an initial ("M.").
func (s *entityScan) adjacentOrInitial(i int) bool {
	if s.adjacent(i) {
		return true
	}
	gap := s.text[s.toks[i].end:s.toks[i+1].start]
	return utf8.RuneCountInString(s.toks[i].key) == 1 && strings.TrimSpace(gap) == "."
}

// isNameWord: capitalized, not all capitals (an acronym), and not a word
// that merely happens to be capitalized in titles and dates.
func isNameWord(w string) bool {
	if !startsUpper(w) {
		return false
	}
	if utf8.RuneCountInString(w) > 1 && strings.ToUpper(w) == w {
		return false
	}
	lw := strings.ToLower(w)
	return !personTriggers[lw] && !orgHeads[lw] && !calendarWords[lw] && !commonCapitals[lw]
}

var calendarWords = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true,
}

// commonCapitals are words capitalized at the start of a sentence or in
// headings that a role word may precede ("activists The ...").
var commonCapitals = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true,
	"his": true, "her": true, "their": true, "our": true, "its": true, "in": true, "on": true,
	"for": true, "and": true, "but": true, "share": true, "photo": true, "download": true,
	"most": true, "viewed": true, "read": true, "more": true, "related": true,
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// resolveShortNames turns a lone surname or given name ("Ms Brooks",
// "Sokha founded CCHR") into the full name found elsewhere in the text, when
// exactly one full name contains that word. Unresolved short names are
// dropped: "Brooks" alone is a fragment, not an entity.
func (s *entityScan) resolveShortNames() {
	parts := map[string][]string{} // name word → full names containing it
	for _, m := range s.found {
		if m.kind != kindPerson {
			continue
		}
		for _, w := range strings.Fields(foldPunctuation(m.name))[1:] {
			if utf8.RuneCountInString(w) < 2 {
				continue // an initial names nobody
			}
			if !slices.Contains(parts[w], m.name) {
				parts[w] = append(parts[w], m.name)
			}
		}
	}
	for _, sm := range s.short {
		if full := parts[sm.name]; len(full) == 1 {
			s.found = append(s.found, mention{name: full[0], kind: kindPerson, start: sm.start, end: sm.end})
		}
	}
	for i, t := range s.toks {
		if s.at[i] >= 0 || !startsUpper(t.key) {
			continue
		}
		if full := parts[t.key]; len(full) == 1 {
			s.add(mention{name: full[0], kind: kindPerson, start: t.start, end: t.end}, i, i+1)
		}
	}
}
