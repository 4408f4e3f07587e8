package search

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/advosearch/advosearch/index"
)

func TestEngine_Mark(t *testing.T) {
	ix, err := index.Open(t.TempDir(), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	land := index.Statement{ID: "land", Title: "Land activists jailed after protest", Lang: "en",
		Body: "Three land activists were jailed in Phnom Penh.\n\nLICADHO called for the release of the activist and of <b>two</b> others."}
	other := index.Statement{ID: "other", Title: "Journalists detained", Lang: "en",
		Body: "Two journalists were detained in Phnom Penh."}
	if err := ix.Write([]index.Statement{land, other}, nil); err != nil {
		t.Fatal(err)
	}
	e := New(ix)
	tests := []struct {
		name        string
		query       string
		defaultOr   bool
		title, body []string // the marked words, in order
	}{
		{"words and their variants", "activists", false, []string{"activists"}, []string{"activists", "activist"}},
		{"a phrase is one mark", `"land activists"`, false, []string{"Land activists"}, []string{"land activists"}},
		{"every word of an AND", "jailed release", false, []string{"jailed"}, []string{"jailed", "release"}},
		{"a partial hit shows the words it has", "jailed zanzibar", false, []string{"jailed"}, []string{"jailed"}},
		{"or", "zanzibar OR jailed", false, []string{"jailed"}, []string{"jailed"}},
		{"excluded words are not marked", "activists NOT journalists", false, []string{"activists"}, []string{"activists", "activist"}},
		{"a statement the query excludes marks nothing", "activists NOT licadho", false, nil, nil},
		{"a name field", `place:"Phnom Penh" jailed`, false, []string{"jailed"}, []string{"jailed"}},
		{"no match marks nothing", "zanzibar", false, nil, nil},
		{"blank", "  ", false, nil, nil},
		{"markup in the query is words", "<b>two</b>", false, nil, []string{"b", "two", "b"}},
		{"default or", "zanzibar jailed", true, []string{"jailed"}, []string{"jailed"}},
	}
	marked := func(spans []Span) []string {
		var out []string
		for _, s := range spans {
			if s.Hit {
				out = append(out, s.Text)
			}
		}
		return out
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := e.Mark(context.Background(), land, Request{Query: tt.query, DefaultOr: tt.defaultOr})
			if err != nil {
				t.Fatal(err)
			}
			if got := marked(m.Title); !slices.Equal(got, tt.title) {
				t.Errorf("title marks %q, want %q", got, tt.title)
			}
			if got := marked(m.Body); !slices.Equal(got, tt.body) {
				t.Errorf("body marks %q, want %q", got, tt.body)
			}
			if got := spansText(m.Body); got != land.Body {
				t.Errorf("the body's spans join to %q, want the body", got)
			}
			if got := spansText(m.Title); got != land.Title {
				t.Errorf("the title's spans join to %q, want the title", got)
			}
		})
	}

	t.Run("a query too long is invalid", func(t *testing.T) {
		_, err := e.Mark(context.Background(), land, Request{Query: strings.Repeat("a ", MaxQueryLen)})
		if !errors.Is(err, ErrInvalid) {
			t.Errorf("error %v, want ErrInvalid", err)
		}
	})
	t.Run("a done context is a timeout", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := e.Mark(ctx, land, Request{Query: "activists"})
		if !errors.Is(err, ErrTimeout) && !errors.Is(err, ErrOverloaded) {
			t.Errorf("error %v, want ErrTimeout", err)
		}
	})
}

func spansText(spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(s.Text)
	}
	return b.String()
}

func TestEngine_QuotesOf(t *testing.T) {
	ix, err := index.Open(t.TempDir(), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	quotes := make([]index.Quote, 12)
	for i := range quotes {
		quotes[i] = index.Quote{Text: "quote " + string(rune('a'+i)), Sentence: "“quote " + string(rune('a'+i)) + ",” she said."}
	}
	quotes[0].Speaker = "Kem Sokha"
	if err := ix.Write([]index.Statement{
		{ID: "many", Title: "Many", Body: "…", Quotes: quotes},
		// An ID that starts like the other's.
		{ID: "many2", Title: "More", Body: "…", Quotes: quotes[:1]},
		{ID: "none", Title: "None", Body: "…"},
	}, nil); err != nil {
		t.Fatal(err)
	}
	e := New(ix)
	got, err := e.QuotesOf(context.Background(), "many")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(quotes) {
		t.Fatalf("%d quotes, want %d: %+v", len(got), len(quotes), got)
	}
	for i, q := range got {
		if q.N != i+1 || q.Quote != quotes[i] {
			t.Errorf("quote %d: %+v, want N=%d %+v", i, q, i+1, quotes[i])
		}
	}
	for _, id := range []string{"none", "no-such-statement"} {
		if got, err := e.QuotesOf(context.Background(), id); err != nil || len(got) != 0 {
			t.Errorf("QuotesOf(%s) = %+v, %v; want none", id, got, err)
		}
	}
}

// BenchmarkEngine_statementPage measures what the statement page asks of
// the engine besides the statement: the marks of a search and the
// quotations, on one statement of 5,000 that all hold the searched words.
// Neither may grow with the index: both look at one statement's IDs.
func BenchmarkEngine_statementPage(b *testing.B) {
	ix, err := index.Open(b.TempDir(), index.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	const n = 5_000
	stmts := make([]index.Statement, n)
	for i := range stmts {
		id := "s" + strconv.Itoa(i)
		stmts[i] = index.Statement{ID: id, Title: "Land activists jailed in province " + strconv.Itoa(i), Lang: "en",
			Body: strings.Repeat("Three land activists were jailed after a protest over their land. ", 20) +
				"“We did nothing but ask for our land back,” one said. “Release them,” said another.",
			Quotes: []index.Quote{{Text: "We did nothing but ask for our land back"}, {Text: "Release them"}}}
	}
	for i := 0; i < n; i += 500 {
		if err := ix.Write(stmts[i:i+500], nil); err != nil {
			b.Fatal(err)
		}
	}
	e := New(ix)
	ctx := context.Background()
	st, err := e.Statement(ctx, "s2500")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("Mark", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			m, err := e.Mark(ctx, st, Request{Query: "land activists protest"})
			if err != nil || len(m.Body) < 2 {
				b.Fatalf("marks %d, %v", len(m.Body), err)
			}
		}
	})
	b.Run("QuotesOf", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			q, err := e.QuotesOf(ctx, st.ID)
			if err != nil || len(q) != 2 {
				b.Fatalf("quotes %d, %v", len(q), err)
			}
		}
	})
}
