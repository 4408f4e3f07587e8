package search

import (
	"context"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/advosearch/advosearch/index"
	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	bquery "github.com/blevesearch/bleve/v2/search/query"
)

// QuoteRequest looks for quotations. Query is a passage as a journalist
// pastes it, not query syntax: its words as written, straight or curly
// quotes, any dashes, a word missing or changed.
type QuoteRequest struct {
	Query         string
	Speakers      []string // canonical names, each must match
	Organizations []string // the publisher or an organization the statement names
	From, To      time.Time
	Page, Size    int
}

// QuoteHit is one quotation and the statement it is in.
type QuoteHit struct {
	ID string
	// N is the quotation's number in its statement, from 1, as in
	// StatementQuote.
	N int
	// Quote is the quotation, the query's words marked.
	Quote []Span
	// Exact says the passage occurs in the quotation word for word; other
	// hits are near matches, ranked below every exact one.
	Exact       bool
	Speaker     string // "" when the statement does not say who said it
	Sentence    string
	StatementID string
	Title       string
	Source      string
	URL         string
	Published   time.Time
	Score       float64
}

// QuoteResult is one page of quotations.
type QuoteResult struct {
	Total    uint64
	Took     time.Duration
	Page     int
	Size     int
	Hits     []QuoteHit
	Speakers []FacetValue
}

var quoteHitFields = []string{
	index.FieldQuote, index.FieldSpeaker, index.FieldSentence, index.FieldStatement,
	index.FieldTitle, index.FieldQuoteSource, index.FieldQuoteURL, index.FieldQuotePublished,
}

// Quotes finds quotations: those holding the passage word for word first,
// then those holding its words near each other, then those holding most of
// its words.
func (e *Engine) Quotes(ctx context.Context, r QuoteRequest) (QuoteResult, error) {
	sr := Request{Query: r.Query, Page: r.Page, Size: r.Size, From: r.From, To: r.To}
	if err := sr.normalize(); err != nil {
		return QuoteResult{}, err
	}
	release, err := e.acquire(ctx)
	if err != nil {
		return QuoteResult{}, err
	}
	defer release()
	words := e.exactWords(r.Query)
	main := passageQuery(r.Query, words)
	clauses := []bquery.Query{index.KindQuery(index.KindQuote)}
	if main != nil {
		clauses = append(clauses, main)
	}
	for _, s := range r.Speakers {
		clauses = append(clauses, termOn(index.FieldSpeaker, s))
	}
	for _, o := range r.Organizations {
		clauses = append(clauses, bleve.NewDisjunctionQuery(termOn(index.FieldQuoteSource, o), termOn(index.FieldQuoteOrganizations, o)))
	}
	if dq := dateFilter(index.FieldQuotePublished, sr.From, sr.To); dq != nil {
		clauses = append(clauses, dq)
	}
	req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(clauses...), sr.Size, (sr.Page-1)*sr.Size, false)
	req.Fields = quoteHitFields
	req.AddFacet(index.FieldSpeaker, bleve.NewFacetRequest(index.FieldSpeaker, FacetSize))
	res, err := e.ix.Search(ctx, req)
	if err != nil {
		return QuoteResult{}, searchError(err)
	}
	var locs map[string]bsearch.FieldTermLocationMap
	if main != nil {
		if locs, err = e.locations(ctx, main, res.Hits); err != nil {
			return QuoteResult{}, err
		}
	}
	out := QuoteResult{Total: res.Total, Took: res.Took, Page: sr.Page, Size: sr.Size}
	out.Speakers = facetResults(res.Facets).terms(index.FieldSpeaker)
	for _, h := range res.Hits {
		text := str(h.Fields[index.FieldQuote])
		hit := QuoteHit{
			ID:          h.ID,
			Quote:       highlight(text, matchesIn(locs[h.ID], index.FieldQuote, index.FieldQuoteExact)),
			Exact:       len(words) > 0 && containsRun(e.exactWords(text), words),
			Speaker:     str(h.Fields[index.FieldSpeaker]),
			Sentence:    str(h.Fields[index.FieldSentence]),
			StatementID: str(h.Fields[index.FieldStatement]),
			Title:       str(h.Fields[index.FieldTitle]),
			Source:      str(h.Fields[index.FieldQuoteSource]),
			URL:         str(h.Fields[index.FieldQuoteURL]),
			Score:       h.Score,
		}
		if p, err := time.Parse(time.RFC3339, str(h.Fields[index.FieldQuotePublished])); err == nil {
			hit.Published = p.UTC()
		}
		hit.N, _ = quoteNumber(hit.StatementID, hit.ID) // 0 for an ID of another form
		out.Hits = append(out.Hits, hit)
	}
	return out, nil
}

// Boosts order the three ways a passage can match, so one exact match
// outranks every near one.
const (
	boostExact = 100
	boostNear  = 10
)

// passageQuery matches the passage word for word, or its words within a
// few positions of each other, or most of its words: a pasted quote with a
// word changed or missing still finds the quotation. nil means no words.
func passageQuery(passage string, words []string) bquery.Query {
	if len(words) == 0 {
		return nil
	}
	exact := bleve.NewMatchPhraseQuery(passage)
	exact.SetField(index.FieldQuoteExact)
	exact.SetBoost(boostExact)
	near := &proximityQuery{field: index.FieldQuoteExact, text: passage, slop: 2 + len(words)/4, boost: boostNear}
	most := make([]bquery.Query, len(words))
	for i, w := range words {
		most[i] = termOn(index.FieldQuoteExact, w)
	}
	mostWords := bleve.NewDisjunctionQuery(most...)
	// Two words in three: one changed word in a short quote, several in a
	// long one.
	mostWords.SetMin(math.Ceil(float64(len(words)) * 2 / 3))
	return bleve.NewDisjunctionQuery(exact, near, mostWords)
}

// exactWords analyses text as the exact fields are analysed.
func (e *Engine) exactWords(text string) []string {
	a := e.ix.Mapping().AnalyzerNamed(index.AnalyzerExact)
	if a == nil {
		return strings.Fields(strings.ToLower(text))
	}
	var words []string
	for _, t := range a.Analyze([]byte(quoteFolder.Replace(text))) {
		words = append(words, string(t.Term))
	}
	return words
}

// containsRun reports whether run occurs in words, contiguously.
func containsRun(words, run []string) bool {
	for i := 0; i+len(run) <= len(words); i++ {
		if slices.Equal(words[i:i+len(run)], run) {
			return true
		}
	}
	return false
}

func termOn(field, value string) *bquery.TermQuery {
	q := bleve.NewTermQuery(value)
	q.SetField(field)
	return q
}

func str(v interface{}) string {
	s, _ := v.(string)
	return s
}
