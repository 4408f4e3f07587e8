package web_test

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/advosearch/advosearch/alerts"
	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/web"
)

// pageToken is the server token of the alerts page tests.
const pageToken = "page-secret-token"

// pageClient is a browser without script: it keeps cookies, does not
// follow redirects (so each answer can be checked), and sends what a
// browser sends with a form of the page.
type pageClient struct {
	t    *testing.T
	ts   *httptest.Server
	http *http.Client
}

func newPageClient(t *testing.T, ts *httptest.Server) *pageClient {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	c := *ts.Client()
	c.Jar = jar
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &pageClient{t: t, ts: ts, http: &c}
}

// do sends a request with the headers in h and returns the answer and its
// body.
func (pc *pageClient) do(method, path string, form url.Values, h http.Header) (*http.Response, string) {
	pc.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, pc.ts.URL+path, body)
	if err != nil {
		pc.t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for k, vs := range h {
		req.Header[k] = vs
	}
	resp, err := pc.http.Do(req)
	if err != nil {
		pc.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		pc.t.Fatal(err)
	}
	return resp, string(b)
}

// sameOrigin is what a browser sends with a form of our own page.
var sameOrigin = http.Header{"Sec-Fetch-Site": {"same-origin"}}

func (pc *pageClient) post(path string, form url.Values) (*http.Response, string) {
	pc.t.Helper()
	return pc.do(http.MethodPost, path, form, sameOrigin)
}

func (pc *pageClient) get(path string) (*http.Response, string) {
	pc.t.Helper()
	return pc.do(http.MethodGet, path, nil, nil)
}

// signIn types the token into the alerts page's form.
func (pc *pageClient) signIn() {
	pc.t.Helper()
	resp, body := pc.post("/alerts/session", url.Values{"token": {pageToken}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/alerts" {
		pc.t.Fatalf("sign in: status %d, Location %q, want 303 to /alerts: %s", resp.StatusCode, resp.Header.Get("Location"), body)
	}
}

func newAlertsPageServer(t *testing.T) (*httptest.Server, *alerts.Store) {
	t.Helper()
	return newAlertServer(t, web.Options{Token: pageToken})
}

func mustContain(t *testing.T, what, body string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(body, w) {
			t.Errorf("%s: missing %s", what, w)
		}
	}
}

func TestAlertsPage_unavailable(t *testing.T) {
	for _, tc := range []struct {
		name   string
		ts     *httptest.Server
		status int
		says   string
	}{
		{"no alerts store", newTestServerWith(t, web.Options{Token: pageToken}), http.StatusNotFound, "alerts are not configured"},
		{"no token", func() *httptest.Server { ts, _ := newAlertServer(t, web.Options{}); return ts }(), http.StatusForbidden, "--token"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pc := newPageClient(t, tc.ts)
			for _, r := range []struct{ method, path string }{{"GET", "/alerts"}, {"POST", "/alerts"}, {"POST", "/alerts/session"}, {"POST", "/alerts/1/delete"}} {
				resp, body := pc.do(r.method, r.path, url.Values{"token": {pageToken}, "name": {"x"}}, sameOrigin)
				if resp.StatusCode != tc.status || !strings.Contains(body, tc.says) {
					t.Errorf("%s %s: status %d, want %d saying %q: %.300s", r.method, r.path, resp.StatusCode, tc.status, tc.says, body)
				}
				if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
					t.Errorf("%s %s: Content-Type %q, want a page", r.method, r.path, ct)
				}
			}
			// Without alerts, results pages offer no follow form.
			if _, body := pc.get("/?q=journalists"); strings.Contains(body, `action="/alerts"`) {
				t.Error("a results page offers to follow the search though alerts cannot be used")
			}
		})
	}
}

func TestAlertsPage_signIn(t *testing.T) {
	ts, _ := newAlertsPageServer(t)
	pc := newPageClient(t, ts)

	resp, body := pc.get("/alerts")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /alerts: status %d", resp.StatusCode)
	}
	mustContain(t, "alerts page without a session", body, `action="/alerts/session" method="post"`, `type="password"`)

	resp, body = pc.post("/alerts/session", url.Values{"token": {"wrong"}})
	if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, "The token is wrong") || !strings.Contains(body, `action="/alerts/session"`) {
		t.Errorf("wrong token: status %d, want 403 with the form and why: %.400s", resp.StatusCode, body)
	}
	if len(resp.Cookies()) != 0 {
		t.Errorf("wrong token set cookies %v", resp.Cookies())
	}

	resp, body = pc.post("/alerts/session", url.Values{"token": {pageToken}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("right token: status %d, want 303: %s", resp.StatusCode, body)
	}
	cookies := resp.Cookies()
	if len(cookies) != 1 {
		t.Fatalf("cookies %v, want one session cookie", cookies)
	}
	ck := cookies[0]
	if !ck.HttpOnly || ck.SameSite != http.SameSiteStrictMode || ck.Path != "/" || ck.MaxAge <= 0 || ck.MaxAge > 24*3600 {
		t.Errorf("session cookie %+v, want HttpOnly, SameSite=Strict, path /, short-lived", ck)
	}
	if strings.Contains(ck.Value, pageToken) {
		t.Errorf("the session cookie %q holds the token", ck.Value)
	}

	resp, body = pc.get("/alerts")
	if resp.StatusCode != http.StatusOK || strings.Contains(body, `type="password"`) || !strings.Contains(body, "No alerts yet") {
		t.Errorf("alerts page with a session: status %d, want the (empty) list: %.400s", resp.StatusCode, body)
	}

	// A forged cookie is no session.
	forged := newPageClient(t, ts)
	u, _ := url.Parse(ts.URL)
	// Its last character changed, to one it was not.
	last := "0"
	if strings.HasSuffix(ck.Value, last) {
		last = "1"
	}
	forged.http.Jar.SetCookies(u, []*http.Cookie{{Name: ck.Name, Value: ck.Value[:len(ck.Value)-1] + last}})
	if _, body := forged.get("/alerts"); !strings.Contains(body, `type="password"`) {
		t.Error("a forged session cookie was taken")
	}

	resp, _ = pc.post("/alerts/signout", url.Values{})
	if resp.StatusCode != http.StatusSeeOther {
		t.Errorf("sign out: status %d, want 303", resp.StatusCode)
	}
	if _, body := pc.get("/alerts"); !strings.Contains(body, `type="password"`) {
		t.Error("still signed in after signing out")
	}
}

// The follow form saves the alert through the API's path and greets it
// with what already matches.
func TestAlertsPage_follow(t *testing.T) {
	ts, st := newAlertsPageServer(t)
	pc := newPageClient(t, ts)

	// The results page's form carries the search, not the end date.
	_, page := pc.get("/?q=Cambodia&org=LICADHO&from=2017-01-01&to=2017-12-31&sort=date")
	mustContain(t, "follow form", page,
		`<form class="follow-form" action="/alerts" method="post">`,
		`<input type="hidden" name="q" value="Cambodia">`,
		`<input type="hidden" name="org" value="LICADHO">`,
		`<input type="hidden" name="from" value="2017-01-01">`,
		`name="token" type="password"`,
		`value="Cambodia"`, // the suggested name
		"leaves out the end date")
	if f := formOf(page, `<form class="follow-form"`); f == "" || strings.Contains(f, `name="to"`) || strings.Contains(f, `name="sort"`) {
		t.Errorf("the follow form %q carries the end date or the order, which an alert cannot keep", f)
	}

	form := url.Values{"name": {"Cambodia, LICADHO"}, "token": {pageToken}, "q": {"Cambodia"}, "org": {"LICADHO"}, "from": {"2017-01-01"}}
	resp, body := pc.post("/alerts", form)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/alerts?created=1" {
		t.Fatalf("follow: status %d, Location %q, want 303 to /alerts?created=1: %s", resp.StatusCode, resp.Header.Get("Location"), body)
	}
	a, err := st.Get(context.Background(), "1")
	if err != nil {
		t.Fatal(err)
	}
	if a.Name != "Cambodia, LICADHO" || a.Query != "Cambodia" || len(a.Organizations) != 1 || a.Organizations[0] != "LICADHO" || a.From.Format("2006-01-02") != "2017-01-01" {
		t.Errorf("saved alert %+v, want the search of the form", a)
	}

	resp, body = pc.get("/alerts?created=1")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("alerts page: status %d", resp.StatusCode)
	}
	// Cambodia, LICADHO, from 2017: hun-sen alone (the land activists'
	// statement names Cambodia only as a place, the open letter has no
	// date and the xss statement is from 2016).
	mustContain(t, "new alert's page", body,
		"The alert <strong>Cambodia, LICADHO</strong> is saved",
		`1 statement already matches: <a href="/?from=2017-01-01&amp;org=LICADHO&amp;q=Cambodia&amp;sort=-date">see them</a>`,
		`<h2 id="alert-1-name">Cambodia, LICADHO</h2>`,
		"<dt>Words</dt><dd>Cambodia</dd>", "<dt>Organization</dt><dd>LICADHO</dd>", "<dt>Published</dt><dd>from 2017-01-01</dd>",
		"No matches yet",
		`/alerts/1/feed.atom?key=`,
		`action="/alerts/1/delete" method="post"`)
	// The session now stands for the token: the next follow form does
	// not ask for it.
	if _, page := pc.get("/?q=journalists"); strings.Contains(page, `name="token"`) || !strings.Contains(page, `action="/alerts"`) {
		t.Error("signed in, the follow form still asks for the token (or is gone)")
	}
	if strings.Contains(body, pageToken) {
		t.Error("the alerts page shows the token")
	}
}

// Refused forms come back with what was typed and why, as a 4xx, never a
// 500.
func TestAlertsPage_followRefused(t *testing.T) {
	ts, st := newAlertsPageServer(t)
	good := url.Values{"name": {"Journalists"}, "token": {pageToken}, "q": {"journalists"}}
	with := func(k, v string) url.Values {
		f := url.Values{}
		for key, vs := range good {
			f[key] = vs
		}
		f.Set(k, v)
		return f
	}
	for _, tc := range []struct {
		name    string
		form    url.Values
		header  http.Header
		status  int
		says    []string
		noToken bool // the form must not ask for the token again
	}{
		{"wrong token", with("token", "guess"), sameOrigin, http.StatusForbidden, []string{"The token is wrong", `name="token"`, `value="Journalists"`}, false},
		{"no token", with("token", ""), sameOrigin, http.StatusForbidden, []string{"The token is wrong"}, false},
		{"empty name", with("name", "  "), sameOrigin, http.StatusBadRequest, []string{"Name is required.", `<input type="hidden" name="q" value="journalists">`}, true},
		{"broken query", with("q", `land AND (jailed`), sameOrigin, http.StatusBadRequest, []string{"Syntax error at column", `value="land AND (jailed"`}, true},
		{"bad date", with("from", "2017-13-01"), sameOrigin, http.StatusBadRequest, []string{"The start date", "2017-13-01"}, true},
		{"name too long", with("name", strings.Repeat("n", 201)), sameOrigin, http.StatusBadRequest, []string{"longer than 200 characters"}, true},
		{"form too large", with("name", strings.Repeat("n", 70<<10)), sameOrigin, http.StatusBadRequest, []string{"larger than"}, false},
		{"escaped", with("name", "<script>alert(1)</script>"), sameOrigin, http.StatusSeeOther, nil, true},
		{"cross-site", good, http.Header{"Sec-Fetch-Site": {"cross-site"}}, http.StatusForbidden, []string{"own pages"}, false},
		{"other origin", good, http.Header{"Origin": {"https://evil.example"}}, http.StatusForbidden, []string{"own pages"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pc := newPageClient(t, ts)
			resp, body := pc.do(http.MethodPost, "/alerts", tc.form, tc.header)
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d: %.500s", resp.StatusCode, tc.status, body)
			}
			for _, w := range tc.says {
				if !strings.Contains(body, w) {
					t.Errorf("the answer does not say %s: %.800s", w, body)
				}
			}
			if strings.Contains(body, pageToken) {
				t.Error("the page writes the token back")
			}
			if tc.noToken && strings.Contains(body, `name="token"`) {
				t.Error("the token was right, yet the form asks for it again")
			}
		})
	}
	// Only the escaped one was saved, and its name shows as text.
	as, err := st.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 1 {
		t.Fatalf("%d alerts saved, want only the one with the odd name", len(as))
	}
	pc := newPageClient(t, ts)
	pc.signIn()
	_, body := pc.get("/alerts?created=" + as[0].ID)
	if strings.Contains(body, "<script>alert(1)") || !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("the alert's name is not escaped on the page")
	}
}

// An alert's matches are listed newest first with their snippets, and the
// delete button deletes it.
func TestAlertsPage_matchesAndDelete(t *testing.T) {
	ts, st := newAlertsPageServer(t)
	ctx := context.Background()
	if _, err := st.Create(ctx, alerts.Alert{Name: "Detentions", Query: "detained OR jailed"}); err != nil {
		t.Fatal(err)
	}
	// Two statements of the corpus arrive, one after the other: the land
	// activists later, so it is listed first.
	for _, id := range []string{"journalists", "land"} {
		if _, err := st.PercolateBatch(ctx, []index.Statement{statementByID(t, id)}); err != nil {
			t.Fatal(err)
		}
	}
	pc := newPageClient(t, ts)
	pc.signIn()
	_, body := pc.get("/alerts")
	mustContain(t, "alert with matches", body, "2 matches",
		`<a href="/statements/land">Land activists jailed after protest</a>`,
		`<a href="/statements/journalists">Two journalists detained in Phnom Penh</a>`,
		"<mark>jailed</mark>", "<mark>detained</mark>")
	if i, j := strings.Index(body, "/statements/land"), strings.Index(body, "/statements/journalists"); i < 0 || j < 0 || i > j {
		t.Errorf("matches not newest first: land at %d, journalists at %d", i, j)
	}

	// A statement deleted since keeps its line, unlinked, with the passage
	// kept when it matched.
	if _, err := st.MarkDeleted(ctx, []string{"journalists"}); err != nil {
		t.Fatal(err)
	}
	_, body = pc.get("/alerts")
	mustContain(t, "a match deleted since", body, `Two journalists detained in Phnom Penh <span class="muted">(deleted since)</span>`)
	if strings.Contains(body, `href="/statements/journalists"`) {
		t.Error("a deleted statement is still linked")
	}
	if i := strings.Index(body, "(deleted since)"); i < 0 || !strings.Contains(body[i:], "Radio Free Asia") {
		t.Error("a deleted statement's match lost its passage")
	}

	// Without a session the button asks for the token and deletes nothing.
	resp, body := newPageClient(t, ts).post("/alerts/1/delete", url.Values{})
	if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, `type="password"`) {
		t.Errorf("delete without a session: status %d, want 403 with the token form", resp.StatusCode)
	}
	// From another site, nothing either.
	resp, _ = pc.do(http.MethodPost, "/alerts/1/delete", url.Values{}, http.Header{"Sec-Fetch-Site": {"cross-site"}})
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("cross-site delete: status %d, want 403", resp.StatusCode)
	}
	if _, err := st.Get(ctx, "1"); err != nil {
		t.Fatalf("the alert is gone after refused deletes: %v", err)
	}

	resp, _ = pc.post("/alerts/1/delete", url.Values{})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/alerts?deleted=1" {
		t.Fatalf("delete: status %d, Location %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	if _, err := st.Get(ctx, "1"); err == nil {
		t.Error("the alert is still there")
	}
	_, body = pc.get("/alerts?deleted=1")
	mustContain(t, "after delete", body, "The alert was deleted.", "No alerts yet")
	resp, body = pc.post("/alerts/1/delete", url.Values{})
	if resp.StatusCode != http.StatusNotFound || !strings.Contains(body, "no such alert") {
		t.Errorf("deleting it again: status %d, want 404 saying so: %.300s", resp.StatusCode, body)
	}
}

// formOf is the form of page that starts with start, or "".
func formOf(page, start string) string {
	i := strings.Index(page, start)
	if i < 0 {
		return ""
	}
	j := strings.Index(page[i:], "</form>")
	if j < 0 {
		return ""
	}
	return page[i : i+j]
}

// The forms that take the token are rate-limited as the API is, so that
// guessing it through a form is no faster; the pages themselves are not.
func TestAlertsPage_tokenFormsRateLimited(t *testing.T) {
	ts, _ := newAlertServer(t, web.Options{Token: pageToken, RateLimit: 1})
	pc := newPageClient(t, ts)
	var statuses []int
	for range 4 {
		resp, _ := pc.post("/alerts/session", url.Values{"token": {"guess"}})
		statuses = append(statuses, resp.StatusCode)
	}
	if statuses[len(statuses)-1] != http.StatusTooManyRequests {
		t.Errorf("four wrong tokens at once answered %v, want the last refused with 429", statuses)
	}
	for range 4 {
		if resp, _ := pc.get("/alerts"); resp.StatusCode != http.StatusOK {
			t.Fatalf("GET /alerts: status %d; the page itself must not be limited", resp.StatusCode)
		}
	}
}

func statementByID(t *testing.T, id string) index.Statement {
	t.Helper()
	for _, s := range statements {
		if s.ID == id {
			return s
		}
	}
	t.Fatalf("no test statement %q", id)
	return index.Statement{}
}

// FuzzAlertsPage_follow sends arbitrary follow forms, and arbitrary
// searches to the results page that draws the histogram and the form:
// every answer is a page, and none is a 500.
func FuzzAlertsPage_follow(f *testing.F) {
	for _, seed := range [][4]string{
		{"Cambodia watch", "Cambodia", "2017-01-01", "LICADHO"},
		{"", `title:( "x`, "2017-13-01", ""},
		{"<script>alert(1)</script>", "land AND (jailed", "0001-01-01", "\xff"},
		{strings.Repeat("n", 300), "", "9999-12-31", " "},
	} {
		f.Add(seed[0], seed[1], seed[2], seed[3])
	}
	ts, _ := newAlertServer(f, web.Options{Token: pageToken, RateLimit: 1e9})
	f.Fuzz(func(t *testing.T, name, q, from, org string) {
		pc := newPageClient(t, ts)
		form := url.Values{"name": {name}, "token": {pageToken}, "q": {q}, "from": {from}, "org": {org}}
		resp, _ := pc.post("/alerts", form)
		if resp.StatusCode >= 500 {
			t.Errorf("follow name=%q q=%q from=%q org=%q: status %d", name, q, from, org, resp.StatusCode)
		}
		v := url.Values{"q": {q}, "from": {from}, "to": {from}, "org": {org}, "undated": {"include"}}
		if resp, body := pc.get("/?" + v.Encode()); resp.StatusCode >= 500 && resp.StatusCode != http.StatusServiceUnavailable {
			t.Errorf("results q=%q from=%q org=%q: status %d: %.300s", q, from, org, resp.StatusCode, body)
		}
	})
}
