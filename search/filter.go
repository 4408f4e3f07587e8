package search

import (
	"time"

	"github.com/advosearch/advosearch/index"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// filterQuery limits the main query to statements and adds the request's
// facet and date filters.
func filterQuery(main query.Query, r Request) query.Query {
	clauses := []query.Query{index.KindQuery(index.KindStatement)}
	if _, all := main.(*query.MatchAllQuery); !all {
		clauses = append(clauses, main)
	}
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
	if dq := dateFilter(r.From, r.To); dq != nil {
		clauses = append(clauses, dq)
	}
	if len(clauses) == 1 {
		return clauses[0]
	}
	return bleve.NewConjunctionQuery(clauses...)
}

// dateFilter bounds the publication date, both days inclusive; nil when
// both are open.
func dateFilter(from, to time.Time) query.Query {
	if from.IsZero() && to.IsZero() {
		return nil
	}
	var end time.Time
	if !to.IsZero() {
		end = to.AddDate(0, 0, 1) // to is inclusive: up to the next midnight
	}
	inclusive, exclusive := true, false
	dq := bleve.NewDateRangeInclusiveQuery(from, end, &inclusive, &exclusive)
	dq.SetField(index.FieldPublished)
	return dq
}
