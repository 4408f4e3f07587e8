package search

import (
	"regexp"
	"strings"
	"time"

	"github.com/advosearch/advosearch/index"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// fieldAliases maps the field names users type to the schema's.
var fieldAliases = map[string]string{
	"org":          index.FieldOrganizations,
	"organization": index.FieldOrganizations,
	"person":       index.FieldPeople,
	"place":        index.FieldPlaces,
	"date":         index.FieldPublished,
}

// exactTwin is the unstemmed field a quoted phrase searches instead of the
// stemmed one, so "detained" does not match "detention".
var exactTwin = map[string]string{
	index.FieldTitle: index.FieldTitleExact,
	index.FieldBody:  index.FieldBodyExact,
}

// quoteFolder turns the typographic quotes a pasted sentence carries into the
// straight ones the query syntax knows as phrase markers.
var quoteFolder = strings.NewReplacer("“", `"`, "”", `"`, "„", `"`, "‟", `"`, "«", `"`, "»", `"`)

// parseQuery turns the user's query string into a Bleve query over title and
// body, or every statement when it is empty.
func parseQuery(q string) (query.Query, error) {
	q = strings.TrimSpace(quoteFolder.Replace(q))
	if q == "" {
		return bleve.NewMatchAllQuery(), nil
	}
	parsed, err := query.NewQueryStringQuery(q).Parse()
	if err != nil {
		return nil, &InvalidError{Field: "q", Value: q, Reason: "is not valid query syntax: " + strings.TrimPrefix(err.Error(), "syntax error: ")}
	}
	return retarget(parsed)
}

// retarget points each clause of a parsed query at the schema: a clause with
// no field searches title and body, a phrase searches their exact twins, and
// field aliases are resolved. Bleve would otherwise send unfielded clauses to
// its composite _all field, which cannot be highlighted against the stored
// text.
func retarget(q query.Query) (query.Query, error) {
	var err error
	switch q := q.(type) {
	case *query.BooleanQuery:
		for _, c := range []*query.Query{&q.Must, &q.Should, &q.MustNot} {
			if *c != nil {
				if *c, err = retarget(*c); err != nil {
					return nil, err
				}
			}
		}
		return q, nil
	case *query.ConjunctionQuery:
		return q, retargetAll(q.Conjuncts)
	case *query.DisjunctionQuery:
		return q, retargetAll(q.Disjuncts)
	case *query.MatchPhraseQuery:
		return onTextFields(q, true, func(field string) query.Query {
			c := *q
			c.SetField(field)
			return &c
		}), nil
	case *query.NumericRangeQuery:
		// A bare number parses as "the word or a numeric field equal to it";
		// there are no numeric fields, so only the word can match.
		if q.Field() == "" {
			return bleve.NewMatchNoneQuery(), nil
		}
		return q, nil
	case *query.RegexpQuery:
		// Bleve would only fail on a broken pattern in the middle of the
		// search, as if the engine were at fault.
		if _, err := regexp.Compile(q.Regexp); err != nil {
			return nil, &InvalidError{Field: "q", Value: "/" + q.Regexp + "/",
				Reason: "is not a valid regular expression: " + strings.TrimPrefix(err.Error(), "error parsing regexp: ")}
		}
	}
	if q, ok := q.(fieldedQuery); ok {
		return onTextFields(q, false, func(field string) query.Query {
			c := copyFielded(q)
			c.SetField(field)
			return c
		}), nil
	}
	return q, nil
}

func retargetAll(qs []query.Query) error {
	for i := range qs {
		var err error
		if qs[i], err = retarget(qs[i]); err != nil {
			return err
		}
	}
	return nil
}

type fieldedQuery interface {
	query.FieldableQuery
}

// copyFielded returns a shallow copy of the clause types the query-string
// parser makes, so one parsed clause can become one clause per field.
func copyFielded(q fieldedQuery) fieldedQuery {
	switch q := q.(type) {
	case *query.MatchQuery:
		c := *q
		return &c
	case *query.WildcardQuery:
		c := *q
		return &c
	case *query.RegexpQuery:
		c := *q
		return &c
	case *query.DateRangeQuery:
		c := *q
		return &c
	}
	return q
}

// onTextFields resolves the clause's field: an alias becomes the schema name,
// a named text field its exact twin for phrases, and no field at all a
// disjunction over title and body.
func onTextFields(q fieldedQuery, phrase bool, on func(field string) query.Query) query.Query {
	field := q.Field()
	if alias, ok := fieldAliases[field]; ok {
		field = alias
	}
	if field != "" {
		if twin, ok := exactTwin[field]; ok && phrase {
			field = twin
		}
		return on(field)
	}
	title, body := index.FieldTitle, index.FieldBody
	if phrase {
		title, body = index.FieldTitleExact, index.FieldBodyExact
	}
	return bleve.NewDisjunctionQuery(on(title), on(body))
}

// filterQuery adds the request's facet and date filters to the main query.
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
	if !r.From.IsZero() || !r.To.IsZero() {
		var end time.Time
		if !r.To.IsZero() {
			end = r.To.AddDate(0, 0, 1) // To is inclusive: up to the next midnight
		}
		inclusive, exclusive := true, false
		dq := bleve.NewDateRangeInclusiveQuery(r.From, end, &inclusive, &exclusive)
		dq.SetField(index.FieldPublished)
		clauses = append(clauses, dq)
	}
	if len(clauses) == 1 {
		return main
	}
	return bleve.NewConjunctionQuery(clauses...)
}
