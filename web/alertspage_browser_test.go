package web_test

import (
	"context"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/advosearch/advosearch/alerts"
	"github.com/advosearch/advosearch/index"
	"github.com/chromedp/chromedp"
)

// Issue 16's "Done when", parts 1 and 3, done as a user would in Chromium:
// follow a search, then see its matches and its feed address; click a bar
// of the histogram and see the results narrowed. Every page loaded is
// audited by axe-core (step, navigateBy), and the alerts page and a
// results page are laid out at 390 px, a phone's width.

// jsNoSideScroll is true when nothing on the page is wider than the
// window, so that it reads without scrolling sideways.
const jsNoSideScroll = `document.documentElement.scrollWidth <= window.innerWidth`

func TestFollowSearch_browser(t *testing.T) {
	ts, st := newAlertsPageServer(t)
	ctx := newBrowser(t)

	step(t, ctx, "search", chromedp.Navigate(ts.URL+"/?q=Cambodia"))
	if eval[bool](t, ctx, `document.querySelector('.follow-form').checkVisibility()`) {
		t.Error("the follow form shows before it is asked for")
	}
	step(t, ctx, "open Follow this search", chromedp.Click(chromedp.CSS("details.follow summary")))
	audit(t, ctx, "open Follow this search")
	if name := eval[string](t, ctx, `document.querySelector('#follow-name').value`); name != "Cambodia" {
		t.Errorf("suggested name %q, want the query", name)
	}
	step(t, ctx, "name the alert and type the token",
		chromedp.Clear(chromedp.CSS("#follow-name")),
		chromedp.SendKeys(chromedp.CSS("#follow-name"), "Cambodia watch"),
		chromedp.SendKeys(chromedp.CSS("#follow-token"), pageToken))
	navigateBy(t, ctx, "follow", chromedp.Submit(chromedp.CSS("#follow-name")))

	if path := eval[string](t, ctx, `location.pathname + location.search`); path != "/alerts?created=1" {
		t.Fatalf("after following: at %s, want /alerts?created=1", path)
	}
	created := eval[string](t, ctx, jsShownText(".created"))
	if !regexp.MustCompile(`\d+ statements? already match(es)?: see them`).MatchString(created) {
		t.Errorf("the new alert's note %q does not say how many statements already match", created)
	}
	if !strings.Contains(created, "Cambodia watch") {
		t.Errorf("the note %q does not name the alert", created)
	}
	feed := eval[string](t, ctx, `document.querySelector('#feed-1').value`)
	if !regexp.MustCompile(`^http://127\.0\.0\.1:\d+/alerts/1/feed\.atom\?key=[0-9a-f]{32}$`).MatchString(feed) {
		t.Errorf("feed address %q, want the alert's feed with its key", feed)
	}
	if label := eval[string](t, ctx, `document.querySelector('#feed-1').labels[0].textContent`); !strings.Contains(label, "Feed address") {
		t.Errorf("the feed address box is labelled %q", label)
	}
	if matches := eval[string](t, ctx, jsShownText("#alert-1 h3")); matches != "No matches yet" {
		t.Errorf("a new alert's matches heading %q, want No matches yet", matches)
	}

	// Two statements arrive, as the indexer reports them to the alerts.
	for _, id := range []string{"cnrp", "hun-sen"} {
		if _, err := st.PercolateBatch(context.Background(), statementsByID(t, id)); err != nil {
			t.Fatal(err)
		}
	}
	step(t, ctx, "reload the alerts page", chromedp.Navigate(ts.URL+"/alerts"))
	if h := eval[string](t, ctx, jsShownText("#alert-1 h3")); h != "2 matches" {
		t.Errorf("matches heading %q, want 2 matches", h)
	}
	titles := eval[[]string](t, ctx, `[...document.querySelectorAll('#alert-1 .match-title a')].map(a => a.textContent)`)
	if want := []string{"Cambodia: Hun Sen’s government orders NGO to close", "Cambodia: Supreme Court dissolves the opposition"}; !slices.Equal(titles, want) {
		t.Errorf("matches %q, want %q (newest first)", titles, want)
	}
	if marks := eval[[]string](t, ctx, `[...document.querySelectorAll('#alert-1 .snippet mark')].map(m => m.textContent)`); !slices.Contains(marks, "Cambodia") {
		t.Errorf("marked words in the snippets %q, want Cambodia", marks)
	}

	// The feed address works as it is, in a feed reader.
	resp, err := http.Get(feed)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(resp.Header.Get("Content-Type"), "atom") {
		t.Errorf("GET the feed address: status %d, Content-Type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}

	// At a phone's width the page reads without scrolling sideways.
	step(t, ctx, "narrow the window to 390 px", chromedp.EmulateViewport(390, 844), chromedp.Navigate(ts.URL+"/alerts"))
	if !eval[bool](t, ctx, jsNoSideScroll) {
		t.Errorf("the alerts page is %d px wide at 390 px", eval[int](t, ctx, `document.documentElement.scrollWidth`))
	}
	if !eval[bool](t, ctx, `(() => { const r = document.querySelector('#feed-1').getBoundingClientRect(); return r.left >= 0 && r.right <= window.innerWidth })()`) {
		t.Error("the feed address box sticks out of the window at 390 px")
	}
	screenshot(t, ctx, "alerts-390")
	step(t, ctx, "a results page at 390 px", chromedp.Navigate(ts.URL+"/?q=Cambodia"), chromedp.Click(chromedp.CSS("details.follow summary")))
	if !eval[bool](t, ctx, jsNoSideScroll) {
		t.Errorf("the results page is %d px wide at 390 px", eval[int](t, ctx, `document.documentElement.scrollWidth`))
	}
	if w := eval[float64](t, ctx, `document.querySelector('.hist-chart').getBoundingClientRect().width`); w < 300 || w > 390 {
		t.Errorf("the histogram is %v px wide at 390 px, want it to fill the column", w)
	}
	screenshot(t, ctx, "results-390")
	step(t, ctx, "widen the window again", chromedp.EmulateViewport(1280, 900), chromedp.Navigate(ts.URL+"/alerts"))

	navigateBy(t, ctx, "run the alert's search", chromedp.Click(chromedp.CSS("#alert-1 .alert-links a")))
	if q := eval[string](t, ctx, `document.querySelector('#q').value`); q != "Cambodia" {
		t.Errorf("the alert's search box holds %q, want Cambodia", q)
	}
	step(t, ctx, "back to the alerts", chromedp.Navigate(ts.URL+"/alerts"))
	navigateBy(t, ctx, "delete the alert", chromedp.Click(chromedp.CSS("#alert-1 .alert-delete button")))
	if notice := eval[string](t, ctx, jsShownText(".notice")); notice != "The alert was deleted." {
		t.Errorf("after deleting: notice %q", notice)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('.alert-card').length`); n != 0 {
		t.Errorf("%d alerts listed after deleting the only one", n)
	}
}

// A wrong token brings the form back with what was typed and why, and the
// token form of the alerts page works as the follow form does.
func TestFollowSearch_browserRefused(t *testing.T) {
	ts, _ := newAlertsPageServer(t)
	ctx := newBrowser(t)

	step(t, ctx, "search", chromedp.Navigate(ts.URL+"/?q=journalists&org=Radio+Free+Asia"))
	step(t, ctx, "open Follow this search", chromedp.Click(chromedp.CSS("details.follow summary")),
		chromedp.SendKeys(chromedp.CSS("#follow-token"), "a guess"))
	nctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	resp, err := chromedp.RunResponse(nctx, chromedp.Submit(chromedp.CSS("#follow-name")))
	if err != nil {
		t.Fatal(err)
	}
	if resp.Status != http.StatusForbidden {
		t.Errorf("a wrong token answered %d, want 403", resp.Status)
	}
	audit(t, ctx, "a wrong token")
	if msg := eval[string](t, ctx, jsShownText("#alerts-error")); !strings.Contains(msg, "token is wrong") {
		t.Errorf("error %q, want it to say the token is wrong", msg)
	}
	if v := eval[string](t, ctx, `document.querySelector('#follow-name').value`); v != "journalists" {
		t.Errorf("the name box holds %q, want what was there", v)
	}
	if v := eval[string](t, ctx, `document.querySelector('#follow-token').value`); v != "" {
		t.Errorf("the token box holds %q, want it empty", v)
	}
	search := eval[[]string](t, ctx, `[...document.querySelectorAll('.follow-search li')].map(e => e.textContent)`)
	if !slices.Equal(search, []string{"Words: journalists", "Organization: Radio Free Asia"}) {
		t.Errorf("the search in words %q", search)
	}
	step(t, ctx, "type the right token", chromedp.SendKeys(chromedp.CSS("#follow-token"), pageToken))
	navigateBy(t, ctx, "follow", chromedp.Submit(chromedp.CSS("#follow-name")))
	if h := eval[string](t, ctx, jsShownText("#alert-1-name")); h != "journalists" {
		t.Errorf("alert heading %q, want journalists", h)
	}

	// Signed out, the alerts page asks for the token, once.
	navigateBy(t, ctx, "sign out", chromedp.Click(chromedp.CSS(".alerts-head button")))
	step(t, ctx, "type the token", chromedp.SendKeys(chromedp.CSS("#token"), pageToken))
	navigateBy(t, ctx, "show my alerts", chromedp.Submit(chromedp.CSS("#token")))
	if n := eval[int](t, ctx, `document.querySelectorAll('.alert-card').length`); n != 1 {
		t.Errorf("%d alerts after signing in, want 1", n)
	}
	if strings.Contains(eval[string](t, ctx, `location.href`), pageToken) {
		t.Error("the token is in the URL")
	}
}

func TestHistogram_browser(t *testing.T) {
	ts := newTestServer(t)
	ctx := newBrowser(t)

	step(t, ctx, "open every statement", chromedp.Navigate(ts.URL+"/?q=LICADHO+OR+Cambodia+OR+journalists"))
	before := eval[int](t, ctx, jsHitCount)
	caption := eval[string](t, ctx, jsShownText(".histogram figcaption"))
	if !strings.HasPrefix(caption, "Matching statements by month") || !strings.Contains(caption, "1 matching statement has no date") {
		t.Errorf("histogram caption %q, want months and the undated statement counted", caption)
	}
	bars := eval[[]string](t, ctx, `[...document.querySelectorAll('.hist-link')].map(a => a.getAttribute('aria-label'))`)
	if !slices.Contains(bars, "November 2017: 2") {
		t.Fatalf("bars %q, want November 2017 with 2 statements", bars)
	}
	navigateBy(t, ctx, "click the bar of November 2017", chromedp.Click(chromedp.CSS(`.hist-link[aria-label="November 2017: 2"]`)))

	loc := eval[string](t, ctx, `location.search`)
	if !strings.Contains(loc, "from=2017-11-01") || !strings.Contains(loc, "to=2017-11-30") || !strings.Contains(loc, "q=LICADHO") {
		t.Errorf("after the bar: URL query %s, want November 2017 and the query kept", loc)
	}
	got := eval[[]string](t, ctx, jsTitles)
	slices.Sort(got)
	if want := []string{"Cambodia: Supreme Court dissolves the opposition", "Two journalists detained in Phnom Penh"}; !slices.Equal(got, want) || len(got) >= before {
		t.Errorf("after the bar: titles %q (of %d before), want %q", got, before, want)
	}
	for _, d := range eval[[]string](t, ctx, `[...document.querySelectorAll('.hit time')].map(e => e.getAttribute('datetime'))`) {
		if !strings.HasPrefix(d, "2017-11-") {
			t.Errorf("a hit of %s after narrowing to November 2017", d)
		}
	}
	if cur := eval[string](t, ctx, `document.querySelector('.hist-link[aria-current=true]').getAttribute('aria-label')`); !strings.HasPrefix(cur, "November 2017: 2") {
		t.Errorf("the bar in force is %q, want November 2017", cur)
	}

	// The undated statement was left out by the dates; the switch brings
	// it back.
	navigateBy(t, ctx, "include the undated statements", chromedp.Click(chromedp.CSS("p.undated a")))
	if got := eval[[]string](t, ctx, jsTitles); !slices.Contains(got, "Open letter on freedom of association") {
		t.Errorf("after including the undated: titles %q, want the open letter among them", got)
	}
	if cap := eval[string](t, ctx, jsShownText(".histogram figcaption")); !strings.Contains(cap, "1 matching statement has no date") {
		t.Errorf("caption %q, want the undated statement counted", cap)
	}

	// The table says the same as the chart, for whoever cannot see it.
	step(t, ctx, "open the table", chromedp.Click(chromedp.CSS(".hist-table summary")))
	audit(t, ctx, "open the histogram's table")
	rows := eval[[]string](t, ctx, `[...document.querySelectorAll('.hist-table tbody tr')].map(r => [...r.cells].map(c => c.textContent.trim()).join(' '))`)
	if !slices.Equal(rows, []string{"November 2017 2"}) {
		t.Errorf("table rows %q, want November 2017 2", rows)
	}
	screenshot(t, ctx, "histogram")
}

// An alert's name and its matches' titles and snippets are shown as text,
// never run: the xss statement matches an alert named like it.
func TestAlertsPage_browserXSS(t *testing.T) {
	ts, st := newAlertsPageServer(t)
	ctx := newBrowser(t)
	if _, err := st.Create(context.Background(), alerts.Alert{Name: xssTitle, Query: "leaflet"}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.PercolateBatch(context.Background(), statementsByID(t, "xss")); err != nil {
		t.Fatal(err)
	}
	step(t, ctx, "open the alerts page", chromedp.Navigate(ts.URL+"/alerts"), chromedp.SendKeys(chromedp.CSS("#token"), pageToken))
	navigateBy(t, ctx, "show my alerts", chromedp.Submit(chromedp.CSS("#token")))
	if v := eval[string](t, ctx, `typeof window.__xss`); v != "undefined" {
		t.Errorf("window.__xss is %s: injected script ran", v)
	}
	if title := eval[string](t, ctx, `document.title`); title == "pwned" {
		t.Error("document.title is pwned: injected script ran")
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('script, main img').length`); n != 0 {
		t.Errorf("%d script or img elements, want none", n)
	}
	if h := eval[string](t, ctx, `document.querySelector('#alert-1-name').textContent`); h != xssTitle {
		t.Errorf("alert heading %q, want the literal name %q", h, xssTitle)
	}
	if m := eval[string](t, ctx, `document.querySelector('#alert-1 .match-title a').textContent`); m != xssTitle {
		t.Errorf("match title %q, want the literal title", m)
	}
	if snip := eval[string](t, ctx, `document.querySelector('#alert-1 .snippet').textContent`); !strings.Contains(snip, "<script>alert(1)</script>") {
		t.Errorf("snippet %q, want the markup shown as text", snip)
	}
}

// statementsByID is the test corpus's statements with the IDs.
func statementsByID(t *testing.T, ids ...string) []index.Statement {
	t.Helper()
	var out []index.Statement
	for _, id := range ids {
		out = append(out, statementByID(t, id))
	}
	return out
}
