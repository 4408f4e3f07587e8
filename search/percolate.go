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
	return &Percolator{ix: ix, size: len(stmts)}, nil
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

// Close releases the batch.
func (p *Percolator) Close() error { return p.ix.Close() }
