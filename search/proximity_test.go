package search

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/advosearch/advosearch/bench"
	"github.com/advosearch/advosearch/corpus"
	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/indexer"
	bsearch "github.com/blevesearch/bleve/v2/search"
)

func TestEngine_Search_proximityNearNotFar(t *testing.T) {
	ix, err := index.Open(t.TempDir(), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	filler := strings.Repeat("the statement continues with other matters entirely ", 4) // 28 words
	stmts := []index.Statement{
		{ID: "near-order", Source: "LICADHO", Body: "Prime Minister Hun Sen ordered the closure of CCHR on Monday."},                  // 4 words between
		{ID: "near-reversed", Source: "Amnesty International", Body: "CCHR was founded by Kem Sokha, and Hun Sen now wants it shut."}, // reversed, 7 between
		{ID: "near-title", Source: "LICADHO", Title: "Hun Sen threatens CCHR", Body: "Nothing here."},
		{ID: "far", Source: "Amnesty International", Body: "Hun Sen spoke. " + filler + "Later CCHR answered."},
		{ID: "one-word", Source: "ISHR", Body: "Hun Sen spoke about many NGOs."},
	}
	if err := ix.Write(stmts, nil); err != nil {
		t.Fatal(err)
	}
	e := New(ix)
	for _, tt := range []struct {
		q       string
		want    []string
		sources map[string]int
	}{
		{`"Hun Sen CCHR"~10`, []string{"near-order", "near-reversed", "near-title"}, map[string]int{"LICADHO": 2, "Amnesty International": 1}},
		{`"Hun Sen CCHR"~4`, []string{"near-order", "near-title"}, map[string]int{"LICADHO": 2}},
		{`"Hun Sen CCHR"~40`, []string{"far", "near-order", "near-reversed", "near-title"}, map[string]int{"LICADHO": 2, "Amnesty International": 2}},
		{`body:"Hun Sen CCHR"~10`, []string{"near-order", "near-reversed"}, map[string]int{"LICADHO": 1, "Amnesty International": 1}},
	} {
		t.Run(tt.q, func(t *testing.T) {
			// One hit a page: totals and facets must come from the engine,
			// not from filtering the page.
			var got []string
			var total uint64
			var sources map[string]int
			for page := 1; ; page++ {
				res, err := e.Search(context.Background(), Request{Query: tt.q, Size: 1, Page: page})
				if err != nil {
					t.Fatal(err)
				}
				if page == 1 {
					total = res.Total
					sources = map[string]int{}
					for _, f := range res.Facets.Sources {
						sources[f.Value] = f.Count
					}
				}
				if len(res.Hits) == 0 {
					break
				}
				got = append(got, res.Hits[0].ID)
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.want) || total != uint64(len(tt.want)) {
				t.Errorf("matched %v (total %d), want %v", got, total, tt.want)
			}
			if fmt.Sprint(sources) != fmt.Sprint(tt.sources) {
				t.Errorf("source facet %v, want %v", sources, tt.sources)
			}
		})
	}
}

// BenchmarkEngine_Search_proximityVsPhrase compares "a b"~N with the plain
// phrase over 10,000 generated statements. Building the index takes about
// half a minute: go test -run '^$' -bench proximityVsPhrase -benchtime 200x ./search/
func BenchmarkEngine_Search_proximityVsPhrase(b *testing.B) {
	var buf bytes.Buffer
	if err := bench.Generate(&buf, 10_000, 1); err != nil {
		b.Fatal(err)
	}
	var docs []corpus.Document
	lines := bufio.NewScanner(&buf)
	lines.Buffer(nil, 1<<20)
	for i := 0; lines.Scan(); i++ {
		docs = append(docs, corpus.Document{ID: fmt.Sprint(i), Name: fmt.Sprint("gen:", i),
			ContentType: corpus.TypeJSONL, Body: bytes.Clone(lines.Bytes())})
	}
	ix, err := index.Open(b.TempDir(), index.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	in, err := indexer.New(ix, indexer.Options{BatchSize: 1000})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := in.Documents(context.Background(), docs); err != nil {
		b.Fatal(err)
	}
	e := New(ix)
	for _, q := range []string{
		`"arbitrary detention"`, `"arbitrary detention"~0`, `"arbitrary detention"~5`,
		`"human rights"`, `"human rights"~5`,
		`"Hun Sen" "Kem Sokha"`, `"Hun Sen Kem Sokha"~10`,
	} {
		b.Run(q, func(b *testing.B) {
			var total uint64
			for i := 0; i < b.N; i++ {
				res, err := e.Search(context.Background(), Request{Query: q})
				if err != nil {
					b.Fatal(err)
				}
				total = res.Total
			}
			b.ReportMetric(float64(total), "hits")
		})
	}
}

// TestNear checks the window of near against every choice of one position
// per word, on positions drawn at random, and on the cases a proximity
// search meets: a word missing, a word met twice, words in any order, and
// locations of another field.
func TestNear(t *testing.T) {
	loc := func(field, term string, pos uint64) bsearch.FieldTermLocation {
		return bsearch.FieldTermLocation{Field: field, Term: term, Location: bsearch.Location{Pos: pos}}
	}
	words := []string{"land", "rights", "village"}
	tests := []struct {
		name string
		locs []bsearch.FieldTermLocation
		slop int
		want bool
	}{
		{"in order, next to each other", []bsearch.FieldTermLocation{loc("body", "land", 3), loc("body", "rights", 4), loc("body", "village", 5)}, 0, true},
		{"any order", []bsearch.FieldTermLocation{loc("body", "village", 3), loc("body", "land", 4), loc("body", "rights", 5)}, 0, true},
		{"one word between", []bsearch.FieldTermLocation{loc("body", "land", 3), loc("body", "rights", 4), loc("body", "village", 6)}, 0, false},
		{"one word between, slop 1", []bsearch.FieldTermLocation{loc("body", "land", 3), loc("body", "rights", 4), loc("body", "village", 6)}, 1, true},
		{"a word missing", []bsearch.FieldTermLocation{loc("body", "land", 3), loc("body", "rights", 4)}, 5, false},
		{"close only in another field", []bsearch.FieldTermLocation{loc("title", "land", 1), loc("title", "rights", 2), loc("title", "village", 3), loc("body", "land", 1), loc("body", "rights", 20), loc("body", "village", 40)}, 2, false},
		{"the second occurrence is the close one", []bsearch.FieldTermLocation{loc("body", "land", 1), loc("body", "land", 30), loc("body", "rights", 31), loc("body", "rights", 90), loc("body", "village", 29)}, 0, true},
	}
	scratch := make([][]uint64, len(words))
	for _, tt := range tests {
		if got := near(tt.locs, "body", words, tt.slop, scratch); got != tt.want {
			t.Errorf("%s: near = %v, want %v", tt.name, got, tt.want)
		}
	}

	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		var locs []bsearch.FieldTermLocation
		at := make([][]uint64, len(words))
		for w, word := range words {
			for range rng.IntN(4) {
				p := uint64(rng.IntN(60))
				locs = append(locs, loc("body", word, p))
				at[w] = append(at[w], p)
			}
		}
		// Positions come in order per term, as Bleve gives them, mostly.
		if rng.IntN(4) > 0 {
			slices.SortFunc(locs, func(a, b bsearch.FieldTermLocation) int {
				return strings.Compare(a.Term, b.Term)*1000 + int(a.Location.Pos) - int(b.Location.Pos)
			})
		}
		slop := rng.IntN(6)
		if got, want := near(locs, "body", words, slop, scratch), anyChoiceWithin(at, uint64(len(words)-1+slop)); got != want {
			t.Fatalf("near(%v, slop %d) = %v, want %v", at, slop, got, want)
		}
	}
}

// anyChoiceWithin tries every choice of one position per word.
func anyChoiceWithin(at [][]uint64, span uint64) bool {
	var try func(w int, lo, hi uint64) bool
	try = func(w int, lo, hi uint64) bool {
		if w == len(at) {
			return hi-lo <= span
		}
		for _, p := range at[w] {
			if try(w+1, min(lo, p), max(hi, p)) {
				return true
			}
		}
		return false
	}
	return try(0, ^uint64(0), 0)
}
