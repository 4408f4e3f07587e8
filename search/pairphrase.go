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
	terms, offsets := everyOtherPair(pairs)
	if opts.IncludeTermVectors {
		// The page's hits, whose matches are marked: pairs keep no
		// offsets, so the words' offsets are read from the exact field.
		return phraseWordsSearcher(ctx, r, q.field, terms, offsets, pairWords(pairs), q.Boost(), opts)
	}
	if len(terms) == 1 {
		return searcher.NewTermSearcher(ctx, r, terms[0], q.field, q.Boost(), opts)
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

// everyOtherPair returns the pairs that hold every word of the phrase at
// its place (pairPhraseQuery), with the offset of each from the phrase's
// first word.
func everyOtherPair(pairs analysis.TokenStream) (terms []string, offsets []uint64) {
	for i, p := range pairs {
		if i%2 == 0 || i == len(pairs)-1 {
			terms, offsets = append(terms, string(p.Term)), append(offsets, uint64(i))
		}
	}
	return terms, offsets
}

// inPhrase reports whether the field holds every terms[i] at p+offsets[i],
// for some position p. positions is scratch space, one slice per term.
func inPhrase(locs []bsearch.FieldTermLocation, field string, terms []string, offsets []uint64, positions [][]uint64) bool {
	collectPositions(locs, field, terms, positions)
	return len(phraseStarts(positions, offsets, true)) > 0
}

// phraseStarts returns the positions p at which every term i is at
// p+offsets[i], given each term's sorted positions; only the first when
// first is set.
func phraseStarts(positions [][]uint64, offsets []uint64, first bool) []uint64 {
	var starts []uint64
next:
	for k, p := range positions[0] {
		for i := 1; i < len(positions); i++ {
			if _, ok := slices.BinarySearch(positions[i], p+offsets[i]); !ok {
				continue next
			}
		}
		if first {
			return positions[0][k : k+1]
		}
		starts = append(starts, p)
	}
	return starts
}

// collectPositions sets positions[i] to the sorted positions of terms[i]
// in the field.
func collectPositions(locs []bsearch.FieldTermLocation, field string, terms []string, positions [][]uint64) {
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
}

// phraseWordsSearcher finds the statements holding a phrase, as its pairs
// at their offsets (everyOtherPair) in the pair field, with the locations
// of the phrase's words in the exact field where they stand as the phrase:
// pairs keep positions, not offsets (index.AnalyzerPairs), and marking
// needs offsets. It runs only on a page's hits (Engine.locations).
//
// The pairs lead: Bleve's conjunction advances its rarest term first, and
// a pair is rarer than its words. Bleve's phrase searcher over the words
// was the other way: asked for the next phrase at or after a page's hit
// that has none (an adjacency boost is optional), it read the positions of
// every statement holding both words up to the next one that had them
// together, which for a rare pair of common words is the rest of the index.
func phraseWordsSearcher(ctx context.Context, r bindex.IndexReader, pairField string, terms []string, offsets []uint64,
	words []string, boost float64, opts bsearch.SearcherOptions) (bsearch.Searcher, error) {
	exact := index.ExactOfPairs(pairField)
	opts.IncludeTermVectors = true
	var each []bsearch.Searcher
	add := func(term, field string) error {
		s, err := searcher.NewTermSearcher(ctx, r, term, field, boost, opts)
		if err != nil {
			closeAll(each)
			return fmt.Errorf("search: term %q: %w", term, err)
		}
		each = append(each, s)
		return nil
	}
	for _, t := range terms {
		if err := add(t, pairField); err != nil {
			return nil, err
		}
	}
	var distinct []string
	for _, w := range words {
		if !slices.Contains(distinct, w) {
			distinct = append(distinct, w)
			if err := add(w, exact); err != nil {
				return nil, err
			}
		}
	}
	all, err := searcher.NewConjunctionSearcher(ctx, r, each, opts)
	if err != nil {
		closeAll(each)
		return nil, fmt.Errorf("search: phrase %q: %w", words, err)
	}
	positions := make([][]uint64, len(terms))
	return searcher.NewFilteringSearcher(ctx, all, func(_ *bsearch.SearchContext, d *bsearch.DocumentMatch) bool {
		d.FieldTermLocations = phraseWordLocations(d.FieldTermLocations, pairField, exact, terms, offsets, words, positions)
		return len(d.FieldTermLocations) > 0
	}), nil
}

// phraseWordLocations keeps, of locs, the locations in the exact field of
// the words where they stand as the phrase, whose pairs are at
// positions p+offsets[i] in the pair field; the pairs' own locations go.
// locs is reused.
func phraseWordLocations(locs []bsearch.FieldTermLocation, pairField, exact string, terms []string, offsets []uint64,
	words []string, positions [][]uint64) []bsearch.FieldTermLocation {
	collectPositions(locs, pairField, terms, positions)
	starts := phraseStarts(positions, offsets, false)
	kept := locs[:0]
	for _, l := range locs {
		if l.Field == exact && startsPhrase(starts, words, l.Term, l.Location.Pos) {
			kept = append(kept, l)
		}
	}
	return kept
}

// startsPhrase reports whether word term at position pos is some word of
// the phrase at its place, given where the phrase starts.
func startsPhrase(starts []uint64, words []string, term string, pos uint64) bool {
	for j, w := range words {
		if w != term || pos < uint64(j) {
			continue
		}
		if _, ok := slices.BinarySearch(starts, pos-uint64(j)); ok {
			return true
		}
	}
	return false
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
