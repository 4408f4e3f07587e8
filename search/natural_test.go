package search

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/advosearch/advosearch/index"
)

// The queries people type, on the five sample statements: each returned
// nothing when a small word was a required term.
func TestEngine_Search_smallWords(t *testing.T) {
	e := seedEngine(t)
	tests := []struct {
		q       string
		ignored []string
	}{
		{"freedom of expression", []string{"of"}},
		{"Independent human rights NGO threatened with closure", []string{"with"}},
		{"arrest of Kem Sokha", []string{"of"}},
		{"Hun Sen and Kem Sokha", []string{"and"}},
		{"release of human rights defenders", []string{"of"}},
		{"title:threat to close", []string{"to"}},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			res, err := e.Search(context.Background(), Request{Query: tt.q})
			if err != nil {
				t.Fatal(err)
			}
			if res.Total == 0 || res.Partial {
				t.Errorf("total %d partial %v, want statements with every word", res.Total, res.Partial)
			}
			if !slices.Equal(res.Ignored, tt.ignored) {
				t.Errorf("ignored %q, want %q", res.Ignored, tt.ignored)
			}
		})
	}
	// The same words with the small word left out find the same
	// statements: it was dropped, not searched for elsewhere.
	with, err := e.Search(context.Background(), Request{Query: "release of human rights defenders", Size: 10})
	if err != nil {
		t.Fatal(err)
	}
	without, err := e.Search(context.Background(), Request{Query: "release human rights defenders", Size: 10})
	if err != nil {
		t.Fatal(err)
	}
	if with.Total != without.Total {
		t.Errorf("with the small word %d statements, without %d", with.Total, without.Total)
	}
}

func TestEngine_Search_onlySmallWords(t *testing.T) {
	e := testEngine(t)
	// Only small words: searched as written, so they still narrow.
	for _, q := range []string{"the", "to be or not to be", "body:the"} {
		res, err := e.Search(context.Background(), Request{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		all, err := e.Search(context.Background(), Request{})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total == 0 || res.Total >= all.Total {
			t.Errorf("%s: %d of %d statements, want some but not all", q, res.Total, all.Total)
		}
	}
	// Quoted, a small word is still required exactly.
	for q, want := range map[string][]string{`"told garment workers in"`: {"close"}, `"told garment workers to"`: nil} {
		res, err := e.Search(context.Background(), Request{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(res); !slices.Equal(got, want) {
			t.Errorf("%s: got %v, want %v", q, got, want)
		}
	}
}

func TestEngine_Search_partial(t *testing.T) {
	e := seedEngine(t)
	// Six words and a small one, of which one statement has five.
	res, err := e.Search(context.Background(), Request{Query: "Hun Sen instructed the Interior Ministry zanzibar"})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Partial || res.Words != 6 || res.PartialMin != 5 || res.Total == 0 {
		t.Fatalf("partial %v, %d of %d words, %d statements; want partial matches with 5 of 6",
			res.Partial, res.PartialMin, res.Words, res.Total)
	}
	// A statement with more of the words ranks above one with fewer.
	res, err = e.Search(context.Background(), Request{Query: "Kem Sokha arrested zanzibar quokka"})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Partial || res.PartialMin != 3 {
		t.Fatalf("partial %v with %d words, want partial with 3", res.Partial, res.PartialMin)
	}
	// Nothing has even one word: no partial matches, nothing.
	res, err = e.Search(context.Background(), Request{Query: "zanzibar quokka"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Partial || res.Total != 0 {
		t.Errorf("partial %v total %d, want nothing", res.Partial, res.Total)
	}
	// Callers that announce matches ask for none.
	res, err = e.Search(context.Background(), Request{Query: "Kem Sokha zanzibar", NoPartial: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Partial || res.Total != 0 {
		t.Errorf("NoPartial: partial %v total %d, want nothing", res.Partial, res.Total)
	}
	// Excluded words stay excluded.
	res, err = e.Search(context.Background(), Request{Query: "Kem Sokha zanzibar NOT Hun"})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range res.Hits {
		st, err := e.Statement(context.Background(), h.ID)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(st.Title+st.Body, "Hun") {
			t.Errorf("%s has Hun, which the query excludes", h.ID)
		}
	}
}

// A pasted sentence finds its statement first, with its punctuation, a
// lone quotation mark and curly or straight apostrophes.
func TestEngine_Search_pastedSentence(t *testing.T) {
	e := seedEngine(t)
	seeds := map[string]index.Statement{}
	all, err := e.Search(context.Background(), Request{Size: 10})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range all.Hits {
		st, err := e.Statement(context.Background(), h.ID)
		if err != nil {
			t.Fatal(err)
		}
		seeds[h.ID] = st
	}
	tests := []struct {
		q       string
		notice  bool
		wantSub string // of the statement's body that must rank first
	}{
		// Copied from the middle of a quotation: its closing mark is lost.
		{q: `suggested that he had attempted to conceal foreign influence in the NGO, telling a gathering of garment workers that CCHR “must close`,
			notice: true, wantSub: "gathering of garment workers"},
		// A straight apostrophe where the statement has a curly one.
		{q: `The harassment and arbitrary detention of human rights defenders is contrary to Cambodia's human rights commitments`,
			wantSub: "contrary to Cambodia’s"},
		{q: `That NGO, the Cambodian Center for Human Rights (CCHR), had documented violations of freedoms of expression and assembly`,
			wantSub: "had documented violations"},
	}
	for _, tt := range tests {
		res, err := e.Search(context.Background(), Request{Query: tt.q})
		if err != nil {
			t.Fatalf("%s: %v", tt.q, err)
		}
		if (len(res.Notices) > 0) != tt.notice {
			t.Errorf("%s: notices %+v, want some: %v", tt.q, res.Notices, tt.notice)
		}
		if len(res.Hits) == 0 {
			t.Errorf("%s: nothing found", tt.q)
			continue
		}
		if st := seeds[res.Hits[0].ID]; !strings.Contains(st.Body, tt.wantSub) {
			t.Errorf("%s: first is %q, which lacks %q", tt.q, st.Title, tt.wantSub)
		}
	}
}

// Saved alerts drop small words too, and fire on full matches only.
func TestPercolator_Match_smallWords(t *testing.T) {
	p, err := NewPercolator([]index.Statement{
		{ID: "a", Title: "Crackdown", Body: "The decree curtails freedom of expression online."},
		{ID: "b", Title: "Land", Body: "Freedom for land activists."},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	for q, want := range map[string][]string{
		"freedom of expression": {"a"},
		"freedom of assembly":   nil, // b has freedom only: no partial match
	} {
		got, err := p.Match(context.Background(), Request{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: matched %v, want %v", q, got, want)
		}
	}
}

// A date range leaves out the statements without a date, and says how
// many; IncludeUndated keeps them.
func TestEngine_Search_undated(t *testing.T) {
	e := testEngine(t)
	from, to := day("2017-01-01"), day("2017-12-31")
	res, err := e.Search(context.Background(), Request{Query: "Cambodia", From: from, To: to})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(res); !slices.Equal(got, []string{"close", "late"}) || res.Undated != 1 {
		t.Errorf("dated: %v with %d undated left out, want [close late] and 1 (undated)", got, res.Undated)
	}
	res, err = e.Search(context.Background(), Request{Query: "Cambodia", From: from, To: to, IncludeUndated: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(res); !slices.Equal(got, []string{"close", "late", "undated"}) || res.Undated != 0 {
		t.Errorf("with undated: %v, %d left out; want the undated statement too and none left out", got, res.Undated)
	}
	// Without a date range nothing is left out.
	res, err = e.Search(context.Background(), Request{Query: "Cambodia"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Undated != 0 {
		t.Errorf("no range: %d left out, want 0", res.Undated)
	}
	// The undated statements are read from the facet columns of the
	// index's segments as they are now: one more is counted at once, and
	// deleted ones are not.
	if err := e.ix.Write([]index.Statement{{ID: "undated-2", Title: "Open letter", Body: "Cambodia must repeal the law."}}, nil); err != nil {
		t.Fatal(err)
	}
	if res, err = e.Search(context.Background(), Request{Query: "Cambodia", From: from, To: to}); err != nil || res.Undated != 2 {
		t.Errorf("after writing another: %d left out (%v), want 2", res.Undated, err)
	}
	if err := e.ix.Write(nil, []string{"undated", "undated-2"}); err != nil {
		t.Fatal(err)
	}
	if res, err = e.Search(context.Background(), Request{Query: "Cambodia", From: from, To: to}); err != nil || res.Undated != 0 {
		t.Errorf("with none undated: %d left out (%v), want 0", res.Undated, err)
	}
}

// A name in quotes finds it where the text gives it a possessive: people
// quote "Hun Sen", statements write "Hun Sen’s order".
func TestEngine_Search_phraseFindsThePossessive(t *testing.T) {
	e := testEngine(t)
	tests := []struct {
		q    string
		want bool
	}{
		{`"Hun Sen"`, true},
		{`"hun sen"`, true},
		{`"Hun Sen’s order"`, true},
		{`"Hun Sen's order"`, true},
		{`"Sen order"`, false}, // the possessive is only added at the end
		{`"Hun Sen"~2`, true},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			res, err := e.Search(context.Background(), Request{Query: tt.q, Strict: true, NoPartial: true})
			if err != nil {
				t.Fatal(err)
			}
			found := slices.ContainsFunc(res.Hits, func(h Hit) bool { return h.ID == "close" })
			if found != tt.want {
				t.Errorf("found the statement with “Hun Sen’s order”: %v, want %v", found, tt.want)
			}
		})
	}
}
