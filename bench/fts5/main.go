// Command fts5 is the SQLite FTS5 peer of advosearch's benchmark. It is a
// module of its own so that the product never depends on SQLite; build it
// and hand it to the benchmark:
//
//	(cd bench/fts5 && go build -o /tmp/fts5bench .)
//	advosearch bench run --n 100000 --fts5 /tmp/fts5bench
//
// It reads the config the benchmark writes (bench.Config), indexes the
// corpus into one FTS5 table (unicode61 tokenizer, no stop words, no
// stemming), times the same queries (bm25 ranking, snippet() for
// highlights, GROUP BY over the matching rows for facet counts) and prints
// its bench.Result as JSON. Run alone it would need that config:
//
//	fts5bench --child CONFIG.json
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	child := flag.String("child", "", "benchmark config (JSON) written by advosearch bench run")
	flag.Parse()
	if err := run(ctx, *child); err != nil {
		fmt.Fprintln(os.Stderr, "fts5bench:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, configPath string) error {
	if configPath == "" {
		return fmt.Errorf("--child CONFIG is required")
	}
	res, err := benchmark(ctx, configPath)
	if err != nil {
		return err
	}
	return json.NewEncoder(os.Stdout).Encode(res)
}
