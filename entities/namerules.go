package entities

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the rules that find names the gazetteer does not know:
// organizations by the word their names end in ("... Municipal Court") or,
// in French, Spanish and Portuguese, open with ("Procuraduría Agraria"),
// places by the word after them ("Kandal province"), and the country that
// national institutions belong to. People are found in rules.go and
// people.go, places by the words before them in places.go, and the words
// that end or open organizations' names are listed in words.go.

// orgConnectors may join the words of an organization's name after its head
// word ("Committee on Justice and Human Rights", "Ligue pour la défense").
// "In" and "to" are left out: "Custodial Center in Camp Crame" and
// "Organs of Society to Promote" run on into words that are not the name.
var orgConnectors = map[string]bool{
	"of": true, "for": true, "on": true, "against": true,
	"de": true, "des": true, "du": true, "pour": true, "sur": true,
	"del": true, "da": true, "do": true, "dos": true, "das": true, "para": true, "por": true, "contra": true,
}

// orgArticles may follow a connector ("of the Kingdom of Cambodia", "de
// los Derechos Humanos").
var orgArticles = map[string]bool{"the": true, "la": true, "le": true, "les": true, "l": true, "los": true, "las": true}

// findOrgs reads organizations the gazetteer does not know: a run of
// capitalized words that ends in a head word ("Phnom Penh Municipal Court",
// "Thai Lawyers for Human Rights") or continues after one with "of", "for"
// or "on" ("Ministry of Public Security", "Free Trade Union of Workers of
// the Kingdom of Cambodia"). Places and organizations inside the run become
// part of the name. The run needs two capitalized words, so "the Council"
// alone is no organization.
func (s *entityScan) findOrgs() {
	for h := 0; h < len(s.toks); h++ {
		t := s.toks[h]
		if s.at[h] < 0 && smallMinistries[t.key] {
			if to := s.findSmallMinistry(h); to > h {
				h = to - 1
			}
			continue
		}
		written := writtenHeads[t.key]
		if s.at[h] >= 0 || !startsUpper(t.key) || (isCapitalsWord(t.key) && !written) || s.inTitleCase(h) {
			continue
		}
		if isOrgHead(t.lower, orgLeadHead) || t.lower == "tribunal" && s.opensName(h) || s.adjectiveHeadAt(h) {
			if to := s.findLeadOrg(h); to > h {
				h = to - 1
			}
			continue
		}
		if !written && !isOrgHead(t.lower, orgRuleHead) {
			continue
		}
		if placeSuffixes[t.key] && (h == 0 || s.isPlaceAt(h-1) || streetWords[s.toks[h-1].lower] ||
			h+1 < len(s.toks) && s.joined(h) && startsUpper(s.toks[h+1].key)) {
			continue
		}
		from := s.orgRunStart(h)
		if s.acronymBeforeHead(from) && (from < h || written) {
			from-- // "SAMAA TV", "PEN American Center", "III Republic Platform"
		}
		to := s.orgRunEnd(h + 1)
		// A country right after the name is part of it: "Press Council
		// Nepal".
		if to < len(s.toks) && s.joined(to-1) && s.isCountryAt(to) {
			to = s.mentionEnd(to)
		}
		// A capitalized word after the run means the name goes on with a
		// word this rule cannot read ("Trade Union Law"): leave it alone,
		// unless it is an office held there before a name ("Harbour
		// Workers Union President Ana Ruiz").
		if to < len(s.toks) && s.adjacent(to-1) && startsUpper(s.toks[to].key) && s.at[to] < 0 && !s.officeAfterOrg(to) {
			continue
		}
		if s.capitalizedWords(from, to) < 2 || documentHeads[s.toks[from].key] || s.insideDocumentName(from) {
			continue
		}
		if placeSuffixes[t.key] && s.locativeBefore(from) {
			continue // "in Reno NV"
		}
		if (t.key == "Media" || t.key == "Radio") && s.commonWords(from, h+1) {
			continue // "Social Media", where the text writes "social media"
		}
		if s.theNewspaper(from, h) {
			from-- // "The Washington Post reported"
		}
		name := withoutPossessive(collapseSpace(s.text[s.toks[from].start:s.toks[to-1].end]))
		s.absorb(mention{name: s.g.canonicalOrg(name), kind: kindOrg, start: s.toks[from].start, end: s.toks[to-1].end}, from, to)
		h = to - 1
	}
}

// theNewspaper reports whether the newspaper's name that runs from token
// from to its head at h is written with a capitalised "The" before it
// inside a sentence, which newspapers take into their names ("reported by
// The Washington Post"); "the New York Times" in small letters keeps it
// out, and so does a sentence's first word, capitalised either way.
func (s *entityScan) theNewspaper(from, h int) bool {
	return newspaperHeads[s.toks[h].lower] && from > 0 && s.toks[from-1].key == "The" && s.joined(from-1) &&
		s.at[from-1] < 0 && !s.startsSentence(from-1)
}

// acronymBeforeHead reports whether the word before token h, where an
// organization's name starts, is an acronym or a Roman numeral that opens
// the name: a word in capitals of two to eight letters, not a generic one
// ("NGO Forum"), joined to the name and not itself after another word in
// capitals (a shouted heading, "WATCH LIVE TV"). Broadcasters and bodies
// are often named so: "SAMAA TV", "PEN American Center", "III Republic
// Platform". findOrgs takes one before a single word only where that word
// is a broadcaster's or company's written head. A general pattern, not a
// list of names.
func (s *entityScan) acronymBeforeHead(h int) bool {
	j := h - 1
	if j < 0 || s.at[j] >= 0 || !s.joined(j) {
		return false
	}
	w := s.toks[j].key
	if n := utf8.RuneCountInString(w); n < 2 || n > 8 || !isCapitalsWord(w) || !isLetters(w) || genericAcronyms[s.toks[j].lower] != 0 {
		return false
	}
	return j == 0 || !s.joined(j-1) || !isCapitalsWord(s.toks[j-1].key)
}

// streetWords end a street's name, before a city quarter's letters
// ("Pennsylvania Ave SE"). Keys are lower case.
var streetWords = wordSet(`st street ave avenue rd road blvd boulevard dr drive ln lane way pl place`)

// maxOfficeWords bounds the words of an office written between an
// organization's name and its holder's ("Deputy Director General").
const maxOfficeWords = 3

// officeAfterOrg reports whether token j opens an office written between
// an organization's name and a person's, as English news writes the
// holder of a post: "Harbour Workers Union President Ana Ruiz", "Kestrel
// TV Director Emin Sal", "Open Rights Watch Chair Tim Noor". The office is
// titles and offices only, and a capitalised word that is no organization's
// head follows it: "Press Union General Assembly" goes on as one name. A
// general pattern of English prose, not a list of names.
func (s *entityScan) officeAfterOrg(j int) bool {
	k := j
	for k < len(s.toks) && k-j < maxOfficeWords && (k == j || s.joined(k-1)) &&
		(IsTitle(s.toks[k].key) || titleCased(s.toks[k].key) && IsOffice(s.toks[k].lower)) {
		k++
	}
	if k == j || k >= len(s.toks) || !s.joined(k-1) {
		return false
	}
	next := s.toks[k]
	return isOrgWord(next.key) && orgWords[next.lower] == 0 && (s.at[k] < 0 || s.found[s.at[k]].kind == kindPerson)
}

// genericAcronyms are written in capitals but name kinds of things, not
// one organization: "NGO", "COVID", "LGBTI", "PDF", "FAQ".
var genericAcronyms = markWords(group[uint8]{1, `
	aids atm cbo ceo cfo covid cso dna faq foi gbp gdp gmt hiv hrd hrds ict idp idps ingo lgbt
	lgbti lgbtiq lgbtq ngo ong pdf ptsd rss sars sms tv url usd utc vip`})

// minAcronymUses is how often a text must write an unknown acronym for it
// to be an organization: once is as often an abbreviation as a name.
const minAcronymUses = 2

// findRepeatedAcronyms reads the unknown acronyms a text writes again and
// again as organizations ("O MST denunciou…", "la CGT appelle…"): three to
// six capitals, no rule's name, not part of a line or phrase in capitals,
// never written in small letters in the same text (a shouted word), and
// not a generic one.
func (s *entityScan) findRepeatedAcronyms() {
	var uses map[string][]int
	for i, t := range s.toks {
		// The cheap tests first: most words fail on their first letters.
		if s.at[i] >= 0 || len(t.key) < 3 || len(t.key) > 12 || !startsUpper(t.key) {
			continue
		}
		n := utf8.RuneCountInString(t.key)
		if n < 3 || n > 6 || !isCapitalsWord(t.key) || !isLetters(t.key) || genericAcronyms[t.lower] != 0 ||
			isRomanNumeral(t.key) || s.inTitleCase(i) || s.inCapitalsRun(i) {
			continue
		}
		if uses == nil {
			uses = map[string][]int{}
		}
		uses[t.lower] = append(uses[t.lower], i)
	}
	for lower, at := range uses {
		if len(at) < minAcronymUses {
			delete(uses, lower)
		}
	}
	if len(uses) == 0 {
		return
	}
	for _, t := range s.toks {
		if _, ok := uses[t.key]; ok {
			delete(uses, t.key) // written in small letters too: a shouted word
		}
	}
	for _, at := range uses {
		for _, i := range at {
			t := s.toks[i]
			s.add(mention{name: s.acronymName(t.key), kind: kindOrg, start: t.start, end: t.end}, i, i+1)
		}
	}
}

// inCapitalsRun reports whether token i stands next to another word in
// capitals: a heading or a shouted phrase, or a longer name in capitals.
func (s *entityScan) inCapitalsRun(i int) bool {
	return (i > 0 && s.joined(i-1) && isCapitalsWord(s.toks[i-1].key)) ||
		(i+1 < len(s.toks) && s.joined(i) && isCapitalsWord(s.toks[i+1].key))
}

func isLetters(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// isRomanNumeral: "III", "XIV", as kings and congresses are numbered.
func isRomanNumeral(w string) bool { return strings.Trim(w, "IVXLCDM") == "" }

// maxKindNamedWords bounds the name read after a noun for a kind of
// organization.
const maxKindNamedWords = 4

// findKindNamed reads the organization named right after a noun for its
// kind: "the Haitian company Guacimal", "the website Malaysia Today", "le
// syndicat Solidaires". The noun is the evidence, so one word is enough;
// a place inside the name becomes part of it, and a name a rule already
// read as a person's is left alone.
func (s *entityScan) findKindNamed() {
	for i := 0; i+1 < len(s.toks); i++ {
		t := s.toks[i]
		if !(isOrgHead(t.lower, orgKindNoun) && t.key == t.lower || s.kindNamerAt(i) || s.mediaKindAt(i)) || t.possessive {
			continue
		}
		from := s.kindModifiersEnd(i + 1) // "el canal colombiano de noticias NTN24"
		if from == i+1 && !s.joined(i) {
			continue
		}
		if startsUpper(s.toks[from].key) && commonCapitals[s.toks[from].lower] && from+1 < len(s.toks) && s.joined(from) {
			from++ // "the newspaper The Nation"
		}
		to := from
		for to < len(s.toks) && to-from < maxKindNamedWords && (to == from || s.joined(to-1)) {
			w := s.toks[to].key
			if m := s.at[to]; m >= 0 && s.found[m].kind == kindPerson {
				to = from
				break
			}
			if !startsUpper(w) || calendarWords[s.toks[to].lower] || IsTitle(w) || s.toks[to].possessive {
				break
			}
			to++
		}
		if to == from || s.inTitleCase(from) || (to < len(s.toks) && s.joined(to-1) && startsUpper(s.toks[to].key)) {
			continue
		}
		to = s.orgRunEnd(to) // "el diario Vientos del Sur"
		if m := s.at[from]; m >= 0 && s.found[m].kind == kindOrg {
			continue // a name already known ("the group Human Rights Watch")
		}
		name := collapseSpace(s.text[s.toks[from].start:s.toks[to-1].end])
		s.absorb(mention{name: s.g.canonicalOrg(name), kind: kindOrg, start: s.toks[from].start, end: s.toks[to-1].end}, from, to)
		i = to - 1
	}
}

// kindNamers, as written, say the capitalised name after them is a
// non-governmental body's, as the nouns of orgKindNoun do: "the NGO Tierra
// Viva", "l'ONG Sherpa", "la ONG Provea", "the non-governmental Human
// Rights Coordinator of Paraguay".
var kindNamers = wordSet(`NGO ONG nongovernmental nonprofit`)

// kindNamerAt reports whether token i is one of kindNamers, or the second
// half of "non-governmental" or "non-profit", which the tokens split at
// the hyphen.
func (s *entityScan) kindNamerAt(i int) bool {
	t := s.toks[i]
	if kindNamers[t.key] {
		return true
	}
	return (t.key == "governmental" || t.key == "profit") && i > 0 && s.toks[i-1].lower == "non" &&
		s.text[s.toks[i-1].end:t.start] == "-"
}

// opensName reports whether token h opens a name: no capitalised word but
// an article runs into it. "Tribunal" opens French, Spanish and Portuguese
// names ("El Tribunal Supremo de Justicia", "O Tribunal Regional
// Eleitoral") and ends English ones ("the Special Tribunal for Lebanon"),
// so it is read as the one or the other by what stands before it.
func (s *entityScan) opensName(h int) bool {
	if h == 0 || !s.joined(h-1) {
		return true
	}
	prev := s.toks[h-1]
	return !startsUpper(prev.key) || commonCapitals[prev.lower] || romanceArticles[prev.key] || s.startsSentence(h-1) && appositiveArticles[prev.lower]
}

// findLeadOrg reads a French, Spanish or Portuguese organization from the
// word that opens its name, at token h: the capitalized words right after
// it, then connector phrases ("Fiscalía General de la Nación"). It needs
// a second capitalized word ("el Ministerio" alone is none) and returns
// the token after the name, or h when there is none.
func (s *entityScan) findLeadOrg(h int) int {
	to := h + 1
	adjectives := 0
	for to < len(s.toks) && s.joined(to-1) && leadAdjectives[s.toks[to].key] != 0 {
		to++
		adjectives++
	}
	if to < len(s.toks) && s.joined(to-1) {
		to = s.capitalizedRun(to)
	}
	// A number ends the names of numbered bodies ("Université Lyon 2").
	if to > h+1 && to < len(s.toks) && s.joined(to-1) && isOrdinalNumber(s.toks[to].key) {
		to++
	}
	to = s.leadRunEnd(to)
	if adjectives > 0 {
		to = s.romanceTail(to) // "Direction générale des finances publiques"
	}
	if to < len(s.toks) && s.joined(to-1) && writtenHeads[s.toks[to].key] && isCapitalsWord(s.toks[to].key) {
		to++ // a company's legal form ends its name: "Agence générale SARL"
	}
	if (s.capitalizedWords(h, to) < 2 && adjectives == 0) || s.insideDocumentName(h) {
		return h
	}
	name := withoutPossessive(collapseSpace(s.text[s.toks[h].start:s.toks[to-1].end]))
	s.absorb(mention{name: s.g.canonicalOrg(name), kind: kindOrg, start: s.toks[h].start, end: s.toks[to-1].end}, h, to)
	return to
}

// smallMinistries are the words for a ministry that French, Spanish and
// Portuguese write in small letters before the capitalised field it is
// for: "le ministère de la Justice", "el ministerio del Interior".
var smallMinistries = wordSet(`ministère ministerio ministério université universidad universidade`)

// smallUniversities are the words of smallMinistries that take the
// capitalised name right after them too: "l’université Lyon 2", "la
// universidad Javeriana", as well as "la universidad de Antioquia".
var smallUniversities = wordSet(`université universidad universidade`)

// findSmallMinistry reads such a ministry at token h, a nationality in
// small letters allowed before the connector ("ministère tunisien de
// l’Agriculture"), and returns the token after its name, or h when no
// capitalised field follows.
func (s *entityScan) findSmallMinistry(h int) int {
	j := h + 1
	if j < len(s.toks) && s.joined(h) && isDemonym(s.toks[j].key) {
		j++
	}
	k, ok := s.connectorAt(j)
	if !ok && smallUniversities[s.toks[h].key] && j < len(s.toks) && s.joined(h) {
		k, ok = j, true
	}
	if !ok || k >= len(s.toks) || !startsUpper(s.toks[k].key) {
		return h
	}
	to := s.capitalizedRun(k)
	if to == k {
		return h
	}
	// A number ends the names of numbered universities ("Lyon 2").
	if to < len(s.toks) && s.joined(to-1) && isOrdinalNumber(s.toks[to].key) {
		to++
	}
	to = s.orgRunEnd(s.tailAdjectives(to)) // "ministère de la Santé publique"
	name := collapseSpace(s.text[s.toks[h].start:s.toks[to-1].end])
	s.absorb(mention{name: s.g.canonicalOrg(name), kind: kindOrg, start: s.toks[h].start, end: s.toks[to-1].end}, h, to)
	return to
}

// leadAdjectives are the adjectives that follow the opening word of the
// names of French, Spanish and Portuguese institutions, written in small
// letters there: "Cour suprême", "Conseil constitutionnel", "Fiscalía
// provincial de …". Such a name needs no second capitalized word.
var leadAdjectives = markWords(group[uint8]{1, `
	administratif administrative administrativo administrativa constitucional constitutionnel
	constitutionnelle departamental départemental départementale electoral électoral électorale
	federal fédéral fédérale general générale général municipal municipale nacional national
	nationale penal pénal pénale provincial provinciale regional régional régionale supremo
	suprema suprême superior supérieur supérieure`})

// isOrdinalNumber: digits only, a few of them, as bodies are numbered.
func isOrdinalNumber(w string) bool {
	return len(w) <= 3 && strings.Trim(w, "0123456789") == ""
}

// leadRunEnd is orgRunEnd for the French, Spanish and Portuguese names that
// hold a common noun between two connectors ("Cour de justice d’Oran",
// "Assembleia Legislativa do estado do Ceará"): the noun is part of the
// name only where a capitalized word follows its connector.
func (s *entityScan) leadRunEnd(to int) int {
	for {
		to = s.orgRunEnd(to)
		j, ok := s.connectorAt(to)
		if !ok || j >= len(s.toks) || startsUpper(s.toks[j].key) || orgConnectors[s.toks[j].lower] || !s.joined(j-1) {
			return to
		}
		k, ok := s.connectorAt(j + 1)
		if !ok || k >= len(s.toks) {
			return to
		}
		end := s.capitalizedRun(k)
		if end == k {
			return to
		}
		to = end
	}
}

// connectorAt reads a connector phrase at token j ("de", "do", "de la",
// or the elided "d’" written onto the next word) and returns the token
// after it.
func (s *entityScan) connectorAt(j int) (int, bool) {
	if j <= 0 || j >= len(s.toks) || s.toks[j-1].possessive {
		return j, false
	}
	if gap := strings.TrimSpace(s.text[s.toks[j-1].end:s.toks[j].start]); gap == "d’" || gap == "d'" {
		return j, true
	}
	if !orgConnectors[s.toks[j].lower] || !s.joined(j-1) {
		return j, false
	}
	j++
	if j < len(s.toks) && orgArticles[s.toks[j].lower] && s.joined(j-1) {
		j++
	}
	return j, j < len(s.toks) && (s.joined(j-1) || s.elidedArticleBefore(j))
}

// elidedArticleBefore reports whether token j follows an elided article
// the tokenizer left out of it: "de l’Agriculture".
func (s *entityScan) elidedArticleBefore(j int) bool {
	switch strings.TrimSpace(s.text[s.toks[j-1].end:s.toks[j].start]) {
	case "l’", "l'", "L’", "L'":
		return true
	}
	return false
}

// isCountryAt reports whether token i is part of a country mention.
func (s *entityScan) isCountryAt(i int) bool {
	m := s.at[i]
	if m < 0 || s.found[m].kind != kindPlace {
		return false
	}
	_, ok := s.g.countries[s.found[m].name]
	return ok
}

// mentionEnd returns the token after the mention covering token i.
func (s *entityScan) mentionEnd(i int) int {
	m := s.at[i]
	for i < len(s.toks) && s.at[i] == m {
		i++
	}
	return i
}

// findSections reads the national sections of international organizations:
// "Amnesty International Indonesia", "Transparency International Cambodia"
// are organizations of their own, not the international one and a place.
func (s *entityScan) findSections() {
	for i := 1; i < len(s.toks); i++ {
		o := s.at[i-1]
		if o < 0 || s.found[o].kind != kindOrg || !strings.HasSuffix(s.found[o].name, " International") || !s.joined(i-1) || !s.isCountryAt(i) {
			continue
		}
		from := i - 1
		for from > 0 && s.at[from-1] == o {
			from--
		}
		to := s.mentionEnd(i)
		name := s.found[o].name + " " + s.found[s.at[i]].name
		s.absorb(mention{name: name, kind: kindOrg, start: s.toks[from].start, end: s.toks[to-1].end}, from, to)
		i = to - 1
	}
}

// A line judged to be in title case has between minTitleCaseWords words
// of four letters or more and maxTitleCaseWords words in all.
const (
	minTitleCaseWords = 5
	maxTitleCaseWords = 20
)

// inTitleCase reports whether token i stands in a line written in title case
// ("Free Writer Held Under Digital Security Act"): there every word is
// capitalized, so a capitalized run proves no name, and the rules that read
// names from capitals stay out.
func (s *entityScan) inTitleCase(i int) bool { return s.titleCase[i] }

// titleCaseTokens marks the tokens that stand in a line written in title
// case. The rules ask about most tokens, so each line is judged once here
// rather than once per token.
func titleCaseTokens(text string, toks []ruleToken) []bool {
	marks := make([]bool, len(toks))
	for i := 0; i < len(toks); {
		start := strings.LastIndexByte(text[:toks[i].start], '\n') + 1
		end := strings.IndexByte(text[toks[i].end:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += toks[i].end
		}
		titleCase := isTitleCaseLine(strings.TrimSpace(text[start:end]))
		// No token holds a line break, so the tokens up to end share the line.
		for ; i < len(toks) && toks[i].start < end; i++ {
			marks[i] = titleCase
		}
	}
	return marks
}

func isTitleCaseLine(line string) bool {
	// Headings are short and are no sentences; a credit line ("Reporting
	// by Prak Chan Thul; Editing by Robert Birsel") has all its long words
	// capitalized too, but runs on with semicolons.
	if strings.Contains(line, ";") || strings.HasSuffix(line, ".") {
		return false
	}
	var all, words, capital int
	for w := range strings.FieldsSeq(line) {
		if all++; all > maxTitleCaseWords {
			return false
		}
		// “Intimidation Campaign”: a quotation mark opens the word.
		w = strings.TrimLeft(w, "\"“‘«(['")
		if utf8.RuneCountInString(w) < 4 {
			continue // articles and prepositions may stay lower case
		}
		words++
		if startsUpper(w) {
			capital++
		}
	}
	return words >= minTitleCaseWords && capital == words
}

// orgRunStart walks left from the head over capitalized words and over
// place and organization mentions, and returns the first token of the name.
func (s *entityScan) orgRunStart(h int) int {
	from := h
	for j := h - 1; j >= 0; j-- {
		if !s.joined(j) {
			break
		}
		if m := s.at[j]; m >= 0 {
			if k := s.found[m].kind; k != kindPlace && k != kindOrg {
				break
			}
			for j > 0 && s.at[j-1] == m {
				j--
			}
			from = j
			continue
		}
		// "Truth and Justice Commission", "Human Rights and Democracy
		// Centre": "and" between two plain capitalised words inside the
		// name. Not after a name already read ("Amnesty International
		// and Justice Commission" are two).
		if s.toks[j].key == "and" && j > 0 && j < h-1 && s.joined(j-1) && s.at[j-1] < 0 &&
			isOrgWord(s.toks[j-1].key) && !IsTitle(s.toks[j-1].key) && !s.startsLine(j-1) {
			continue
		}
		// "Horn of Africa Election Observation Network", "University of
		// Nairobi Students Union": "of" and a place inside the name,
		// after a plain capitalised word.
		if s.toks[j].key == "of" && j > 0 && s.isPlaceAt(j+1) && s.joined(j-1) && s.at[j-1] < 0 &&
			isOrgWord(s.toks[j-1].key) && !IsTitle(s.toks[j-1].key) && !s.startsLine(j-1) {
			continue
		}
		// A gerund opening a line starts a heading ("Restricting
		// Assembly: ..."), not a name ("Liberal Publishing House").
		if !isOrgWord(s.toks[j].key) || (strings.HasSuffix(s.toks[j].key, "ing") && s.startsLine(j)) {
			break
		}
		from = j
	}
	for from < h && s.toks[from].key == "and" {
		from++
	}
	// "The" and the like start sentences, not names; "El Tribunal …" too,
	// and so does a number ("Four Kestrel TV employees"; "UN" is the UN).
	for from < h && (commonCapitals[s.toks[from].lower] || romanceArticles[s.toks[from].key] || numberWords[s.toks[from].lower] && hasLower(s.toks[from].key)) {
		from++
	}
	return from
}

// insideDocumentName reports whether the run starting at token from
// continues the name of a law or treaty ("Law on Peaceful Assembly").
func (s *entityScan) insideDocumentName(from int) bool {
	j := from - 1
	if j >= 0 && orgArticles[s.toks[j].key] {
		j--
	}
	if j < 1 || !orgConnectors[s.toks[j].key] {
		return false
	}
	return documentHeads[s.toks[j-1].key]
}

// startsLine reports whether token j is the first word of a line.
func (s *entityScan) startsLine(j int) bool {
	if j == 0 {
		return strings.TrimSpace(s.text[:s.toks[0].start]) == ""
	}
	return strings.Contains(s.text[s.toks[j-1].end:s.toks[j].start], "\n")
}

// joined reports whether token j runs on into token j+1 within one name:
// only spaces between them, or the possessive of a word that is not itself
// a name ("People's Court", but not "Myanmar's Court").
func (s *entityScan) joined(j int) bool {
	gap := s.text[s.toks[j].end:s.toks[j+1].start]
	if !nameGap(gap) || s.shortLineEnds(j, gap) {
		return false
	}
	return !s.toks[j].possessive || s.at[j] < 0
}

// orgRunEnd walks right from token to, just after the head and what
// follows it, over connector phrases ("of Public Security", "for the
// Protection of Human Rights Defenders") and returns the token after the
// name.
func (s *entityScan) orgRunEnd(to int) int {
	for to < len(s.toks) && !s.toks[to-1].possessive {
		j := to
		if !orgConnectors[s.toks[j].lower] || !s.joined(j-1) {
			break
		}
		j++
		if j < len(s.toks) && orgArticles[s.toks[j].lower] && s.joined(j-1) {
			j++
		}
		if j >= len(s.toks) || !s.joined(j-1) {
			break
		}
		end := s.capitalizedRun(j)
		if end == j {
			break
		}
		to = end
	}
	return to
}

// capitalizedRun returns the end of a run of capitalized words and place or
// organization mentions starting at token i, joined by "and" where a
// capitalized word follows ("Justice and Human Rights") and no place
// precedes it: a name that reaches "of <Place>" ends there, and "and"
// starts the next one.
func (s *entityScan) capitalizedRun(i int) int {
	j := i
	for j < len(s.toks) {
		if j > i && !s.joined(j-1) && !s.listComma(j-1) {
			break
		}
		if m := s.at[j]; m >= 0 {
			if k := s.found[m].kind; k != kindPlace && k != kindOrg {
				break
			}
			for j < len(s.toks) && s.at[j] == m {
				j++
			}
			continue
		}
		w := s.toks[j].key
		if (w == "and" || w == "et" || w == "y" || w == "e") && j > i && j+1 < len(s.toks) && s.joined(j) && isOrgWord(s.toks[j+1].key) &&
			!s.isPlaceAt(j-1) { // "the Islamic Movement of Uzbekistan and Hizb ut-Tahrir" are two
			j++
			continue
		}
		if !isOrgWord(w) {
			break
		}
		j++
	}
	return j
}

// maxListWords bounds the words of a list inside a name read after a comma.
const maxListWords = 6

// listComma reports whether the comma after token j is inside a list of
// capitalised words that "and" closes: "Committee on Economic, Social and
// Cultural Rights". A comma before anything else ends the name.
func (s *entityScan) listComma(j int) bool {
	if j+1 >= len(s.toks) || strings.TrimSpace(s.text[s.toks[j].end:s.toks[j+1].start]) != "," || !isOrgWord(s.toks[j].key) {
		return false
	}
	for k := j + 1; k < len(s.toks) && k <= j+maxListWords; k++ {
		w := s.toks[k].key
		if w == "and" {
			return k+1 < len(s.toks) && s.joined(k) && isOrgWord(s.toks[k+1].key)
		}
		if !isOrgWord(w) || k > j+1 && !s.joined(k-1) && !(strings.TrimSpace(s.text[s.toks[k-1].end:s.toks[k].start]) == ",") {
			return false
		}
	}
	return false
}

// isOrgWord: capitalized, not written in capitals (an acronym or a shouted
// letterhead), and not a month or weekday.
func isOrgWord(w string) bool {
	return startsUpper(w) && !isCapitalsWord(w) && !calendarWords[strings.ToLower(w)]
}

// isCapitalsWord: two or more letters, all capitals.
func isCapitalsWord(w string) bool {
	upper := false
	for _, r := range w {
		if unicode.IsLower(r) {
			return false // most words, at their first letter, with no allocation
		}
		upper = upper || unicode.IsUpper(r)
	}
	return upper && utf8.RuneCountInString(w) > 1
}

// capitalizedWords counts the capitalized tokens in [from, to).
func (s *entityScan) capitalizedWords(from, to int) int {
	n := 0
	for j := from; j < to; j++ {
		if startsUpper(s.toks[j].key) {
			n++
		}
	}
	return n
}

// absorb records a mention over tokens [from, to), replacing the mentions it
// covers: "Phnom Penh" inside "Phnom Penh Municipal Court" is part of the
// court's name, not a place of its own. Replaced mentions are turned into
// kindOther, which entities drops.
func (s *entityScan) absorb(m mention, from, to int) {
	for j := from; j < to; j++ {
		if k := s.at[j]; k >= 0 {
			s.found[k].kind = kindOther
		}
	}
	s.add(m, from, to)
}

// placeTriggers follow a place's name: "Kandal province", "Gifu and
// Hiroshima prefectures", "the Kharkiv region", "Donetsk and Sumy
// regions", "Zaporizhzhia oblast". "State" is left out ("the Islamic
// state"), and so is "area" ("the euro area").
var placeTriggers = map[string]bool{
	"province": true, "provinces": true, "prefecture": true, "prefectures": true,
	"district": true, "districts": true, "township": true, "townships": true,
	"commune": true, "village": true, "municipality": true, "county": true, "counties": true,
	"region": true, "regions": true, "oblast": true, "oblasts": true, "governorate": true, "governorates": true,
}

// directions are compass words that name a province or region only with
// the word after them.
var directions = map[string]bool{
	"Northern": true, "Southern": true, "Eastern": true, "Western": true, "Central": true,
	"North": true, "South": true, "East": true, "West": true,
	"North Eastern": true, "North Western": true, "South Eastern": true, "South Western": true,
}

// maxPlaceWords bounds a place name read by rule.
const maxPlaceWords = 3

// findPlaces reads places the gazetteer does not know from the word that
// follows them, and cities named "... City".
func (s *entityScan) findPlaces() {
	for i, t := range s.toks {
		switch {
		case s.at[i] >= 0:
		case placeTriggers[t.key] && i > 0:
			// Lower case only: "Province" with a capital is part of a
			// name the run before it already holds.
			end := i
			for end > 0 {
				from := s.placeRunStart(end)
				if from == end {
					break
				}
				name := collapseSpace(s.text[s.toks[from].start:s.toks[end-1].end])
				if directions[name] {
					// "Northern and Eastern provinces": a compass word
					// names the place only with the word after it.
					name += " " + strings.ToUpper(t.key[:1]) + strings.TrimSuffix(t.key[1:], "s")
				}
				s.add(mention{name: name, kind: kindPlace, start: s.toks[from].start, end: s.toks[end-1].end}, from, end)
				// A list before a plural trigger: "Gifu and Hiroshima".
				if from < 2 || !strings.HasSuffix(t.key, "s") || (s.toks[from-1].key != "and" && strings.TrimSpace(s.text[s.toks[from-1].end:s.toks[from].start]) != ",") {
					break
				}
				if s.toks[from-1].key == "and" {
					from--
				}
				end = from
			}
		case t.key == "City" && i > 0:
			from := s.placeRunStart(i)
			if from < i {
				s.absorb(mention{name: s.cityName(from, i), kind: kindPlace, start: s.toks[from].start, end: t.end}, from, i+1)
			}
		}
	}
}

// cityName names the city written as tokens [from, city] ("... City"):
// "Dhaka City" is Dhaka, a place the text or the gazetteer names
// already, but "Mexico City" and "Kuwait City" are no countries, and an
// unknown "Cebu City" keeps its name.
func (s *entityScan) cityName(from, city int) string {
	if m := s.at[from]; m >= 0 && s.found[m].kind == kindPlace && s.mentionEnd(from) == city {
		if _, country := s.g.countries[s.found[m].name]; !country {
			return s.found[m].name
		}
	}
	return collapseSpace(s.text[s.toks[from].start:s.toks[city].end])
}

// placeRunStart returns the first token of the capitalized run that ends
// before token end, or end when there is none.
func (s *entityScan) placeRunStart(end int) int {
	from := end
	for j := end - 1; j >= 0 && end-j <= maxPlaceWords; j-- {
		if !s.joined(j) || s.toks[j].possessive {
			break
		}
		if m := s.at[j]; m >= 0 {
			if s.found[m].kind != kindPlace {
				break
			}
			for j > 0 && s.at[j-1] == m {
				j--
			}
			from = j
			continue
		}
		if !isNameWord(s.toks[j].key) {
			break
		}
		from = j
	}
	return from
}

// resolveCountry names the national institutions of the gazetteer ("National
// Assembly of {country}") after the country the text is most about: its
// mentions count twice, and each organization named after it ("Cambodian
// Center for Human Rights") once, which settles a text that names the
// United States as often as Cambodia but is about Cambodian groups. The
// first mentioned wins among equals. Without any country, the name loses
// its "of" part: a statement that names no country says nothing about whose
// assembly it is.
func (s *entityScan) resolveCountry() {
	score := map[string]int{}
	best := ""
	for _, m := range s.found {
		if _, ok := s.g.countries[m.name]; ok && m.kind == kindPlace {
			score[m.name] += 2
			if best == "" || score[m.name] > score[best] {
				best = m.name
			}
		}
	}
	for _, m := range s.found {
		if m.kind != kindOrg {
			continue
		}
		for c := range score {
			if strings.Contains(m.name, c) {
				score[c]++
			}
		}
	}
	for c, n := range score {
		if n > score[best] || (n == score[best] && s.firstMention(c) < s.firstMention(best)) {
			best = c
		}
	}
	for i, m := range s.found {
		if !strings.Contains(m.name, countrySlot) {
			continue
		}
		if best == "" {
			s.found[i].name = strings.TrimSpace(strings.Replace(m.name, " of "+countrySlot, "", 1))
		} else {
			s.found[i].name = strings.Replace(m.name, countrySlot, s.g.countries[best], 1)
		}
	}
}

// firstMention returns the position of the first mention of name.
func (s *entityScan) firstMention(name string) int {
	first := len(s.text)
	for _, m := range s.found {
		if m.name == name && m.start < first {
			first = m.start
		}
	}
	return first
}

// creditRe ends the text before a photo credit: "Photo: Reuters" names
// who took a picture, not an organization the statement is about; nor
// does "Screengrab from Facebook Live", a video's credit.
var creditRe = regexp.MustCompile(`(?i)(?:\bphotos?|\bimage|\bcredit|\bscreen(?:grab|shot)s?(?:\s+from)?|©)\s*(?::|by)?\s*$`)

// creditWindow is how many bytes before a mention may hold a credit.
const creditWindow = 20

// mayBeCredit reports whether s, at most creditWindow bytes, holds a word
// creditRe needs: most text before a mention holds none, and the test is far
// cheaper than the regexp. s is lower-cased (ASCII) into an array on the
// stack, since a mention's capitals would make strings.ToLower allocate.
func mayBeCredit(s string) bool {
	var buf [creditWindow]byte
	b := buf[:0]
	for i := 0; i < len(s) && len(b) < len(buf); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return bytes.Contains(b, []byte("photo")) || bytes.Contains(b, []byte("image")) ||
		bytes.Contains(b, []byte("credit")) || bytes.Contains(b, []byte("screen")) || strings.Contains(s, "©")
}

// dropCredits removes mentions that are photo credits.
func (s *entityScan) dropCredits() {
	for i, m := range s.found {
		if before := s.text[max(0, m.start-creditWindow):m.start]; mayBeCredit(before) && creditRe.MatchString(before) {
			s.found[i].kind = kindOther
		}
	}
}
