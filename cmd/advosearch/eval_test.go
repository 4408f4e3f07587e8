package main

import (
	"context"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
)

func TestEval_printsTheGoldSetTable(t *testing.T) {
	var out strings.Builder
	err := run(context.Background(), []string{"eval", "--gold", "../../indexer/testdata/gold", "-v"}, &out, io.Discard)
	if err != nil {
		t.Fatalf("eval: %v", err)
	}
	for _, want := range []string{"organizations", "people", "places", "source", "published", "main text"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("eval output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestEval_missingGoldFolderIsAnError(t *testing.T) {
	err := run(context.Background(), []string{"eval", "--gold", t.TempDir()}, io.Discard, io.Discard)
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("got %v, want an error wrapping os.ErrNotExist", err)
	}
}
