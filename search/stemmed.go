package search

import (
	"sync"

	"github.com/advosearch/advosearch/query"
	"github.com/blevesearch/bleve/v2/analysis"
)

// The stemmed title and body keep no term vectors: the offsets of every
// word of every statement were a large share of the index and of indexing
// time, and only highlighting read them, for the ten hits of a page. So the
// page's texts are analysed again, and the words whose stems the query
// searched for are marked. Quoted words and phrases are still marked from
// the term vectors of the exact fields.

// stems are the stems of a query's unquoted words, per field.
type stems struct{ title, body map[string]bool }

// stemmedTerms returns the stems of the query's unquoted words searched in
// title and body, leaving out the excluded ones.
func stemmedTerms(stem analysis.Analyzer, n query.Node) stems {
	terms := stems{title: map[string]bool{}, body: map[string]bool{}}
	var walk func(query.Node)
	walk = func(n query.Node) {
		switch n := n.(type) {
		case *query.Term:
			for _, t := range stem.Analyze([]byte(n.Text)) {
				if n.Field == "" || n.Field == query.FieldTitle {
					terms.title[string(t.Term)] = true
				}
				if n.Field == "" || n.Field == query.FieldBody {
					terms.body[string(t.Term)] = true
				}
			}
		case *query.Bool:
			for _, c := range n.Must {
				walk(c)
			}
			for _, c := range n.Should {
				walk(c)
			}
		}
	}
	walk(n)
	return terms
}

// stemmedMatches finds the words of text whose stems are in terms.
func stemmedMatches(stem analysis.Analyzer, text string, terms map[string]bool) []match {
	if len(terms) == 0 || text == "" {
		return nil
	}
	var out []match
	for _, t := range stem.Analyze([]byte(text)) {
		if terms[string(t.Term)] {
			out = append(out, match{t.Start, t.End})
		}
	}
	return out
}

// stemMemo keeps the stemmed words of each text it analysed, for an engine
// that marks the same few texts again and again: a percolation batch cuts
// a snippet of a statement for every alert it matches, and analysing the
// body each time was two fifths of percolating 1,000 statements against
// 10,000 alerts. It lives as long as the batch's percolator.
type stemMemo struct {
	mu    sync.Mutex
	words map[string][]stemWord
}

// stemWord is one word of a text, by its stem.
type stemWord struct {
	term       string
	start, end int
}

func newStemMemo() *stemMemo { return &stemMemo{words: map[string][]stemWord{}} }

// matches is stemmedMatches, analysing each text once.
func (m *stemMemo) matches(stem analysis.Analyzer, text string, terms map[string]bool) []match {
	if len(terms) == 0 || text == "" {
		return nil
	}
	m.mu.Lock()
	words, ok := m.words[text]
	m.mu.Unlock()
	if !ok {
		tokens := stem.Analyze([]byte(text))
		words = make([]stemWord, len(tokens))
		for i, t := range tokens {
			words[i] = stemWord{string(t.Term), t.Start, t.End}
		}
		m.mu.Lock()
		m.words[text] = words
		m.mu.Unlock()
	}
	var out []match
	for _, w := range words {
		if terms[w.term] {
			out = append(out, match{w.start, w.end})
		}
	}
	return out
}
