package search

import (
	"context"
	"testing"

	"github.com/advosearch/advosearch/index"
)

// TestEngine_deletedStatement checks what a deleted statement leaves
// behind: its record must never count or match, and its words must not be
// suggested, though Bleve keeps them in its term dictionaries until the
// segment is merged away.
func TestEngine_deletedStatement(t *testing.T) {
	ctx := context.Background()
	ix, err := index.Open(t.TempDir(), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	stmts := []index.Statement{
		{ID: "gone", Title: "Retracted", Body: "The Vorachak family was evicted.", Source: "Retracting NGO",
			Organizations: []string{"Retracting NGO"}, Places: []string{"Kampot"}, Hash: "h"},
		{ID: "kept", Title: "Kept", Body: "Families in Kampot were evicted.", Source: "LICADHO", Places: []string{"Kampot"}},
	}
	if err := ix.Write(stmts, nil); err != nil {
		t.Fatal(err)
	}
	e := New(ix)
	if res, err := e.Search(ctx, Request{Query: "Vorachek"}); err != nil || res.Suggestion != "Vorachak" {
		t.Fatalf("before: suggestion %q, %v; want Vorachak", res.Suggestion, err)
	}
	if _, err := ix.Delete(ctx, []string{"gone"}); err != nil {
		t.Fatal(err)
	}

	for _, q := range []string{"", "evicted", "NOT kampot", "published:<2100"} {
		res, err := e.Search(ctx, Request{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			if h.ID == "gone" {
				t.Errorf("%q: the deleted statement is a hit", q)
			}
		}
		if q == "" && res.Total != 1 {
			t.Errorf("match-all: total %d, want 1", res.Total)
		}
	}
	res, err := e.Search(ctx, Request{Query: "evicted"})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range [][]FacetValue{res.Facets.Sources, res.Facets.Organizations} {
		for _, v := range f {
			if v.Value == "Retracting NGO" {
				t.Errorf("facet value %+v of the deleted statement", v)
			}
		}
	}
	if n, _ := e.Count(); n != 1 {
		t.Errorf("Count = %d, want 1", n)
	}
	if res, err := e.Search(ctx, Request{Query: "Vorachek"}); err != nil || res.Suggestion != "" {
		t.Errorf("after: suggestion %q, %v; want none: the word was only in the deleted statement", res.Suggestion, err)
	}
}
