package indexer

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestFacets_OneNamePerOrganization extracts the gold documents (the five
// seeds first, then the rest) and checks that no two organization names
// they yield name one entity: a facet that lists "CCHR" beside "Cambodian
// Center for Human Rights" splits one NGO's statements in two. Two names
// are one entity when a gold record lists one as the other's alias, or when
// the gazetteer maps both to one canonical name.
func TestFacets_OneNamePerOrganization(t *testing.T) {
	golds, err := readGold("testdata/gold")
	if err != nil {
		t.Fatal(err)
	}
	e, err := NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	entity := map[string]string{} // orgKey of any name → canonical gold name
	for _, g := range golds {
		for _, o := range g.Organizations {
			for _, n := range append([]string{o.Name}, o.Aliases...) {
				entity[orgKey(n)] = o.Name
			}
		}
	}
	for _, scope := range []struct {
		name string
		only func(string) bool
	}{
		{"seeds", func(f string) bool { return strings.HasPrefix(f, "seed_") }},
		{"gold set", func(string) bool { return true }},
	} {
		t.Run(scope.name, func(t *testing.T) {
			facet := map[string]string{} // entity → the extracted name that stands for it
			for _, g := range golds {
				if !scope.only(g.File) {
					continue
				}
				st, err := e.extractGold("testdata/gold", g)
				if err != nil {
					t.Fatal(err)
				}
				for _, name := range st.Organizations {
					if c := e.names.CanonicalOrg(name); c != name {
						t.Errorf("%s: %q is an alias of %q", filepath.Base(g.File), name, c)
					}
					id, ok := entity[orgKey(name)]
					if !ok {
						id = name
					}
					if other, seen := facet[id]; seen && other != name {
						t.Errorf("%s: %q and %q are one organization (%s) under two names", filepath.Base(g.File), other, name, id)
					}
					facet[id] = name
				}
			}
			if len(facet) == 0 {
				t.Fatal("no organizations extracted")
			}
		})
	}
}

func TestEvaluate_ScoreNames(t *testing.T) {
	gold := []goldEntity{
		{Name: "Cambodian Center for Human Rights", Aliases: []string{"CCHR", "Cambodian Centre for Human Rights"}},
		{Name: "Hun Sen"},
	}
	tests := []struct {
		name           string
		got            []string
		want           Score
		extra, missing []string
	}{
		{"canonical names, case and apostrophes aside", []string{"cambodian center for human rights", "Hun Sen"}, Score{TP: 2}, nil, nil},
		{"an alias splits the facet", []string{"CCHR", "Hun Sen"}, Score{TP: 1, FP: 1, FN: 1, Aliases: 1}, []string{"CCHR (an alias)"}, []string{"Cambodian Center for Human Rights"}},
		{"a fragment is a false positive", []string{"Share", "Hun Sen", "Cambodian Center for Human Rights"}, Score{TP: 2, FP: 1}, []string{"Share"}, nil},
		{"a name twice counts once", []string{"Hun Sen", "Hun Sen"}, Score{TP: 1, FP: 1, FN: 1}, []string{"Hun Sen"}, []string{"Cambodian Center for Human Rights"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, extra, missing := scoreNames(tt.got, gold)
			if s != tt.want || !slices.Equal(extra, tt.extra) || !slices.Equal(missing, tt.missing) {
				t.Errorf("got %+v extra %q missing %q, want %+v extra %q missing %q", s, extra, missing, tt.want, tt.extra, tt.missing)
			}
		})
	}
}
