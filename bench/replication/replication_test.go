package replication_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/advosearch/advosearch/bench/replication"
	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/indexer"
	"github.com/advosearch/advosearch/record"
	"github.com/advosearch/advosearch/record/pgtest"
)

// indexFiles is "advosearch index" in this process: the benchmark runs
// the command, which a test binary is not.
func indexFiles(ctx context.Context, data, corpus string) error {
	ix, err := index.Open(filepath.Join(data, "index"), index.Options{})
	if err != nil {
		return err
	}
	defer ix.Close()
	in, err := indexer.New(ix, indexer.Options{})
	if err != nil {
		return err
	}
	_, err = in.Files(ctx, []string{corpus})
	return err
}

func TestRun(t *testing.T) {
	pg := pgtest.Start(t)
	ctx := context.Background()
	store, err := record.Open(ctx, pg.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	opts := replication.Options{N: 40, Rate: 50, LagFor: time.Second, Dir: t.TempDir(), IndexFiles: indexFiles}
	res, err := replication.Run(ctx, store, opts)
	if err != nil {
		t.Fatal(err)
	}
	// Every generated statement went through the record into node B.
	if res.Statements != opts.N {
		t.Errorf("node B rebuilt %d statements from the record, want %d", res.Statements, opts.N)
	}
	if res.Files <= 0 || res.Ingest <= 0 || res.Rebuild <= 0 {
		t.Errorf("times %+v, want each measured", res)
	}
	// Run waits until node B has every statement sent; the rate reached
	// depends on the machine's load, so it is reported, not checked.
	if l := res.Lag; l.Sent == 0 || l.Sent > 51 || l.Rate <= 0 || l.P50 <= 0 || l.P50 > l.P99 || l.P99 > l.Max || l.Put <= 0 {
		t.Errorf("lag %+v, want up to 50 statements timed, with ordered percentiles", l)
	}
	b, err := index.Open(filepath.Join(opts.Dir, "b", "index"), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if n, err := b.Count(); err != nil || n != uint64(opts.N+res.Lag.Sent) {
		t.Errorf("node B holds %d statements (%v), want the %d rebuilt and the %d sent", n, err, opts.N, res.Lag.Sent)
	}
	var out strings.Builder
	if err := res.Write(&out, opts); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "replication lag, ") || !strings.Contains(out.String(), "rebuild of node B") {
		t.Errorf("report:\n%s", out.String())
	}

	// The record now holds the benchmark's statements: a second run
	// refuses it rather than time a rebuild of more than it generated.
	if _, err := replication.Run(ctx, store, opts); !errors.Is(err, replication.ErrNotEmpty) {
		t.Errorf("second run on the same record: %v, want ErrNotEmpty", err)
	}
}
