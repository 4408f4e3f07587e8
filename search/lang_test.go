package search

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/advosearch/advosearch/index"
	"github.com/blevesearch/bleve/v2"
	bquery "github.com/blevesearch/bleve/v2/search/query"
)

// udhrKhmer is Article 1 of the Universal Declaration of Human Rights in
// Khmer: no spaces between words, a space between phrases.
const udhrKhmer = "មនុស្សទាំងអស់កើតមកមានសេរីភាព និងភាពស្មើៗគ្នាក្នុងសិទ្ធិ និងសេចក្ដីថ្លៃថ្នូរ។"

// frenchBody conjugates and declines the words the French queries inflect
// otherwise: cambodgiennes (query cambodgien), arrêté (query arrete).
const frenchBody = "Les autorités cambodgiennes ont arrêté quatre défenseurs des droits humains à Phnom Penh."

func langEngine(t *testing.T, stmts []index.Statement) *Engine {
	t.Helper()
	ix, err := index.Open(t.TempDir(), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if err := ix.Write(stmts, nil); err != nil {
		t.Fatal(err)
	}
	return New(ix)
}

func langStatements(frenchLang string) []index.Statement {
	return []index.Statement{
		{ID: "fr", Lang: frenchLang, Title: "Cambodge : quatre défenseurs arrêtés", Body: frenchBody},
		{ID: "km", Lang: "km", Title: "UDHR Article 1 in Khmer", Body: udhrKhmer},
		{ID: "en", Lang: "en", Title: "UDHR Article 1",
			Body: "All human beings are born free and equal in dignity and rights."},
	}
}

// searchIDs returns the statements that match q: none when the search
// could only offer partial matches.
func searchIDs(t *testing.T, e *Engine, q string) []string {
	t.Helper()
	r, err := e.Search(context.Background(), Request{Query: q})
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	if r.Partial {
		return nil
	}
	return ids(r)
}

func TestEngine_Search_frenchStems(t *testing.T) {
	e := langEngine(t, langStatements("fr"))
	// Control: the same statement marked English is analysed by the
	// English stemmer alone, which conflates neither pair.
	asEnglish := langEngine(t, langStatements("en"))
	for _, q := range []string{"cambodgien", "arrete", "body:cambodgien", "title:arrete", "cambodgien AND défenseur"} {
		if got := searchIDs(t, e, q); !slices.Equal(got, []string{"fr"}) {
			t.Errorf("%s: got %v, want [fr]", q, got)
		}
	}
	for _, q := range []string{"cambodgien", "body:cambodgien"} {
		if got := searchIDs(t, asEnglish, q); len(got) != 0 {
			t.Errorf("%s with Lang en: got %v, want nothing (the French field should be doing the work)", q, got)
		}
	}
	// Accents are folded in every statement's stemmed fields, whatever
	// its language: arrete and arrêté are one word to someone typing.
	for _, q := range []string{"arrete", "title:arrete", "arrêté", "defenseurs des droits"} {
		if got := searchIDs(t, asEnglish, q); !slices.Equal(got, []string{"fr"}) {
			t.Errorf("%s with Lang en: got %v, want [fr]", q, got)
		}
	}
	// Quoted phrases stay on the exact fields: as written, no stems.
	if got := searchIDs(t, e, `"défenseurs des droits"`); !slices.Equal(got, []string{"fr"}) {
		t.Errorf("phrase: got %v, want [fr]", got)
	}
	if got := searchIDs(t, e, `"cambodgien"`); len(got) != 0 {
		t.Errorf(`"cambodgien" is exact and should not find cambodgiennes: got %v`, got)
	}
	if got := searchIDs(t, e, "title:cambodgien"); len(got) != 0 {
		t.Errorf("title:cambodgien: got %v, want nothing (only the body says it)", got)
	}
}

func TestEngine_Search_khmer(t *testing.T) {
	e := langEngine(t, langStatements("fr"))
	for q, want := range map[string][]string{
		"សេរីភាព":       {"km"}, // freedom
		"body:សិទ្ធិ":   {"km"}, // rights
		"title:សេរីភាព": nil,    // the title is English
		`"សេរីភាព និងភាពស្មើៗគ្នា"`: {"km"},
		"ប្រជាធិបតេយ្យ":             nil, // democracy, not in the text
		"សេរីភាព AND dignity":       nil,
		"សេរីភាព OR dignity":        {"en", "km"},
		"Khmer AND មនុស្ស":          {"km"}, // mixed: English title, Khmer body
		"lang:km":                   {"km"},
	} {
		if got := searchIDs(t, e, q); !slices.Equal(got, want) {
			t.Errorf("%s: got %v, want %v", q, got, want)
		}
	}

	// The lang facet counts the statements of each language.
	req := bleve.NewSearchRequest(bleve.NewMatchAllQuery())
	req.AddFacet(index.FieldLang, bleve.NewFacetRequest(index.FieldLang, 10))
	res, err := e.ix.Search(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, tf := range res.Facets[index.FieldLang].Terms.Terms() {
		counts[tf.Term] = tf.Count
	}
	if counts["km"] != 1 || counts["fr"] != 1 || counts["en"] != 1 {
		t.Errorf("lang facet: %v, want km, fr and en once each", counts)
	}
}

// TestEngine_Search_khmerMeasure counts Khmer words found with the n-gram
// fields against the fields that existed before (stemmed and exact), which
// drop Khmer: words of the text must all be found, words not in it never.
func TestEngine_Search_khmerMeasure(t *testing.T) {
	e := langEngine(t, langStatements("fr"))
	in := []string{"សេរីភាព", "មនុស្ស", "សិទ្ធិ", "សេចក្ដីថ្លៃថ្នូរ", "កើត"}                   // freedom, human, rights, dignity, born
	out := []string{"ប្រជាធិបតេយ្យ", "រដ្ឋាភិបាល", "តុលាការ", "ការបោះឆ្នោត", "អ្នកសារព័ត៌មាន"} // democracy, government, court, election, journalist
	before := func(w string) bool {
		var qs []bquery.Query
		for _, f := range []string{index.FieldTitle, index.FieldTitleExact, index.FieldBody, index.FieldBodyExact} {
			qs = append(qs, matchAll(f, w))
		}
		res, err := e.ix.Search(context.Background(), bleve.NewSearchRequest(bleve.NewDisjunctionQuery(qs...)))
		if err != nil {
			t.Fatal(err)
		}
		return res.Total > 0
	}
	now := func(w string) bool { return len(searchIDs(t, e, w)) > 0 }
	var foundBefore, foundNow, falseBefore, falseNow int
	for _, w := range in {
		if before(w) {
			foundBefore++
		}
		if now(w) {
			foundNow++
		} else {
			t.Errorf("%s is in the Khmer statement but was not found", w)
		}
	}
	for _, w := range out {
		if before(w) {
			falseBefore++
		}
		if now(w) {
			falseNow++
			t.Errorf("%s is not in the Khmer statement but found it", w)
		}
	}
	t.Logf("Khmer words of the text found: n-grams %d/%d, before %d/%d", foundNow, len(in), foundBefore, len(in))
	t.Logf("Khmer words not in the text found (false hits): n-grams %d/%d, before %d/%d", falseNow, len(out), falseBefore, len(out))
}

func TestEngine_Search_marksLanguageFieldMatches(t *testing.T) {
	e := langEngine(t, langStatements("fr"))
	res, err := e.Search(context.Background(), Request{Query: "cambodgien"})
	if err != nil {
		t.Fatal(err)
	}
	var marked []string
	for _, sn := range res.Hits[0].Snippets {
		for _, sp := range sn {
			if sp.Hit {
				marked = append(marked, strings.ToLower(sp.Text))
			}
		}
	}
	if len(marked) == 0 || !strings.HasPrefix(marked[0], "cambodg") {
		t.Errorf("marked %q, want the French inflection the stem matched", marked)
	}
}

func TestEngine_Search_languageFacet(t *testing.T) {
	e := langEngine(t, langStatements("fr"))
	res, err := e.Search(context.Background(), Request{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, f := range res.Facets.Languages {
		got[f.Value] = f.Count
	}
	if got["fr"] != 1 || got["km"] != 1 || got["en"] != 1 {
		t.Errorf("lang facet %v, want fr, km and en once each", got)
	}
}

// A word is searched in the language twins of the languages the index
// holds; a statement in a language the index did not hold before is found
// by its stems at once.
func TestEngine_Search_languageAddedLater(t *testing.T) {
	e := langEngine(t, langStatements("en"))
	if got := searchIDs(t, e, "cambodgien"); got != nil {
		t.Fatalf("cambodgien in English statements only: %v, want none", got)
	}
	later := langStatements("fr")[0]
	later.ID = "fr-later"
	if err := e.ix.Write([]index.Statement{later}, nil); err != nil {
		t.Fatal(err)
	}
	if got := searchIDs(t, e, "cambodgien"); !slices.Equal(got, []string{"fr-later"}) {
		t.Errorf("cambodgien after a French statement was added: %v, want [fr-later]", got)
	}
}
