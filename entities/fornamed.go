package entities

// forNameHeads are the plural nouns for people that open advocacy groups'
// names before "for": "Lawyers for Human Rights", "Youth for Change",
// "Students for a Democratic Society", "Mothers for Peace". A general
// pattern of English names of campaigning groups, not a list of them.
var forNameHeads = wordSet(`Citizens Doctors Families Friends Journalists Lawyers Mothers Parents
	Physicians Scientists Students Teachers Veterans Women Workers Youth`)

// maxForNameWords bounds the words after "for" in such a name.
const maxForNameWords = 5

// findForNamed reads "<people> for <Cause>" as an organization: the cause
// in capitals after "for" ("Youth for Change activists"). A cause that is a
// name read already, or a person the tagger reads ("Lawyers for Ana Ruiz
// said"), is a client, not a cause, and a cause in small letters ("Lawyers
// for the defence") is no name.
func (s *entityScan) findForNamed() {
	for i := 0; i+2 < len(s.toks); i++ {
		if !forNameHeads[s.toks[i].key] || s.at[i] >= 0 || s.toks[i+1].key != "for" || !s.joined(i) || !s.joined(i+1) {
			continue
		}
		j := i + 2
		if (s.toks[j].key == "a" || s.toks[j].key == "the") && j+1 < len(s.toks) && s.joined(j) && startsUpper(s.toks[j+1].key) {
			j++ // "Students for a Democratic Society"
		}
		to := j
		for to < len(s.toks) && to-j < maxForNameWords && (to == j || s.joined(to-1)) {
			t := s.toks[to]
			if isOrgWord(t.key) && s.at[to] < 0 {
				to++
				continue
			}
			if nameConnectors[t.key] && to+1 < len(s.toks) && s.joined(to) && isOrgWord(s.toks[to+1].key) {
				to++
				continue
			}
			break
		}
		if to == j || !startsUpper(s.toks[to-1].key) || s.taggedPersonAt(j) {
			continue
		}
		s.addAppositive(i, to)
		i = to - 1
	}
}

// taggedPersonAt reports whether the tagger read a person's name starting
// at token i.
func (s *entityScan) taggedPersonAt(i int) bool {
	for _, tn := range s.tagged {
		if tn.kind == kindPerson && tn.from <= i && i < tn.to {
			return true
		}
	}
	return false
}
