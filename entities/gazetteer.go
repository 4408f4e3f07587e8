package entities

import (
	_ "embed"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// entityKind says what a name names.
type entityKind string

const (
	kindOrg    entityKind = "org"
	kindPerson entityKind = "person"
	kindPlace  entityKind = "place"
	// kindOther names treaties, laws and campaigns: not entities, but
	// recognised so that the words inside them are not taken for one.
	kindOther entityKind = "other"
	// kindCountry is a gazetteer kind only: a place that is a country, whose
	// mentions say which country "{country}" stands for.
	kindCountry entityKind = "country"
	// kindPlatform is a gazetteer kind only: an organization that is also a
	// medium people post on ("Facebook"), which names no organization
	// where the text posts on it ("leaked on Facebook", see
	// mediumBefore).
	kindPlatform entityKind = "platform"
)

// public is the Kind of the names of an entityKind; None for kindOther and
// kindCountry, which Find never returns.
func (k entityKind) public() Kind {
	switch k {
	case kindPerson:
		return Person
	case kindOrg:
		return Org
	case kindPlace:
		return Place
	}
	return None
}

// countrySlot in a canonical name stands for the country a document is
// about ("National Assembly of {country}").
const countrySlot = "{country}"

//go:embed gazetteer.tsv
var gazetteerTSV string

// subdivisionsTSV lists the world's states, provinces and regions from
// ISO 3166-2, one a line (go run ./entities/internal/subdivisions).
//
//go:embed subdivisions.tsv
var subdivisionsTSV string

// gazetteer holds the names the extractor knows. It is built once by
// loadGazetteer and only read afterwards.
type gazetteer struct {
	// byFirst maps the lower-cased first token of each alias to the aliases
	// starting with it, longest first, so matching tries the longest name.
	byFirst map[string][]alias
	// orgs maps a lower-cased organization alias or web domain to its
	// canonical name.
	orgs map[string]string
	// countries maps a country's canonical name to the form written after
	// "of" ("the Philippines").
	countries map[string]string
	// khmer are the names written in Khmer script, longest first, which
	// are matched as written (see matchKhmer).
	khmer []khmerAlias
	// demonymOf maps an English adjective of nationality to its country
	// ("Ugandan" → "Uganda"), for the adjectives demonyms makes.
	demonymOf map[string]string
	// subdivisions holds the names of states, provinces and regions
	// (subdivisions.tsv), which name a place only where nothing else
	// covers the words (findSubdivisions), unlike the aliases above.
	subdivisions map[string]bool
}

type alias struct {
	tokens []string // match keys, see token.key
	// possessive marks the words written with "’s" inside the name
	// ("Cambodian People’s Party").
	possessive []bool
	// exactCase: a name written in capitals ("ARTICLE 19") matches only so.
	exactCase bool
	canonical string
	kind      entityKind
	// medium: a platform's name (kindPlatform).
	medium bool
}

// loadGazetteer parses the embedded gazetteer.tsv.
func loadGazetteer() (*gazetteer, error) {
	g := &gazetteer{byFirst: map[string][]alias{}, orgs: map[string]string{}, countries: map[string]string{}}
	// abbreviations holds each country's short forms in capitals ("US",
	// "U.S.", "UK"), which name its government too ("the U.S. government").
	abbreviations := map[string][]string{}
	for n, line := range strings.Split(gazetteerTSV, "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) < 2 || len(fields) > 3 {
			return nil, fmt.Errorf("entities: gazetteer line %d: want kind, name and aliases separated by tabs", n+1)
		}
		kind, canonical := entityKind(fields[0]), strings.TrimSpace(fields[1])
		medium := false
		switch kind {
		case kindOrg, kindPerson, kindPlace, kindOther:
		case kindCountry:
			kind = kindPlace
			g.countries[canonical] = canonical
		case kindPlatform:
			kind, medium = kindOrg, true
		default:
			return nil, fmt.Errorf("entities: gazetteer line %d: unknown kind %q", n+1, kind)
		}
		if strings.Contains(canonical, countrySlot) && kind != kindOrg {
			return nil, fmt.Errorf("entities: gazetteer line %d: only organizations take %s", n+1, countrySlot)
		}
		names := []string{canonical}
		if len(fields) == 3 {
			names = append(names, strings.Split(fields[2], "|")...)
		}
		for _, name := range names {
			if strings.Contains(name, countrySlot) {
				continue // a template is resolved, never matched
			}
			if _, ok := g.countries[canonical]; ok && strings.HasPrefix(name, "the ") {
				g.countries[canonical] = name
			}
			if _, ok := g.countries[canonical]; ok && isCountryAbbreviation(name) {
				abbreviations[canonical] = append(abbreviations[canonical], name)
			}
			name = strings.TrimSpace(name)
			if kind == kindOrg {
				g.orgs[OrgKey(name)] = canonical
			}
			if isDomain(name) {
				continue // a domain names a site, it is not written in text
			}
			if isKhmer(name) {
				name = strings.ReplaceAll(name, "\u200b", "") // matchKhmer reads the text without them
				g.khmer = append(g.khmer, khmerAlias{name: name, canonical: canonical, kind: kind})
				continue
			}
			toks := ruleTokens(name)
			if len(toks) == 0 {
				return nil, fmt.Errorf("entities: gazetteer line %d: alias %q has no words", n+1, name)
			}
			a := alias{canonical: canonical, kind: kind, exactCase: len(toks) > 1 && strings.ToUpper(name) == name, medium: medium}
			for _, t := range toks {
				a.tokens = append(a.tokens, t.key)
				a.possessive = append(a.possessive, t.possessive)
			}
			first := strings.ToLower(a.tokens[0])
			g.byFirst[first] = append(g.byFirst[first], a)
		}
	}
	g.addGovernments(abbreviations)
	g.subdivisions = map[string]bool{}
	for _, line := range strings.Split(subdivisionsTSV, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			g.subdivisions[line] = true
		}
	}
	slices.SortStableFunc(g.khmer, func(a, b khmerAlias) int { return len(b.name) - len(a.name) })
	for _, as := range g.byFirst {
		slices.SortStableFunc(as, func(a, b alias) int { return len(b.tokens) - len(a.tokens) })
	}
	return g, nil
}

// addGovernments gives every country a government: "Government of Nepal",
// "Nepal Government", "Bangladesh authorities", "U.S. government" (with
// the country's abbreviations) name one organization, so
// the organization rule's "Government of Nepal" and the text's "Nepal
// authorities" meet in one facet. A government the gazetteer lists itself
// ("Royal Government of Cambodia", with "Cambodian authorities") keeps its
// name, and only the forms it lacks are added to it.
func (g *gazetteer) addGovernments(abbreviations map[string][]string) {
	demonyms := g.demonyms()
	g.demonymOf = map[string]string{}
	for country, ds := range demonyms {
		for _, d := range ds {
			g.demonymOf[d] = country
		}
	}
	// In name order, so that the aliases are the same on every load.
	for _, country := range slices.Sorted(maps.Keys(g.countries)) {
		of := g.countries[country]
		canonical, ok := g.orgs[OrgKey("Government of "+of)]
		if !ok {
			canonical = "Government of " + of
		}
		names := []string{"Government of " + of, country + " Government", country + " authorities"}
		for _, d := range demonyms[country] {
			names = append(names, d+" Government", d+" authorities")
		}
		for _, a := range abbreviations[country] {
			names = append(names, a+" Government", a+" authorities")
		}
		for _, name := range names {
			if _, known := g.orgs[OrgKey(name)]; known {
				continue
			}
			g.orgs[OrgKey(name)] = canonical
			a := alias{canonical: canonical, kind: kindOrg}
			for _, t := range ruleTokens(name) {
				a.tokens = append(a.tokens, t.key)
				a.possessive = append(a.possessive, t.possessive)
			}
			first := strings.ToLower(a.tokens[0])
			g.byFirst[first] = append(g.byFirst[first], a)
		}
	}
}

// demonymEnds are the ways English makes an adjective of a country's name:
// the name's last letters that go, and the ending that comes instead
// (Kenya → Kenyan, Ecuador → Ecuadorian, Taiwan → Taiwanese, Israel →
// Israeli, Mexico → Mexican, Turkey → Turkish, Italy → Italian, Germany →
// German, Chile → Chilean).
var demonymEnds = []struct{ drop, add string }{
	{"a", "an"}, {"", "ian"}, {"", "ese"}, {"", "i"}, {"o", "an"}, {"ey", "ish"},
	{"y", "ian"}, {"y", ""}, {"e", "ean"}, {"", "an"},
}

// demonyms returns, for each one-word country, the English adjectives its
// name makes by the common endings and that stand for no other country.
// Forms no language uses ("Kenyaese") cost only a map entry: only the
// adjectives a text writes are ever matched.
func (g *gazetteer) demonyms() map[string][]string {
	country := map[string]string{} // adjective → country; "" when two share it
	for c := range g.countries {
		if strings.Contains(c, " ") {
			continue // "United States", "South Sudan": their adjectives are no rule's
		}
		for _, e := range demonymEnds {
			base, ok := strings.CutSuffix(c, e.drop)
			if !ok || len(base) < 3 {
				continue
			}
			d := base + e.add
			if d == c {
				continue
			}
			if prev, seen := country[d]; seen && prev != c {
				country[d] = ""
				continue
			}
			country[d] = c
		}
	}
	out := map[string][]string{}
	for d, c := range country {
		if c != "" {
			out[c] = append(out[c], d)
		}
	}
	for _, ds := range out {
		slices.Sort(ds)
	}
	return out
}

// isCountryAbbreviation reports whether a country's alias is a short form
// in capitals, dots allowed ("US", "U.S.", "UK", "DRC"): one word of at
// most six characters.
func isCountryAbbreviation(name string) bool {
	return len(name) >= 2 && len(name) <= 6 && !strings.Contains(name, " ") && strings.ToUpper(name) == name && isAcronym(name)
}

func isDomain(name string) bool {
	return !strings.Contains(name, " ") && strings.Contains(name, ".") && strings.ToLower(name) == name
}

// canonicalOrg returns the canonical name of a known organization, or the
// name unchanged.
func (g *gazetteer) canonicalOrg(name string) string {
	if c, ok := g.orgs[OrgKey(name)]; ok {
		return c
	}
	return name
}

// knownOrg returns the canonical name of a known organization, web domains
// included ("www.amnesty.org").
func (g *gazetteer) knownOrg(name string) (string, bool) {
	c, ok := g.orgs[OrgKey(strings.TrimPrefix(name, "www."))]
	return c, ok
}
