package search

import (
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
