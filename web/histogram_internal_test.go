package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/advosearch/advosearch/search"
)

func month(y int, m time.Month) time.Time { return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC) }

// facetsOf builds the date facets a search would return for statements
// counted per month (key "2017-08"), with undated ones.
func facetsOf(t *testing.T, undated int, perMonth map[string]int) search.Facets {
	t.Helper()
	keys := make([]string, 0, len(perMonth))
	for k := range perMonth {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	f := search.Facets{Undated: undated}
	for _, k := range keys {
		from, err := time.Parse("2006-01", k)
		if err != nil {
			t.Fatal(err)
		}
		f.PublishedMonths = append(f.PublishedMonths, search.DateBucket{Label: k, From: from, To: from.AddDate(0, 1, 0), Count: perMonth[k]})
		y := month(from.Year(), time.January)
		if n := len(f.Published); n > 0 && f.Published[n-1].From.Equal(y) {
			f.Published[n-1].Count += perMonth[k]
			continue
		}
		f.Published = append(f.Published, search.DateBucket{Label: y.Format("2006"), From: y, To: y.AddDate(1, 0, 0), Count: perMonth[k]})
	}
	return f
}

func TestNewHistogram(t *testing.T) {
	type bar struct {
		label string
		count int
		url   string // "" for an empty period, which has no link
	}
	for _, tc := range []struct {
		name     string
		p        params
		f        search.Facets
		unit     string
		title    string
		bars     []bar // all bars when set
		nBars    int
		current  string // the label of the bar marked current
		undated  string
		noDrawer bool
	}{
		{
			name: "a short span is drawn by month, gaps included",
			p:    params{Q: "land", Org: []string{"LICADHO"}, Sort: "date"},
			f:    facetsOf(t, 0, map[string]int{"2017-08": 1, "2017-11": 2}),
			unit: "Month", title: "Matching statements by month, August 2017 to November 2017",
			bars: []bar{
				{"August 2017", 1, "/?from=2017-08-01&org=LICADHO&q=land&sort=date&to=2017-08-31"},
				{"September 2017", 0, ""},
				{"October 2017", 0, ""},
				{"November 2017", 2, "/?from=2017-11-01&org=LICADHO&q=land&sort=date&to=2017-11-30"},
			},
		},
		{
			name: "a long span is drawn by year",
			p:    params{Q: "court", Page: 3},
			f:    facetsOf(t, 2, map[string]int{"2010-03": 4, "2013-01": 1, "2013-07": 1, "2016-12": 3}),
			unit: "Year", title: "Matching statements by year, 2010 to 2016",
			bars: []bar{
				{"2010", 4, "/?from=2010-01-01&q=court&to=2010-12-31"},
				{"2011", 0, ""}, {"2012", 0, ""},
				{"2013", 2, "/?from=2013-01-01&q=court&to=2013-12-31"},
				{"2014", 0, ""}, {"2015", 0, ""},
				{"2016", 3, "/?from=2016-01-01&q=court&to=2016-12-31"},
			},
			undated: "2 matching statements have no date and are not shown.",
		},
		{
			name: "the date range asked for decides: a year is drawn by month, and a bar in force widens back",
			p:    params{Q: "court", From: "2013-01-01", To: "2013-12-31", Undated: true},
			f:    facetsOf(t, 1, map[string]int{"2013-01": 1, "2013-07": 1}),
			unit: "Month", nBars: 7,
			undated: "1 matching statement has no date and is not shown.",
		},
		{
			name: "a month in force",
			p:    params{From: "2017-11-01", To: "2017-11-30"},
			f:    facetsOf(t, 0, map[string]int{"2017-11": 2}),
			unit: "Month", title: "Matching statements by month: November 2017",
			bars:    []bar{{"November 2017", 2, "/"}},
			current: "November 2017",
		},
		{
			name: "a range of many years is drawn by year though the statements span one",
			p:    params{From: "2000-01-01", To: "2020-12-31"},
			f:    facetsOf(t, 0, map[string]int{"2017-11": 2}),
			unit: "Year", bars: []bar{{"2017", 2, "/?from=2017-01-01&to=2017-12-31"}},
		},
		{
			name: "statements before the first year share a bar",
			f: func() search.Facets {
				f := facetsOf(t, 0, map[string]int{"2001-05": 1})
				f.Published = append([]search.DateBucket{{Label: "before 1990", To: month(1990, time.January), Count: 3}}, f.Published...)
				return f
			}(),
			unit: "Year",
			bars: []bar{{"before 1990", 3, "/?to=1989-12-31"}, {"2001", 1, "/?from=2001-01-01&to=2001-12-31"}},
		},
		{name: "no dated statement, no chart", f: search.Facets{Undated: 4}, noDrawer: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHistogram(tc.p, tc.f)
			if tc.noDrawer {
				if h != nil {
					t.Fatalf("histogram %+v, want none", h)
				}
				return
			}
			if h == nil {
				t.Fatal("no histogram")
			}
			if h.Unit != tc.unit {
				t.Errorf("unit %q, want %q", h.Unit, tc.unit)
			}
			if tc.title != "" && h.Title != tc.title {
				t.Errorf("title %q, want %q", h.Title, tc.title)
			}
			if h.Undated != tc.undated {
				t.Errorf("undated %q, want %q", h.Undated, tc.undated)
			}
			if tc.undated != "" && !strings.Contains(h.Desc, tc.undated) {
				t.Errorf("description %q does not say how many have no date", h.Desc)
			}
			var got []bar
			for _, b := range h.Bars {
				got = append(got, bar{b.Label, b.Count, b.URL})
				if b.Current != (b.Label == tc.current) {
					t.Errorf("bar %s current %v, want %v", b.Label, b.Current, !b.Current)
				}
				if b.Count > 0 && (b.H < 2 || b.Y+b.H != histBottom) {
					t.Errorf("bar %s: y %v, height %v; want a visible bar standing on the axis", b.Label, b.Y, b.H)
				}
				if b.W > histMaxPitch {
					t.Errorf("bar %s is %v wide, more than %v", b.Label, b.W, histMaxPitch)
				}
				if b.X < 0 || b.X+b.W > histWidth+0.001 {
					t.Errorf("bar %s at %v..%v, outside the chart", b.Label, b.X, b.X+b.W)
				}
			}
			if tc.bars != nil && !slices.Equal(got, tc.bars) {
				t.Errorf("bars\n got %v\nwant %v", got, tc.bars)
			}
			if tc.nBars != 0 && len(got) != tc.nBars {
				t.Errorf("%d bars, want %d: %v", len(got), tc.nBars, got)
			}
			if len(h.Ticks) == 0 || len(h.Ticks) > histTicksMax {
				t.Errorf("%d ticks, want 1 to %d", len(h.Ticks), histTicksMax)
			}
			// The tallest bar reaches the top.
			tallest := slices.MaxFunc(h.Bars, func(a, b histBar) int { return a.Count - b.Count })
			if tallest.Count != h.Max || tallest.Y != histTop {
				t.Errorf("tallest bar %+v, max %d: want it at the top", tallest, h.Max)
			}
		})
	}
}

// The page draws the chart above the hits, and undated=include is
// undated=1.
func TestSearchPage_histogram(t *testing.T) {
	srv, _ := newStubServer(t, stub{search: func(_ context.Context, r search.Request) (search.Result, error) {
		if !r.IncludeUndated {
			t.Errorf("undated=include did not include the undated statements")
		}
		return search.Result{Total: 3, Page: 1, Size: 10, Hits: []search.Hit{{ID: "a"}},
			Facets: facetsOf(t, 1, map[string]int{"2017-08": 1, "2017-11": 1})}, nil
	}}, Options{})
	rec := httptest.NewRecorder()
	srv.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/?q=land&from=2017-01-01&to=2017-12-31&undated=include", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	body := rec.Body.String()
	for _, want := range []string{
		`<svg class="hist-chart" viewBox="0 0 480 120" role="group" aria-labelledby="histogram-title" aria-describedby="histogram-desc">`,
		`<title id="histogram-title">Matching statements by month, August 2017 to November 2017</title>`,
		`1 matching statement has no date and is not shown.`,
		`<a class="hist-link" href="/?from=2017-08-01&amp;q=land&amp;to=2017-08-31&amp;undated=1" aria-label="August 2017: 1">`,
		`<th scope="row"><a href="/?from=2017-11-01&amp;q=land&amp;to=2017-11-30&amp;undated=1">November 2017</a></th><td>1</td>`,
		`<th scope="row">September 2017</th><td>0</td>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if i, j := strings.Index(body, `class="histogram"`), strings.Index(body, `class="hits"`); i < 0 || j < 0 || i > j {
		t.Errorf("the histogram (at %d) is not above the hits (at %d)", i, j)
	}
}
