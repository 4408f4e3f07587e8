package entities

import (
	"strings"
	"unicode/utf8"
)

// nationPrefixes are the words news writes before a body's name to say
// whose it is, besides a country's name or adjective: "U.S. Justice
// Department", "UN Committee on …".
var nationPrefixes = map[string]bool{"US": true, "U.S.": true, "United States": true, "UN": true, "U.N.": true, "United Nations": true}

// linkOrgVariants makes one organization of the forms a text gives one
// body, where the rules or the tagger read each form as a name of its own
// (issue 14's in-document linking; general patterns, each with a table
// test of invented sentences in orglink_test.go):
//   - a name after a person's possessive is the name alone: "John Smith's
//     Justice Department" is the Justice Department;
//   - a name the text also writes with a country, "US", "UN" or their
//     adjective before it is that fuller name's body: "the Justice
//     Department" after "the U.S. Justice Department";
//   - a name that opens with a country's adjective is the one the text
//     writes with the country's name: "Ugandan Police Force" and "Uganda
//     Police Force";
//   - "<Adjective> Government" is "Government of <Place>" when the text
//     names the place the adjective is made from ("the Victorian
//     Government", "the Law Institute of Victoria"), as countries'
//     governments are named in the gazetteer;
//   - a name of two words or more that the text also writes with a
//     connector phrase after it is that fuller name's body, when only one
//     such name is written: "the Assembleia Legislativa" after "the
//     Assembleia Legislativa do estado do Ceará";
//   - "Gobierno de México", "Gouvernement du Mali" and "Governo do
//     Brasil" are the country's government, as the gazetteer names it
//     ("Government of Mexico"), where a country's name in any of its
//     languages follows;
//   - "U.N. X" is written "UN X", the gazetteer's form of the UN's bodies,
//     unless the text writes "United Nations X" too, the fuller form;
//   - a name in brackets right after another is its translation or other
//     name, and the body goes by the first, the name it uses itself
//     ("Sindicato Independiente de Trabajadores (Independent Workers'
//     Union)"); linkAcronyms does the same for an acronym.
//
// Names the gazetteer knows keep their canonical names.
func (s *entityScan) linkOrgVariants() {
	defer s.linkGlosses()
	var orgs []orgForm
	for i, m := range s.found {
		if m.kind != kindOrg {
			continue
		}
		s.cutPossessor(i)
		surface := s.surface(s.found[i])
		orgs = append(orgs, orgForm{at: i, surface: surface, key: OrgKey(surface)})
	}
	for _, o := range orgs {
		m := &s.found[o.at]
		surface := o.surface
		if m.name != surface {
			continue // the gazetteer's or a definition's name
		}
		if _, known := s.g.orgs[o.key]; known {
			continue
		}
		if name, ok := s.prefixedForm(o, orgs); ok {
			m.name = name
			continue
		}
		if name, ok := s.longerForm(o, orgs); ok {
			m.name = name
			continue
		}
		first, rest, _ := strings.Cut(surface, " ")
		if rest == "" {
			continue
		}
		if name, ok := s.romanceGovernment(first, rest); ok {
			m.name = name
			continue
		}
		if first == "UN" || first == "U.N." {
			// "UN Committee on …" after "United Nations Committee on
			// …": the fuller form the text writes is the name.
			if name, ok := s.formWritten("United Nations "+rest, orgs); ok {
				m.name = name
				continue
			}
		}
		switch {
		case first == "U.N.":
			m.name = "UN " + rest
		case rest == "Government" || rest == "government":
			if place, ok := s.placeOfAdjective(first); ok {
				m.name = "Government of " + place
			}
		}
	}
}

// orgForm is an organization's mention as linkOrgVariants compares it:
// its index in found, its surface and the surface's OrgKey.
type orgForm struct {
	at           int
	surface, key string
}

// surface is a mention as the text writes it, spacing collapsed and a
// possessive "’s" dropped.
func (s *entityScan) surface(m mention) string {
	return withoutPossessive(collapseSpace(s.text[m.start:m.end]))
}

// prefixedForm returns the name of another organization of the text written
// as surface with a nation's name, adjective, "US" or "UN" before it; or,
// when surface opens with a country's adjective, the one written with the
// country's name instead.
func (s *entityScan) prefixedForm(o orgForm, orgs []orgForm) (string, bool) {
	first, rest, _ := strings.Cut(o.surface, " ")
	countryKey := ""
	if country := s.g.demonymOf[first]; country != "" && rest != "" {
		countryKey = OrgKey(country + " " + rest)
	}
	for _, other := range orgs {
		// Surfaces are compared by key; the prefix is cut from the surface,
		// which the folding of typographic marks may have made longer or
		// shorter than the key.
		if len(other.key) > len(o.key) && len(other.surface) > len(o.surface) && strings.HasSuffix(other.key, " "+o.key) {
			if prefix := strings.TrimSpace(other.surface[:len(other.surface)-len(o.surface)]); s.nationPrefix(prefix) {
				return s.found[other.at].name, true
			}
		}
		if countryKey != "" && other.key == countryKey {
			return s.found[other.at].name, true
		}
	}
	return "", false
}

// formWritten returns the name of the organization of the text written as
// surface, if there is one.
func (s *entityScan) formWritten(surface string, orgs []orgForm) (string, bool) {
	key := OrgKey(surface)
	for _, o := range orgs {
		if o.key == key {
			return s.found[o.at].name, true
		}
	}
	return "", false
}

// nationPrefix reports whether p, written before a body's name, says which
// nation it belongs to.
func (s *entityScan) nationPrefix(p string) bool {
	if nationPrefixes[p] {
		return true
	}
	if _, ok := s.g.countries[p]; ok {
		return true
	}
	_, ok := s.g.demonymOf[p]
	return ok
}

// placeOfAdjective finds, among the capitalized words of the text, the place
// that adj is the English adjective of by the endings countries' adjectives
// take (demonymEnds: "Victorian" from "Victoria", "Ontarian" from
// "Ontario"), and reports whether one is written there.
func (s *entityScan) placeOfAdjective(adj string) (string, bool) {
	if !startsUpper(adj) || utf8.RuneCountInString(adj) < 5 {
		return "", false
	}
	for _, e := range demonymEnds {
		base, ok := strings.CutSuffix(adj, e.add)
		if !ok || e.add == "" || len(base) < 3 {
			continue
		}
		place := base + e.drop
		for _, t := range s.toks {
			if t.key == place {
				return place, true
			}
		}
	}
	return "", false
}

// cutPossessor starts organization i after a person's possessive inside
// it ("John Smith's Justice Department" → "Justice Department"): a name
// in capitals before "’s" that the text never writes in small letters, and
// an organization's head word after it. "People's" and "Women's" in a
// party's or a league's name are common nouns, written small elsewhere,
// and the gazetteer's names are left whole.
func (s *entityScan) cutPossessor(i int) {
	m := &s.found[i]
	if m.name != s.surface(*m) {
		return
	}
	from, to := s.tokensIn(m.start, m.end)
	for j := from; j+1 < to; j++ {
		t := s.toks[j]
		if !t.possessive {
			continue
		}
		if !startsUpper(t.key) || s.writtenSmall(t.lower) || !isOrgHead(s.toks[to-1].lower, orgHead|orgRuleHead) || to-(j+1) < 2 {
			return
		}
		m.start = s.toks[j+1].start
		m.name = collapseSpace(s.text[m.start:m.end])
		return
	}
}

// linkGlosses gives an organization written in brackets right after
// another organization ("Name (Other Name)") the first one's name.
func (s *entityScan) linkGlosses() {
	for i := range s.found {
		m := &s.found[i]
		if m.kind != kindOrg || m.start == 0 || !strings.HasPrefix(s.text[m.end:], ")") {
			continue
		}
		before := strings.TrimRight(s.text[:m.start], " ")
		if !strings.HasSuffix(before, "(") {
			continue
		}
		prev := s.mentionEndingAt(len(strings.TrimRight(strings.TrimSuffix(before, "("), " ")))
		if prev >= 0 && s.found[prev].name != m.name {
			m.name = s.found[prev].name
		}
	}
}

// mentionEndingAt returns the index in found of the longest organization
// that ends at byte end of the text (not a shorter one inside it:
// "Volkswagen" in "Sindicato … Volkswagen"), or -1.
func (s *entityScan) mentionEndingAt(end int) int {
	best := -1
	for i, m := range s.found {
		if m.end == end && m.kind == kindOrg && (best < 0 || m.start < s.found[best].start) {
			best = i
		}
	}
	return best
}

// longerForm returns the name of the one other organization of the text
// written as o with a connector phrase after it ("Law Institute" → "Law
// Institute of Victoria"), or false when there is none or more than one.
func (s *entityScan) longerForm(o orgForm, orgs []orgForm) (string, bool) {
	if !strings.Contains(o.surface, " ") {
		return "", false // "Ministry" alone names any of them
	}
	name, n := "", 0
	for _, other := range orgs {
		rest, ok := strings.CutPrefix(other.key, o.key+" ")
		if !ok {
			continue
		}
		// "of", "de": a connector phrase; "and", "y": another name.
		connector, _, _ := strings.Cut(rest, " ")
		if !acronymConnectors[connector] || listConjunctions[connector] {
			continue
		}
		if other := s.found[other.at].name; other != name {
			name = other
			n++
		}
	}
	return name, n == 1
}

// isRomanceGovernmentWord reports whether lower is "government" in
// French, Spanish or Portuguese. A switch, not a map: findAdjective
// Governments asks it of every word.
func isRomanceGovernmentWord(lower string) bool {
	switch lower {
	case "gobierno", "gouvernement", "governo":
		return true
	}
	return false
}

// romanceConnectors join a government word to its country's name, longest
// first: "de los Estados Unidos", "du Mali", "do Brasil".
var romanceConnectors = []string{"de los ", "de las ", "de la ", "de l’", "de l'", "del ", "des ", "dos ", "das ", "de ", "du ", "do ", "da ", "d’", "d'"}

// romanceGovernment returns the name of the government a French, Spanish
// or Portuguese name such as "Gobierno de México" stands for, from its
// first word and the rest: the gazetteer's "Government of" the country
// the rest names.
func (s *entityScan) romanceGovernment(first, rest string) (string, bool) {
	if !isRomanceGovernmentWord(strings.ToLower(first)) {
		return "", false
	}
	lower := strings.ToLower(rest)
	for _, c := range romanceConnectors {
		if !strings.HasPrefix(lower, c) {
			continue
		}
		country, ok := s.countryNamed(rest[len(c):])
		if !ok {
			return "", false
		}
		name, ok := s.g.orgs[OrgKey("Government of "+s.g.countries[country])]
		return name, ok
	}
	return "", false
}

// countryNamed returns the country whose gazetteer name, in any language,
// is the whole of name.
func (s *entityScan) countryNamed(name string) (string, bool) {
	toks := ruleTokens(name)
	if len(toks) == 0 {
		return "", false
	}
	for _, a := range s.g.byFirst[strings.ToLower(toks[0].key)] {
		if _, country := s.g.countries[a.canonical]; !country || a.kind != kindPlace || len(a.tokens) != len(toks) {
			continue
		}
		same := true
		for i, t := range toks {
			same = same && a.tokens[i] == t.key
		}
		if same {
			return a.canonical, true
		}
	}
	return "", false
}
