package search

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/advosearch/advosearch/index"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bindex "github.com/blevesearch/bleve_index_api"
)

// pairPhraseQuery is a phrase of two words or more in a word-pair field
// (index.AnalyzerPairs). Two words are one pair, one term. The pairs of a
// longer phrase overlap, so every other pair, and the last, already hold
// every word at its place: "this is not the first time" is "this is",
// "not the", "first time" two positions apart. Reading three pairs'
// postings and positions instead of five matters: common phrases match
// most statements, and their positions are most of the time.
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
	if opts.IncludeTermVectors {
		// The page's hits, whose matches are marked: pairs keep no
		// offsets, so the words are found in the exact field, on these
		// few statements alone.
		return exactPhraseSearcher(ctx, r, q.field, pairWords(pairs), q.Boost(), opts)
	}
	if len(pairs) == 1 {
		return searcher.NewTermSearcher(ctx, r, string(pairs[0].Term), q.field, q.Boost(), opts)
	}
	var terms []string
	var offsets []uint64 // of each term from the phrase's first word
	for i, p := range pairs {
		if i%2 == 0 || i == len(pairs)-1 {
			terms, offsets = append(terms, string(p.Term)), append(offsets, uint64(i))
		}
	}
	// Every hit otherwise: Bleve's phrase searcher builds a map of the
	// locations of each statement it checks (a third of the time of a
	// phrase matching most of 10,000 statements), where the positions of
	// a few terms are enough.
	positions := make([][]uint64, len(terms))
	s, err := withPositions(ctx, r, q.field, terms, q.Boost(), opts, func(locs []bsearch.FieldTermLocation) bool {
		return inPhrase(locs, q.field, terms, offsets, positions)
	})
	if err != nil {
		return nil, fmt.Errorf("search: phrase %q: %w", q.text, err)
	}
	return s, nil
}

// inPhrase reports whether the field holds every terms[i] at p+offsets[i],
// for some position p. positions is scratch space, one slice per term.
func inPhrase(locs []bsearch.FieldTermLocation, field string, terms []string, offsets []uint64, positions [][]uint64) bool {
	for i := range positions {
		positions[i] = positions[i][:0]
	}
	for _, l := range locs {
		if l.Field != field {
			continue
		}
		for i, t := range terms {
			if l.Term == t {
				positions[i] = append(positions[i], l.Location.Pos)
			}
		}
	}
	for i := range positions {
		slices.Sort(positions[i])
	}
next:
	for _, p := range positions[0] {
		for i := 1; i < len(terms); i++ {
			if _, ok := slices.BinarySearch(positions[i], p+offsets[i]); !ok {
				continue next
			}
		}
		return true
	}
	return false
}

// exactPhraseSearcher finds words as a phrase in the exact field that the
// word-pair field pairs pairs, for the locations of its words: pairs keep
// positions, not offsets (index.AnalyzerPairs).
func exactPhraseSearcher(ctx context.Context, r bindex.IndexReader, pairs string, words []string, boost float64,
	opts bsearch.SearcherOptions) (bsearch.Searcher, error) {
	s, err := searcher.NewPhraseSearcher(ctx, r, words, 0, false, index.ExactOfPairs(pairs), boost, opts)
	if err != nil {
		return nil, fmt.Errorf("search: phrase %q: %w", words, err)
	}
	return s, nil
}

// pairWords are the words that a run of overlapping pairs pairs: the first
// word of each, and the last pair's second.
func pairWords(pairs analysis.TokenStream) []string {
	words := make([]string, 0, len(pairs)+1)
	for _, p := range pairs {
		first, _, _ := strings.Cut(string(p.Term), " ")
		words = append(words, first)
	}
	_, last, _ := strings.Cut(string(pairs[len(pairs)-1].Term), " ")
	return append(words, last)
}
