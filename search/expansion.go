package search

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bindex "github.com/blevesearch/bleve_index_api"
)

// MaxExpansions bounds the words one fuzzy term, wildcard or regular
// expression may stand for: each is a clause of the search, so one pattern
// could otherwise make a query of every word in the index.
const MaxExpansions = 1_000

// expansionQuery is a fuzzy term, a wildcard or a regular expression: it
// reads the field's dictionary once, refuses a pattern that stands for more
// than MaxExpansions words, and searches the words it found. Bleve's own
// queries of these kinds have no bound but a process-wide variable.
type expansionQuery struct {
	field string
	what  string // as the user wrote it, for the error message
	// Either a regular expression over whole terms, or a fuzzy term.
	pattern  string
	fuzzy    string
	distance int
	boost
}

func (q *expansionQuery) Searcher(ctx context.Context, r bindex.IndexReader, _ mapping.IndexMapping,
	opts bsearch.SearcherOptions) (bsearch.Searcher, error) {
	terms, err := q.expand(r)
	if err != nil {
		return nil, err
	}
	return searcher.NewMultiTermSearcher(ctx, r, terms, q.field, q.Boost(), opts, false)
}

func (q *expansionQuery) expand(r bindex.IndexReader) ([]string, error) {
	var dict bindex.FieldDict
	var err error
	if q.fuzzy != "" {
		fr, ok := r.(bindex.IndexReaderFuzzy)
		if !ok {
			return nil, fmt.Errorf("search: index reader %T cannot expand fuzzy terms", r)
		}
		dict, err = fr.FieldDictFuzzy(q.field, q.fuzzy, q.distance, "")
	} else {
		rr, ok := r.(bindex.IndexReaderRegexp)
		if !ok {
			return nil, fmt.Errorf("search: index reader %T cannot expand patterns", r)
		}
		dict, err = rr.FieldDictRegexp(q.field, q.pattern)
	}
	if err != nil {
		return nil, &InvalidError{Field: "q", Value: q.what, Reason: "cannot be searched: " + err.Error()}
	}
	defer dict.Close()
	var terms []string
	for {
		e, err := dict.Next()
		if err != nil {
			return nil, fmt.Errorf("search: expand %s: %w", q.what, err)
		}
		if e == nil {
			return terms, nil
		}
		if len(terms) == MaxExpansions {
			return nil, &InvalidError{Field: "q", Value: q.what,
				Reason: fmt.Sprintf("matches more than %d different words; make it longer or more precise", MaxExpansions)}
		}
		terms = append(terms, e.Term)
	}
}
