package entities

import "strings"

// addressees are the words a letter's salutation greets people or groups
// of people with, which name no body: "Dear Friends and Colleagues", "Dear
// Sir or Madam", "Dear Fellow Members". Keys are lower case.
var addressees = wordSet(`friends friend colleagues colleague sir sirs madam madame editor editors members
	member comrades comrade readers reader supporters supporter all everyone fellow brothers sisters
	team partners partner customer customers citizens residents parents students delegates excellency
	excellencies honourable honorable distinguished respected esteemed chers chères cher chère
	estimados estimadas estimado estimada queridos queridas querido querida prezados prezadas`)

// maxSalutationWords bounds the name a salutation greets.
const maxSalutationWords = 4

// findSalutations reads the body a letter greets by name as an
// organization: a line that opens "Dear" and greets two capitalised words
// or more ("Dear Kestrel Weekly,", "Dear Vale Post:"), as letters to a
// newspaper or to an institution do. People are greeted so too, so a name
// the rules or the tagger read as a person's, or one that holds a title,
// an honorific or a word for people ("Dear Fellow Members"), is left
// alone, and so is one word ("Dear Maria,"). A general pattern of letters,
// not a list of names.
func (s *entityScan) findSalutations() {
	for i := 0; i+2 < len(s.toks); i++ {
		if s.toks[i].key != "Dear" || !s.startsLine(i) || !s.joined(i) {
			continue
		}
		from, to := i+1, i+1
		for to < len(s.toks) && to-from < maxSalutationWords && (to == from || s.joined(to-1)) && s.at[to] < 0 &&
			isOrgWord(s.toks[to].key) && personWords[s.toks[to].lower] == 0 && !addressees[s.toks[to].lower] {
			to++
		}
		if to-from < 2 || to < len(s.toks) && !s.lineEndsAt(to-1) || s.taggedPersonOver(from, to) {
			continue
		}
		name := collapseSpace(s.text[s.toks[from].start:s.toks[to-1].end])
		s.add(mention{name: s.g.canonicalOrg(name), kind: kindOrg, start: s.toks[from].start, end: s.toks[to-1].end}, from, to)
	}
}

// lineEndsAt reports whether a comma or a colon, and then the end of the
// line, follow token j: the salutation's punctuation.
func (s *entityScan) lineEndsAt(j int) bool {
	rest := s.text[s.toks[j].end:]
	if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
		rest = rest[:nl]
	}
	rest = strings.TrimSpace(rest)
	return rest == "," || rest == ":"
}

// taggedPersonOver reports whether the tagger read a person over any of
// tokens [from, to), at whatever margin.
func (s *entityScan) taggedPersonOver(from, to int) bool {
	for _, tn := range s.tagged {
		if tn.kind == kindPerson && tn.from < to && tn.to > from {
			return true
		}
	}
	return false
}
