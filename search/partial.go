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

// Notice is something the search did differently from what was typed, for
// the page and the API to say: a syntax error read as plain text.
type Notice struct {
	// Column is the 1-based column (in characters) in the query, or 0.
	Column  int
	Message string
}

// mostWords returns the largest number of the query's words that some
// statement matching r's filters has, below all of them; 0 if none has even
// one. The count of statements with at least m words falls as m grows, so a
// binary search over m takes a few counting searches, each without hits,
// stored fields or facets.
func (e *Engine) mostWords(ctx context.Context, c compiled, r Request) (int, error) {
	best := 0
	lo, hi := 1, len(c.words)-1
	for lo <= hi {
		m := (lo + hi) / 2
		req := bleve.NewSearchRequestOptions(filterQuery(c.most(m), r), 0, 0, false)
		res, err := e.ix.Search(ctx, req)
		if err != nil {
			return 0, searchError(err)
		}
		if res.Total > 0 {
			best, lo = m, m+1
		} else {
			hi = m - 1
		}
	}
	return best, nil
}
