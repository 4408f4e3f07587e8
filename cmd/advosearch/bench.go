package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"io"

	"github.com/advosearch/advosearch/bench"
)

// benchCmd runs the benchmark tools; "gen" writes a synthetic corpus.
func benchCmd(_ context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "gen" {
		return errors.New("bench: usage: advosearch bench gen [--n N] [--seed S] > statements.jsonl")
	}
	fs := flag.NewFlagSet("bench gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 10_000, "statements to generate")
	seed := fs.Int64("seed", 1, "random seed; the same seed gives the same bytes")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	w := bufio.NewWriterSize(stdout, 1<<20)
	if err := bench.Generate(w, *n, *seed); err != nil {
		return err
	}
	return w.Flush()
}
