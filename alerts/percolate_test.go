package alerts_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/advosearch/advosearch/alerts"
	"github.com/advosearch/advosearch/index"
)

func TestStore_Percolate_recordsOnce(t *testing.T) {
	ctx := context.Background()
	c := newClock()
	s, _ := openStore(t, c)
	myanmar := mustCreate(t, s, alerts.Alert{Name: "Myanmar", Query: "myanmar"})
	sudan := mustCreate(t, s, alerts.Alert{Name: "Sudan", Query: "sudan"})
	stmts := batch(t)

	if n := mustPercolate(t, s, stmts); n != 3 {
		t.Errorf("first Percolate: got %d new matches, want 3", n)
	}
	// The same batch again, as after a crash between indexing and
	// percolating, or a re-index of unchanged files.
	c.Advance(time.Minute)
	if n := mustPercolate(t, s, stmts); n != 0 {
		t.Errorf("second Percolate: got %d new matches, want 0", n)
	}
	// One statement twice in one batch.
	if n := mustPercolate(t, s, []index.Statement{stmts[0], stmts[0]}); n != 0 {
		t.Errorf("repeated statement: got %d new matches, want 0", n)
	}

	ms, next, err := s.Matches(ctx, myanmar.ID, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	want := []alerts.Match{
		{Cursor: 1, StatementID: stmts[0].ID, Title: stmts[0].Title, Source: stmts[0].Source, URL: stmts[0].URL,
			Published: stmts[0].Published, Matched: newClock().Now()},
		{Cursor: 2, StatementID: stmts[2].ID, Title: stmts[2].Title, Source: stmts[2].Source, Matched: newClock().Now()},
	}
	if !reflect.DeepEqual(ms, want) {
		t.Errorf("Matches:\ngot  %+v\nwant %+v", ms, want)
	}
	if next != 2 {
		t.Errorf("next: got %d, want 2", next)
	}
	// Each alert has its own cursor.
	ms, _, err = s.Matches(ctx, sudan.ID, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 1 || ms[0].Cursor != 1 || ms[0].StatementID != stmts[1].ID {
		t.Errorf("Sudan matches: got %+v, want %s at cursor 1", ms, stmts[1].ID)
	}
}

func TestStore_Percolate_changedStatement(t *testing.T) {
	ctx := context.Background()
	s, _ := openStore(t, newClock())
	a := mustCreate(t, s, alerts.Alert{Name: "Myanmar", Query: "myanmar"})
	stmts := batch(t)
	mustPercolate(t, s, stmts)

	// A matched statement changed (new text, new Hash) is not news to the
	// alert: no second match, and the snapshot stays as first seen.
	changed := stmts[0]
	changed.Title = "Myanmar: end air strikes on civilians (updated)"
	changed.Hash = "h1-v2"
	if n := mustPercolate(t, s, []index.Statement{changed}); n != 0 {
		t.Errorf("changed matched statement: got %d new matches, want 0", n)
	}
	// A statement that did not match, changed so that it does, is new.
	belarus := stmts[3]
	belarus.Title = "Belarus and Myanmar: release the detained lawyers"
	belarus.Hash = "h4-v2"
	if n := mustPercolate(t, s, []index.Statement{belarus}); n != 1 {
		t.Errorf("statement that now matches: got %d new matches, want 1", n)
	}

	ms, _, err := s.Matches(ctx, a.ID, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := matchIDs(ms), []string{stmts[0].ID, stmts[2].ID, belarus.ID}; !reflect.DeepEqual(got, want) {
		t.Errorf("matches: got %q, want %q", got, want)
	}
	if ms[0].Title != stmts[0].Title {
		t.Errorf("snapshot title: got %q, want the first-seen %q", ms[0].Title, stmts[0].Title)
	}
	if ms[2].Cursor != 3 {
		t.Errorf("cursor of the new match: got %d, want 3", ms[2].Cursor)
	}
}

func TestStore_Matches_paging(t *testing.T) {
	ctx := context.Background()
	s, _ := openStore(t, newClock())
	a := mustCreate(t, s, alerts.Alert{Name: "Reports", Query: "report"})
	var stmts []index.Statement
	for i := 1; i <= 5; i++ {
		stmts = append(stmts, index.Statement{ID: fmt.Sprintf("s%d", i), Title: fmt.Sprintf("Report %d", i)})
	}
	// Two batches: cursors continue across them.
	mustPercolate(t, s, stmts[:3])
	mustPercolate(t, s, stmts[3:])

	var pages [][]string
	var after uint64
	for range 5 {
		ms, next, err := s.Matches(ctx, a.ID, after, 2)
		if err != nil {
			t.Fatal(err)
		}
		if len(ms) == 0 {
			if next != after {
				t.Errorf("empty page: got next %d, want %d", next, after)
			}
			break
		}
		for i, m := range ms {
			if m.Cursor <= after || (i > 0 && m.Cursor != ms[i-1].Cursor+1) {
				t.Errorf("cursor %d after %d: not increasing by one", m.Cursor, after)
			}
		}
		if next != ms[len(ms)-1].Cursor {
			t.Errorf("next: got %d, want the last cursor %d", next, ms[len(ms)-1].Cursor)
		}
		pages = append(pages, matchIDs(ms))
		after = next
	}
	want := [][]string{{"s1", "s2"}, {"s3", "s4"}, {"s5"}}
	if !reflect.DeepEqual(pages, want) {
		t.Errorf("pages: got %q, want %q", pages, want)
	}

	for _, limit := range []int{0, -1, alerts.MaxMatchesLimit + 1} {
		if _, _, err := s.Matches(ctx, a.ID, 0, limit); !errors.Is(err, alerts.ErrInvalid) {
			t.Errorf("limit %d: got %v, want ErrInvalid", limit, err)
		}
	}
	if _, _, err := s.Matches(ctx, "42", 0, 10); !errors.Is(err, alerts.ErrNotFound) {
		t.Errorf("unknown alert: got %v, want ErrNotFound", err)
	}
	if ms, next, err := s.Matches(ctx, a.ID, ^uint64(0), 10); err != nil || len(ms) != 0 || next != ^uint64(0) {
		t.Errorf("after the largest cursor: got %d matches, next %d, err %v; want none", len(ms), next, err)
	}
}

func TestStore_Percolate_enqueuesDeliveries(t *testing.T) {
	ctx := context.Background()
	c := newClock()
	s, _ := openStore(t, c)
	hooked := mustCreate(t, s, alerts.Alert{Name: "Myanmar", Query: "myanmar", WebhookURL: "https://monitor.example/hook"})
	mustCreate(t, s, alerts.Alert{Name: "Sudan, polled", Query: "sudan"})
	mustCreate(t, s, alerts.Alert{Name: "Nothing", Query: "antarctica", WebhookURL: "https://monitor.example/none"})

	mustPercolate(t, s, batch(t))
	mustPercolate(t, s, batch(t)) // nothing new: no second delivery

	out, err := s.Outbox(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 1 {
		t.Fatalf("outbox: got %d deliveries, want 1 (one per alert with a webhook and new matches)", len(out))
	}
	d := out[0]
	if d.AlertID != hooked.ID || d.URL != hooked.WebhookURL || d.Matches != 2 || d.Dead || d.Attempts != 0 {
		t.Errorf("delivery: got %+v", d)
	}
	if !d.NextAttempt.Equal(c.Now()) {
		t.Errorf("NextAttempt: got %v, want now (%v)", d.NextAttempt, c.Now())
	}
	var p alerts.WebhookPayload
	if err := json.Unmarshal(d.Body, &p); err != nil {
		t.Fatal(err)
	}
	if p.DeliveryID != d.ID || p.Alert.ID != hooked.ID || p.Alert.Name != "Myanmar" {
		t.Errorf("payload header: got %+v, want delivery %s of alert %s", p, d.ID, hooked.ID)
	}
	ms, _, err := s.Matches(ctx, hooked.ID, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(p.Matches, ms) {
		t.Errorf("payload matches:\ngot  %+v\nwant %+v", p.Matches, ms)
	}
}

// failingMatcher fails for one alert.
type failingMatcher struct {
	titleMatcher
	failFor string
}

var errMatcher = errors.New("matcher broke")

func (m *failingMatcher) Match(ctx context.Context, a alerts.Alert, stmts []index.Statement) ([]string, error) {
	if a.ID == m.failFor {
		return nil, errMatcher
	}
	return m.titleMatcher.Match(ctx, a, stmts)
}

func TestStore_Percolate_allOrNothing(t *testing.T) {
	ctx := context.Background()
	s, _ := openStore(t, newClock())
	first := mustCreate(t, s, alerts.Alert{Name: "Myanmar", Query: "myanmar", WebhookURL: "https://monitor.example/hook"})
	second := mustCreate(t, s, alerts.Alert{Name: "Sudan", Query: "sudan"})

	_, err := s.Percolate(ctx, &failingMatcher{failFor: second.ID}, batch(t))
	if !errors.Is(err, errMatcher) {
		t.Fatalf("got %v, want the matcher's error", err)
	}
	ms, _, err := s.Matches(ctx, first.ID, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	out, err := s.Outbox(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 0 || len(out) != 0 {
		t.Errorf("after a failed batch: got %d matches and %d deliveries, want none", len(ms), len(out))
	}
	// The retry records everything once.
	if n := mustPercolate(t, s, batch(t)); n != 3 {
		t.Errorf("retry: got %d new matches, want 3", n)
	}
}

// strayMatcher returns an ID that is not in the batch.
type strayMatcher struct{}

func (strayMatcher) Match(context.Context, alerts.Alert, []index.Statement) ([]string, error) {
	return []string{"not-in-batch"}, nil
}

func TestStore_Percolate_strayID(t *testing.T) {
	s, _ := openStore(t, newClock())
	mustCreate(t, s, alerts.Alert{Name: "Any"})
	if _, err := s.Percolate(context.Background(), strayMatcher{}, batch(t)); err == nil {
		t.Error("got nil error for a statement ID outside the batch")
	}
}

func TestStore_MatchCount(t *testing.T) {
	ctx := context.Background()
	s, _ := openStore(t, newClock())
	a := mustCreate(t, s, alerts.Alert{Name: "Reports", Query: "report"})
	other := mustCreate(t, s, alerts.Alert{Name: "Nothing", Query: "zanzibar"})
	if n, err := s.MatchCount(ctx, a.ID); err != nil || n != 0 {
		t.Fatalf("before any batch: %d, %v; want 0", n, err)
	}
	var stmts []index.Statement
	for i := 1; i <= 5; i++ {
		stmts = append(stmts, index.Statement{ID: fmt.Sprintf("s%d", i), Title: fmt.Sprintf("Report %d", i)})
	}
	mustPercolate(t, s, stmts[:3])
	mustPercolate(t, s, stmts[3:])
	if n, err := s.MatchCount(ctx, a.ID); err != nil || n != 5 {
		t.Errorf("after two batches: %d, %v; want 5", n, err)
	}
	if n, err := s.MatchCount(ctx, other.ID); err != nil || n != 0 {
		t.Errorf("alert nothing matched: %d, %v; want 0", n, err)
	}
	if _, err := s.MatchCount(ctx, "no-such-alert"); !errors.Is(err, alerts.ErrNotFound) {
		t.Errorf("unknown alert: %v, want ErrNotFound", err)
	}
}
