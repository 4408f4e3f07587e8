package web

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"

	"github.com/labstack/echo/v4"
)

// statementPage is the model of templates/statement.html.
type statementPage struct {
	layout
	Heading    string
	Source     link // URL filters the search on the source
	Date       string
	DateISO    string
	URL        string // the original, http(s) only; "" otherwise
	URLHost    string
	Paragraphs []string
	Entities   []entityGroup
	Mentioned  []string // dates the text mentions, for people
	Lang       string
	Origin     string
	// Back leads to the results the page was opened from, or to a new
	// search.
	Back link
}

// entityGroup lists the statement's entities of one kind, each linking to
// the search filtered on it.
type entityGroup struct {
	Title string
	Links []link
}

// paragraphBreak is a blank line, which separates paragraphs in the stored
// body.
var paragraphBreak = regexp.MustCompile(`\n[ \t\r\f\v]*\n\s*`)

// statementPage answers GET /statements/:id with the whole statement.
func (s *Server) statementPage(c echo.Context) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	st, err := s.search.Statement(c.Request().Context(), id)
	if err != nil {
		return fmt.Errorf("web: statement page %s: %w", id, err)
	}
	page := statementPage{
		Heading:    st.Title,
		Date:       humanDate(st.Published),
		DateISO:    dayOf(st.Published),
		Paragraphs: paragraphs(st.Body),
		Lang:       st.Lang,
		Origin:     st.Origin,
	}
	if page.Heading == "" {
		page.Heading = "(untitled)"
	}
	page.Back = link{Label: "← New search", URL: "/"}
	if back := backURL(c.QueryParam(paramBack)); back != "/" {
		page.Back = link{Label: "← Back to the results", URL: back}
	}
	page.layout = layout{Title: page.Heading, HeaderSearch: true}
	if st.Source != "" {
		page.Source = link{Label: st.Source, URL: params{}.with(paramSource, st.Source).href()}
	}
	if u, err := url.Parse(st.URL); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
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
			group.Links = append(group.Links, link{Label: v, URL: params{}.with(g.param, v).href()})
		}
		if len(group.Links) > 0 {
			page.Entities = append(page.Entities, group)
		}
	}
	for _, d := range st.Dates {
		page.Mentioned = append(page.Mentioned, humanDate(d))
	}
	return s.render(c, http.StatusOK, pageStatement, page)
}

// paragraphs splits a body on blank lines, dropping empty pieces.
func paragraphs(body string) []string {
	var out []string
	for _, p := range paragraphBreak.Split(strings.TrimSpace(body), -1) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
