package search

import (
	"sort"
	"strconv"
	"time"

	"github.com/advosearch/advosearch/index"
	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
)

// FacetSize is how many values each entity facet lists.
const FacetSize = 15

// Facets count values over all statements that match, not only one page.
type Facets struct {
	Organizations []FacetValue
	People        []FacetValue
	Places        []FacetValue
	Sources       []FacetValue
	// Languages are ISO 639-1 codes as detected at indexing.
	Languages []FacetValue
	// Published counts statements per year of publication, oldest first,
	// years without statements left out.
	Published []DateBucket
}

// FacetValue is one value of a facet and how many matching statements have it.
type FacetValue struct {
	Value string
	Count int
}

// DateBucket is one bar of the publication-date histogram: From inclusive,
// To exclusive.
type DateBucket struct {
	Label    string
	From, To time.Time
	Count    int
}

// Years of the histogram. Statements before firstYear share one bucket;
// the last year is next year, so the histogram needs no upkeep.
const firstYear = 1990

var termFacets = []string{index.FieldOrganizations, index.FieldPeople, index.FieldPlaces, index.FieldSource, index.FieldLang}

func addFacets(req *bleve.SearchRequest) {
	for _, f := range termFacets {
		req.AddFacet(f, bleve.NewFacetRequest(f, FacetSize))
	}
	// A range facet reports at most Size ranges, so Size is the year count.
	years := bleve.NewFacetRequest(index.FieldPublished, time.Now().Year()+3-firstYear)
	years.AddDateTimeRange("before "+strconv.Itoa(firstYear), time.Time{}, yearStart(firstYear))
	for y := firstYear; y <= time.Now().Year()+1; y++ {
		years.AddDateTimeRange(strconv.Itoa(y), yearStart(y), yearStart(y+1))
	}
	req.AddFacet(index.FieldPublished, years)
}

func yearStart(y int) time.Time { return time.Date(y, time.January, 1, 0, 0, 0, 0, time.UTC) }

// facetResults reads Bleve's facet results.
type facetResults bsearch.FacetResults

func (res facetResults) terms(field string) []FacetValue {
	fr, ok := res[field]
	if !ok || fr.Terms == nil {
		return nil
	}
	var out []FacetValue
	for _, t := range fr.Terms.Terms() {
		out = append(out, FacetValue{Value: t.Term, Count: t.Count})
	}
	return out
}

func (res facetResults) statementFacets() Facets {
	terms := res.terms
	f := Facets{
		Organizations: terms(index.FieldOrganizations),
		People:        terms(index.FieldPeople),
		Places:        terms(index.FieldPlaces),
		Sources:       terms(index.FieldSource),
		Languages:     terms(index.FieldLang),
	}
	if fr, ok := res[index.FieldPublished]; ok {
		for _, d := range fr.DateRanges {
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
		// Bleve orders ranges by count; a histogram reads in time order.
		sort.Slice(f.Published, func(i, j int) bool { return f.Published[i].From.Before(f.Published[j].From) })
	}
	return f
}
