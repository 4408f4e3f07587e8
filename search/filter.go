package search

import (
	"time"

	"github.com/advosearch/advosearch/index"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// filterQuery adds the request's facet, ID and date filters to the main
// query; cols are the engine's facet columns, which the date bounds are
// read from (publishedQuery).
// Statement queries need no filter on the kind of document: quotes index
// none of the fields they search (see index.FieldQuoteSource), and
// "everything" compiles to every statement.
func filterQuery(main query.Query, r Request, cols *facetColumns) query.Query {
	clauses := []query.Query{main}
	for _, f := range []struct {
		field  string
		values []string
	}{
		{index.FieldOrganizations, r.Organizations},
		{index.FieldPeople, r.People},
		{index.FieldPlaces, r.Places},
		{index.FieldSource, r.Sources},
	} {
		for _, v := range f.values {
			tq := bleve.NewTermQuery(v)
			tq.SetField(f.field)
			clauses = append(clauses, tq)
		}
	}
	if len(r.IDs) > 0 {
		clauses = append(clauses, bleve.NewDocIDQuery(r.IDs))
	}
	if start, end, ok := dateBounds(r.From, r.To); ok {
		clauses = append(clauses, newPublishedQuery(cols, start, end, r.IncludeUndated))
	}
	if len(clauses) == 1 {
		return clauses[0]
	}
	return bleve.NewConjunctionQuery(clauses...)
}

// The span of dates Bleve can search: it keeps them as nanoseconds since
// 1970 in an int64, from 1677-09-21 to 2262-04-11; these bounds are the
// whole years inside.
var (
	firstDate = time.Date(1678, 1, 1, 0, 0, 0, 0, time.UTC)
	lastDate  = time.Date(2262, 1, 1, 0, 0, 0, 0, time.UTC)
)

// clampDate moves a bound into the span Bleve can search; zero stays
// zero, an open bound.
func clampDate(t time.Time) time.Time {
	switch {
	case t.IsZero():
		return t
	case t.Before(firstDate):
		return firstDate
	case t.After(lastDate):
		return lastDate
	}
	return t
}

// dateFilter bounds the publication date, both days inclusive; nil when
// both are open.
func dateFilter(field string, from, to time.Time) query.Query {
	start, end, ok := dateBounds(from, to)
	if !ok {
		return nil
	}
	inclusive, exclusive := true, false
	dq := bleve.NewDateRangeInclusiveQuery(start, end, &inclusive, &exclusive)
	dq.SetField(field)
	return dq
}

// dateBounds turns the days from and to, both inclusive, into the instants
// [start, end); ok is false when both are open (zero), and either bound
// may be zero, open.
func dateBounds(from, to time.Time) (start, end time.Time, ok bool) {
	if from.IsZero() && to.IsZero() {
		return time.Time{}, time.Time{}, false
	}
	if !to.IsZero() {
		end = to.AddDate(0, 0, 1) // to is inclusive: up to the next midnight
	}
	// Bleve refuses a bound it cannot store (a search error, so a 500),
	// and no statement has a date outside that span: a bound beyond it,
	// such as to=9999-12-31 for "from now on", is the span's own end.
	return clampDate(from), clampDate(end), true
}
