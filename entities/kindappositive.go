package entities

import "strings"

// maxAppositiveNameWords bounds the name an appositive explains.
const maxAppositiveNameWords = 3

// maxKindPhraseWords bounds the small words between a noun for a kind of
// organization and the comma before the name it describes ("la société
// publique d’électricité, la Steg").
const maxKindPhraseWords = 5

// appositiveArticles open the noun phrase of an appositive, in English,
// French, Spanish and Portuguese.
var appositiveArticles = wordSet(`the a an le la l un une el los las una o os`)

// findKindAppositives reads an organization that an appositive says is
// one, whichever side of the comma the name stands: "Tessera, the union
// of dock workers, said", "le président du Solvar, le syndicat national
// des pêcheurs", "la société publique d’électricité, la Velec". One word is
// enough, as the noun is the evidence; a name another rule read (a
// person's, a place's) is left alone, and so is a noun followed by a role
// ("Smith, the party leader") or a possessive ("the group's founder,
// Ana"). A general pattern of how prose introduces a body, not a list of
// names.
func (s *entityScan) findKindAppositives() {
	for k := 1; k < len(s.toks); k++ {
		t := s.toks[k]
		if t.key != t.lower || t.possessive || !(isOrgHead(t.lower, orgKindNoun) || kindsAfter[t.lower] || s.mediaKindAt(k)) ||
			!s.joined(k-1) || (k+1 < len(s.toks) && introduces(s.toks[k+1].lower)) {
			continue
		}
		if s.articleBefore(k) {
			s.kindThenName(k)
		}
		if !appositiveArticles[s.toks[k-1].lower] {
			// Modifiers between the article and the noun: "Mwananchi, a
			// Swahili daily", "X, an independent news site".
			if end, ok := s.appositiveKindAfterModifiers(k); ok {
				s.appositiveName(end, true)
			}
			continue
		}
		if k >= 2 && strings.TrimSpace(s.text[s.toks[k-2].end:s.toks[k-1].start]) == "," {
			s.appositiveName(k-2, false)
		}
		s.kindPhraseThenName(k)
	}
}

// articleBefore reports whether the noun at token k opens with an article
// in small letters, modifiers allowed between them: "a pan-regional
// Uzbek-language newspaper".
func (s *entityScan) articleBefore(k int) bool {
	for a := k - 1; a >= 0 && k-a-1 <= maxAppositiveModifiers; a-- {
		t := s.toks[a]
		if appositiveArticles[t.lower] && t.key == t.lower {
			return true
		}
		if !s.joined(a) || t.possessive || IsTitle(t.key) {
			return false
		}
	}
	return false
}

// relativesAfterName open the clause that goes on after an appositive name
// ("a newspaper, Siyosat, which …"). Lower case.
var relativesAfterName = wordSet(`which that qui que`)

// kindThenName reads "<article> <kind noun>, Name, which …": the name set
// off by commas right after the noun is the organization it describes
// ("a pan-regional newspaper, Siyosat, which translates …"). The clause
// after it must go on with a relative pronoun, a bracket or the
// sentence's end: "told the newspaper, Smith said" names no newspaper.
func (s *entityScan) kindThenName(k int) {
	from := k + 1
	if from >= len(s.toks) || strings.TrimSpace(s.text[s.toks[k].end:s.toks[from].start]) != "," {
		return
	}
	to := from
	for to < len(s.toks) && to-from < maxAppositiveNameWords && isOrgWord(s.toks[to].key) && s.at[to] < 0 && (to == from || s.joined(to-1)) {
		to++
	}
	if to == from || commonCapitals[s.toks[from].lower] || s.toks[to-1].possessive {
		return
	}
	after := strings.TrimLeft(s.text[s.toks[to-1].end:], " ")
	switch {
	case strings.HasPrefix(after, "(") || strings.HasPrefix(after, ".") && (to == len(s.toks) || !s.joined(to-1)):
	case strings.HasPrefix(after, ",") && to < len(s.toks) && relativesAfterName[s.toks[to].lower] &&
		strings.TrimSpace(s.text[s.toks[to-1].end:s.toks[to].start]) == ",":
	default:
		return
	}
	s.addAppositive(from, to)
}

// kindPhraseThenName reads "<kind noun> <small words>, <article> Name":
// the name after the comma is the organization the phrase describes.
func (s *entityScan) kindPhraseThenName(k int) {
	j := k
	for j+1 < len(s.toks) && j-k < maxKindPhraseWords && s.joinedLoose(j) {
		next := s.toks[j+1]
		if next.key != next.lower || next.possessive || introduces(next.lower) || IsTitle(next.key) {
			return
		}
		j++
	}
	if j+2 >= len(s.toks) || strings.TrimSpace(s.text[s.toks[j].end:s.toks[j+1].start]) != "," ||
		!appositiveArticles[s.toks[j+1].lower] || s.toks[j+1].key != s.toks[j+1].lower || !s.joined(j+1) {
		return
	}
	from := j + 2
	to := from
	for to < len(s.toks) && to-from < maxAppositiveNameWords && isOrgWord(s.toks[to].key) && s.at[to] < 0 && (to == from || s.joined(to-1)) {
		to++
	}
	// The name ends the clause: a comma, a full stop or a bracket after it,
	// not another capitalized word.
	if to == from || (to < len(s.toks) && s.joined(to-1)) {
		return
	}
	s.addAppositive(from, to)
}

// appositiveName reads the capitalized name that ends at token end, before
// the comma of an appositive. described says the appositive has
// modifiers before its noun ("a Swahili daily"), which "However, the
// union" has not: then one word opening a sentence is a name too, unless
// it is a sentence adverb or the text writes it in small letters.
func (s *entityScan) appositiveName(end int, described bool) {
	if s.at[end] >= 0 || !isOrgWord(s.toks[end].key) || s.toks[end].possessive {
		return
	}
	from := end
	for from > 0 && end-from+1 < maxAppositiveNameWords && isOrgWord(s.toks[from-1].key) && s.at[from-1] < 0 && s.joined(from-1) {
		from--
	}
	if from > 0 && s.joined(from-1) && startsUpper(s.toks[from-1].key) {
		return // a longer capitalized run: no name read whole
	}
	opener := s.startsSentence(from) && from == end &&
		(!described || sentenceAdverbs[s.toks[from].lower] || commaAdverbs[s.toks[from].lower] || s.writtenSmall(s.toks[from].lower))
	if commonCapitals[s.toks[from].lower] || opener || s.locativeBefore(from) {
		return // one word opening a sentence may be anything ("However,"), and one after "in" a place
	}
	s.addAppositive(from, end+1)
}

// addAppositive records tokens [from, to) as an organization.
func (s *entityScan) addAppositive(from, to int) {
	name := collapseSpace(s.text[s.toks[from].start:s.toks[to-1].end])
	s.add(mention{name: s.g.canonicalOrg(name), kind: kindOrg, start: s.toks[from].start, end: s.toks[to-1].end}, from, to)
}

// joinedLoose reports whether token j runs on into token j+1 within one
// clause: spaces between them, or an elided article or preposition ("d’",
// "l’", which the tokens leave out).
func (s *entityScan) joinedLoose(j int) bool {
	gap := strings.TrimSpace(s.text[s.toks[j].end:s.toks[j+1].start])
	if gap == "" {
		return true
	}
	gap = strings.TrimRight(gap, "’'")
	return len(gap) <= 2 && len(gap) < len(strings.TrimSpace(s.text[s.toks[j].end:s.toks[j+1].start])) && strings.ToLower(gap) == gap
}

// commaAdverbs open sentences before a comma, where an appositive's name
// could stand ("Yesterday, a local daily reported"), besides
// sentenceAdverbs. Lower case.
var commaAdverbs = wordSet(`yesterday today tomorrow earlier later moreover furthermore separately
	recently previously nevertheless finally first second`)
