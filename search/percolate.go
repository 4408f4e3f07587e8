package search

import (
	"context"
	"fmt"

	"github.com/advosearch/advosearch/index"
)

// Percolator runs saved searches against one batch of new statements only,
// never the whole index: it holds the batch in an index in memory with the
// same schema, so a saved query means exactly what it means on the page.
type Percolator struct {
	ix *index.Index
	e  *Engine
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
	return &Percolator{ix: ix, e: New(ix)}, nil
}

// Match returns the IDs of the batch's statements that r matches, all of
// them, ignoring r's page and size.
func (p *Percolator) Match(ctx context.Context, r Request) ([]string, error) {
	var ids []string
	r.Size = MaxSize
	for r.Page = 1; ; r.Page++ {
		res, err := p.e.Search(ctx, r)
		if err != nil {
			return nil, err
		}
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		if len(res.Hits) < r.Size || uint64(len(ids)) >= res.Total {
			return ids, nil
		}
	}
}

// Close releases the batch.
func (p *Percolator) Close() error { return p.ix.Close() }
