package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/indexer"
)

func indexFiles(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("index", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", defaultData, "data folder holding the index")
	batch := fs.Int("batch", 0, "statements written per batch (default 500)")
	rebuild := fs.Bool("rebuild", false, "build a new index from PATH... beside the current one and switch to it when complete")
	every := fs.Duration("progress", 2*time.Second, "how often to print progress")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errors.New("index: name at least one file or folder")
	}
	opts := indexer.Options{BatchSize: *batch, Progress: stderr, ProgressEvery: *every}
	if *rebuild {
		return rebuildIndex(ctx, *data, fs.Args(), opts, stdout)
	}
	ix, err := openIndex(*data)
	if err != nil {
		return err
	}
	defer ix.Close()
	in, err := indexer.New(ix, opts)
	if err != nil {
		return err
	}
	sum, err := in.Files(ctx, fs.Args())
	printSummary(stdout, sum)
	if err != nil {
		return err
	}
	return ix.Close()
}

// rebuildIndex indexes paths into a new generation and switches to it only
// when every batch is written; the current index serves until then.
func rebuildIndex(ctx context.Context, data string, paths []string, opts indexer.Options, stdout io.Writer) error {
	var sum indexer.Summary
	note, err := index.Rebuild(indexPath(data), index.Options{}, func(ix *index.Index) error {
		in, err := indexer.New(ix, opts)
		if err != nil {
			return err
		}
		sum, err = in.Files(ctx, paths)
		return err
	})
	printSummary(stdout, sum)
	if err != nil {
		return fmt.Errorf("rebuild failed, the previous index is unchanged: %w", err)
	}
	fmt.Fprintln(stdout, "switched to the rebuilt index")
	if note != "" {
		fmt.Fprintln(stdout, note)
	}
	return nil
}
