package feeds_test

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/advosearch/advosearch/feeds"
)

func TestFetcher_Poll_conditionalGET(t *testing.T) {
	var version atomic.Int32
	version.Store(1)
	var sawINM, sawIMS atomic.Value
	const lastMod = "Tue, 03 Mar 2026 09:12:00 GMT"
	var base string
	srv, hits := server(t, func(w http.ResponseWriter, r *http.Request) {
		etag := fmt.Sprintf(`"v%d"`, version.Load())
		sawINM.Store(r.Header.Get("If-None-Match"))
		sawIMS.Store(r.Header.Get("If-Modified-Since"))
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		body := testdata(t, "rss.xml", base)
		if version.Load() == 2 {
			body = strings.Replace(body, "<item>", `<item>
    <title>Myanmar: Stop air strikes on civilians</title>
    <link>`+base+`/en/statements/2026/03/myanmar-air-strikes/</link>
    <guid isPermaLink="false">rmi-statement-4830</guid>
    <pubDate>Wed, 04 Mar 2026 07:00:00 +0000</pubDate>
    <description>Air strikes on villages in Sagaing must stop.</description>
  </item>
  <item>`, 1)
		}
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lastMod)
		fmt.Fprint(w, body)
	})
	base = srv.URL
	f := newFetcher(newClock(), feeds.Options{})
	ctx := context.Background()
	feedURL := srv.URL + "/rss.xml"

	items, st, err := f.Poll(ctx, feedURL, feeds.State{})
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 3 {
		t.Fatalf("first poll: got %d items, want 3", len(items))
	}
	if got := sawINM.Load(); got != "" {
		t.Errorf("first poll sent If-None-Match %q, want none", got)
	}
	if st.ETag != `"v1"` || st.LastModified != lastMod {
		t.Errorf("state validators: got %q %q, want %q %q", st.ETag, st.LastModified, `"v1"`, lastMod)
	}
	wantSeen := []string{"rmi-statement-4821", "rmi-statement-4817", "rmi-statement-4809"}
	if !slices.Equal(st.Seen, wantSeen) {
		t.Errorf("seen: got %v, want %v", st.Seen, wantSeen)
	}

	// Unchanged: the validators go back and the server answers 304.
	items, st2, err := f.Poll(ctx, feedURL, st)
	if err != nil {
		t.Fatal(err)
	}
	if got := sawINM.Load(); got != `"v1"` {
		t.Errorf("If-None-Match: got %q, want %q", got, `"v1"`)
	}
	if got := sawIMS.Load(); got != lastMod {
		t.Errorf("If-Modified-Since: got %q, want %q", got, lastMod)
	}
	if len(items) != 0 {
		t.Errorf("after 304: got %d items, want 0", len(items))
	}
	if st2.ETag != st.ETag || st2.LastModified != st.LastModified || !slices.Equal(st2.Seen, st.Seen) {
		t.Errorf("after 304: state changed from %+v to %+v", st, st2)
	}

	// Changed: only the new item comes back.
	version.Store(2)
	items, st3, err := f.Poll(ctx, feedURL, st2)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 || items[0].GUID != "rmi-statement-4830" {
		t.Fatalf("after change: got %+v, want only rmi-statement-4830", items)
	}
	if st3.ETag != `"v2"` || len(st3.Seen) != 4 || st3.Seen[0] != "rmi-statement-4830" {
		t.Errorf("after change: got state %+v", st3)
	}
	if got := hits.get("/rss.xml"); got != 3 {
		t.Errorf("feed requests: got %d, want 3", got)
	}
}

func TestFetcher_Poll_formats(t *testing.T) {
	var base string
	srv, _ := server(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/rss.xml":
			fmt.Fprint(w, testdata(t, "rss.xml", base))
		case "/atom.xml":
			w.Header().Set("Content-Type", "application/atom+xml")
			fmt.Fprint(w, testdata(t, "atom.xml", base))
		case "/feed.json":
			w.Header().Set("Content-Type", "application/feed+json")
			fmt.Fprint(w, testdata(t, "feed.json", base))
		case "/page.html":
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, "<html><body><p>not a feed</p></body></html>")
		}
	})
	base = srv.URL
	f := newFetcher(newClock(), feeds.Options{})
	ctx := context.Background()

	t.Run("RSS", func(t *testing.T) {
		items, _, err := f.Poll(ctx, srv.URL+"/rss.xml", feeds.State{})
		if err != nil {
			t.Fatal(err)
		}
		if len(items) != 3 {
			t.Fatalf("got %d items, want 3", len(items))
		}
		first := items[0]
		if first.Title != "Sri Lanka: Repeal the Prevention of Terrorism Act now" {
			t.Errorf("title: got %q", first.Title)
		}
		if !strings.Contains(first.Content, "<strong>Rights Monitor International</strong>") {
			t.Errorf("content: got %q, want content:encoded", first.Content)
		}
		if want := time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC); !first.Published.Equal(want) {
			t.Errorf("published: got %v, want %v", first.Published, want)
		}
		if !strings.Contains(items[1].Content, "undersigned organisations") {
			t.Errorf("description fallback: got %q", items[1].Content)
		}
		if want := srv.URL + "/en/statements/2026/02/mexico-jalisco-disappearances/"; items[2].Link != want {
			t.Errorf("relative link: got %q, want %q", items[2].Link, want)
		}
	})
	t.Run("Atom", func(t *testing.T) {
		items, _, err := f.Poll(ctx, srv.URL+"/atom.xml", feeds.State{})
		if err != nil {
			t.Fatal(err)
		}
		if len(items) != 2 {
			t.Fatalf("got %d items, want 2", len(items))
		}
		if items[0].GUID != "tag:civicspace.example,2026:press/eritrea-mandate" || items[0].Link != srv.URL+"/press/2026/eritrea-mandate" {
			t.Errorf("first entry: got %q %q", items[0].GUID, items[0].Link)
		}
		if !strings.Contains(items[0].Content, "<p>Geneva, 2 March 2026") {
			t.Errorf("content: got %q", items[0].Content)
		}
		// No <published>: the update date stands in.
		if want := time.Date(2026, 2, 20, 8, 0, 0, 0, time.UTC); !items[1].Published.Equal(want) {
			t.Errorf("published: got %v, want %v", items[1].Published, want)
		}
	})
	t.Run("JSONFeed", func(t *testing.T) {
		items, _, err := f.Poll(ctx, srv.URL+"/feed.json", feeds.State{})
		if err != nil {
			t.Fatal(err)
		}
		if len(items) != 1 || items[0].GUID != "drw-2026-011" || items[0].Link != srv.URL+"/statements/internet-shutdown-ethiopia" {
			t.Fatalf("got %+v", items)
		}
	})
	t.Run("NotAFeed", func(t *testing.T) {
		if _, _, err := f.Poll(ctx, srv.URL+"/page.html", feeds.State{}); err == nil {
			t.Fatal("got no error for an HTML page, want a parse error")
		}
	})
}

func TestFetcher_Poll_seenBounded(t *testing.T) {
	var base string
	srv, _ := server(t, func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, testdata(t, "rss.xml", base))
	})
	base = srv.URL
	f := newFetcher(newClock(), feeds.Options{})
	var old feeds.State
	for i := range feeds.MaxSeen {
		old.Seen = append(old.Seen, fmt.Sprintf("old-%d", i))
	}
	old.Seen[500] = "rmi-statement-4817" // already seen, still in the feed
	items, next, err := f.Poll(context.Background(), srv.URL+"/rss.xml", old)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 2 {
		t.Errorf("got %d new items, want 2", len(items))
	}
	if len(next.Seen) != feeds.MaxSeen {
		t.Errorf("seen: got %d keys, want %d", len(next.Seen), feeds.MaxSeen)
	}
	want := []string{"rmi-statement-4821", "rmi-statement-4817", "rmi-statement-4809", "old-0"}
	if !slices.Equal(next.Seen[:4], want) {
		t.Errorf("seen starts %v, want %v", next.Seen[:4], want)
	}
	if slices.Contains(next.Seen, "old-999") {
		t.Error("seen kept the oldest key, want it dropped")
	}
}
