package record_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/record"
	"github.com/advosearch/advosearch/record/pgtest"
)

// BenchmarkFollower_lag measures replication lag: from a statement's
// commit on one node until another node's follower, woken by NOTIFY, has
// written it to its index.
func BenchmarkFollower_lag(b *testing.B) {
	store := benchStore(b)
	ix := benchIndex(b)
	f, err := record.NewFollower(store, ix, filepath.Join(b.TempDir(), "cursor"), record.FollowerOptions{})
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// Run returns ctx's error when the benchmark ends.
	go func() { _ = f.Run(ctx) }()
	for f.Status().Behind != 0 {
		time.Sleep(time.Millisecond)
	}
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		i++
		if err := store.Put(ctx, []index.Statement{statement(fmt.Sprintf("lag%d", i), fmt.Sprintf("lag %d", i))}); err != nil {
			b.Fatal(err)
		}
		want := f.Status().Applied + 1
		for f.Status().Applied < want {
			time.Sleep(100 * time.Microsecond)
		}
	}
}

// BenchmarkFollower_rebuild measures rebuilding a node's index from the
// record: 5,000 statements read in sequence order and indexed, as when a
// node's index folder is deleted.
func BenchmarkFollower_rebuild(b *testing.B) {
	const n = 5000
	store := benchStore(b)
	ctx := context.Background()
	batch := make([]index.Statement, 0, 500)
	for i := range n {
		batch = append(batch, statement(fmt.Sprintf("r%d", i),
			fmt.Sprintf("Statement %d on the detention of defenders in Phnom Penh and the hearing that followed.", i)))
		if len(batch) == cap(batch) {
			if err := store.Put(ctx, batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		ix := benchIndex(b)
		f, err := record.NewFollower(store, ix, filepath.Join(b.TempDir(), "cursor"), record.FollowerOptions{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		applied, err := f.CatchUp(ctx)
		if err != nil || applied != n {
			b.Fatalf("applied %d, %v; want %d", applied, err, n)
		}
	}
	b.ReportMetric(float64(n), "statements/op")
}

func benchStore(b *testing.B) *record.Store {
	b.Helper()
	pgtest.Need(b, cluster)
	st, err := record.Open(context.Background(), cluster.Database(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(st.Close)
	return st
}

func benchIndex(b *testing.B) *index.Index {
	b.Helper()
	ix, err := index.Open(filepath.Join(b.TempDir(), "index"), index.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ix.Close() })
	return ix
}
