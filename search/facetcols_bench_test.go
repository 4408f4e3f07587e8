package search

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/advosearch/advosearch/index"
)

// BenchmarkFacetColumns_dates measures a search whose facets count many
// hits, where the date column is read for each: every statement, and a
// word that most of them have. Ten thousand statements, one in ten
// undated, dated over forty years.
func BenchmarkFacetColumns_dates(b *testing.B) {
	ix, err := index.Open(b.TempDir(), index.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ix.Close() })
	rng := rand.New(rand.NewPCG(3, 4))
	words := []string{"detention", "release", "defenders", "court", "human", "rights", "land", "protest", "journalists"}
	const n, batch = 10_000, 1_000
	for i := 0; i < n; i += batch {
		var stmts []index.Statement
		for j := i; j < i+batch; j++ {
			s := index.Statement{ID: fmt.Sprint("s", j), Title: fmt.Sprint("Statement ", j), Source: "Source " + fmt.Sprint(j%20),
				Body: words[rng.IntN(len(words))] + " " + words[rng.IntN(len(words))] + " rights", Lang: "en"}
			if rng.IntN(10) > 0 {
				s.Published = time.Date(1985+rng.IntN(42), time.Month(1+rng.IntN(12)), 1+rng.IntN(28), 0, 0, 0, 0, time.UTC)
			}
			stmts = append(stmts, s)
		}
		if err := ix.Write(stmts, nil); err != nil {
			b.Fatal(err)
		}
	}
	e := New(ix)
	for _, r := range []Request{{Query: "rights"}, {Query: "court OR land"}} {
		b.Run(r.Query, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				res, err := e.Search(context.Background(), r)
				if err != nil || len(res.Facets.Published) == 0 {
					b.Fatalf("%v, %d years", err, len(res.Facets.Published))
				}
			}
		})
	}
}
