package search

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/query"
	bindex "github.com/blevesearch/bleve_index_api"
)

// suggest proposes the query with each word the index does not hold
// replaced by the closest word it does hold, most frequent first: "Kem
// Sokah" → "Kem Sokha". It returns "" when every word is in the index or no
// close word is. Only searches that found nothing pay for it.
func (e *Engine) suggest(ctx context.Context, q string, tree query.Node) (suggestion string, err error) {
	err = e.ix.Read(func(r bindex.IndexReader) error {
		suggestion, err = suggestFrom(ctx, r, q, tree)
		return err
	})
	return suggestion, err
}

func suggestFrom(ctx context.Context, r bindex.IndexReader, q string, tree query.Node) (string, error) {
	fr, ok := r.(bindex.IndexReaderFuzzy)
	if !ok {
		return "", nil
	}
	suggestion, changed := q, false
	for _, w := range typedWords(tree) {
		known, err := r.TermFieldReader(ctx, []byte(strings.ToLower(w)), index.FieldBodyExact, false, false, false)
		if err != nil {
			return "", fmt.Errorf("search: suggest: %w", err)
		}
		n := known.Count()
		known.Close()
		if n > 0 {
			continue
		}
		best, err := closestWord(ctx, r, fr, strings.ToLower(w))
		if err != nil || best == "" {
			return "", err
		}
		suggestion = replaceWord(suggestion, w, matchCase(best, w))
		changed = true
	}
	if !changed {
		return "", nil
	}
	return suggestion, nil
}

// typedWords are the words of the query's unfielded or text-field terms and
// phrases, as typed.
func typedWords(tree query.Node) []string {
	var words []string
	add := func(field, text string) {
		if _, isText := textFields[field]; field == "" || isText {
			words = append(words, strings.FieldsFunc(text, notWordRune)...)
		}
	}
	query.Walk(tree, func(n query.Node) bool {
		switch n := n.(type) {
		case *query.Term:
			add(n.Field, n.Text)
		case *query.Phrase:
			add(n.Field, n.Text)
		}
		return true
	})
	return words
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// closestWord is the indexed word fewest edits from w (one for short words,
// two for longer ones), the most frequent among equals. Frequencies are
// counted over the statements in the index: a segment's term dictionary
// keeps the words of the statements deleted from it until a merge drops
// them, and a word only deleted statements held must not be suggested.
func closestWord(ctx context.Context, r bindex.IndexReader, fr bindex.IndexReaderFuzzy, w string) (string, error) {
	distance := 1
	if len([]rune(w)) > 5 {
		distance = 2
	}
	dict, err := fr.FieldDictFuzzy(index.FieldBodyExact, w, distance, "")
	if err != nil {
		return "", fmt.Errorf("search: suggest %q: %w", w, err)
	}
	defer dict.Close()
	var best bindex.DictEntry
	for {
		e, err := dict.Next()
		if err != nil {
			return "", fmt.Errorf("search: suggest %q: %w", w, err)
		}
		if e == nil {
			return best.Term, nil
		}
		if best.Term != "" && e.EditDistance > best.EditDistance {
			continue
		}
		live, err := r.TermFieldReader(ctx, []byte(e.Term), index.FieldBodyExact, false, false, false)
		if err != nil {
			return "", fmt.Errorf("search: suggest %q: %w", w, err)
		}
		n := live.Count()
		live.Close()
		if n == 0 {
			continue
		}
		if best.Term == "" || e.EditDistance < best.EditDistance || n > best.Count {
			best = bindex.DictEntry{Term: e.Term, Count: n, EditDistance: e.EditDistance}
		}
	}
}

// matchCase gives a suggested word the capitalisation of the typed one.
func matchCase(suggested, typed string) string {
	if r := []rune(typed); len(r) > 0 && unicode.IsUpper(r[0]) {
		s := []rune(suggested)
		s[0] = unicode.ToUpper(s[0])
		return string(s)
	}
	return suggested
}

// replaceWord replaces the first whole-word occurrence of old in q.
func replaceWord(q, old, new string) string {
	re := regexp.MustCompile(`(^|[^\pL\pN])` + regexp.QuoteMeta(old) + `($|[^\pL\pN])`)
	loc := re.FindStringSubmatchIndex(q)
	if loc == nil {
		return q
	}
	return q[:loc[3]] + new + q[loc[4]:]
}
