package search

import (
	"cmp"
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
	var scratch []wordAt
	return withPositions(ctx, r, q.field, words, q.Boost(), opts, func(locs []bsearch.FieldTermLocation) bool {
		var ok bool
		ok, scratch = near(locs, q.field, words, q.slop, scratch[:0])
		return ok
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

// wordAt is one occurrence of a word of a proximity query.
type wordAt struct {
	pos  uint64
	word int
}

// near reports whether some stretch of the field holds every word with at
// most slop other words among them: the smallest window over the merged,
// sorted positions that covers all the words spans at most
// len(words)-1+slop positions. hits is scratch space, returned for reuse:
// the check runs on every statement holding all the words.
func near(locs []bsearch.FieldTermLocation, field string, words []string, slop int, hits []wordAt) (bool, []wordAt) {
	for _, l := range locs {
		if l.Field != field {
			continue
		}
		if w := slices.Index(words, l.Term); w >= 0 {
			hits = append(hits, wordAt{l.Location.Pos, w})
		}
	}
	slices.SortFunc(hits, func(a, b wordAt) int { return cmp.Compare(a.pos, b.pos) })
	maxSpan := uint64(len(words) - 1 + slop)
	seen := make([]int, len(words))
	covered, lo := 0, 0
	for _, h := range hits {
		if seen[h.word] == 0 {
			covered++
		}
		seen[h.word]++
		for covered == len(words) {
			if h.pos-hits[lo].pos <= maxSpan {
				return true, hits
			}
			seen[hits[lo].word]--
			if seen[hits[lo].word] == 0 {
				covered--
			}
			lo++
		}
	}
	return false, hits
}
