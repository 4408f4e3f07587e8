package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/advosearch/advosearch/bench"
	"github.com/advosearch/advosearch/bench/harness"
)

const benchUsage = `usage:
  advosearch bench gen [--n N] [--seed S] > statements.jsonl
  advosearch bench run [--n N] [--seed S] [--queries Q] [--out FILE] [--fts5 BINARY] [--only SYSTEMS] ...
  advosearch bench record --store postgres://... [--n N] [--rate R] [--lag-for D] [--out FILE]`

// benchCmd runs the benchmark tools: "gen" writes a synthetic corpus, "run"
// measures advosearch against its peers on one, "record" measures nodes
// that follow a PostgreSQL record.
func benchCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 {
		switch args[0] {
		case "gen":
			return benchGen(args[1:], stdout, stderr)
		case "run":
			return benchRun(ctx, args[1:], stdout, stderr)
		case "record":
			return benchRecord(ctx, args[1:], stdout, stderr)
		}
	}
	return errors.New("bench: " + benchUsage)
}

func benchGen(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("bench gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 10_000, "statements to generate")
	seed := fs.Int64("seed", 1, "random seed; the same seed gives the same bytes")
	if err := fs.Parse(args); err != nil {
		return err
	}
	w := bufio.NewWriterSize(stdout, 1<<20)
	if err := bench.Generate(w, *n, *seed); err != nil {
		return err
	}
	return w.Flush()
}

func benchRun(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("bench run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 10_000, "statements to generate and index")
	seed := fs.Int64("seed", 1, "seed of the corpus and the queries")
	queries := fs.Int("queries", 200, "queries timed per class")
	out := fs.String("out", "", "also write the Markdown table to this file")
	fts5 := fs.String("fts5", "", "SQLite FTS5 peer, built with: (cd bench/fts5 && go build -o /tmp/fts5bench .); empty leaves it out")
	only := fs.String("only", "", "comma-separated systems to run: advosearch, bleve, fts5 (default all)")
	dir := fs.String("dir", "", "folder for the corpus and indexes, kept afterwards (default a temporary one, removed)")
	profile := fs.String("profile", "", "folder for CPU profiles of indexing and of each query class")
	classLimit := fs.Duration("class-limit", bench.DefaultClassLimit, "time limit per query class")
	httpRequests := fs.Int("http-requests", 2_000, "requests per HTTP concurrency level")
	httpDuration := fs.Duration("http-duration", 20*time.Second, "time limit per HTTP concurrency level")
	noSplit := fs.Bool("no-split", false, "skip timing advosearch's extraction and index writes apart (a second indexing run)")
	keep := fs.Bool("keep", false, "keep each system's index in --dir")
	reuse := fs.Bool("reuse", false, "search the advosearch index that a --keep run left in --dir instead of indexing again (with --only advosearch)")
	child := fs.String("child", "", "internal: run one system from this config file and print its result as JSON")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *child != "" {
		return harness.RunChild(ctx, *child, stdout)
	}
	if (*keep || *reuse) && *dir == "" {
		return fmt.Errorf("bench run: --keep and --reuse need --dir")
	}
	self, err := os.Executable()
	if err != nil {
		return fmt.Errorf("bench run: %w", err)
	}
	opts := harness.Options{
		N: *n, Seed: *seed, Queries: *queries, Self: []string{self, "bench", "run"}, FTS5: *fts5,
		Dir: *dir, ProfileDir: *profile, ClassLimit: *classLimit,
		HTTPRequests: *httpRequests, HTTPDuration: *httpDuration, NoSplit: *noSplit, Log: stderr,
		Keep: *keep, Reuse: *reuse,
	}
	if *only != "" {
		opts.Systems = strings.Split(*only, ",")
	}
	results, err := harness.Run(ctx, opts)
	if err != nil {
		return err
	}
	var table strings.Builder
	title := fmt.Sprintf("%d statements, seed %d, %d queries per class", *n, *seed, *queries)
	if err := bench.Report(&table, title, bench.Machine(), results); err != nil {
		return err
	}
	if _, err := io.WriteString(stdout, table.String()); err != nil {
		return err
	}
	if *out != "" {
		if err := os.WriteFile(*out, []byte(table.String()), 0o644); err != nil {
			return fmt.Errorf("bench run: %w", err)
		}
	}
	return nil
}
