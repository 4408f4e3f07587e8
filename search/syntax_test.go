package search

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/query"
)

// The five seeds, by the first three characters of their IDs:
// 000 Amnesty International, 001 Phnom Penh Post, 002 FORUM-ASIA (published
// 2017-11-27), 003 ISHR, 004 Human Rights Now (published 2016-06-08). Each
// expectation below was read from the texts in corpus/seeds.
func TestEngine_Search_syntaxOverSeeds(t *testing.T) {
	e := seedEngine(t)
	tests := []struct {
		q, tree string
		want    []string
	}{
		// Exact means exact; unquoted words are stemmed.
		{`detained`, `(term "detained")`, []string{"002", "003", "004"}},
		{`"detained"`, `(phrase "detained")`, []string{"002", "003", "004"}},
		{`detention`, `(term "detention")`, []string{"000", "003", "004"}}, // 003 has only "detentions"
		{`"detention"`, `(phrase "detention")`, []string{"000", "004"}},
		{`"must close because they follow foreigners"`, `(phrase "must close because they follow foreigners")`, []string{"001"}},
		{`“must close because they follow foreigners”`, `(phrase "must close because they follow foreigners")`, []string{"001"}},
		{`"Hun Sen’s"`, `(phrase "Hun Sen’s")`, []string{"000", "002", "003"}},
		{`"Hun Sen's"`, `(phrase "Hun Sen's")`, []string{"000", "002", "003"}},
		{`"colour revolution"`, `(phrase "colour revolution")`, []string{"000", "002"}},
		{`"workers garment"`, `(phrase "workers garment")`, nil},
		{`"CCHR founded Sokha"`, `(phrase "CCHR founded Sokha")`, nil},
		{`"Prime Minister"`, `(phrase "Prime Minister")`, []string{"000", "001", "002", "004"}},
		// Proximity: any order, at most N words between.
		{`"Hun Sen CCHR"~10`, `(phrase "Hun Sen CCHR" ~10)`, []string{"000", "001", "002"}},
		{`"Hun Sen CCHR"~2`, `(phrase "Hun Sen CCHR" ~2)`, nil},
		{`"CCHR founded Sokha"~3`, `(phrase "CCHR founded Sokha" ~3)`, []string{"000", "001", "002"}},
		{`"workers garment"~0`, `(phrase "workers garment" ~0)`, []string{"001", "002"}},
		// Fuzzy, wildcard, regexp.
		{`Sokah~1`, `(fuzzy "Sokah" ~1)`, []string{"000", "001", "002", "004"}},
		{`Sok*`, `(wildcard "Sok*")`, []string{"000", "001", "002", "004"}},
		{`detain*`, `(wildcard "detain*")`, []string{"002", "003", "004"}},
		{`/detain(ed|s)?/`, `(regexp "detain(ed|s)?")`, []string{"002", "003", "004"}},
		// Boolean operators and grouping.
		{`Hun Sen AND NOT ADHOC`, `(and (term "Hun") (term "Sen") (not (term "ADHOC")))`, []string{"001", "002", "003"}},
		{`Hun Sen OR ADHOC`, `(or (and (term "Hun") (term "Sen")) (term "ADHOC"))`, []string{"000", "001", "002", "003", "004"}},
		{`(Hun Sen OR "Prime Minister") AND NOT ADHOC`, `(and (or (and (term "Hun") (term "Sen")) (phrase "Prime Minister")) (not (term "ADHOC")))`, []string{"001", "002", "003"}},
		{`+cchr -adhoc`, `(and (term "cchr") (not (term "adhoc")))`, []string{"001", "002", "003"}},
		{`foreigners && !treason`, `(and (term "foreigners") (not (term "treason")))`, []string{"000", "003", "004"}}, // 004: "Foreign Affairs", stemmed
		{`treason || lotus`, `(or (term "treason") (term "lotus"))`, []string{"001", "002"}},
		{`treason^3 OR lotus`, `(or (term "treason" ^3) (term "lotus"))`, []string{"001", "002"}},
		{`NOT cambodia`, `(not (term "cambodia"))`, nil},
		{`-cambodia OR Brooks`, `(or (term "Brooks") (not (term "cambodia")))`, nil},
		{`Khmers OR (Brooks AND NOT Cambodia)`, `(or (term "Khmers") (and (term "Brooks") (not (term "Cambodia"))))`, []string{"001"}},
		{`"Tep Vanny" AND (detention OR prisoners)`, `(and (phrase "Tep Vanny") (or (term "detention") (term "prisoners")))`, []string{"000", "003"}},
		{`garment workers`, `(and (term "garment") (term "workers"))`, []string{"001", "002"}},
		{`*`, `(all)`, []string{"000", "001", "002", "003", "004"}},
		// Fields.
		{`title:"must close"`, `(phrase title "must close")`, []string{"001"}},
		{`title:close`, `(term title "close")`, []string{"001", "002"}},
		{`body:"Ministry of Interior"`, `(phrase body "Ministry of Interior")`, []string{"000", "001", "002"}},
		{`org:"Cambodian Center for Human Rights"`, `(phrase org "Cambodian Center for Human Rights")`, []string{"000", "001", "002", "003"}},
		{`source:"Amnesty International"`, `(phrase source "Amnesty International")`, []string{"000"}},
		{`person:"Kem Sokha"`, `(phrase person "Kem Sokha")`, []string{"000", "001", "002", "004"}},
		{`place:Bangkok`, `(term place "Bangkok")`, []string{"002"}},
		{`lang:en`, `(term lang "en")`, []string{"000", "001", "002", "003", "004"}},
		// Dates.
		{`published:>=2017`, `(date published 2017-01-01 *)`, []string{"002"}},
		{`published:2016`, `(date published 2016-01-01 2017-01-01)`, []string{"004"}},
		{`published:[2016 TO 2017]`, `(date published 2016-01-01 2018-01-01)`, []string{"002", "004"}},
		{`published:<2017`, `(date published * 2017-01-01)`, []string{"004"}},
		{`published:{2016-06-08 TO 2017-11-27]`, `(date published 2016-06-09 2017-11-28)`, []string{"002"}},
		{`org:"Cambodian Center for Human Rights" AND published:[2017-01-01 TO 2017-12-31]`,
			`(and (phrase org "Cambodian Center for Human Rights") (date published 2017-01-01 2018-01-01))`, []string{"002"}},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			tree, err := query.Parse(tt.q, query.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := tree.String(); got != tt.tree {
				t.Errorf("tree = %s\nwant   %s", got, tt.tree)
			}
			if got := matchedSeeds(t, e, tt.q); !slices.Equal(got, tt.want) {
				t.Errorf("matched %v, want %v", got, tt.want)
			}
		})
	}
}

// matchedSeeds returns the seeds q matches, by the first three characters
// of their IDs, sorted; it fails the test unless the total agrees.
func matchedSeeds(t *testing.T, e *Engine, q string) []string {
	t.Helper()
	res, err := e.Search(context.Background(), Request{Query: q})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range res.Hits {
		got = append(got, h.ID[:3])
	}
	slices.Sort(got)
	if res.Total != uint64(len(got)) {
		t.Errorf("%s: total %d, but %d hits", q, res.Total, len(got))
	}
	return got
}

func TestEngine_Search_syntaxErrorsTeach(t *testing.T) {
	e := seedEngine(t)
	tests := []struct {
		q      string
		column int
		reason string
	}{
		{`(Hun Sen`, 1, "unbalanced parenthesis"},
		{`Hun Sen AND`, 9, "AND"},
		{`"must close`, 1, "closing quote"},
		{`*ngo`, 1, "at least 2 letters"},
		{`a:b`, 1, `unknown field "a"`},
		{`Sokha~5`, 6, "fuzzy distance"},
		{`published:2017-13`, 11, "2017-13"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			_, err := e.Search(context.Background(), Request{Query: tt.q, Strict: true})
			var inv *InvalidError
			if !errors.As(err, &inv) {
				t.Fatalf("strict: err = %v, want an InvalidError", err)
			}
			if inv.Column != tt.column || !strings.Contains(inv.Reason, tt.reason) {
				t.Errorf("strict: column %d reason %q, want column %d and %q", inv.Column, inv.Reason, tt.column, tt.reason)
			}
			// Read forgivingly, the query is searched and the same error
			// comes back as a notice.
			res, err := e.Search(context.Background(), Request{Query: tt.q})
			if err != nil {
				t.Fatalf("forgiving: %v", err)
			}
			if len(res.Notices) == 0 || res.Notices[0].Column != tt.column || !strings.Contains(res.Notices[0].Message, tt.reason) {
				t.Errorf("forgiving: notices %+v, want column %d and %q first", res.Notices, tt.column, tt.reason)
			}
		})
	}
}

func TestEngine_Search_tooBroadPatternIsRefused(t *testing.T) {
	ix, err := index.Open(t.TempDir(), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	var words strings.Builder
	for i := range MaxExpansions + 1 {
		fmt.Fprintf(&words, "ab%04d ", i)
	}
	if err := ix.Write([]index.Statement{{ID: "many", Title: "t", Body: words.String()}}, nil); err != nil {
		t.Fatal(err)
	}
	e := New(ix)
	_, err = e.Search(context.Background(), Request{Query: "ab*"})
	var inv *InvalidError
	if !errors.As(err, &inv) || !strings.Contains(inv.Reason, "more than") {
		t.Fatalf("err = %v, want a 400 saying the pattern is too broad", err)
	}
	res, err := e.Search(context.Background(), Request{Query: "ab000*"})
	if err != nil || res.Total != 1 {
		t.Fatalf("a narrow pattern: total %d, err %v", res.Total, err)
	}
}

func TestEngine_Search_suggestsCorrections(t *testing.T) {
	e := seedEngine(t)
	for _, tt := range []struct{ q, want string }{
		{`Kem Sokah`, `Kem Sokha`},
		{`"color revolution"`, `"colour revolution"`},
		{`Kem Sokha`, ``}, // found: nothing to suggest
	} {
		res, err := e.Search(context.Background(), Request{Query: tt.q})
		if err != nil {
			t.Fatal(err)
		}
		if res.Suggestion != tt.want {
			t.Errorf("%s: suggestion %q, want %q", tt.q, res.Suggestion, tt.want)
		}
	}
}

func TestEngine_Search_saysWhatWasExact(t *testing.T) {
	e := seedEngine(t)
	res, err := e.Search(context.Background(), Request{Query: `"must close" foreigners OR Khmers -"Hun Sen" -treason`})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.Exact, []string{"must close"}) || !slices.Equal(res.Stemmed, []string{"foreigners", "Khmers"}) {
		t.Errorf("exact %q stemmed %q", res.Exact, res.Stemmed)
	}
}

func TestEngine_Search_namesAsTheTextWritesThem(t *testing.T) {
	e := seedEngine(t)
	for _, tt := range []struct {
		q    string
		want []string
	}{
		// 000, 001, 002, 003 call it CCHR; 004 never names it.
		{`org:CCHR`, []string{"000", "001", "002", "003"}},
		{`org:cchr`, []string{"000", "001", "002", "003"}},
		// Amnesty writes the British spelling; the facet keeps one name.
		{`org:"Cambodian Centre for Human Rights"`, []string{"000"}},
		{`org:ADHOC`, []string{"000", "004"}},
		{`person:"hun sen"`, []string{"000", "001", "002", "003", "004"}},
		{`org:"Cambodian Center for Human Rights"`, []string{"000", "001", "002", "003"}},
	} {
		if got := matchedSeeds(t, e, tt.q); !slices.Equal(got, tt.want) {
			t.Errorf("%s: matched %v, want %v", tt.q, got, tt.want)
		}
	}
}
