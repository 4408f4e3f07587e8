package search

import (
	"strings"

	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/query"
	"github.com/blevesearch/bleve/v2/analysis"
	bquery "github.com/blevesearch/bleve/v2/search/query"
)

// People type the small words of a language: "freedom of expression",
// "arrest of Kem Sokha", a pasted sentence. The stemmed fields drop those
// words when indexing, so a required "of" could match nothing and emptied
// every such search. Here, as in Lucene's analysing query parser and
// Elasticsearch's query_string, a word the stemmed analyser drops is dropped
// from the conjunction it stands in. A group made only of such words ("the",
// "to be or not to be") has nothing else to search for, so its words are
// searched as written, in the exact fields. Quoted phrases are untouched:
// they already search the exact fields, where every word is indexed.

// stopWords tells the words the stemmed analyser drops, and keeps those it
// dropped from a query.
type stopWords struct {
	stem    analysis.Analyzer
	dropped []string
}

// drops reports whether t is an unquoted word of the text fields that the
// stemmed analyser removes entirely: a stop word, or punctuation (a dash or
// a lone quotation mark in pasted text).
func (s *stopWords) drops(n query.Node) bool {
	t, ok := n.(*query.Term)
	if !ok {
		return false
	}
	if _, text := textFields[t.Field]; !text && t.Field != "" {
		return false
	}
	// Khmer script has fields of its own; the stemmed analyser drops it.
	return !index.HasKhmer(t.Text) && len(s.stem.Analyze([]byte(t.Text))) == 0
}

// rewrite returns n with stop words dropped from every group that has
// other words to require, and the words of groups that have none turned
// into exact one-word phrases. Excluded clauses are left as they are: a
// stop word there excludes nothing, as before.
func (s *stopWords) rewrite(n query.Node) query.Node {
	switch n := n.(type) {
	case *query.Term:
		if s.drops(n) {
			return exactWord(n)
		}
	case *query.Bool:
		out := &query.Bool{MustNot: n.MustNot, Boost: n.Boost}
		keep := func(c query.Node) bool { return !s.drops(c) }
		if !anyOf(n.Must, keep) && !anyOf(n.Should, keep) {
			keep = func(query.Node) bool { return true }
		}
		for _, list := range []struct{ from, to *[]query.Node }{{&n.Must, &out.Must}, {&n.Should, &out.Should}} {
			for _, c := range *list.from {
				if !keep(c) {
					s.dropped = append(s.dropped, c.(*query.Term).Text)
					continue
				}
				*list.to = append(*list.to, s.rewrite(c))
			}
		}
		return out
	}
	return n
}

func anyOf(nodes []query.Node, f func(query.Node) bool) bool {
	for _, n := range nodes {
		if f(n) {
			return true
		}
	}
	return false
}

// exactWord searches a word as written, without stemming: how a stop word
// is searched when it is all there is.
func exactWord(t *query.Term) *query.Phrase {
	return &query.Phrase{Field: t.Field, Text: t.Text, Slop: -1, Boost: t.Boost}
}

// ranking says what, beside BM25 over the matched fields, orders the hits
// of unquoted words. TestQueryLog_ranking scores each choice on the query
// log; defaultRanking keeps what won.
type ranking struct {
	// adjacency boosts statements where the query's neighbouring words
	// stand together (see adjacency).
	adjacency bool
	// titleBoost weighs a word found in the title this many times a word
	// found in the body; 0 means the same.
	titleBoost float64
	// exactWords boosts statements that have the query's words as typed,
	// before stemming, in the exact fields.
	exactWords bool
}

var defaultRanking = ranking{adjacency: true}

// boost is the clause that only adds to the score of statements that
// match anyway, for the tree's top-level words; nil when there is none.
func (c compiler) boost(n query.Node) bquery.Query {
	var terms []fieldTerm
	if c.rank.adjacency {
		terms = append(terms, adjacency(c.pairs, n)...)
	}
	if c.rank.exactWords {
		terms = append(terms, c.exactWords(n)...)
	}
	if len(terms) == 0 {
		return nil
	}
	return &rareTermsQuery{terms: terms}
}

// exactWords are the terms of the query's top-level unquoted words as
// typed, in the exact title and body, so a statement with the words as
// typed ranks above one with only their variants. Small words are left
// out: as typed, they are in nearly every statement.
func (c compiler) exactWords(n query.Node) []fieldTerm {
	var words []string
	stop := stopWords{stem: c.stem}
	for _, c2 := range topClauses(n) {
		if t, ok := c2.(*query.Term); ok && t.Field == "" && !stop.drops(t) {
			words = append(words, t.Text)
		}
	}
	return termsOf(c.exact, words, index.FieldTitleExact, index.FieldBodyExact)
}

// termsOf analyses each text with a and returns each term once, in the
// title field and in the body field.
func termsOf(a analysis.Analyzer, texts []string, title, body string) []fieldTerm {
	seen := map[string]bool{}
	var terms []fieldTerm
	for _, text := range texts {
		for _, tok := range a.Analyze([]byte(quoteFolder.Replace(text))) {
			term := string(tok.Term)
			if seen[term] {
				continue
			}
			seen[term] = true
			terms = append(terms, fieldTerm{title, term}, fieldTerm{body, term})
		}
	}
	return terms
}

// topClauses are the clauses of the query's top level: the required ones,
// or the alternatives when nothing is required.
func topClauses(n query.Node) []query.Node {
	if b, ok := n.(*query.Bool); ok {
		if len(b.Must) == 0 {
			return b.Should
		}
		return b.Must
	}
	return []query.Node{n}
}

// topWords are the texts of the unquoted words and exact phrases of the
// query's top level, in order, with "" where another clause (a field, a
// group, a pattern) breaks the run.
func topWords(n query.Node) []string {
	var words []string
	for _, c := range topClauses(n) {
		switch c := c.(type) {
		case *query.Term:
			if c.Field == "" {
				words = append(words, c.Text)
				continue
			}
		case *query.Phrase:
			if c.Field == "" && c.Slop < 0 {
				words = append(words, c.Text)
				continue
			}
		}
		words = append(words, "")
	}
	return words
}

// adjacency lists the terms that weigh statements where neighbouring words
// of the query stand next to each other too: "freedom of expression" ranks
// the statements that say "freedom of expression" above those that have
// freedom in one paragraph and expression in another, and a pasted
// sentence ranks its own statement first, because its word pairs are rare.
// The words are the runs of unquoted words and phrases, small words
// included, of the query's top level; each neighbouring pair is one term of
// the pair fields (index.AnalyzerPairs).
func adjacency(pairs analysis.Analyzer, n query.Node) []fieldTerm {
	var runs []string
	var run []string
	for _, w := range append(topWords(n), "") {
		if w != "" {
			run = append(run, w)
			continue
		}
		if len(run) > 1 {
			runs = append(runs, strings.Join(run, " "))
		}
		run = run[:0]
	}
	return termsOf(pairs, runs, index.FieldTitlePairs, index.FieldBodyPairs)
}
