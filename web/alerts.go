package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/advosearch/advosearch/alerts"
	"github.com/advosearch/advosearch/query"
	"github.com/advosearch/advosearch/search"
	"github.com/labstack/echo/v4"
)

// alertStore is what the web needs from package alerts; *alerts.Store (one
// server) and *alerts.Shared (the nodes of serve --store) have it.
type alertStore interface {
	Create(ctx context.Context, a alerts.Alert) (alerts.Alert, error)
	List(ctx context.Context) ([]alerts.Alert, error)
	Get(ctx context.Context, id string) (alerts.Alert, error)
	Delete(ctx context.Context, id string) error
	RotateSecret(ctx context.Context, id string) (alerts.Alert, error)
	Matches(ctx context.Context, alertID string, after uint64, limit int) ([]alerts.Match, uint64, error)
	MatchCount(ctx context.Context, alertID string) (int, error)
	Feed(ctx context.Context, alertID, baseURL string, limit int) (alerts.Feed, error)
}

var (
	_ alertStore = (*alerts.Store)(nil)
	_ alertStore = (*alerts.Shared)(nil)
)

// Bounds of GET /api/alerts/:id/matches.
const (
	defaultMatchesLimit = 100
	maxMatchesLimit     = alerts.MaxMatchesLimit
)

// msgNoFeed answers a feed URL with a wrong key and one of an unknown alert
// alike, so that a guessed URL does not tell whether the alert exists.
const msgNoFeed = "no feed at this address"

// apiAlert is an alert in the JSON API. Its field names are those of the
// search parameters, so an alert is written like a search. It holds the
// webhook URL and the feed key, and is only ever sent to token holders.
type apiAlert struct {
	ID     string   `json:"id"`
	Name   string   `json:"name"`
	Q      string   `json:"q"`
	Org    []string `json:"org"`
	Person []string `json:"person"`
	Place  []string `json:"place"`
	Source []string `json:"source"`
	From   *string  `json:"from"` // YYYY-MM-DD, null when unset
	// WebhookURL is "" when the alert has no webhook.
	WebhookURL string    `json:"webhook_url"`
	Created    time.Time `json:"created"`
	// MatchCount is how many statements have matched so far.
	MatchCount int `json:"match_count"`
	// MatchesURL is where to poll; FeedURL the Atom feed, with its key.
	MatchesURL string `json:"matches_url"`
	FeedURL    string `json:"feed_url"`
	// WebhookSecret is the key that signs the alert's webhook deliveries.
	// It is only in the answers of POST /api/alerts and POST
	// /api/alerts/:id/secret: the server shows it once, and a receiver
	// that lost it rotates it.
	WebhookSecret string `json:"webhook_secret,omitempty"`
}

type apiAlerts struct {
	Alerts []apiAlert `json:"alerts"`
}

// apiMatches is the answer to GET /api/alerts/:id/matches. Each match has
// the JSON form of alerts.Match, the one webhook bodies carry, so a client
// can take both. Next is the after of the next poll.
type apiMatches struct {
	Matches []alerts.Match `json:"matches"`
	Next    uint64         `json:"next"`
}

// alertBody is the JSON body of POST /api/alerts. The filters are raw so
// that each may be a string or an array of strings (stringList).
type alertBody struct {
	Name       string          `json:"name"`
	Q          string          `json:"q"`
	Org        json.RawMessage `json:"org"`
	Person     json.RawMessage `json:"person"`
	Place      json.RawMessage `json:"place"`
	Source     json.RawMessage `json:"source"`
	From       string          `json:"from"`
	WebhookURL string          `json:"webhook_url"`
}

// createAlert answers POST /api/alerts: it checks the query's syntax, which
// package alerts leaves to its caller, stores the alert and answers 201 with
// it and its Location.
func (s *Server) createAlert(c echo.Context) error {
	var body alertBody
	if err := decodeBody(c.Request().Body, &body); err != nil {
		return err
	}
	a := alerts.Alert{Name: body.Name, Query: strings.TrimSpace(body.Q), WebhookURL: body.WebhookURL}
	for _, f := range []struct {
		name string
		raw  json.RawMessage
		dst  *[]string
	}{
		{paramOrg, body.Org, &a.Organizations},
		{paramPerson, body.Person, &a.People},
		{paramPlace, body.Place, &a.Places},
		{paramSource, body.Source, &a.Sources},
	} {
		vs, err := stringList(f.name, f.raw)
		if err != nil {
			return err
		}
		*f.dst = vs
	}
	var err error
	if a.From, err = parseDate(paramFrom, strings.TrimSpace(body.From)); err != nil {
		return err
	}
	if a, err = s.saveAlert(c.Request().Context(), a); err != nil {
		return err
	}
	out := s.apiAlert(c, a)
	out.WebhookSecret = a.WebhookSecret
	c.Response().Header().Set(echo.HeaderLocation, s.baseURL(c)+alertPath(a.ID))
	return c.JSON(http.StatusCreated, out)
}

// rotateAlertSecret answers POST /api/alerts/:id/secret with the alert and
// its new webhook secret, or 404. Deliveries already queued stay signed
// with the old secret (see alerts.Store.RotateSecret).
func (s *Server) rotateAlertSecret(c echo.Context) error {
	id := c.Param("id")
	a, err := s.opts.Alerts.RotateSecret(c.Request().Context(), id)
	if err != nil {
		return fmt.Errorf("web: rotate the secret of alert %s: %w", id, err)
	}
	out, err := s.apiAlertCounted(c, a)
	if err != nil {
		return err
	}
	out.WebhookSecret = a.WebhookSecret
	// requireToken has marked the answer no-store: no cache keeps the secret.
	return c.JSON(http.StatusOK, out)
}

// saveAlert checks the alert's query and stores the alert: the one way an
// alert is made, from the API (createAlert) and from the follow form of a
// results page (followSearch).
func (s *Server) saveAlert(ctx context.Context, a alerts.Alert) (alerts.Alert, error) {
	if err := checkQuery(strings.TrimSpace(a.Query)); err != nil {
		return alerts.Alert{}, err
	}
	a, err := s.opts.Alerts.Create(ctx, a)
	if err != nil {
		return alerts.Alert{}, fmt.Errorf("web: create alert: %w", err)
	}
	return a, nil
}

// checkQuery parses q as a search would, so that an alert that could never
// run is refused now, with the column, rather than failing on every batch.
func checkQuery(q string) error {
	if len(q) > search.MaxQueryLen {
		return &search.InvalidError{Field: paramQuery, Value: alertsClip(q), Reason: fmt.Sprintf("is longer than %d bytes", search.MaxQueryLen)}
	}
	if _, err := query.Parse(q, query.Options{}); err != nil {
		var se *query.SyntaxError
		if errors.As(err, &se) {
			return &search.InvalidError{Field: paramQuery, Value: q, Reason: se.Msg, Column: se.Column}
		}
		return &search.InvalidError{Field: paramQuery, Value: q, Reason: strings.TrimPrefix(err.Error(), "query: ")}
	}
	return nil
}

// alertsClip shortens a long value for an error message.
func alertsClip(s string) string {
	const n = 40
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// stringList reads a filter of the body: absent or null is none, a string is
// one value, an array of strings is several.
func stringList(name string, raw json.RawMessage) ([]string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var one string
	if err := json.Unmarshal(raw, &one); err == nil {
		return nonEmpty([]string{one}), nil
	}
	var many []string
	if err := json.Unmarshal(raw, &many); err != nil {
		return nil, badRequest("field %q must be a string or an array of strings", name)
	}
	return nonEmpty(many), nil
}

// alertFields are the names of alerts.ValidationError fields as the API
// spells them.
var alertFields = map[string]string{
	"query":         paramQuery,
	"organizations": paramOrg,
	"people":        paramPerson,
	"places":        paramPlace,
	"sources":       paramSource,
}

// alertInvalidMessage says what is wrong with an alert, naming the field as
// the client sent it.
func alertInvalidMessage(err error) string {
	var ve *alerts.ValidationError
	if !errors.As(err, &ve) {
		return strings.TrimPrefix(err.Error(), "alerts: ")
	}
	field := ve.Field
	if f, ok := alertFields[field]; ok {
		field = f
	}
	if ve.Value == "" {
		return fmt.Sprintf("%s %s", field, ve.Reason)
	}
	return fmt.Sprintf("%s %q %s", field, ve.Value, ve.Reason)
}

// listAlerts answers GET /api/alerts with every alert, oldest first.
func (s *Server) listAlerts(c echo.Context) error {
	as, err := s.opts.Alerts.List(c.Request().Context())
	if err != nil {
		return fmt.Errorf("web: list alerts: %w", err)
	}
	out := apiAlerts{Alerts: make([]apiAlert, 0, len(as))}
	for _, a := range as {
		api, err := s.apiAlertCounted(c, a)
		if err != nil {
			return err
		}
		out.Alerts = append(out.Alerts, api)
	}
	return c.JSON(http.StatusOK, out)
}

// getAlert answers GET /api/alerts/:id.
func (s *Server) getAlert(c echo.Context) error {
	id := c.Param("id")
	a, err := s.opts.Alerts.Get(c.Request().Context(), id)
	if err != nil {
		return fmt.Errorf("web: get alert %s: %w", id, err)
	}
	api, err := s.apiAlertCounted(c, a)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, api)
}

// apiAlertCounted is the alert with its count of matches.
func (s *Server) apiAlertCounted(c echo.Context, a alerts.Alert) (apiAlert, error) {
	api := s.apiAlert(c, a)
	n, err := s.opts.Alerts.MatchCount(c.Request().Context(), a.ID)
	if errors.Is(err, alerts.ErrNotFound) {
		// Deleted since it was listed: it has no matches any more.
		return api, nil
	}
	if err != nil {
		return apiAlert{}, fmt.Errorf("web: count the matches of alert %s: %w", a.ID, err)
	}
	api.MatchCount = n
	return api, nil
}

// deleteAlert answers DELETE /api/alerts/:id with 204, or 404 when there is
// no such alert (also when it was just deleted).
func (s *Server) deleteAlert(c echo.Context) error {
	id := c.Param("id")
	if err := s.opts.Alerts.Delete(c.Request().Context(), id); err != nil {
		return fmt.Errorf("web: delete alert %s: %w", id, err)
	}
	return c.NoContent(http.StatusNoContent)
}

// alertMatches answers GET /api/alerts/:id/matches?after=CURSOR&limit=N: the
// matches after the cursor, oldest first. A poller stores next once it has
// handled the page and sends it as after next time.
func (s *Server) alertMatches(c echo.Context) error {
	id := c.Param("id")
	after, err := cursorParam(c.QueryParam("after"))
	if err != nil {
		return err
	}
	limit, err := limitParam(c.QueryParam("limit"))
	if err != nil {
		return err
	}
	ms, next, err := s.opts.Alerts.Matches(c.Request().Context(), id, after, limit)
	if err != nil {
		return fmt.Errorf("web: matches of alert %s: %w", id, err)
	}
	if ms == nil {
		ms = []alerts.Match{}
	}
	return c.JSON(http.StatusOK, apiMatches{Matches: ms, Next: next})
}

// cursorParam reads after: a whole number of 0 or more, 0 when absent.
func cursorParam(s string) (uint64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return 0, &search.InvalidError{Field: "after", Value: s, Reason: "must be a whole number of 0 or more"}
	}
	return n, nil
}

// limitParam reads limit: 1..maxMatchesLimit, defaultMatchesLimit when
// absent.
func limitParam(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return defaultMatchesLimit, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > maxMatchesLimit {
		return 0, &search.InvalidError{Field: "limit", Value: s, Reason: fmt.Sprintf("must be a whole number between 1 and %d", maxMatchesLimit)}
	}
	return n, nil
}

// alertFeed answers GET /alerts/:id/feed.atom?key=KEY with the alert's
// latest matches. The key stands in for the token (see feedKey). A wrong
// key and an unknown alert are the same 404, and both are checked before
// the store is read.
func (s *Server) alertFeed(c echo.Context) error {
	if s.opts.Alerts == nil {
		return echo.NewHTTPError(http.StatusNotFound, msgAlertsOff)
	}
	id := c.Param("id")
	if !s.checkFeedKey(id, c.QueryParam("key")) {
		return echo.NewHTTPError(http.StatusNotFound, msgNoFeed)
	}
	f, err := s.opts.Alerts.Feed(c.Request().Context(), id, s.baseURL(c), alerts.DefaultFeedLimit)
	if errors.Is(err, alerts.ErrNotFound) {
		return echo.NewHTTPError(http.StatusNotFound, msgNoFeed)
	}
	if err != nil {
		return fmt.Errorf("web: feed of alert %s: %w", id, err)
	}
	// The self link is the URL the reader subscribed to, key included.
	f.SelfURL = s.alertFeedURL(c, id)
	// The key is a credential: no shared cache may keep it or the feed.
	c.Response().Header().Set("Cache-Control", "private, no-store")
	return writeFeed(c, f)
}

func (s *Server) apiAlert(c echo.Context, a alerts.Alert) apiAlert {
	base := s.baseURL(c)
	return apiAlert{
		ID:         a.ID,
		Name:       a.Name,
		Q:          a.Query,
		Org:        orEmpty(a.Organizations),
		Person:     orEmpty(a.People),
		Place:      orEmpty(a.Places),
		Source:     orEmpty(a.Sources),
		From:       apiDate(a.From),
		WebhookURL: a.WebhookURL,
		Created:    a.Created,
		MatchesURL: base + alertPath(a.ID) + "/matches",
		FeedURL:    s.alertFeedURL(c, a.ID),
	}
}

func alertPath(id string) string { return "/api/alerts/" + url.PathEscape(id) }

// alertFeedURL is the address of an alert's feed, with its key.
func (s *Server) alertFeedURL(c echo.Context, id string) string {
	return s.baseURL(c) + "/alerts/" + url.PathEscape(id) + "/feed.atom?key=" + s.feedKey(id)
}
