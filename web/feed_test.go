package web_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/advosearch/advosearch/alerts"
	"github.com/advosearch/advosearch/web"
)

func parseFeed(t *testing.T, body string) *gofeed.Feed {
	t.Helper()
	f, err := gofeed.NewParser().ParseString(body)
	if err != nil {
		t.Fatalf("gofeed cannot parse the feed: %v\n%s", err, body)
	}
	if f.FeedType != "atom" {
		t.Fatalf("feed type %q, want atom", f.FeedType)
	}
	return f
}

// guids are the entries' Atom IDs.
func guids(f *gofeed.Feed) []string {
	var out []string
	for _, it := range f.Items {
		out = append(out, it.GUID)
	}
	return out
}

func statementTags(ids ...string) []string {
	var out []string
	for _, id := range ids {
		out = append(out, alerts.TagPrefix+"statement/"+id)
	}
	return out
}

func TestAlertFeed(t *testing.T) {
	ts, st := newAlertServer(t, web.Options{Token: testToken})
	a := createAlert(t, ts, `{"name":"Cambodia <b>watch</b>","q":"cambodia"}`)
	other := createAlert(t, ts, `{"name":"Journalists","q":"journalists"}`)
	percolate(t, st, statements)

	u, err := url.Parse(a.FeedURL)
	if err != nil {
		t.Fatal(err)
	}
	key := u.Query().Get("key")
	if len(key) != 32 {
		t.Fatalf("key %q: want 32 hex digits", key)
	}
	otherKey := mustQuery(t, other.FeedURL).Get("key")

	for _, tc := range []struct{ name, path string }{
		{"NoKey", "/alerts/" + a.ID + "/feed.atom"},
		{"WrongKey", "/alerts/" + a.ID + "/feed.atom?key=" + strings.Repeat("0", 32)},
		{"ShortKey", "/alerts/" + a.ID + "/feed.atom?key=" + key[:31]},
		{"OtherAlertsKey", "/alerts/" + a.ID + "/feed.atom?key=" + otherKey},
		{"TokenAsKey", "/alerts/" + a.ID + "/feed.atom?key=" + testToken},
		{"UnknownAlert", "/alerts/999/feed.atom?key=" + key},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, got := get(t, ts, tc.path)
			if resp.StatusCode != http.StatusNotFound {
				t.Fatalf("status %d, want 404: %s", resp.StatusCode, got)
			}
			if e := decode[errorJSON](t, got); e.Error != "no feed at this address" {
				t.Errorf("error %q", e.Error)
			}
		})
	}

	resp, body := get(t, ts, strings.TrimPrefix(a.FeedURL, ts.URL))
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "application/atom+xml; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	f := parseFeed(t, body)
	if f.Title != "advosearch alert: Cambodia <b>watch</b>" {
		t.Errorf("title %q", f.Title)
	}
	// Newest match first: cnrp matched after hun-sen in the batch.
	if want := statementTags("cnrp", "hun-sen"); !slices.Equal(guids(f), want) {
		t.Errorf("entries %q, want %q", guids(f), want)
	}
	if it := f.Items[1]; it.Title != statements[0].Title || it.Link != statements[0].URL ||
		len(it.Authors) == 0 || it.Authors[0].Name != "LICADHO" {
		t.Errorf("hun-sen entry: title %q link %q authors %v", it.Title, it.Link, it.Authors)
	}
	if f.FeedLink != a.FeedURL {
		t.Errorf("self link %q, want the feed URL %q", f.FeedLink, a.FeedURL)
	}

	// Deleting the alert takes its feed with it.
	doAuth(t, ts, http.MethodDelete, "/api/alerts/"+a.ID, "", testToken)
	if resp, _ := get(t, ts, strings.TrimPrefix(a.FeedURL, ts.URL)); resp.StatusCode != http.StatusNotFound {
		t.Errorf("after delete: status %d, want 404", resp.StatusCode)
	}
}

func TestAlertFeed_newToken(t *testing.T) {
	// The same alerts file under another token: old feed URLs stop working.
	ts, st := newAlertServer(t, web.Options{Token: testToken})
	a := createAlert(t, ts, `{"name":"x","q":"cambodia"}`)
	ts2 := newTestServerWith(t, web.Options{Token: "another-token", Alerts: st})
	if resp, _ := get(t, ts2, strings.TrimPrefix(a.FeedURL, ts.URL)); resp.StatusCode != http.StatusNotFound {
		t.Errorf("old key, new token: status %d, want 404", resp.StatusCode)
	}
	ts3 := newTestServerWith(t, web.Options{Alerts: st})
	if resp, _ := get(t, ts3, strings.TrimPrefix(a.FeedURL, ts.URL)); resp.StatusCode != http.StatusNotFound {
		t.Errorf("no token: status %d, want 404", resp.StatusCode)
	}
}

func TestAlertFeed_baseURL(t *testing.T) {
	ts, _ := newAlertServer(t, web.Options{Token: testToken, BaseURL: "https://advosearch.example/"})
	resp, got := doAuth(t, ts, http.MethodPost, "/api/alerts", `{"name":"x"}`, testToken)
	a := decode[alertJSON](t, got)
	if !strings.HasPrefix(a.FeedURL, "https://advosearch.example/alerts/"+a.ID+"/feed.atom?key=") {
		t.Errorf("feed_url %q", a.FeedURL)
	}
	if loc := resp.Header.Get("Location"); loc != "https://advosearch.example/api/alerts/"+a.ID {
		t.Errorf("Location %q", loc)
	}
}

func mustQuery(t *testing.T, raw string) url.Values {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u.Query()
}

func TestSearchFeed(t *testing.T) {
	ts := newTestServer(t)

	// The feed holds what the search finds, newest first.
	for _, q := range []string{"q=cambodia", "org=LICADHO", "q=licadho&from=2017-01-01", ""} {
		t.Run(q, func(t *testing.T) {
			_, api := get(t, ts, "/api/search?sort=-date&size=50&"+q)
			var res struct{ Hits []struct{ ID string } }
			if err := json.Unmarshal([]byte(api), &res); err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, h := range res.Hits {
				want = append(want, h.ID)
			}
			if len(want) == 0 {
				t.Fatalf("the search finds nothing: %s", api)
			}
			resp, body := get(t, ts, "/feed.atom?"+q)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d: %s", resp.StatusCode, body)
			}
			if ct := resp.Header.Get("Content-Type"); ct != "application/atom+xml; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
			f := parseFeed(t, body)
			if got := guids(f); !slices.Equal(got, statementTags(want...)) {
				t.Errorf("entries %q, want %q", got, statementTags(want...))
			}
		})
	}

	// A feed is always the first page, newest first.
	_, plain := get(t, ts, "/feed.atom?q=cambodia")
	resp, body := get(t, ts, "/feed.atom?q=cambodia&page=3&sort=date&size=1")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	f := parseFeed(t, body)
	if want := guids(parseFeed(t, plain)); !slices.Equal(guids(f), want) {
		t.Errorf("page, sort and size are not ignored: %q, want %q", guids(f), want)
	}

	// Entries: title, link, author, summary, dates.
	_, body = get(t, ts, "/feed.atom?q=journalists")
	f = parseFeed(t, body)
	if len(f.Items) != 1 {
		t.Fatalf("entries %q, want journalists", guids(f))
	}
	it := f.Items[0]
	if it.Title != "Two journalists detained in Phnom Penh" {
		t.Errorf("title %q", it.Title)
	}
	// No URL of its own: the link is our statement page.
	if want := ts.URL + "/statements/journalists"; it.Link != want {
		t.Errorf("link %q, want %q", it.Link, want)
	}
	if len(it.Authors) == 0 || it.Authors[0].Name != "Amnesty International" {
		t.Errorf("authors %v", it.Authors)
	}
	if !strings.Contains(it.Description, "journalists were detained") || strings.Contains(it.Description, "<mark>") {
		t.Errorf("summary %q: want the snippet as plain text", it.Description)
	}
	// It says where the statement is from and why it is in the feed, as
	// an alert feed's entries do.
	if !strings.HasSuffix(it.Description, "\nAmnesty International, published 17 November 2017.\nMatched the search for “journalists”.") {
		t.Errorf("summary %q: want its source and date, then the search it matched", it.Description)
	}
	_, body = get(t, ts, "/feed.atom?org=Radio+Free+Asia")
	if f = parseFeed(t, body); len(f.Items) != 1 || !strings.HasSuffix(f.Items[0].Description, "Matched the search for every statement, organization: Radio Free Asia.") {
		t.Errorf("entries %+v: want journalists, matched for its organization", f.Items)
	}
	if it.PublishedParsed == nil || !it.PublishedParsed.Equal(day("2017-11-17")) {
		t.Errorf("published %v, want 2017-11-17", it.PublishedParsed)
	}
	if f.UpdatedParsed == nil || !f.UpdatedParsed.Equal(day("2017-11-17")) {
		t.Errorf("feed updated %v, want the newest date", f.UpdatedParsed)
	}

	// The undated statement takes the feed's time.
	_, body = get(t, ts, "/feed.atom?q=undersigned")
	f = parseFeed(t, body)
	if len(f.Items) != 1 || f.Items[0].UpdatedParsed == nil || time.Since(*f.Items[0].UpdatedParsed) > time.Hour {
		t.Errorf("undated entry: %+v", f.Items)
	}

	// A title with markup comes back as the same text, and the document
	// holds no live tag.
	resp, body = get(t, ts, "/feed.atom?source=Front+Line+Defenders")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	if strings.Contains(body, "<script") || strings.Contains(body, "<img") {
		t.Errorf("unescaped markup in the feed:\n%s", body)
	}
	f = parseFeed(t, body)
	if len(f.Items) != 1 || f.Items[0].Title != xssTitle {
		t.Errorf("title %q, want %q", f.Items[0].Title, xssTitle)
	}

	for _, q := range []string{"q=cambodia+AND", "from=yesterday", "op=xor"} {
		resp, body := get(t, ts, "/feed.atom?"+q)
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", q, resp.StatusCode)
			continue
		}
		if e := decode[errorJSON](t, body); e.Error == "" {
			t.Errorf("%s: no JSON error: %s", q, body)
		}
	}
}

func TestSearchPage_feedLink(t *testing.T) {
	ts := newTestServer(t)
	_, page := get(t, ts, "/?q=cambodia&org=LICADHO&sort=date&page=1")
	const href = `href="/feed.atom?org=LICADHO&amp;q=cambodia"`
	if !strings.Contains(page, `<link rel="alternate" type="application/atom+xml" title="Feed of this search" `+href+`>`) {
		t.Errorf("no feed link in the head:\n%s", page)
	}
	if !strings.Contains(page, `<a class="feed-link" `+href+` type="application/atom+xml">Feed of this search</a>`) {
		t.Errorf("no visible feed link")
	}
	// The link leads to a feed of the same search.
	resp, body := get(t, ts, "/feed.atom?org=LICADHO&q=cambodia")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	if f := parseFeed(t, body); !slices.Equal(guids(f), statementTags("hun-sen")) {
		t.Errorf("entries %q", guids(f))
	}
}
