package search

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/advosearch/advosearch/index"
	"github.com/blevesearch/bleve/v2"
)

// TestFacetColumns_countLikeBleve checks the column counts against Bleve's
// own facets, counted from doc values on the same searches, over an index
// of many segments in which rewritten statements left deleted documents.
func TestFacetColumns_countLikeBleve(t *testing.T) {
	ix, err := index.Open(t.TempDir(), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func(from []string, most int) []string {
		var out []string
		for range rng.IntN(most + 1) {
			out = append(out, from[rng.IntN(len(from))])
		}
		return out
	}
	orgs := []string{"Amnesty International", "CCHR", "ADHOC", "LICADHO", "FORUM-ASIA", "ISHR", "UN Human Rights Council"}
	people := []string{"Hun Sen", "Kem Sokha", "Ny Sokha", "Sam Rainsy", "Tep Vanny"}
	places := []string{"Cambodia", "Phnom Penh", "Geneva", "Bangkok", "Siem Reap"}
	words := []string{"detention", "release", "defenders", "court", "human", "rights", "land", "protest", "journalists"}
	statement := func(i int) index.Statement {
		s := index.Statement{
			ID: fmt.Sprint("s", i), Title: "Statement " + strconv.Itoa(i),
			Body:          fmt.Sprint(pick(words, 12)),
			Source:        orgs[rng.IntN(len(orgs))],
			Organizations: pick(orgs, 3), People: pick(people, 2), Places: pick(places, 3),
			Lang: []string{"en", "fr", "km"}[rng.IntN(3)],
		}
		if rng.IntN(10) > 0 { // some undated, some before the histogram
			s.Published = time.Date(1985+rng.IntN(43), time.Month(1+rng.IntN(12)), 1+rng.IntN(28), 0, 0, 0, 0, time.UTC)
		}
		return s
	}
	const n, batch = 3000, 250
	for i := 0; i < n; i += batch {
		var stmts []index.Statement
		for j := i; j < i+batch; j++ {
			stmts = append(stmts, statement(j))
		}
		if err := ix.Write(stmts, nil); err != nil {
			t.Fatal(err)
		}
	}
	var rewritten []index.Statement
	for i := 0; i < n; i += 7 {
		rewritten = append(rewritten, statement(i))
	}
	if err := ix.Write(rewritten, []string{"s1", "s2"}); err != nil {
		t.Fatal(err)
	}

	eng := New(ix)
	for _, r := range []Request{
		{},
		{Query: "detention"},
		{Query: `"human rights" OR court`},
		{Query: "land", Sources: []string{"CCHR"}},
		{Query: "protest", From: day("2001-01-01"), To: day("2019-06-30")},
		{Query: "court", From: day("2001-01-01"), To: day("2019-06-30"), IncludeUndated: true},
		{Query: "rights", From: day("2001-01-01"), To: day("2003-12-31")}, // by month
		{Query: "land", From: day("2001-01-01"), To: day("2008-12-31")},   // by year
		{Query: "journalists", Organizations: []string{"ADHOC"}, Sort: SortDate},
		{Query: "nothingmatchesthis"},
	} {
		t.Run(r.Query, func(t *testing.T) {
			got, err := eng.Search(context.Background(), r)
			if err != nil {
				t.Fatal(err)
			}
			want := bleveFacets(t, ix, r)
			if months := len(got.Facets.PublishedMonths); (months > 0) != (r.Query == "rights") {
				t.Errorf("%d months counted; want months for the 36-month range alone", months)
			}
			if !reflect.DeepEqual(got.Facets, want) {
				t.Errorf("columns counted\n%+v\nBleve counted\n%+v", got.Facets, want)
			}
			if r.Query == "" && got.Total != n-2 {
				t.Errorf("%d statements, want %d", got.Total, n-2)
			}
		})
	}
}

// bleveFacets counts r's facets with Bleve's facet builders.
func bleveFacets(t *testing.T, ix *index.Index, r Request) Facets {
	t.Helper()
	if err := r.normalize(); err != nil {
		t.Fatal(err)
	}
	c, err := newCompiler(ix, index.StemmedLangs, defaultRanking).compile(r.Query, compileOptions{defaultOr: r.DefaultOr, strict: true})
	if err != nil {
		t.Fatal(err)
	}
	req := bleve.NewSearchRequestOptions(bleveFilterQuery(c.query, r), 0, 0, false)
	for _, f := range termFacets {
		req.AddFacet(f, bleve.NewFacetRequest(f, FacetSize))
	}
	years := bleve.NewFacetRequest(index.FieldPublished, time.Now().Year()+3-firstYear)
	years.AddDateTimeRange("before "+strconv.Itoa(firstYear), time.Time{}, yearStart(firstYear))
	for y := firstYear; y <= time.Now().Year()+1; y++ {
		years.AddDateTimeRange(strconv.Itoa(y), yearStart(y), yearStart(y+1))
	}
	req.AddFacet(index.FieldPublished, years)
	// Bleve names each facet by its own name, so the months are a facet
	// of their own over the same field.
	const monthsFacet = "months"
	months := bleve.NewFacetRequest(index.FieldPublished, 12*(time.Now().Year()+2-firstYear))
	for m := yearStart(firstYear); m.Before(yearStart(time.Now().Year() + 2)); m = m.AddDate(0, 1, 0) {
		months.AddDateTimeRange(m.Format("2006-01"), m, m.AddDate(0, 1, 0))
	}
	req.AddFacet(monthsFacet, months)
	res, err := ix.Search(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	terms := facetResults(res.Facets).terms
	f := Facets{
		Organizations: terms(index.FieldOrganizations),
		People:        terms(index.FieldPeople),
		Places:        terms(index.FieldPlaces),
		Sources:       terms(index.FieldSource),
		Languages:     terms(index.FieldLang),
	}
	for _, d := range res.Facets[index.FieldPublished].DateRanges {
		if d.Count == 0 {
			continue
		}
		b := DateBucket{Label: d.Name, Count: d.Count}
		if d.Start != nil {
			b.From, _ = time.Parse(time.RFC3339, *d.Start)
		}
		if d.End != nil {
			b.To, _ = time.Parse(time.RFC3339, *d.End)
		}
		f.Published = append(f.Published, b)
	}
	sort.Slice(f.Published, func(i, j int) bool { return f.Published[i].From.Before(f.Published[j].From) })
	for _, d := range res.Facets[monthsFacet].DateRanges {
		if d.Count == 0 {
			continue
		}
		b := DateBucket{Label: d.Name, Count: d.Count}
		b.From, _ = time.Parse(time.RFC3339, *d.Start)
		b.To, _ = time.Parse(time.RFC3339, *d.End)
		f.PublishedMonths = append(f.PublishedMonths, b)
	}
	sort.Slice(f.PublishedMonths, func(i, j int) bool { return f.PublishedMonths[i].From.Before(f.PublishedMonths[j].From) })
	if n := len(f.PublishedMonths); n > 0 {
		first, last := f.PublishedMonths[0].From, f.PublishedMonths[n-1].From
		span := (last.Year()-first.Year())*12 + int(last.Month()) - int(first.Month()) + 1
		if f.Published[0].From.IsZero() || span > MonthsSpan {
			f.PublishedMonths = nil
		}
	}
	ureq := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(bleveFilterQuery(c.query, r), undated()), 0, 0, false)
	ures, err := ix.Search(context.Background(), ureq)
	if err != nil {
		t.Fatal(err)
	}
	f.Undated = int(ures.Total)
	return f
}
