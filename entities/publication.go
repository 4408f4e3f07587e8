package entities

// maxPressNameWords bounds the name read before "went to press".
const maxPressNameWords = 4

// findWentToPress reads the publication in "as X went to press": only a
// newspaper or magazine goes to press, so the capitalized words between
// "as" and "went to press" name one ("as the Harbour Herald went to
// press"), even one word long. A general idiom of the press, not a list of
// publications.
func (s *entityScan) findWentToPress() {
	for i := 2; i+2 < len(s.toks); i++ {
		if s.toks[i].lower != "went" || s.toks[i+1].lower != "to" || s.toks[i+2].lower != "press" || !s.joined(i) || !s.joined(i+1) {
			continue
		}
		from := i
		for from > 0 && i-from < maxPressNameWords && startsUpper(s.toks[from-1].key) && s.toks[from-1].lower != "as" && s.joined(from-1) {
			from--
		}
		if from == i || !s.afterAs(from) {
			continue
		}
		if m := s.at[from]; m >= 0 {
			continue // a name already read
		}
		name := collapseSpace(s.text[s.toks[from].start:s.toks[i-1].end])
		s.absorb(mention{name: s.g.canonicalOrg(name), kind: kindOrg, start: s.toks[from].start, end: s.toks[i-1].end}, from, i)
	}
}

// afterAs reports whether "as", or "as the", stands right before token j.
func (s *entityScan) afterAs(j int) bool {
	if j > 1 && s.toks[j-1].key == "the" {
		j--
	}
	return j > 0 && s.toks[j-1].lower == "as" && nameGap(s.text[s.toks[j-1].end:s.toks[j].start])
}
