package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"

	"github.com/advosearch/advosearch/search"
	"github.com/labstack/echo/v4"
)

// statementPage is the model of templates/statement.html: a statement to
// read and verify, with the words of the search it was opened from marked,
// its quotations anchored where they stand, and ready citations.
type statementPage struct {
	layout
	Heading []search.Span // the title, the search's words marked
	Source  link          // URL filters the search on the source
	Date    string
	DateISO string
	URL     string // the original, http(s) only; "" otherwise
	URLHost string
	// OriginalFile links to the bytes the statement was read from (the
	// PDF of a file indexed from disk or sent to the server); empty when
	// none is kept, and the page shows nothing.
	OriginalFile link
	Body         []paragraph
	// Matches counts the search's matches in the body; Query is the search
	// they are of. MarkNote says why a search's words could not be marked.
	Matches  int
	Query    string
	MarkNote string
	Entities []entityGroup
	// Mentioned lists the dates the text mentions, for people.
	Mentioned  []string
	Lang       string
	Provenance string // where the statement came from, in words (provenance)
	Cite       citeBox
	// Back leads to the results the page was opened from, or to a new
	// search.
	Back link
}

// entityGroup lists the statement's entities of one kind, each linking to
// its name page, which links on to the search filtered on it.
type entityGroup struct {
	Title string
	Links []link
}

// scriptStatement steps through the matches from the keyboard (n and p).
// The page works without it: every match has plain links to the next and
// previous ones.
const scriptStatement = "/static/statement.js"

// paragraphBreak is a blank line, which separates paragraphs in the stored
// body.
var paragraphBreak = regexp.MustCompile(`\n[ \t\r\f\v]*\n\s*`)

// statementPage answers GET /statements/:id with the whole statement. The
// search it was opened from comes in paramBack (a results page, whose query
// is marked), or in paramQuery and paramOp for a link made elsewhere.
func (s *Server) statementPage(c echo.Context) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	st, err := s.search.Statement(ctx, id)
	if err != nil {
		return fmt.Errorf("web: statement page %s: %w", id, err)
	}
	quotes, err := s.search.QuotesOf(ctx, id)
	if err != nil {
		return fmt.Errorf("web: quotes of statement %s: %w", id, err)
	}
	page := statementPage{
		Date:       humanDate(st.Published),
		DateISO:    dayOf(st.Published),
		Lang:       st.Lang,
		Provenance: provenanceOf(st.Origin, st.AlsoFrom),
	}
	back := backURL(c.QueryParam(paramBack))
	page.Back = link{Label: "← New search", URL: "/"}
	if back != "/" {
		page.Back = link{Label: "← Back to the results", URL: back}
	}

	marked, err := s.markStatement(c, st, back, &page)
	if err != nil {
		return err
	}
	page.Heading = orUntitled(marked.Title)
	page.Body, page.Matches = statementBody(st.Body, marked.Body, quotes)

	page.layout = layout{Title: st.Title, HeaderSearch: true}
	if page.Title == "" {
		page.Title = "(untitled)"
	}
	if page.Matches > 0 {
		page.Scripts = []string{scriptStatement}
	}
	if st.Source != "" {
		page.Source = link{Label: st.Source, URL: params{}.with(paramSource, st.Source).href()}
	}
	if u, ok := webURL(st.URL); ok {
		page.URL, page.URLHost = u.String(), strings.TrimPrefix(u.Hostname(), "www.")
	}
	for _, g := range []struct {
		title, param string
		values       []string
	}{
		{"Organizations", paramOrg, st.Organizations},
		{"People", paramPerson, st.People},
		{"Places", paramPlace, st.Places},
	} {
		group := entityGroup{Title: g.title}
		for _, v := range g.values {
			group.Links = append(group.Links, link{Label: v, URL: nameURL(g.param, v)})
		}
		if len(group.Links) > 0 {
			page.Entities = append(page.Entities, group)
		}
	}
	for _, d := range st.Dates {
		page.Mentioned = append(page.Mentioned, humanDate(d))
	}
	page.Cite = statementCiteBox(s.citer(c).statement(st.ID, st.Source, st.Title, st.Published, st.URL))
	page.OriginalFile = s.originalLink(st)
	return s.render(c, http.StatusOK, pageStatement, page)
}

// markStatement marks the words of the search the page was opened from
// (markRequest) in st, and sets the page's Query, or its MarkNote when the
// search cannot be read: the statement still shows, unmarked, since its
// reader asked for it and not for the search.
func (s *Server) markStatement(c echo.Context, st search.Statement, back string, page *statementPage) (search.Marked, error) {
	const notMarked = "The search’s words are not marked: "
	unmarked := search.Marked{Title: plainSpans(st.Title)}
	req, ok, err := s.markRequest(c.QueryParams(), back)
	if err != nil {
		page.MarkNote = notMarked + invalidMessage(err)
		return unmarked, nil
	}
	if !ok {
		return unmarked, nil
	}
	marked, err := s.search.Mark(c.Request().Context(), st, req)
	switch {
	case errors.Is(err, search.ErrInvalid):
		page.MarkNote = notMarked + invalidMessage(err)
		return unmarked, nil
	case err != nil:
		return search.Marked{}, fmt.Errorf("web: mark statement %s: %w", st.ID, err)
	}
	page.Query = req.Query
	return marked, nil
}

// markRequest is the search whose words the page marks: paramQuery (with
// paramOp) of the page's own URL, or else the query of the results page it
// leads back to. ok is false when there is none: no query, or a quote
// search, whose passage is not query syntax and whose quotation the page
// marks anyway. An error wraps search.ErrInvalid.
func (s *Server) markRequest(v url.Values, back string) (r search.Request, ok bool, err error) {
	p := params{Q: v.Get(paramQuery), Op: strings.TrimSpace(v.Get(paramOp))}
	if strings.TrimSpace(p.Q) == "" && back != "/" {
		u, err := url.Parse(back)
		if err != nil || u.Path != "/" {
			return search.Request{}, false, nil
		}
		q := u.Query()
		p = params{Q: q.Get(paramQuery), Op: strings.TrimSpace(q.Get(paramOp))}
	}
	if strings.TrimSpace(p.Q) == "" {
		return search.Request{}, false, nil
	}
	r = search.Request{Query: p.Q}
	if r.DefaultOr, err = p.defaultOr(s.opts.DefaultOr); err != nil {
		return search.Request{}, false, err
	}
	return r, true, nil
}

// plainSpans is text with nothing marked; none for no text.
func plainSpans(text string) []search.Span {
	if text == "" {
		return nil
	}
	return []search.Span{{Text: text}}
}
