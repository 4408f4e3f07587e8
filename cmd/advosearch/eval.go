package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/advosearch/advosearch/indexer"
)

// evalCmd scores extraction against a hand-labelled gold set and prints the
// table the indexer's gold-set test logs.
func evalCmd(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	gold := fs.String("gold", "indexer/testdata/gold", "folder of gold documents and their <name>.json records")
	verbose := fs.Bool("v", false, "also list, per document, what extraction got wrong")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("eval: unexpected argument %q", fs.Arg(0))
	}
	r, err := indexer.Evaluate(*gold)
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	if err := r.WriteTable(stdout); err != nil {
		return err
	}
	if *verbose {
		fmt.Fprintln(stdout)
		return r.WriteErrors(stdout)
	}
	return nil
}
