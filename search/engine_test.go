package search

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/advosearch/advosearch/index"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// testEngine indexes a handful of statements written like the real ones:
// curly quotes, typographic apostrophes, several sources, one undated.
func testEngine(t *testing.T) *Engine {
	t.Helper()
	ix, err := index.Open(t.TempDir(), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	stmts := []index.Statement{
		{ID: "close", Title: "PM says NGO ‘must close’", Source: "Phnom Penh Post", Published: day("2017-11-27"),
			Body:          "Hun Sen’s order: the CCHR “must close because they follow foreigners”, he told garment workers in Cambodia.",
			Organizations: []string{"Cambodian Center for Human Rights"}, People: []string{"Hun Sen"}, Places: []string{"Cambodia"}},
		{ID: "detained", Title: "Activists detained", Source: "Amnesty International", Published: day("2016-06-08"),
			Body:          "Four human rights defenders were detained in Phnom Penh, Cambodia. Amnesty calls for their release.",
			Organizations: []string{"ADHOC"}, People: []string{"Ny Sokha"}, Places: []string{"Cambodia", "Phnom Penh"}},
		{ID: "detention", Title: "Pre-trial detention", Source: "Amnesty International", Published: day("2017-01-01"),
			Body:          "The detention of ADHOC staff lasted 427 days. A defender was among them.",
			Organizations: []string{"ADHOC"}, Places: []string{"Cambodia"}},
		{ID: "undated", Title: "Joint letter on Cambodia", Source: "ISHR",
			Body:          "NGOs call on the Human Rights Council to act on Cambodia and the CCHR.",
			Organizations: []string{"Cambodian Center for Human Rights", "UN Human Rights Council"}, Places: []string{"Cambodia", "Geneva"}},
		{ID: "late", Title: "Year end review", Source: "FORUM-ASIA", Published: day("2017-12-31"),
			Body: "A review of the year in Cambodia.", Places: []string{"Cambodia"}},
	}
	if err := ix.Write(stmts, nil); err != nil {
		t.Fatal(err)
	}
	return New(ix)
}

func ids(r Result) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.ID)
	}
	slices.Sort(out)
	return out
}

func TestEngine_Search_matches(t *testing.T) {
	e := testEngine(t)
	tests := []struct {
		name string
		req  Request
		want []string
	}{
		{"straight-quoted phrase finds curly-quoted text", Request{Query: `"must close because they follow foreigners"`}, []string{"close"}},
		{"curly-quoted query is a phrase too", Request{Query: `“must close because they follow foreigners”`}, []string{"close"}},
		{"straight apostrophe finds typographic one", Request{Query: `"Hun Sen's order"`}, []string{"close"}},
		{"unquoted word is stemmed", Request{Query: `defenders`}, []string{"detained", "detention"}},
		{"quoted word is exact", Request{Query: `"defenders"`}, []string{"detained"}},
		{"title phrase", Request{Query: `title:"year end"`}, []string{"late"}},
		{"must and must-not", Request{Query: `+cambodia -detained`}, []string{"close", "late", "undated"}},
		{"regexp", Request{Query: `/detain.*/`}, []string{"detained"}},
		{"org alias on canonical name", Request{Query: `org:ADHOC`}, []string{"detained", "detention"}},
		{"org filter", Request{Organizations: []string{"Cambodian Center for Human Rights"}}, []string{"close", "undated"}},
		{"two filters are AND", Request{Organizations: []string{"ADHOC"}, People: []string{"Ny Sokha"}}, []string{"detained"}},
		{"source filter", Request{Sources: []string{"Amnesty International"}}, []string{"detained", "detention"}},
		{"date range inclusive both ends", Request{From: day("2017-01-01"), To: day("2017-12-31")}, []string{"close", "detention", "late"}},
		{"open-ended from", Request{From: day("2017-11-28")}, []string{"late"}},
		{"empty query finds all", Request{}, []string{"close", "detained", "detention", "late", "undated"}},
		{"bare number matches no numeric field", Request{Query: `427`}, []string{"detention"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := e.Search(context.Background(), tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(res); !slices.Equal(got, tt.want) {
				t.Errorf("hits = %v, want %v", got, tt.want)
			}
			if res.Total != uint64(len(tt.want)) {
				t.Errorf("total = %d, want %d", res.Total, len(tt.want))
			}
		})
	}
}

func TestEngine_Search_facetsCountAllMatches(t *testing.T) {
	e := testEngine(t)
	res, err := e.Search(context.Background(), Request{Query: "cambodia", Size: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 || res.Total != 4 {
		t.Fatalf("got %d hits of %d, want 1 of 4", len(res.Hits), res.Total)
	}
	count := func(fs []FacetValue, v string) int {
		for _, f := range fs {
			if f.Value == v {
				return f.Count
			}
		}
		return 0
	}
	if got := count(res.Facets.Places, "Cambodia"); got != 4 {
		t.Errorf("places Cambodia = %d, want 4", got)
	}
	if got := count(res.Facets.Sources, "Amnesty International"); got != 1 {
		t.Errorf("source Amnesty = %d, want 1", got)
	}
	var years []string
	for _, b := range res.Facets.Published {
		years = append(years, b.Label+":"+string(rune('0'+b.Count)))
	}
	if want := []string{"2016:1", "2017:2"}; !slices.Equal(years, want) {
		t.Errorf("years = %v, want %v", years, want)
	}
}

func TestEngine_Search_sortByDate(t *testing.T) {
	e := testEngine(t)
	for _, tt := range []struct {
		sort Sort
		want []string
	}{
		{SortDateDesc, []string{"late", "close", "detention", "detained", "undated"}},
		{SortDate, []string{"detained", "detention", "close", "late", "undated"}},
	} {
		res, err := e.Search(context.Background(), Request{Sort: tt.sort})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.ID)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("sort %s = %v, want %v", tt.sort, got, tt.want)
		}
	}
}

func TestEngine_Search_highlights(t *testing.T) {
	e := testEngine(t)
	res, err := e.Search(context.Background(), Request{Query: `"follow foreigners" ngo`})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 || res.Hits[0].ID != "close" {
		t.Fatalf("hits = %v", ids(res))
	}
	var marked []string
	for _, s := range res.Hits[0].Snippets {
		for _, sp := range s {
			if sp.Hit {
				marked = append(marked, sp.Text)
			}
		}
	}
	if !slices.Equal(marked, []string{"follow foreigners"}) {
		t.Errorf("body hits = %q, want the phrase marked once", marked)
	}
	var title []string
	for _, sp := range res.Hits[0].Title {
		if sp.Hit {
			title = append(title, sp.Text)
		}
	}
	if !slices.Equal(title, []string{"NGO"}) {
		t.Errorf("title hits = %q, want [NGO]", title)
	}
}

// TestEngine_Search_marksStemmedWords checks the marks of unquoted words,
// found by analysing the page's texts again: every inflection the stem
// matched, in the fields the query named.
func TestEngine_Search_marksStemmedWords(t *testing.T) {
	e := testEngine(t)
	marks := func(spans []Span) []string {
		var out []string
		for _, sp := range spans {
			if sp.Hit {
				out = append(out, sp.Text)
			}
		}
		return out
	}
	for _, tc := range []struct {
		q, id       string
		title, body []string
	}{
		{"detain", "detained", []string{"detained"}, []string{"detained"}},
		{"reviews", "late", []string{"review"}, []string{"review"}},
		{"title:review", "late", []string{"review"}, nil},
		{"body:review", "late", nil, []string{"review"}},
		{`"a review" year`, "late", []string{"Year"}, []string{"A review", "year"}},
	} {
		res, err := e.Search(context.Background(), Request{Query: tc.q})
		if err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(res.Hits, func(h Hit) bool { return h.ID == tc.id })
		if i < 0 {
			t.Fatalf("%s: %s not found in %v", tc.q, tc.id, ids(res))
		}
		var body []string
		for _, sn := range res.Hits[i].Snippets {
			body = append(body, marks(sn)...)
		}
		if title := marks(res.Hits[i].Title); !slices.Equal(title, tc.title) || !slices.Equal(body, tc.body) {
			t.Errorf("%s: title marks %q, body marks %q; want %q and %q", tc.q, title, body, tc.title, tc.body)
		}
	}
}

func TestEngine_Search_invalid(t *testing.T) {
	e := testEngine(t)
	tests := []struct {
		name  string
		req   Request
		field string
	}{
		{"unterminated phrase", Request{Query: `"must close`, Strict: true}, "q"},
		{"dangling operator", Request{Query: `cambodia AND`, Strict: true}, "q"},
		{"broken regexp", Request{Query: `/[/`, Strict: true}, "q"},
		{"size zero", Request{Size: -1}, "size"},
		{"size too big", Request{Size: MaxSize + 1}, "size"},
		{"negative page", Request{Page: -2}, "page"},
		{"page too deep", Request{Page: MaxDepth, Size: 10}, "page"},
		{"unknown sort", Request{Sort: "popular"}, "sort"},
		{"to before from", Request{From: day("2017-02-01"), To: day("2017-01-01")}, "to"},
		{"query too long", Request{Query: strings.Repeat("rights ", MaxQueryLen)}, "q"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := e.Search(context.Background(), tt.req)
			var inv *InvalidError
			if !errors.As(err, &inv) || !errors.Is(err, ErrInvalid) {
				t.Fatalf("err = %v, want an InvalidError", err)
			}
			if inv.Field != tt.field {
				t.Errorf("field = %q, want %q", inv.Field, tt.field)
			}
		})
	}
}

func TestEngine_Search_timeout(t *testing.T) {
	e := testEngine(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := e.Search(ctx, Request{Query: "cambodia"}); !errors.Is(err, ErrTimeout) {
		t.Fatalf("err = %v, want ErrTimeout", err)
	}
}

func TestEngine_Search_cachedFacetsOfEverythingFollowWrites(t *testing.T) {
	ix, err := index.Open(t.TempDir(), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	e := New(ix)
	sources := func() map[string]int {
		res, err := e.Search(context.Background(), Request{})
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]int{}
		for _, f := range res.Facets.Sources {
			m[f.Value] = f.Count
		}
		return m
	}
	write := func(id, source string) {
		if err := ix.Write([]index.Statement{{ID: id, Title: "t", Body: "b", Source: source}}, nil); err != nil {
			t.Fatal(err)
		}
	}
	write("a", "LICADHO")
	if got := sources(); got["LICADHO"] != 1 {
		t.Fatalf("first count %v", got)
	}
	if got := sources(); got["LICADHO"] != 1 { // from the cache
		t.Fatalf("cached count %v", got)
	}
	write("b", "LICADHO")
	write("c", "ADHOC")
	if got := sources(); got["LICADHO"] != 2 || got["ADHOC"] != 1 {
		t.Errorf("after two writes: %v, want the cache renewed", got)
	}
	// A filtered search never uses the cache.
	res, err := e.Search(context.Background(), Request{Sources: []string{"ADHOC"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Facets.Sources) != 1 || res.Facets.Sources[0].Count != 1 {
		t.Errorf("filtered facets %v", res.Facets.Sources)
	}
}

func TestEngine_Search_noFacets(t *testing.T) {
	e := testEngine(t)
	res, err := e.Search(context.Background(), Request{Query: "cambodia", NoFacets: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 4 || len(res.Hits) != 4 {
		t.Errorf("total %d hits %d, want 4 and 4", res.Total, len(res.Hits))
	}
	if len(res.Facets.Places)+len(res.Facets.Sources)+len(res.Facets.Published) != 0 {
		t.Errorf("facets counted though not asked for: %+v", res.Facets)
	}
}

func TestEngine_Search_neverReturnsQuotes(t *testing.T) {
	ix, err := index.Open(t.TempDir(), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	err = ix.Write([]index.Statement{{
		ID: "s", Title: "Statement", Body: "Hun Sen said the NGO must close.", Source: "LICADHO",
		Organizations: []string{"LICADHO"}, Published: day("2017-11-27"),
		Quotes: []index.Quote{{Text: "the NGO must close because they follow foreigners", Speaker: "Hun Sen"}},
	}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	e := New(ix)
	for _, r := range []Request{
		{}, {Query: "*"}, {Query: "NOT zzz"}, {Query: `source:LICADHO`}, {Query: "org:LICADHO"},
		{Sources: []string{"LICADHO"}}, {Organizations: []string{"LICADHO"}}, {From: day("2017-01-01")},
		{Query: `published:2017`}, {Query: `"must close"`},
	} {
		res, err := e.Search(context.Background(), r)
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != 1 || res.Hits[0].ID != "s" {
			t.Errorf("%+v: total %d, hits %v; want the statement alone", r, res.Total, ids(res))
		}
	}
}

// TestSearch_phraseOfPairs checks that a phrase searched as word pairs
// still needs its words in a row: every pair of "in the court of" is in
// the first statement, but not one after the other.
func TestSearch_phraseOfPairs(t *testing.T) {
	ix, err := index.Open(t.TempDir(), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	err = ix.Write([]index.Statement{
		{ID: "apart", Title: "Hearing", Body: "In the court we sat; the court of appeal heard it."},
		{ID: "together", Title: "Appeal", Body: "They met in the court of appeal."},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	eng := New(ix)
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{`"in the court of"`, []string{"together"}},
		{`"the court of appeal"`, []string{"apart", "together"}},
		{`"court"`, []string{"apart", "together"}},
		{`"we sat the court"`, []string{"apart"}}, // punctuation is no word
		{`"court in the"`, nil},
		{`"the court of"`, []string{"apart", "together"}},
		{`"of the court"`, nil},
		// Longer phrases are searched as every other pair and the last.
		{`"they met in the court"`, []string{"together"}},
		{`"they met in the court of appeal"`, []string{"together"}},
		{`"they met at the court"`, nil},
		{`"they met in the hall"`, nil}, // the last pair counts too
		{`"the court we sat the court of"`, []string{"apart"}},
	} {
		res, err := eng.Search(context.Background(), Request{Query: tc.q})
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(res); !slices.Equal(got, tc.want) {
			t.Errorf("%s found %v, want %v", tc.q, got, tc.want)
		}
		for _, h := range res.Hits {
			marked := snippetMarks(h)
			if phrase := strings.Trim(tc.q, `"`); !slices.Contains(marked, phrase) && !strings.Contains(phrase, "sat") {
				t.Errorf("%s: %s marks %q, not the phrase", tc.q, h.ID, marked)
			}
		}
	}
}

// TestSearch_marksWordsWhereTheyStandTogether checks what a page marks of
// a phrase and of the adjacency boost: a quoted phrase's words only where
// they stand as the phrase, and a small word of unquoted words (which the
// stemmed fields drop) only beside the words it stood between in the query.
func TestSearch_marksWordsWhereTheyStandTogether(t *testing.T) {
	eng := langEngine(t, []index.Statement{
		{ID: "s", Title: "Ruling", Body: "The court of appeal ruled. The court sat late; an appeal of the ruling is due. " +
			"The ministry urged the authorities to act, and the police urged calm."},
	})
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{`"court of appeal"`, []string{"court of appeal"}},
		{`urged the authorities`, []string{"urged the authorities", "urged"}},
		{`court appeal`, []string{"court", "appeal", "court", "appeal"}},
	} {
		res, err := eng.Search(context.Background(), Request{Query: tc.q})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) != 1 {
			t.Fatalf("%s: %d hits, want 1", tc.q, len(res.Hits))
		}
		if marked := snippetMarks(res.Hits[0]); !slices.Equal(marked, tc.want) {
			t.Errorf("%s marks %q, want %q", tc.q, marked, tc.want)
		}
	}
}

// snippetMarks returns the marked words of a hit's snippets, lower-cased.
func snippetMarks(h Hit) []string {
	var marked []string
	for _, sn := range h.Snippets {
		for _, sp := range sn {
			if sp.Hit {
				marked = append(marked, strings.ToLower(sp.Text))
			}
		}
	}
	return marked
}

// TestEngine_Search_waitsForASlot checks that a search waits while every
// slot is taken, answers ErrTimeout when its time runs out in line, and
// runs once a slot is free. No search has ended yet, so the engine knows no
// service time and refuses nothing for its deadline (admission_test.go
// tests the refusals).
func TestEngine_Search_waitsForASlot(t *testing.T) {
	e := testEngine(t)
	for range cap(e.admit.slots) {
		e.admit.slots <- struct{}{}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := e.Search(ctx, Request{Query: "cambodia"}); !errors.Is(err, ErrTimeout) {
		t.Fatalf("search with every slot taken: %v, want ErrTimeout", err)
	}
	if _, err := e.Quotes(ctx, QuoteRequest{Query: "must close"}); !errors.Is(err, ErrTimeout) {
		t.Fatalf("quote search with every slot taken: %v, want ErrTimeout", err)
	}
	<-e.admit.slots
	res, err := e.Search(context.Background(), Request{Query: "cambodia"})
	if err != nil || res.Total == 0 {
		t.Fatalf("search with a slot free: %d hits, %v", res.Total, err)
	}
	if len(e.admit.slots) != cap(e.admit.slots)-1 {
		t.Errorf("%d slots taken after the search, want %d: it kept its slot", len(e.admit.slots), cap(e.admit.slots)-1)
	}
}
