package entities

import "strings"

// Bounds of the lists findOrgLists reads: how many items make a list, how
// many of them must be organizations already, and how many words an item
// may take.
const (
	minListItems     = 3
	minListOrgs      = 2
	maxListItemWords = 6
	// maxListItemBytes: a longer segment is prose, whatever its words;
	// the test spares splitting most of a text into words.
	maxListItemBytes = 120
)

// listConjunctions join a list's last item, in English, French, Spanish and
// Portuguese.
var listConjunctions = wordSet(`and or et ou y o e`)

// listItem is one item of a comma list: bytes [start, end) of the text,
// without a bracketed acronym after the name.
type listItem struct{ start, end int }

// findOrgLists reads the items of a list of organizations as organizations:
// in "the UNE, the UBES, Levante Popular da Juventude, Quizomba and the
// Marcha Mundial de Mulheres", two items the rules or the gazetteer know
// as organizations make the other capitalized items organizations too, as
// a list holds things of one kind ("signed by X, Y, Z and W"). An item a
// person's or a place's name covers is left alone, and so is a list with
// fewer than two organizations. A general pattern of how statements list
// bodies, not a list of names.
func (s *entityScan) findOrgLists() {
	orgs := 0
	for _, m := range s.found {
		if m.kind == kindOrg {
			orgs++
		}
	}
	if orgs < minListOrgs {
		return
	}
	var run []listItem
	flush := func() {
		s.readOrgList(run)
		run = run[:0]
	}
	for _, ln := range textLines(s.text) {
		start := ln[0]
		for start < ln[1] {
			end := start + strings.IndexAny(s.text[start:ln[1]], ",;.:!?")
			if end < start {
				end = ln[1]
			}
			seg := s.text[start:end]
			if end < ln[1] && s.text[end] == '.' && end+1 < ln[1] && s.text[end+1] != ' ' {
				// "U.N." or "Inc.": a dot inside a word ends no item.
				end = start + strings.IndexAny(s.text[start:ln[1]], ",;:!?")
				if end < start {
					end = ln[1]
				}
				seg = s.text[start:end]
			}
			items := s.segmentItems(start, seg)
			switch {
			case items == nil:
				flush()
				// "signed by Amnesty International, …": the clause
				// before the list ends with its first item.
				if it, ok := s.mentionClosing(start, seg); ok {
					run = append(run, it)
				}
			case len(items) == 1:
				run = append(run, items[0])
			default:
				// "X and Y": the conjunction closes the list.
				run = append(run, items...)
				flush()
			}
			if end < ln[1] && s.text[end] != ',' {
				flush() // a sentence or a clause ends the list
			}
			start = end + 1
		}
		flush()
	}
}

// segmentItems returns the list items of one comma-separated segment that
// starts at byte start: one name, or two joined by a conjunction; nil when
// the segment is no name ("grupos de cultura", "entre outros").
func (s *entityScan) segmentItems(start int, seg string) []listItem {
	trimmed := strings.TrimSpace(seg)
	if trimmed == "" || len(trimmed) > maxListItemBytes || !opensWithCapital(trimmed) {
		return nil
	}
	lead := start + strings.Index(seg, trimmed)
	// A bracketed acronym after the name is no part of the item's name.
	if open := strings.LastIndexByte(trimmed, '('); open > 0 && strings.HasSuffix(trimmed, ")") {
		trimmed = strings.TrimSpace(trimmed[:open])
	}
	words := strings.Fields(trimmed)
	for k := 1; k+1 < len(words); k++ {
		if listConjunctions[words[k]] {
			first := strings.Join(words[:k], " ")
			second := strings.Join(words[k+1:], " ")
			a, b := s.nameItem(lead, first), s.nameItem(lead+strings.Index(trimmed, second), second)
			if a != nil && b != nil {
				return []listItem{*a, *b}
			}
		}
	}
	if it := s.nameItem(lead, trimmed); it != nil {
		// "Signed by Amnesty International": the organization that ends
		// the words is the item.
		if m := s.mentionEndingAt(it.end); m >= 0 && s.found[m].start > it.start {
			it.start = s.found[m].start
		}
		return []listItem{*it}
	}
	return nil
}

// nameItem returns the item for name, written at byte start, when it reads
// as a name: a conjunction or an article allowed before it, a capital
// first, at most maxListItemWords words and one of them in small letters
// besides the connectors ("Juventude Pátria livre").
func (s *entityScan) nameItem(start int, name string) *listItem {
	words := strings.Fields(name)
	for len(words) > 1 && (listConjunctions[words[0]] || appositiveArticles[words[0]]) {
		start += strings.Index(s.text[start:], words[1])
		words = words[1:]
	}
	if len(words) == 0 || len(words) > maxListItemWords || !startsUpper(words[0]) {
		return nil
	}
	small := 0
	for _, w := range words[1:] {
		if !startsUpper(w) && !acronymConnectors[w] {
			small++
		}
	}
	if small > 1 {
		return nil
	}
	last := words[len(words)-1]
	end := start + strings.Index(s.text[start:], last) + len(last)
	return &listItem{start: start, end: end}
}

// readOrgList makes the unknown items of a list organizations when enough
// of its items are.
func (s *entityScan) readOrgList(items []listItem) {
	if len(items) < minListItems {
		return
	}
	orgs := 0
	for _, it := range items {
		if s.itemKind(it) == kindOrg {
			orgs++
		}
	}
	if orgs < minListOrgs {
		return
	}
	for _, it := range items {
		from, to := s.tokensIn(it.start, it.end)
		// An item that opens with a known name is that name and what
		// follows it ("Instituto Nupef - Núcleo de Pesquisas"), not a
		// longer one.
		if from == to || s.at[from] >= 0 || s.holdsOtherName(from, to) {
			continue
		}
		name := collapseSpace(s.text[it.start:it.end])
		s.absorb(mention{name: s.g.canonicalOrg(name), kind: kindOrg, start: it.start, end: it.end}, from, to)
	}
}

// itemKind returns the kind of the mention that covers the whole item, or
// "" when none does.
func (s *entityScan) itemKind(it listItem) entityKind {
	from, to := s.tokensIn(it.start, it.end)
	if from == to {
		return ""
	}
	if m := s.at[from]; m >= 0 && s.found[m].start <= it.start && s.found[m].end >= s.toks[to-1].end {
		return s.found[m].kind
	}
	return ""
}

// holdsOtherName reports whether a token in [from, to) belongs to a name
// that is no organization: a person's, a place's, a law's.
func (s *entityScan) holdsOtherName(from, to int) bool {
	for j := from; j < to; j++ {
		if m := s.at[j]; m >= 0 && s.found[m].kind != kindOrg {
			return true
		}
	}
	return false
}

// mentionClosing returns the item of the name a segment ends with (a
// bracketed acronym after it allowed), when a mention ends there.
func (s *entityScan) mentionClosing(start int, seg string) (listItem, bool) {
	trimmed := strings.TrimRight(seg, " ")
	if strings.HasSuffix(trimmed, ")") {
		if open := strings.LastIndexByte(trimmed, '('); open > 0 {
			trimmed = strings.TrimRight(trimmed[:open], " ")
		}
	}
	end := start + len(trimmed)
	if m := s.mentionEndingAt(end); m >= 0 {
		return listItem{start: s.found[m].start, end: end}, true
	}
	return listItem{}, false
}

// opensWithCapital reports whether a segment's first word, after a
// conjunction and an article, is capitalized: a cheap test that most
// segments of prose fail before they are split into words.
func opensWithCapital(seg string) bool {
	for range 3 {
		w, rest, _ := strings.Cut(seg, " ")
		if startsUpper(w) {
			return true
		}
		if !listConjunctions[w] && !appositiveArticles[w] {
			return false
		}
		seg = strings.TrimLeft(rest, " ")
	}
	return false
}
