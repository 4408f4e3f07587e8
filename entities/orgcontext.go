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
		s.orgContext(from, to) && !s.writtenSmall(l)
}

// orgContext reports whether the words around tokens [from, to) say they
// name a body: a verb of a statement after them ("Tierra Viva said",
// "… also appeals"), a noun for its staff or members ("Tierra Viva
// spokesperson", "Tierra Viva's director"), or before them "member of",
// "members of", "spokesperson for", "according to", or "by" or "from"
// after what a body issues ("a report by"). A general pattern of news
// prose, not a list of names.
func (s *entityScan) orgContext(from, to int) bool {
	if s.actsAfter(to - 1) {
		return true
	}
	if to < len(s.toks) && s.joined(to-1) && s.toks[to].key == s.toks[to].lower && orgStaffWords[s.toks[to].lower] {
		return true
	}
	j := from - 1
	if j >= 0 && (orgArticles[s.toks[j].lower] || appositiveArticles[s.toks[j].lower]) && s.toks[j].key == s.toks[j].lower {
		j--
	}
	if j < 1 || !s.joined(j) || !s.joined(j-1) {
		return false
	}
	before := s.toks[j-1].lower
	switch s.toks[j].lower {
	case "of":
		return before == "member" || before == "members"
	case "for":
		return before == "spokesperson" || before == "spokesman" || before == "spokeswoman"
	case "to":
		return before == "according"
	case "by", "from":
		return statementNouns[before]
	}
	return false
}

// statementNouns are what a body issues, which "by" or "from" after them
// attributes: "a report by Tierra Viva", "a statement from the KJU".
var statementNouns = wordSet(`report reports statement statements study survey investigation communiqué
	declaration letter complaint petition appeal press release`)
