package entities

import "strings"

// kindPlurals are plural nouns for kinds of organizations, in English,
// French, Spanish and Portuguese, written in small letters before the
// examples a text gives of them. Keys are lower case.
var kindPlurals = wordSet(`
	organizations organisations groups companies firms corporations outlets newspapers broadcasters
	channels stations unions parties movements networks coalitions associations agencies institutions
	ngos banks
	syndicats associations partis médias journaux entreprises mouvements collectifs
	organizaciones sindicatos partidos medios empresas movimientos colectivos asociaciones
	organizações movimentos entidades coletivos associações jornais`)

// exampleCues open the examples of a kind, one word or two.
var exampleCues = wordSet(`including like notably incluidos incluidas incluyendo incluindo notamment dont como comme`)

// exampleCuePairs are the two-word cues, first word → second.
var exampleCuePairs = map[string]string{"such": "as", "tales": "como", "tels": "que", "telles": "que", "tais": "como"}

// Bounds of the examples findKindExamples reads: the words in small letters
// between the plural noun and the cue ("independent outlets including",
// "movimentos sociais e de juventude, como"), the items, and an item's
// tokens.
const (
	maxKindExampleGap   = 5
	maxKindExamples     = 10
	maxKindExampleWords = 6
)

// findKindExamples reads the examples a text gives of a kind of
// organization as organizations: "independent outlets including Kestrel
// TV, Vale Post and Kanal 9", "organizations such as Tierra Viva",
// "movimentos sociais, como a Via Nova e o Levante Sul". The plural noun is
// the evidence, so one word is enough; an example a rule read as a place
// stays one, and a person's name ends the examples (they are no
// organizations then). This is the "NP such as NP, NP and NP" pattern
// (Hearst 1992) that names what kind a name is, not a list of names.
func (s *entityScan) findKindExamples() {
	for i, t := range s.toks {
		if !kindPlurals[t.lower] || t.key != t.lower && (!titleCased(t.key) || !s.startsSentence(i)) {
			continue
		}
		j, last := s.exampleCueEnd(i), false
		for n := 0; j > 0 && j < len(s.toks) && n < maxKindExamples; n++ {
			for j < len(s.toks) && appositiveArticles[s.toks[j].key] && s.joined(j) {
				j++ // "como a Via Nova", "such as the Vale Post"
			}
			if n > 0 && !last && j+1 < len(s.toks) && !startsUpper(s.toks[j].key) && s.exampleSeparated(j) && startsUpper(s.toks[j+1].key) {
				// "Quizomba, enegrecer, Juventude do PT": one item in
				// small letters (a collective that styles its name so)
				// is passed over, not taken for the list's end.
				j++
			}
			to := s.exampleEnd(j)
			if to == j {
				break
			}
			if s.holdsOtherName(j, to) {
				if m := s.at[j]; m >= 0 && s.found[m].kind == kindPerson {
					break
				}
			} else if m := s.at[j]; m < 0 || s.found[m].kind != kindOrg || s.found[m].end < s.toks[to-1].end {
				name := withoutPossessive(collapseSpace(s.text[s.toks[j].start:s.toks[to-1].end]))
				s.absorb(mention{name: s.g.canonicalOrg(name), kind: kindOrg, start: s.toks[j].start, end: s.toks[to-1].end}, j, to)
			}
			if last {
				break // "A, B and C": the conjunction closed the examples
			}
			j, last = s.nextExample(to)
		}
	}
}

// exampleCueEnd returns the token after the cue that follows the plural
// noun at token i, or -1 when no cue follows it closely.
func (s *entityScan) exampleCueEnd(i int) int {
	for j := i + 1; j < len(s.toks) && j-i <= maxKindExampleGap+1; j++ {
		gap := strings.TrimSpace(s.text[s.toks[j-1].end:s.toks[j].start])
		if gap != "" && gap != "," {
			return -1
		}
		t := s.toks[j]
		if t.key != t.lower {
			return -1
		}
		if exampleCues[t.lower] {
			return j + 1
		}
		if second, ok := exampleCuePairs[t.lower]; ok && j+1 < len(s.toks) && s.toks[j+1].lower == second && s.joined(j) {
			return j + 2
		}
		if gap == "," && j > i+1 {
			return -1 // a comma only right after the noun phrase, before the cue
		}
	}
	return -1
}

// exampleEnd returns the token after the name that starts at token j: a
// run of capitalised words, acronyms and names the text holds, with the
// connector phrases after it ("Levante Popular da Juventude"), or j when
// no name starts there.
func (s *entityScan) exampleEnd(j int) int {
	if j >= len(s.toks) || !startsUpper(s.toks[j].key) || (j > 0 && !s.joined(j-1) && !s.exampleSeparated(j-1)) {
		return j
	}
	to := j
	for to < len(s.toks) && to-j < maxKindExampleWords && (to == j || s.joined(to-1)) {
		if m := s.at[to]; m >= 0 {
			to = s.mentionEnd(to)
			continue
		}
		w := s.toks[to].key
		if !startsUpper(w) && !(to > j && isOrdinalNumber(w)) || calendarWords[s.toks[to].lower] || commonCapitals[s.toks[to].lower] {
			break
		}
		to++
	}
	if to == j {
		return j
	}
	return s.orgRunEnd(to)
}

// exampleSeparated reports whether the text after token j is a comma, so
// that the next example may follow it.
func (s *entityScan) exampleSeparated(j int) bool {
	return j+1 < len(s.toks) && strings.TrimSpace(s.text[s.toks[j].end:s.toks[j+1].start]) == ","
}

// nextExample returns the first token of the example after the one that
// ends before token to (after a comma, a conjunction, or both; -1 when the
// examples end there) and whether a conjunction makes it the last.
func (s *entityScan) nextExample(to int) (int, bool) {
	if to >= len(s.toks) || s.toks[to-1].possessive {
		return -1, true
	}
	gap := strings.TrimSpace(s.text[s.toks[to-1].end:s.toks[to].start])
	switch {
	case (gap == "," || gap == "") && listConjunctions[s.toks[to].lower] && s.joined(to):
		return to + 1, true // "and Kanal 9", ", and Kanal 9"
	case gap == ",":
		return to, false
	}
	return -1, true
}

// isOtherWord reports whether w follows the conjunction before the plural
// noun of a kind in "A, B and other outlets", in English, French, Spanish
// or Portuguese. A switch, not a map: it is asked of every word.
func isOtherWord(w string) bool {
	switch w {
	case "other", "others", "autres", "otros", "otras", "outros", "outras":
		return true
	}
	return false
}

// maxOtherGap bounds the words in small letters between "other" and the
// plural noun ("and other independent media").
const maxOtherGap = 2

// findOtherExamples reads the names listed before "and other <kind>" as
// organizations of that kind: "the New York Times, CNN, Daily Beast and
// other media", "Kanal 9 et d'autres médias". The other half of Hearst's
// patterns ("NP {, NP}* and other NP"), with the same evidence: the plural
// noun. A list that holds a person is no list of organizations, and a
// name a rule read as a place stays one.
func (s *entityScan) findOtherExamples() {
	for i := 1; i+1 < len(s.toks); i++ {
		if !isOtherWord(s.toks[i].key) || !listConjunctions[s.toks[i-1].key] || !s.joined(i-1) {
			continue
		}
		if !s.pluralKindAfter(i) {
			continue
		}
		var items [][2]int
		for end := i - 2; end >= 0 && len(items) < maxKindExamples; {
			start := end
			for start > 0 && end-start+1 < maxKindExampleWords && s.joined(start-1) &&
				(startsUpper(s.toks[start-1].key) && !commonCapitals[s.toks[start-1].lower] || s.at[start-1] >= 0 && s.at[start-1] == s.at[start]) {
				start--
			}
			if !startsUpper(s.toks[start].key) || commonCapitals[s.toks[start].lower] || s.startsSentence(start) && start == end {
				break
			}
			if m := s.at[start]; m >= 0 && s.found[m].kind == kindPerson {
				items = nil // people, not organizations
				break
			}
			items = append(items, [2]int{start, end + 1})
			if start == 0 || !s.exampleSeparated(start-1) || s.toks[start-1].possessive {
				break
			}
			end = start - 1
		}
		for _, it := range items {
			if s.holdsOtherName(it[0], it[1]) || s.at[it[0]] >= 0 || it[1]-it[0] == 1 && s.genericKind(it[0]) {
				continue // "NGOs and other associations" names no one
			}
			name := withoutPossessive(collapseSpace(s.text[s.toks[it[0]].start:s.toks[it[1]-1].end]))
			s.add(mention{name: s.g.canonicalOrg(name), kind: kindOrg, start: s.toks[it[0]].start, end: s.toks[it[1]-1].end}, it[0], it[1])
		}
	}
}

// pluralKindAfter reports whether a plural noun for a kind of organization
// (or "media") follows "other" at token i, a few words in small letters
// allowed between them.
func (s *entityScan) pluralKindAfter(i int) bool {
	for j := i + 1; j < len(s.toks) && j-i <= maxOtherGap+1 && s.joinedLoose(j-1); j++ {
		t := s.toks[j]
		if t.key != t.lower {
			return false
		}
		if kindPlurals[t.lower] || t.lower == "media" {
			return true
		}
	}
	return false
}

// genericKind reports whether token i names a kind, not one body: a plural
// noun for a kind ("Unions") or a generic acronym, plural or not ("NGOs").
func (s *entityScan) genericKind(i int) bool {
	lower := s.toks[i].lower
	return kindPlurals[lower] || genericAcronyms[lower] != 0 || genericAcronyms[strings.TrimSuffix(lower, "s")] != 0
}
