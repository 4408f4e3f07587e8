package alerts

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/advosearch/advosearch/index"
)

func TestStore_PercolateBatch_runsAlertsAsSearches(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "alerts.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	near, err := s.Create(ctx, Alert{Name: "CCHR threats", Query: `"Hun Sen CCHR"~10`})
	if err != nil {
		t.Fatal(err)
	}
	filtered, err := s.Create(ctx, Alert{Name: "LICADHO since 2017", Query: "detained", Sources: []string{"LICADHO"},
		From: time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	batch := []index.Statement{
		{ID: "a", Title: "a", Body: "Hun Sen ordered the closure of CCHR.", Source: "Amnesty International"},
		{ID: "b", Title: "b", Body: "Hun Sen spoke. Much later, in another matter entirely, after many other words were said about land, the CCHR replied.", Source: "ISHR"},
		{ID: "c", Title: "c", Body: "Activists were detained.", Source: "LICADHO", Published: day("2018-03-01")},
		{ID: "d", Title: "d", Body: "Activists were detained.", Source: "LICADHO", Published: day("2016-03-01")},
		{ID: "e", Title: "e", Body: "Activists were detained.", Source: "ADHOC", Published: day("2018-03-01")},
	}
	n, err := s.PercolateBatch(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Errorf("%d new matches, want 2", n)
	}
	for _, tt := range []struct {
		alert Alert
		want  string
	}{{near, "a"}, {filtered, "c"}} {
		ms, _, err := s.Matches(ctx, tt.alert.ID, 0, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(ms) != 1 || ms[0].StatementID != tt.want {
			t.Errorf("%s: matches %+v, want only %s", tt.alert.Name, ms, tt.want)
		}
	}
	if n, err := s.PercolateBatch(ctx, batch); err != nil || n != 0 {
		t.Errorf("the same batch again: %d new matches, err %v; want 0", n, err)
	}
}
