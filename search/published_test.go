package search

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/advosearch/advosearch/index"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// TestPublishedQuery_sameAsBleve finds, for date bounds at day edges and
// open ends, the statements Bleve's own date range finds, over segments
// written apart with deletions and quotes. Their order may differ: Bleve's
// range adds a score that depends on the date terms a statement hit.
func TestPublishedQuery_sameAsBleve(t *testing.T) {
	ix := datedIndex(t)
	e := New(ix)
	ctx := context.Background()
	for _, r := range []Request{
		{From: day("2013-01-01"), To: day("2016-12-31")},
		// Two statements were published on 2013-04-16, at 3:00 and 15:00:
		// both days are inclusive.
		{From: day("2013-04-16"), To: day("2013-04-16")},
		{From: day("2013-04-16")},
		{From: day("2013-04-17")},
		{To: day("2013-04-16")},
		{To: day("2013-04-15")},
		{From: day("2030-01-01")},
		{To: day("1900-01-01")},
		{From: day("1001-01-01"), To: day("9999-12-31")}, // beyond what Bleve stores
		{Query: "detained", From: day("2011-01-01"), To: day("2019-12-31")},
		{Query: "cambodia", From: day("2011-01-01"), To: day("2019-12-31"), Sources: []string{"ISHR"}},
		{Query: "silenced", To: day("2017-06-30"), IncludeUndated: true},
		{Query: `"human rights"`, From: day("2014-01-01"), IncludeUndated: true},
	} {
		r.Size = 100
		t.Run(fmt.Sprintf("%s %v–%v %v", r.Query, r.From.Format(time.DateOnly), r.To.Format(time.DateOnly), r.IncludeUndated), func(t *testing.T) {
			got, err := e.Search(ctx, r)
			if err != nil {
				t.Fatal(err)
			}
			c, err := newCompiler(ix, nil, defaultRanking).compile(r.Query, compileOptions{})
			if err != nil {
				t.Fatal(err)
			}
			want, err := ix.Search(ctx, bleve.NewSearchRequestOptions(bleveFilterQuery(c.query, r), r.Size, 0, false))
			if err != nil {
				t.Fatal(err)
			}
			var wantIDs []string
			for _, h := range want.Hits {
				wantIDs = append(wantIDs, h.ID)
			}
			gotIDs := ids(got)
			if r.From.Equal(day("2013-04-16")) && r.To.Equal(day("2013-04-16")) && want.Total != 2 {
				t.Errorf("Bleve found %d on 2013-04-16, want 2: the test data changed", want.Total)
			}
			if got.Total != want.Total || !slices.Equal(sorted(gotIDs), sorted(wantIDs)) {
				t.Errorf("found %d: %v\nwant %d: %v", got.Total, gotIDs, want.Total, wantIDs)
			}
		})
	}
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

// TestEngine_Search_undatedSameAsBleve counts the undated statements a date
// range leaves out, and finds them when asked, as Bleve's own "every
// statement minus every date" does, over segments written apart, with
// quotes (which have no date either) and deletions among them.
func TestEngine_Search_undatedSameAsBleve(t *testing.T) {
	ix := datedIndex(t)
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
// alone can say it, the reference the engine's count is checked against:
// every
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

// datedIndex holds 120 statements written in three batches (segments),
// some deleted, a quarter without a date, others on days from 2010 to 2021
// at times of day, some with a quote (a document without a date).
func datedIndex(t *testing.T) *index.Index {
	t.Helper()
	ix, err := index.Open(t.TempDir(), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	sources := []string{"Amnesty International", "LICADHO", "ISHR"}
	for batch := range 3 {
		var stmts []index.Statement
		for i := range 40 {
			n := batch*40 + i
			s := index.Statement{ID: fmt.Sprintf("s%03d", n), Title: "Statement on Cambodia", Source: sources[n%3],
				Body: fmt.Sprintf("Human rights defenders in Cambodia, statement %d. “We will not be silenced,” said %s.", n, sources[n%3])}
			if n%4 != 0 {
				s.Published = time.Date(2010+n%12, time.Month(1+n%12), 1+n%28, n%24, 0, 0, 0, time.UTC)
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
	return ix
}
