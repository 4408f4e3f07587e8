package web

import (
	"cmp"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/advosearch/advosearch/alerts"
	"github.com/advosearch/advosearch/search"
	"github.com/labstack/echo/v4"
)

// The alerts page is the JSON alert API for people: "Follow this search"
// on a results page saves the search as an alert, and /alerts lists each
// alert with its filters, its latest matches, its feed address and a
// button that deletes it. It works without script.
//
// The token. The API takes it in an Authorization header, which a page
// cannot send. It never goes into a URL, where logs, history and Referer
// headers would keep it, nor into a page: it is typed into a form that is
// POSTed, once, and the answer sets a session cookie instead. The cookie
// is not the token but an expiry and its HMAC under the token
// (sessionValue): the server keeps no sessions, a cookie ends by itself
// after alertSessionTTL, and a new token ends them all. It is HttpOnly, so
// no script reads it; SameSite=Strict, so no other site's link or form
// sends it; Secure over https; and its path is the whole site, so that the
// follow form of a results page knows not to ask for the token again.
//
// Cross-site requests. Every POST of these pages changes something, so
// each must come from one of our own pages (checkSameOrigin): a browser
// says where a request comes from in Sec-Fetch-Site, or in Origin in
// older ones, and net/http's CrossOriginProtection refuses any other site.
// A request with neither header is not from a browser, and so not a
// forgery made by one.

// Paths and form fields of the alerts pages. The form fields of the search
// itself have the names of the search parameters.
const (
	pathAlerts        = "/alerts"
	pathAlertsSession = "/alerts/session"
	pathAlertsSignOut = "/alerts/signout"
	fieldName         = "name"
	fieldToken        = "token"
	// alertSessionCookie holds the page's session (see sessionValue).
	alertSessionCookie = "advosearch_alerts"
	// alertSessionTTL is how long a session lasts after the token was
	// typed: an afternoon's work, not a standing credential.
	alertSessionTTL = 2 * time.Hour
	// msgPageTokenWrong answers a wrong token typed into a form.
	msgPageTokenWrong = "The token is wrong. Type the token the server was started with (--token)."
	// alertsPageMatches is how many of an alert's latest matches the page
	// lists; the feed and the API have the rest.
	alertsPageMatches = 20
)

// alertsPage is the model of templates/alerts.html.
type alertsPage struct {
	layout
	// Error says why the form above it was refused.
	Error string
	// SignIn shows the token form instead of the alerts.
	SignIn bool
	// Follow is the follow form shown again after an error, with what
	// was typed (never the token).
	Follow *followForm
	// Created greets a new alert with what matches it already.
	Created *createdNote
	// Notice confirms what the last form did ("deleted").
	Notice string
	Alerts []alertView
}

// followForm is the "Follow this search" form: the search as hidden
// fields, in words for the reader, and the alert's name.
type followForm struct {
	Name string
	Keep []hiddenField
	// Search says in words what the alert will watch for.
	Search []filterWords
	// NeedToken asks for the token: the browser has no session.
	NeedToken bool
	// Dropped says which parts of the search an alert cannot keep.
	Dropped string
}

// filterWords is one condition of a search, in words.
type filterWords struct{ Label, Value string }

// createdNote is the line under a new alert: how many statements already
// in the index match it (it will only report new ones) and the search that
// shows them.
type createdNote struct {
	Name      string
	Count     uint64
	SearchURL string
}

// alertView is one alert on the page.
type alertView struct {
	ID, Name   string
	Filters    []filterWords
	Created    string // for people
	CreatedISO string // for <time datetime>
	MatchCount int
	// Matches are the latest, newest first; More says there are older
	// ones than the page lists.
	Matches []matchView
	More    bool
	// SearchURL runs the alert's search now; FeedURL is its feed, key
	// included; DeleteURL the action of its delete form.
	SearchURL, FeedURL, DeleteURL string
}

// matchView is one statement that matched an alert.
type matchView struct {
	Title      string
	Link       string
	Source     string
	Date       string
	DateISO    string
	Matched    string
	MatchedISO string
	Snippets   []search.Snippet
	// Deleted: the statement has left the index since it matched.
	Deleted bool
}

// alertsOn says whether the alert pages can be used: like requireToken,
// without an alerts store they are a 404, and without a server token a
// 403 that says how to enable them.
func (s *Server) alertsOn() error {
	if s.opts.Alerts == nil {
		return echo.NewHTTPError(http.StatusNotFound, msgAlertsOff)
	}
	if s.opts.Token == "" {
		return echo.NewHTTPError(http.StatusForbidden, msgAlertsNoToken)
	}
	return nil
}

// alertsPage answers GET /alerts: the token form without a session, the
// alerts with one.
func (s *Server) alertsPage(c echo.Context) error {
	if err := s.alertsOn(); err != nil {
		return err
	}
	page := alertsPage{layout: layout{Title: "Alerts", HeaderSearch: true}}
	if !s.signedIn(c) {
		page.SignIn = true
		return s.render(c, http.StatusOK, pageAlerts, page)
	}
	ctx := c.Request().Context()
	q := c.QueryParams()
	if id := q.Get("created"); id != "" {
		a, err := s.opts.Alerts.Get(ctx, id)
		switch {
		case errors.Is(err, alerts.ErrNotFound):
			// Deleted since, or a made-up URL: nothing to greet.
		case err != nil:
			return fmt.Errorf("web: alerts page: get alert %s: %w", id, err)
		default:
			if page.Created, err = s.createdNote(c, a); err != nil {
				return err
			}
		}
	}
	if q.Get("deleted") != "" {
		page.Notice = "The alert was deleted."
	}
	return s.renderAlerts(c, http.StatusOK, page)
}

// renderAlerts lists every alert, newest first, on page.
func (s *Server) renderAlerts(c echo.Context, status int, page alertsPage) error {
	ctx := c.Request().Context()
	as, err := s.opts.Alerts.List(ctx)
	if err != nil {
		return fmt.Errorf("web: alerts page: %w", err)
	}
	slices.Reverse(as)
	for _, a := range as {
		v, err := s.alertView(c, a)
		if errors.Is(err, alerts.ErrNotFound) {
			continue // deleted while the page was being made
		}
		if err != nil {
			return err
		}
		page.Alerts = append(page.Alerts, v)
	}
	return s.render(c, status, pageAlerts, page)
}

// alertView reads an alert's latest matches and cuts their snippets from
// one search: the alert's own, over those statements alone.
func (s *Server) alertView(c echo.Context, a alerts.Alert) (alertView, error) {
	ctx := c.Request().Context()
	v := alertView{
		ID: a.ID, Name: a.Name, Filters: alertWords(a),
		Created: humanDate(a.Created), CreatedISO: dayOf(a.Created),
		SearchURL: alertSearch(a, s.opts.DefaultOr).href(),
		FeedURL:   s.alertFeedURL(c, a.ID),
		DeleteURL: pathAlerts + "/" + url.PathEscape(a.ID) + "/delete",
	}
	n, err := s.opts.Alerts.MatchCount(ctx, a.ID)
	if err != nil {
		return v, fmt.Errorf("web: alerts page: %w", err)
	}
	v.MatchCount = n
	if n == 0 {
		return v, nil
	}
	// Cursors run from 1 to n without gaps, so the latest page of
	// matches starts after n minus its length.
	after := max(0, n-alertsPageMatches)
	ms, _, err := s.opts.Alerts.Matches(ctx, a.ID, uint64(after), alertsPageMatches)
	if err != nil {
		return v, fmt.Errorf("web: alerts page: %w", err)
	}
	v.More = after > 0
	slices.Reverse(ms)
	snippets, err := s.matchSnippets(c, a, ms)
	if err != nil {
		return v, err
	}
	for _, m := range ms {
		mv := matchView{
			Title: cmp.Or(m.Title, m.StatementID), Link: statementURL(m.StatementID), Source: m.Source,
			Date: humanDate(m.Published), DateISO: dayOf(m.Published),
			Matched: humanDate(m.Matched), MatchedISO: dayOf(m.Matched),
			Snippets: snippets[m.StatementID], Deleted: m.Deleted,
		}
		if len(mv.Snippets) == 0 && m.Snippet != "" {
			// The statement is gone, or the search marks nothing: the
			// passage kept when it matched, unmarked.
			mv.Snippets = []search.Snippet{{{Text: m.Snippet}}}
		}
		v.Matches = append(v.Matches, mv)
	}
	return v, nil
}

// matchSnippets runs the alert's search over its matched statements that
// are still in the index, for the snippets of each, by statement ID.
func (s *Server) matchSnippets(c echo.Context, a alerts.Alert, ms []alerts.Match) (map[string][]search.Snippet, error) {
	var ids []string
	for _, m := range ms {
		if !m.Deleted {
			ids = append(ids, m.StatementID)
		}
	}
	if len(ids) == 0 || a.Query == "" {
		// Without words there is nothing to mark.
		return nil, nil
	}
	r := a.Request()
	r.IDs, r.Size, r.NoFacets, r.NoPartial = ids, len(ids), true, true
	res, err := s.search.Search(c.Request().Context(), r)
	if errors.Is(err, search.ErrInvalid) {
		// An alert saved before its syntax became an error still lists
		// its matches, without snippets.
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("web: snippets of alert %s: %w", a.ID, err)
	}
	out := make(map[string][]search.Snippet, len(res.Hits))
	for _, h := range res.Hits {
		out[h.ID] = h.Snippets
	}
	return out, nil
}

// createdNote counts the statements already in the index that the new
// alert's search finds. The alert reports only statements indexed from
// now on, so without this line a new alert looks empty however much it
// would have found.
func (s *Server) createdNote(c echo.Context, a alerts.Alert) (*createdNote, error) {
	r := a.Request()
	r.Size, r.NoFacets, r.NoPartial = 1, true, true
	res, err := s.search.Search(c.Request().Context(), r)
	if err != nil && !errors.Is(err, search.ErrInvalid) {
		return nil, fmt.Errorf("web: count the matches of new alert %s: %w", a.ID, err)
	}
	return &createdNote{Name: a.Name, Count: res.Total, SearchURL: alertSearch(a, s.opts.DefaultOr).href()}, nil
}

// alertSearch is the search page of what the alert watches for, newest
// first. An alert combines words with AND (alerts.Alert.Request), so on a
// server whose default is OR the link says op=and, and the page finds what
// the alert would.
func alertSearch(a alerts.Alert, defaultOr bool) params {
	p := params{Q: a.Query, Org: a.Organizations, Person: a.People, Place: a.Places, Source: a.Sources,
		From: dayOf(a.From), Sort: string(search.SortDateDesc)}
	if defaultOr {
		p.Op = opAnd
	}
	return p
}

// alertWords says what an alert watches for, condition by condition.
func alertWords(a alerts.Alert) []filterWords {
	p := alertSearch(a, false)
	return searchWords(p)
}

// searchWords says a search's query and filters in words.
func searchWords(p params) []filterWords {
	out := []filterWords{{Label: "Words", Value: p.Q}}
	if p.Q == "" {
		out[0] = filterWords{Label: "Words", Value: "any"}
	}
	for _, name := range filterParams {
		for _, v := range *p.filter(name) {
			out = append(out, filterWords{Label: filterLabels[name], Value: v})
		}
	}
	if p.From != "" {
		out = append(out, filterWords{Label: "Published", Value: "from " + p.From})
	}
	return out
}

// newFollowForm is the follow form of a results page for p: its query,
// filters and start date, which an alert keeps; and a sentence on what it
// cannot keep.
func (s *Server) newFollowForm(c echo.Context, p params) *followForm {
	if s.alertsOn() != nil {
		return nil
	}
	kept := params{Q: p.Q, Org: p.Org, Person: p.Person, Place: p.Place, Source: p.Source, From: p.From}
	f := &followForm{Name: followName(kept), Search: searchWords(kept), NeedToken: !s.signedIn(c)}
	f.Keep, _ = keep(kept, paramQuery, paramOrg, paramPerson, paramPlace, paramSource, paramFrom)
	var dropped []string
	if p.To != "" {
		dropped = append(dropped, "the end date")
	}
	if p.Undated && (p.From != "" || p.To != "") {
		dropped = append(dropped, "the statements without a date")
	}
	if len(dropped) > 0 {
		f.Dropped = "An alert reports statements added from now on, so it leaves out " + strings.Join(dropped, " and ") + "."
	}
	return f
}

// followName is the name the form suggests: the words searched, or the
// first filter, cut to the longest name an alert may have.
func followName(p params) string {
	name := p.Q
	if ws := searchWords(p); name == "" && len(ws) > 1 {
		name = ws[1].Value
	}
	if utf8.RuneCountInString(name) > alerts.MaxNameLen {
		name = string([]rune(name)[:alerts.MaxNameLen])
	}
	return name
}

// followFromForm reads the follow form: the search fields, in the search
// parameters' names, and the name.
func followFromForm(form url.Values) (alerts.Alert, params) {
	p := params{
		Q:   strings.TrimSpace(form.Get(paramQuery)),
		Org: nonEmpty(form[paramOrg]), Person: nonEmpty(form[paramPerson]),
		Place: nonEmpty(form[paramPlace]), Source: nonEmpty(form[paramSource]),
		From: strings.TrimSpace(form.Get(paramFrom)),
	}
	a := alerts.Alert{Name: form.Get(fieldName), Query: p.Q, Organizations: p.Org, People: p.Person, Places: p.Place, Sources: p.Source}
	return a, p
}

// followSearch answers POST /alerts, the follow form: it saves the alert
// as POST /api/alerts does (saveAlert), starts a session if the form
// carried the token, and shows the alerts page with the new alert
// greeted. A refused form comes back with what was typed and why, as a
// 4xx.
func (s *Server) followSearch(c echo.Context) error {
	form, err := s.alertsForm(c)
	if err != nil {
		return err
	}
	a, p := followFromForm(form)
	f := &followForm{Name: a.Name, Search: searchWords(p)}
	f.Keep, _ = keep(p, paramQuery, paramOrg, paramPerson, paramPlace, paramSource, paramFrom)
	page := alertsPage{layout: layout{Title: "Follow this search", HeaderSearch: true}, Follow: f}
	if !s.signedIn(c) {
		if !s.checkToken(strings.TrimSpace(form.Get(fieldToken))) {
			f.NeedToken = true
			page.Error = msgPageTokenWrong
			return s.render(c, http.StatusForbidden, pageAlerts, page)
		}
		// The token is right: a refusal below need not ask for it again.
		s.startSession(c)
	}
	if a.From, err = parseDate(paramFrom, p.From); err == nil {
		a, err = s.saveAlert(c.Request().Context(), a)
	}
	if err != nil {
		status, msg := classify(err)
		if status >= 500 {
			return err
		}
		page.Error = sentence(pageMessage(err, msg))
		return s.render(c, status, pageAlerts, page)
	}
	return c.Redirect(http.StatusSeeOther, pathAlerts+"?"+url.Values{"created": {a.ID}}.Encode())
}

// signIn answers POST /alerts/session, the token form: a session and the
// alerts page, or the form again with why.
func (s *Server) signIn(c echo.Context) error {
	form, err := s.alertsForm(c)
	if err != nil {
		return err
	}
	if !s.checkToken(strings.TrimSpace(form.Get(fieldToken))) {
		page := alertsPage{layout: layout{Title: "Alerts", HeaderSearch: true}, SignIn: true, Error: msgPageTokenWrong}
		return s.render(c, http.StatusForbidden, pageAlerts, page)
	}
	s.startSession(c)
	return c.Redirect(http.StatusSeeOther, pathAlerts)
}

// signOut answers POST /alerts/signout: the session cookie is dropped.
func (s *Server) signOut(c echo.Context) error {
	if err := s.checkSameOrigin(c); err != nil {
		return err
	}
	c.SetCookie(&http.Cookie{Name: alertSessionCookie, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: s.secure(c)})
	return c.Redirect(http.StatusSeeOther, pathAlerts)
}

// deleteAlertForm answers POST /alerts/:id/delete, an alert's delete
// button.
func (s *Server) deleteAlertForm(c echo.Context) error {
	if _, err := s.alertsForm(c); err != nil {
		return err
	}
	page := alertsPage{layout: layout{Title: "Alerts", HeaderSearch: true}}
	if !s.signedIn(c) {
		page.SignIn = true
		page.Error = "Your session has ended: type the token again, then delete the alert."
		return s.render(c, http.StatusForbidden, pageAlerts, page)
	}
	id := c.Param("id")
	err := s.opts.Alerts.Delete(c.Request().Context(), id)
	if errors.Is(err, alerts.ErrNotFound) {
		page.Error = "There is no such alert: it may have been deleted already."
		return s.renderAlerts(c, http.StatusNotFound, page)
	}
	if err != nil {
		return fmt.Errorf("web: delete alert %s: %w", id, err)
	}
	return c.Redirect(http.StatusSeeOther, pathAlerts+"?deleted=1")
}

// takesToken tells whether the request is a form of the alerts pages,
// which may carry the token: they are rate-limited as the API is, so that
// guessing the token through a form is no faster than through the API.
func takesToken(c echo.Context) bool {
	return c.Request().Method == http.MethodPost && (c.Path() == pathAlerts || c.Path() == pathAlertsSession)
}

// alertsForm checks a POST of the alerts pages, in order: that alerts can
// be used (alertsOn), that the form comes from our own pages
// (checkSameOrigin), and that its body reads (postForm).
func (s *Server) alertsForm(c echo.Context) (url.Values, error) {
	if err := s.alertsOn(); err != nil {
		return nil, err
	}
	if err := s.checkSameOrigin(c); err != nil {
		return nil, err
	}
	return postForm(c)
}

// postForm reads the form of a POST body; the URL's query is not read, so
// that nothing a link carries can stand in for what the form sent.
func postForm(c echo.Context) (url.Values, error) {
	req := c.Request()
	if err := req.ParseForm(); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, badRequest("the form is larger than %d bytes", tooBig.Limit)
		}
		return nil, badRequest("the form could not be read")
	}
	return req.PostForm, nil
}

// checkSameOrigin refuses a POST that a browser says comes from another
// site (see the top of this file).
func (s *Server) checkSameOrigin(c echo.Context) error {
	cop := http.NewCrossOriginProtection()
	if s.opts.BaseURL != "" {
		// Behind a proxy the Host may not be the public one.
		u, err := url.Parse(s.opts.BaseURL)
		if err == nil {
			if err := cop.AddTrustedOrigin(u.Scheme + "://" + u.Host); err != nil {
				return fmt.Errorf("web: trust the base URL's origin: %w", err)
			}
		}
	}
	if err := cop.Check(c.Request()); err != nil {
		return echo.NewHTTPError(http.StatusForbidden, "this form can only be sent from advosearch's own pages")
	}
	return nil
}

// sessionValue is the session cookie for a session ending at expires: the
// expiry in Unix seconds, a dot, and the HMAC-SHA256 of it under the
// token, labelled so that it can stand for nothing else (feed keys are
// HMACs under the same token).
func (s *Server) sessionValue(expires time.Time) string {
	exp := strconv.FormatInt(expires.Unix(), 10)
	mac := hmac.New(sha256.New, []byte(s.opts.Token))
	mac.Write([]byte("alerts-page-session:" + exp))
	return exp + "." + hex.EncodeToString(mac.Sum(nil))
}

// signedIn tells whether the request carries a session cookie that the
// token signed and that has not expired.
func (s *Server) signedIn(c echo.Context) bool {
	if s.opts.Token == "" {
		return false
	}
	ck, err := c.Cookie(alertSessionCookie)
	if err != nil {
		return false
	}
	exp, _, _ := strings.Cut(ck.Value, ".")
	n, err := strconv.ParseInt(exp, 10, 64)
	if err != nil || time.Now().Unix() >= n {
		return false
	}
	return hmac.Equal([]byte(ck.Value), []byte(s.sessionValue(time.Unix(n, 0))))
}

// startSession sets the session cookie (see the top of this file).
func (s *Server) startSession(c echo.Context) {
	expires := time.Now().Add(alertSessionTTL)
	c.SetCookie(&http.Cookie{Name: alertSessionCookie, Value: s.sessionValue(expires), Path: "/",
		MaxAge: int(alertSessionTTL / time.Second), HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: s.secure(c)})
}

// secure tells whether the site is served over https, where the session
// cookie must never travel over plain http.
func (s *Server) secure(c echo.Context) bool {
	return c.Request().TLS != nil || strings.HasPrefix(s.opts.BaseURL, "https://")
}

// sentence starts a message with a capital and ends it with a full stop,
// as the page's other messages are written.
func sentence(msg string) string {
	msg = strings.TrimSpace(msg)
	if msg == "" {
		return msg
	}
	r, n := utf8.DecodeRuneInString(msg)
	msg = string(unicode.ToUpper(r)) + msg[n:]
	if !strings.HasSuffix(msg, ".") {
		msg += "."
	}
	return msg
}
