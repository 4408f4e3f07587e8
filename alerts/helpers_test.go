package alerts_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/advosearch/advosearch/alerts"
	"github.com/advosearch/advosearch/index"
)

// clock is a fake clock that moves only when told.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock {
	return &clock{t: time.Date(2026, 3, 5, 9, 0, 0, 0, time.UTC)}
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// openStore opens a store in a new temporary folder and closes it at the end
// of the test.
func openStore(t *testing.T, c *clock) (*alerts.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "alerts.db")
	s, err := alerts.Open(path, alerts.Options{Clock: c.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	return s, path
}

// titleMatcher matches an alert whose query is a substring of a statement's
// title, ignoring case: a stand-in for the Bleve matcher that reads as the
// tests mean it. It counts its calls.
type titleMatcher struct {
	mu    sync.Mutex
	calls int
}

func (m *titleMatcher) Match(ctx context.Context, a alerts.Alert, stmts []index.Statement) ([]string, error) {
	m.mu.Lock()
	m.calls++
	m.mu.Unlock()
	var ids []string
	for _, st := range stmts {
		if strings.Contains(strings.ToLower(st.Title), strings.ToLower(a.Query)) {
			ids = append(ids, st.ID)
		}
	}
	return ids, nil
}

// batch reads testdata/batch.json: two of its four statements mention
// Myanmar in their title.
func batch(t *testing.T) []index.Statement {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "batch.json"))
	if err != nil {
		t.Fatal(err)
	}
	var stmts []index.Statement
	if err := json.Unmarshal(b, &stmts); err != nil {
		t.Fatal(err)
	}
	return stmts
}

func mustCreate(t *testing.T, s *alerts.Store, a alerts.Alert) alerts.Alert {
	t.Helper()
	a, err := s.Create(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func mustPercolate(t *testing.T, s *alerts.Store, stmts []index.Statement) int {
	t.Helper()
	n, err := s.Percolate(context.Background(), &titleMatcher{}, stmts)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func matchIDs(ms []alerts.Match) []string {
	var ids []string
	for _, m := range ms {
		ids = append(ids, m.StatementID)
	}
	return ids
}
