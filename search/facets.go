package search

import (
	"time"

	"github.com/advosearch/advosearch/index"
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
	// PublishedMonths counts them per month (Label "2017-08"), oldest
	// first, months without statements left out, when the dated matches
	// span MonthsSpan months or fewer, all from firstYear on; otherwise it
	// is empty. Pages draw a short range by month.
	PublishedMonths []DateBucket
	// Undated counts the matching statements without a publication date,
	// which no bucket holds. A date range leaves them out unless
	// Request.IncludeUndated; Result.Undated counts those.
	Undated int
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

// MonthsSpan is the longest span, from the first month with a matching
// statement to the last, that Facets.PublishedMonths counts: about three
// years, past which monthly bars are too thin to read and the search page
// draws years. Counting every month of a broad search instead cost it
// 100 KB and 380 allocations more (BenchmarkFacetColumns_dates, 10,000
// statements over 42 years: 223 KB and 2,040 allocations a search, against
// 126 KB and 1,575 with this bound).
const MonthsSpan = 36

// Years of the histogram. Statements before firstYear share one bucket;
// the last year is next year, so the histogram needs no upkeep.
const firstYear = 1990

var termFacets = [...]string{index.FieldOrganizations, index.FieldPeople, index.FieldPlaces, index.FieldSource, index.FieldLang}

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
