package search

import (
	"strings"
	"unicode/utf8"

	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/query"
	"github.com/blevesearch/bleve/v2/analysis"
)

// Quoted words and phrases, and the adjacency boost's word pairs, are marked
// on a page's hits by analysing their texts again with the exact fields'
// analyser and finding the words in a row, as unquoted words are marked from
// their stems (stemmed.go). The index could tell where they are only by a
// second search over the page's hits with term vectors: pairs keep no
// offsets (index.AnalyzerPairs), so the words were read from the exact
// field, and Bleve walks the postings of a common word with term vectors
// one document at a time to keep its locations in step. That search was
// an eighth of a phrase search's time on 100,000 statements; analysing ten
// texts costs far less. It still runs for what only the index can place:
// fuzzy words and patterns (their terms are the index's), proximity, Khmer
// (n-gram fields), and the language twins (Engine.Search).

// phraseSet is the runs of exact words to mark, per field.
type phraseSet struct{ title, body [][]string }

func (p *phraseSet) add(field string, words []string) {
	if len(words) == 0 {
		return
	}
	if field == "" || field == query.FieldTitle {
		p.title = append(p.title, words)
	}
	if field == "" || field == query.FieldBody {
		p.body = append(p.body, words)
	}
}

// phrases returns the runs of words the query's marks are made of beside its
// stems (its quoted words and phrases, with the possessive a name may take,
// and the adjacency boost's pairs), and whether they and the stems are all
// of its marks, so that no locations search is needed. tree is the query
// as searched (small words dropped, stopWords) and typed as typed, whose
// neighbouring words the boost pairs. Excluded clauses mark nothing, and
// names, whole values of their own fields, are never marked.
func (c compiler) phrases(tree, typed query.Node) (phraseSet, bool) {
	var set phraseSet
	exactWords := func(text string) []string {
		var words []string
		for _, t := range c.exact.Analyze([]byte(text)) {
			words = append(words, string(t.Term))
		}
		return words
	}
	markable := func(field, text string) bool {
		_, named := textFields[field]
		return (field == "" || named) && !index.HasKhmer(text)
	}
	var walk func(query.Node) bool
	walk = func(n query.Node) bool {
		switch n := n.(type) {
		case *query.MatchAll, *query.DateRange:
			return true
		case *query.Term:
			return keywordFields[n.Field] != "" || markable(n.Field, n.Text)
		case *query.Phrase:
			switch {
			case keywordFields[n.Field] != "":
				return true
			case n.Slop >= 0 || !markable(n.Field, n.Text):
				return false
			}
			set.add(n.Field, exactWords(n.Text))
			if p, ok := possessive(n.Text); ok {
				set.add(n.Field, exactWords(p))
			}
			return true
		case *query.Bool:
			ok := true
			for _, cs := range [][]query.Node{n.Must, n.Should} {
				for _, c := range cs {
					ok = walk(c) && ok
				}
			}
			return ok
		}
		return false
	}
	ok := walk(tree)
	if c.rank.adjacency {
		for _, t := range adjacency(c.pairs, typed) {
			field := query.FieldTitle
			if t.field == index.FieldBodyPairs {
				field = query.FieldBody
			}
			set.add(field, strings.Split(t.term, " "))
		}
	}
	return set, ok
}

// phraseMatches finds the runs of words of text that are one of runs, by the
// exact analyser. As for stems (stemwindow.go), only the stretches of text
// whose words hold one of the runs' words are analysed, when every such
// word can be looked for as it is (ASCII, two letters or more): a run's
// words then stand in one stretch, unless something other than white space
// that is no word stands between them ("rights — defenders"), which the
// whole analysis would pass over.
func phraseMatches(exact analysis.Analyzer, text string, runs [][]string) []match {
	if len(runs) == 0 || text == "" {
		return nil
	}
	return inKeyRuns(text, runKeys(runs), func(part string, at int, out []match) []match {
		return runMatches(exact, part, at, runs, out)
	})
}

// runKeys returns the distinct words of runs, to be found in a text's
// lower-cased, folded words; nil when one is too short to look for or not
// ASCII.
func runKeys(runs [][]string) [][]byte {
	var keys [][]byte
	seen := map[string]bool{}
	for _, run := range runs {
		for _, w := range run {
			if seen[w] {
				continue
			}
			seen[w] = true
			if len(w) < 2 || strings.IndexFunc(w, func(r rune) bool { return r >= utf8.RuneSelf }) >= 0 {
				return nil
			}
			keys = append(keys, []byte(w))
		}
	}
	return keys
}

// runMatches appends to out the words of text that stand in one of runs,
// their offsets moved by at: where text starts in the field.
func runMatches(exact analysis.Analyzer, text string, at int, runs [][]string, out []match) []match {
	tokens := exact.Analyze([]byte(text))
	for i := range tokens {
		for _, run := range runs {
			if inRun(tokens, i, run) {
				for _, t := range tokens[i : i+len(run)] {
					out = append(out, match{at + t.Start, at + t.End})
				}
			}
		}
	}
	return out
}

// inRun reports whether the words of run stand at tokens[i:], one position
// after another.
func inRun(tokens analysis.TokenStream, i int, run []string) bool {
	if i+len(run) > len(tokens) {
		return false
	}
	for k, w := range run {
		t := tokens[i+k]
		if string(t.Term) != w || t.Position != tokens[i].Position+k {
			return false
		}
	}
	return true
}
