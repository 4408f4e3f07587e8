package search

import (
	"context"
	"slices"

	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/scorer"
	bindex "github.com/blevesearch/bleve_index_api"
)

// undatedQuery matches the documents without a publication date, read from
// the facet columns' months (month 0). Bleve can only say "no date" as
// every statement minus a date range over all dates, whose terms were
// walked for every search that counted the undated statements a date range
// left out: a third of the filtered class's time at 10,000 statements. The
// undated statements' IDs, looked up in every segment for every search
// instead, were still a quarter of it. The columns know them already.
//
// It matches statements only (columnsPart.readUndated), deleted ones too:
// use it beside a query that leaves those out, as every searcher of terms
// does.
type undatedQuery struct{ cols *facetColumns }

// Searcher returns the undated documents of the snapshot r, by their
// segments' columns.
func (q undatedQuery) Searcher(_ context.Context, r bindex.IndexReader, _ mapping.IndexMapping, o bsearch.SearcherOptions) (bsearch.Searcher, error) {
	segs, offsets, err := q.cols.segments(r)
	if err != nil {
		return nil, err
	}
	var docs []uint64
	for i, cols := range segs {
		for _, d := range cols.undated {
			docs = append(docs, offsets[i]+uint64(d))
		}
	}
	return &docsSearcher{docs: docs, scorer: scorer.NewConstantScorer(1, 1, o)}, nil
}

// docsSearcher returns the documents of a sorted list of Bleve document
// numbers, each with a constant score.
type docsSearcher struct {
	docs   []uint64
	next   int
	scorer *scorer.ConstantScorer
}

func (s *docsSearcher) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	if s.next >= len(s.docs) {
		return nil, nil
	}
	id := bindex.NewIndexInternalID(nil, s.docs[s.next])
	s.next++
	return s.scorer.Score(ctx, id), nil
}

func (s *docsSearcher) Advance(ctx *bsearch.SearchContext, id bindex.IndexInternalID) (*bsearch.DocumentMatch, error) {
	i, _ := slices.BinarySearch(s.docs[s.next:], id.Value())
	s.next += i
	return s.Next(ctx)
}

func (s *docsSearcher) Close() error              { return nil }
func (s *docsSearcher) Weight() float64           { return s.scorer.Weight() }
func (s *docsSearcher) SetQueryNorm(norm float64) { s.scorer.SetQueryNorm(norm) }
func (s *docsSearcher) Count() uint64             { return uint64(len(s.docs)) }
func (s *docsSearcher) Min() int                  { return 0 }

// Size is what the searcher holds, for Bleve's memory estimate.
func (s *docsSearcher) Size() int                  { return 64 + 8*cap(s.docs) + s.scorer.Size() }
func (s *docsSearcher) DocumentMatchPoolSize() int { return 1 }
