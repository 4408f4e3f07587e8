package search

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"github.com/advosearch/advosearch/index"
)

// Percolator runs saved searches against one batch of new statements only,
// never the whole index: it holds the batch in an index in memory with the
// same schema, so a saved query means exactly what it means on the page.
type Percolator struct {
	ix   *index.Index
	size int // statements in the batch: every one can match
	// snip cuts the snippets of the matches (Snippets) as an engine
	// does for a page; it is the batch's own, and never searches.
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
	snip := New(ix)
	snip.stemMemo = newStemMemo()
	return &Percolator{ix: ix, size: len(stmts), snip: snip}, nil
}

// Match returns the IDs of the batch's statements that r matches, all of
// them, ignoring r's page and size. It asks for nothing but IDs: no facets,
// stored fields or match locations, which would cost more than the match
// itself when thousands of alerts run against every batch.
func (p *Percolator) Match(ctx context.Context, r Request) ([]string, error) {
	_, q, err := p.compile(r)
	if err != nil {
		return nil, err
	}
	req := bleve.NewSearchRequestOptions(q, p.size, 0, false)
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
	if len(ids) == 0 {
		return nil, nil
	}
	c, q, err := p.compile(r)
	if err != nil {
		return nil, err
	}
	// One search over the given statements, with their text and where the
	// words are: what Engine.locations does for a page, without the page.
	req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(bleve.NewDocIDQuery(ids), q), len(ids), 0, false)
	req.Fields = hitFields
	req.IncludeLocations = true
	res, err := p.ix.Search(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search: percolator snippets: %w", searchError(err))
	}
	stems := stemmedTerms(p.snip.stem, c.tree)
	out := make(map[string][]Snippet, len(res.Hits))
	for _, h := range res.Hits {
		if sn := p.snip.toHit(h, h.Locations, stems, phraseSet{}).Snippets; len(sn) > 0 {
			out[h.ID] = sn
		}
	}
	return out, nil
}

// compile compiles r as an alert: strictly (web checks alerts with
// query.Parse when they are saved), never falling back to partial
// matches, in every stemmed language since the batch may hold any. It
// returns the compiled query and the whole Bleve query with r's filters.
func (p *Percolator) compile(r Request) (compiled, bquery.Query, error) {
	r.Page, r.Size = 1, 1
	if err := r.normalize(); err != nil {
		return compiled{}, nil, err
	}
	c, err := newCompiler(p.ix, index.StemmedLangs, defaultRanking).compile(r.Query, compileOptions{defaultOr: r.DefaultOr, strict: true})
	if err != nil {
		return compiled{}, nil, err
	}
	return c, filterQuery(c.query, r, p.snip.columns), nil
}

// Close releases the batch.
func (p *Percolator) Close() error { return p.ix.Close() }
