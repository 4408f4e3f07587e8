package indexer

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/advosearch/advosearch/corpus"
	"github.com/advosearch/advosearch/index"
)

// idsByOrigin maps the origin of each statement under dir to its ID.
func idsByOrigin(t *testing.T, ix *index.Index, dir string) map[string]string {
	t.Helper()
	origins, err := ix.Origins(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{}
	for id, os := range origins {
		for _, o := range os {
			ids[o] = id
		}
	}
	return ids
}

// hook records what BeforeDelete saw.
type hook struct{ calls [][]string }

func (h *hook) before(_ context.Context, ids []string) error {
	h.calls = append(h.calls, slices.Clone(ids))
	return nil
}

func (h *hook) all() []string {
	var ids []string
	for _, c := range h.calls {
		ids = append(ids, c...)
	}
	slices.Sort(ids)
	return ids
}

func TestIndexer_Delete_holdsUntilTheContentChanges(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	writeFile(t, a, "Retracted statement\n\nThe statement the organization withdrew.\n")
	writeFile(t, b, "Kept statement\n\nVillagers in Koh Kong lost their land.\n")
	ix := openIndex(t)
	h := &hook{}
	in, err := New(ix, Options{BeforeDelete: h.before})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := in.Files(ctx, []string{dir}); err != nil {
		t.Fatal(err)
	}
	id := idsByOrigin(t, ix, dir)[a]

	got, err := in.Delete(ctx, []string{id, "unknown"})
	if err != nil || !slices.Equal(got, []string{id}) {
		t.Fatalf("Delete = %v, %v; want [%s]", got, err, id)
	}
	if !slices.Equal(h.all(), []string{id}) {
		t.Errorf("BeforeDelete saw %v, want [%s]", h.calls, id)
	}
	if got, err := in.Delete(ctx, []string{id}); err != nil || len(got) != 0 || len(h.calls) != 1 {
		t.Errorf("second Delete = %v, %v, hook calls %d; want nothing, and no call", got, err, len(h.calls))
	}

	t.Run("a re-run passes it over", func(t *testing.T) {
		sum, err := in.Files(ctx, []string{dir})
		if err != nil {
			t.Fatal(err)
		}
		if sum.Indexed != 0 || sum.Unchanged != 1 || !slices.Equal(sum.Deleted, []string{a}) {
			t.Errorf("indexed %d, unchanged %d, deleted %v; want 0, 1, [%s]", sum.Indexed, sum.Unchanged, sum.Deleted, a)
		}
		if _, err := ix.Statement(ctx, id); !errors.Is(err, index.ErrNotFound) {
			t.Errorf("the deleted statement is back: %v", err)
		}
	})

	t.Run("a feed passes it over", func(t *testing.T) {
		body, err := os.ReadFile(a)
		if err != nil {
			t.Fatal(err)
		}
		// What a feed hands the indexer: the same ID and content.
		doc := corpus.Document{ID: id, Name: "https://example.org/feed/1", ContentType: corpus.TypeText, Body: body}
		sum, err := in.Documents(ctx, []corpus.Document{doc})
		if err != nil || sum.Indexed != 0 || len(sum.Deleted) != 1 {
			t.Errorf("indexed %d, deleted %v, %v; want 0 and one", sum.Indexed, sum.Deleted, err)
		}
	})

	t.Run("changed content brings it back", func(t *testing.T) {
		writeFile(t, a, "Corrected statement\n\nThe organization published a corrected statement.\n")
		sum, err := in.Files(ctx, []string{dir})
		if err != nil {
			t.Fatal(err)
		}
		if sum.Indexed != 1 || len(sum.Deleted) != 0 {
			t.Errorf("indexed %d, deleted %v; want 1 and none", sum.Indexed, sum.Deleted)
		}
		if s, err := ix.Statement(ctx, id); err != nil || s.Title != "Corrected statement" {
			t.Errorf("Statement = %q, %v; want the corrected statement", s.Title, err)
		}
	})
}

func TestIndexer_Prune(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	folder := filepath.Join(dir, "statements")
	a, b := filepath.Join(folder, "a.txt"), filepath.Join(folder, "sub", "b.html")
	jsonl := filepath.Join(folder, "batch.jsonl")
	large := filepath.Join(folder, "large.txt")
	outside := filepath.Join(dir, "elsewhere", "c.txt")
	writeFile(t, a, "First\n\nThe first statement, which stays.\n")
	writeFile(t, b, "<html><head><title>Second</title></head><body><p>The second statement, whose file goes.</p></body></html>")
	records := []string{
		`{"title":"One","body":"The first record stays.","url":"https://example.org/r/1"}`,
		`{"title":"Two","body":"The second record is taken out of the file.","url":"https://example.org/r/2"}`,
		`{"title":"Three","body":"The third record has no URL and stays."}`,
	}
	writeFile(t, jsonl, strings.Join(records, "\n")+"\n")
	writeFile(t, large, "Large\n\nA statement that will grow too large to read.\n")
	writeFile(t, outside, "Outside\n\nA statement outside the folder pruned.\n")

	ix := openIndex(t)
	h := &hook{}
	in, err := New(ix, Options{BatchSize: 2, MaxDocumentBytes: 500, BeforeDelete: h.before})
	if err != nil {
		t.Fatal(err)
	}
	sum, err := in.Prune(ctx, []string{folder, outside})
	if err != nil || sum.Indexed != 7 || sum.Pruned != 0 {
		t.Fatalf("first run: indexed %d, pruned %d, %v; want 7 and 0", sum.Indexed, sum.Pruned, err)
	}
	before := idsByOrigin(t, ix, dir)

	os.Remove(b)
	os.Remove(outside)
	// The second record goes; the third, which has no URL, moves up a line
	// and so is read as a new record in place of the second's.
	writeFile(t, jsonl, records[0]+"\n"+records[2]+"\n")
	writeFile(t, large, strings.Repeat("Too large to read now. ", 40))
	sum, err = in.Prune(ctx, []string{folder})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Pruned != 3 || sum.Indexed != 1 {
		t.Errorf("pruned %d, indexed %d; want 3 (b.html, records 2 and 3 by their old IDs) and 1 (record 3 on line 2)", sum.Pruned, sum.Indexed)
	}
	after := idsByOrigin(t, ix, dir)
	for origin, kept := range map[string]bool{
		a: true, b: false, jsonl + ":1": true, jsonl + ":2": true, jsonl + ":3": false,
		// Still there, but skipped as too large: not gone.
		large: true,
		// Gone, but not under the folder pruned.
		outside: true,
	} {
		if _, ok := after[origin]; ok != kept {
			t.Errorf("%s: kept %v, want %v", origin, ok, kept)
		}
	}
	want := []string{before[b], before[jsonl+":2"], before[jsonl+":3"]}
	slices.Sort(want)
	if !slices.Equal(h.all(), want) {
		t.Errorf("BeforeDelete saw %v, want %v", h.all(), want)
	}
	if s, err := ix.Statement(ctx, after[jsonl+":2"]); err != nil || s.Title != "Three" {
		t.Errorf("line 2 = %q, %v; want the third record", s.Title, err)
	}

	t.Run("a file put back comes back", func(t *testing.T) {
		writeFile(t, b, "<html><head><title>Second</title></head><body><p>The second statement, whose file goes.</p></body></html>")
		sum, err := in.Prune(ctx, []string{folder})
		if err != nil || sum.Indexed != 1 || sum.Pruned != 0 {
			t.Errorf("indexed %d, pruned %d, %v; want 1 and 0", sum.Indexed, sum.Pruned, err)
		}
	})

	t.Run("a run cut short prunes nothing", func(t *testing.T) {
		os.Remove(a)
		cancelled, cancel := context.WithCancel(ctx)
		cancel()
		if sum, err := in.Prune(cancelled, []string{folder}); err == nil || sum.Pruned != 0 {
			t.Errorf("pruned %d, err %v; want nothing pruned and the context's error", sum.Pruned, err)
		}
		if _, ok := idsByOrigin(t, ix, dir)[a]; !ok {
			t.Error("a.txt's statement was pruned by a cancelled run")
		}
	})
}
