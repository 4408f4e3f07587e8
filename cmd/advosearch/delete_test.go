package main

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/advosearch/advosearch/alerts"
	"github.com/advosearch/advosearch/index"
)

// runIndex runs "advosearch index" with args and returns what it printed.
func runIndex(t *testing.T, args ...string) string {
	t.Helper()
	var out strings.Builder
	if err := run(context.Background(), append([]string{"index"}, args...), &out, io.Discard); err != nil {
		t.Fatalf("index %v: %v\n%s", args, err, out.String())
	}
	return out.String()
}

// lookup reads what the data folder's index holds under id.
func lookup(t *testing.T, data, id string) (index.Stored, bool) {
	t.Helper()
	ix, err := openIndex(data)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	found, err := ix.Lookup(context.Background(), []string{id})
	if err != nil {
		t.Fatal(err)
	}
	st, ok := found[id]
	return st, ok
}

// TestIndex_deletedStatementStaysDeleted deletes a statement through a
// running server, then reads its file again: a re-run and a rebuild leave
// it deleted, its alert match stays marked, and an edit brings it back.
func TestIndex_deletedStatementStaysDeleted(t *testing.T) {
	data, docs := t.TempDir(), t.TempDir()
	retracted := filepath.Join(docs, "retracted.txt")
	write := func(path, body string) {
		t.Helper()
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(retracted, "Activists detained\n\nSeven land activists were detained in Phnom Penh on Monday.\n")
	write(filepath.Join(docs, "kept.txt"), "Journalists charged\n\nTwo journalists were charged with espionage.\n")
	if err := run(context.Background(), []string{"alerts", "add", "--data", data, "--name", "Detained", "--q", "detained"}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	if out := runIndex(t, "--data", data, docs); !strings.HasPrefix(out, "indexed 2, unchanged 0, skipped 0 in") {
		t.Fatalf("first run: %q", out)
	}

	base, stop := startServe(t, data, "--token", "s3cret")
	resp, err := http.Get(base + "/api/search?q=%22land+activists%22")
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Hits []struct{ ID string } `json:"hits"`
	}
	err = json.NewDecoder(resp.Body).Decode(&res)
	resp.Body.Close()
	if err != nil || len(res.Hits) != 1 {
		t.Fatalf("search: %+v, %v", res, err)
	}
	id := res.Hits[0].ID
	req, _ := http.NewRequest(http.MethodDelete, base+"/api/documents/"+url.PathEscape(id), nil)
	req.Header.Set("Authorization", "Bearer s3cret")
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent {
		t.Fatalf("DELETE: status %d, want 204", resp.StatusCode)
	}
	stop()

	t.Run("its alert match is marked deleted", func(t *testing.T) {
		store, err := openAlerts(data)
		if err != nil {
			t.Fatal(err)
		}
		defer store.Close()
		ms, _, err := store.Matches(context.Background(), "1", 0, 10)
		if err != nil || len(ms) != 1 || ms[0].StatementID != id || !ms[0].Deleted {
			t.Errorf("matches %+v, %v; want the statement's, marked deleted", ms, err)
		}
		f, err := store.Feed(context.Background(), "1", "http://localhost", 0)
		if err != nil || len(f.Entries) != 0 {
			t.Errorf("feed: %d entries, %v; want none", len(f.Entries), err)
		}
	})

	t.Run("a re-run leaves it deleted", func(t *testing.T) {
		out := runIndex(t, "--data", data, docs)
		if !strings.HasPrefix(out, "indexed 0, unchanged 1, skipped 0, 1 still deleted in") {
			t.Errorf("re-run: %q", out)
		}
		if st, _ := lookup(t, data, id); !st.Deleted {
			t.Errorf("after a re-run: %+v, want deleted", st)
		}
	})

	t.Run("a rebuild leaves it deleted", func(t *testing.T) {
		out := runIndex(t, "--data", data, "--rebuild", docs)
		if !strings.HasPrefix(out, "indexed 1, unchanged 0, skipped 0, 1 still deleted in") || !strings.Contains(out, "switched") {
			t.Errorf("rebuild: %q", out)
		}
		if st, _ := lookup(t, data, id); !st.Deleted {
			t.Errorf("after a rebuild: %+v, want deleted", st)
		}
	})

	t.Run("an edited file brings it back", func(t *testing.T) {
		write(retracted, "Activists detained\n\nSeven land activists were detained in Phnom Penh on Monday; two were released.\n")
		if out := runIndex(t, "--data", data, docs); !strings.HasPrefix(out, "indexed 1, unchanged 1, skipped 0 in") {
			t.Errorf("after the edit: %q", out)
		}
		if st, ok := lookup(t, data, id); !ok || st.Deleted {
			t.Errorf("after the edit: %+v, %v; want the statement", st, ok)
		}
	})
}

func TestIndex_prune(t *testing.T) {
	data, docs := t.TempDir(), t.TempDir()
	files := map[string]string{
		"a.txt": "Land activists detained\n\nSeven land activists were detained.\n",
		"b.txt": "Union leader charged\n\nA union leader was charged with incitement.\n",
		"c.jsonl": `{"title":"One","body":"The first record stays.","url":"https://example.org/r/1"}` + "\n" +
			`{"title":"Two","body":"The second record is taken out.","url":"https://example.org/r/2"}` + "\n",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(docs, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if out := runIndex(t, "--data", data, "--prune", docs); !strings.HasPrefix(out, "indexed 4, unchanged 0, skipped 0 in") {
		t.Fatalf("first run: %q", out)
	}

	if err := os.Remove(filepath.Join(docs, "b.txt")); err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(files["c.jsonl"], "\n")
	if err := os.WriteFile(filepath.Join(docs, "c.jsonl"), []byte(first+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Without --prune nothing goes.
	if out := runIndex(t, "--data", data, docs); !strings.HasPrefix(out, "indexed 0, unchanged 2, skipped 0 in") {
		t.Errorf("without --prune: %q", out)
	}
	if out := runIndex(t, "--data", data, "--prune", docs); !strings.HasPrefix(out, "indexed 0, unchanged 2, skipped 0, 2 pruned in") {
		t.Errorf("with --prune: %q", out)
	}
	ix, err := openIndex(data)
	if err != nil {
		t.Fatal(err)
	}
	n, err := ix.Count()
	ix.Close()
	if err != nil || n != 2 {
		t.Errorf("%d statements left, %v; want 2", n, err)
	}

	for _, args := range [][]string{
		{"index", "--data", data, "--prune", "--rebuild", docs},
		{"index", "--prune", "--server", "http://127.0.0.1:1", docs},
	} {
		if err := run(context.Background(), args, io.Discard, io.Discard); err == nil || !strings.Contains(err.Error(), "--prune") {
			t.Errorf("%v: %v, want an error about --prune", args, err)
		}
	}
}

func TestHint_rebuildAndPruneNeedTheIndex(t *testing.T) {
	locked := errors.Join(index.ErrLocked, alerts.ErrLocked)
	for _, args := range [][]string{{"index", "--rebuild", "docs"}, {"index", "-prune", "docs"}} {
		if got := hint(args, locked); !strings.Contains(got, "stop the server") {
			t.Errorf("hint(%v) = %q, want it to say to stop the server", args, got)
		}
	}
	if got := hint([]string{"index", "docs"}, locked); !strings.Contains(got, "--server") {
		t.Errorf("hint without --rebuild = %q, want it to say --server", got)
	}
}
