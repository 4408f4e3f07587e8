package search

import (
	"context"
	"testing"

	"github.com/advosearch/advosearch/index"
	"github.com/blevesearch/bleve/v2"
)

// TestCompiled_stemsOnly checks which queries skip the locations search,
// and that for those the locations search finds nothing a hit in a
// language without twin fields would mark: skipping it changes no mark.
func TestCompiled_stemsOnly(t *testing.T) {
	ix, err := index.Open(t.TempDir(), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	stmts := []index.Statement{
		{ID: "en", Lang: "en", Title: "Human rights defenders detained", Source: "LICADHO",
			Body:          "Human rights defenders were detained in Phnom Penh; LICADHO called for their release.",
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
	tests := []struct {
		query string
		only  bool
	}{
		{"detained", true},
		{"title:detained", true},
		{"detained NOT zanzibar", true},
		{"detained OR released", false}, // boosted too
		{"org:LICADHO", true},
		{"*", true},
		{"human rights", false}, // the adjacency boost reads word pairs
		{`"human rights"`, false},
		{"detained NOT \"phnom penh\"", false},
		{"detain*", false},
		{"detaned~1", false},
		{"/detain.*/", false},
		{"défenseurs", true},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			c, err := newCompiler(ix, langs, e.rank).compile(tt.query, compileOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if got := c.stemsOnly(); got != tt.only {
				t.Fatalf("stemsOnly = %v, want %v", got, tt.only)
			}
			if !tt.only {
				return
			}
			req := bleve.NewSearchRequestOptions(c.query, 10, 0, false)
			req.IncludeLocations = true
			req.Fields = hitFields
			res, err := ix.Search(context.Background(), req)
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range res.Hits {
				s := index.FromFields(h.ID, h.Fields)
				if index.HasLangField(s.Lang) {
					continue
				}
				for _, f := range []struct{ text, base, exact, pairs string }{
					{s.Title, index.FieldTitle, index.FieldTitleExact, index.FieldTitlePairs},
					{s.Body, index.FieldBody, index.FieldBodyExact, index.FieldBodyPairs},
				} {
					if ms := matchesIn(h.Locations, f.exact, f.pairs, index.LangField(f.base, s.Lang)); len(ms) > 0 {
						t.Errorf("%s: the locations mark %q in %s", h.ID, texts(f.text, ms), f.base)
					}
				}
			}
		})
	}
}
