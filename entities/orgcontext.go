package entities

// orgStaffWords are the nouns in small letters that follow a body's name
// and say it has staff, members or a station: "the Radyo Vale station
// manager", "Tierra Viva spokesperson Ana Ruiz", "Kestrel Post staff".
// Keys are lower case.
var orgStaffWords = wordSet(`spokesperson spokesman spokeswoman director president chair chairman
	chairwoman chairperson founder co-founder members member staff employees workers station editor
	editor-in-chief secretary-general board`)

// orgMarginEnough reports whether the tagger's margin for an organization
// over tokens [from, to) is enough: minOrgMargin for two words or more, as
// measured on the gold set; minOrgContextMargin where the words around the
// name say it is a body (orgContext); and one word only with both the
// higher margin and that context, when it is no word organizations' names
// are made of ("the Council said" is a council the text named before).
func (s *entityScan) orgMarginEnough(from, to int, margin float32) bool {
	words := to - from
	switch {
	case words >= 2 && margin >= minOrgMargin:
		return true
	case words >= 2:
		return margin >= minOrgContextMargin && s.orgContext(from, to)
	}
	l := s.toks[from].lower
	return margin >= minOrgMargin && orgWords[l] == 0 && genericAcronyms[l] == 0 && !kindPlurals[l] &&
		!s.writtenSmall(l) && s.orgContext(from, to)
}

// orgContext reports whether the words around tokens [from, to) say they
// name a body: a verb of a statement after them ("Tierra Viva said",
// "… also appeals"), a noun for its staff or members ("Tierra Viva
// spokesperson"), or "member of", "members of" or "spokesperson for"
// before them. A general pattern of news prose, not a list of names.
func (s *entityScan) orgContext(from, to int) bool {
	if s.actsAfter(to - 1) {
		return true
	}
	if to < len(s.toks) && s.joined(to-1) && s.toks[to].key == s.toks[to].lower && orgStaffWords[s.toks[to].lower] {
		return true
	}
	j := from - 1
	if j >= 0 && orgArticles[s.toks[j].lower] {
		j--
	}
	if j < 1 || !s.joined(j) {
		return false
	}
	switch s.toks[j].lower {
	case "of":
		return s.toks[j-1].lower == "member" || s.toks[j-1].lower == "members"
	case "for":
		return s.toks[j-1].lower == "spokesperson" || s.toks[j-1].lower == "spokesman" || s.toks[j-1].lower == "spokeswoman"
	}
	return false
}
