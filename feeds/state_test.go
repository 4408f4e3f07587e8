package feeds_test

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/advosearch/advosearch/feeds"
)

func TestState_SaveLoad(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "feeds-state.json")

	got, err := feeds.LoadState(path)
	if err != nil || len(got) != 0 {
		t.Fatalf("missing file: got %v, %v, want an empty map and no error", got, err)
	}

	want := map[string]feeds.State{
		"https://example.org/rss.xml":  {ETag: `"v1"`, LastModified: "Tue, 03 Mar 2026 09:12:00 GMT", Seen: []string{"a", "b"}},
		"https://example.org/atom.xml": {Seen: []string{"tag:x"}},
	}
	if err := feeds.SaveState(path, want); err != nil {
		t.Fatal(err)
	}
	want["https://example.org/atom.xml"] = feeds.State{Seen: []string{"tag:x", "tag:y"}}
	if err := feeds.SaveState(path, want); err != nil { // over an existing file
		t.Fatal(err)
	}
	got, err = feeds.LoadState(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Errorf("directory holds %d files, want only the state file (no temp files left)", len(entries))
	}
}

func TestState_LoadCorrupt(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	if err := os.WriteFile(path, []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := feeds.LoadState(path); err == nil {
		t.Error("corrupt file: got no error")
	}
}

func TestState_SaveUnwritable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing-dir", "state.json")
	if err := feeds.SaveState(path, map[string]feeds.State{}); err == nil {
		t.Error("directory missing: got no error")
	}
}
