package search

import (
	"sync"
	"unicode/utf8"

	"github.com/advosearch/advosearch/query"
	"github.com/blevesearch/bleve/v2/analysis"
)

// The stemmed title and body keep no term vectors: the offsets of every
// word of every statement were a large share of the index and of indexing
// time, and only highlighting read them, for the ten hits of a page. So the
// page's texts are analysed again, where they can hold the query's stems
// (stemwindow.go), and the words whose stems the query searched for are
// marked. Quoted words and phrases are still marked from the term vectors
// of the exact fields.

// stems are the stems of a query's unquoted words, per field.
type stems struct{ title, body stemSet }

// stemSet is the stems searched in one field, with the keys that find the
// words they come from in a text without analysing all of it
// (stemwindow.go).
type stemSet struct {
	terms map[string]bool
	// keys has a stemKey per stem; nil when a stem has none, and texts
	// are analysed whole.
	keys [][]byte
}

// newStemSet returns the set of terms with their keys.
func newStemSet(terms map[string]bool) stemSet {
	set := stemSet{terms: terms}
	for t := range terms {
		k, ok := stemKey(t)
		if !ok {
			set.keys = nil
			break
		}
		set.keys = append(set.keys, k)
	}
	return set
}

// stemmedTerms returns the stems of the query's unquoted words searched in
// title and body, leaving out the excluded ones.
func stemmedTerms(stem analysis.Analyzer, n query.Node) stems {
	title, body := map[string]bool{}, map[string]bool{}
	var walk func(query.Node)
	walk = func(n query.Node) {
		switch n := n.(type) {
		case *query.Term:
			for _, t := range stem.Analyze([]byte(n.Text)) {
				if n.Field == "" || n.Field == query.FieldTitle {
					title[string(t.Term)] = true
				}
				if n.Field == "" || n.Field == query.FieldBody {
					body[string(t.Term)] = true
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
	return stems{title: newStemSet(title), body: newStemSet(body)}
}

// stemmedMatches finds the words of text whose stems are in set: in the
// runs of words that hold a key of the set when it has keys, else in the
// whole text. A text that is not valid UTF-8 is analysed whole too: the
// tokenizer cuts invalid bytes otherwise at the start of a run than in the
// middle of a text.
func stemmedMatches(stem analysis.Analyzer, text string, set stemSet) []match {
	if len(set.terms) == 0 || text == "" {
		return nil
	}
	return inKeyRuns(text, set.keys, func(part string, at int, out []match) []match {
		return analysedMatches(stem, part, at, set.terms, out)
	})
}

// inKeyRuns appends what find finds in each run of text's words holding
// one of keys (keyRuns), find given the run and where it starts in text;
// in the whole text when keys is nil or text is not valid UTF-8.
func inKeyRuns(text string, keys [][]byte, find func(part string, at int, out []match) []match) []match {
	if keys == nil || !utf8.ValidString(text) {
		return find(text, 0, nil)
	}
	var out []match
	for _, r := range keyRuns(text, keys) {
		out = find(text[r.start:r.end], r.start, out)
	}
	return out
}

// analysedMatches appends to out the words of text whose stems are in
// terms, their offsets moved by at: where text starts in the field.
func analysedMatches(stem analysis.Analyzer, text string, at int, terms map[string]bool, out []match) []match {
	for _, t := range stem.Analyze([]byte(text)) {
		if terms[string(t.Term)] {
			out = append(out, match{at + t.Start, at + t.End})
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

// matches is stemmedMatches, analysing each text once, whole: the same
// text is marked for many alerts, with other stems each time.
func (m *stemMemo) matches(stem analysis.Analyzer, text string, set stemSet) []match {
	if len(set.terms) == 0 || text == "" {
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
		if set.terms[w.term] {
			out = append(out, match{w.start, w.end})
		}
	}
	return out
}
