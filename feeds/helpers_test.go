package feeds_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/advosearch/advosearch/feeds"
)

// fakeClock stands in for time: Sleep advances it instead of waiting, and
// records how long it was asked to wait.
type fakeClock struct {
	mu    sync.Mutex
	now   time.Time
	slept []time.Duration
}

func newClock() *fakeClock {
	return &fakeClock{now: time.Date(2026, 3, 4, 12, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	c.slept = append(c.slept, d)
	return ctx.Err()
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

func (c *fakeClock) Slept() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]time.Duration(nil), c.slept...)
}

// newFetcher returns a Fetcher that may reach httptest servers and never
// really sleeps.
func newFetcher(c *fakeClock, opts feeds.Options) *feeds.Fetcher {
	opts.AllowPrivate = true
	opts.Now = c.Now
	opts.Sleep = c.Sleep
	return feeds.NewFetcher(opts)
}

// hits counts requests per path.
type hits struct {
	mu sync.Mutex
	n  map[string]int
}

func (h *hits) add(p string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.n == nil {
		h.n = make(map[string]int)
	}
	h.n[p]++
}

func (h *hits) get(p string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.n[p]
}

// server starts an httptest server whose handler h is wrapped to count
// requests per path.
func server(t *testing.T, h http.HandlerFunc) (*httptest.Server, *hits) {
	t.Helper()
	var c hits
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c.add(r.URL.Path)
		h(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, &c
}

// testdata reads a file of testdata/ with {{BASE}} replaced by base.
func testdata(t *testing.T, name, base string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return strings.ReplaceAll(string(b), "{{BASE}}", base)
}

// idFor is the ID contract: the first 8 bytes of SHA-256 of the URL, hex.
func idFor(u string) string {
	sum := sha256.Sum256([]byte(u))
	return hex.EncodeToString(sum[:8])
}
