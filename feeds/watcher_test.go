package feeds_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/advosearch/advosearch/corpus"
	"github.com/advosearch/advosearch/feeds"
)

// ngoSite serves an RSS feed, an Atom feed, a broken feed and the item
// pages, with ETags; the Kenya page fails.
func ngoSite(t *testing.T) (base string, hits *hits) {
	t.Helper()
	srv, hits := server(t, func(w http.ResponseWriter, r *http.Request) {
		serveFeed := func(name, ctype string) {
			etag := `"` + name + `-1"`
			if r.Header.Get("If-None-Match") == etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("Content-Type", ctype)
			w.Header().Set("ETag", etag)
			fmt.Fprint(w, testdata(t, name, base))
		}
		switch {
		case r.URL.Path == "/robots.txt":
			http.NotFound(w, r)
		case r.URL.Path == "/rss.xml":
			serveFeed("rss.xml", "application/rss+xml")
		case r.URL.Path == "/atom.xml":
			serveFeed("atom.xml", "application/atom+xml")
		case r.URL.Path == "/broken.xml":
			http.Error(w, "internal error", http.StatusInternalServerError)
		case r.URL.Path == "/press/2026/kenya-protesters":
			http.Error(w, "bad gateway", http.StatusBadGateway)
		default:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, "<html><head><title>%s</title></head><body><article><p>Full statement.</p></article></body></html>", r.URL.Path)
		}
	})
	base = srv.URL
	return base, hits
}

// recorder is an emit func that keeps what it was given, and fails while
// fail is set.
type recorder struct {
	mu   sync.Mutex
	docs []corpus.Document
	fail atomic.Bool
}

func (r *recorder) emit(_ context.Context, docs []corpus.Document) error {
	if r.fail.Load() {
		return errors.New("index unavailable")
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.docs = append(r.docs, docs...)
	return nil
}

func (r *recorder) take() []corpus.Document {
	r.mu.Lock()
	defer r.mu.Unlock()
	d := r.docs
	r.docs = nil
	slices.SortFunc(d, func(a, b corpus.Document) int { return strings.Compare(a.Name, b.Name) })
	return d
}

func names(docs []corpus.Document) []string {
	var n []string
	for _, d := range docs {
		n = append(n, d.Name)
	}
	return n
}

func writeFeedsFile(t *testing.T, dir, base string) string {
	t.Helper()
	path := filepath.Join(dir, "feeds.txt")
	content := "# NGO feeds\n" + base + "/rss.xml\n\n  " + base + "/atom.xml  \n" + base + "/broken.xml\n# " + base + "/commented-out.xml\nnot a url\n"
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestWatcher_RunOnce(t *testing.T) {
	base, hits := ngoSite(t)
	dir := t.TempDir()
	feedsFile := writeFeedsFile(t, dir, base)
	statePath := filepath.Join(dir, "state.json")
	var rec recorder
	w := feeds.NewWatcher(newFetcher(newClock(), feeds.Options{}), feedsFile, statePath, rec.emit, feeds.WatchOptions{})
	ctx := context.Background()

	sum, err := w.RunOnce(ctx)
	if err != nil {
		t.Fatal(err)
	}
	docs := rec.take()
	wantNames := []string{
		base + "/en/statements/2026/02/belarus-journalists/",
		base + "/en/statements/2026/02/mexico-jalisco-disappearances/",
		base + "/en/statements/2026/03/sri-lanka-repeal-pta/",
		base + "/press/2026/eritrea-mandate",
		base + "/press/2026/kenya-protesters",
	}
	if got := names(docs); !slices.Equal(got, wantNames) {
		t.Fatalf("emitted %v, want %v", got, wantNames)
	}
	for _, d := range docs {
		if d.ID != idFor(d.Name) || d.ContentType != corpus.TypeHTML || len(d.Body) == 0 {
			t.Errorf("%s: got ID %q type %q, want ID %q, HTML, a body", d.Name, d.ID, d.ContentType, idFor(d.Name))
		}
	}
	// The Kenya page failed: its document is built from the entry itself.
	kenya := string(docs[4].Body)
	for _, want := range []string{
		"<title>Kenya: Drop charges against peaceful protesters</title>",
		`<meta property="og:url" content="` + base + `/press/2026/kenya-protesters">`,
		`<meta property="article:published_time" content="2026-02-20T08:00:00Z">`,
		"<article>",
		"criminalise the right to assemble",
	} {
		if !strings.Contains(kenya, want) {
			t.Errorf("fallback document lacks %q:\n%s", want, kenya)
		}
	}
	if strings.Contains(string(docs[0].Body), "<meta property") {
		t.Errorf("fetched page looks like a fallback: %s", docs[0].Body)
	}

	wantSum := feeds.Summary{Feeds: 3, NewItems: 5, Pages: 4, Fallbacks: 1, Emitted: 5}
	gotErrs := sum.Errors
	sum.Errors = nil
	if !reflect.DeepEqual(sum, wantSum) {
		t.Errorf("summary: got %+v, want %+v", sum, wantSum)
	}
	if len(gotErrs) != 2 || gotErrs[base+"/broken.xml"] == nil || gotErrs[feedsFile+":7"] == nil {
		t.Errorf("errors: got %v, want the broken feed and line 7", gotErrs)
	}

	states, err := feeds.LoadState(statePath)
	if err != nil {
		t.Fatal(err)
	}
	if st := states[base+"/rss.xml"]; st.ETag != `"rss.xml-1"` || len(st.Seen) != 3 {
		t.Errorf("RSS state: got %+v", st)
	}
	if st := states[base+"/atom.xml"]; st.ETag != `"atom.xml-1"` || len(st.Seen) != 2 {
		t.Errorf("Atom state: got %+v", st)
	}
	if _, ok := states[base+"/broken.xml"]; ok {
		t.Error("broken feed has a state, want none")
	}

	// Second round: both feeds answer 304, nothing is emitted or fetched.
	pages := hits.get("/press/2026/eritrea-mandate")
	sum, err = w.RunOnce(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if docs := rec.take(); len(docs) != 0 {
		t.Errorf("second round emitted %v, want nothing", names(docs))
	}
	if sum.NotModified != 2 || sum.NewItems != 0 || sum.Feeds != 3 {
		t.Errorf("second round: got %+v, want 3 feeds, 2 not modified, 0 new", sum)
	}
	if got := hits.get("/press/2026/eritrea-mandate"); got != pages {
		t.Errorf("page fetched again in the second round (%d → %d)", pages, got)
	}
}

func TestWatcher_RunOnce_emitFails(t *testing.T) {
	base, _ := ngoSite(t)
	dir := t.TempDir()
	feedsFile := writeFeedsFile(t, dir, base)
	statePath := filepath.Join(dir, "state.json")
	var rec recorder
	rec.fail.Store(true)
	w := feeds.NewWatcher(newFetcher(newClock(), feeds.Options{}), feedsFile, statePath, rec.emit, feeds.WatchOptions{Workers: 1})
	ctx := context.Background()

	sum, err := w.RunOnce(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Emitted != 0 || sum.Errors[base+"/rss.xml"] == nil || sum.Errors[base+"/atom.xml"] == nil {
		t.Errorf("failing emit: got %+v, want errors for both feeds", sum)
	}
	states, err := feeds.LoadState(statePath)
	if err != nil {
		t.Fatal(err)
	}
	if len(states) != 0 {
		t.Errorf("state advanced despite emit failing: %v", states)
	}

	rec.fail.Store(false)
	if _, err := w.RunOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if got := rec.take(); len(got) != 5 || got[0].ID != idFor(base+"/en/statements/2026/02/belarus-journalists/") {
		t.Errorf("after emit recovered: got %v, want the same 5 documents", names(got))
	}
}

func TestWatcher_RunOnce_missingFeedsFile(t *testing.T) {
	dir := t.TempDir()
	var rec recorder
	w := feeds.NewWatcher(newFetcher(newClock(), feeds.Options{}), filepath.Join(dir, "nope.txt"), filepath.Join(dir, "state.json"), rec.emit, feeds.WatchOptions{})
	if _, err := w.RunOnce(context.Background()); err == nil {
		t.Error("missing feeds file: got no error")
	}
	if err := w.Run(context.Background(), time.Minute); err == nil {
		t.Error("Run with a missing feeds file: got no error, want it at once")
	}
}

func TestWatcher_Run(t *testing.T) {
	base, hits := ngoSite(t)
	dir := t.TempDir()
	feedsFile := writeFeedsFile(t, dir, base)
	c := newClock()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var rounds []feeds.Summary
	var rec recorder
	w := feeds.NewWatcher(newFetcher(c, feeds.Options{}), feedsFile, filepath.Join(dir, "state.json"), rec.emit, feeds.WatchOptions{
		Report: func(s feeds.Summary, err error) {
			rounds = append(rounds, s)
			if err != nil {
				t.Errorf("round %d: %v", len(rounds), err)
			}
			if len(rounds) == 3 {
				cancel()
			}
		},
	})
	if err := w.Run(ctx, 15*time.Minute); !errors.Is(err, context.Canceled) {
		t.Errorf("Run: got %v, want context.Canceled", err)
	}
	if len(rounds) != 3 || rounds[0].Emitted != 5 || rounds[1].Emitted != 0 {
		t.Errorf("rounds: got %+v", rounds)
	}
	if got := hits.get("/rss.xml"); got != 3 {
		t.Errorf("feed polled %d times, want 3", got)
	}
	if !slices.Contains(c.Slept(), 15*time.Minute) {
		t.Errorf("sleeps %v, want the 15m interval among them", c.Slept())
	}
}
