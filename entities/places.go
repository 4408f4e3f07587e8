package entities

import (
	"slices"
	"strings"
)

// locatives are the prepositions that put a place after them in English,
// French, Spanish and Portuguese: "in Hebron", "à Sucre", "en Cartagena",
// "em Fortaleza". Keys are lower case. "At", "de" and "of" are left out:
// they put people, organizations and dates after them as often.
var locatives = map[string]bool{"in": true, "à": true, "en": true, "em": true}

// placeNouns are the words for a town or a region that put its name after
// them, directly or across "of", "de", "do", "da", "du": "the city of
// Hebron", "la ville de Lyon", "el municipio de Tame", "a capital
// Fortaleza", "le gouvernorat de Sidi Bouzid". Keys are lower case.
var placeNouns = wordSet(`
	city town village region capital state province
	ville village région capitale gouvernorat département province commune
	ciudad pueblo región capital estado provincia municipio departamento
	cidade região estado município
	native originaire originaires natif natural oriundo oriunda originario originaria`)

// officePlaces are the offices of a town or a region, which put its name
// after "of", "de" and the like, capitalised or not: "the Governor of
// Ohio", "el Gobernador de Nariño", "le maire de Lyon". Keys are lower
// case.
var officePlaces = wordSet(`
	governor mayor gobernador gobernadora gobernación alcalde alcaldesa alcaldía intendente
	governador governadora prefeito prefeita prefeitura gouverneur maire mairie préfet préfecture`)

// maxLocativeWords bounds a place name read after a locative.
const maxLocativeWords = 3

// locativeBefore reports whether token i follows a locative preposition
// or a place noun ("in", "à", "la ville de"), so that a name there is a
// place.
func (s *entityScan) locativeBefore(i int) bool {
	j := i - 1
	if j < 0 || !s.adjacent(j) {
		return false
	}
	if locatives[s.toks[j].lower] {
		// A locative after a capitalised word is inside a name:
		// "Centro de Documentación en Derechos Humanos", "Instituto de
		// Pesquisa em Direito".
		return !s.insideName(j)
	}
	switch s.toks[j].lower {
	case "of", "de", "do", "da", "du":
		j--
		if j < 0 || !s.adjacent(j) {
			return false
		}
		if officePlaces[s.toks[j].lower] || s.chiefMinisterAt(j) {
			return true
		}
	}
	return placeNouns[s.toks[j].lower] && !startsUpper(s.toks[j].key)
}

// findLocatives reads the places that no list and no other rule knows from
// the words around them: a preposition or a noun for a town before them
// ("protests in Tiaret", "à Santa Cruz (est)", "la ville de Lyon"), a list
// such a word opens ("in Geneva, Abu Dhabi and Miami"), a dateline ("La
// Paz - Le président …"), a country after a comma ("Quito, Ecuador") or
// "-based" ("Texas-based"). The name is a run of one to three capitalised
// name words, "La" or "El" allowed to open it ("La Paz"), that no name
// found so far covers and that ends there, not running on into a longer
// capitalised name. Then a name that is a place here is a place wherever
// the text writes it, though the tagger read it as a person elsewhere.
func (s *entityScan) findLocatives() {
	s.dropStateNouns()
	s.findPlacesBeforeOffice()
	for i := 0; i < len(s.toks); i++ {
		if s.at[i] >= 0 || s.inTitleCase(i) {
			continue
		}
		end := s.placeRun(i)
		if end == i {
			continue
		}
		if !s.locativeBefore(i) && !s.listedAfterPlace(i, end) && !s.datelineAt(i, end) && !s.countryAfter(i, end) && !s.basedAfter(end) {
			continue
		}
		name := withoutPossessive(collapseSpace(s.text[s.toks[i].start:s.toks[end-1].end]))
		if s.personNamed(name) {
			continue // "Ola Bini - The programmer …" under a photo
		}
		s.add(mention{name: name, kind: kindPlace, start: s.toks[i].start, end: s.toks[end-1].end}, i, end)
		i = end - 1
	}
	s.unifyPlaces()
	s.peopleListedAsPlaces()
}

// peopleListedAsPlaces makes a person of a name of two words or more that
// the tagger read as a place where it stands in a list between two
// people: "Gabriel Hugé Córdova, Irasema Becerra, Guillermo Luna Varela".
// A list names things of one kind, and a known place (the gazetteer's, a
// region's) keeps its kind: "Ana Ruiz, Lima, and Tomas Alvaro, Cusco".
func (s *entityScan) peopleListedAsPlaces() {
	for k, m := range s.found {
		if m.kind != kindPlace || !strings.Contains(m.name, " ") || s.g.subdivisions[m.name] || s.knownPlace(m.name) {
			continue
		}
		from, to := s.tokensIn(m.start, m.end)
		if from < 1 || to >= len(s.toks) || s.at[from] != k ||
			strings.TrimSpace(s.text[s.toks[from-1].end:s.toks[from].start]) != "," {
			continue
		}
		next := to
		if strings.TrimSpace(s.text[s.toks[to-1].end:s.toks[to].start]) == "" && listConjunctions[s.toks[to].lower] {
			next = to + 1
		} else if strings.TrimSpace(s.text[s.toks[to-1].end:s.toks[to].start]) != "," {
			continue
		}
		if next < len(s.toks) && s.personAt(from-1) && s.personAt(next) {
			s.found[k].kind = kindPerson
		}
	}
}

// personAt reports whether a person's name covers token j.
func (s *entityScan) personAt(j int) bool {
	return s.at[j] >= 0 && s.found[s.at[j]].kind == kindPerson
}

// knownPlace reports whether the gazetteer lists name as a place's
// canonical name.
func (s *entityScan) knownPlace(name string) bool {
	toks := ruleTokens(name)
	if len(toks) == 0 {
		return false
	}
	for _, a := range s.g.byFirst[strings.ToLower(toks[0].key)] {
		if a.kind == kindPlace && a.canonical == name {
			return true
		}
	}
	return false
}

// stateNouns are the capitalised nouns for the state as an institution in
// the four languages, which a tagger reads as a place: "el secretario de
// Estado", "al Estado mexicano", "l'État", "the State". Alone they name no
// place.
var stateNouns = map[string]bool{"Estado": true, "État": true, "Etat": true, "State": true, "Nación": true, "Nação": true, "Nation": true}

// dropStateNouns gives up the places that are a state noun alone.
func (s *entityScan) dropStateNouns() {
	for k, m := range s.found {
		if m.kind == kindPlace && stateNouns[m.name] {
			s.found[k].kind = kindOther
		}
	}
}

// placeRun returns the end of the place name that may start at token i,
// or i when none does.
func (s *entityScan) placeRun(i int) int {
	j := i
	if romanceArticles[s.toks[j].key] && j+1 < len(s.toks) && s.adjacent(j) {
		j++
	}
	particles := 0
	for j < len(s.toks) && j-i-particles < maxLocativeWords && s.at[j] < 0 && s.isNameTok(j) &&
		!documentHeads[s.toks[j].key] && !monthAbbreviations[s.toks[j].lower] && !isLanguageName(s.toks[j].key) {
		j++
		if s.toks[j-1].possessive || j >= len(s.toks) || !s.adjacent(j-1) && !s.abbreviationJoins(j-1) {
			break
		}
		// "São Bernardo do Campo", "Ciudad del Este": a particle between
		// two name words is part of the name.
		if subdivisionParticles[s.toks[j].key] && j+1 < len(s.toks) && s.adjacent(j) && s.at[j+1] < 0 && s.isNameTok(j+1) {
			j++
			particles++
		}
	}
	if j == i || (j == i+1 && romanceArticles[s.toks[i].key]) {
		return i
	}
	if j == i+1 && (orgWords[s.toks[i].lower] != 0 || networkNouns[s.toks[i].lower] || s.demonymPhrase(i, j)) {
		return i // "in Parliament", "en Internet", "in Guatemalan prisons"
	}
	if j < len(s.toks) && s.adjacent(j-1) && (startsUpper(s.toks[j].key) || isNumber(s.toks[j].key)) {
		return i // "in Phnom Penh Municipal Court", "in Article 19": a longer name
	}
	if strings.ContainsAny(s.text[s.toks[i].start:s.toks[j-1].end], "0123456789") {
		return i
	}
	return j
}

// placeAbbreviations open places' names with a full stop: "St. Louis",
// "Ste. Foy", "Mt. Elgon", "Ft. Worth".
var placeAbbreviations = map[string]bool{"St": true, "Ste": true, "Mt": true, "Ft": true}

// abbreviationJoins reports whether token j is such an abbreviation, joined
// by its full stop and a space to the name word after it.
func (s *entityScan) abbreviationJoins(j int) bool {
	return placeAbbreviations[s.toks[j].key] && j+1 < len(s.toks) && s.text[s.toks[j].end:s.toks[j+1].start] == ". " && s.isNameTok(j+1)
}

// saintPrefixes open the names of places named after a saint, in the four
// languages: "San Pedro Sula", "Santa Cruz", "São Paulo", "Saint-Louis".
var saintPrefixes = map[string]bool{"San": true, "Santa": true, "Santo": true, "São": true, "Saint": true, "Sainte": true, "St": true, "Ste": true}

// placePrepositions put a place after them as often as a person, and a
// saint's name after them is a place's: "partió de San Pedro Sula", "from
// St. Louis", "hacia San Salvador".
var placePrepositions = wordSet(`de from to desde hacia para of near at`)

// findSaintPlaces reads a saint's name after a preposition as a place
// where no name covers it: "partió de San Pedro Sula", which the tagger
// reads as a person "Pedro Sula" after the word "San". A person named
// after a saint is introduced otherwise ("the activist San Chey").
func (s *entityScan) findSaintPlaces() {
	for i := 1; i+1 < len(s.toks); i++ {
		if s.at[i] >= 0 || !saintPrefixes[s.toks[i].key] || !s.adjacent(i-1) || s.inTitleCase(i) ||
			!(placePrepositions[s.toks[i-1].lower] || s.locativeBefore(i)) || s.toks[i-1].key != s.toks[i-1].lower {
			continue
		}
		end := s.placeRun(i)
		if end < i+2 {
			continue
		}
		name := withoutPossessive(collapseSpace(s.text[s.toks[i].start:s.toks[end-1].end]))
		s.add(mention{name: name, kind: kindPlace, start: s.toks[i].start, end: s.toks[end-1].end}, i, end)
		i = end - 1
	}
}

// networkNouns are capitalised nouns for networks that a locative puts
// after it as it does a place ("en Internet", "sur le Web"), and that name
// no place. Keys are lower case.
var networkNouns = wordSet(`internet web intranet cyberspace`)

// maxListedPlaces bounds how far back listedAfterPlace looks for the
// preposition that opens a list of places.
const maxListedPlaces = 4

// minListedPlaces is how many places in a row, with no locative before
// them, make the next item of their list a place: "areas of Donetsk,
// Luhansk, Kherson and Zaporizhzhia".
const minListedPlaces = 2

// listedAfterPlace reports whether the name in tokens [i, end) follows a
// place in a list that a locative opens: "in Geneva, Abu Dhabi and
// Miami", or follows minListedPlaces places in a list: "Donetsk, Luhansk,
// Kherson". A name with a locative of its own after it is no item of that
// list but the start of another phrase: "the cases of Alaa Abd El Fattah
// in Egypt, Fikret Baskaya in Turkey".
func (s *entityScan) listedAfterPlace(i, end int) bool {
	if end < len(s.toks) && locatives[s.toks[end].lower] {
		return false
	}
	places := 0
	for range maxListedPlaces {
		if i < 2 {
			return places >= minListedPlaces
		}
		// The separator: a comma, or "and" in the four languages.
		p := i - 1
		switch w := s.toks[p].lower; {
		case (w == "and" || w == "et" || w == "y" || w == "e") && s.adjacent(p):
			p--
		case strings.TrimSpace(s.text[s.toks[p].end:s.toks[i].start]) == ",":
			// An item after a comma goes on to the list's next item or
			// ends the sentence; a name followed by its verb is the
			// subject of a new clause: "Based in the city of Ashgabat,
			// Ogulsapar Muradova reported …".
			if places == 0 && !s.listGoesOn(end) {
				return false
			}
		default:
			return places >= minListedPlaces
		}
		m := s.at[p]
		if m < 0 || s.found[m].kind != kindPlace || s.toks[p].possessive {
			return places >= minListedPlaces
		}
		q := p
		for q > 0 && s.at[q-1] == m {
			q--
		}
		if s.locativeBefore(q) {
			return true
		}
		places++
		i = q
	}
	return places >= minListedPlaces
}

// listGoesOn reports whether the name ending before token end is followed
// by what follows a list's item: a comma or other stop, a bracket, the end
// of the text, or a conjunction in the four languages (listConjunctions).
func (s *entityScan) listGoesOn(end int) bool {
	after := strings.TrimLeft(s.text[s.toks[end-1].end:], " ")
	if after == "" || strings.ContainsAny(after[:1], ",.;:)\n") {
		return true
	}
	return end < len(s.toks) && listConjunctions[s.toks[end].lower]
}

// datelineAt reports whether tokens [i, end) open a paragraph as a
// dateline: the place, a dash (an agency's name in parentheses may come
// first), and a sentence: "La Paz - Le président bolivien …", "Tiaret
// (AFP) – Des milliers …".
func (s *entityScan) datelineAt(i, end int) bool {
	if !s.startsLine(i) {
		return false
	}
	rest := strings.TrimLeft(s.text[s.toks[end-1].end:], " ")
	if strings.HasPrefix(rest, "(") {
		k := strings.IndexByte(rest, ')')
		if k < 0 || k > 40 {
			return false
		}
		rest = strings.TrimLeft(rest[k+1:], " ")
	}
	var ok bool
	for _, dash := range []string{"- ", "– ", "— "} {
		if r, found := strings.CutPrefix(rest, dash); found {
			rest, ok = r, true
			break
		}
	}
	if !ok {
		return false
	}
	line, _, _ := strings.Cut(rest, "\n")
	// A sentence, not a headline's second half ("Hun Sen - the end of an
	// era"): it ends with a full stop, after a few words.
	line = strings.TrimSpace(line)
	return len(strings.Fields(line)) >= minDatelineWords && strings.ContainsAny(line[len(line)-1:], ".!?")
}

// minDatelineWords is the fewest words of the sentence after a dateline.
const minDatelineWords = 6

// countryAfter reports whether a country follows token end-1 after a comma
// and ends a phrase there: "el aeropuerto de Quito, Ecuador a las 15h20",
// "Tiaret, Algeria." (not "Kem Sokha, Cambodia's opposition leader").
func (s *entityScan) countryAfter(i, end int) bool {
	// "“Usually, Israel is used to …": a word opening a sentence before a
	// comma is no place.
	if s.startsSentence(i) || end >= len(s.toks) || strings.TrimSpace(s.text[s.toks[end-1].end:s.toks[end].start]) != "," || !s.isCountryAt(end) {
		return false
	}
	last := s.mentionEnd(end) - 1
	if s.toks[last].possessive {
		return false
	}
	after := strings.TrimLeft(s.text[s.toks[last].end:], " ")
	if after == "" || strings.ContainsAny(after[:1], ",.;:)\n") {
		return true
	}
	r := []rune(after[:min(len(after), 4)])
	return len(r) > 0 && !startsUpper(string(r[0]))
}

// basedAfter reports whether "-based" follows token end-1: "a Texas-based
// group".
func (s *entityScan) basedAfter(end int) bool {
	rest := s.text[s.toks[end-1].end:]
	return strings.HasPrefix(rest, "-based") || strings.HasPrefix(rest, "‐based")
}

// personNamed reports whether a person of the text other than one only
// the tagger read bears name, so that the words around one mention of it
// make it no place.
func (s *entityScan) personNamed(name string) bool {
	for k, m := range s.found {
		if m.kind == kindPerson && m.name == name && !slices.Contains(s.taggedPeople, k) {
			return true
		}
	}
	return false
}

// unifyPlaces makes every person only the tagger read whose name is also
// a place's in the text that place: the tagger reads "Sidi Bouzid déploie
// les grands moyens" as a person, "le gouvernorat de Sidi Bouzid" says
// what it is. A person a title or a role introduced stays one.
func (s *entityScan) unifyPlaces() {
	places := map[string]bool{}
	for _, m := range s.found {
		if m.kind == kindPlace {
			places[m.name] = true
		}
	}
	for _, k := range s.taggedPeople {
		if m := s.found[k]; m.kind == kindPerson && places[m.name] {
			s.found[k].kind = kindPlace
		}
	}
}

// insideName reports whether the locative at token j stands inside a
// capitalised name ("Centro de Documentación en Derechos Humanos",
// "Instituto de Pesquisa em Direito"): a capitalised word that opens no
// sentence and is no place comes right before it ("de Camaçari à
// Salvador" lists two places).
func (s *entityScan) insideName(j int) bool {
	if j == 0 || !s.adjacent(j-1) || !startsUpper(s.toks[j-1].key) || s.startsSentence(j-1) {
		return false
	}
	m := s.at[j-1]
	return m < 0 || s.found[m].kind != kindPlace
}

// monthAbbreviations are months as datelines abbreviate them ("in Feb
// 2024"); keys are lower case.
var monthAbbreviations = wordSet(`jan feb mar apr jun jul aug sep sept oct nov dec`)

// isLanguageName reports whether w, capitalised, is the name of a language
// or a nationality by its ending, which "in" puts after it as often as a
// place ("in English", "in Chinese", "in Arabic", "in Ukrainian"), or is
// one of the common language names that no ending shows.
func isLanguageName(w string) bool {
	for _, e := range []string{"ish", "ese", "ian", "ic"} {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return languageNames[w]
}

// languageNames are language names with no telling ending.
var languageNames = wordSet(`French German Dutch Greek Khmer Thai Hindi Urdu Latin Hebrew Malay Tagalog Swahili`)

// isNumber reports whether w starts with a digit.
func isNumber(w string) bool { return w != "" && '0' <= w[0] && w[0] <= '9' }

// startsSentence reports whether token j opens a sentence, a quotation or
// a line: a full stop, an opening quotation mark or a line break before
// it, or nothing.
func (s *entityScan) startsSentence(j int) bool {
	if j == 0 {
		return true
	}
	gap := s.text[s.toks[j-1].end:s.toks[j].start]
	return strings.ContainsAny(gap, ".!?\n\"“«")
}

// chiefMinisterAt reports whether token j is "Minister" of "Chief
// Minister", the head of an Indian state or a Malaysian one, whose state
// follows "of" ("the Chief Minister of Bihar"), as a governor's does.
// "Minister" alone is left out: "the Minister of Justice".
func (s *entityScan) chiefMinisterAt(j int) bool {
	return j > 0 && s.toks[j].lower == "minister" && s.toks[j-1].lower == "chief" && s.adjacent(j-1)
}

// findPlacesBeforeOffice reads the place a regional office is named after
// where a person's name follows the office: "Bihar Chief Minister Nitish
// Kumar", "Texas Governor Greg Abbott", "Lyon mayor Grégory Doucet". The
// place is one to three name words that no name covers, opening no
// sentence (where "Deputy Governor" or a name might stand).
func (s *entityScan) findPlacesBeforeOffice() {
	for i := 0; i < len(s.toks); i++ {
		if s.at[i] >= 0 || !s.isNameTok(i) || s.startsSentence(i) || (i > 0 && s.adjacent(i-1) && startsUpper(s.toks[i-1].key)) {
			continue
		}
		end := i
		for end < len(s.toks) && end-i < maxLocativeWords && s.at[end] < 0 && s.isNameTok(end) && !officePlaces[s.toks[end].lower] && s.toks[end].lower != "chief" {
			end++
			if !s.adjacent(end - 1) {
				break
			}
		}
		if end == i || end >= len(s.toks) || !s.adjacent(end-1) {
			continue
		}
		office := end
		switch {
		case officePlaces[s.toks[end].lower]:
		case s.toks[end].lower == "chief" && end+1 < len(s.toks) && s.chiefMinisterAt(end+1):
			office++
		default:
			continue
		}
		if office+1 >= len(s.toks) || !s.adjacent(office) || !s.isNameTok(office+1) {
			continue
		}
		name := collapseSpace(s.text[s.toks[i].start:s.toks[end-1].end])
		if s.personNamed(name) {
			continue
		}
		s.add(mention{name: name, kind: kindPlace, start: s.toks[i].start, end: s.toks[end-1].end}, i, end)
		i = end - 1
	}
}

// maxSubdivisionWords bounds the words of a state's or region's name
// ("Surigao del Sur", "Kohgīlūyeh va Bowyer Aḩmad").
const maxSubdivisionWords = 5

// subdivisionKinds are the capitalised words that end a state's or
// region's name in English, written as part of it: "Osun State", "Kano
// State", "Sindh Province".
var subdivisionKinds = map[string]bool{"State": true, "Province": true, "Region": true, "Department": true, "Governorate": true}

// subdivisionParticles join the words of a region's name in small letters:
// "Surigao del Sur", "Rio Grande do Sul". "y" and "e" are left out: they
// join a list's last item ("Táchira, Zulia y Mérida").
var subdivisionParticles = wordSet(`del de do da dos das du des la el`)

// findSubdivisions reads the states, provinces and regions of ISO 3166-2
// (the gazetteer's subdivisions) where no name found so far covers their
// words: a run of capitalised words, particles allowed inside, that is a
// region's name as a whole ("Zulia", "Surigao del Sur"), or is one before
// a capitalised kind word ("Osun State"). A list of all the world's places
// would take people's names for places; these names count only as a
// whole run, so "Vicente Guerrero" stays a person. One word alone must
// not open a sentence ("Como dijo …"), be written small elsewhere in the
// text ("como"), be a nationality, or open or end a longer name elsewhere
// in the text, where it is someone's surname ("Ana Guerrero … Guerrero
// said") or a company's word ("Formosa Ha Tinh Steel … Formosa").
func (s *entityScan) findSubdivisions() {
	for i := 0; i < len(s.toks); i++ {
		if s.at[i] >= 0 || !s.isNameTok(i) || s.inTitleCase(i) || (i > 0 && s.adjacent(i-1) && startsUpper(s.toks[i-1].key)) {
			continue
		}
		end := s.subdivisionRun(i)
		if end < len(s.toks) && s.adjacent(end-1) && startsUpper(s.toks[end].key) && !s.toks[end-1].possessive {
			i = end - 1
			continue // part of a longer name the run stopped before
		}
		written := withoutPossessive(collapseSpace(s.text[s.toks[i].start:s.toks[end-1].end]))
		name := written
		if end-i >= 2 && subdivisionKinds[s.toks[end-1].key] {
			name = withoutPossessive(collapseSpace(s.text[s.toks[i].start:s.toks[end-2].end]))
		}
		if !s.g.subdivisions[name] || (name == written && end-i == 1 && !s.loneSubdivision(i)) {
			i = end - 1
			continue
		}
		s.add(mention{name: written, kind: kindPlace, start: s.toks[i].start, end: s.toks[end-1].end}, i, end)
		i = end - 1
	}
}

// subdivisionRun returns the end of the run of capitalised words that no
// name covers from token i, with the particles between them.
func (s *entityScan) subdivisionRun(i int) int {
	end := i + 1
	for end < len(s.toks) && end-i < maxSubdivisionWords && s.adjacent(end-1) && !s.toks[end-1].possessive {
		switch {
		case s.at[end] < 0 && startsUpper(s.toks[end].key):
			end++
		case subdivisionParticles[s.toks[end].key] && end+1 < len(s.toks) && s.adjacent(end) && s.at[end+1] < 0 && startsUpper(s.toks[end+1].key):
			end += 2
		default:
			return end
		}
	}
	return end
}

// loneSubdivision reports whether the one word at token i may name a
// region alone (see findSubdivisions).
func (s *entityScan) loneSubdivision(i int) bool {
	t := s.toks[i]
	if s.startsSentence(i) || s.writtenSmall(t.lower) || s.g.demonymOf[t.key] != "" || isLanguageName(t.key) {
		return false
	}
	// "the Formosa steel plant": after an article, a name qualifies the
	// noun after it, a firm's or a product's more often than a region's,
	// unless that noun says region ("the Zulia state").
	if a := s.toks[i-1].lower; s.adjacent(i-1) && (a == "the" || copulaArticles[a]) {
		if i+1 >= len(s.toks) || !placeNouns[s.toks[i+1].key] {
			return false
		}
	}
	for k, o := range s.toks {
		if o.key != t.key {
			continue
		}
		if k > 0 && s.adjacent(k-1) && s.isNameTok(k-1) && !locatives[s.toks[k-1].lower] && !romanceArticles[s.toks[k-1].key] {
			return false // "Ana Guerrero", "President Guerrero": a surname
		}
		if k+1 < len(s.toks) && s.adjacent(k) && !o.possessive && s.isNameTok(k+1) && !subdivisionKinds[s.toks[k+1].key] {
			return false // "Formosa Ha Tinh Steel": a company's first word
		}
	}
	return true
}
