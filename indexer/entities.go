package indexer

import (
	_ "embed"
	"fmt"
	"maps"
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
	// kindCountry is a gazetteer kind only: a place that is a country, whose
	// mentions say which country "{country}" stands for.
	kindCountry entityKind = "country"
)

// countrySlot in a canonical name stands for the country a document is
// about ("National Assembly of {country}").
const countrySlot = "{country}"

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
	// countries maps a country's canonical name to the form written after
	// "of" ("the Philippines").
	countries map[string]string
}

type alias struct {
	tokens []string // match keys, see token.key
	// possessive marks the words written with "’s" inside the name
	// ("Cambodian People’s Party").
	possessive []bool
	// exactCase: a name written in capitals ("ARTICLE 19") matches only so.
	exactCase bool
	canonical string
	kind      entityKind
}

// loadGazetteer parses the embedded gazetteer.tsv.
func loadGazetteer() (*gazetteer, error) {
	g := &gazetteer{byFirst: map[string][]alias{}, orgs: map[string]string{}, countries: map[string]string{}}
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
		case kindCountry:
			kind = kindPlace
			g.countries[canonical] = canonical
		default:
			return nil, fmt.Errorf("indexer: gazetteer line %d: unknown kind %q", n+1, kind)
		}
		if strings.Contains(canonical, countrySlot) && kind != kindOrg {
			return nil, fmt.Errorf("indexer: gazetteer line %d: only organizations take %s", n+1, countrySlot)
		}
		names := []string{canonical}
		if len(fields) == 3 {
			names = append(names, strings.Split(fields[2], "|")...)
		}
		for _, name := range names {
			if strings.Contains(name, countrySlot) {
				continue // a template is resolved, never matched
			}
			if _, ok := g.countries[canonical]; ok && strings.HasPrefix(name, "the ") {
				g.countries[canonical] = name
			}
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
			a := alias{canonical: canonical, kind: kind, exactCase: len(toks) > 1 && strings.ToUpper(name) == name}
			for _, t := range toks {
				a.tokens = append(a.tokens, t.key)
				a.possessive = append(a.possessive, t.possessive)
			}
			first := strings.ToLower(a.tokens[0])
			g.byFirst[first] = append(g.byFirst[first], a)
		}
	}
	g.addGovernments()
	for _, as := range g.byFirst {
		slices.SortStableFunc(as, func(a, b alias) int { return len(b.tokens) - len(a.tokens) })
	}
	return g, nil
}

// addGovernments gives every country a government: "Government of Nepal",
// "Nepal Government", "Bangladesh authorities" name one organization, so
// the organization rule's "Government of Nepal" and the text's "Nepal
// authorities" meet in one facet. A government the gazetteer lists itself
// ("Royal Government of Cambodia", with "Cambodian authorities") keeps its
// name, and only the forms it lacks are added to it.
func (g *gazetteer) addGovernments() {
	// In name order, so that the aliases are the same on every load.
	for _, country := range slices.Sorted(maps.Keys(g.countries)) {
		of := g.countries[country]
		canonical, ok := g.orgs[orgKey("Government of "+of)]
		if !ok {
			canonical = "Government of " + of
		}
		for _, name := range []string{"Government of " + of, country + " Government", country + " authorities"} {
			if _, known := g.orgs[orgKey(name)]; known {
				continue
			}
			g.orgs[orgKey(name)] = canonical
			a := alias{canonical: canonical, kind: kindOrg}
			for _, t := range tokenize(name) {
				a.tokens = append(a.tokens, t.key)
				a.possessive = append(a.possessive, t.possessive)
			}
			first := strings.ToLower(a.tokens[0])
			g.byFirst[first] = append(g.byFirst[first], a)
		}
	}
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
	key string
	// lower is the key in lower case, which the gazetteer and the word
	// lists are keyed by; it is lowered once here rather than by each rule.
	lower      string
	start, end int // bytes in the text, possessive included
	possessive bool
}

// tokenize splits a text into words: dotted initialisms ("U.S."), and runs
// of letters and digits joined by apostrophes ("People’s") or by hyphens
// before a capital or digit ("FORUM‐ASIA", "Anti-Corruption"). A hyphen
// before a lower-case part splits, so that "Tokyo-based" yields the place
// "Tokyo".
//
// It finds what the regexp
//
//	(?:\p{Lu}\.){2,}|[\pL\pN]+(?:['’][\pL\pN]+|[‐‑-][\p{Lu}\pN][\pL\pN]*)*
//
// finds (FuzzTokenize compares the two); scanning by hand is several times
// faster, and tokenizing is the largest part of finding entities.
func tokenize(text string) []token {
	var toks []token
	for start := 0; start < len(text); {
		r, n := utf8.DecodeRuneInString(text[start:])
		if !isWordRune(r) {
			start += n
			continue
		}
		end := wordEnd(text, start)
		from := start
		// French elision ("l’Union européenne", "d’Amnesty") is not part
		// of the name that follows.
		if e := elisionLen(text[start:end]); e > 0 && start+e < end {
			from += e
		}
		key := foldPunctuation(text[from:end])
		possessive := false
		if k, ok := strings.CutSuffix(key, "'s"); ok && k != "" {
			key, possessive = k, true
		}
		toks = append(toks, token{key: key, lower: strings.ToLower(key), start: from, end: end, possessive: possessive})
		start = end
	}
	return toks
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }

// wordEnd returns where the word starting at text[start] ends: an initialism
// if one is written there, else a run of letters and digits with its
// apostrophe and hyphen parts.
func wordEnd(text string, start int) int {
	if end := initialismEnd(text, start); end > start {
		return end
	}
	end := runEnd(text, start)
	for {
		r, n := utf8.DecodeRuneInString(text[end:])
		switch r {
		case '\'', '’':
			if e := runEnd(text, end+n); e > end+n {
				end = e
				continue
			}
		case '‐', '‑', '-':
			if r2, n2 := utf8.DecodeRuneInString(text[end+n:]); unicode.IsUpper(r2) || unicode.IsNumber(r2) {
				end = runEnd(text, end+n+n2)
				continue
			}
		}
		return end
	}
}

// initialismEnd returns the end of two or more capitals each followed by a
// dot ("U.N.") starting at text[start], or start.
func initialismEnd(text string, start int) int {
	end, pairs := start, 0
	for {
		r, n := utf8.DecodeRuneInString(text[end:])
		if !unicode.IsUpper(r) || !strings.HasPrefix(text[end+n:], ".") {
			break
		}
		end += n + 1
		pairs++
	}
	if pairs < 2 {
		return start
	}
	return end
}

// runEnd returns the end of the letters and digits starting at text[i].
func runEnd(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			break
		}
		i += n
	}
	return i
}

// elisionLen returns the length of a French elided article or preposition
// at the start of a word ("l’", "d'", "qu’"), or 0.
func elisionLen(w string) int {
	var n int
	switch {
	case w != "" && strings.IndexByte("LlDdJjNnSsCc", w[0]) >= 0:
		n = 1
	case len(w) > 1 && (w[0] == 'Q' || w[0] == 'q') && w[1] == 'u':
		n = 2
	default:
		return 0
	}
	for _, apostrophe := range []string{"'", "’"} {
		if strings.HasPrefix(w[n:], apostrophe) {
			return n + len(apostrophe)
		}
	}
	return 0
}

var punctuationFolder = strings.NewReplacer("’", "'", "‘", "'", "ʼ", "'", "‐", "-", "‑", "-")

// foldPunctuation folds typographic apostrophes and hyphens to ASCII. Every
// character it folds is outside ASCII, and the Replacer allocates even when
// it changes nothing, so ASCII words skip it.
func foldPunctuation(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return punctuationFolder.Replace(s)
		}
	}
	return s
}

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

// surfaces lists the names of one kind as a reader would search for them:
// each canonical name and every form the text used for it ("CCHR",
// "Cambodian Centre for Human Rights", "Hun Sen’s"), lower-cased, once
// each. Facets show canonical names; name queries also find these.
func (ms mentions) surfaces(kind entityKind, text string) []string {
	var out []string
	add := func(name string) {
		if name = strings.ToLower(strings.TrimSpace(name)); name != "" && !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	for _, m := range ms {
		if m.kind != kind {
			continue
		}
		add(m.name)
		if 0 <= m.start && m.start < m.end && m.end <= len(text) {
			add(strings.TrimSuffix(strings.TrimSuffix(text[m.start:m.end], "’s"), "'s"))
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
	at []int
	// titleCase marks the tokens in lines written in title case.
	titleCase []bool
	found     mentions
	// short are one-word person mentions ("Ms Brooks") that need a full
	// name found elsewhere in the text.
	short []mention
	// tagged are the names the tagger read, for addTagged.
	tagged []taggedName
}

// entities finds the organizations, people and places of a text: gazetteer
// names first (longest match wins), then acronyms the text defines, then
// people introduced by a title or role, then short references to people
// already found.
func (g *gazetteer) entities(text string) mentions { return g.entitiesTagged(text, nil) }

// entitiesTagged is entities with a tagger's names added where the rules
// find none (see addTagged); a nil tagger adds nothing.
func (g *gazetteer) entitiesTagged(text string, tagger nameTagger) mentions {
	s := &entityScan{g: g, text: text, toks: tokenize(text)}
	s.titleCase = titleCaseTokens(text, s.toks)
	s.at = make([]int, len(s.toks))
	for i := range s.at {
		s.at[i] = -1
	}
	s.matchGazetteer()
	s.runTagger(tagger)
	s.findSections()
	s.findOrgs()
	s.linkAcronyms()
	s.findPeople()
	s.addTagged(kindPerson)
	s.addTagged(kindOrg)
	// Again, for the organizations the tagger added: the first pass saw
	// only the rules' names, and a second finds the same ones again.
	s.linkAcronyms()
	s.resolveShortNames()
	s.findPlaces()
	s.addTagged(kindPlace)
	s.resolveCountry()
	s.dropCredits()
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
		// "UN Special Rapporteur on ...", "UN Working Group on ...": the
		// prefix belongs to the body's name, and is not a mention of the
		// United Nations of its own.
		if n := s.unPrefix(i); n > 0 {
			if a, ok := s.aliasAt(i + n); ok && a.kind == kindOrg && a.canonical != unCanonical {
				end := i + n + len(a.tokens)
				s.add(mention{name: a.canonical, kind: a.kind, start: s.toks[i].start, end: s.toks[end-1].end}, i, end)
				i = end - 1
				continue
			}
		}
		if a, ok := s.aliasAt(i); ok {
			end := i + len(a.tokens)
			s.add(mention{name: a.canonical, kind: a.kind, start: s.toks[i].start, end: s.toks[end-1].end}, i, end)
			i = end - 1
		}
	}
}

// unCanonical is the gazetteer's name for the United Nations.
const unCanonical = "United Nations"

// aliasAt returns the longest gazetteer name written at token i.
func (s *entityScan) aliasAt(i int) (alias, bool) {
	if i >= len(s.toks) {
		return alias{}, false
	}
	// By pointer: a common word heads many aliases ("government" heads a
	// "Government of ..." for every country), and copying each cost more
	// than rejecting it.
	aliases := s.g.byFirst[s.toks[i].lower]
	for k := range aliases {
		if a := &aliases[k]; s.matches(i, a) && !s.isCurrency(i+len(a.tokens)-1) {
			return *a, true
		}
	}
	return alias{}, false
}

// unPrefix returns how many tokens from i spell "UN" or "United Nations"
// directly before another word, or 0.
func (s *entityScan) unPrefix(i int) int {
	switch {
	case s.toks[i].key == "UN" || s.toks[i].key == "U.N.":
		if s.adjacent(i) {
			return 1
		}
	case s.toks[i].key == "United" && i+1 < len(s.toks) && s.toks[i+1].key == "Nations" && s.adjacent(i) && s.adjacent(i+1):
		return 2
	}
	return 0
}

// matches reports whether the alias is written at token i. One-word aliases
// ("US", "Amnesty") must match exactly, or "us" would be a country; longer
// ones match in any case ("Cambodian government") if the first word is
// capitalized, so that running text ("defend human rights now") does not.
func (s *entityScan) matches(i int, a *alias) bool {
	if i+len(a.tokens) > len(s.toks) {
		return false
	}
	if len(a.tokens) == 1 {
		k := s.toks[i].key
		// A place keeps its name in a shouted headline or dateline
		// ("PHILIPPINES:", "GENEVA (23 March 2017)"); short capitals are
		// more often acronyms.
		return k == a.tokens[0] || (a.kind == kindPlace && utf8.RuneCountInString(k) >= 4 && k == strings.ToUpper(a.tokens[0]))
	}
	if !startsUpper(s.toks[i].key) && s.toks[i].key != a.tokens[0] {
		// Running text does not start a name; only names that are
		// written in lower case themselves ("autorités cambodgiennes")
		// match there, and only as written.
		return false
	}
	last := len(a.tokens) - 1
	for j, want := range a.tokens {
		t := s.toks[i+j]
		if !strings.EqualFold(t.key, want) || (a.exactCase && t.key != want) {
			return false
		}
		if j < last && (t.possessive != a.possessive[j] || !nameGap(s.text[t.end:s.toks[i+j+1].start])) {
			return false
		}
	}
	return true
}

// nameGap reports whether the text between two words can lie inside a name:
// spaces, or the apostrophe of a plural possessive ("Teachers' Union").
// A bare hyphen joins the parts of a name written with lower-case parts
// ("Chan-o-cha"), which the tokenizer splits.
// A blank line ends a paragraph, and every name with it.
func nameGap(gap string) bool {
	if gap == "-" || gap == "‐" {
		return true
	}
	if strings.Count(gap, "\n") > 1 {
		return false
	}
	gap = strings.TrimSpace(gap)
	return gap == "" || gap == "'" || gap == "’"
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
	for from < k && nameConnectors[s.toks[from].lower] {
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
	// Verbs of speech and reporting: "said Phil Robertson", "Reporting by
	// Prak Chan Thul", "please contact Naly Pilorge".
	"said": true, "says": true, "by": true, "contact": true, "including": true,
	// More roles and verbs whose object is people.
	"founder": true, "co-founder": true, "owner": true, "editor": true, "writer": true,
	"author": true, "poet": true, "ambassador": true, "senator": true, "mayor": true,
	"vice-president": true, "secretary-general": true, "commander-in-chief": true,
	"general": true, "king": true, "queen": true, "prince": true, "princess": true,
	"women": true, "woman": true, "men": true, "man": true, "student": true, "students": true,
	"charged": true, "sentenced": true, "summoned": true, "arrested": true, "detained": true,
	"jailed": true, "convicted": true, "acquitted": true, "pardoned": true,
	"cartoonist": true, "artist": true, "comedian": true, "singer": true, "rapper": true,
	"filmmaker": true, "photographer": true, "novelist": true, "academic": true,
	"professor": true, "scholar": true, "teacher": true, "doctor": true, "priest": true,
	"pastor": true, "imam": true, "farmer": true, "politician": true, "lawmaker": true,
	"legislator": true, "candidate": true, "counsellor": true, "councillor": true,
	// French: "a déclaré Dimitris Christopoulos", "M. ", "Mme ".
	"déclaré": true, "président": true, "présidente": true, "m": true, "mme": true,
}

// honorifics may precede a surname alone ("Ms Brooks").
var honorifics = map[string]bool{"Mr": true, "Mrs": true, "Ms": true, "Miss": true, "Dr": true, "Prof": true, "Samdech": true, "M": true, "Mme": true}

// maxNameWords bounds a person's name read by rule.
const maxNameWords = 4

// findPeople reads the people a title, role or verb introduces, and lists
// of them: "staff members – Lim Mony, Nay Vanda, Ny Sokha and Yi Soksan".
func (s *entityScan) findPeople() {
	for i, t := range s.toks {
		if !personTriggers[t.lower] || s.at[i] >= 0 || i+1 >= len(s.toks) || s.inTitleCase(i) {
			continue
		}
		gap := strings.TrimSpace(s.text[t.end:s.toks[i+1].start])
		if strings.Trim(gap, ".,:–—-") != "" || t.possessive {
			continue
		}
		s.readNameList(i+1, honorifics[t.key])
	}
	s.findAppositives()
}

// appositiveWindow is how many words before a comma may hold the role or
// organization that an appositive name explains.
const appositiveWindow = 6

// findAppositives reads a name set off by commas after a role or an
// organization: "the President of the Council, Coly Seck, said",
// "Deputy Regional Director for Campaigns, Ming Yu Hah, said". The commas
// on both sides, and the role before them, keep lists of unknown places
// ("Da Nang, Hue and ...") out.
func (s *entityScan) findAppositives() {
	for i := 1; i < len(s.toks); i++ {
		if s.at[i] >= 0 || s.inTitleCase(i) {
			continue
		}
		n := s.nameRun(i)
		if n < 2 {
			continue
		}
		end := i + n - 1
		after := strings.TrimLeft(s.text[s.toks[end].end:], " ")
		sep := strings.TrimSpace(s.text[s.toks[i-1].end:s.toks[i].start])
		before := (sep == "," || sep == ":") && s.roleBefore(i-1) && (after == "" || strings.ContainsAny(after[:1], ",.;)\n"))
		if !before && !s.roleAfter(end) {
			continue
		}
		name := withoutPossessive(collapseSpace(s.text[s.toks[i].start:s.toks[end].end]))
		s.add(mention{name: name, kind: kindPerson, start: s.toks[i].start, end: s.toks[end].end}, i, end+1)
		i = end
	}
}

// roleAfter reports whether a role follows the name at token end after a
// comma: "Surya Anta, a spokesperson for ...".
func (s *entityScan) roleAfter(end int) bool {
	j := end + 1
	if j >= len(s.toks) || strings.TrimSpace(s.text[s.toks[end].end:s.toks[j].start]) != "," {
		return false
	}
	for k := j; k < len(s.toks) && k < j+3; k++ {
		if k > j && !s.adjacent(k-1) {
			return false
		}
		w := s.toks[k].lower
		if personTriggers[w] && !honorifics[s.toks[k].key] && w != "by" && w != "said" && w != "says" && w != "including" && w != "contact" {
			return true
		}
		if w != "a" && w != "an" && w != "the" && w != "its" && w != "their" && w != "his" && w != "her" && !startsUpper(s.toks[k].key) {
			return false
		}
	}
	return false
}

// roleBefore reports whether token k ends an organization's name, or a role
// word stands among the few words before it.
func (s *entityScan) roleBefore(k int) bool {
	if m := s.at[k]; m >= 0 && s.found[m].kind == kindOrg {
		return true
	}
	for j := k; j >= 0 && k-j < appositiveWindow; j-- {
		if j < k && !strings.ContainsAny(s.text[s.toks[j].end:s.toks[j+1].start], ".;") && personTriggers[s.toks[j].lower] && !honorifics[s.toks[j].key] {
			return true
		}
		if j == k && personTriggers[s.toks[j].lower] {
			return true
		}
	}
	return false
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
		if j > i && s.hyphenPart(j) {
			n++
			continue
		}
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

// maxHyphenPart bounds a lower-case part of a name ("Hang-tung"); longer
// ones are words ("Tokyo-based").
const maxHyphenPart = 4

// hyphenSuffixes are short words that follow a name with a hyphen without
// being part of it ("Hun Sen-led").
var hyphenSuffixes = map[string]bool{"led": true, "run": true, "era": true, "like": true, "held": true, "born": true, "made": true, "wide": true, "type": true, "ish": true}

// hyphenPart reports whether token j is a lower-case part of the name
// before it, joined by a bare hyphen.
func (s *entityScan) hyphenPart(j int) bool {
	k := s.toks[j].key
	gap := s.text[s.toks[j-1].end:s.toks[j].start]
	return (gap == "-" || gap == "‐") && !startsUpper(k) && utf8.RuneCountInString(k) <= maxHyphenPart && !hyphenSuffixes[k] && s.at[j] < 0 && !s.toks[j-1].possessive
}

// adjacentOrInitial is adjacent, also across the dot of an initial ("M.").
func (s *entityScan) adjacentOrInitial(i int) bool {
	if s.adjacent(i) {
		return true
	}
	gap := s.text[s.toks[i].end:s.toks[i+1].start]
	return utf8.RuneCountInString(s.toks[i].key) == 1 && strings.TrimSpace(gap) == "."
}

// initialsRe matches dotted initials written as one word.
var initialsRe = regexp.MustCompile(`^(?:\p{Lu}\.){2,3}$`)

// isNameWord: capitalized, not all capitals (an acronym), and not a word
// that merely happens to be capitalized in titles and dates.
func isNameWord(w string) bool {
	if !startsUpper(w) {
		return false
	}
	if initialsRe.MatchString(w) {
		return true // "K.P. Sharma Oli"
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

// inUnknownName reports whether token i runs on into a capitalized word that
// no entity holds: "Hlaing" in "Hlaing Tharyar township" is part of a place
// name, not Min Aung Hlaing.
func (s *entityScan) inUnknownName(i int) bool {
	if i > 0 && s.adjacent(i-1) && s.at[i-1] < 0 && isNameWord(s.toks[i-1].key) {
		return true
	}
	return i+1 < len(s.toks) && s.adjacent(i) && s.at[i+1] < 0 && isNameWord(s.toks[i+1].key)
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
		if s.at[i] >= 0 || !startsUpper(t.key) || s.inUnknownName(i) {
			continue
		}
		if full := parts[t.key]; len(full) == 1 {
			s.add(mention{name: full[0], kind: kindPerson, start: t.start, end: t.end}, i, i+1)
		}
	}
}
