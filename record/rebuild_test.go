package record_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/record"
	"github.com/advosearch/advosearch/record/recordtest"
)

// filledNode leaves in data an index that followed a record of ten
// statements, one of them deleted, and returns the record.
func filledNode(t *testing.T, url, data string) *record.Store {
	t.Helper()
	store := openStore(t, url)
	a := startNode(t, store, data)
	for i := range 10 {
		a.ingest(doc(fmt.Sprintf("s%d", i), "Land dispute in Koh Kong."))
	}
	if _, err := a.in.Delete(context.Background(), []string{"s3"}); err != nil {
		t.Fatal(err)
	}
	a.waitFor("Koh Kong", 9)
	waitUntil(t, "the node is current", func() bool { return a.follow.Status().Behind == 0 })
	a.close()
	return store
}

// checkRebuilt checks that the index at data is the current mapping
// version and holds the record: nine statements and the deletion record of
// s3, with the previous generation gone and the cursor at the record's end.
func checkRebuilt(t *testing.T, store *record.Store, data, previous string) {
	t.Helper()
	ix, err := index.Open(filepath.Join(data, "index"), index.Options{})
	if err != nil {
		t.Fatalf("the rebuilt index does not open: %v", err)
	}
	defer ix.Close()
	if n, err := ix.Count(); err != nil || n != 9 {
		t.Errorf("rebuilt index holds %d statements (%v), want 9", n, err)
	}
	stored, err := ix.Lookup(context.Background(), []string{"s3"})
	if err != nil || !stored["s3"].Deleted {
		t.Errorf("rebuilt index holds %+v (%v) for s3, want its deletion record", stored, err)
	}
	if _, err := os.Stat(previous); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("previous generation %s: %v, want it removed", previous, err)
	}
	f, err := record.NewFollower(store, ix, filepath.Join(data, "record.cursor"), record.FollowerOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if st := f.Status(); st.Applied == 0 || st.Rebuilding {
		t.Errorf("follower on the rebuilt index starts at %+v, want the rebuild's cursor and not rebuilding", st)
	}
	if n, err := f.CatchUp(context.Background()); err != nil || n != 0 {
		t.Errorf("follower on the rebuilt index applied %d (%v), want 0: the rebuild had them all", n, err)
	}
}

// An upgrade that changes the mapping: the node's index cannot be opened,
// and is built again from the record beside the old one, which goes once
// the new one is complete.
func TestRebuild_mappingChange(t *testing.T) {
	data := t.TempDir()
	store := filledNode(t, newDatabase(t), data)
	path := filepath.Join(data, "index")
	recordtest.MarkOlderVersion(t, path)
	previous, err := filepath.EvalSymlinks(path)
	if err != nil {
		t.Fatal(err)
	}

	var seen record.Status
	note, err := record.Rebuild(context.Background(), store, path, filepath.Join(data, "record.cursor"),
		record.FollowerOptions{Batch: 3}, func(f *record.Follower) {
			seen = f.Status()
			// Until the switch, path is the old generation.
			if got, err := filepath.EvalSymlinks(path); err != nil || got != previous {
				t.Errorf("while rebuilding the index is %s (%v), want still %s", got, err, previous)
			}
		})
	if err != nil || note != "" {
		t.Fatalf("Rebuild: %q, %v", note, err)
	}
	if status, ready := seen.Ready(); ready || status != "rebuilding the index from the statement store" {
		t.Errorf("rebuilding follower says %q, ready %v; want not ready, rebuilding", status, ready)
	}
	checkRebuilt(t, store, data, previous)
}

// PostgreSQL away during a rebuild: it waits, saying so, and completes
// when PostgreSQL is back; stopped, it leaves the old generation as it was.
func TestRebuild_waitsForPostgres(t *testing.T) {
	pg := pgtestStart(t)
	data := t.TempDir()
	store := filledNode(t, pg.URL, data)
	path := filepath.Join(data, "index")
	recordtest.MarkOlderVersion(t, path)
	previous, err := filepath.EvalSymlinks(path)
	if err != nil {
		t.Fatal(err)
	}
	cursor := filepath.Join(data, "record.cursor")
	opts := record.FollowerOptions{Batch: 3, Retry: 50 * time.Millisecond}

	if err := pg.Stop(); err != nil {
		t.Fatal(err)
	}
	// Stopped while it waits: the old generation stays, the new one goes.
	ctx, cancel := context.WithCancel(context.Background())
	started := make(chan *record.Follower, 1)
	done := make(chan error, 1)
	go func() {
		_, err := record.Rebuild(ctx, store, path, cursor, opts, func(f *record.Follower) { started <- f })
		done <- err
	}()
	f := <-started
	waitUntil(t, "the rebuild says the store is unreachable", func() bool {
		status, _ := f.Status().Ready()
		return status == "rebuilding the index from the statement store, which is unreachable"
	})
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled rebuild: %v, want context.Canceled", err)
	}
	if got, err := filepath.EvalSymlinks(path); err != nil || got != previous {
		t.Errorf("after a cancelled rebuild the index is %s (%v), want still %s", got, err, previous)
	}
	if gens, _ := filepath.Glob(path + ".*"); len(gens) != 1 {
		t.Errorf("after a cancelled rebuild the generations are %v, want the old one only", gens)
	}

	// Waiting, then PostgreSQL back: it completes.
	go func() {
		_, err := record.Rebuild(context.Background(), store, path, cursor, opts, func(f *record.Follower) { started <- f })
		done <- err
	}()
	f = <-started
	waitUntil(t, "the rebuild notices the outage", func() bool { return f.Status().Err != nil })
	if err := pg.Start(); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Rebuild: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the rebuild did not complete once PostgreSQL was back")
	}
	checkRebuilt(t, store, data, previous)
}
