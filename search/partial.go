package search

import (
	"context"

	"github.com/blevesearch/bleve/v2"
)

// When every word of a query together finds nothing, the search answers
// with the statements that have most of them, as Aleph does ("all your
// keywords first, then those with some of them"), and says so: Result.Partial,
// with the fewest words each of those statements has. A pasted sentence with
// one word the statement spells otherwise, or a name misspelt, still finds
// its statement. Saved alerts never take this second chance (Percolator): an
// alert fires on statements that match it, not on near misses.

// mostWords returns the largest number of the query's words that some
// statement matching r's filters has, below all of them; 0 if none has even
// one. A pasted sentence with one word spelt otherwise, or a misspelt name,
// misses by one, so that is asked first. Otherwise, as the statements with
// at least m words grow fewer as m grows, a binary search over m finds it.
// Each question is whether any statement qualifies: unscored, without
// boost, facets or stored fields, and it stops at the first statement found
// (Bleve's early stop for score "none").
func (e *Engine) mostWords(ctx context.Context, c compiled, r Request) (int, error) {
	someHas := func(m int) (bool, error) {
		req := bleve.NewSearchRequestOptions(filterQuery(c.most(m, false), r, e.columns), 1, 0, false)
		req.Score = bleve.ScoreNone
		res, err := e.ix.Search(ctx, req)
		if err != nil {
			return false, searchError(err)
		}
		return len(res.Hits) > 0, nil
	}
	k := len(c.words)
	if ok, err := someHas(k - 1); err != nil || ok {
		return k - 1, err
	}
	best := 0
	lo, hi := 1, k-2
	for lo <= hi {
		m := (lo + hi) / 2
		ok, err := someHas(m)
		if err != nil {
			return 0, err
		}
		if ok {
			best, lo = m, m+1
		} else {
			hi = m - 1
		}
	}
	return best, nil
}
