package search

import (
	"context"
	"slices"
	"testing"
)

// Dates beyond what the index can hold bound nothing more than its own
// span: to=9999-12-31 means "from then on", not a server error.
func TestEngine_Search_farDates(t *testing.T) {
	e := testEngine(t)
	for _, tc := range []struct {
		name     string
		from, to string
		want     []string
	}{
		{"far future end", "2017-06-01", "9999-12-31", []string{"close", "late"}},
		{"far past start", "0001-01-01", "2016-12-31", []string{"detained"}},
		{"both far", "0001-01-01", "9999-12-31", []string{"close", "detained", "detention", "late"}},
		{"all in the far future", "9000-01-01", "9999-12-31", nil},
		{"all in the far past", "0001-01-01", "0002-01-01", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, quotes := range []bool{false, true} {
				if quotes {
					if _, err := e.Quotes(context.Background(), QuoteRequest{From: day(tc.from), To: day(tc.to)}); err != nil {
						t.Errorf("quotes: %v", err)
					}
					continue
				}
				res, err := e.Search(context.Background(), Request{From: day(tc.from), To: day(tc.to)})
				if err != nil {
					t.Fatal(err)
				}
				if got := ids(res); !slices.Equal(got, tc.want) {
					t.Errorf("hits %v, want %v", got, tc.want)
				}
			}
		})
	}
}
