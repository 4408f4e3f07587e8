package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"

	"github.com/advosearch/advosearch/bench/replication"
	"github.com/advosearch/advosearch/record"
)

// benchRecord measures nodes that follow a PostgreSQL record: replication
// lag, and a rebuild from the record against "advosearch index".
//
// It takes the database by URL rather than starting one, as the tests do
// through record/pgtest: that package is for tests (it needs a
// testing.TB and Debian's binaries run as the postgres user), and a figure
// is worth most when taken on the PostgreSQL a deployment would use, which
// may be on another machine.
func benchRecord(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("bench record", flag.ContinueOnError)
	fs.SetOutput(stderr)
	store := fs.String("store", "", "postgres:// URL of an empty database the benchmark may write into (required)")
	n := fs.Int("n", 100_000, "statements to generate, index from the files and rebuild from the record")
	seed := fs.Int64("seed", 1, "seed of the generated statements")
	rate := fs.Int("rate", 100, "statements per second sent to node A while the lag is timed")
	lagFor := fs.Duration("lag-for", 0, "how long the lag is timed (default 30s)")
	dir := fs.String("dir", "", "folder for the corpus and the nodes' data folders, kept afterwards (default a temporary one, removed)")
	out := fs.String("out", "", "also write the result to this file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *store == "" {
		return errors.New("bench record: --store is required: the URL of an empty PostgreSQL database, such as one made with createdb advobench")
	}
	work := *dir
	if work == "" {
		tmp, err := os.MkdirTemp("", "advosearch-bench-record")
		if err != nil {
			return fmt.Errorf("bench record: %w", err)
		}
		defer os.RemoveAll(tmp)
		work = tmp
	} else if err := os.MkdirAll(work, 0o755); err != nil {
		return fmt.Errorf("bench record: %w", err)
	}
	self, err := os.Executable()
	if err != nil {
		return fmt.Errorf("bench record: %w", err)
	}
	rec, err := record.Open(ctx, *store)
	if err != nil {
		return fmt.Errorf("bench record: --store: %w", err)
	}
	defer rec.Close()
	opts := replication.Options{
		N: *n, Seed: *seed, Rate: *rate, LagFor: *lagFor, Dir: work,
		Log: stderr,
		// The command itself, in a process of its own, as a user runs it.
		IndexFiles: func(ctx context.Context, data, corpus string) error {
			cmd := exec.CommandContext(ctx, self, "index", "--progress", "30s", "--data", data, corpus)
			cmd.Stdout, cmd.Stderr = stderr, stderr
			return cmd.Run()
		},
	}
	res, err := replication.Run(ctx, rec, opts)
	if err != nil {
		return fmt.Errorf("bench record: %w", err)
	}
	if err := res.Write(stdout, opts); err != nil {
		return err
	}
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return fmt.Errorf("bench record: %w", err)
		}
		if err := res.Write(f, opts); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return fmt.Errorf("bench record: %w", err)
		}
	}
	return nil
}
