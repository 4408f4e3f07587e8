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
	if strings.Contains(out.String(), "realtest") {
		t.Errorf("eval --gold alone scored another set too:\n%s", out.String())
	}
}

// The README reports three tables; each set named gets its own, in order,
// with the figures the targets are stated in.
func TestEval_printsOneTablePerSet(t *testing.T) {
	var out strings.Builder
	args := []string{"eval",
		"--gold", "../../indexer/testdata/gold",
		"--dev", "../../indexer/testdata/realdev",
		"--test", "../../indexer/testdata/realtest"}
	if err := run(context.Background(), args, &out, io.Discard); err != nil {
		t.Fatalf("eval: %v", err)
	}
	s := out.String()
	gold, dev, test := strings.Index(s, "testdata/gold:"), strings.Index(s, "testdata/realdev:"), strings.Index(s, "testdata/realtest:")
	if gold < 0 || dev < gold || test < dev {
		t.Fatalf("want the gold, dev and test tables in that order, got:\n%s", s)
	}
	for _, want := range []string{"another line (caption, chrome, metadata)", "stated (", "quotes", "speaker right"} {
		if !strings.Contains(s[dev:], want) {
			t.Errorf("dev and test tables lack %q:\n%s", want, s[dev:])
		}
	}
}

func TestEval_missingGoldFolderIsAnError(t *testing.T) {
	err := run(context.Background(), []string{"eval", "--gold", t.TempDir()}, io.Discard, io.Discard)
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("got %v, want an error wrapping os.ErrNotExist", err)
	}
}
