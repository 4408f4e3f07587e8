package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/advosearch/advosearch/indexer"
)

// evalCmd scores extraction against hand-labelled sets and prints one table
// per set, the tables the indexer's gold-set test logs. With no set named it
// scores the three the README reports: the gold set the rules were written
// against, and the real development and test sets.
func evalCmd(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	sets := []struct {
		flag, dir, usage string
	}{
		{"gold", "indexer/testdata/gold", "gold set: folder of documents and their <name>.json records"},
		{"dev", "indexer/testdata/realdev", "development set (real documents; tune on it)"},
		{"test", "indexer/testdata/realtest", "test set (real documents; scored, never tuned on)"},
	}
	dirs := make([]*string, len(sets))
	for i, s := range sets {
		dirs[i] = fs.String(s.flag, s.dir, s.usage)
	}
	verbose := fs.Bool("v", false, "also list, per document, what extraction got wrong")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("eval: unexpected argument %q", fs.Arg(0))
	}
	// Naming any set scores only the sets named, so that "eval --gold DIR"
	// keeps meaning one table and needs no other folder.
	named := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { named[f.Name] = true })
	some := named["gold"] || named["dev"] || named["test"]
	first := true
	for i, s := range sets {
		if some && !named[s.flag] {
			continue
		}
		r, err := indexer.Evaluate(*dirs[i])
		if err != nil {
			return fmt.Errorf("eval: %s set: %w", s.flag, err)
		}
		if !first {
			fmt.Fprintln(stdout)
		}
		first = false
		if err := r.WriteTable(stdout); err != nil {
			return err
		}
		if *verbose {
			fmt.Fprintln(stdout)
			if err := r.WriteErrors(stdout); err != nil {
				return err
			}
		}
	}
	return nil
}
