package web

import (
	"net/http"

	"github.com/advosearch/advosearch/search"
	"github.com/labstack/echo/v4"
)

// quotesPage is the model of templates/quotes.html, the quotes tab: who
// said what, found from a pasted passage, each with a ready citation.
type quotesPage struct {
	layout
	searchForm
	resultCounts
	// Error says what is wrong with the request; the page then shows no
	// results and answers 400 (or 503 when the search ran out of time).
	Error  string
	Hits   []quoteHit
	Facets []facetGroup
}

type quoteHit struct {
	Quote []search.Span
	// Exact says the passage is in the quote word for word; otherwise the
	// page calls it a near match.
	Exact    bool
	Speaker  string // "" when unattributed
	Sentence string // the sentence around the quote, for context
	Title    string
	Link     string // our statement page
	Source   string
	Date     string // for people: "2 March 2017"
	DateISO  string // for machines: <time datetime>
	Cite     citeBox
}

// quotesPage answers GET /quotes with the passage box, and quotations when
// the URL holds a search. A bad request is shown on the page with the
// passage kept, as a 400, never as a server error.
func (s *Server) quotesPage(c echo.Context) error {
	p, err := quoteParamsFromQuery(c.QueryParams())
	page := quotesPage{searchForm: newSearchForm(p, pathQuotes,
		[]string{paramSpeaker, paramOrg, paramFrom, paramTo, paramSize}, quoteFilterParams)}
	page.Title = "Quotes"
	if p.Q != "" {
		page.Title = p.Q + " – quotes"
	}

	var req search.QuoteRequest
	if err == nil {
		req, err = p.quoteRequest()
	}
	var res search.QuoteResult
	if err == nil {
		res, err = s.search.Quotes(c.Request().Context(), req)
	}
	if err != nil {
		status, msg, fault := s.searchFailure("quotes", p.Q, err)
		if fault != nil {
			return fault
		}
		page.Error = msg
		return s.render(c, status, pageQuotes, page)
	}
	page.fillResults(p, res, s.citer(c))
	return s.render(c, http.StatusOK, pageQuotes, page)
}

func (page *quotesPage) fillResults(p params, res search.QuoteResult, cites citer) {
	page.resultCounts = countResults(p, res.Total, res.Page, res.Size, len(res.Hits), "quote")
	for i, h := range res.Hits {
		page.Hits = append(page.Hits, quoteHit{
			Quote:    h.Quote,
			Exact:    h.Exact,
			Speaker:  h.Speaker,
			Sentence: h.Sentence,
			Title:    orUntitledText(h.Title),
			Link:     quoteLink(h, p),
			Source:   h.Source,
			Date:     humanDate(h.Published),
			DateISO:  dayOf(h.Published),
			Cite:     hitCiteBox(cites.quote(h), page.First+i),
		})
	}
	speakers := facetGroup{Title: "Speakers"}
	for _, v := range res.Speakers {
		fl := facetLink{Value: v.Value, Count: v.Count, Active: p.has(paramSpeaker, v.Value)}
		if fl.Active {
			fl.URL = p.without(paramSpeaker, v.Value).href()
		} else {
			fl.URL = p.with(paramSpeaker, v.Value).href()
		}
		speakers.Values = append(speakers.Values, fl)
	}
	if len(speakers.Values) > 0 {
		page.Facets = append(page.Facets, speakers)
	}
}

// quoteLink is a quote hit's link to its statement page, which opens at the
// quotation (quoteAnchor); at the top for a quote whose number is unknown.
func quoteLink(h search.QuoteHit, from params) string {
	if h.N < 1 {
		return statementLink(h.StatementID, from)
	}
	return statementLink(h.StatementID, from) + "#" + quoteAnchor(h.N)
}

func orUntitledText(title string) string {
	if title == "" {
		return "(untitled)"
	}
	return title
}
