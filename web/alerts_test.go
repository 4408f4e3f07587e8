package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/advosearch/advosearch/alerts"
	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/web"
)

const testToken = "s3cret-token-for-tests"

// newAlertServer serves the test index with a real alerts store in a
// temporary folder; opts.Alerts is set to it.
func newAlertServer(t testing.TB, opts web.Options) (*httptest.Server, *alerts.Store) {
	t.Helper()
	st, err := alerts.Open(filepath.Join(t.TempDir(), "alerts.db"), alerts.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := st.Close(); err != nil {
			t.Error(err)
		}
	})
	opts.Alerts = st
	return newTestServerWith(t, opts), st
}

// doAuth sends a request with "Authorization: Bearer token" ("" sends
// none).
func doAuth(t *testing.T, ts *httptest.Server, method, path, body, token string) (*http.Response, string) {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, ts.URL+path, r)
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	if _, err := io.Copy(&buf, resp.Body); err != nil {
		t.Fatal(err)
	}
	return resp, buf.String()
}

// alertJSON is the alert as the API answers it.
type alertJSON struct {
	ID         string   `json:"id"`
	Name       string   `json:"name"`
	Q          string   `json:"q"`
	Org        []string `json:"org"`
	Person     []string `json:"person"`
	Place      []string `json:"place"`
	Source     []string `json:"source"`
	From       *string  `json:"from"`
	WebhookURL string   `json:"webhook_url"`
	Created    string   `json:"created"`
	MatchCount int      `json:"match_count"`
	MatchesURL string   `json:"matches_url"`
	FeedURL    string   `json:"feed_url"`
}

type errorJSON struct {
	Error  string `json:"error"`
	Column int    `json:"column"`
}

func decode[T any](t *testing.T, body string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(body), &v); err != nil {
		t.Fatalf("decode %T: %v\n%s", v, err, body)
	}
	return v
}

// createAlert creates an alert and returns it, failing unless the answer is
// 201.
func createAlert(t *testing.T, ts *httptest.Server, body string) alertJSON {
	t.Helper()
	resp, got := doAuth(t, ts, http.MethodPost, "/api/alerts", body, testToken)
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("create: status %d, want 201: %s", resp.StatusCode, got)
	}
	return decode[alertJSON](t, got)
}

func TestAlerts_auth(t *testing.T) {
	const body = `{"name":"Cambodia","q":"cambodia"}`

	t.Run("NotConfigured", func(t *testing.T) {
		ts := newTestServerWith(t, web.Options{Token: testToken})
		for _, r := range []struct{ method, path string }{
			{http.MethodGet, "/api/alerts"},
			{http.MethodPost, "/api/alerts"},
			{http.MethodGet, "/api/alerts/1/matches"},
			{http.MethodGet, "/alerts/1/feed.atom?key=x"},
		} {
			resp, got := doAuth(t, ts, r.method, r.path, body, testToken)
			if resp.StatusCode != http.StatusNotFound {
				t.Errorf("%s %s: status %d, want 404", r.method, r.path, resp.StatusCode)
			}
			if e := decode[errorJSON](t, got); e.Error != "alerts are not configured" {
				t.Errorf("%s %s: error %q, want %q", r.method, r.path, e.Error, "alerts are not configured")
			}
		}
	})

	t.Run("NoToken", func(t *testing.T) {
		ts, _ := newAlertServer(t, web.Options{})
		resp, got := doAuth(t, ts, http.MethodPost, "/api/alerts", body, "anything")
		if resp.StatusCode != http.StatusForbidden {
			t.Fatalf("status %d, want 403: %s", resp.StatusCode, got)
		}
		want := "alerts are disabled: start the server with --token or ADVOSEARCH_TOKEN to enable them"
		if e := decode[errorJSON](t, got); e.Error != want {
			t.Errorf("error %q, want %q", e.Error, want)
		}
	})

	ts, _ := newAlertServer(t, web.Options{Token: testToken})
	for _, tc := range []struct {
		name, header string
	}{
		{"Missing", ""},
		{"Wrong", "Bearer wrong"},
		{"WrongSameLength", "Bearer " + strings.Repeat("x", len(testToken))},
		{"TokenWithPrefix", "Bearer " + testToken + "x"},
		{"OtherScheme", "Basic " + testToken},
		{"NoScheme", testToken},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, err := http.NewRequest(http.MethodPost, ts.URL+"/api/alerts", strings.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			if tc.header != "" {
				req.Header.Set("Authorization", tc.header)
			}
			resp, err := ts.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusUnauthorized {
				t.Errorf("status %d, want 401", resp.StatusCode)
			}
			if got := resp.Header.Get("WWW-Authenticate"); !strings.HasPrefix(got, "Bearer") {
				t.Errorf("WWW-Authenticate %q, want Bearer …", got)
			}
		})
	}

	t.Run("Right", func(t *testing.T) {
		a := createAlert(t, ts, body)
		if a.ID == "" || a.Name != "Cambodia" || a.Q != "cambodia" {
			t.Errorf("created %+v", a)
		}
		// Lower-case scheme is the same scheme (RFC 6750).
		req, err := http.NewRequest(http.MethodGet, ts.URL+"/api/alerts", nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Authorization", "bearer "+testToken)
		resp, err := ts.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("lower-case bearer: status %d, want 200", resp.StatusCode)
		}
	})

	t.Run("TokenNotInPages", func(t *testing.T) {
		a := createAlert(t, ts, body)
		for _, s := range []string{a.FeedURL, a.MatchesURL} {
			if strings.Contains(s, testToken) {
				t.Errorf("URL %q holds the token", s)
			}
		}
		_, page := get(t, ts, "/?q=cambodia")
		if strings.Contains(page, testToken) {
			t.Error("the search page holds the token")
		}
	})
}

func TestAlerts_create(t *testing.T) {
	ts, _ := newAlertServer(t, web.Options{Token: testToken})

	resp, got := doAuth(t, ts, http.MethodPost, "/api/alerts",
		`{"name":" Hun Sen ","q":"\"hun sen\" OR licadho","org":"LICADHO","place":["Cambodia","Phnom Penh",""],"from":"2017-01-01","webhook_url":"https://hooks.example.org/advo"}`, testToken)
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("status %d, want 201: %s", resp.StatusCode, got)
	}
	a := decode[alertJSON](t, got)
	if want := ts.URL + "/api/alerts/" + a.ID; resp.Header.Get("Location") != want {
		t.Errorf("Location %q, want %q", resp.Header.Get("Location"), want)
	}
	if a.Name != "Hun Sen" || a.Q != `"hun sen" OR licadho` {
		t.Errorf("name, q = %q, %q", a.Name, a.Q)
	}
	if !slices.Equal(a.Org, []string{"LICADHO"}) || !slices.Equal(a.Place, []string{"Cambodia", "Phnom Penh"}) {
		t.Errorf("org %q, place %q", a.Org, a.Place)
	}
	if a.Person == nil || a.Source == nil || len(a.Person)+len(a.Source) != 0 {
		t.Errorf("person %#v, source %#v: want empty arrays", a.Person, a.Source)
	}
	if a.From == nil || *a.From != "2017-01-01" {
		t.Errorf("from %v, want 2017-01-01", a.From)
	}
	if a.WebhookURL != "https://hooks.example.org/advo" || a.Created == "" {
		t.Errorf("webhook_url %q, created %q", a.WebhookURL, a.Created)
	}
	if want := ts.URL + "/api/alerts/" + a.ID + "/matches"; a.MatchesURL != want {
		t.Errorf("matches_url %q, want %q", a.MatchesURL, want)
	}
	if !strings.HasPrefix(a.FeedURL, ts.URL+"/alerts/"+a.ID+"/feed.atom?key=") {
		t.Errorf("feed_url %q", a.FeedURL)
	}
	if resp.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("Cache-Control %q, want no-store", resp.Header.Get("Cache-Control"))
	}

	for _, tc := range []struct {
		name, body string
		want       string // in the error
		column     int
	}{
		{"BadQuery", `{"name":"x","q":"cambodia AND"}`, "q: ", 10}, // at the AND, as /api/search says
		{"UnclosedQuote", `{"name":"x","q":"\"hun sen"}`, "q: ", 1},
		{"NoName", `{"q":"cambodia"}`, "name", 0},
		{"WebhookScheme", `{"name":"x","webhook_url":"ftp://example.org/x"}`, "webhook_url", 0},
		{"WebhookNotURL", `{"name":"x","webhook_url":"https://"}`, "webhook_url", 0},
		{"BadFrom", `{"name":"x","from":"March 2017"}`, "from", 0},
		{"UnknownField", `{"name":"x","query":"cambodia"}`, `"query"`, 0},
		{"FilterNotStrings", `{"name":"x","org":[1,2]}`, `"org"`, 0},
		{"TooManyValues", `{"name":"x","source":[` + manyStrings(alerts.MaxFilterValues+1) + `]}`, "source", 0},
		{"NotJSON", `{"name":`, "malformed", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, got := doAuth(t, ts, http.MethodPost, "/api/alerts", tc.body, testToken)
			if resp.StatusCode != http.StatusBadRequest {
				t.Fatalf("status %d, want 400: %s", resp.StatusCode, got)
			}
			e := decode[errorJSON](t, got)
			if !strings.Contains(e.Error, tc.want) {
				t.Errorf("error %q does not contain %q", e.Error, tc.want)
			}
			if e.Column != tc.column {
				t.Errorf("column %d, want %d", e.Column, tc.column)
			}
		})
	}
}

func manyStrings(n int) string {
	vs := make([]string, n)
	for i := range vs {
		vs[i] = `"s` + strings.Repeat("x", i) + `"`
	}
	return strings.Join(vs, ",")
}

func TestAlerts_listGetDelete(t *testing.T) {
	ts, _ := newAlertServer(t, web.Options{Token: testToken})

	resp, got := doAuth(t, ts, http.MethodGet, "/api/alerts", "", testToken)
	if resp.StatusCode != http.StatusOK || strings.TrimSpace(got) != `{"alerts":[]}` {
		t.Fatalf("empty list: %d %s", resp.StatusCode, got)
	}
	a := createAlert(t, ts, `{"name":"one","q":"cambodia"}`)
	b := createAlert(t, ts, `{"name":"two","q":"journalists"}`)

	_, got = doAuth(t, ts, http.MethodGet, "/api/alerts", "", testToken)
	list := decode[struct{ Alerts []alertJSON }](t, got)
	var names []string
	for _, x := range list.Alerts {
		names = append(names, x.Name)
	}
	if !slices.Equal(names, []string{"one", "two"}) {
		t.Errorf("list %q, want [one two]", names)
	}

	resp, got = doAuth(t, ts, http.MethodGet, "/api/alerts/"+b.ID, "", testToken)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("get: status %d: %s", resp.StatusCode, got)
	}
	if g := decode[alertJSON](t, got); g.ID != b.ID || g.Name != "two" || g.Q != "journalists" || g.FeedURL != b.FeedURL {
		t.Errorf("get %+v, want %+v", g, b)
	}

	resp, got = doAuth(t, ts, http.MethodDelete, "/api/alerts/"+a.ID, "", testToken)
	if resp.StatusCode != http.StatusNoContent || got != "" {
		t.Errorf("delete: %d %q, want 204 and no body", resp.StatusCode, got)
	}
	for _, r := range []struct{ method, path string }{
		{http.MethodGet, "/api/alerts/" + a.ID},
		{http.MethodDelete, "/api/alerts/" + a.ID},
		{http.MethodGet, "/api/alerts/" + a.ID + "/matches"},
		{http.MethodGet, "/api/alerts/999"},
		{http.MethodGet, "/api/alerts/not-an-id"},
	} {
		resp, got := doAuth(t, ts, r.method, r.path, "", testToken)
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s %s: status %d, want 404", r.method, r.path, resp.StatusCode)
		}
		if e := decode[errorJSON](t, got); e.Error != "no alert has this ID" {
			t.Errorf("%s %s: error %q", r.method, r.path, e.Error)
		}
	}
	// The delete needs the token like every other alert route.
	if resp, _ := doAuth(t, ts, http.MethodDelete, "/api/alerts/"+b.ID, "", "wrong"); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("delete with a wrong token: status %d, want 401", resp.StatusCode)
	}
}

// titleMatcher matches an alert whose query is a substring of a statement's
// title, ignoring case: a stand-in for the Bleve matcher.
type titleMatcher struct{}

func (titleMatcher) Match(_ context.Context, a alerts.Alert, stmts []index.Statement) ([]string, error) {
	var ids []string
	for _, st := range stmts {
		if strings.Contains(strings.ToLower(st.Title), strings.ToLower(a.Query)) {
			ids = append(ids, st.ID)
		}
	}
	return ids, nil
}

func percolate(t *testing.T, st *alerts.Store, stmts []index.Statement) {
	t.Helper()
	if _, err := st.Percolate(context.Background(), titleMatcher{}, stmts); err != nil {
		t.Fatal(err)
	}
}

type matchesJSON struct {
	Matches []struct {
		Cursor      uint64 `json:"cursor"`
		StatementID string `json:"statement_id"`
		Title       string `json:"title"`
		Source      string `json:"source"`
		URL         string `json:"url"`
		Published   string `json:"published"`
		Matched     string `json:"matched"`
	} `json:"matches"`
	Next *uint64 `json:"next"`
}

func (m matchesJSON) ids() []string {
	var ids []string
	for _, x := range m.Matches {
		ids = append(ids, x.StatementID)
	}
	return ids
}

func TestAlerts_matches(t *testing.T) {
	ts, st := newAlertServer(t, web.Options{Token: testToken})
	a := createAlert(t, ts, `{"name":"Cambodia","q":"cambodia"}`)
	createAlert(t, ts, `{"name":"other","q":"journalists"}`)
	percolate(t, st, statements)

	poll := func(query string) matchesJSON {
		t.Helper()
		resp, got := doAuth(t, ts, http.MethodGet, "/api/alerts/"+a.ID+"/matches"+query, "", testToken)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("matches%s: status %d: %s", query, resp.StatusCode, got)
		}
		return decode[matchesJSON](t, got)
	}

	all := poll("?after=0")
	if want := []string{"hun-sen", "cnrp"}; !slices.Equal(all.ids(), want) {
		t.Fatalf("after=0: %q, want %q", all.ids(), want)
	}
	m := all.Matches[0]
	if m.Cursor != 1 || m.Title != statements[0].Title || m.Source != "LICADHO" || m.URL != statements[0].URL ||
		!strings.HasPrefix(m.Published, "2017-08-23") || m.Matched == "" {
		t.Errorf("first match %+v", m)
	}
	if all.Next == nil || *all.Next != 2 {
		t.Fatalf("next %v, want 2", all.Next)
	}
	if def := poll(""); !slices.Equal(def.ids(), all.ids()) {
		t.Errorf("no after: %q, want %q", def.ids(), all.ids())
	}

	rest := poll("?after=2")
	if len(rest.Matches) != 0 || rest.Next == nil || *rest.Next != 2 {
		t.Errorf("after=next: %q next %v, want none and next 2", rest.ids(), rest.Next)
	}
	if !strings.Contains(mustRaw(t, ts, "/api/alerts/"+a.ID+"/matches?after=2"), `"matches":[]`) {
		t.Error("no matches is not an empty array")
	}

	one := poll("?limit=1")
	if !slices.Equal(one.ids(), []string{"hun-sen"}) || *one.Next != 1 {
		t.Errorf("limit=1: %q next %d, want [hun-sen] next 1", one.ids(), *one.Next)
	}
	two := poll("?limit=1&after=1")
	if !slices.Equal(two.ids(), []string{"cnrp"}) || *two.Next != 2 {
		t.Errorf("limit=1&after=1: %q next %d, want [cnrp] next 2", two.ids(), *two.Next)
	}

	// A statement indexed again is not a new match.
	percolate(t, st, statements[:2])
	if again := poll("?after=2"); len(again.Matches) != 0 {
		t.Errorf("after re-percolating: %q, want none", again.ids())
	}

	for _, q := range []string{"?after=-1", "?after=x", "?after=1.5", "?limit=0", "?limit=1001", "?limit=-3", "?limit=ten"} {
		resp, got := doAuth(t, ts, http.MethodGet, "/api/alerts/"+a.ID+"/matches"+q, "", testToken)
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", q, resp.StatusCode)
			continue
		}
		field := strings.TrimPrefix(strings.SplitN(q, "=", 2)[0], "?")
		if e := decode[errorJSON](t, got); !strings.HasPrefix(e.Error, field) {
			t.Errorf("%s: error %q does not name %s", q, e.Error, field)
		}
	}
	if resp, _ := doAuth(t, ts, http.MethodGet, "/api/alerts/"+a.ID+"/matches?limit=1000", "", testToken); resp.StatusCode != http.StatusOK {
		t.Errorf("limit=1000: status %d, want 200", resp.StatusCode)
	}
}

// TestAlerts_listCountsMatches: the list and each alert carry how many
// statements have matched, counted without reading every match.
func TestAlerts_listCountsMatches(t *testing.T) {
	ts, st := newAlertServer(t, web.Options{Token: testToken})
	land := createAlert(t, ts, `{"name":"Land","q":"land"}`)
	none := createAlert(t, ts, `{"name":"None","q":"nothing matches this"}`)
	if land.MatchCount != 0 {
		t.Errorf("a new alert has %d matches", land.MatchCount)
	}
	total := 0
	for _, n := range []int{1, 1, 1, 1, 3, 1, 8, 1, 100} {
		var stmts []index.Statement
		for range n {
			total++
			stmts = append(stmts, index.Statement{ID: fmt.Sprintf("s%d", total), Title: fmt.Sprintf("Land dispute %d", total)})
		}
		percolate(t, st, stmts)
		_, got := doAuth(t, ts, http.MethodGet, "/api/alerts", "", testToken)
		list := decode[struct{ Alerts []alertJSON }](t, got)
		if len(list.Alerts) != 2 || list.Alerts[0].MatchCount != total || list.Alerts[1].MatchCount != 0 {
			t.Fatalf("after %d matches: list %+v", total, list.Alerts)
		}
	}
	_, got := doAuth(t, ts, http.MethodGet, "/api/alerts/"+land.ID, "", testToken)
	if a := decode[alertJSON](t, got); a.MatchCount != total {
		t.Errorf("get: %d matches, want %d", a.MatchCount, total)
	}
	_, got = doAuth(t, ts, http.MethodGet, "/api/alerts/"+none.ID, "", testToken)
	if a := decode[alertJSON](t, got); a.MatchCount != 0 {
		t.Errorf("get: %d matches, want 0", a.MatchCount)
	}
}

func mustRaw(t *testing.T, ts *httptest.Server, path string) string {
	t.Helper()
	_, got := doAuth(t, ts, http.MethodGet, path, "", testToken)
	return got
}
