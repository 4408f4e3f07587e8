package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/advosearch/advosearch/search"
	"github.com/labstack/echo/v4"
)

// A page per name: /people/:name, /organizations/:name, /places/:name and
// /sources/:name show what the statements say of one person,
// organization, place or publisher. Each kind has a path of its own,
// rather than one /names/:kind/:name, so that the address reads as what
// it is and a link can be typed.
const (
	pathPeople        = "/people"
	pathOrganizations = "/organizations"
	pathPlaces        = "/places"
	pathSources       = "/sources"
)

// nameKind is what a name page needs to know of its kind of name.
type nameKind struct {
	// param is the search filter on the name, which the page's search,
	// its links to the results and its alert use.
	param string
	path  string
	// Label is the kind in words, over the name; mentions says how the
	// statements relate to it ("mention", "are from").
	Label, mentions string
	// speaks says that the name may be a quotation's speaker: people and
	// organizations, not places or publishers.
	speaks bool
}

// nameKindOf is the kind whose search filter is param; ok is false for a
// parameter that filters no name.
func nameKindOf(param string) (k nameKind, ok bool) {
	switch param {
	case paramPerson:
		return nameKind{param: paramPerson, path: pathPeople, Label: "Person", mentions: "mention", speaks: true}, true
	case paramOrg:
		return nameKind{param: paramOrg, path: pathOrganizations, Label: "Organization", mentions: "mention", speaks: true}, true
	case paramPlace:
		return nameKind{param: paramPlace, path: pathPlaces, Label: "Place", mentions: "mention"}, true
	case paramSource:
		return nameKind{param: paramSource, path: pathSources, Label: "Source", mentions: "are from"}, true
	}
	return nameKind{}, false
}

// nameURL is the page of the name value of the kind filtered by param, or
// "" when param filters no name. The name is one path segment, escaped:
// a "/" in it does not start another.
func nameURL(param, value string) string {
	k, ok := nameKindOf(param)
	if !ok {
		return ""
	}
	return k.path + "/" + url.PathEscape(value)
}

// How much of each list the page shows; each list links to the whole.
const (
	nameLatest  = 10 // statements, newest first
	nameQuotes  = 5  // quotations by the name
	nameRelated = 10 // names of each kind mentioned with it
)

// namePage is the model of templates/name.html.
type namePage struct {
	layout
	Kind nameKind
	Name string
	// Summary counts the statements ("12 statements mention Hun Sen");
	// First and Last are the dates of the oldest and newest dated ones,
	// for people and for <time datetime>; empty when none has a date.
	Summary                        string
	First, FirstISO, Last, LastISO string
	// Search lists every statement of the name on the results page.
	Search link
	// Histogram draws its statements over time; nil when none has a date.
	Histogram *histogram
	// Related are the names the statements mention most besides this
	// one, by kind, each linking to its own page.
	Related []relatedGroup
	// Quotes are quotations by the name, QuoteSummary says how many of
	// how many, and AllQuotes is the quotes tab with all of them; all
	// empty for a name that does not speak or has not been quoted.
	Quotes       []nameQuote
	QuoteSummary string
	AllQuotes    string
	Latest       []nameStatement
	// Follow makes an alert of the statements of the name; nil when the
	// server has no alerts.
	Follow *followForm
}

// relatedGroup is one kind of names mentioned with the page's name.
type relatedGroup struct {
	Title string
	Names []relatedName
}

// relatedName is a name and how many of the page's statements mention it.
type relatedName struct {
	Name, URL string
	Count     int
}

// nameStatement is a statement of the name, linking to its page.
type nameStatement struct {
	Title, Link, Source, Date, DateISO string
}

// nameQuote is a quotation by the name.
type nameQuote struct {
	Text, Link, Title, Date, DateISO string
}

// namePage is the handler of the pages of the names of the kind filtered
// by param. It answers 404 for a name no statement has, and the page
// otherwise; it works without script.
func (s *Server) namePage(param string) echo.HandlerFunc {
	kind, ok := nameKindOf(param)
	return func(c echo.Context) error {
		if !ok {
			return echo.ErrNotFound
		}
		name, err := pathParam(c, "name", "name")
		if err != nil {
			return err
		}
		return s.renderName(c, kind, name)
	}
}

// renderName answers with the page of name, of kind: three searches, the
// statements filtered on it with their facets, its oldest dated statement,
// and its quotations.
func (s *Server) renderName(c echo.Context, kind nameKind, name string) error {
	ctx := c.Request().Context()
	p := params{}.with(kind.param, name)
	// One search gives the count, the histogram, the names mentioned with
	// this one (its facets) and the latest statements.
	req, err := p.withSort(search.SortDateDesc).request(s.opts.DefaultOr)
	if err != nil {
		return err
	}
	req.Size = nameLatest
	res, err := s.search.Search(ctx, req)
	if err != nil {
		return fmt.Errorf("web: name page %s %q: %w", kind.param, name, err)
	}
	if res.Total == 0 {
		return echo.NewHTTPError(http.StatusNotFound, fmt.Sprintf("no statement %s %s", kind.mentions, name))
	}

	page := namePage{Kind: kind, Name: name, Search: link{URL: p.href()}}
	page.layout = layout{Title: name, HeaderSearch: true}
	page.Summary = fmt.Sprintf("%s %s %s", plural(res.Total, "statement"), kind.mentions, name)
	if res.Total == 1 {
		page.Summary = fmt.Sprintf("1 statement %s %s", singular(kind.mentions), name)
	}
	page.Search.Label = "All " + plural(res.Total, "statement") + " on the results page"
	page.Histogram = newHistogram(p, res.Facets)
	page.Related = related(kind, name, res.Facets)
	for _, h := range res.Hits {
		page.Latest = append(page.Latest, nameStatement{
			Title: spansText(orUntitled(h.Title)), Link: statementLink(h.ID, p),
			Source: h.Source, Date: humanDate(h.Published), DateISO: dayOf(h.Published),
		})
	}
	// Undated statements come last in both date orders: the newest is the
	// first hit when it has a date, and the oldest is found by one more
	// search of a single statement.
	if len(res.Hits) > 0 && !res.Hits[0].Published.IsZero() {
		last := res.Hits[0].Published
		page.Last, page.LastISO = humanDate(last), dayOf(last)
		req.Sort, req.Size, req.NoFacets = search.SortDate, 1, true
		oldest, err := s.search.Search(ctx, req)
		if err != nil {
			return fmt.Errorf("web: oldest statement of %s %q: %w", kind.param, name, err)
		}
		if len(oldest.Hits) > 0 && !oldest.Hits[0].Published.IsZero() {
			first := oldest.Hits[0].Published
			page.First, page.FirstISO = humanDate(first), dayOf(first)
		}
	}
	if kind.speaks {
		if err := s.nameQuotes(c, name, &page); err != nil {
			return err
		}
	}
	page.Follow = s.newFollowForm(c, p)
	return s.render(c, http.StatusOK, pageName, page)
}

// nameQuotes fills the page's quotations by name: the quote search
// filtered on the speaker.
func (s *Server) nameQuotes(c echo.Context, name string, page *namePage) error {
	all := params{Speaker: []string{name}, path: pathQuotes}
	req, err := all.quoteRequest()
	if err != nil {
		return err
	}
	req.Size = nameQuotes
	res, err := s.search.Quotes(c.Request().Context(), req)
	if err != nil {
		return fmt.Errorf("web: quotes by %q: %w", name, err)
	}
	if res.Total == 0 {
		return nil
	}
	page.AllQuotes = all.href()
	page.QuoteSummary = quoteCount(len(res.Hits), res.Total)
	for _, h := range res.Hits {
		page.Quotes = append(page.Quotes, nameQuote{
			Text: spansText(h.Quote), Link: quoteLink(h, all), Title: orUntitledText(h.Title),
			Date: humanDate(h.Published), DateISO: dayOf(h.Published),
		})
	}
	return nil
}

// nameFacet is the count of one kind of name in a search's facets.
type nameFacet struct {
	title, param string
	values       []search.FacetValue
}

// nameFacets are the facets of names, in the order pages list them.
func nameFacets(f search.Facets) []nameFacet {
	return []nameFacet{
		{"Source", paramSource, f.Sources},
		{"Organizations", paramOrg, f.Organizations},
		{"People", paramPerson, f.People},
		{"Places", paramPlace, f.Places},
	}
}

// related lists the names the facets of the name's search count, but the
// name itself, which every one of its statements has.
func related(kind nameKind, name string, f search.Facets) []relatedGroup {
	var out []relatedGroup
	for _, g := range nameFacets(f) {
		if g.param == paramSource {
			// The publisher is no name mentioned: the statements are its.
			continue
		}
		group := relatedGroup{Title: g.title}
		for _, v := range g.values {
			if g.param == kind.param && v.Value == name {
				continue
			}
			if len(group.Names) == nameRelated {
				break
			}
			group.Names = append(group.Names, relatedName{Name: v.Value, URL: nameURL(g.param, v.Value), Count: v.Count})
		}
		if len(group.Names) > 0 {
			out = append(out, group)
		}
	}
	return out
}

// singular turns the verb of plural statements to agree with one.
func singular(mentions string) string {
	switch mentions {
	case "mention":
		return "mentions"
	case "are from":
		return "is from"
	}
	return mentions
}

// quoteCount says how many quotations a page lists of how many.
func quoteCount(shown int, total uint64) string {
	if uint64(shown) == total {
		return plural(total, "quotation")
	}
	return strconv.Itoa(shown) + " of " + plural(total, "quotation")
}
