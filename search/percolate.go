package search

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"

	"github.com/advosearch/advosearch/index"
)

// Percolator runs saved searches against one batch of new statements only,
// never the whole index: it holds the batch in an index in memory with the
// same schema, so a saved query means exactly what it means on the page.
type Percolator struct {
	ix   *index.Index
	size int // statements in the batch: every one can match
	// snip cuts the snippets of the matches (Snippets): an engine of its
	// own, since the slots of the one serving searches are not the
	// batch's to take.
	snip *Engine
}

// NewPercolator indexes the batch in memory. Close releases it.
func NewPercolator(stmts []index.Statement) (*Percolator, error) {
	ix, err := index.OpenMemory()
	if err != nil {
		return nil, fmt.Errorf("search: percolator: %w", err)
	}
	if err := ix.Write(stmts, nil); err != nil {
		ix.Close()
		return nil, fmt.Errorf("search: percolator: %w", err)
	}
	return &Percolator{ix: ix, size: len(stmts), snip: New(ix)}, nil
}

// Match returns the IDs of the batch's statements that r matches, all of
// them, ignoring r's page and size. It asks for nothing but IDs: no facets,
// stored fields or match locations, which would cost more than the match
// itself when thousands of alerts run against every batch.
func (p *Percolator) Match(ctx context.Context, r Request) ([]string, error) {
	r.Page, r.Size = 1, 1
	if err := r.normalize(); err != nil {
		return nil, err
	}
	// Alerts are saved strictly (web checks them with query.Parse), and
	// they never fall back to partial matches.
	c, err := newCompiler(p.ix, index.StemmedLangs, defaultRanking).compile(r.Query, compileOptions{defaultOr: r.DefaultOr, strict: true})
	if err != nil {
		return nil, err
	}
	req := bleve.NewSearchRequestOptions(filterQuery(c.query, r), p.size, 0, false)
	req.SortBy([]string{"_id"}) // no scores needed
	res, err := p.ix.Search(ctx, req)
	if err != nil {
		return nil, searchError(err)
	}
	ids := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	return ids, nil
}

// Snippets returns, by statement ID, the passages of each of the batch's
// statements ids where r matches, as a search page shows them. Call it
// only with IDs Match returned, and only for the matches worth showing
// (the new ones): unlike Match, it reads stored text and match locations.
// A statement whose body holds none of the words (or an r without words)
// gets the opening of its text, as on the page; one r does not match, or
// without text, has no entry.
func (p *Percolator) Snippets(ctx context.Context, r Request, ids []string) (map[string][]Snippet, error) {
	out := make(map[string][]Snippet, len(ids))
	for len(ids) > 0 {
		n := min(len(ids), MaxSize)
		q := r
		q.IDs, q.Page, q.Size = ids[:n], 1, n
		q.Strict, q.NoPartial, q.NoFacets = true, true, true
		res, err := p.snip.Search(ctx, q)
		if err != nil {
			return nil, fmt.Errorf("search: percolator snippets: %w", err)
		}
		for _, h := range res.Hits {
			if len(h.Snippets) > 0 {
				out[h.ID] = h.Snippets
			}
		}
		ids = ids[n:]
	}
	return out, nil
}

// Close releases the batch.
func (p *Percolator) Close() error { return p.ix.Close() }
