package web

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/advosearch/advosearch/alerts"
	"github.com/advosearch/advosearch/search"
	"github.com/labstack/echo/v4"
)

// pathFeed is the Atom feed of any search.
const pathFeed = "/feed.atom"

// feedSize is the number of entries in the feed of a search.
const feedSize = 50

const contentTypeAtom = "application/atom+xml; charset=utf-8"

// feedParams keeps what decides which statements a feed holds: the query,
// the filters, the dates and the operator. A feed is always newest first,
// one page long, so the sort and the page are dropped.
func feedParams(p params) params {
	return params{
		Q: p.Q, Org: p.Org, Person: p.Person, Place: p.Place, Source: p.Source,
		From: p.From, To: p.To, Op: p.Op, path: pathFeed,
	}
}

// searchFeed answers GET /feed.atom?q=…&org=…&from=… with the newest
// statements that match, as Atom. It is as public as the search page. Bad
// parameters are a 400 in JSON, since a feed reader shows no page.
func (s *Server) searchFeed(c echo.Context) error {
	all, err := paramsFromQuery(c.QueryParams())
	if err != nil {
		return err
	}
	p := feedParams(all)
	r := p
	r.Sort, r.Size = string(search.SortDateDesc), feedSize
	req, err := r.request(s.opts.DefaultOr)
	if err != nil {
		return err
	}
	// A feed is a standing search, like an alert: a query it cannot read
	// is an error the subscriber should see at once, and it announces
	// statements that match, never near misses.
	req.Strict, req.NoPartial = true, true
	res, err := s.search.Search(c.Request().Context(), req)
	if err != nil {
		return fmt.Errorf("web: search feed: %w", err)
	}

	base := s.baseURL(c)
	page := p
	page.path, page.Sort = "", string(search.SortDateDesc)
	f := alerts.Feed{
		// The parameters in canonical order (Encode sorts them), so the
		// same search is the same feed whatever order its URL had.
		ID:           alerts.TagPrefix + "search?" + p.values().Encode(),
		Title:        feedTitle(p),
		SelfURL:      base + p.href(),
		AlternateURL: base + page.href(),
	}
	// Why each entry is in the feed: a reader shows entries of many feeds
	// side by side, without the feed's title.
	why := "the search for " + strings.Join(searchTerms(p, "every statement"), ", ")
	for _, h := range res.Hits {
		title := spansText(h.Title)
		if strings.TrimSpace(title) == "" {
			title = h.ID
		}
		link := h.URL
		if link == "" {
			link = base + statementURL(h.ID)
		}
		snippets := make([]string, len(h.Snippets))
		for i, sn := range h.Snippets {
			snippets[i] = spansText(sn)
		}
		e := alerts.Entry{
			ID:        alerts.TagPrefix + "statement/" + url.PathEscape(h.ID),
			Title:     title,
			URL:       link,
			Summary:   alerts.EntrySummary(strings.Join(snippets, " "), h.Source, h.Published, why),
			Source:    h.Source,
			Published: h.Published,
		}
		if h.Published.After(f.Updated) {
			f.Updated = h.Published
		}
		f.Entries = append(f.Entries, e)
	}
	// The newest publication date is the feed's time, so an unchanged
	// search gives an unchanged feed; with no dated hit it is now. Entries
	// without a date take it too (alerts.WriteAtom).
	if f.Updated.IsZero() {
		f.Updated = time.Now().UTC()
	}
	c.Response().Header().Set("Cache-Control", "public, max-age=300")
	return writeFeed(c, f)
}

// feedTitle names the search: its query and filters.
func feedTitle(p params) string {
	return "advosearch: " + strings.Join(searchTerms(p, "newest statements"), " · ")
}

// searchTerms words what a search asks for, a part each: its query (or
// none when there is no query), each filter and the date range.
func searchTerms(p params, none string) []string {
	parts := []string{none}
	if p.Q != "" {
		parts = []string{"“" + p.Q + "”"}
	}
	for _, name := range filterParams {
		for _, v := range *p.filter(name) {
			parts = append(parts, strings.ToLower(filterLabels[name])+": "+v)
		}
	}
	if p.From != "" || p.To != "" {
		parts = append(parts, "published "+dateRangeLabel(p.From, p.To))
	}
	return parts
}

// writeFeed writes f into a buffer first, so that an error is a clean 500
// and not half a document.
func writeFeed(c echo.Context, f alerts.Feed) error {
	var buf bytes.Buffer
	if err := alerts.WriteAtom(&buf, f); err != nil {
		// A feed we built is missing something: our fault, a 500, even
		// though the error wraps alerts.ErrInvalid.
		return echo.NewHTTPError(http.StatusInternalServerError).SetInternal(fmt.Errorf("web: feed %s: %w", f.ID, err))
	}
	return c.Blob(http.StatusOK, contentTypeAtom, buf.Bytes())
}

// baseURL is the site's root without a trailing slash: Options.BaseURL, or
// the scheme and host the request came to. X-Forwarded-Proto and the like
// are ignored, since any client can send them; a proxy sets BaseURL.
func (s *Server) baseURL(c echo.Context) string {
	if s.opts.BaseURL != "" {
		return s.opts.BaseURL
	}
	req := c.Request()
	scheme := "http"
	if req.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + req.Host
}
