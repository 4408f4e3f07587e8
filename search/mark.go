package search

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/advosearch/advosearch/index"
	"github.com/blevesearch/bleve/v2"
)

// Marked is a whole statement's title and body with a search's words
// marked, for reading the statement a hit leads to. Joined, the spans of
// each are the text exactly, so a reader can also count offsets in them.
type Marked struct {
	Title, Body []Span
}

// Mark marks where r.Query matches s, a statement of the index as Statement
// returns it: the words a hit's snippets mark, all through the text. Only
// r.Query and r.DefaultOr are read; the filters chose the hit and do not
// change which of its words matched. Every word of the query that s has is
// marked, also when s has only some of them (a partial hit), and its
// excluded words never are. A blank query, or one s does not match, marks
// nothing. A bad query wraps ErrInvalid; a search that outlives ctx returns
// ErrTimeout.
//
// Locations are asked of the one statement alone (its ID and the query), so
// the cost does not grow with the index.
func (e *Engine) Mark(ctx context.Context, s Statement, r Request) (Marked, error) {
	plain := Marked{Title: highlight(s.Title, nil), Body: highlight(s.Body, nil)}
	if strings.TrimSpace(r.Query) == "" {
		return plain, nil
	}
	req := Request{Query: r.Query, DefaultOr: r.DefaultOr}
	if err := req.normalize(); err != nil {
		return Marked{}, err
	}
	release, err := e.acquire(ctx)
	if err != nil {
		return Marked{}, err
	}
	defer release()
	langs, err := e.stemmedLangs()
	if err != nil {
		return Marked{}, err
	}
	c, err := newCompiler(e.ix, langs, e.rank).compile(req.Query, compileOptions{defaultOr: req.DefaultOr})
	if err != nil {
		return Marked{}, err
	}
	q := c.query
	if len(c.words) > 1 {
		// Any of the words, so that a statement found by the partial
		// fallback shows the words it has.
		q = c.most(1, true)
	}
	br := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(bleve.NewDocIDQuery([]string{s.ID}), q), 1, 0, false)
	br.IncludeLocations = true
	res, err := e.ix.Search(ctx, br)
	if err != nil {
		return Marked{}, searchError(err)
	}
	if len(res.Hits) == 0 {
		return plain, nil
	}
	title, body := e.matches(s, res.Hits[0].Locations, stemmedTerms(e.stem, c.tree), phraseSet{})
	return Marked{Title: highlight(s.Title, title), Body: highlight(s.Body, body)}, nil
}

// StatementQuote is one quotation of a statement, numbered as its quote
// document is (index.QuoteID): the N-th quotation in the text.
type StatementQuote struct {
	N int
	index.Quote
}

// maxStatementQuotes bounds the quotations read for one statement. The
// longest sample statements have a dozen; a statement with more is cut, its
// later quotations left unmarked rather than the page made slow.
const maxStatementQuotes = 500

// QuotesOf returns the quotations of the statement with the ID, in the
// order of the text; none when it has none or no statement has the ID. The
// quote documents are found by their statement's ID, a term lookup, not a
// scan.
func (e *Engine) QuotesOf(ctx context.Context, id string) ([]StatementQuote, error) {
	release, err := e.acquire(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	// Only quote documents have the field, so the term alone finds them.
	// Adding the kind walked the postings of every quote: 278 allocations
	// and a median 0.65 ms a page against 177 and 0.29 ms, with 10,000
	// quotes (BenchmarkEngine_statementPage).
	req := bleve.NewSearchRequestOptions(termOn(index.FieldStatement, id), maxStatementQuotes, 0, false)
	req.Fields = []string{index.FieldQuote, index.FieldSpeaker, index.FieldSentence}
	req.Score = bleve.ScoreNone
	res, err := e.ix.Search(ctx, req)
	if err != nil {
		return nil, searchError(err)
	}
	out := make([]StatementQuote, 0, len(res.Hits))
	for _, h := range res.Hits {
		n, ok := quoteNumber(id, h.ID)
		if !ok {
			continue
		}
		out = append(out, StatementQuote{N: n, Quote: index.Quote{
			Text:     str(h.Fields[index.FieldQuote]),
			Speaker:  str(h.Fields[index.FieldSpeaker]),
			Sentence: str(h.Fields[index.FieldSentence]),
		}})
	}
	slices.SortFunc(out, func(a, b StatementQuote) int { return a.N - b.N })
	return out, nil
}

// quoteNumber reads N from the ID of the N-th quote of a statement
// (index.QuoteID); ok is false for any other ID.
func quoteNumber(statementID, quoteID string) (n int, ok bool) {
	digits := strings.TrimRightFunc(quoteID, func(r rune) bool { return r >= '0' && r <= '9' })
	n, err := strconv.Atoi(quoteID[len(digits):])
	if err != nil || index.QuoteID(statementID, n) != quoteID {
		return 0, false
	}
	return n, true
}
