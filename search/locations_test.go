package search

import (
	"context"
	"slices"
	"testing"

	"github.com/advosearch/advosearch/index"
	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
)

// TestCompiled_locationsQuery checks which queries still need a locations
// search, and that without it the texts' analysis (phrasemark.go) marks
// every word the whole query's locations mark, in every hit in a language
// without twin fields.
func TestCompiled_locationsQuery(t *testing.T) {
	ix, err := index.Open(t.TempDir(), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	stmts := []index.Statement{
		{ID: "en", Lang: "en", Title: "Human rights defenders detained", Source: "LICADHO",
			Body:          "Human rights defenders were detained in Phnom Penh; LICADHO called for their release. Human, rights.",
			Organizations: []string{"LICADHO"}},
		{ID: "id", Lang: "id", Title: "Pembela hak asasi manusia ditahan", Body: "Human rights defenders detained, said LICADHO."},
		{ID: "fr", Lang: "fr", Title: "Défenseurs des droits humains détenus", Body: "Les défenseurs des droits humains ont été détenus."},
		{ID: "km", Lang: "km", Title: "សិទ្ធិមនុស្ស", Body: "សិទ្ធិមនុស្ស human rights defenders"},
	}
	if err := ix.Write(stmts, nil); err != nil {
		t.Fatal(err)
	}
	e := New(ix)
	langs, err := e.stemmedLangs()
	if err != nil {
		t.Fatal(err)
	}
	const none, all = "none", "the whole query"
	tests := []struct{ query, part string }{
		{"detained", none},
		{"title:detained", none},
		{"detained NOT zanzibar", none},
		{"org:LICADHO", none},
		{"*", none},
		{"human rights", none}, // adjacent words: their pair is boosted
		{"detained OR released", none},
		{"human rights defenders NOT zanzibar", none},
		{`"human rights"`, none},
		{`body:"rights defenders"`, none},
		{`"LICADHO"`, none},
		{"detained NOT \"phnom penh\"", none},
		{"defenders \"phnom penh\" OR released", none},
		{"détenus", none},
		{"detain*", all},
		{"detaned~1", all},
		{"/detain.*/", all},
		{`"human defenders"~2`, all},
		{`"human rights" detain*`, all},
		{"សិទ្ធិមនុស្ស", all},
	}
	ctx := context.Background()
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			c, err := newCompiler(ix, langs, e.rank).compile(tt.query, compileOptions{})
			if err != nil {
				t.Fatal(err)
			}
			lq := c.locationsQuery(c.query)
			part := map[bool]string{true: none, false: all}[lq == nil]
			if part != tt.part {
				t.Errorf("the locations search runs %s, want %s", part, tt.part)
			}
			req := bleve.NewSearchRequestOptions(c.query, 10, 0, false)
			req.Fields = hitFields
			res, err := ix.Search(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			whole, err := e.locations(ctx, c.query, res.Hits)
			if err != nil {
				t.Fatal(err)
			}
			var some map[string]bsearch.FieldTermLocationMap
			if lq != nil {
				if some, err = e.locations(ctx, lq, res.Hits); err != nil {
					t.Fatal(err)
				}
			}
			for _, h := range res.Hits {
				s := index.FromFields(h.ID, h.Fields)
				if index.HasLangField(s.Lang) {
					continue
				}
				for _, f := range []struct{ text, base, exact string }{
					{s.Title, index.FieldTitle, index.FieldTitleExact},
					{s.Body, index.FieldBody, index.FieldBodyExact},
				} {
					fields := []string{f.exact, index.LangField(f.base, s.Lang)}
					runs := c.phrases.title
					if f.base == index.FieldBody {
						runs = c.phrases.body
					}
					analysed := phraseMatches(e.exact, f.text, runs)
					want := normalizeMatches(f.text, append(matchesIn(whole[h.ID], fields...), analysed...))
					got := normalizeMatches(f.text, append(matchesIn(some[h.ID], fields...), analysed...))
					if !slices.Equal(got, want) {
						t.Errorf("%s %s: marks %q, want %q", h.ID, f.base, texts(f.text, got), texts(f.text, want))
					}
				}
			}
		})
	}
}
