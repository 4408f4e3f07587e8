package search

import (
	"context"
	"math"
	"time"

	"github.com/advosearch/advosearch/index"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bindex "github.com/blevesearch/bleve_index_api"
)

// filterQuery adds the request's facet and date filters to the main query.
// Statement queries need no filter on the kind of document: quotes index
// none of the fields they search (see index.FieldQuoteSource), and
// "everything" compiles to every statement.
func filterQuery(main query.Query, r Request) query.Query {
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
	if dq := dateFilter(index.FieldPublished, r.From, r.To); dq != nil {
		clauses = append(clauses, dq)
	}
	if len(clauses) == 1 {
		return clauses[0]
	}
	return bleve.NewConjunctionQuery(clauses...)
}

// dateFilter bounds the publication date, both days inclusive; nil when
// both are open.
func dateFilter(field string, from, to time.Time) query.Query {
	if from.IsZero() && to.IsZero() {
		return nil
	}
	var end time.Time
	if !to.IsZero() {
		end = to.AddDate(0, 0, 1) // to is inclusive: up to the next midnight
	}
	inclusive, exclusive := true, false
	dq := bleve.NewDateRangeInclusiveQuery(from, end, &inclusive, &exclusive)
	dq.SetField(field)
	return dq
}

// filtered is filterQuery with the dates checked from the facet columns:
// Bleve's date range expands into the prefix-coded terms of many
// precisions walked in a disjunction heap, a quarter of a filtered search
// over a million statements, where the columns hold each statement's day.
func (e *Engine) filtered(main query.Query, r Request) query.Query {
	undated := r
	undated.From, undated.To = time.Time{}, time.Time{}
	q := filterQuery(main, undated)
	if r.From.IsZero() && r.To.IsZero() {
		return q
	}
	within := &publishedWithin{inner: q, from: noDay + 1, to: math.MaxInt32, columns: e.columns}
	if !r.From.IsZero() {
		within.from = daysSinceEpoch(r.From)
	}
	if !r.To.IsZero() {
		within.to = daysSinceEpoch(r.To)
	}
	return within
}

// publishedWithin keeps the hits of inner published from day from to day
// to, both inclusive; undated statements are left out.
type publishedWithin struct {
	inner    query.Query
	from, to int32 // days since 1970-01-01
	columns  *facetColumns
}

func (q *publishedWithin) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping,
	opts bsearch.SearcherOptions) (bsearch.Searcher, error) {
	v, err := q.columns.view(r)
	if err != nil {
		return nil, err
	}
	s, err := q.inner.Searcher(ctx, r, m, opts)
	if err != nil {
		return nil, err
	}
	return searcher.NewFilteringSearcher(ctx, s, func(_ *bsearch.SearchContext, d *bsearch.DocumentMatch) bool {
		cols, local := v.at(d.IndexInternalID.Value())
		day := cols.day[local]
		return day >= q.from && day <= q.to
	}), nil
}
