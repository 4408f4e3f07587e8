package entities

import "strings"

// This file sets aside the staff a news wire credits at the end of a
// story: "(Reporting by Ana Ruiz in Lima and Tom Berg in Quito; Editing by
// Jo Smith)", "Writing by …; Edited by …". They wrote or edited the story
// and are none of the people it is about; read as names they fill the
// people facet of every reprinted wire story. A general pattern of wire
// credit lines, not a list of anyone's names; the places named in them
// ("in Lima") are read as places still.

// wireCreditVerbs open a credit when "by" follows them: "Reporting by",
// "Additional reporting by", "Edited by". Keys are lower case.
var wireCreditVerbs = wordSet(`reporting writing editing written edited compiled`)

// markWireCredits marks the names in a wire's credit line as no entity.
// The credit opens its line inside brackets ("(Reporting by …", "(Additional
// reporting by …"), and runs to the line's end; a capitalised word there is
// a name unless "in", "from" or "at" stands before it. The brackets set
// the wire's credit apart from the story; an unbracketed line ("Reporting
// by X; Editing by Y", "Edited By: X" under a page's story) is left to
// the other rules, as the gold set labels those people (its Reuters
// story and a seed statement).
func (s *entityScan) markWireCredits() {
	for i := 0; i+1 < len(s.toks); i++ {
		if s.toks[i+1].lower != "by" || !wireCreditVerbs[s.toks[i].lower] || !s.adjacent(i) || !s.opensCredit(i) {
			continue
		}
		lineEnd := strings.IndexByte(s.text[s.toks[i].end:], '\n')
		if lineEnd < 0 {
			lineEnd = len(s.text)
		} else {
			lineEnd += s.toks[i].end
		}
		j := i + 2
		for ; j < len(s.toks) && s.toks[j].start < lineEnd; j++ {
			if s.at[j] >= 0 || !startsUpper(s.toks[j].key) || wireCreditVerbs[s.toks[j].lower] {
				continue
			}
			if k := j - 1; !(s.adjacent(k) && s.at[k] < 0 && startsUpper(s.toks[k].key)) && creditPlaceWords[s.toks[k].lower] {
				// "in Dubai": the place, and the words joined to it.
				for j+1 < len(s.toks) && s.adjacent(j) && startsUpper(s.toks[j+1].key) {
					j++
				}
				continue
			}
			s.add(mention{kind: kindOther, start: s.toks[j].start, end: s.toks[j].end}, j, j+1)
		}
		i = j - 1
	}
}

// creditPlaceWords put a place after them in a credit line: "Reporting by
// Ana Ruiz in Lima", "from Geneva".
var creditPlaceWords = wordSet(`in from at`)

// opensCredit reports whether token i opens its line after an opening
// bracket, with "Additional" between them at most.
func (s *entityScan) opensCredit(i int) bool {
	from := i
	if i > 0 && s.toks[i-1].lower == "additional" && s.adjacent(i-1) {
		from = i - 1
	}
	lineStart := strings.LastIndexByte(s.text[:s.toks[from].start], '\n') + 1
	return strings.TrimSpace(s.text[lineStart:s.toks[from].start]) == "("
}
