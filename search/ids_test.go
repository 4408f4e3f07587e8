package search

import (
	"context"
	"slices"
	"testing"
)

// A request with IDs keeps only those statements, and the query still
// decides which of them match and what their snippets mark.
func TestEngine_Search_ids(t *testing.T) {
	e := testEngine(t)
	for _, tc := range []struct {
		name string
		r    Request
		want []string
	}{
		{"ids alone", Request{IDs: []string{"close", "late"}}, []string{"close", "late"}},
		{"query narrows the ids", Request{Query: "detained OR detention", IDs: []string{"detained", "late"}}, []string{"detained"}},
		{"unknown id", Request{IDs: []string{"no-such"}}, nil},
		{"with a filter", Request{IDs: []string{"detained", "detention", "close"}, Organizations: []string{"ADHOC"}}, []string{"detained", "detention"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := e.Search(context.Background(), tc.r)
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(res); !slices.Equal(got, tc.want) {
				t.Errorf("hits %v, want %v", got, tc.want)
			}
			if int(res.Total) != len(tc.want) {
				t.Errorf("total %d, want %d", res.Total, len(tc.want))
			}
		})
	}
	// The facets of everything are cached; a request with IDs must not
	// be answered from that cache.
	all, err := e.Search(context.Background(), Request{})
	if err != nil {
		t.Fatal(err)
	}
	one, err := e.Search(context.Background(), Request{IDs: []string{"late"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(all.Facets.Sources) < 2 || len(one.Facets.Sources) != 1 || one.Facets.Sources[0].Value != "FORUM-ASIA" {
		t.Errorf("sources of one statement %+v (of all %+v), want FORUM-ASIA alone", one.Facets.Sources, all.Facets.Sources)
	}
	res, err := e.Search(context.Background(), Request{Query: "detained", IDs: []string{"detained"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 || len(res.Hits[0].Snippets) == 0 {
		t.Fatalf("hits %+v, want detained with a snippet", res.Hits)
	}
}
