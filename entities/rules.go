package entities

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// mention is one name found in a text.
type mention struct {
	name       string
	kind       entityKind
	start, end int // bytes in the text
}

// entityScan is the state of finding the entities of one text.
type entityScan struct {
	g    *gazetteer
	text string
	toks []ruleToken
	// at maps a token to the mention covering it, -1 for none.
	at []int
	// titleCase marks the tokens in lines written in title case.
	titleCase []bool
	found     []mention
	// short are one-word person mentions ("Ms Brooks") that need a full
	// name found elsewhere in the text.
	short []mention
	// surnames are one-word person mentions after an office ("President
	// Pastrana"), which stand as the person's name when the text gives no
	// full one (addSurnames).
	surnames []mention
	// lone are the surnames that stand alone as people (indexes in
	// found), which placesNamedByOffice may find to be a full name's.
	lone []int
	// converted maps a surname to the full name personFromPlace made a
	// person.
	converted map[string]string
	// tagged are the names the tagger read, for addTagged.
	tagged []taggedName
	// small holds the words written in small letters in the text, built
	// by writtenSmall when first asked.
	small map[string]bool
	// taggedPeople are the people only the tagger read (indexes in
	// found), which unifyPlaces may find to be places.
	taggedPeople []int
}

// find finds the organizations, people and places of a text: gazetteer
// names first (longest match wins), then acronyms the text defines, then
// people introduced by a title or role, then short references to people
// already found. A tagger's names are added where the rules find none (see
// addTagged); a nil tagger adds nothing.
func (g *gazetteer) find(text string, tagger *Model) []mention {
	s := &entityScan{g: g, text: text, toks: ruleTokens(text)}
	s.titleCase = titleCaseTokens(text, s.toks)
	s.at = make([]int, len(s.toks))
	for i := range s.at {
		s.at[i] = -1
	}
	s.matchGazetteer()
	s.matchKhmer()
	s.dropLinkBars()
	s.markPhotoCredits()
	s.markWireCredits()
	s.markHeaderFields()
	s.runTagger(tagger)
	s.findSignatories()
	s.findSections()
	s.findAdjectiveGovernments()
	s.findOrgs()
	s.findKindNamed()
	s.findDomainNames()
	s.findQuotedKindNames()
	s.findWentToPress()
	s.findNamedBeforeKind()
	s.findAcronymsFirst()
	s.findPlacesEndingNames()
	s.linkAcronyms()
	s.findPeople()
	s.findNicknamed()
	s.findQuoteTagSubjects()
	s.findRelatives()
	s.findNamedAs()
	s.findCapitalNames()
	s.findNamedByRole()
	s.findAdministrations()
	s.findBracketedGivenNames()
	s.findNamedAfterOfficePlace()
	s.findSubdivisions()
	s.findSaintPlaces()
	s.addTagged(kindPerson)
	s.findRepeatedSurnames()
	s.extendNameParticles()
	s.extendNamesLeft()
	s.extendNameSuffixes()
	s.findSharedSurnames()
	s.addTagged(kindOrg)
	s.findForNamed()
	s.findKindAppositives()
	s.findKindExamples()
	s.findOtherExamples()
	s.findSalutations()
	s.findOrgLists()
	// Again, for the organizations the tagger added: the first pass saw
	// only the rules' names, and a second finds the same ones again.
	s.linkAcronyms()
	s.findRepeatedAcronyms()
	s.findActingAcronyms()
	s.resolveShortNames()
	s.findPlaces()
	s.addTagged(kindPlace)
	s.findLocatives()
	s.headsOfGovernment()
	s.placesNamedByOffice()
	s.resolveCountry()
	s.dropPlacesInQuotedTitles()
	s.linkOrgVariants()
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
	gap := s.text[s.toks[i].end:s.toks[i+1].start]
	return strings.TrimSpace(gap) == "" && !s.shortLineEnds(i, gap) && !blankLineIn(gap)
}

// blankLineIn reports whether gap, white space between two words, holds
// an empty line: a paragraph ends there, and no name runs on from one
// paragraph into the next ("… del periodista Gregorio Jiménez" / "La
// Oficina en México …"), while prose wrapped at a column breaks a line
// without leaving one empty.
func blankLineIn(gap string) bool {
	first := strings.IndexByte(gap, '\n')
	return first >= 0 && strings.TrimSpace(gap[first+1:]) == "" && strings.IndexByte(gap[first+1:], '\n') >= 0
}

// shortLineBytes is the length under which a line is a line of its own
// (a letterhead, a contact block, a list) rather than prose wrapped at a
// column width, which is longer even in narrow PDF columns.
const shortLineBytes = 40

// shortLineEnds reports whether gap, the text after token i, ends a short
// line: no name runs from it onto the next one ("Centro Prodh" / "Phone:
// 555"), while a name wrapped in prose ("Human Rights" / "Watch") does.
func (s *entityScan) shortLineEnds(i int, gap string) bool {
	if !strings.Contains(gap, "\n") {
		return false
	}
	end := s.toks[i].end
	start := strings.LastIndexByte(s.text[:end], '\n') + 1
	return end-start < shortLineBytes
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
			kind := a.kind
			if a.medium && s.mediumBefore(i, end) {
				kind = kindOther
			}
			s.add(mention{name: a.canonical, kind: kind, start: s.toks[i].start, end: s.toks[end-1].end}, i, end)
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
		// A shouted word that runs on into a name on its line is an
		// acronym of its own: "GANA Nariño" is no Ghana ("Gana").
		return k == a.tokens[0] || (a.kind == kindPlace && utf8.RuneCountInString(k) >= 4 && k == strings.ToUpper(a.tokens[0]) &&
			!(i+1 < len(s.toks) && strings.Trim(s.text[s.toks[i].end:s.toks[i+1].start], " ") == "" &&
				startsUpper(s.toks[i+1].key) && hasLower(s.toks[i+1].key)))
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
		if j < last && (t.possessive != a.possessive[j] || !nameGap(s.text[t.end:s.toks[i+j+1].start]) && !elisionGap(s.text[t.end:s.toks[i+j+1].start])) {
			return false
		}
	}
	return true
}

// elisionGap reports whether the text between two words of a gazetteer
// name is a French elided article, which the tokens leave out of the name
// as of the text: "Département d’État", "Banque européenne
// d’investissement".
func elisionGap(gap string) bool {
	switch strings.ToLower(gap) {
	case " d’", " d'", " l’", " l'":
		return true
	}
	return false
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
		long := s.spelledName(k)
		if long < 0 {
			long = s.at[k-1]
		}
		if long < 0 {
			long = s.unknownOrg(k)
		}
		if long < 0 || s.found[long].kind == kindPerson {
			continue
		}
		if l := s.found[long]; l.kind == kindPlace && !sameInitial(s.text[l.start:l.end], s.toks[k].key) {
			continue // "our partners in Asia (CCHR)": a place spells no other initial
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
	if !sameInitial(first, acronym) || !isOrgHead(strings.ToLower(last), orgHead) || documentHeads[first] {
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

// documentHeads start the names of laws and treaties, which end in words like
// "Organisations" without being organizations.
var documentHeads = map[string]bool{
	"Law": true, "Convention": true, "Covenant": true, "Declaration": true, "Treaty": true,
	"Act": true, "Charter": true, "Protocol": true, "Code": true, "Principles": true,
}

// maxNameWords bounds a person's name read by rule.
const maxNameWords = 4

// findPeople reads the people a title, role or verb introduces, and lists
// of them: "staff members – Lim Mony, Nay Vanda, Ny Sokha and Yi Soksan".
func (s *entityScan) findPeople() {
	for i, t := range s.toks {
		if !introduces(t.lower) || s.at[i] >= 0 || i+1 >= len(s.toks) || s.inTitleCase(i) {
			continue
		}
		if t.lower == "by" && i > 0 && softwareVerbs[s.toks[i-1].lower] {
			// "Auto-generated by Perplexity News Tracker", "Powered by
			// Harbour Press": a program or a platform, not a person.
			continue
		}
		gap := strings.TrimSpace(s.text[t.end:s.toks[i+1].start])
		if strings.Trim(gap, ".,:–—-") != "" || t.possessive {
			continue
		}
		// A full stop after a short title is an abbreviation's ("Dr.
		// Kem Ley", "Cel. Brilhante Ustra"); after any other word it ends
		// the sentence, and the capitals after it open the next one ("…,
		// a déclaré. Dix-sept jours après", "said one union leader.
		// Unions across Mexico").
		if strings.HasPrefix(gap, ".") && utf8.RuneCountInString(t.key) > maxAbbreviation {
			continue
		}
		next := i + 1
		// "Prime Minister Sir Keir Starmer": a second title or honorific
		// after the office is no part of the name.
		for next+1 < len(s.toks) && s.at[next] < 0 && IsTitle(s.toks[next].key) && s.adjacent(next) && s.nameRun(next+1) >= 2 {
			next++
		}
		// "le président bolivien Evo Morales", "el presidente chileno
		// Gabriel Boric": French and Spanish put the nationality after
		// the role, in small letters.
		if isDemonym(s.toks[next].key) && next+1 < len(s.toks) && s.adjacent(next) && s.at[next+1] < 0 && s.nameRun(next+1) >= 2 {
			next++
		}
		s.readNameList(next, isHonorific(t.key), personWords[t.lower]&title != 0 && !isHonorific(t.key))
	}
	s.findAppositives()
}

// softwareVerbs put a program or platform after "by" in a page's footer.
var softwareVerbs = wordSet(`generated auto-generated powered hosted`)

// maxAbbreviation bounds the words a full stop may abbreviate ("Gen.",
// "Sen.", "Prof."), in letters.
const maxAbbreviation = 4

// demonymEndings end French and Spanish adjectives of nationality
// (bolivien, française, chileno, colombiana, estadounidense).
var demonymEndings = []string{"ien", "ienne", "ais", "aise", "ain", "aine", "ois", "oise", "ano", "ana", "eño", "eña", "ense", "ino", "ina", "és", "esa"}

// isDemonym reports whether w, as written, may be a French or Spanish
// adjective of nationality: a word in small letters with such an ending.
func isDemonym(w string) bool {
	if w == "" || strings.ToLower(w) != w || utf8.RuneCountInString(w) < 5 {
		return false
	}
	for _, e := range demonymEndings {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// appositiveWindow is how many words before a comma may hold the role
// that an appositive name explains.
const appositiveWindow = 6

// findAppositives reads a name set off by commas after a role: "the
// President of the Council, Coly Seck, said",
// "Deputy Regional Director for Campaigns, Ming Yu Hah, said". The commas
// on both sides, and the role before them, keep lists of unknown places
// ("Da Nang, Hue and ...") out.
func (s *entityScan) findAppositives() {
	for i := 0; i < len(s.toks); i++ {
		if s.at[i] >= 0 || s.inTitleCase(i) {
			continue
		}
		n := s.nameRun(i)
		if n < 2 {
			continue
		}
		end := i + n - 1
		after := strings.TrimLeft(s.text[s.toks[end].end:], " ")
		before := false
		if i > 0 {
			sep := strings.TrimSpace(s.text[s.toks[i-1].end:s.toks[i].start])
			before = (sep == "," || sep == ":") && s.roleBefore(i-1) && (after == "" || strings.ContainsAny(after[:1], ",.;)\n"))
		}
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
		if introduces(w) && !isHonorific(s.toks[k].key) && w != "by" && w != "said" && w != "says" && w != "including" && w != "contact" {
			return true
		}
		if w != "a" && w != "an" && w != "the" && w != "its" && w != "their" && w != "his" && w != "her" && !startsUpper(s.toks[k].key) {
			return false
		}
	}
	return false
}

// roleBefore reports whether a role word stands among the few words up to
// token k ("the President of the Council"). An organization alone is no
// role: "the firm Carlyle Group, Saudi Midad Energy, and …" lists
// organizations.
func (s *entityScan) roleBefore(k int) bool {
	for j := k; j >= 0 && k-j < appositiveWindow; j-- {
		if j < k && !strings.ContainsAny(s.text[s.toks[j].end:s.toks[j+1].start], ".;") && introduces(s.toks[j].lower) && !isHonorific(s.toks[j].key) {
			return true
		}
		if j == k && introduces(s.toks[j].lower) {
			return true
		}
	}
	return false
}

// readNameList reads names from token i on, separated by commas and "and",
// and stops at the first thing that is not a person's name.
func (s *entityScan) readNameList(i int, honorific, office bool) {
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
			if s.orgHeadAfter(i + n) {
				// "said Digital Rights Watch Chair …": the run stopped at
				// the head word of an organization's name, which it is
				// part of.
				return
			}
			switch {
			case n >= 2 && s.demonymPhrase(i, i+n):
				return // "by Shi'ite Muslims", "including Middle Eastern": no one named
			case n >= 2 && s.namedThingAfter(i+n):
				return // "journalist, Tolishi Sedo newspaper editor …": a paper's name
			case n >= 2:
				name := withoutPossessive(collapseSpace(s.text[s.toks[i].start:s.toks[i+n-1].end]))
				s.add(mention{name: name, kind: kindPerson, start: s.toks[i].start, end: s.toks[i+n-1].end}, i, i+n)
			case n == 1 && honorific:
				s.short = append(s.short, mention{name: s.toks[i].key, kind: kindPerson, start: s.toks[i].start, end: s.toks[i].end})
				return
			case n == 1 && office && s.officeSurname(i):
				s.surnames = append(s.surnames, mention{name: s.toks[i].key, kind: kindPerson, start: s.toks[i].start, end: s.toks[i].end})
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

// orgHeadAfter reports whether token j, right after a run of capitalised
// words, is the capitalised head word of an organization's name ("Watch",
// "Council", "Court"), so that the run is the start of that name.
func (s *entityScan) orgHeadAfter(j int) bool {
	return j > 0 && j < len(s.toks) && s.adjacent(j-1) && startsUpper(s.toks[j].key) &&
		isOrgHead(s.toks[j].lower, orgHead|orgRuleHead)
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
		if j > i && s.adjacent(j-1) && s.at[j] < 0 && articleSurname(s.toks[j].key) {
			n++
			continue
		}
		if j > i && !s.adjacentOrInitial(j-1) {
			break
		}
		if j > i && placeNouns[s.toks[j].lower] && startsUpper(s.toks[j].key) {
			// "General Santos City", "Quezon City": capitals before
			// "City" or "Province" name a place, not a person.
			return 0
		}
		if s.at[j] >= 0 || !s.isNameTok(j) {
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

// nameArticles are the Arabic articles written in small letters and
// hyphenated onto a surname ("Abdul Fattah al-Sisi", "Karim el-Shaer"), as
// transliterated names are.
var nameArticles = []string{"al-", "el-", "ad-", "ash-", "as-", "an-", "ar-", "at-", "az-"}

// articleSurname reports whether w is a surname with an Arabic article:
// the article in small letters, then a capital ("al-Sharqawy"). A general
// pattern of transliterated names, not a list of them.
func articleSurname(w string) bool {
	bare := withoutArticle(w)
	return bare != w && startsUpper(bare) && hasLower(bare)
}

// withoutArticle drops an Arabic article hyphenated onto w, or returns w.
func withoutArticle(w string) string {
	for _, a := range nameArticles {
		if rest, ok := strings.CutPrefix(w, a); ok && rest != "" {
			return rest
		}
	}
	return w
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
	return isNameWordLower(w, strings.ToLower(w))
}

// isNameTok is isNameWord for token j, with the lower case the tokenizer
// already made: the rules ask it of most capitalised words, and lowering
// each again cost more than the rest of the test.
func (s *entityScan) isNameTok(j int) bool {
	t := &s.toks[j]
	return startsUpper(t.key) && isNameWordLower(t.key, t.lower)
}

// isNameWordLower is isNameWord for a capitalised word w and its lower
// case lw.
func isNameWordLower(w, lw string) bool {
	if initialsRe.MatchString(w) {
		return true // "K.P. Sharma Oli"
	}
	if utf8.RuneCountInString(w) > 1 && !hasLower(w) {
		return false
	}
	return !introduces(lw) && !isOrgHead(lw, orgHead) && !calendarWords[lw] && !commonCapitals[lw] && !numberWords[lw]
}

// numberWords are the English, French, Spanish and Portuguese words for
// numbers, which open sentences capitalised ("Dix-sept jours après",
// "Três mil camponeses", "Twenty protesters") and are no part of a
// person's or a place's name. "Dos" (two) is left out: it is a surname's
// particle too ("Isabel Dos Santos").
var numberWords = wordSet(`
	one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty hundred thousand
	un une deux trois quatre cinq sept huit neuf dix onze douze treize quatorze quinze seize vingt trente quarante
	cinquante soixante cent mille
	uno tres cuatro cinco seis siete ocho nueve diez once doce quince veinte treinta cuarenta cincuenta cien ciento
	mil um dois duas três sete oito nove dez doze vinte trinta cem
`)

// wordSet builds the lookup table of a list of words separated by spaces.
func wordSet(words string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(words) {
		set[w] = true
	}
	return set
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
	// A letter's salutation opens a line before a name ("Dear Vale Rights
	// Commission:") and is no part of it.
	"dear": true,
	// French, Spanish and Portuguese prepositions and conjunctions, which
	// open sentences before a name and are no part of one: "Según Naly
	// Pilorge", "Dans La Paz".
	"selon": true, "dans": true, "pour": true, "avec": true, "chez": true, "depuis": true,
	"après": true, "contre": true, "entre": true, "mais": true, "quand": true, "según": true,
	"para": true, "por": true, "con": true, "desde": true, "hasta": true, "sobre": true,
	"durante": true, "ante": true, "tras": true, "pero": true, "cuando": true, "aunque": true,
	"também": true, "quando": true, "pelo": true, "pela": true,
}

// hasLower reports whether w holds a small letter: a word in capitals
// ("UNEB", "PARIS") holds none.
func hasLower(w string) bool {
	for _, r := range w {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// inUnknownName reports whether token i runs on into a capitalized word that
// no entity holds: "Hlaing" in "Hlaing Tharyar township" is part of a place
// name, not Min Aung Hlaing.
func (s *entityScan) inUnknownName(i int) bool {
	if i > 0 && s.adjacent(i-1) && s.at[i-1] < 0 && s.isNameTok(i-1) {
		return true
	}
	return i+1 < len(s.toks) && s.adjacent(i) && s.at[i+1] < 0 && s.isNameTok(i+1)
}

// resolveShortNames turns a lone surname or given name ("Ms Brooks",
// "Sokha founded CCHR") into the full name found elsewhere in the text, when
// exactly one full name contains that word. Unresolved short names are
// dropped: "Brooks" alone is a fragment, not an entity.
func (s *entityScan) resolveShortNames() {
	s.mergePartialNames()
	parts := map[string][]string{} // name word → full names containing it
	for _, m := range s.found {
		if m.kind != kindPerson {
			continue
		}
		for _, w := range strings.Fields(FoldPunctuation(m.name))[1:] {
			if utf8.RuneCountInString(w) < 2 {
				continue // an initial names nobody
			}
			if !slices.Contains(parts[w], m.name) {
				parts[w] = append(parts[w], m.name)
			}
			// "al-Sisi" is "Sisi" when written alone.
			if bare := withoutArticle(w); bare != w && !slices.Contains(parts[bare], m.name) {
				parts[bare] = append(parts[bare], m.name)
			}
		}
	}
	resolved := map[int]bool{} // starts of the short names resolved here
	for _, sm := range s.short {
		if full, ok := s.fullNameBefore(parts[sm.name], sm.start); ok && !resolved[sm.start] {
			s.found = append(s.found, mention{name: full, kind: kindPerson, start: sm.start, end: sm.end})
			resolved[sm.start] = true
		}
	}
	s.addSurnames(resolved)
	for i, t := range s.toks {
		// A short name resolved above covers no token (s.at), and must not
		// be found twice.
		if s.at[i] >= 0 || resolved[t.start] || !startsUpper(t.key) || s.inUnknownName(i) {
			continue
		}
		if full, ok := s.fullNameBefore(parts[t.key], t.start); ok {
			s.add(mention{name: full, kind: kindPerson, start: t.start, end: t.end}, i, i+1)
		}
	}
}

// fullNameBefore picks the full name a surname at offset pos stands for
// among those that hold it: the only one, or else the one the text named
// last before pos ("Jose Ruben Zamora … Zamora said … his son, Jose
// Zamora"), as a reader takes it. None when two hold it and neither was
// named before.
func (s *entityScan) fullNameBefore(full []string, pos int) (string, bool) {
	if len(full) == 1 {
		return full[0], true
	}
	best, bestAt := "", -1
	for _, m := range s.found {
		if m.kind == kindPerson && m.start < pos && m.start > bestAt && slices.Contains(full, m.name) {
			best, bestAt = m.name, m.start
		}
	}
	return best, best != ""
}

// officeSurname reports whether the one name word at token i, after an
// office, may be a surname: no title or role itself, no common word the
// text writes in small letters ("el Director Técnico"), not the start of
// the office's complement ("Director Técnico del Centro", "Secretary
// General of"), and no given name before a nickname ("President Joseph
// "Erap" Estrada").
func (s *entityScan) officeSurname(i int) bool {
	t := s.toks[i]
	rest := strings.TrimLeft(s.text[t.end:], " ")
	if personWords[t.lower] != 0 || s.writtenSmall(t.lower) ||
		strings.HasPrefix(rest, `"`) || strings.HasPrefix(rest, "“") || strings.HasPrefix(rest, "«") {
		return false
	}
	if i+1 < len(s.toks) && s.adjacent(i) {
		switch s.toks[i+1].key {
		case "of", "de", "del", "do", "da", "du", "des", "for", "at":
			return false
		}
	}
	return true
}

// addSurnames records the surnames an office introduced ("President
// Pastrana", "le président Macron") that no short name resolved: a full
// name holding the word makes it that person, and with none the surname
// is the person's name as the text gives it. A word that opens a full
// name ("President Joseph") is a given name, and two full names holding
// it leave it ambiguous: both are dropped.
func (s *entityScan) addSurnames(resolved map[int]bool) {
	for _, sm := range s.surnames {
		i := s.tokenAt(sm.start)
		if resolved[sm.start] || s.at[i] >= 0 {
			continue
		}
		var full []string
		given := false
		for _, m := range s.found {
			if m.kind != kindPerson {
				continue
			}
			ws := strings.Fields(FoldPunctuation(m.name))
			if i := slices.Index(ws, sm.name); i == 0 && len(ws) > 1 {
				given = true
			} else if i > 0 && !slices.Contains(full, m.name) {
				full = append(full, m.name)
			}
		}
		switch {
		case given || len(full) > 1:
		case len(full) == 1:
			s.add(mention{name: full[0], kind: kindPerson, start: sm.start, end: sm.end}, i, i+1)
		default:
			s.add(sm, i, i+1)
			s.lone = append(s.lone, len(s.found)-1)
		}
		resolved[sm.start] = true
	}
}

// placesNamedByOffice makes a place of two words or more whose last word
// is a surname an office introduced alone a person, and the surname that
// person: "the administration of Corazon Aquino" reads as a place to the
// tagger, "former President Aquino" says who she is. It runs once the
// places are found.
func (s *entityScan) placesNamedByOffice() {
	for _, k := range s.lone {
		if full := s.personFromPlace(s.found[k].name); full != "" {
			s.found[k].name = full
		}
	}
}

// personFromPlace makes the place of two words or more whose last word is
// surname a person, and returns its name; "" when there is none. A place
// made a person already is found again, for the next mention of the
// surname.
func (s *entityScan) personFromPlace(surname string) string {
	place := s.placeEndingIn(surname)
	if place == "" {
		return s.converted[surname]
	}
	for j := range s.found {
		if s.found[j].name == place && s.found[j].kind == kindPlace {
			s.found[j].kind = kindPerson
		}
	}
	if s.converted == nil {
		s.converted = map[string]string{}
	}
	s.converted[surname] = place
	return place
}

// governmentWords follow the surname of the head of a government: "the
// Arroyo administration", "el gobierno Boric". Keys are lower case.
var governmentWords = wordSet(`administration government regime presidency gobierno gouvernement governo`)

// headsOfGovernment reads a surname before "administration" or
// "government" as a person's when a place the tagger read ends in it
// ("the government of Gloria Macapagal Arroyo … the Arroyo
// administration"): placesNamedByOffice then makes that place the person.
// A surname no full name holds is left alone: "the Labour government",
// "the Taliban government" name no one.
//
// The surname there qualifies a noun and is no mention of the person: the
// government, not Arroyo, is what "called for the Arroyo government to
// …" is about.
func (s *entityScan) headsOfGovernment() {
	for i := 0; i+1 < len(s.toks); i++ {
		if s.at[i] < 0 && s.adjacent(i) && governmentWords[s.toks[i+1].key] && s.isNameTok(i) {
			s.personFromPlace(s.toks[i].key)
		}
	}
}

// placeEndingIn returns the place of two words or more, no country, whose
// last word is surname, or "".
func (s *entityScan) placeEndingIn(surname string) string {
	for _, m := range s.found {
		if m.kind != kindPlace || !strings.HasSuffix(m.name, " "+surname) {
			continue
		}
		if _, country := s.g.countries[m.name]; !country {
			return m.name
		}
	}
	return ""
}

// tokenAt returns the token that starts at byte start.
func (s *entityScan) tokenAt(start int) int {
	i, _ := slices.BinarySearchFunc(s.toks, start, func(t ruleToken, start int) int { return t.start - start })
	return min(i, len(s.toks)-1)
}

// mergePartialNames turns a person's name of two words or more that is part
// of exactly one longer name found in the text into that name: "Mr
// Singleton Norton" after "Tim Singleton Norton", "Raja Petra" after "Raja
// Petra Kamaruddin", "Jorge Ruiz" after "Jorge Celestino Ruiz" (sameEnds).
// A name of one word becomes the full name that holds it, or of several the one named last before it ("Odeh was sentenced"
// after "Rasmea Odeh"). A gazetteer name is already canonical, and its
// aliases ("Samdech Hun Sen") already name it.
func (s *entityScan) mergePartialNames() {
	type fullName struct {
		words []string
		name  string
	}
	var full []fullName
	byWord := map[string][]int{} // a word → the full names holding it
	seen := map[string]bool{}
	for _, m := range s.found {
		if m.kind != kindPerson {
			continue
		}
		ws := strings.Fields(FoldPunctuation(m.name))
		key := strings.Join(ws, " ")
		if seen[key] {
			continue
		}
		seen[key] = true
		for _, w := range ws {
			byWord[w] = append(byWord[w], len(full))
		}
		full = append(full, fullName{ws, m.name})
	}
	for i, m := range s.found {
		if m.kind != kindPerson {
			continue
		}
		ws := strings.Fields(FoldPunctuation(m.name))
		if len(ws) == 1 {
			// One word a rule read as a person ("Odeh was sentenced"):
			// the full name that holds it, as resolveShortNames links a
			// short name.
			var holders []string
			for _, k := range byWord[ws[0]] {
				if f := full[k]; len(f.words) > 1 && !slices.Contains(holders, f.name) {
					holders = append(holders, f.name)
				}
			}
			if name, ok := s.fullNameBefore(holders, m.start); ok {
				s.found[i].name = name
			}
			continue
		}
		longer := -1
		for _, k := range byWord[ws[0]] {
			if f := full[k]; len(f.words) > len(ws) && (containsWords(f.words, ws) || sameEnds(f.words, ws)) {
				if longer >= 0 && full[longer].name != f.name {
					longer = -1 // part of two names: ambiguous
					break
				}
				longer = k
			}
		}
		if longer >= 0 {
			s.found[i].name = full[longer].name
		}
	}
}

// sameEnds reports whether part, a given name and a surname, is words
// with its middle names left out: "Jorge Ruiz" of "Jorge Celestino Ruiz",
// as Spanish and Portuguese news shorten a full name after its first
// mention.
func sameEnds(words, part []string) bool {
	return len(part) == 2 && len(words) > 2 && words[0] == part[0] && words[len(words)-1] == part[1]
}

// containsWords reports whether part occurs in words as a run.
func containsWords(words, part []string) bool {
	for i := 0; i+len(part) <= len(words); i++ {
		if slices.Equal(words[i:i+len(part)], part) {
			return true
		}
	}
	return false
}
