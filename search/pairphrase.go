package search

import (
	"context"
	"fmt"

	"github.com/advosearch/advosearch/index"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bindex "github.com/blevesearch/bleve_index_api"
)

// pairPhraseQuery is a phrase of four words or more in a word-pair field
// (index.AnalyzerPairs). Its pairs overlap, so every other pair, and the
// last, already hold every word at its place: "this is not the first time"
// is "this is", "not the", "first time" two positions apart. The phrase
// searcher then reads the postings and positions of three pairs instead of
// five; common phrases match most statements, and those positions are
// most of their time.
type pairPhraseQuery struct {
	field string
	text  string
	boost
}

func (q *pairPhraseQuery) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping,
	opts bsearch.SearcherOptions) (bsearch.Searcher, error) {
	a := m.AnalyzerNamed(index.AnalyzerPairs)
	if a == nil {
		return nil, fmt.Errorf("search: analyzer %s missing", index.AnalyzerPairs)
	}
	pairs := a.Analyze([]byte(q.text))
	if len(pairs) == 0 {
		return searcher.NewMatchNoneSearcher(r)
	}
	// An empty position is a gap: any term, or none, may stand there.
	terms := make([][]string, len(pairs))
	for i, p := range pairs {
		if i%2 == 0 || i == len(pairs)-1 {
			terms[i] = []string{string(p.Term)}
		}
	}
	s, err := searcher.NewMultiPhraseSearcher(ctx, r, terms, 0, false, q.field, q.Boost(), opts)
	if err != nil {
		return nil, fmt.Errorf("search: phrase %q: %w", q.text, err)
	}
	return s, nil
}
