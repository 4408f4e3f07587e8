package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/advosearch/advosearch/search"
	"github.com/labstack/echo/v4"
)

// searchPage is the model of templates/search.html.
type searchPage struct {
	layout
	Query string
	// Keep holds the rest of the state as hidden inputs of the search box,
	// so a new query keeps the filters; KeepForDates does the same for the
	// date form.
	Keep, KeepForDates []hiddenField
	From, To           string
	ClearDates         string // URL without the dates; "" when none are set
	// OpOr says that adjacent words are combined with OR in this search,
	// AND otherwise; the page says which, next to the box.
	OpOr bool
	// Help is the syntax help under the box; HelpOpen shows it unfolded,
	// after a syntax error.
	Help     []helpExample
	HelpOpen bool
	// Error says what is wrong with the request; the page then shows no
	// results and answers 400 (or 503 when the search ran out of time).
	Error string
	// ErrorSpot is the query with the column of a syntax error marked; nil
	// when the error has no column.
	ErrorSpot *errorSpot
	// Matched says how the words were searched: exactly (quoted) or with
	// their variants (stemmed).
	Matched []matchedWords
	// Suggestion is a corrected query when nothing matched, and
	// SuggestionURL runs it with the same filters.
	Suggestion, SuggestionURL string
	Total                     uint64
	Summary                   string // "12 statements", "Showing 11–20 of 34 statements"
	Hits                      []pageHit
	First                     int // the number of the first hit on this page
	Sorts                     []link
	Chips                     []chip
	Clear                     string // URL without any filter
	Facets                    []facetGroup
	Pages                     pagination
	Empty                     bool // the search ran and found nothing
}

type hiddenField struct{ Name, Value string }

// errorSpot is the query split around the character at the column of a
// syntax error, so that the template marks it while escaping every part. At
// is "" when the column is past the end of the query (something is missing
// there).
type errorSpot struct {
	Before, At, After string
}

// spotError splits q at a 1-based rune column; nil when there is none.
func spotError(q string, column int) *errorSpot {
	if column < 1 {
		return nil
	}
	r := []rune(q)
	i := column - 1
	if i >= len(r) {
		return &errorSpot{Before: q}
	}
	return &errorSpot{Before: string(r[:i]), At: string(r[i]), After: string(r[i+1:])}
}

// matchedWords is one part of the line that says how the query was read:
// Label, then the words, quoted when Quoted.
type matchedWords struct {
	Label  string
	Words  []string
	Quoted bool
}

// matched words the line under the result count. Saying "exactly" next to
// a stemmed word would mislead, so each list has its own label.
func matched(res search.Result) []matchedWords {
	exact, stemmed := "Matched exactly:", "with variants (stemmed):"
	if res.Total == 0 {
		exact = "Searched for exactly:"
	}
	var out []matchedWords
	if len(res.Exact) > 0 {
		out = append(out, matchedWords{Label: exact, Words: res.Exact, Quoted: true})
	}
	if len(res.Stemmed) > 0 {
		if len(out) == 0 {
			stemmed = "Searched with variants (stemmed):"
			if res.Total > 0 {
				stemmed = "Matched with variants (stemmed):"
			}
		}
		out = append(out, matchedWords{Label: stemmed, Words: res.Stemmed})
	}
	return out
}

// link is an entry of a list of choices; Current marks the one in use.
type link struct {
	Label   string
	URL     string
	Current bool
}

type pageHit struct {
	Title    []search.Span
	Link     string // our statement page
	Source   string
	Date     string // for people: "2 March 2017"
	DateISO  string // for machines: <time datetime>
	Snippets []search.Snippet
}

// chip is an active filter; RemoveURL is the same search without it.
type chip struct {
	Label, Value, RemoveURL string
}

type facetGroup struct {
	Title  string
	Values []facetLink
}

// facetLink adds the value to the search, or removes it when Active.
type facetLink struct {
	Value  string
	Count  int
	URL    string
	Active bool
}

type pagination struct {
	Prev, Next string // "" on the first and last page
	Pages      []pageLink
}

// pageLink is a numbered page; Gap stands for the pages left out before it.
type pageLink struct {
	N       int
	URL     string
	Current bool
	Gap     bool
}

// pageWindow is how many page numbers either side of the current one are
// linked; the first and last page always are.
const pageWindow = 2

// Filter labels, as the chips and facets show them.
var filterLabels = map[string]string{
	paramOrg:    "Organization",
	paramPerson: "Person",
	paramPlace:  "Place",
	paramSource: "Source",
}

// searchPage answers GET / with the search box, and results when the URL
// holds a search. A bad request is shown on the page with the query kept, as
// a 400, never as a server error.
func (s *Server) searchPage(c echo.Context) error {
	p, perr := paramsFromQuery(c.QueryParams())
	page := searchPage{Query: p.Q, From: p.From, To: p.To, Help: s.help}
	// A bad op is reported below; the sentence then states the default.
	if or, err := p.defaultOr(s.opts.DefaultOr); err == nil {
		page.OpOr = or
	} else {
		page.OpOr = s.opts.DefaultOr
	}
	if p.Q != "" {
		page.Title = p.Q
	}
	// Without words to rank by, every statement scores the same, so the page
	// lists the newest first unless the URL asks otherwise. Only the request
	// changes: links keep the URL's own parameters, so a query typed next is
	// ranked by relevance again.
	effective := p
	if p.Q == "" && p.Sort == "" {
		effective.Sort = string(search.SortDateDesc)
	}
	page.fillForms(p, search.Sort(effective.Sort))

	req, err := effective.request(s.opts.DefaultOr)
	if perr != nil {
		err = perr
	}
	var res search.Result
	if err == nil {
		res, err = s.search.Search(c.Request().Context(), req)
	}
	if err != nil {
		status, msg := classify(err)
		if status >= 500 && !errors.Is(err, search.ErrTimeout) {
			return fmt.Errorf("web: search page: %w", err)
		}
		if status >= 500 {
			s.log.Warn("web: search timed out", "q", p.Q, "err", err)
		}
		page.Error = msg
		if status == http.StatusBadRequest {
			page.Error = pageMessage(err, msg)
			page.ErrorSpot = spotError(p.Q, errorColumn(err))
			page.HelpOpen = page.ErrorSpot != nil
		}
		return s.render(c, status, pageSearch, page)
	}

	page.fillResults(p, res)
	return s.render(c, http.StatusOK, pageSearch, page)
}

// fillForms sets what the forms and chips need, which does not depend on the
// search succeeding.
func (page *searchPage) fillForms(p params, sort search.Sort) {
	v := p.values()
	for _, name := range []string{paramOrg, paramPerson, paramPlace, paramSource, paramFrom, paramTo, paramSort, paramSize, paramOp} {
		for _, value := range v[name] {
			page.Keep = append(page.Keep, hiddenField{name, value})
			if name != paramFrom && name != paramTo {
				page.KeepForDates = append(page.KeepForDates, hiddenField{name, value})
			}
		}
	}
	if p.Q != "" {
		page.KeepForDates = append([]hiddenField{{paramQuery, p.Q}}, page.KeepForDates...)
	}
	if p.From != "" || p.To != "" {
		page.ClearDates = p.withDates("", "").href()
	}
	cleared := p
	for _, name := range filterParams {
		for _, value := range *p.filter(name) {
			page.Chips = append(page.Chips, chip{Label: filterLabels[name], Value: value, RemoveURL: p.without(name, value).href()})
			cleared = cleared.without(name, value)
		}
	}
	if p.From != "" || p.To != "" {
		page.Chips = append(page.Chips, chip{Label: "Published", Value: dateRangeLabel(p.From, p.To), RemoveURL: page.ClearDates})
		cleared = cleared.withDates("", "")
	}
	if len(page.Chips) > 1 {
		page.Clear = cleared.href()
	}
	for _, o := range []struct {
		label string
		sort  search.Sort
	}{{"Relevance", search.SortRelevance}, {"Newest", search.SortDateDesc}, {"Oldest", search.SortDate}} {
		current := sort == o.sort || (sort == "" && o.sort == search.SortRelevance)
		to := p.withSort(o.sort)
		if o.sort == search.SortRelevance && p.Q != "" {
			to = p.withSort("") // the default, for a query
		}
		page.Sorts = append(page.Sorts, link{Label: o.label, URL: to.href(), Current: current})
	}
}

// fieldNames name the parameters in words, for people rather than programs.
var fieldNames = map[string]string{
	paramQuery: "The query",
	paramFrom:  "The start date",
	paramTo:    "The end date",
	paramSort:  "The sort order",
	paramPage:  "The page number",
	paramSize:  "The page size",
	paramOp:    "The operator",
}

// pageMessage words a 400 for the search page; msg is the API's wording.
func pageMessage(err error, msg string) string {
	var inv *search.InvalidError
	if errors.As(err, &inv) {
		if inv.Column > 0 {
			// The marked query is shown with the message, so it is not
			// repeated here.
			return fmt.Sprintf("Syntax error at column %d: %s", inv.Column, inv.Reason)
		}
		if name, ok := fieldNames[inv.Field]; ok {
			return fmt.Sprintf("%s %q %s.", name, inv.Value, inv.Reason)
		}
	}
	return msg
}

func dateRangeLabel(from, to string) string {
	switch {
	case from == "":
		return "until " + to
	case to == "":
		return "from " + from
	case from == to:
		return from
	}
	return from + " to " + to
}

func (page *searchPage) fillResults(p params, res search.Result) {
	page.Total = res.Total
	page.Empty = res.Total == 0
	page.First = (res.Page-1)*res.Size + 1
	page.Matched = matched(res)
	if res.Total == 0 && res.Suggestion != "" {
		page.Suggestion = res.Suggestion
		page.SuggestionURL = p.withQuery(res.Suggestion).href()
	}
	switch {
	case res.Total == 0:
		page.Summary = "No statements match"
	case len(res.Hits) == 0:
		page.Summary = fmt.Sprintf("No statements on page %d of %s", res.Page, plural(res.Total, "statement"))
	case uint64(len(res.Hits)) == res.Total:
		page.Summary = plural(res.Total, "statement")
	case len(res.Hits) == 1:
		page.Summary = fmt.Sprintf("Showing %d of %s", page.First, plural(res.Total, "statement"))
	default:
		page.Summary = fmt.Sprintf("Showing %d–%d of %s", page.First, page.First+len(res.Hits)-1, plural(res.Total, "statement"))
	}
	for _, h := range res.Hits {
		page.Hits = append(page.Hits, pageHit{
			Title:    orUntitled(h.Title),
			Link:     statementURL(h.ID),
			Source:   h.Source,
			Date:     humanDate(h.Published),
			DateISO:  dayOf(h.Published),
			Snippets: h.Snippets,
		})
	}

	f := res.Facets
	for _, g := range []struct {
		title, param string
		values       []search.FacetValue
	}{
		{"Source", paramSource, f.Sources},
		{"Organizations", paramOrg, f.Organizations},
		{"People", paramPerson, f.People},
		{"Places", paramPlace, f.Places},
	} {
		group := facetGroup{Title: g.title}
		for _, v := range g.values {
			fl := facetLink{Value: v.Value, Count: v.Count, Active: p.has(g.param, v.Value)}
			if fl.Active {
				fl.URL = p.without(g.param, v.Value).href()
			} else {
				fl.URL = p.with(g.param, v.Value).href()
			}
			group.Values = append(group.Values, fl)
		}
		if len(group.Values) > 0 {
			page.Facets = append(page.Facets, group)
		}
	}
	years := facetGroup{Title: "Year published"}
	for _, b := range f.Published {
		from, to := dayOf(b.From), lastDayBefore(b.To)
		fl := facetLink{Value: b.Label, Count: b.Count, Active: p.From == from && p.To == to}
		if fl.Active {
			fl.URL = p.withDates("", "").href()
		} else {
			fl.URL = p.withDates(from, to).href()
		}
		years.Values = append(years.Values, fl)
	}
	if len(years.Values) > 0 {
		page.Facets = append(page.Facets, years)
	}

	page.Pages = paginate(p, res)
}

// paginate links the previous and next pages and a bounded window of page
// numbers, never beyond the depth the search allows.
func paginate(p params, res search.Result) pagination {
	if res.Size <= 0 || res.Total <= uint64(res.Size) {
		return pagination{}
	}
	last := int(min((res.Total+uint64(res.Size)-1)/uint64(res.Size), uint64(search.MaxDepth/res.Size)))
	var out pagination
	if res.Page > 1 {
		out.Prev = p.withPage(min(res.Page-1, last)).href()
	}
	if res.Page < last {
		out.Next = p.withPage(res.Page + 1).href()
	}
	prev := 0
	for n := 1; n <= last; n++ {
		if n != 1 && n != last && (n < res.Page-pageWindow || n > res.Page+pageWindow) {
			continue
		}
		out.Pages = append(out.Pages, pageLink{N: n, URL: p.withPage(n).href(), Current: n == res.Page, Gap: n > prev+1})
		prev = n
	}
	return out
}

func plural(n uint64, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.FormatUint(n, 10) + " " + word + "s"
}

func humanDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2 January 2006")
}

func orUntitled(title []search.Span) []search.Span {
	if len(title) == 0 {
		return []search.Span{{Text: "(untitled)"}}
	}
	return title
}

// statementURL is the path of our page for a statement.
func statementURL(id string) string {
	return "/statements/" + url.PathEscape(id)
}
