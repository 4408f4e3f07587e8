package alerts_test

import (
	"context"
	"slices"
	"testing"

	"github.com/advosearch/advosearch/alerts"
	"github.com/advosearch/advosearch/index"
)

func TestStore_MarkDeleted(t *testing.T) {
	ctx := context.Background()
	s, _ := openStore(t, newClock())
	cambodia := mustCreate(t, s, alerts.Alert{Name: "Cambodia", Query: "cambodia"})
	land := mustCreate(t, s, alerts.Alert{Name: "Land", Query: "land"})
	stmts := []index.Statement{
		{ID: "a", Title: "Cambodia: land activists detained", Hash: "ha"},
		{ID: "b", Title: "Cambodia: blogger freed", Hash: "hb"},
		{ID: "c", Title: "Land dispute in Koh Kong", Hash: "hc"},
	}
	m := &titleMatcher{}
	if _, err := s.Percolate(ctx, m, stmts); err != nil {
		t.Fatal(err)
	}

	n, err := s.MarkDeleted(ctx, []string{"a", "unknown"})
	if err != nil || n != 2 {
		t.Fatalf("MarkDeleted = %d, %v; want 2 (a in both alerts)", n, err)
	}
	if n, err := s.MarkDeleted(ctx, []string{"a"}); err != nil || n != 0 {
		t.Errorf("MarkDeleted again = %d, %v; want 0", n, err)
	}

	// The log keeps the match, under its cursor, marked.
	ms, _, err := s.Matches(ctx, cambodia.ID, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	var deleted []string
	for _, m := range ms {
		if m.Deleted {
			deleted = append(deleted, m.StatementID)
		}
	}
	if len(ms) != 2 || !slices.Equal(deleted, []string{"a"}) || ms[0].Cursor != 1 {
		t.Errorf("matches %+v: want a (cursor 1, deleted) and b", ms)
	}
	if n, _ := s.MatchCount(ctx, land.ID); n != 2 {
		t.Errorf("MatchCount = %d, want 2: a deleted match still matched", n)
	}

	// The feed leaves it out.
	for alertID, want := range map[string][]string{cambodia.ID: {"b"}, land.ID: {"c"}} {
		f, err := s.Feed(ctx, alertID, "https://advosearch.example", 0)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range f.Entries {
			got = append(got, e.ID[len(alerts.TagPrefix+"statement/"):])
		}
		if !slices.Equal(got, want) {
			t.Errorf("feed of alert %s: %v, want %v", alertID, got, want)
		}
	}

	// Back, changed: a new match, with a new cursor.
	back := index.Statement{ID: "a", Title: "Cambodia: land activists released", Hash: "ha2"}
	if n, err := s.Percolate(ctx, m, []index.Statement{back}); err != nil || n != 2 {
		t.Errorf("Percolate of the statement back = %d, %v; want 2 new matches", n, err)
	}
	ms, _, err = s.Matches(ctx, cambodia.ID, 2, 10)
	if err != nil || len(ms) != 1 || ms[0].StatementID != "a" || ms[0].Cursor != 3 || ms[0].Deleted {
		t.Errorf("matches after 2 = %+v, %v; want a, cursor 3, not deleted", ms, err)
	}
}
