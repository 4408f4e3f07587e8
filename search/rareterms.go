package search

import (
	"context"
	"fmt"
	"strings"

	"github.com/advosearch/advosearch/index"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bindex "github.com/blevesearch/bleve_index_api"
)

// rareTermsQuery scores the statements holding any of its terms, leaving
// out the terms that a large share of the index's documents (statements
// and their quotes) hold. It carries the ranking boosts (compiler.boost),
// which only add to the score of statements that match anyway. A term in a
// tenth of all statements ("human rights",
// "the government") says little about which statement is meant, and BM25
// gives it little weight, but reading its postings for every candidate
// doubled the time of a three-word search on 10,000 statements; the rare
// terms, where the boost does its work, cost next to nothing.
type rareTermsQuery struct {
	terms []fieldTerm
	boost
}

type fieldTerm struct{ field, term string }

// rareTermsFloor is the document frequency up to which a term is always
// kept, whatever its share: on a small index every term is cheap.
const rareTermsFloor = 1000

// rareTermsShare is the share of documents above which a term is left out.
const rareTermsShare = 0.1

func (q *rareTermsQuery) Searcher(ctx context.Context, r bindex.IndexReader, _ mapping.IndexMapping,
	opts bsearch.SearcherOptions) (bsearch.Searcher, error) {
	docs, err := r.DocCount()
	if err != nil {
		return nil, fmt.Errorf("search: count statements: %w", err)
	}
	limit := max(uint64(rareTermsFloor), uint64(float64(docs)*rareTermsShare))
	var each []bsearch.Searcher
	for _, t := range q.terms {
		tfr, err := r.TermFieldReader(ctx, []byte(t.term), t.field, false, false, false)
		if err != nil {
			closeAll(each)
			return nil, fmt.Errorf("search: term %q: %w", t.term, err)
		}
		n := tfr.Count()
		if err := tfr.Close(); err != nil {
			closeAll(each)
			return nil, fmt.Errorf("search: term %q: %w", t.term, err)
		}
		if n == 0 || n > limit {
			continue
		}
		var s bsearch.Searcher
		if opts.IncludeTermVectors && index.IsPairField(t.field) {
			// Marking a page's hits: a pair has no offsets, its words do.
			s, err = phraseWordsSearcher(ctx, r, t.field, []string{t.term}, []uint64{0}, strings.Fields(t.term), q.Boost(), opts)
		} else {
			s, err = searcher.NewTermSearcher(ctx, r, t.term, t.field, q.Boost(), opts)
		}
		if err != nil {
			closeAll(each)
			return nil, fmt.Errorf("search: term %q: %w", t.term, err)
		}
		each = append(each, s)
	}
	if len(each) == 0 {
		return searcher.NewMatchNoneSearcher(r)
	}
	return searcher.NewDisjunctionSearcher(ctx, r, each, 0, opts)
}
