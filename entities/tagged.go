package entities

import (
	"slices"
	"strings"
)

// taggedName is a name the tagger found, as a run of this scan's tokens.
type taggedName struct {
	from, to int // tokens [from, to)
	kind     entityKind
	margin   float32
}

// runTagger tags the text once, after the gazetteer, and keeps the names
// for addTagged. The rules run first and win where both read a name: they
// were tuned on the gold set, and they canonicalise ("Ms Brooks" → the full
// name); the tagger fills in the names they miss.
func (s *entityScan) runTagger(t *Model) {
	if t == nil {
		return
	}
	known := make([]Span, 0, len(s.found))
	for _, m := range s.found {
		if k := m.kind.public(); k != None {
			known = append(known, Span{Start: m.start, End: m.end, Kind: k})
		}
	}
	i := 0
	for _, sp := range t.Tag(s.text, known) {
		for i < len(s.toks) && s.toks[i].start < sp.Start {
			i++
		}
		from := i
		for i < len(s.toks) && s.toks[i].start < sp.End {
			i++
		}
		if from == i {
			continue // punctuation only
		}
		var kind entityKind
		switch sp.Kind {
		case Person:
			kind = kindPerson
		case Org:
			kind = kindOrg
		case Place:
			kind = kindPlace
		default:
			continue
		}
		s.tagged = append(s.tagged, taggedName{from: from, to: i, kind: kind, margin: sp.Margin})
	}
}

// addTagged records the tagger's names of one kind that no rule or
// gazetteer name overlaps. Each kind is added at its own step of entities,
// so that the steps after it build on the names: an organization before
// the acronyms are linked ("Full Name (ACR)"), a person before surnames
// are resolved ("Sokha" → "Kem Sokha").
func (s *entityScan) addTagged(kind entityKind) {
	var things []string
	if kind == kindPerson {
		things = s.namedThings()
	}
	for _, tn := range s.tagged {
		if tn.kind != kind {
			continue
		}
		from, to := tn.from, tn.to
		// "The", "His" and the like start sentences, not names; "So",
		// "Yet" and the like too.
		// "Undersecretary Jose Torres": a title the tagger took in is
		// no word of the name.
		for from < to && (commonCapitals[s.toks[from].lower] || !startsUpper(s.toks[from].key) ||
			kind == kindPerson && (sentenceAdverbs[s.toks[from].lower] || to-from > 2 && personWords[s.toks[from].lower]&title != 0)) {
			from++
		}
		for to > from && !startsUpper(s.toks[to-1].key) {
			to--
		}
		// "Maar Ortega wilde …", "Following Harsh Sentences": a
		// sentence's first word that the text writes in small letters
		// elsewhere is a common word of its language, capitalised by
		// its place, and no given name.
		if kind == kindPerson && to-from >= 2 && s.startsSentence(from) && s.writtenSmall(s.toks[from].lower) {
			from++
		}
		if kind == kindPerson && to-from >= 3 && s.officeBefore(from) {
			from++ // "Secretary of State Colin Powell": State is the office's
		}
		if from == to || !s.plausible(from, to, kind, tn.margin) || kind == kindPerson && s.noPersonAt(from, to, things) {
			continue
		}
		if kind == kindOrg {
			// The tagger stops where its training text seldom went on:
			// "Autodefensas Unidas" of "… de Colombia".
			to = s.orgRunEnd(to)
		}
		name := withoutPossessive(collapseSpace(s.text[s.toks[from].start:s.toks[to-1].end]))
		k := kind
		switch {
		case kind == kindOrg && to-from == 1 && isCapitalsWord(s.toks[from].key):
			name = s.acronymName(s.toks[from].key) // "the UCC" after "Ugandan Communications Commission"
		case kind == kindOrg:
			name = s.g.canonicalOrg(name)
		case kind == kindPerson && (s.locativeBefore(from) || s.listedAfterPlace(from, to)):
			// "à Santa Cruz", "in Abu Dhabi": the tagger reads two
			// capitalised words as a person, the preposition says place.
			k = kindPlace
		}
		if k == kindPlace && s.personNamed(name) {
			continue // "rein in Valdor" after "the Valdor administration"
		}
		s.absorb(mention{name: name, kind: k, start: s.toks[from].start, end: s.toks[to-1].end}, from, to)
		if k == kindPerson {
			s.taggedPeople = append(s.taggedPeople, len(s.found)-1)
		}
	}
}

// Margins below which a name the tagger read is left out, by kind: the
// margin is how much the tagger's best reading prefers the name to no name
// (Span). Measured on the gold set: wrong names from
// sentence fragments ("National Election", "Organs of Society") scored
// 6–7, unknown towns ("Vavuniya", "Kilinochchi") 17–45, a demonym
// ("Papuan") 5, plurals of common acronyms ("NGOs") up to 16.
const (
	minPersonMargin = 2
	minOrgMargin    = 10
	// minOrgContextMargin: an organization of two words or more whose
	// context says it is one (orgContext) needs less; a sentence
	// fragment ("National Election", 6.6) has no such context.
	minOrgContextMargin  = 3
	minPlaceMargin       = 15 // one word
	minPlacePhraseMargin = 5  // two words or more
)

// plausible applies what the tagger does not know about this text: where
// rules or the gazetteer already read a name, where a heading capitalises
// every word, and which shapes of name the gold set showed to be noise.
func (s *entityScan) plausible(from, to int, kind entityKind, margin float32) bool {
	for j := from; j < to; j++ {
		if s.at[j] >= 0 || calendarWords[s.toks[j].lower] {
			return false
		}
		if j > from && !s.adjacentOrInitial(j-1) && !s.hyphenPart(j) {
			return false // a name does not run across punctuation
		}
	}
	if s.inTitleCase(from) || (kind != kindOrg && s.demonymPhrase(from, to)) {
		return false
	}
	words := to - from
	switch kind {
	case kindPerson:
		// One word is a surname or a given name: resolveShortNames links
		// it to a full name, alone it is a fragment. A French or Spanish
		// article opens places and titles ("La Paz", "El Principito"),
		// not people's names.
		if words < 2 || margin < minPersonMargin || s.namedThingBefore(from) || romanceArticles[s.toks[from].key] ||
			romancePrepositions[s.toks[from].lower] || s.commonWords(from, to) {
			return false
		}
		for j := from; j < to; j++ {
			if !s.isNameTok(j) {
				return false
			}
		}
	case kindOrg:
		// One capitalised word the tagger calls an organization was, on
		// the gold set, a common noun ("NGO", "Council"), a platform in a
		// share bar ("Facebook") or a demonym: never a name it lacked. So
		// one word needs the words around it to say it is a body, and
		// so does a name read with a lower margin (orgMarginEnough).
		last := s.toks[to-1].key
		// "Mr Assange": an honorific opens a person's name, never an
		// organization's.
		if !s.orgMarginEnough(from, to, margin) || documentHeads[last] || billWords[last] || s.insideDocumentName(from) || isHonorific(s.toks[from].key) {
			return false
		}
		// "the Inspector-General of Police", "the Commissioner of Police":
		// an office that opens a name and "of" or "for" after it is the
		// post, held by a person, not the body it belongs to.
		if to-from > 2 && isOfficeWord(s.toks[from].key) &&
			(s.toks[from+1].lower == "of" || s.toks[from+1].lower == "for") {
			return false
		}
	case kindPlace:
		if isAcronym(s.toks[from].key) || (words == 1 && margin < minPlaceMargin) || margin < minPlacePhraseMargin {
			return false
		}
		// "Russian envoy", "Ukrainian forces", "Bangladeshi Islamic
		// militants": a nationality or a language describes, it names
		// no place.
		if isLanguageName(s.toks[to-1].key) {
			return false
		}
		// "in Parliament", "on the Internet": an institution or a
		// network, where a place would stand.
		if l := s.toks[from].lower; words == 1 && (orgWords[l] != 0 || networkNouns[l]) {
			return false
		}
	}
	return true
}

// noPersonAt reports what the words around tokens [from, to) say against a
// person the tagger read there: they end a name that "de" joins to a
// capitalised word before ("la Defensa de los Derechos Humanos"), an
// article or a locative inside a name stands before them ("pelos
// Direitos Humanos", "la Casa Blanca", "Documentación en Derechos
// Humanos"), a noun for a thing follows them ("Tolishi Sedo newspaper"),
// or such a noun names them elsewhere in the text (things, from
// namedThings).
func (s *entityScan) noPersonAt(from, to int, things []string) bool {
	if s.complementOfName(from) || s.pluralArticleBefore(from) || s.singularArticleBefore(from) || s.namedThingAfter(to) {
		return true
	}
	if from > 0 && locatives[s.toks[from-1].lower] && s.insideName(from-1) {
		return true
	}
	return slices.Contains(things, s.text[s.toks[from].start:s.toks[to-1].end])
}

// commonWords reports whether every word of tokens [from, to) is written
// in small letters elsewhere in the text: then they are common words of
// the text's language, capitalised in a phrase ("o Levante Popular" after
// "um levante popular", "Ditadura Militar" after "a ditadura militar"),
// which a person's name, all of whose words are names, never is. The
// English-trained tagger reads any capitalised pair in a language it does
// not know as a name.
func (s *entityScan) commonWords(from, to int) bool {
	for j := from; j < to; j++ {
		if !s.writtenSmall(s.toks[j].lower) {
			return false
		}
	}
	return true
}

// writtenSmall reports whether lower, a lower-case word, is written so
// somewhere in the text. The set is built on the first question, as most
// texts never ask. The words of e-mail and web addresses are left out:
// "gabriel@ngo.org" writes a given name small, as no prose does.
func (s *entityScan) writtenSmall(lower string) bool {
	if s.small == nil {
		s.small = make(map[string]bool, len(s.toks)/2)
		for _, t := range s.toks {
			if t.key == t.lower && !s.inAddress(t) {
				s.small[t.lower] = true
			}
		}
	}
	return s.small[lower]
}

// inAddress reports whether token t is part of an e-mail or web address:
// an "@" next to it, or a dot or a slash before it with no space.
func (s *entityScan) inAddress(t ruleToken) bool {
	if t.end < len(s.text) && s.text[t.end] == '@' {
		return true
	}
	if t.start == 0 {
		return false
	}
	switch s.text[t.start-1] {
	case '@', '/', '.':
		return true
	}
	return false
}

// romancePrepositions are French, Spanish and Portuguese prepositions and
// their contractions with the article, which open a heading or a line
// ("Da Página do MST", "Del Consejo", "Aux urnes") and never a person's
// name; a name that holds one has it in the middle ("Carla Del Ponte",
// "Lula da Silva"). Keys are lower case.
var romancePrepositions = wordSet(`da das do dos na nas no nos pelo pela pelos pelas em ao aos del en des du au aux`)

// sentenceAdverbs are English words that open a sentence or a clause
// before a name and are no part of it ("So Khatami has tried …", "Though
// Estrada resigned …"). Keys are lower case.
var sentenceAdverbs = wordSet(`so yet thus then now still also even meanwhile however instead indeed
	although though while when whereas because since unless until after before if once`)

// complementOfName reports whether token i follows "de", "of" or the like
// (an article allowed after it) right after a capitalised word that opens
// no sentence: "la Defensa de los Derechos Humanos", "Rede de Direitos
// Humanos e Cultura". The words after are the end of that name, which the
// tagger reads as a person in a language it does not know.
func (s *entityScan) complementOfName(i int) bool {
	j := i - 1
	if j >= 0 && orgArticles[s.toks[j].lower] && s.adjacent(j) && !startsUpper(s.toks[j].key) {
		j--
	}
	if j < 1 || !s.adjacent(j) || !s.adjacent(j-1) || startsUpper(s.toks[j].key) {
		return false
	}
	switch s.toks[j].key {
	case "de", "da", "do", "das", "dos", "del", "des", "du", "of":
	default:
		return false
	}
	return startsUpper(s.toks[j-1].key) && !s.startsSentence(j-1) && personWords[s.toks[j-1].lower] == 0
}

// pluralArticles are the plural articles of French, Spanish and
// Portuguese, alone or joined to a preposition, as written in small
// letters. Keys are lower case. The Portuguese "as" is left out: it is
// English for "such as Ola Bini".
var pluralArticles = wordSet(`los las les des aux os dos das nos nas pelos pelas aos às`)

// pluralArticleBefore reports whether a plural article stands right before
// token i: "pelos Direitos Humanos", "de los Derechos Humanos". One
// person's name takes none.
func (s *entityScan) pluralArticleBefore(i int) bool {
	j := i - 1
	return j >= 0 && s.adjacent(j) && pluralArticles[s.toks[j].key]
}

// singularArticles are the French and Spanish singular articles as
// written in small letters: "la Casa Blanca", "le Quai d'Orsay", "el
// Palacio Nacional" name a building or a body, and formal news puts no
// article before a person's name. Keys are lower case.
var singularArticles = wordSet(`la le el`)

// singularArticleBefore reports whether a singular article stands right
// before token i.
func (s *entityScan) singularArticleBefore(i int) bool {
	j := i - 1
	return j >= 0 && s.adjacent(j) && singularArticles[s.toks[j].key]
}

// namedThingAfter reports whether a noun of thingsNamed in small letters
// follows the name that ends before token to: "Tolishi Sedo newspaper
// editor", "the Rayo Verde party": the name is that thing's.
func (s *entityScan) namedThingAfter(to int) bool {
	return to < len(s.toks) && s.adjacent(to-1) && thingsNamed[s.toks[to].key]
}

// namedThings returns the names the tagger read as people that a noun for
// a thing introduces somewhere in the text ("the French firm Rémy
// Cointreau"): every mention of them is that thing's, though the address
// at the end of a page lists it among people.
func (s *entityScan) namedThings() []string {
	var out []string
	for _, tn := range s.tagged {
		if tn.kind == kindPerson && s.namedThingBefore(tn.from) {
			out = append(out, s.text[s.toks[tn.from].start:s.toks[tn.to-1].end])
		}
	}
	return out
}

// officeBefore reports whether a title and "of" stand right before token
// i ("Secretary of State", "Minister of Justice"): the word at i then
// names the office's field, not the person after it.
func (s *entityScan) officeBefore(i int) bool {
	return i >= 2 && s.toks[i-1].lower == "of" && s.adjacent(i-2) && s.adjacent(i-1) &&
		personWords[s.toks[i-2].lower]&(title|introducesName) != 0
}

// romanceArticles are the articles, as written at the start of a name.
var romanceArticles = map[string]bool{"La": true, "Le": true, "Les": true, "El": true, "Los": true, "Las": true}

// billWords end the names of bills and drafts, which are no organizations
// although they carry one's name ("Media Council Bill").
var billWords = map[string]bool{"Bill": true, "Draft": true, "Amendment": true, "Decree": true, "Regulation": true}

// thingsNamed are nouns that put a name after them that is not a
// person's: "the online magazine Luat Khoa", "la prison de Trapeang
// Phlong". Keys are lower case.
var thingsNamed = map[string]bool{
	"magazine": true, "newspaper": true, "site": true, "website": true, "outlet": true,
	"journal": true, "daily": true, "radio": true, "channel": true, "prison": true,
	"camp": true, "village": true, "commune": true, "district": true, "province": true,
	"town": true, "city": true, "street": true, "river": true, "company": true,
	"firm": true, "group": true, "party": true, "publisher": true, "app": true,
}

// namedThingBefore reports whether a word of thingsNamed stands before
// token i, directly or across "of", "de" or "du".
func (s *entityScan) namedThingBefore(i int) bool {
	j := i - 1
	if j >= 0 && (s.toks[j].lower == "of" || s.toks[j].lower == "de" || s.toks[j].lower == "du") {
		j--
	}
	return j >= 0 && thingsNamed[s.toks[j].lower]
}

// isOfficeWord reports whether w is a title or an office, or a hyphenated
// one whose first part is ("Inspector-General", "Secretary-General").
func isOfficeWord(w string) bool {
	first, _, _ := strings.Cut(w, "-")
	return IsTitle(w) || IsOffice(strings.ToLower(w)) || IsTitle(first) || IsOffice(strings.ToLower(first))
}
