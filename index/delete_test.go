package index_test

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"testing"

	"github.com/advosearch/advosearch/index"
	"github.com/blevesearch/bleve/v2"
)

func openTemp(t *testing.T) *index.Index {
	t.Helper()
	ix, err := index.Open(filepath.Join(t.TempDir(), "index"), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

func countKind(t *testing.T, ix *index.Index, kind string) uint64 {
	t.Helper()
	res, err := ix.Search(context.Background(), bleve.NewSearchRequestOptions(index.KindQuery(kind), 0, 0, false))
	if err != nil {
		t.Fatal(err)
	}
	return res.Total
}

func TestIndex_Delete(t *testing.T) {
	ctx := context.Background()
	ix := openTemp(t)
	quoted := index.Statement{
		ID: "s1", Title: "Release the blogger", Body: "“We demand his release now,” said Sok Chea.",
		Organizations: []string{"LICADHO"}, Hash: "h1",
		Quotes: []index.Quote{{Text: "We demand his release now", Speaker: "Sok Chea"}},
	}
	other := index.Statement{ID: "s2", Title: "Land", Body: "Villagers lost their land.", Hash: "h2"}
	if err := ix.Write([]index.Statement{quoted, other}, nil); err != nil {
		t.Fatal(err)
	}

	got, err := ix.Delete(ctx, []string{"s1", "unknown", "s1", "s2#q1"})
	if err != nil || !slices.Equal(got, []string{"s1"}) {
		t.Fatalf("Delete = %v, %v; want [s1]", got, err)
	}
	if n, _ := ix.Count(); n != 1 {
		t.Errorf("Count = %d, want 1", n)
	}
	if n := countKind(t, ix, index.KindQuote); n != 0 {
		t.Errorf("%d quotes left, want the deleted statement's gone", n)
	}
	if _, err := ix.Statement(ctx, "s1"); !errors.Is(err, index.ErrNotFound) {
		t.Errorf("Statement(s1) err = %v, want ErrNotFound", err)
	}
	stored, err := ix.Lookup(ctx, []string{"s1", "s2", "unknown"})
	want := map[string]index.Stored{"s1": {Hash: "h1", Deleted: true}, "s2": {Hash: "h2"}}
	if err != nil || !maps.Equal(stored, want) {
		t.Errorf("Lookup = %v, %v; want %v", stored, err, want)
	}
	if h, _ := ix.Hashes(ctx, []string{"s1", "s2"}); !maps.Equal(h, map[string]string{"s2": "h2"}) {
		t.Errorf("Hashes = %v, want s2 only: a deleted statement has no content", h)
	}
	if n, _ := ix.CountDeleted(); n != 1 {
		t.Errorf("CountDeleted = %d, want 1", n)
	}

	t.Run("twice", func(t *testing.T) {
		if got, err := ix.Delete(ctx, []string{"s1"}); err != nil || len(got) != 0 {
			t.Errorf("second Delete = %v, %v; want nothing deleted", got, err)
		}
	})

	t.Run("written again, it is back", func(t *testing.T) {
		quoted.Hash = "h3"
		if err := ix.Write([]index.Statement{quoted}, nil); err != nil {
			t.Fatal(err)
		}
		if _, err := ix.Statement(ctx, "s1"); err != nil {
			t.Errorf("Statement(s1): %v", err)
		}
		if n, _ := ix.CountDeleted(); n != 0 {
			t.Errorf("CountDeleted = %d, want 0: the statement replaced its record", n)
		}
		if n := countKind(t, ix, index.KindQuote); n != 1 {
			t.Errorf("%d quotes, want 1", n)
		}
	})
}

func TestIndex_Statement_isNeverAQuoteOrADeletion(t *testing.T) {
	ix := openTemp(t)
	s := index.Statement{ID: "s", Title: "t", Body: "b", Quotes: []index.Quote{{Text: "four words quoted here"}}}
	if err := ix.Write([]index.Statement{s, {ID: "d", Title: "t", Body: "b"}}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Delete(context.Background(), []string{"d"}); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{index.QuoteID("s", 1), "d"} {
		if _, err := ix.Statement(context.Background(), id); !errors.Is(err, index.ErrNotFound) {
			t.Errorf("Statement(%s) err = %v, want ErrNotFound", id, err)
		}
	}
}

func TestIndex_Origins(t *testing.T) {
	ix := openTemp(t)
	origins := map[string]string{
		"file": "/data/a/x.txt", "rec1": "/data/a/b.jsonl:1", "rec2": "/data/a/b.jsonl:2",
		"sibling": "/data/ab/y.txt", "seed": "seed:z.txt", "gone": "/data/a/gone.txt",
	}
	var stmts []index.Statement
	for id, o := range origins {
		stmts = append(stmts, index.Statement{ID: id, Title: "t", Body: "b", Origin: o})
	}
	if err := ix.Write(stmts, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Delete(context.Background(), []string{"gone"}); err != nil {
		t.Fatal(err)
	}
	for prefix, ids := range map[string][]string{
		"/data/a/":        {"file", "rec1", "rec2"},
		"/data/a/b.jsonl": {"rec1", "rec2"},
		"/data/a/x.txt":   {"file"},
		"/elsewhere/":     nil,
	} {
		got, err := ix.Origins(context.Background(), prefix)
		if err != nil {
			t.Fatal(err)
		}
		if keys := slices.Sorted(maps.Keys(got)); !slices.Equal(keys, ids) {
			t.Errorf("Origins(%q) = %v, want %v", prefix, keys, ids)
		}
		for id, o := range got {
			if len(o) != 1 || o[0] != origins[id] {
				t.Errorf("Origins(%q)[%s] = %q, want %q", prefix, id, o, origins[id])
			}
		}
	}
}

func TestIndex_Deletions_readsPastOnePage(t *testing.T) {
	ix := openTemp(t)
	records := map[string]string{}
	for i := range 2500 {
		records[fmt.Sprintf("s%04d", i)] = fmt.Sprintf("h%d", i)
	}
	if err := ix.WriteDeletions(records); err != nil {
		t.Fatal(err)
	}
	got, err := ix.Deletions(context.Background())
	if err != nil || !maps.Equal(got, records) {
		t.Errorf("Deletions: %d records, %v; want %d", len(got), err, len(records))
	}
	if n, _ := ix.Count(); n != 0 {
		t.Errorf("Count = %d, want 0: a deletion is no statement", n)
	}
}
