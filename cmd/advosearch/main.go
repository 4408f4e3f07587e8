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
	"strings"
	"syscall"

	"github.com/advosearch/advosearch/alerts"
	"github.com/advosearch/advosearch/index"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	if err == nil || errors.Is(err, flag.ErrHelp) {
		// Help was asked for and given: that is no failure.
		return
	}
	fmt.Fprintln(os.Stderr, "advosearch:", failureLine(os.Args[1:], err))
	if h := hint(os.Args[1:], err); h != "" {
		fmt.Fprintln(os.Stderr, "advosearch:", h)
	}
	stop()
	os.Exit(1)
}

// hint says what to do about a data folder another process holds, and
// about the failures of the machine rather than of advosearch (see
// storageHint). args are the command's, to name the command that does the
// same through a running server.
func hint(args []string, err error) string {
	if errors.Is(err, index.ErrLocked) || errors.Is(err, alerts.ErrLocked) {
		return inUseHint(args)
	}
	return storageHint(args, err)
}

// inUseHint says what to do when another process holds the data folder.
// That is most often a server, which holds the index and the alerts as long
// as it runs; every command that changes them can go through it instead.
func inUseHint(args []string) string {
	const server = "while a server runs it holds the data folder: "
	command := ""
	if len(args) > 0 {
		command = args[0]
	}
	switch {
	case command == "index" && (hasFlag(args, "rebuild") || hasFlag(args, "prune")):
		return "--rebuild and --prune need the index to themselves: stop the server, run the same command, and start the server again"
	case command == "index":
		return server + "send the files to it with advosearch index --server URL --token T PATH... (T is the server's --token); if an index run holds it, wait for it to finish"
	case command == "alerts":
		return server + "go through it with advosearch alerts list|add|rm --server URL --token T (T is the server's --token)"
	case command == "backup":
		return server + "ask it for the copy with advosearch backup --server URL --token T DEST"
	case command == "watch":
		return server + "let it poll the feeds: advosearch serve --watch FEEDS_FILE"
	}
	// serve: the error itself says to stop the other process or pass --data.
	return ""
}

// hasFlag reports whether args set the boolean flag name, in any of the
// forms package flag reads: -name, --name, -name=true.
func hasFlag(args []string, name string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		a = strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-")
		if a == name || a == name+"=true" {
			return true
		}
	}
	return false
}

const usage = `usage: advosearch COMMAND [flags]

commands:
  serve [--data DIR] [--addr 127.0.0.1:8080] [--default-operator and|or] [--token T]
                                                serve the search page and API; indexes the sample statements into an empty index
  index [--data DIR] [--rebuild] PATH|URL...    index .txt, .md, .html, .pdf and .jsonl files and folders, or statement pages;
        [--prune]                               --prune also removes the statements whose file or JSONL record is gone;
        [--server URL --token T]                send them to a running server instead (it holds the index);
                                                --rebuild builds a new index beside the current one and switches when done
  watch [--data DIR] [--once] FEEDS_FILE        poll the RSS/Atom feeds listed in FEEDS_FILE, index new items, fire alerts
  backup [--data DIR | --server URL --token T] DEST
                                                a consistent copy of the index and alerts, also while a server runs
  alerts list|add|rm [--data DIR | --server URL --token T] ...
                                                saved searches: list shows filters, matches and feed URLs;
                                                add --name N --q Q [--org O] [--webhook URL]; rm ID...
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
	if len(args) > 1 && args[1] == "help" {
		// "advosearch index help" asks for help, not to index a file named
		// help; it gets the command's flags, and nothing is opened.
		args = []string{args[0], "-h"}
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
