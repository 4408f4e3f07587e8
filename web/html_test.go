package web_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// Pages as plain HTML, without a browser.

func TestPages_statement(t *testing.T) {
	ts := newTestServer(t)
	resp, body := get(t, ts, "/statements/hun-sen")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d, want 200", resp.StatusCode)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		t.Errorf("Content-Type %q, want text/html", ct)
	}
	for _, want := range []string{
		`<html lang="en">`,
		`<h1 id="statement-title">Cambodia: Hun Sen’s government orders NGO to close</h1>`,
		// Paragraphs split on the blank line.
		`<p>Hun Sen’s government said the NGO ‘must close because they follow foreigners’.</p>`,
		`<p>The order was signed by the Ministry of Interior in Phnom Penh.</p>`,
		`<a href="https://www.licadho-cambodia.org/statement/1" rel="noopener noreferrer"`,
		`<time datetime="2017-08-23">23 August 2017</time>`,
		// Entities link to searches filtered on them.
		`<a href="/?source=LICADHO">LICADHO</a>`,
		`<a href="/?org=Ministry&#43;of&#43;Interior">Ministry of Interior</a>`,
		`<a href="/?person=Hun&#43;Sen">Hun Sen</a>`,
		`<a href="/?place=Phnom&#43;Penh">Phnom Penh</a>`,
		`<main id="main"`,
		`<label for="header-q"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("statement page lacks %s", want)
		}
	}

	_, body = get(t, ts, "/statements/undated")
	if !strings.Contains(body, "Date unknown") {
		t.Error("undated statement does not say its date is unknown")
	}
}

func TestPages_escaping(t *testing.T) {
	ts := newTestServer(t)
	for _, path := range []string{"/statements/xss", "/?q=injection+alert", "/?q=%3Cscript%3Ealert(1)%3C/script%3E", "/?q=%3Cscript%3Ealert%3C%2Fscript%3E&org=%3Cimg%3E"} {
		resp, body := get(t, ts, path)
		if resp.StatusCode >= 500 {
			t.Fatalf("%s: status %d", path, resp.StatusCode)
		}
		// The pages carry no script at all, so any <script or <img is stored
		// or typed text that got through.
		if strings.Contains(body, "<script") || strings.Contains(body, "<img") {
			t.Errorf("%s: unescaped markup in the page:\n%s", path, body)
		}
	}
	_, body := get(t, ts, "/statements/xss")
	if want := `&lt;script&gt;window.__xss=1;document.title=&#34;pwned&#34;&lt;/script&gt;`; !strings.Contains(body, want) {
		t.Errorf("statement page does not show the title escaped (%s)", want)
	}
	_, body = get(t, ts, "/?q=injection+alert")
	if want := `&lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt;`; !strings.Contains(body, want) {
		t.Errorf("search page snippet is not escaped text with <mark>: want %s", want)
	}
}

func TestPages_search(t *testing.T) {
	ts := newTestServer(t)
	tests := []struct {
		name   string
		path   string
		status int
		want   []string
		not    []string
	}{
		{
			name: "results with facets and a chip", path: "/?q=Cambodia&place=Cambodia", status: 200,
			want: []string{
				`value="Cambodia"`, // the query stays in the box
				`<input type="hidden" name="place" value="Cambodia">`,
				`<a class="chip" href="/?q=Cambodia"`, // removes the filter
				`href="/statements/cnrp"`,
				`<mark>Cambodia</mark>`,
				// A facet adds its value to the current URL.
				`href="/?org=Supreme&#43;Court&amp;place=Cambodia&amp;q=Cambodia"`,
				// Year facets set the date range.
				`href="/?from=2017-01-01&amp;place=Cambodia&amp;q=Cambodia&amp;to=2017-12-31"`,
				`<h2 id="results-heading">2 statements</h2>`,
			},
		},
		{
			name: "pagination", path: "/?size=2&page=2", status: 200,
			want: []string{
				`Showing 3–4 of 6 statements`,
				`<a href="/?size=2" rel="prev">`,
				`<a href="/?page=3&amp;size=2" rel="next">`,
				`aria-current="page" class="current">2</a>`,
				`<ol class="hits" start="3">`,
			},
		},
		{
			name: "newest first without a query", path: "/", status: 200,
			want: []string{`aria-current="true" class="current">Newest</a>`, `6 statements`},
			not:  []string{`name="sort"`}, // the default is not written into the form
		},
		{
			name: "date range keeps the query", path: "/?q=Cambodia&from=2017-01-01&to=2017-12-31", status: 200,
			want: []string{
				`<input id="from" name="from" type="date" value="2017-01-01">`,
				`<input type="hidden" name="q" value="Cambodia">`,
				`Published:</span> 2017-01-01 to 2017-12-31`,
			},
		},
		{
			name: "nothing matches", path: "/?q=zanzibar&org=LICADHO", status: 200,
			want: []string{"No statements match", "Remove a filter", `<code>"exact phrase"</code>`, `<code>+must -not</code>`, `org:`},
		},
		{
			name: "bad query", path: "/?q=title%3A&org=LICADHO", status: 400,
			want: []string{`value="title:"`, `role="alert"`, "The query", "not valid query syntax", `name="org" value="LICADHO"`},
			not:  []string{`class="hits"`},
		},
		{name: "bad date", path: "/?q=x&from=2017-13-01", status: 400, want: []string{"The start date", "2017-13-01", `value="x"`}},
		{name: "bad page", path: "/?q=x&page=abc", status: 400, want: []string{"The page number", `value="x"`}},
		{name: "bad size", path: "/?size=1000", status: 400, want: []string{"The page size"}},
		{name: "bad sort", path: "/?sort=foo", status: 400, want: []string{"The sort order"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := get(t, ts, tt.path)
			if resp.StatusCode != tt.status {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.status)
			}
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
				t.Errorf("Content-Type %q, want text/html", ct)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %s", w)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(body, n) {
					t.Errorf("page has %s", n)
				}
			}
			if t.Failed() {
				t.Logf("body:\n%s", body)
			}
		})
	}
}

func TestPages_notFound(t *testing.T) {
	ts := newTestServer(t)
	for _, path := range []string{"/statements/no-such-id", "/nothing/here", "/static/missing.css", "/static/"} {
		resp, body := get(t, ts, path)
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", path, resp.StatusCode)
		}
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
			t.Errorf("%s: Content-Type %q, want an HTML page", path, ct)
		}
		if !strings.Contains(body, "<h1") || !strings.Contains(body, "Page not found") || !strings.Contains(body, `href="/"`) {
			t.Errorf("%s: not the 404 page:\n%s", path, body)
		}
	}
}

func TestStatic(t *testing.T) {
	ts := newTestServer(t)
	resp, body := get(t, ts, "/static/style.css")
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/css") {
		t.Fatalf("style.css: status %d, Content-Type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if !strings.Contains(body, ":focus-visible") {
		t.Error("style.css has no visible focus style")
	}
	// Everything the pages load is ours: no external fonts, scripts or CSS.
	_, page := get(t, ts, "/?q=Cambodia")
	for _, m := range regexp.MustCompile(`(?:src|href)="(https?:)?//[^"]*"`).FindAllString(page, -1) {
		if !strings.Contains(m, "rel=") { // links to original statements are fine; the search page has none
			t.Errorf("search page refers to an external resource: %s", m)
		}
	}
}

func TestSecurityHeaders(t *testing.T) {
	ts := newTestServer(t)
	want := map[string]string{
		"Content-Security-Policy": "default-src 'self'; frame-ancestors 'none'",
		"X-Content-Type-Options":  "nosniff",
		"Referrer-Policy":         "no-referrer",
		"X-Frame-Options":         "DENY",
	}
	for _, path := range []string{"/", "/?q=title%3A", "/statements/hun-sen", "/statements/nope", "/api/search?q=x", "/api/search?size=0", "/api/nope", "/healthz", "/static/style.css"} {
		resp, _ := get(t, ts, path)
		for name, value := range want {
			if got := resp.Header.Get(name); !strings.HasPrefix(got, value) {
				t.Errorf("%s: %s %q, want it to start with %q", path, name, got, value)
			}
		}
	}
}
