package entities

import "strings"

// This file reads the people a text names only as far as someone let it:
// "a man identified only as Sharakhmatullaev", "a bishop who would give
// his name only as Paul", "a woman identified as Ana Ruiz". The words
// before "as" say a person's name follows, even one word of it, which no
// title or full name elsewhere introduces. A general pattern of reportage
// in English, not a list of anyone's names.

// namedAsVerbs put a person's name after "as", with "only" or "simply"
// between them or not: "identified as", "his name as". Keys are lower
// case.
var namedAsVerbs = wordSet(`identified name`)

// namedAsHedges may stand between the verb and "as": "identified only as".
var namedAsHedges = wordSet(`only simply just`)

// findNamedAs reads the name after "identified as" or "(gave) his name
// as" as a person's: one to four capitalised name words that no name
// covers, ending there, none a nationality, a place or a word the text
// writes small. "Name" needs a possessive before it ("his name as"), as
// "under the name as" is no person's.
func (s *entityScan) findNamedAs() {
	for i := 2; i+1 < len(s.toks); i++ {
		if s.toks[i].lower != "as" || !s.adjacent(i) {
			continue
		}
		v := i - 1
		if namedAsHedges[s.toks[v].lower] && s.adjacent(v-1) {
			v--
		}
		if !s.adjacent(v) || !namedAsVerbs[s.toks[v].lower] ||
			s.toks[v].lower == "name" && (v == 0 || !possessiveDeterminers[s.toks[v-1].lower]) {
			continue
		}
		from := i + 1
		n := s.nameRun(from)
		if n == 0 {
			continue
		}
		end := from + n
		if end < len(s.toks) && s.adjacent(end-1) && startsUpper(s.toks[end].key) && !s.toks[end-1].possessive {
			continue // the run stopped inside a longer name
		}
		ok := true
		for j := from; j < end; j++ {
			if !s.plainNameWord(j) || s.g.subdivisions[s.toks[j].key] {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		name := withoutPossessive(collapseSpace(s.text[s.toks[from].start:s.toks[end-1].end]))
		s.add(mention{name: strings.TrimSpace(name), kind: kindPerson, start: s.toks[from].start, end: s.toks[end-1].end}, from, end)
		i = end - 1
	}
}
