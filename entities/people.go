package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Bounds on a byline's name written in capitals, in words.
const (
	minCapitalNameWords = 2
	maxCapitalNameWords = 4
)

// bylineVerbs follow a writer's name in a byline: "HASSAN BERBER writes
// from France". Keys are lower case.
var bylineVerbs = wordSet(`writes reports escribe informa écrit escreve`)

// findCapitalNames reads the names that bylines write in capitals: after
// "by", "por" or "par" ("by TODD CHRETIEN | August 31", "translated by
// SOPHIE HAND."), after a publisher and a slash ("La Jornada Zacatecas/ALMA
// ALEJANDRA TAPIA"), and before "writes" ("HASSAN BERBER writes from
// France"). The name is two to four words in capitals, none a title, a
// role, an organization's word or a known name, and it ends there; it is
// recorded as a person the way a name is written in running text ("Todd
// Chretien").
func (s *entityScan) findCapitalNames() {
	for i := 0; i < len(s.toks); i++ {
		if s.at[i] >= 0 || !s.capitalNameWord(i) {
			continue
		}
		end := i + 1
		for end < len(s.toks) && end-i < maxCapitalNameWords && s.sameLine(end-1) {
			if s.capitalNameWord(end) {
				end++
				continue
			}
			// "RAFAEL DE SANTIAGO": a particle between two words of
			// the name.
			if end+1 < len(s.toks) && capitalParticles[s.toks[end].key] && s.sameLine(end) && s.capitalNameWord(end+1) {
				end += 2
				continue
			}
			break
		}
		if end-i < minCapitalNameWords {
			continue
		}
		if end < len(s.toks) && s.sameLine(end-1) && inCapitals(s.toks[end].key) {
			i = end
			continue // a longer shouted line, a headline
		}
		if !s.bylineBefore(i) && !(end < len(s.toks) && s.sameLine(end-1) && bylineVerbs[s.toks[end].key]) {
			i = end - 1
			continue
		}
		words := make([]string, 0, end-i)
		for j := i; j < end; j++ {
			if capitalParticles[s.toks[j].key] {
				words = append(words, s.toks[j].lower)
				continue
			}
			words = append(words, titleCase(s.toks[j].key))
		}
		s.publisherBefore(i)
		s.add(mention{name: strings.Join(words, " "), kind: kindPerson, start: s.toks[i].start, end: s.toks[end-1].end}, i, end)
		i = end - 1
	}
}

// capitalParticles join the words of a name written in capitals ("RAFAEL DE
// SANTIAGO", "MARIA DA SILVA"), and are written small in the name.
var capitalParticles = map[string]bool{"DE": true, "DA": true, "DO": true, "DOS": true, "DAS": true, "DEL": true, "DI": true, "VAN": true, "VON": true}

// maxPublisherWords bounds the publisher's name before a byline's slash.
const maxPublisherWords = 5

// publisherBefore reads the publisher of a byline written "Publisher/NAME"
// on a line of its own ("La Jornada Zacatecas/ALMA ALEJANDRA TAPIA"): the
// capitalized words from the line's start to the slash before token i
// name the newspaper or agency the reporter writes for, an organization.
func (s *entityScan) publisherBefore(i int) {
	if i == 0 || s.text[s.toks[i-1].end:s.toks[i].start] != "/" {
		return
	}
	from := i - 1
	for from > 0 && i-from < maxPublisherWords && !s.startsLine(from) && s.sameLine(from-1) &&
		(startsUpper(s.toks[from-1].key) || acronymConnectors[s.toks[from-1].lower]) {
		from--
	}
	if !s.startsLine(from) || !startsUpper(s.toks[from].key) {
		return
	}
	for j := from; j < i; j++ {
		if s.at[j] >= 0 {
			return // a name known already, an organization's or another's
		}
	}
	name := collapseSpace(s.text[s.toks[from].start:s.toks[i-1].end])
	s.add(mention{name: s.g.canonicalOrg(name), kind: kindOrg, start: s.toks[from].start, end: s.toks[i-1].end}, from, i)
}

// capitalNameWord reports whether token j may be part of a name written in
// capitals: letters only, two or more, all capitals, and no word that a
// title, a role, an organization's name or a date holds.
func (s *entityScan) capitalNameWord(j int) bool {
	t := s.toks[j]
	if s.at[j] >= 0 || !inCapitals(t.key) || !isLetters(t.key) {
		return false
	}
	return personWords[t.lower] == 0 && orgWords[t.lower] == 0 && !commonCapitals[t.lower] &&
		!calendarWords[t.lower] && !numberWords[t.lower] && !nameConnectors[t.lower]
}

// inCapitals: a word in capitals that opens with one ("TODD", not "1ST").
func inCapitals(w string) bool {
	return startsUpper(w) && isCapitalsWord(w)
}

// bylineBefore reports whether a byline's "by" or a publisher's slash
// stands right before token i.
func (s *entityScan) bylineBefore(i int) bool {
	if i == 0 {
		return false
	}
	gap := s.text[s.toks[i-1].end:s.toks[i].start]
	switch {
	case strings.TrimSpace(gap) == "" && !strings.Contains(gap, "\n"):
		switch s.toks[i-1].lower {
		case "by", "por", "par":
			return true
		}
	case gap == "/":
		return startsUpper(s.toks[i-1].key) && !isCapitalsWord(s.toks[i-1].key)
	}
	return false
}

// sameLine reports whether tokens j and j+1 are separated by spaces only.
func (s *entityScan) sameLine(j int) bool {
	return strings.Trim(s.text[s.toks[j].end:s.toks[j+1].start], " ") == ""
}

// titleCase writes a word in capitals as a name is written: "CHRETIEN" →
// "Chretien".
func titleCase(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + strings.ToLower(w[n:])
}

// copulas say what the name before them is: "Rafik est agriculteur",
// "Ana es campesina", "John is a farmer". Keys are lower case.
var copulas = wordSet(`is was est était es era é foi`)

// pronouns open sentences before a copula as names do ("He was a
// member"). Keys are lower case.
var pronouns = wordSet(`he she it they we you i who il elle ils elles on él ella ellos ellas ele ela eles elas`)

// copulaArticles may stand between a copula and a role ("is a farmer").
var copulaArticles = wordSet(`a an un une una um uma`)

// findNamedByRole reads a person named by one word at the start of a
// sentence when the sentence says what the person does: "Rafik est
// agriculteur à Rahal", "Ana es campesina". A full name needs no such
// help (the tagger reads it); a given name alone, as reportage uses one,
// does.
func (s *entityScan) findNamedByRole() {
	for i := 0; i+2 < len(s.toks); i++ {
		if s.at[i] >= 0 || !s.startsSentence(i) || !s.isNameTok(i) || pronouns[s.toks[i].lower] || !s.adjacent(i) ||
			!copulas[s.toks[i+1].key] || s.writtenSmall(s.toks[i].lower) {
			continue
		}
		j := i + 2
		if copulaArticles[s.toks[j].key] && j+1 < len(s.toks) {
			j++
		}
		if !s.adjacent(j-1) || s.toks[j].key != s.toks[j].lower || !introduces(s.toks[j].lower) || personWords[s.toks[j].lower]&title != 0 {
			continue
		}
		s.add(mention{name: s.toks[i].key, kind: kindPerson, start: s.toks[i].start, end: s.toks[i].end}, i, i+1)
	}
}

// nameParticles join the parts of people's names in small letters:
// "Carlos Martínez de la Serna", "Ursula von der Leyen", "Luiz Inácio Lula
// da Silva", "Mohamed bin Salman".
var nameParticles = map[string]bool{
	"de": true, "del": true, "la": true, "las": true, "los": true, "da": true, "das": true,
	"do": true, "dos": true, "van": true, "von": true, "der": true, "den": true, "ter": true,
	"bin": true, "ibn": true, "y": true,
}

// maxParticles bounds the particles in a row ("de los", "van der").
const maxParticles = 2

// extendNameParticles carries a person's name on over the particles after
// it and the name words after them, and over an Arabic article joined to
// the surname ("Abdel Fattah el-Sisi"), which the tagger and the rules stop
// before. Places, organizations and a sentence's end stop it: "Jose Zamora
// de Guatemala" stays Jose Zamora.
func (s *entityScan) extendNameParticles() {
	for m := range s.found {
		p := s.found[m]
		if p.kind != kindPerson {
			continue
		}
		_, to := s.tokensIn(p.start, p.end)
		last := to - 1
		if last < 0 || s.toks[last].end != p.end || s.at[last] != m {
			continue
		}
		if to < len(s.toks) && s.adjacent(to-1) && s.at[to] < 0 && articleSurname(s.toks[to].key) {
			to++
		} else {
			j := to
			for j < len(s.toks) && j-to < maxParticles && s.adjacent(j-1) && nameParticles[s.toks[j].key] {
				j++
			}
			if j == to || j >= len(s.toks) || !s.adjacent(j-1) || s.at[j] >= 0 || !isNameWord(s.toks[j].key) {
				continue
			}
			to = j + 1
			for to < len(s.toks) && to-j <= maxParticles && s.adjacent(to-1) && s.at[to] < 0 && isNameWord(s.toks[to].key) {
				to++ // "de los Ángeles Ruiz"
			}
		}
		p.end = s.toks[to-1].end
		p.name = collapseSpace(s.text[p.start:p.end])
		s.found[m] = p
		for j := last + 1; j < to; j++ {
			s.at[j] = m
		}
	}
}

// compassAdjectives make a region's adjective of a demonym or stand for
// one ("Middle Eastern", "South Asian"), with the continents' and the
// oceans' adjectives ("European States"). Keys are capitalised as
// written.
var compassAdjectives = wordSet(`Eastern Western Northern Southern Middle Central North South East West
	European African Asian American Arab Latin Pacific Atlantic`)

// faithWords are the adjectives and nouns of religions and their branches,
// capitalised as English writes them: like a nationality, "Shi'ite
// Muslims" describes people and names no person and no place. Keys are
// as written.
var faithWords = wordSet(`Muslim Muslims Islamic Sunni Sunnis Shia Shias Shiite Shiites Shi'ite Shi'ites Shi’ite Shi’ites
	Alawite Alawites Druze Christian Christians Catholic Catholics Protestant Protestants Evangelical
	Evangelicals Orthodox Coptic Copts Jewish Jews Hindu Hindus Buddhist Buddhists Sikh Sikhs Ahmadi Ahmadis
	Baha'i Bahá'í Yazidi Yazidis`)

// demonymPhrase reports whether tokens [from, to) are only adjectives of
// nationality, of the compass and of faith ("Guatemalan", "Middle
// Eastern", "Shi'ite Muslims"): they describe people or things from a
// place or of a faith and name neither a person nor a place.
func (s *entityScan) demonymPhrase(from, to int) bool {
	demonym := false
	for j := from; j < to; j++ {
		w := s.toks[j].key
		switch {
		case s.g.demonymOf[w] != "" || strings.HasSuffix(w, "ern") && compassAdjectives[w] || faithWords[w]:
			demonym = true
		case compassAdjectives[w]:
		default:
			return false
		}
	}
	return demonym
}

// administrationWords follow the surname of the head of a government to
// name the government by its head: "the Bush administration", "the
// Marcos administration", "the Putin presidency". Keys are lower case.
var administrationWords = wordSet(`administration presidency`)

// findAdministrations reads the surname before "administration" or
// "presidency" as a person's ("the new Bush administration's"): a common
// way news names a head of government, whose surname may then stand alone
// ("rein in Bush") where a preposition would make it look like a place.
// A country's name or adjective there ("the Kenyan administration", "the
// Kenya presidency") names no person, nor does a state's or a province's
// ("the Sindh administration"), nor a word written small elsewhere in the
// text ("the Transition administration").
func (s *entityScan) findAdministrations() {
	for i := 1; i+1 < len(s.toks); i++ {
		t := s.toks[i]
		if s.at[i] >= 0 || !s.isNameTok(i) || !s.adjacent(i) || !administrationWords[s.toks[i+1].key] ||
			s.startsSentence(i) || startsUpper(s.toks[i-1].key) || s.g.demonymOf[t.key] != "" ||
			adjectiveShaped(t.lower) && !s.personNamed(t.key) || s.writtenSmall(t.lower) || s.isCountryAt(i) || s.g.subdivisions[t.key] {
			continue
		}
		// Resolved with the surnames offices introduce: to the full
		// name the text gives ("the Marcos administration" … "Ferdinand
		// Marcos"), else kept alone.
		s.surnames = append(s.surnames, mention{name: t.key, kind: kindPerson, start: t.start, end: t.end})
	}
}

// findBracketedGivenNames reads a title, a given name in brackets and a
// surname as the person's full name: "President (Donald) Trump", "Minister
// (Jean-Yves) Le Drian". Writers bracket the given name the reader may
// not need; the tagger reads no name across brackets.
func (s *entityScan) findBracketedGivenNames() {
	for i := 1; i+2 < len(s.toks); i++ {
		if s.at[i] >= 0 || s.at[i+1] >= 0 || !s.isNameTok(i) || !s.isNameTok(i+1) ||
			personWords[s.toks[i-1].lower]&title == 0 ||
			strings.TrimSpace(s.text[s.toks[i-1].end:s.toks[i].start]) != "(" ||
			strings.TrimSpace(s.text[s.toks[i].end:s.toks[i+1].start]) != ")" {
			continue
		}
		end := i + 2
		for end < len(s.toks) && end-i < maxCapitalNameWords && s.at[end] < 0 && s.adjacent(end-1) && s.isNameTok(end) {
			end++
		}
		name := s.toks[i].key + " " + withoutPossessive(collapseSpace(s.text[s.toks[i+1].start:s.toks[end-1].end]))
		s.add(mention{name: name, kind: kindPerson, start: s.toks[i].start, end: s.toks[end-1].end}, i, end)
		i = end - 1
	}
}

// nameSuffixes end a person's name: "Jose Torres Jr.", "Martin Luther
// King Sr.", "John Smith III". Keys are as written, without the full stop.
var nameSuffixes = wordSet(`Jr Sr Jnr Snr II III IV`)

// extendNameSuffixes carries a person's name on over a generational
// suffix after it, with its full stop ("Jose Torres Jr.’s
// pronouncement"), which the tagger and the rules stop before or leave as
// a word of their own.
func (s *entityScan) extendNameSuffixes() {
	for m := range s.found {
		p := s.found[m]
		if p.kind != kindPerson {
			continue
		}
		_, to := s.tokensIn(p.start, p.end)
		if to <= 0 || to >= len(s.toks) || s.toks[to-1].end != p.end || s.at[to-1] != m || s.toks[to-1].possessive {
			continue
		}
		if last := s.toks[to-1].key; nameSuffixes[last] && last[0] != 'I' && strings.HasPrefix(s.text[p.end:], ".") {
			p.name += "." // the tagger read "Jr" and left its full stop
			p.end++
			s.found[m] = p
			continue
		}
		gap := s.text[s.toks[to-1].end:s.toks[to].start]
		if (strings.TrimSpace(gap) != "" && strings.TrimSpace(gap) != ",") || strings.Contains(gap, "\n") || !nameSuffixes[s.toks[to].key] {
			continue
		}
		if s.at[to] >= 0 && s.at[to] != m {
			continue
		}
		end := s.toks[to].end
		if strings.HasPrefix(s.text[end:], ".") && s.toks[to].key[0] != 'I' {
			end++ // "Jr.", not "III."
		}
		p.name = collapseSpace(s.text[p.start:s.toks[to-1].end]) + " " + s.text[s.toks[to].start:end]
		p.end = end
		s.found[m] = p
		s.at[to] = m
	}
}

// findRepeatedSurnames reads two name words as a person's full name where
// the text later or earlier writes the second alone inside a sentence, or
// alone before a verb at a sentence's start (loneSubject): "John
// Ashcroft's Justice Department … Don't try telling that to Ashcroft",
// "the dictatorship of Ferdinand Marcos … under Marcos", "Kwame Mensah
// walked … Mensah said". News names a person in full once and by surname
// after; the tagger misses names from languages and countries it was not
// trained on, and the surname alone then finds nobody. The pair stands
// alone (no capitalised word joined to it either side), neither word is
// written small in the text, a known place or a nationality, the first
// word never stands alone itself (then the two are more likely a list or
// a heading's words), and a pair at a sentence's start opens with no
// common opening word (givenNameOpening: "Although Valdez").
func (s *entityScan) findRepeatedSurnames() {
	alone := map[string]int{} // word → how many times it stands alone
	for i := range s.toks {
		if s.loneNameWord(i) || s.loneSubject(i) {
			alone[s.toks[i].key]++
		}
	}
	if len(alone) == 0 {
		return
	}
	for i := 0; i+1 < len(s.toks); i++ {
		first, last := s.toks[i], s.toks[i+1]
		if alone[last.key] == 0 || alone[first.key] > 0 || s.at[i] >= 0 || s.at[i+1] >= 0 ||
			first.possessive || !s.adjacent(i) || !s.isNameTok(i) || !s.isNameTok(i+1) || s.inTitleCase(i) ||
			s.startsSentence(i) && !s.givenNameOpening(i) ||
			i > 0 && s.adjacent(i-1) && startsUpper(s.toks[i-1].key) ||
			i+2 < len(s.toks) && s.adjacent(i+1) && startsUpper(s.toks[i+2].key) && !last.possessive ||
			!s.plainNameWord(i) || !s.plainNameWord(i+1) || romanceArticles[first.key] {
			continue
		}
		name := withoutPossessive(collapseSpace(s.text[first.start:last.end]))
		s.add(mention{name: name, kind: kindPerson, start: first.start, end: last.end}, i, i+2)
		i++
	}
}

// minParticipleLen is the length from which a word in -ing opening a
// sentence is read as a participle or a preposition ("Following",
// "Regarding"), not a given name.
const minParticipleLen = 7

// loneSubject reports whether token i, a sentence's first word, is a
// surname standing alone as the sentence's subject: a plain name word
// that no capitalised word follows, before a verb in small letters
// ("Mensah said", "Valdez denies"). News names a person in full once and
// by surname after, often at a sentence's start.
func (s *entityScan) loneSubject(i int) bool {
	if i+1 >= len(s.toks) || !s.startsSentence(i) || s.at[i] >= 0 || !s.isNameTok(i) || s.inTitleCase(i) ||
		!s.plainNameWord(i) || !s.givenNameOpening(i) || !s.adjacent(i) {
		return false
	}
	next := s.toks[i+1]
	return next.key == next.lower && !nameConnectors[next.lower] && !nameParticles[next.lower] && !ofWords[next.lower]
}

// givenNameOpening reports whether token i, a sentence's first word, may
// be a name's first word: no common word that opens sentences ("The",
// "Although", "Según", "Following"), title, role or organization's word,
// and no word the text writes in small letters (plainNameWord).
func (s *entityScan) givenNameOpening(i int) bool {
	l := s.toks[i].lower
	// "Following Gurbanov, …", "Regarding Ruiz": an English participle
	// or preposition in -ing; short ones may be Chinese given names
	// ("Ming", "Jing").
	if len(l) >= minParticipleLen && strings.HasSuffix(l, "ing") {
		return false
	}
	return !commonCapitals[l] && personWords[l] == 0 && orgWords[l] == 0 && !romanceArticles[s.toks[i].key] &&
		!numberWords[l] && !calendarWords[l] && s.plainNameWord(i)
}

// loneNameWord reports whether token i is a name word that stands alone:
// no name covers it, no capitalised word is joined to it either side, and
// it is a plain name word (plainNameWord).
func (s *entityScan) loneNameWord(i int) bool {
	if s.at[i] >= 0 || !s.isNameTok(i) || s.inTitleCase(i) || s.startsSentence(i) || !s.plainNameWord(i) {
		return false // a sentence's first word is capitalised whatever it is
	}
	if i > 0 && s.adjacent(i-1) && (startsUpper(s.toks[i-1].key) || isNumber(s.toks[i-1].key)) {
		return false // "22 States": a plural noun counted
	}
	return !(i+1 < len(s.toks) && s.adjacent(i) && startsUpper(s.toks[i+1].key))
}

// plainNameWord reports whether token i may be a word of a person's name
// by what the text says of it: never written small in the text, not a
// nationality, a place or a country the gazetteer knows, and not a word
// that opens sentences ("However", "Yet").
func (s *entityScan) plainNameWord(i int) bool {
	t := s.toks[i]
	return !s.writtenSmall(t.lower) && s.g.demonymOf[t.key] == "" && !compassAdjectives[t.key] &&
		!sentenceAdverbs[t.lower] && !pronouns[t.lower] && !isLanguageName(t.key) && !s.isCountryAt(i)
}

// officeWindow is how many words before a place may hold the office that
// the place is the field of ("el ministro de Relaciones Exteriores de
// México").
const officeWindow = 6

// findNamedAfterOfficePlace reads the name right after an office's place
// as the office holder's: "el ministro de Relaciones Exteriores de México
// Luis Videgaray", "the President of Colombia Gustavo Petro". Spanish,
// French and Portuguese news write the holder's name after the office
// with no comma; the place before it, the gazetteer's, stops the tagger's
// reading of the name. The name is two words or more that no name covers.
func (s *entityScan) findNamedAfterOfficePlace() {
	for i := 2; i < len(s.toks); i++ {
		m := s.at[i-1]
		if m < 0 || s.at[i] >= 0 || s.found[m].kind != kindPlace || !s.adjacent(i-1) || s.toks[i-1].possessive {
			continue
		}
		from, _ := s.tokensIn(s.found[m].start, s.found[m].end)
		if from < 2 || !s.adjacent(from-1) || !ofWords[s.toks[from-1].lower] || !s.officeWithin(from-1) {
			continue
		}
		n := s.nameRun(i)
		if n < 2 {
			continue
		}
		end := i + n
		name := withoutPossessive(collapseSpace(s.text[s.toks[i].start:s.toks[end-1].end]))
		s.add(mention{name: name, kind: kindPerson, start: s.toks[i].start, end: s.toks[end-1].end}, i, end)
		i = end - 1
	}
}

// ofWords join an office to its field or place: "Minister of", "ministro
// de", "ministre du", "ministra da".
var ofWords = wordSet(`of de del du des do da`)

// officeWithin reports whether an office or a title stands among the few
// words before token k, in the same sentence.
func (s *entityScan) officeWithin(k int) bool {
	for j := k - 1; j >= 0 && k-j <= officeWindow; j-- {
		if strings.ContainsAny(s.text[s.toks[j].end:s.toks[j+1].start], ".;:\n") {
			return false
		}
		if w := s.toks[j].lower; IsOffice(w) || personWords[w]&title != 0 {
			return true
		}
	}
	return false
}

// findSharedSurnames reads a given name joined by "and" to a person's full
// name as that person's relative's, with the same surname: "human rights
// defenders Leyla and Arif Yunus", "her daughters, Sona and Maral
// Muradova", "Gisela y Mario Ruiz". News writes a couple or siblings so.
// The given name is one capitalised word that no name covers, no common
// word of the text, role or organization's word, and the full name two
// words.
func (s *entityScan) findSharedSurnames() {
	for i := 0; i+2 < len(s.toks); i++ {
		if s.at[i] >= 0 || !s.isNameTok(i) || s.startsSentence(i) || s.inTitleCase(i) || !s.adjacent(i) || !s.adjacent(i+1) ||
			!andWords[s.toks[i+1].lower] || s.toks[i].possessive || s.writtenSmall(s.toks[i].lower) ||
			orgWords[s.toks[i].lower] != 0 || personWords[s.toks[i].lower] != 0 || s.g.demonymOf[s.toks[i].key] != "" {
			continue
		}
		if i > 0 && s.adjacent(i-1) && (startsUpper(s.toks[i-1].key) || locatives[s.toks[i-1].lower]) || s.locativeBefore(i) {
			continue // "Human Rights and …", "in Dubai and Andrea Shalal"
		}
		m := s.at[i+2]
		if m < 0 || s.found[m].kind != kindPerson || s.found[m].start != s.toks[i+2].start {
			continue
		}
		words := strings.Fields(s.found[m].name)
		if len(words) != 2 {
			continue
		}
		s.add(mention{name: s.toks[i].key + " " + words[1], kind: kindPerson, start: s.toks[i].start, end: s.toks[i].end}, i, i+1)
	}
}

// andWords join two given names before a shared surname.
var andWords = wordSet(`and et y e`)

// maxExtendedNameWords bounds a name extendNamesLeft lengthens: Spanish
// names run to two given names and two surnames ("Víctor Manuel Báez
// Chino").
const maxExtendedNameWords = 5

// extendNamesLeft carries a person's name of two words or more back over
// the name word joined to it by a space: the tagger, trained on English
// names of two or three words, often drops the first of four ("Jorge
// Celestino Ruiz Vázquez" read as "Celestino Ruiz Vázquez"). The word is
// capitalised, opens no sentence or title-case line, no name covers it,
// and it is none of the text's small words, a title, role or
// organization's word, a nationality, a place, a language or an initial
// ("H.E."); and a comma or a word in small letters stands before it
// (wordOrCommaBefore).
func (s *entityScan) extendNamesLeft() {
	for m := range s.found {
		p := s.found[m]
		if p.kind != kindPerson {
			continue
		}
		from, to := s.tokensIn(p.start, p.end)
		if to-from < 2 || to-from >= maxExtendedNameWords || from == 0 || s.toks[from].start != p.start {
			continue
		}
		j := from - 1
		if j == 0 || !s.wordOrCommaBefore(j) || strings.Contains(s.toks[j].key, ".") {
			continue
		}
		if s.at[j] >= 0 || !s.adjacent(j) || !s.isNameTok(j) || s.startsSentence(j) || s.inTitleCase(j) ||
			personWords[s.toks[j].lower] != 0 || orgWords[s.toks[j].lower] != 0 || commonCapitals[s.toks[j].lower] ||
			!s.plainNameWord(j) || s.g.subdivisions[s.toks[j].key] || romanceArticles[s.toks[j].key] {
			continue
		}
		p.start = s.toks[j].start
		p.name = withoutPossessive(collapseSpace(s.text[p.start:p.end]))
		s.found[m] = p
		s.at[j] = m
	}
}

// wordOrCommaBefore reports whether a comma, or a word in small letters
// that joins no name, stands right before token j: "ensure that Jorge
// …", "…, Víctor Manuel …". A capitalised word, a colon or a name's small
// word there would make token j the end of an office or a label
// ("Secretary of State Colin Powell", "la Secretaría de Seguridad Nacional
// Kirstjen Nielsen", "Authors: Unicef Aleksey").
func (s *entityScan) wordOrCommaBefore(j int) bool {
	gap := strings.TrimSpace(s.text[s.toks[j-1].end:s.toks[j].start])
	if gap == "," {
		return true
	}
	p := s.toks[j-1]
	return gap == "" && !p.possessive && p.key == p.lower && !nameConnectors[p.lower] && !ofWords[p.lower] &&
		!orgArticles[p.lower] && !nameParticles[p.lower]
}
