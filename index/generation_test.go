package index

import (
	"context"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
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

	t.Run("a rebuild waits for no server: it refuses while the index is open elsewhere", func(t *testing.T) {
		serving, err := Open(path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer serving.Close()
		before, _ := os.Readlink(path)
		_, err = Rebuild(path, Options{LockTimeout: 100 * time.Millisecond}, func(ix *Index) error {
			t.Error("build ran, though the deletions of the index could not be read")
			return nil
		})
		if !errors.Is(err, ErrLocked) {
			t.Fatalf("err = %v, want ErrLocked", err)
		}
		if now, _ := os.Readlink(path); now != before {
			t.Errorf("link moved from %s to %s", before, now)
		}
	})

	t.Run("a generation opened elsewhere during the build is kept", func(t *testing.T) {
		var serving *Index
		note, err := Rebuild(path, Options{}, func(ix *Index) error {
			var err error
			serving, err = Open(path, Options{})
			if err != nil {
				return err
			}
			return ix.Write([]Statement{{ID: "newer", Title: "newer", Body: "newer"}}, nil)
		})
		if serving != nil {
			defer serving.Close()
		}
		if err != nil || !strings.Contains(note, "still open") {
			t.Fatalf("err %v note %q", err, note)
		}
		if _, err := serving.Statement(context.Background(), "new"); err != nil {
			t.Errorf("the serving index lost its statement: %v", err)
		}
	})
}

func TestRebuild_keepsDeletions(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index")
	ix, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	err = ix.Write([]Statement{{ID: "gone", Title: "t", Body: "b", Hash: "h-gone"}, {ID: "kept", Title: "t", Body: "b", Hash: "h-kept"}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Delete(context.Background(), []string{"gone"}); err != nil {
		t.Fatal(err)
	}
	ix.Close()

	var during map[string]Stored
	_, err = Rebuild(path, Options{}, func(ix *Index) error {
		// What the indexer asks before it writes what it read.
		var err error
		during, err = ix.Lookup(context.Background(), []string{"gone", "kept"})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Stored{"gone": {Hash: "h-gone", Deleted: true}}
	if !maps.Equal(during, want) {
		t.Errorf("during the build, Lookup = %v, want %v", during, want)
	}
	ix, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if got, err := ix.Deletions(context.Background()); err != nil || !maps.Equal(got, map[string]string{"gone": "h-gone"}) {
		t.Errorf("Deletions after the rebuild = %v, %v; want gone", got, err)
	}
}

func TestOpen_removesLeftoverGenerations(t *testing.T) {
	data := t.TempDir()
	path := filepath.Join(data, "index")
	ix, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	current, _ := os.Readlink(path)

	// A rebuild killed half-way, long ago.
	killed := path + ".20200102T030405.000000000"
	if err := os.MkdirAll(filepath.Join(killed, "store"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(killed, "store", "000000000001.zap"), []byte("half"), 0o644); err != nil {
		t.Fatal(err)
	}
	// One whose state file a kill cut short.
	torn := path + ".20200102T030407.000000000"
	if err := os.MkdirAll(filepath.Join(torn, "store"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(torn, "store", "root.bolt"), []byte("torn"), 0o600); err != nil {
		t.Fatal(err)
	}
	// A generation another process still has open: a server on the
	// previous index, or a rebuild under way.
	open := path + ".20200102T030406.000000000"
	held, err := create(open, Options{}.bleveConfig())
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	// One being created this very moment, not locked yet.
	young := newGeneration(path)
	if err := os.Mkdir(young, 0o755); err != nil {
		t.Fatal(err)
	}
	// Not a generation.
	other := path + ".notes"
	if err := os.Mkdir(other, 0o755); err != nil {
		t.Fatal(err)
	}

	ix, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, c := range []struct {
		dir  string
		kept bool
	}{{killed, false}, {torn, false}, {open, true}, {young, true}, {other, true}, {filepath.Join(data, current), true}} {
		_, err := os.Stat(c.dir)
		if kept := err == nil; kept != c.kept {
			t.Errorf("%s: kept %v, want %v", filepath.Base(c.dir), kept, c.kept)
		}
	}
	if _, err := ix.Statement(context.Background(), "x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("the current index does not answer: %v", err)
	}
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
