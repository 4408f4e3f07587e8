package search

import (
	"context"
	"fmt"
	"slices"

	"github.com/advosearch/advosearch/index"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bindex "github.com/blevesearch/bleve_index_api"
)

// proximityQuery is `"w1 w2 …"~N`: statements where all the words occur
// within a stretch of the field holding at most N other words, in any
// order. It runs inside the engine as a searcher (the statements with every
// word, kept when their positions are close enough), so totals, facets and
// paging count exactly the statements that match. Bleve has no phrase slop
// (its issue #74).
type proximityQuery struct {
	field string
	text  string
	slop  int
	boost
}

func (q *proximityQuery) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping,
	opts bsearch.SearcherOptions) (bsearch.Searcher, error) {
	words, err := q.words(m)
	if err != nil {
		return nil, err
	}
	if len(words) == 0 {
		return searcher.NewMatchNoneSearcher(r)
	}
	scratch := make([][]uint64, len(words))
	return withPositions(ctx, r, q.field, words, q.Boost(), opts, func(locs []bsearch.FieldTermLocation) bool {
		return near(locs, q.field, words, q.slop, scratch)
	})
}

// withPositions matches the statements holding every term in field, kept
// when keep accepts the positions of the terms there. The score is the
// conjunction's, as Bleve's phrase searcher scores.
func withPositions(ctx context.Context, r bindex.IndexReader, field string, terms []string, boost float64,
	opts bsearch.SearcherOptions, keep func([]bsearch.FieldTermLocation) bool) (bsearch.Searcher, error) {
	// Positions come with term vectors.
	opts.IncludeTermVectors = true
	var each []bsearch.Searcher
	for _, t := range terms {
		s, err := searcher.NewTermSearcher(ctx, r, t, field, boost, opts)
		if err != nil {
			closeAll(each)
			return nil, fmt.Errorf("search: term %q: %w", t, err)
		}
		each = append(each, s)
	}
	all, err := searcher.NewConjunctionSearcher(ctx, r, each, opts)
	if err != nil {
		closeAll(each)
		return nil, fmt.Errorf("search: all of %q: %w", terms, err)
	}
	return searcher.NewFilteringSearcher(ctx, all, func(_ *bsearch.SearchContext, d *bsearch.DocumentMatch) bool {
		return keep(d.FieldTermLocations)
	}), nil
}

// words analyses the text as the field was analysed, without repeats: a word
// that occurs twice in the query needs to occur only once in the statement.
func (q *proximityQuery) words(m mapping.IndexMapping) ([]string, error) {
	a := m.AnalyzerNamed(index.AnalyzerExact)
	if a == nil {
		return nil, fmt.Errorf("search: analyzer %s missing", index.AnalyzerExact)
	}
	var words []string
	for _, t := range a.Analyze([]byte(q.text)) {
		if w := string(t.Term); !slices.Contains(words, w) {
			words = append(words, w)
		}
	}
	return words, nil
}

func closeAll(ss []bsearch.Searcher) {
	for _, s := range ss {
		s.Close()
	}
}

// near reports whether some stretch of the field holds every word with at
// most slop other words among them: some choice of one position per word
// spans at most len(words)-1+slop positions. at is scratch space, a slice
// per word, reused from one statement to the next, as the check runs on
// every statement holding all the words.
//
// Each word's positions come in order, so the narrowest choices are found
// by walking the lists together, always moving on the word that stands
// first, as a merge would; sorting all the positions together was a fifth
// of a proximity search's time.
func near(locs []bsearch.FieldTermLocation, field string, words []string, slop int, at [][]uint64) bool {
	for w := range at {
		at[w] = at[w][:0]
	}
	for _, l := range locs {
		if l.Field != field {
			continue
		}
		if w := slices.Index(words, l.Term); w >= 0 {
			at[w] = append(at[w], l.Location.Pos)
		}
	}
	for w, ps := range at {
		if len(ps) == 0 {
			return false
		}
		if !slices.IsSorted(ps) {
			slices.Sort(at[w])
		}
	}
	maxSpan := uint64(len(words) - 1 + slop)
	var onStack [8]int // next word positions; most queries have a few words
	next := append(onStack[:0], make([]int, len(at))...)
	for {
		first, lo, hi := 0, at[0][next[0]], at[0][next[0]]
		for w := 1; w < len(at); w++ {
			p := at[w][next[w]]
			if p < lo {
				first, lo = w, p
			}
			hi = max(hi, p)
		}
		if hi-lo <= maxSpan {
			return true
		}
		next[first]++
		if next[first] == len(at[first]) {
			return false
		}
	}
}
