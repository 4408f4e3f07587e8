package search

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/advosearch/advosearch/index"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// TestEngine_countUndated_sameAsBleve counts the undated statements a date
// range leaves out by the columns and by Bleve's own "every statement minus
// every date", over segments written apart, with quotes (which have no date
// either) and deletions among them.
func TestEngine_countUndated_sameAsBleve(t *testing.T) {
	ix, err := index.Open(t.TempDir(), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	sources := []string{"Amnesty International", "LICADHO", "ISHR"}
	for batch := range 3 {
		var stmts []index.Statement
		for i := range 40 {
			n := batch*40 + i
			s := index.Statement{ID: fmt.Sprintf("s%03d", n), Title: "Statement on Cambodia", Source: sources[n%3],
				Body: fmt.Sprintf("Human rights defenders in Cambodia, statement %d. “We will not be silenced,” said %s.", n, sources[n%3])}
			if n%4 != 0 {
				s.Published = time.Date(2010+n%12, time.Month(1+n%12), 1+n%28, 0, 0, 0, 0, time.UTC)
			}
			if n%5 == 0 {
				s.Body += " Courts detained activists."
			}
			if n%3 == 2 {
				s.Quotes = []index.Quote{{Text: "We will not be silenced", Speaker: "ISHR", Sentence: "“We will not be silenced,” said ISHR."}}
			}
			stmts = append(stmts, s)
		}
		var gone []string
		if batch > 0 {
			gone = []string{fmt.Sprintf("s%03d", batch*40-4), fmt.Sprintf("s%03d", batch*40-3)}
		}
		if err := ix.Write(stmts, gone); err != nil {
			t.Fatal(err)
		}
	}
	e := New(ix)
	from, to := day("2013-01-01"), day("2016-12-31")
	for _, r := range []Request{
		{Query: "cambodia", From: from, To: to},
		{Query: "detained", From: from},
		{Query: `"human rights"`, To: to, Sources: []string{"LICADHO"}},
		{Query: "silenced", From: from, To: to, Sources: []string{"ISHR"}},
		{Query: "", From: from, To: to},
		{Query: "zanzibar", From: from, To: to},
	} {
		t.Run(r.Query+fmt.Sprint(r.Sources), func(t *testing.T) {
			res, err := e.Search(context.Background(), r)
			if err != nil {
				t.Fatal(err)
			}
			c, err := newCompiler(ix, nil, defaultRanking).compile(r.Query, compileOptions{})
			if err != nil {
				t.Fatal(err)
			}
			r.From, r.To = time.Time{}, time.Time{}
			want, err := ix.Search(context.Background(),
				bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(bleveFilterQuery(c.query, r), undated()), 0, 0, false))
			if err != nil {
				t.Fatal(err)
			}
			if res.Undated != want.Total {
				t.Errorf("undated left out: got %d, want %d", res.Undated, want.Total)
			}
			// Kept instead, they are found.
			with := r
			with.From, with.To, with.IncludeUndated = from, to, true
			got, err := e.Search(context.Background(), with)
			if err != nil {
				t.Fatal(err)
			}
			all, err := ix.Search(context.Background(), bleve.NewSearchRequestOptions(bleveFilterQuery(c.query, with), 0, 0, false))
			if err != nil {
				t.Fatal(err)
			}
			if got.Total != all.Total || got.Undated != 0 {
				t.Errorf("with the undated: %d found, %d left out; want %d and none", got.Total, got.Undated, all.Total)
			}
		})
	}
}

// undated matches the statements without a publication date as Bleve
// alone can say it, the reference undatedQuery is checked against: every
// statement but those with a date in any year the index can hold (Bleve
// stores dates as nanoseconds since 1970 in an int64: 1677 to 2262).
func undated() query.Query {
	inclusive := true
	anyDate := bleve.NewDateRangeInclusiveQuery(firstDate, lastDate, &inclusive, &inclusive)
	anyDate.SetField(index.FieldPublished)
	return query.NewBooleanQuery([]query.Query{index.KindQuery(index.KindStatement)}, nil, []query.Query{anyDate})
}

// bleveFilterQuery is filterQuery as Bleve alone can say it, with undated()
// for IncludeUndated: the reference the engine's searches are checked
// against.
func bleveFilterQuery(main query.Query, r Request) query.Query {
	dated := r
	dated.From, dated.To, dated.IncludeUndated = time.Time{}, time.Time{}, false
	q := filterQuery(main, dated, nil)
	dq := dateFilter(index.FieldPublished, r.From, r.To)
	if dq == nil {
		return q
	}
	if r.IncludeUndated {
		dq = bleve.NewDisjunctionQuery(dq, undated())
	}
	return bleve.NewConjunctionQuery(q, dq)
}
