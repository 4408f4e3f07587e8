// Command advosearch indexes human-rights advocacy statements and serves a
// search page and a JSON API over them. It only wires flags to packages.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "advosearch:", err)
			if h := hint(err); h != "" {
				fmt.Fprintln(os.Stderr, "advosearch:", h)
			}
		}
		os.Exit(1)
	}
}

// hint says what to do about the failures of the machine rather than of
// advosearch. Batches are written whole or not at all, so after any of them
// the index is as it was before the failed batch.
func hint(err error) string {
	switch {
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return "the disk is full: free some space, or pass --data with a folder on another disk, and run the same command again"
	case errors.Is(err, syscall.EROFS), errors.Is(err, os.ErrPermission):
		return "the data folder cannot be written: check its permissions, or pass --data with a writable folder"
	}
	return ""
}

const usage = `usage: advosearch COMMAND [flags]

commands:
  serve [--data DIR] [--addr 127.0.0.1:8080] [--default-operator and|or] [--token T]
                                                serve the search page and API; indexes the sample statements into an empty index
  index [--data DIR] [--rebuild] PATH|URL...    index .txt, .md, .html, .pdf and .jsonl files and folders, or statement pages;
        [--server URL --token T]                send them to a running server instead (it holds the index);
                                                --rebuild builds a new index beside the current one and switches when done
  watch [--data DIR] [--once] FEEDS_FILE        poll the RSS/Atom feeds listed in FEEDS_FILE, index new items, fire alerts
  backup [--data DIR | --server URL --token T] DEST
                                                a consistent copy of the index and alerts, also while a server runs
  alerts list|add|rm [--data DIR] ...           saved searches: add --name N --q Q [--org O] [--webhook URL]; rm ID...
  bench gen [--n N] [--seed S]                  write N synthetic statements as JSONL to standard output
  bench run [--n N] [--out FILE] [--fts5 BIN]   index and search a generated corpus with advosearch, bare Bleve
                                                and SQLite FTS5, and print one Markdown table
  eval [--gold DIR] [-v]                        score extraction against the hand-labelled gold set

Run "advosearch COMMAND -h" for the flags of a command.
`

// defaultData is the data folder when --data is not given: the index and,
// later, other state such as saved alerts live under it.
const defaultData = "advosearch-data"

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errors.New("no command given")
	}
	switch args[0] {
	case "serve":
		return serve(ctx, args[1:], stdout, stderr)
	case "index":
		return indexFiles(ctx, args[1:], stdout, stderr)
	case "backup":
		return backupCmd(ctx, args[1:], stdout, stderr)
	case "watch":
		return watchCmd(ctx, args[1:], stdout, stderr)
	case "alerts":
		return alertsCmd(ctx, args[1:], stdout, stderr)
	case "bench":
		return benchCmd(ctx, args[1:], stdout, stderr)
	case "eval":
		return evalCmd(ctx, args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("unknown command %q", args[0])
}
