package search

import (
	"context"
	"math"
	"slices"
	"time"

	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/scorer"
	bindex "github.com/blevesearch/bleve_index_api"
)

// publishedQuery matches the documents published in [from, end), and those
// without a date when undated is set, by the facet columns' instants of
// publication. Bleve's date range is a disjunction over the terms of every
// date in the range at several precisions: building it (finding each term
// in each segment's dictionary) and walking it was the largest cost of a
// date-filtered search at 10,000 statements. A scan of the column costs one
// comparison a document at most, as a conjunction advances it. The
// undated statements a range leaves out are counted by keeping them in the
// query and dropping them in the collector (facetColumns.wrap): "no date"
// in Bleve is every statement minus a range over all dates, and a second
// search for them was a quarter to a third of a date-filtered search.
//
// Every document scores the same, so the range no longer adds to a hit's
// score a share that depended on which date terms it hit. It matches
// deleted documents and documents of any kind (quotes have no date): use
// it beside a statement query, which every search is.
type publishedQuery struct {
	cols      *facetColumns
	from, end int64 // nanoseconds since 1970; math.MinInt64 and math.MaxInt64 when open
	undated   bool
}

// newPublishedQuery matches [from, end), either zero for an open end.
func newPublishedQuery(cols *facetColumns, from, end time.Time, undated bool) *publishedQuery {
	q := &publishedQuery{cols: cols, from: math.MinInt64, end: math.MaxInt64, undated: undated}
	if !from.IsZero() {
		q.from = from.UnixNano()
	}
	if !end.IsZero() {
		q.end = end.UnixNano()
	}
	return q
}

func (q *publishedQuery) Searcher(_ context.Context, r bindex.IndexReader, _ mapping.IndexMapping, o bsearch.SearcherOptions) (bsearch.Searcher, error) {
	segs, offsets, err := q.cols.segments(r)
	if err != nil {
		return nil, err
	}
	return &columnSearcher{segs: segs, offsets: offsets, q: q, scorer: scorer.NewConstantScorer(1, 1, o)}, nil
}

// keeps reports whether the local document d of cols matches.
func (q *publishedQuery) keeps(cols *segmentColumns, d int) bool {
	if cols.month[d] == 0 {
		return q.undated
	}
	ns := cols.published[d]
	return q.from <= ns && ns < q.end
}

// columnSearcher returns, in order, the documents of every segment that its
// query keeps, reading the columns from where the last call stopped.
type columnSearcher struct {
	segs    []*segmentColumns
	offsets []uint64
	seg, d  int // the next document to read: local number d of segs[seg]
	q       *publishedQuery
	scorer  *scorer.ConstantScorer
	id      bindex.IndexInternalID // reused: the scorer copies it
}

func (s *columnSearcher) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	for ; s.seg < len(s.segs); s.seg, s.d = s.seg+1, 0 {
		cols := s.segs[s.seg]
		for ; s.d < len(cols.month); s.d++ {
			if s.q.keeps(cols, s.d) {
				s.id = bindex.NewIndexInternalID(s.id, s.offsets[s.seg]+uint64(s.d))
				s.d++
				return s.scorer.Score(ctx, s.id), nil
			}
		}
	}
	return nil, nil
}

func (s *columnSearcher) Advance(ctx *bsearch.SearchContext, id bindex.IndexInternalID) (*bsearch.DocumentMatch, error) {
	doc := id.Value()
	i, found := slices.BinarySearch(s.offsets, doc)
	if !found {
		i--
	}
	switch local := int(doc - s.offsets[i]); {
	case i > s.seg:
		s.seg, s.d = i, local
	case i == s.seg && local > s.d:
		s.d = local
	}
	return s.Next(ctx)
}

func (s *columnSearcher) Close() error              { return nil }
func (s *columnSearcher) Weight() float64           { return s.scorer.Weight() }
func (s *columnSearcher) SetQueryNorm(norm float64) { s.scorer.SetQueryNorm(norm) }
func (s *columnSearcher) Min() int                  { return 0 }

// Count is every document, as many as the searcher could return: it
// counts nothing ahead, and a conjunction then lets its other, more
// selective clauses lead.
func (s *columnSearcher) Count() uint64 {
	var n uint64
	for _, cols := range s.segs {
		n += uint64(len(cols.month))
	}
	return n
}

// Size is what the searcher holds, for Bleve's memory estimate.
func (s *columnSearcher) Size() int                  { return 128 + 16*len(s.segs) + s.scorer.Size() }
func (s *columnSearcher) DocumentMatchPoolSize() int { return 1 }
