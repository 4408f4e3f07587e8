package feeds_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/advosearch/advosearch/corpus"
	"github.com/advosearch/advosearch/feeds"
	"github.com/advosearch/advosearch/netguard"
)

const statementHTML = `<!DOCTYPE html><html><head><title>Sri Lanka: Repeal the PTA</title></head>
<body><article><p>The authorities must repeal the Prevention of Terrorism Act.</p></article></body></html>`

func TestFetcher_Page(t *testing.T) {
	var ua atomic.Value
	srv, hits := server(t, func(w http.ResponseWriter, r *http.Request) {
		ua.Store(r.Header.Get("User-Agent"))
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/statement":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, statementHTML)
		case "/statement.txt":
			w.Header().Set("Content-Type", "text/plain")
			fmt.Fprint(w, "Joint statement on Belarus.")
		case "/report.pdf":
			w.Header().Set("Content-Type", "application/pdf")
			fmt.Fprint(w, "%PDF-1.4")
		case "/latin1":
			w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
			w.Write([]byte("<p>D\xe9claration conjointe</p>"))
		case "/old":
			http.Redirect(w, r, "/statement", http.StatusMovedPermanently)
		case "/gone":
			http.Error(w, "gone", http.StatusGone)
		}
	})
	c := newClock()
	f := newFetcher(c, feeds.Options{})
	ctx := context.Background()

	t.Run("HTML", func(t *testing.T) {
		u := srv.URL + "/statement"
		doc, err := f.Page(ctx, u)
		if err != nil {
			t.Fatal(err)
		}
		if doc.ContentType != corpus.TypeHTML || doc.Name != u || doc.ID != idFor(u) || string(doc.Body) != statementHTML {
			t.Errorf("got %+v, want HTML named %s with ID %s", doc, u, idFor(u))
		}
		if !doc.Fetched.Equal(c.Now()) {
			t.Errorf("fetched: got %v, want %v", doc.Fetched, c.Now())
		}
		if got := ua.Load(); got != feeds.DefaultUserAgent {
			t.Errorf("User-Agent: got %q, want %q", got, feeds.DefaultUserAgent)
		}
	})
	t.Run("CustomUserAgent", func(t *testing.T) {
		f := newFetcher(newClock(), feeds.Options{UserAgent: "advosearch-test/2.0"})
		if _, err := f.Page(ctx, srv.URL+"/statement"); err != nil {
			t.Fatal(err)
		}
		if got := ua.Load(); got != "advosearch-test/2.0" {
			t.Errorf("User-Agent: got %q, want %q", got, "advosearch-test/2.0")
		}
	})
	t.Run("Text", func(t *testing.T) {
		doc, err := f.Page(ctx, srv.URL+"/statement.txt")
		if err != nil {
			t.Fatal(err)
		}
		if doc.ContentType != corpus.TypeText {
			t.Errorf("type: got %q, want %q", doc.ContentType, corpus.TypeText)
		}
	})
	t.Run("Unsupported", func(t *testing.T) {
		_, err := f.Page(ctx, srv.URL+"/report.pdf")
		if !errors.Is(err, feeds.ErrUnsupported) {
			t.Errorf("got %v, want ErrUnsupported", err)
		}
	})
	t.Run("Charset", func(t *testing.T) {
		doc, err := f.Page(ctx, srv.URL+"/latin1")
		if err != nil {
			t.Fatal(err)
		}
		if want := "<p>Déclaration conjointe</p>"; string(doc.Body) != want {
			t.Errorf("body: got %q, want %q", doc.Body, want)
		}
	})
	t.Run("RedirectFinalURL", func(t *testing.T) {
		doc, err := f.Page(ctx, srv.URL+"/old")
		if err != nil {
			t.Fatal(err)
		}
		if want := srv.URL + "/statement"; doc.Name != want || doc.ID != idFor(want) {
			t.Errorf("got name %q ID %q, want %q %q", doc.Name, doc.ID, want, idFor(want))
		}
	})
	t.Run("HTTPError", func(t *testing.T) {
		_, err := f.Page(ctx, srv.URL+"/gone")
		var he *feeds.HTTPError
		if !errors.As(err, &he) || he.Status != http.StatusGone || he.URL != srv.URL+"/gone" {
			t.Errorf("got %v, want HTTPError 410 for %s/gone", err, srv.URL)
		}
	})
	t.Run("BadURL", func(t *testing.T) {
		for _, u := range []string{"ftp://example.org/x", "file:///etc/passwd", "not a url", ""} {
			if _, err := f.Page(ctx, u); !errors.Is(err, feeds.ErrBadURL) {
				t.Errorf("%q: got %v, want ErrBadURL", u, err)
			}
		}
	})
	// Once per Fetcher (f and the CustomUserAgent one), not once per page.
	if got := hits.get("/robots.txt"); got != 2 {
		t.Errorf("robots.txt requests: got %d, want 2 (cached per host per Fetcher)", got)
	}
}

func TestFetcher_Page_perHostDelay(t *testing.T) {
	srv, _ := server(t, func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, statementHTML)
	})
	c := newClock()
	f := newFetcher(c, feeds.Options{IgnoreRobots: true})
	ctx := context.Background()
	for range 3 {
		if _, err := f.Page(ctx, srv.URL+"/statement"); err != nil {
			t.Fatal(err)
		}
	}
	want := []time.Duration{2 * time.Second, 2 * time.Second}
	if got := c.Slept(); !slices.Equal(got, want) {
		t.Errorf("sleeps: got %v, want %v", got, want)
	}

	// Time that has passed anyway counts towards the gap.
	c.Advance(1500 * time.Millisecond)
	if _, err := f.Page(ctx, srv.URL+"/statement"); err != nil {
		t.Fatal(err)
	}
	if got := c.Slept(); len(got) != 3 || got[2] != 500*time.Millisecond {
		t.Errorf("sleeps: got %v, want a third of 500ms", got)
	}

	// Another host does not wait for this one.
	u, err := url.Parse(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Page(ctx, "http://localhost:"+u.Port()+"/statement"); err != nil {
		t.Fatal(err)
	}
	if got := len(c.Slept()); got != 3 {
		t.Errorf("sleeps after a request to another host: got %d, want still 3", got)
	}

	// A custom delay is honoured.
	c2 := newClock()
	f2 := newFetcher(c2, feeds.Options{IgnoreRobots: true, PerHostDelay: 10 * time.Second})
	for range 2 {
		if _, err := f2.Page(ctx, srv.URL+"/statement"); err != nil {
			t.Fatal(err)
		}
	}
	if got := c2.Slept(); !slices.Equal(got, []time.Duration{10 * time.Second}) {
		t.Errorf("sleeps: got %v, want [10s]", got)
	}
}

func TestFetcher_Page_tooLarge(t *testing.T) {
	big := "<p>" + strings.Repeat("x", 2000) + "</p>"
	srv, _ := server(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		if r.URL.Path == "/chunked" {
			// No Content-Length: the cap must hold while reading.
			for i := 0; i < len(big); i += 100 {
				fmt.Fprint(w, big[i:min(i+100, len(big))])
				w.(http.Flusher).Flush()
			}
			return
		}
		fmt.Fprint(w, big)
	})
	f := newFetcher(newClock(), feeds.Options{IgnoreRobots: true, MaxBodyBytes: 1000})
	for _, p := range []string{"/length", "/chunked"} {
		if _, err := f.Page(context.Background(), srv.URL+p); !errors.Is(err, feeds.ErrTooLarge) {
			t.Errorf("%s: got %v, want ErrTooLarge", p, err)
		}
	}
	f = newFetcher(newClock(), feeds.Options{IgnoreRobots: true, MaxBodyBytes: int64(len(big))})
	if _, err := f.Page(context.Background(), srv.URL+"/chunked"); err != nil {
		t.Errorf("body exactly at the cap: got %v, want no error", err)
	}
}

func TestFetcher_Page_robots(t *testing.T) {
	const robots = `# robots.txt for a statement site
User-agent: *
Disallow: /search
Disallow: /drafts/

User-agent: advosearch
User-agent: otherbot
Disallow: /private/
Allow: /private/public-statement
Crawl-delay: 5

Sitemap: /sitemap.xml
`
	srv, hits := server(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			w.Header().Set("Content-Type", "text/plain")
			fmt.Fprint(w, robots)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, statementHTML)
	})
	f := newFetcher(newClock(), feeds.Options{})
	ctx := context.Background()
	cases := []struct {
		path    string
		allowed bool
	}{
		{"/private/note", false},
		{"/private/public-statement", true},
		{"/drafts/x", true}, // our group replaces "*", it does not add to it
		{"/search?q=x", true},
		{"/statements/1", true},
	}
	for _, tc := range cases {
		_, err := f.Page(ctx, srv.URL+tc.path)
		if tc.allowed && err != nil {
			t.Errorf("%s: got %v, want allowed", tc.path, err)
		}
		if !tc.allowed {
			if !errors.Is(err, feeds.ErrDisallowed) {
				t.Errorf("%s: got %v, want ErrDisallowed", tc.path, err)
			}
			if n := hits.get(tc.path); n != 0 {
				t.Errorf("%s: requested %d times, want never", tc.path, n)
			}
		}
	}
	if n := hits.get("/robots.txt"); n != 1 {
		t.Errorf("robots.txt requests: got %d, want 1", n)
	}

	// Another crawler name falls under "*".
	g := newFetcher(newClock(), feeds.Options{UserAgent: "someoneelse/1.0"})
	if _, err := g.Page(ctx, srv.URL+"/drafts/x"); !errors.Is(err, feeds.ErrDisallowed) {
		t.Errorf("* group: got %v, want ErrDisallowed", err)
	}
	// IgnoreRobots skips the check.
	h := newFetcher(newClock(), feeds.Options{IgnoreRobots: true})
	if _, err := h.Page(ctx, srv.URL+"/private/note"); err != nil {
		t.Errorf("IgnoreRobots: got %v, want no error", err)
	}
}

func TestFetcher_Page_robotsUnreachable(t *testing.T) {
	var fail atomic.Bool
	fail.Store(true)
	srv, hits := server(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" && fail.Load() {
			http.Error(w, "oops", http.StatusInternalServerError)
			return
		}
		fmt.Fprint(w, statementHTML)
	})
	f := newFetcher(newClock(), feeds.Options{})
	if _, err := f.Page(context.Background(), srv.URL+"/statement"); err == nil {
		t.Error("robots.txt 500: got no error, want the page refused")
	}
	if n := hits.get("/statement"); n != 0 {
		t.Errorf("page requested %d times with robots.txt failing, want 0", n)
	}
	fail.Store(false) // the failure is not cached
	if _, err := f.Page(context.Background(), srv.URL+"/statement"); err != nil {
		t.Errorf("after robots.txt recovered: got %v", err)
	}
}

func TestFetcher_Page_retryAfter(t *testing.T) {
	c := newClock()
	srv, hits := server(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/busy":
			w.Header().Set("Retry-After", "120")
			w.WriteHeader(http.StatusTooManyRequests)
		case "/maintenance":
			w.Header().Set("Retry-After", c.Now().Add(time.Hour).UTC().Format(http.TimeFormat))
			w.WriteHeader(http.StatusServiceUnavailable)
		case "/down":
			w.WriteHeader(http.StatusServiceUnavailable)
		default:
			fmt.Fprint(w, statementHTML)
		}
	})
	f := newFetcher(c, feeds.Options{IgnoreRobots: true})
	ctx := context.Background()

	_, err := f.Page(ctx, srv.URL+"/busy")
	var re *feeds.RetryError
	if !errors.As(err, &re) || re.Status != http.StatusTooManyRequests || re.After != 120*time.Second {
		t.Fatalf("got %v, want RetryError 429 after 2m0s", err)
	}
	// The host asked us to wait: we do not ask again meanwhile.
	_, err = f.Page(ctx, srv.URL+"/statement")
	if !errors.As(err, &re) || re.Status != 0 || re.After <= 0 || re.After > 120*time.Second {
		t.Errorf("during the wait: got %v, want a local RetryError", err)
	}
	if n := hits.get("/statement"); n != 0 {
		t.Errorf("requested %d times during the wait, want 0", n)
	}
	c.Advance(2 * time.Minute)
	if _, err := f.Page(ctx, srv.URL+"/statement"); err != nil {
		t.Errorf("after the wait: got %v", err)
	}

	_, err = f.Page(ctx, srv.URL+"/maintenance")
	if !errors.As(err, &re) || re.Status != http.StatusServiceUnavailable || re.After < 59*time.Minute || re.After > time.Hour {
		t.Errorf("HTTP-date: got %v, want RetryError 503 after about 1h", err)
	}
	c.Advance(time.Hour)

	_, err = f.Page(ctx, srv.URL+"/down")
	var he *feeds.HTTPError
	if !errors.As(err, &he) || he.Status != http.StatusServiceUnavailable || errors.As(err, &re) {
		t.Errorf("503 without Retry-After: got %v, want HTTPError 503", err)
	}
}

func TestFetcher_Page_redirectLoop(t *testing.T) {
	srv, hits := server(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/a":
			http.Redirect(w, r, "/b", http.StatusFound)
		case "/b":
			http.Redirect(w, r, "/a", http.StatusFound)
		}
	})
	f := newFetcher(newClock(), feeds.Options{IgnoreRobots: true, MaxRedirects: 3})
	_, err := f.Page(context.Background(), srv.URL+"/a")
	if !errors.Is(err, feeds.ErrTooManyRedirects) {
		t.Fatalf("got %v, want ErrTooManyRedirects", err)
	}
	if got := hits.get("/a") + hits.get("/b"); got != 4 {
		t.Errorf("requests: got %d, want 4 (the first and 3 redirects)", got)
	}
}

func TestFetcher_privateAddress(t *testing.T) {
	srv, hits := server(t, func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, statementHTML)
	})
	u, err := url.Parse(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	c := newClock()
	f := feeds.NewFetcher(feeds.Options{Now: c.Now, Sleep: c.Sleep}) // AllowPrivate off
	ctx := context.Background()
	for _, target := range []string{
		srv.URL + "/statement",
		"http://localhost:" + u.Port() + "/statement", // a name that resolves to loopback
		"http://[::1]:" + u.Port() + "/statement",
		"http://0.0.0.0:" + u.Port() + "/statement",
		"http://[64:ff9b::7f00:1]:" + u.Port() + "/statement", // NAT64 of 127.0.0.1
		"http://[2002:7f00:1::1]:" + u.Port() + "/statement",  // 6to4 of 127.0.0.1
	} {
		if _, err := f.Page(ctx, target); !errors.Is(err, feeds.ErrPrivateAddress) {
			t.Errorf("Page %s: got %v, want ErrPrivateAddress", target, err)
		}
	}
	if _, _, err := f.Poll(ctx, srv.URL+"/rss.xml", feeds.State{}); !errors.Is(err, feeds.ErrPrivateAddress) {
		t.Errorf("Poll: got %v, want ErrPrivateAddress", err)
	}
	if got := hits.get("/statement") + hits.get("/robots.txt") + hits.get("/rss.xml"); got != 0 {
		t.Errorf("server got %d requests, want 0", got)
	}
}

// TestFetcher_redirectToPrivateAddress: each redirect hop is a new dial,
// checked again. The test's transport lets exactly the test server through
// and checks every other address with netguard.Control, as the default
// transport does.
func TestFetcher_redirectToPrivateAddress(t *testing.T) {
	for _, target := range []string{
		"http://10.0.0.1/statement",
		"http://[64:ff9b::a9fe:a9fe]/latest/meta-data/", // NAT64 of 169.254.169.254
		"http://localhost:1/statement",
	} {
		t.Run(target, func(t *testing.T) {
			srv, hits := server(t, func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/robots.txt" {
					http.NotFound(w, r)
					return
				}
				http.Redirect(w, r, target, http.StatusFound)
			})
			first := srv.Listener.Addr().String()
			dialer := &net.Dialer{Timeout: 5 * time.Second, Control: func(network, address string, c syscall.RawConn) error {
				if address == first {
					return nil
				}
				return netguard.Control(network, address, c)
			}}
			c := newClock()
			f := feeds.NewFetcher(feeds.Options{Now: c.Now, Sleep: c.Sleep, Transport: &http.Transport{DialContext: dialer.DialContext}})
			if _, err := f.Page(context.Background(), srv.URL+"/a"); !errors.Is(err, feeds.ErrPrivateAddress) {
				t.Errorf("Page: got %v, want ErrPrivateAddress", err)
			}
			if _, _, err := f.Poll(context.Background(), srv.URL+"/rss.xml", feeds.State{}); !errors.Is(err, feeds.ErrPrivateAddress) {
				t.Errorf("Poll: got %v, want ErrPrivateAddress", err)
			}
			if got := hits.get("/a") + hits.get("/rss.xml"); got != 2 {
				t.Errorf("test server: got %d requests, want 2 (one per fetch, then the refused hop)", got)
			}
		})
	}
}
