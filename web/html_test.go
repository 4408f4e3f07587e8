package web_test

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/advosearch/advosearch/web"
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
		// The source links to the search filtered on it, the names to
		// their pages.
		`<a href="/?source=LICADHO">LICADHO</a>`,
		`<a href="/organizations/Ministry%20of%20Interior">Ministry of Interior</a>`,
		`<a href="/people/Hun%20Sen">Hun Sen</a>`,
		`<a href="/places/Phnom%20Penh">Phnom Penh</a>`,
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

	// Opened from results, the page leads back to them; a back address
	// that is not one of our result pages is never a link.
	for back, want := range map[string]string{
		"":                               `<a href="/">← New search</a>`,
		"/?q=Hun+Sen&org=LICADHO&page=2": `<a href="/?q=Hun&#43;Sen&amp;org=LICADHO&amp;page=2">← Back to the results</a>`,
		"/quotes?q=foreigners":           `<a href="/quotes?q=foreigners">← Back to the results</a>`,
		"https://evil.example/?q=x":      `<a href="/">← New search</a>`,
		"//evil.example/":                `<a href="/">← New search</a>`,
		"javascript:alert(1)":            `<a href="/">← New search</a>`,
		"/statements/xss":                `<a href="/">← New search</a>`,
	} {
		_, body := get(t, ts, "/statements/hun-sen?"+url.Values{"back": {back}}.Encode())
		if !strings.Contains(body, want) {
			t.Errorf("back=%q: page lacks %s", back, want)
		}
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
				// The statement page leads back to these results.
				`href="/statements/cnrp?back=%2F%3Fplace%3DCambodia%26q%3DCambodia"`,
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
			// Statements without a date cannot be placed in a range: the page
			// says how many were left out and offers them.
			name: "undated left out, and offered", path: "/?from=2017-01-01&to=2017-12-31", status: 200,
			want: []string{
				`<p class="undated">Left out by the dates: 1 statement without a date. <a href="/?from=2017-01-01&amp;to=2017-12-31&amp;undated=1">Include them</a></p>`,
			},
			not: []string{`href="/statements/undated`},
		},
		{
			name: "undated included", path: "/?from=2017-01-01&to=2017-12-31&undated=1", status: 200,
			want: []string{
				`<p class="undated">Statements without a date are included. <a href="/?from=2017-01-01&amp;to=2017-12-31">Leave them out</a></p>`,
				`href="/statements/undated`,
				`<input type="hidden" name="undated" value="1">`, // a new query keeps it
			},
		},
		{
			name: "nothing matches", path: "/?q=zanzibar&org=LICADHO", status: 200,
			want: []string{"No statements match", "Remove a filter", `<summary>Search syntax</summary>`, "Use <code>OR</code> between words"},
			not:  []string{"Did you mean", `<details class="help" open>`},
		},
		{
			name: "strict bad query", path: "/?q=title%3A&org=LICADHO&strict=1", status: 400,
			want: []string{
				`value="title:"`, `role="alert"`,
				"Syntax error at column 1: expected a value after title:",
				`<code><mark class="err">t</mark>itle:</code>`,
				`name="org" value="LICADHO"`,
				`<details class="help" open>`, // the help opens by itself
			},
			not: []string{`class="hits"`},
		},
		{
			// The box reads what it cannot parse as plain text, and says
			// where that was.
			name: "bad query is searched with a notice", path: "/?q=title%3A&org=LICADHO", status: 200,
			want: []string{
				`value="title:"`, `role="status"`,
				"expected a value after title: at column 1: searched as plain text",
				`<code><mark class="err">t</mark>itle:</code>`,
				`name="org" value="LICADHO"`,
				`<details class="help">`,
			},
			not: []string{`role="alert"`, `<details class="help" open>`},
		},
		{
			name: "syntax error marks the column", path: "/?q=%28Hun+Sen", status: 200,
			want: []string{"at column 1", `<code><mark class="err">(</mark>Hun Sen</code>`, `class="hits"`},
		},
		{
			// Columns count characters: the curly quotes are 3 bytes each.
			name: "syntax error column after multibyte characters", path: "/?q=" + url.QueryEscape("“Hun Sen’s” (gov"), status: 200,
			want: []string{"at column 13", `<code>“Hun Sen’s” <mark class="err">(</mark>gov</code>`},
		},
		{
			name: "syntax error past the end", path: "/?q=" + url.QueryEscape("published:[2016 TO"), status: 200,
			want: []string{"at column 19", `<code>published:[2016 TO<mark class="err err-end"><span class="visually-hidden">(missing here)</span></mark></code>`},
		},
		{
			name: "marked query is escaped", path: "/?q=" + url.QueryEscape(`AT&T's "x`), status: 200,
			want: []string{`<code>AT&amp;T&#39;s <mark class="err">&#34;</mark>x</code>`},
		},
		{
			name: "error without a column marks nothing", path: "/?q=quote%3Ax", status: 400,
			want: []string{`role="alert"`, `<details class="help">`},
			not:  []string{`class="error-spot"`, `<mark class="err`},
		},
		{
			name: "did you mean keeps the filters", path: "/?q=Kem+Sokah&place=Cambodia", status: 200,
			want: []string{
				`Did you mean <a href="/?place=Cambodia&amp;q=Kem&#43;Sokha">Kem Sokha</a>?`,
				`Matched with variants (stemmed): <span class="term">Kem</span>, <span class="term">Sokah</span>`,
				`No statement has all 2 words; these have 1 or more, the most first.`,
			},
		},
		{
			name: "exact and stemmed words", path: "/?q=" + url.QueryEscape(`"must close" OR activists`), status: 200,
			want: []string{`<p class="matched">Matched exactly: <span class="term">"must close"</span> · with variants (stemmed): <span class="term">activists</span></p>`},
			not:  []string{"Did you mean"},
		},
		{
			name: "stemmed words are escaped", path: "/?q=" + url.QueryEscape(`"AT&T's" OR R&D`), status: 200,
			want: []string{`<span class="term">"AT&amp;T&#39;s"</span>`, `<span class="term">R&amp;D</span>`},
		},
		{
			name: "default operator", path: "/", status: 200,
			want: []string{`Words are combined with <strong>AND</strong> (use <code>OR</code> for either).`},
		},
		{
			name: "op=or on the page", path: "/?q=Cambodia+protest&op=or", status: 200,
			want: []string{
				`Words are combined with <strong>OR</strong> (use <code>AND</code> for both).`,
				`<input type="hidden" name="op" value="or">`, // a new query keeps it
				`3 statements`,
			},
		},
		{name: "bad op", path: "/?q=x&op=xor", status: 400, want: []string{`The operator &#34;xor&#34; must be and or or.`}},
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

func TestPages_defaultOr(t *testing.T) {
	ts := newTestServerWith(t, web.Options{DefaultOr: true})
	_, body := get(t, ts, "/?q=Cambodia+protest")
	for _, want := range []string{`Words are combined with <strong>OR</strong> (use <code>AND</code> for both).`, "3 statements"} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	_, body = get(t, ts, "/?q=Cambodia+protest&op=and")
	for _, want := range []string{`Words are combined with <strong>AND</strong>`, "No statement has all 2 words"} {
		if !strings.Contains(body, want) {
			t.Errorf("op=and: page lacks %s", want)
		}
	}
}

// helpQueries are the examples the syntax help must offer, each as a link
// that runs it.
var helpQueries = []string{
	`"must close because they follow foreigners"`,
	`"Hun Sen CCHR"~10`,
	`Sokha~1`,
	`detain*`,
	`(Hun Sen OR "Prime Minister") AND NOT ADHOC`,
	`org:"Cambodian Center for Human Rights" AND published:[2017-01-01 TO 2017-12-31]`,
	`title:"must close"^2`,
	`published:>=2017`,
}

func TestPages_help(t *testing.T) {
	ts := newTestServer(t)
	_, body := get(t, ts, "/?q=Cambodia&org=LICADHO")
	start, end := strings.Index(body, `<details class="help">`), strings.Index(body, "</details>")
	if start < 0 || end < start {
		t.Fatalf("no closed <details class=\"help\"> on the page:\n%s", body)
	}
	help := body[start:end]
	if !strings.Contains(help, "<summary>Search syntax</summary>") {
		t.Error("the help has no summary to open it by")
	}
	var got []string
	for _, m := range regexp.MustCompile(`<a href="([^"]*)"><code>([^<]*)</code></a>`).FindAllStringSubmatch(help, -1) {
		u, err := url.Parse(html.UnescapeString(m[1]))
		if err != nil {
			t.Fatalf("link %s: %v", m[1], err)
		}
		text := html.UnescapeString(m[2])
		// The link runs the query it shows, without the page's filters.
		if u.Path != "/" || len(u.Query()) != 1 || u.Query().Get("q") != text {
			t.Errorf("example %q links to %s, want /?q= the example alone", text, u)
		}
		got = append(got, text)
	}
	if !slices.Equal(got, helpQueries) {
		t.Errorf("help examples %q, want %q", got, helpQueries)
	}
	for _, want := range []string{"<strong>Fields:</strong> <code>title:</code>", "<code>published:</code>", "<strong>Operators</strong>", "<code>NOT</code>", "<code>/regex/</code>"} {
		if !strings.Contains(help, want) {
			t.Errorf("help lacks %s", want)
		}
	}
	// Every example is valid syntax.
	for _, q := range helpQueries {
		if resp, body := get(t, ts, "/?q="+url.QueryEscape(q)); resp.StatusCode != http.StatusOK {
			t.Errorf("example %q: status %d:\n%s", q, resp.StatusCode, body)
		}
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
