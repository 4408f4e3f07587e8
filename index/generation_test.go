package index

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRebuild(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index")
	ix, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Write([]Statement{{ID: "old", Title: "old", Body: "old"}}, nil); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	first, _ := os.Readlink(path)

	t.Run("a failed build leaves the current index", func(t *testing.T) {
		boom := errors.New("disk full")
		_, err := Rebuild(path, Options{}, func(ix *Index) error {
			ix.Write([]Statement{{ID: "half", Title: "half", Body: "half"}}, nil)
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("err = %v, want the build's error", err)
		}
		if now, _ := os.Readlink(path); now != first {
			t.Errorf("link moved to %s", now)
		}
		gens, _ := filepath.Glob(path + ".*")
		if len(gens) != 1 {
			t.Errorf("generations on disk: %v, want only the current one", gens)
		}
		assertIDs(t, path, "old")
	})

	t.Run("a rebuild swaps and removes the previous generation", func(t *testing.T) {
		note, err := Rebuild(path, Options{}, func(ix *Index) error {
			return ix.Write([]Statement{{ID: "new", Title: "new", Body: "new"}}, nil)
		})
		if err != nil || note != "" {
			t.Fatalf("err %v note %q", err, note)
		}
		if _, err := os.Stat(filepath.Join(filepath.Dir(path), first)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("previous generation %s still there", first)
		}
		assertIDs(t, path, "new")
	})

	t.Run("a generation still open elsewhere is kept", func(t *testing.T) {
		serving, err := Open(path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer serving.Close()
		note, err := Rebuild(path, Options{}, func(ix *Index) error {
			return ix.Write([]Statement{{ID: "newer", Title: "newer", Body: "newer"}}, nil)
		})
		if err != nil || !strings.Contains(note, "still open") {
			t.Fatalf("err %v note %q", err, note)
		}
		if _, err := serving.Statement(context.Background(), "new"); err != nil {
			t.Errorf("the serving index lost its statement: %v", err)
		}
	})
}

func assertIDs(t *testing.T, path string, want string) {
	t.Helper()
	ix, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if n, _ := ix.Count(); n != 1 {
		t.Errorf("count = %d, want 1", n)
	}
	if _, err := ix.Statement(context.Background(), want); err != nil {
		t.Errorf("statement %s: %v", want, err)
	}
}

func TestOpen_finishesACreationCutShort(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index")
	ix, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// As if the process died between creating the index and writing its
	// version.
	if err := ix.bleve.DeleteInternal([]byte(versionKey)); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	ix, err = Open(path, Options{})
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	ix.Close()
}
