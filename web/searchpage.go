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
	searchForm
	resultCounts
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
	// Notice says what of the query was searched as plain text (a lone
	// quotation mark), and NoticeSpot marks the first such character.
	Notice     string
	NoticeSpot *errorSpot
	// Matched says how the words were searched: exactly (quoted) or with
	// their variants (stemmed).
	Matched []matchedWords
	// Ignored are the small words left out of the search.
	Ignored []string
	// Undated says how many statements without a date the date range left
	// out, with the link that includes them; or, when they are included,
	// the link that leaves them out.
	Undated undatedLine
	// Histogram draws the matches over time; nil when none has a date.
	Histogram *histogram
	// Partial says that no statement has every word and the hits have
	// most of them: "No statement has all 7 words; these have 5 or more".
	Partial string
	// Suggestion is a corrected query when nothing had every word, and
	// SuggestionURL runs it with the same filters.
	Suggestion, SuggestionURL string
	Hits                      []pageHit
	Sorts                     []link
	Facets                    []facetGroup
	// ExportURL downloads every match of this search as CSV.
	ExportURL string
	// Follow saves the search as an alert; nil when the server has no
	// alerts.
	Follow *followForm
}

// exportURL is the CSV export of the search: its query, filters, dates,
// sort and operator, from the first statement on.
func exportURL(p params) string {
	p.Page, p.Size = 0, 0
	v := p.values()
	v.Set(paramFormat, formatCSV)
	return "/api/search?" + v.Encode()
}

// searchForm is what both tabs show around their search box, none of which
// depends on the search succeeding: the query, the tabs, the date form and
// the active filters.
type searchForm struct {
	Query string
	// Action is where the forms go: the page itself.
	Action string
	// Tabs switch to the other tab with the same query and dates.
	Tabs []link
	// Keep holds the rest of the state as hidden inputs of the search box,
	// so a new query keeps the filters; KeepForDates does the same for the
	// date form.
	Keep, KeepForDates []hiddenField
	From, To           string
	ClearDates         string // URL without the dates; "" when none are set
	Chips              []chip
	Clear              string // URL without any filter
}

// newSearchForm builds the form of a page at action that keeps the
// parameters kept and shows the filters as chips.
func newSearchForm(p params, action string, kept, filters []string) searchForm {
	f := searchForm{Query: p.Q, Action: action, Tabs: p.tabs(), From: p.From, To: p.To}
	f.Keep, f.KeepForDates = keep(p, kept...)
	f.Chips, f.Clear, f.ClearDates = chips(p, filters)
	return f
}

// resultCounts says how much matched and which part of it a page shows.
type resultCounts struct {
	Total   uint64
	Summary string // "12 statements", "Showing 11–20 of 34 statements"
	First   int    // the number of the first hit on this page
	Pages   pagination
	Empty   bool // the search ran and found nothing
}

func countResults(p params, total uint64, page, size, shown int, noun string) resultCounts {
	first := (page-1)*size + 1
	return resultCounts{
		Total: total, Empty: total == 0, First: first,
		Summary: summary(total, page, first, shown, noun),
		Pages:   paginate(p, total, page, size),
	}
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
	Cite     citeBox // the statement's citation in each style
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
	// Page is the value's name page (namepage.go), beside the filter; ""
	// for a value that has none, such as a year.
	Page string
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
	paramOrg:     "Organization",
	paramPerson:  "Person",
	paramPlace:   "Place",
	paramSource:  "Source",
	paramSpeaker: "Speaker",
}

// searchPage answers GET / with the search box, and results when the URL
// holds a search. A bad request is shown on the page with the query kept, as
// a 400, never as a server error.
func (s *Server) searchPage(c echo.Context) error {
	p, perr := paramsFromQuery(c.QueryParams())
	page := searchPage{Help: s.help, searchForm: newSearchForm(p, "/",
		[]string{paramOrg, paramPerson, paramPlace, paramSource, paramFrom, paramTo, paramUndated, paramSort, paramSize, paramOp}, filterParams)}
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
	page.Sorts = sortLinks(p, search.Sort(effective.Sort))

	req, err := effective.request(s.opts.DefaultOr)
	if perr != nil {
		err = perr
	}
	var res search.Result
	if err == nil {
		res, err = s.search.Search(c.Request().Context(), req)
	}
	if err != nil {
		status, msg, fault := s.searchFailure("search", p.Q, err)
		if fault != nil {
			return fault
		}
		page.Error = msg
		if status == http.StatusBadRequest {
			page.ErrorSpot = spotError(p.Q, errorColumn(err))
			page.HelpOpen = page.ErrorSpot != nil
		}
		return s.render(c, status, pageSearch, page)
	}

	page.fillResults(p, res, s.citer(c))
	page.FeedURL = feedParams(p).href()
	page.ExportURL = exportURL(p)
	page.Follow = s.newFollowForm(c, p)
	return s.render(c, http.StatusOK, pageSearch, page)
}

// undatedLine is the sentence about statements without a date under a
// date range, and its link.
type undatedLine struct {
	Text string
	Link link
}

// sortLinks are the three orders of the results, the one in force marked.
func sortLinks(p params, sort search.Sort) []link {
	var links []link
	for _, o := range []struct {
		label string
		sort  search.Sort
	}{{"Relevance", search.SortRelevance}, {"Newest", search.SortDateDesc}, {"Oldest", search.SortDate}} {
		current := sort == o.sort || (sort == "" && o.sort == search.SortRelevance)
		to := p.withSort(o.sort)
		if o.sort == search.SortRelevance && p.Q != "" {
			to = p.withSort("") // the default, for a query
		}
		links = append(links, link{Label: o.label, URL: to.href(), Current: current})
	}
	return links
}

// keep lists the parameters, in the order of names, as hidden inputs: all
// of them for the search box, and all but the dates, with the query first,
// for the date form.
func keep(p params, names ...string) (box, dates []hiddenField) {
	v := p.values()
	if p.Q != "" {
		dates = append(dates, hiddenField{paramQuery, p.Q})
	}
	for _, name := range names {
		for _, value := range v[name] {
			box = append(box, hiddenField{name, value})
			if name != paramFrom && name != paramTo {
				dates = append(dates, hiddenField{name, value})
			}
		}
	}
	return box, dates
}

// chips are the active filters among names, and the date range, each with
// the URL that removes it; clear removes them all (only offered for two or
// more), clearDates the dates ("" when none are set).
func chips(p params, names []string) (out []chip, clear, clearDates string) {
	if p.From != "" || p.To != "" {
		clearDates = p.withDates("", "").href()
	}
	cleared := p
	for _, name := range names {
		for _, value := range *p.filter(name) {
			out = append(out, chip{Label: filterLabels[name], Value: value, RemoveURL: p.without(name, value).href()})
			cleared = cleared.without(name, value)
		}
	}
	if clearDates != "" {
		out = append(out, chip{Label: "Published", Value: dateRangeLabel(p.From, p.To), RemoveURL: clearDates})
		cleared = cleared.withDates("", "")
	}
	if len(out) > 1 {
		clear = cleared.href()
	}
	return out, clear, clearDates
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

// searchFailure sorts out why a page's search failed: our own fault comes
// back as fault, for the error handler; a timeout is logged and shown; bad
// input is shown as the page's message.
func (s *Server) searchFailure(page, q string, err error) (status int, msg string, fault error) {
	status, msg = classify(err)
	if status >= 500 && !errors.Is(err, search.ErrTimeout) {
		return status, msg, fmt.Errorf("web: %s page: %w", page, err)
	}
	if status >= 500 {
		s.log.Warn("web: search timed out", "page", page, "q", q, "err", err)
	}
	if status == http.StatusBadRequest {
		msg = pageMessage(err, msg)
	}
	return status, msg, nil
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

func (page *searchPage) fillResults(p params, res search.Result, cites citer) {
	page.resultCounts = countResults(p, res.Total, res.Page, res.Size, len(res.Hits), "statement")
	page.Matched = matched(res)
	page.Ignored = res.Ignored
	if page.Notice = noticeText(res.Notices); page.Notice != "" {
		// The help stays closed: whoever pasted a sentence wants its
		// statement, not the syntax.
		page.NoticeSpot = spotError(p.Q, res.Notices[0].Column)
	}
	switch {
	case res.Undated > 0:
		with := p.clone()
		with.Undated, with.Page = true, 0
		page.Undated = undatedLine{Text: "Left out by the dates: " + plural(res.Undated, "statement") + " without a date.",
			Link: link{Label: "Include them", URL: with.href()}}
	case p.Undated && (p.From != "" || p.To != ""):
		without := p.clone()
		without.Undated, without.Page = false, 0
		page.Undated = undatedLine{Text: "Statements without a date are included.",
			Link: link{Label: "Leave them out", URL: without.href()}}
	}
	if res.Total > 0 {
		page.Histogram = newHistogram(p, res.Facets)
	}
	if res.Partial {
		page.Partial = fmt.Sprintf("No statement has all %d words; these have %d or more, the most first.", res.Words, res.PartialMin)
	}
	if (res.Total == 0 || res.Partial) && res.Suggestion != "" {
		page.Suggestion = res.Suggestion
		page.SuggestionURL = p.withQuery(res.Suggestion).href()
	}
	for i, h := range res.Hits {
		page.Hits = append(page.Hits, pageHit{
			Title:    orUntitled(h.Title),
			Link:     statementLink(h.ID, p),
			Source:   h.Source,
			Date:     humanDate(h.Published),
			DateISO:  dayOf(h.Published),
			Snippets: h.Snippets,
			Cite:     hitCiteBox(cites.statement(h.ID, h.Source, spansText(h.Title), h.Published, h.URL), page.First+i),
		})
	}

	f := res.Facets
	for _, g := range nameFacets(f) {
		group := facetGroup{Title: g.title}
		for _, v := range g.values {
			fl := facetLink{Value: v.Value, Count: v.Count, Active: p.has(g.param, v.Value), Page: nameURL(g.param, v.Value)}
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

}

// summary is the heading over the hits: "12 statements", "Showing 11–20 of
// 34 statements"; noun is singular.
func summary(total uint64, page, first, hits int, noun string) string {
	switch {
	case total == 0:
		return "No " + noun + "s match"
	case hits == 0:
		return fmt.Sprintf("No %ss on page %d of %s", noun, page, plural(total, noun))
	case uint64(hits) == total:
		return plural(total, noun)
	case hits == 1:
		return fmt.Sprintf("Showing %d of %s", first, plural(total, noun))
	}
	return fmt.Sprintf("Showing %d–%d of %s", first, first+hits-1, plural(total, noun))
}

// paginate links the previous and next pages and a bounded window of page
// numbers, never beyond the depth the search allows.
func paginate(p params, total uint64, page, size int) pagination {
	if size <= 0 || total <= uint64(size) {
		return pagination{}
	}
	last := int(min((total+uint64(size)-1)/uint64(size), uint64(search.MaxDepth/size)))
	var out pagination
	if page > 1 {
		out.Prev = p.withPage(min(page-1, last)).href()
	}
	if page < last {
		out.Next = p.withPage(page + 1).href()
	}
	prev := 0
	for n := 1; n <= last; n++ {
		if n != 1 && n != last && (n < page-pageWindow || n > page+pageWindow) {
			continue
		}
		out.Pages = append(out.Pages, pageLink{N: n, URL: p.withPage(n).href(), Current: n == page, Gap: n > prev+1})
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

// statementLink is a result's link to its statement page, carrying the
// search it came from (paramBack) so that the page leads back to those
// results, not to an empty box.
func statementLink(id string, from params) string {
	back := from.href()
	if back == "/" {
		return statementURL(id)
	}
	return statementURL(id) + "?" + url.Values{paramBack: {back}}.Encode()
}

// backURL is the search a statement page leads back to: the paramBack of
// its URL when that is one of our own result pages, "/" otherwise. Only a
// path of this site is taken, never another site's address.
func backURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || (u.Path != "/" && u.Path != pathQuotes) {
		return "/"
	}
	return u.String()
}
