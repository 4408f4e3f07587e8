package main

import (
	"context"
	"errors"
	"flag"
	"io"

	"github.com/advosearch/advosearch/indexer"
)

func indexFiles(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("index", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", defaultData, "data folder holding the index")
	batch := fs.Int("batch", 0, "statements written per batch (default 500)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errors.New("index: name at least one file or folder")
	}
	ix, err := openIndex(*data)
	if err != nil {
		return err
	}
	defer ix.Close()
	in, err := indexer.New(ix, indexer.Options{BatchSize: *batch, Progress: stderr})
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
