package web

import (
	"fmt"
	"strconv"
	"time"

	"github.com/advosearch/advosearch/search"
)

// histogram is the chart of the matching statements over time above the
// results: an SVG drawn on the server, so it needs no script, whose bars
// are links that set from and to and keep the rest of the search. The
// same bars are listed in a table for whoever cannot see the picture.
type histogram struct {
	// ID prefixes the ids of the title and description the SVG points
	// to.
	ID string
	// Unit is "Year" or "Month", the table's first column.
	Unit string
	// Title names the chart, Desc says its shape in a sentence: the
	// range, the busiest period and how many statements it leaves out.
	Title, Desc string
	Bars        []histBar
	// Ticks label some bars under the chart; all of them would overlap.
	Ticks []histTick
	// Max is the count of the tallest bar, written on the axis.
	Max int
	// Undated says how many of the matching statements have no date and
	// so have no bar; "" when all have one.
	Undated string
}

// histBar is one period. A period without statements is drawn as a gap
// with no link: narrowing to it would find nothing.
type histBar struct {
	Label string // "2017", "August 2017"
	Count int
	// URL narrows the search to the period, or widens it back to any date
	// when the search is narrowed to it already (Current).
	URL     string
	Current bool
	// The boxes in the SVG's user units: X and W of the column, the whole
	// height of which is the link; BarX, BarW, Y and H of the bar drawn in
	// it, narrower so that bars stand apart.
	X, W, BarX, BarW, Y, H float64
}

type histTick struct {
	X     float64
	Label string
}

// The SVG's coordinate space; CSS scales it to the column's width,
// keeping its proportions so that the text is not stretched.
const (
	histWidth  = 480.0
	histHeight = 120.0
	histTop    = 16.0  // room for the count of the tallest bar
	histBottom = 100.0 // the baseline; the period labels go under it
	// histMonthsMax is the longest span drawn month by month: about
	// three years, past which monthly bars grow too thin to read or hit.
	// The search counts months over no longer a span.
	histMonthsMax = search.MonthsSpan
	// histTicksMax is how many period labels fit under the chart.
	histTicksMax = 6
	// histMaxPitch is the widest a bar's column grows, room for its
	// label under it.
	histMaxPitch = 60.0
)

// period is one bar's range, From inclusive, To exclusive, and its count.
type period struct {
	from, to time.Time
	count    int
}

// newHistogram draws the date facet of a search made with p, or returns
// nil when no matching statement has a date. It reads the counts the
// search made for its facets (search.Facets.Published, PublishedMonths and
// Undated): nothing is searched again.
func newHistogram(p params, f search.Facets) *histogram {
	if len(f.Published) == 0 {
		return nil
	}
	periods, monthly := histPeriods(p, f)
	h := &histogram{ID: "histogram", Unit: "Year"}
	if monthly {
		h.Unit = "Month"
	}
	busiest := periods[0]
	for _, b := range periods {
		h.Max = max(h.Max, b.count)
		if b.count > busiest.count {
			busiest = b
		}
	}
	// Few bars keep a bar's width rather than fill the chart: one bar as
	// wide as the column would read as a block, not as a count.
	pitch := min(histWidth/float64(len(periods)), histMaxPitch)
	every := (len(periods) + histTicksMax - 1) / histTicksMax
	for i, b := range periods {
		label := periodLabel(b, monthly)
		bar := histBar{Label: label, Count: b.count, X: float64(i) * pitch, W: pitch, BarX: (float64(i) + 0.1) * pitch, BarW: 0.8 * pitch}
		bar.H = (histBottom - histTop) * float64(b.count) / float64(h.Max)
		if b.count > 0 {
			// A bar of one statement among hundreds would vanish.
			bar.H = max(bar.H, 2)
			from, to := dayOf(b.from), lastDayBefore(b.to)
			bar.Current = p.From == from && p.To == to
			if bar.Current {
				bar.URL = p.withDates("", "").href()
			} else {
				bar.URL = p.withDates(from, to).href()
			}
		}
		bar.Y = histBottom - bar.H
		h.Bars = append(h.Bars, bar)
		if i%every == 0 {
			h.Ticks = append(h.Ticks, histTick{X: bar.X + pitch/2, Label: tickLabel(b, monthly)})
		}
	}
	first, last := periodLabel(periods[0], monthly), periodLabel(periods[len(periods)-1], monthly)
	unit := "year"
	if monthly {
		unit = "month"
	}
	h.Title = fmt.Sprintf("Matching statements by %s, %s to %s", unit, first, last)
	if first == last {
		h.Title = fmt.Sprintf("Matching statements by %s: %s", unit, first)
	}
	h.Desc = fmt.Sprintf("The most statements, %d, are from %s.", busiest.count, periodLabel(busiest, monthly))
	if f.Undated > 0 {
		h.Undated = fmt.Sprintf("%d matching statements have no date and are not shown.", f.Undated)
		if f.Undated == 1 {
			h.Undated = "1 matching statement has no date and is not shown."
		}
		h.Desc += " " + h.Undated
	}
	return h
}

// histPeriods are the bars from the first period with statements to the
// last, empty ones between included so that time runs evenly along the
// axis. They are months when the span is short: the range the search asks
// for when it gives both ends, or else the one the statements cover.
func histPeriods(p params, f search.Facets) (periods []period, monthly bool) {
	first := f.Published[0]
	// Statements from before the histogram's first year share one bucket
	// with no month counts.
	monthly = !first.From.IsZero() && len(f.PublishedMonths) > 0
	if monthly {
		span := monthsBetween(f.PublishedMonths[0].From, f.PublishedMonths[len(f.PublishedMonths)-1].To)
		from, errFrom := time.Parse(time.DateOnly, p.From)
		to, errTo := time.Parse(time.DateOnly, p.To)
		if errFrom == nil && errTo == nil && !to.Before(from) {
			span = monthsBetween(from, to.AddDate(0, 0, 1))
		}
		monthly = span <= histMonthsMax
	}
	if monthly {
		return fillPeriods(f.PublishedMonths, func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }), true
	}
	if first.From.IsZero() {
		// "before 1990" is a bar of its own, then the years.
		rest := fillPeriods(f.Published[1:], func(t time.Time) time.Time { return t.AddDate(1, 0, 0) })
		return append([]period{{to: first.To, count: first.Count}}, rest...), false
	}
	return fillPeriods(f.Published, func(t time.Time) time.Time { return t.AddDate(1, 0, 0) }), false
}

// fillPeriods lists the buckets in order with the empty periods between
// them, each period ending where next says.
func fillPeriods(buckets []search.DateBucket, next func(time.Time) time.Time) []period {
	var out []period
	for i, b := range buckets {
		if i > 0 {
			for t := buckets[i-1].To; t.Before(b.From); t = next(t) {
				out = append(out, period{from: t, to: next(t)})
			}
		}
		out = append(out, period{from: b.From, to: b.To, count: b.Count})
	}
	return out
}

// monthsBetween counts the months from the start of from's month to the
// start of to's.
func monthsBetween(from, to time.Time) int {
	return (to.Year()-from.Year())*12 + int(to.Month()) - int(from.Month())
}

// periodLabel names a period in words: "2017", "August 2017", "before
// 1990".
func periodLabel(b period, monthly bool) string {
	return labelOf(b, monthly, "January 2006", "before ")
}

// tickLabel is the short label under a bar: "2017", "Aug 2017", "<1990".
func tickLabel(b period, monthly bool) string { return labelOf(b, monthly, "Jan 2006", "<") }

// labelOf names a period: a month in the layout month, the bar of the
// years before the histogram's first with before, a year by its number.
func labelOf(b period, monthly bool, month, before string) string {
	switch {
	case b.from.IsZero():
		return before + strconv.Itoa(b.to.Year())
	case monthly:
		return b.from.Format(month)
	}
	return strconv.Itoa(b.from.Year())
}
