package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/advosearch/advosearch/corpus"
	"github.com/advosearch/advosearch/feeds"
	"github.com/advosearch/advosearch/indexer"
	"github.com/advosearch/advosearch/web"
)

// allowPrivateUsage explains the flag that lets outbound fetches (feeds,
// pages, webhooks) reach loopback and private addresses, refused by default
// so that a feed or an alert cannot be used to probe the local network.
const allowPrivateUsage = "let feeds, pages and webhooks reach loopback and private network addresses"

// newWatcher polls the feeds listed in feedsFile and indexes each new item,
// firing the alerts; the feeds' state is kept in the data folder. Each round
// is logged, with each failed feed and each skipped item and why.
func newWatcher(data, feedsFile string, in *indexer.Indexer, allowPrivate bool, log *slog.Logger) *feeds.Watcher {
	emit := func(ctx context.Context, docs []corpus.Document) error {
		sum, err := in.Documents(ctx, docs)
		for _, s := range sum.Skipped {
			_, why := skipReason(s.Err)
			log.Warn("feed item skipped", "item", s.Name, "reason", why, "err", s.Err)
		}
		return err
	}
	report := func(s feeds.Summary, err error) {
		log.Info("feeds polled", "feeds", s.Feeds, "not_modified", s.NotModified, "new_items", s.NewItems, "errors", len(s.Errors))
		for feed, ferr := range s.Errors {
			log.Warn("feed failed", "feed", feed, "reason", fetchReason(ferr), "err", ferr)
		}
		if err != nil {
			log.Error("feeds", "err", err)
		}
	}
	return watcher(data, feedsFile, allowPrivate, emit, report)
}

func watcher(data, feedsFile string, allowPrivate bool, emit func(context.Context, []corpus.Document) error, report func(feeds.Summary, error)) *feeds.Watcher {
	return feeds.NewWatcher(feeds.NewFetcher(feeds.Options{AllowPrivate: allowPrivate}), feedsFile,
		filepath.Join(data, "feeds-state.json"), emit, feeds.WatchOptions{Report: report})
}

func watchCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("watch", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", defaultData, "data folder holding the index and the alerts")
	once := fs.Bool("once", false, "poll every feed once, list what came, and stop; fails when every feed failed")
	every := fs.Duration("every", 15*time.Minute, "how often to poll the feeds")
	allowPrivate := fs.Bool("allow-private-network", false, allowPrivateUsage)
	verbose := fs.Bool("verbose", false, "with --once, also print the error behind each failed feed and skipped item")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("watch: usage: advosearch watch [--data DIR] [--once] FEEDS_FILE")
	}
	feedsFile := fs.Arg(0)
	// Before the data folder is opened, so that a typo creates nothing.
	if _, err := os.Stat(feedsFile); errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("watch: %s: no such file (a file of feed URLs, one a line)", feedsFile)
	} else if err != nil {
		return fmt.Errorf("watch: %w", err)
	}
	d, err := openData(*data, indexer.Options{}, true)
	if err != nil {
		return err
	}
	defer d.Close()
	if !*once {
		w := newWatcher(*data, feedsFile, d.in, *allowPrivate, slog.New(slog.NewTextHandler(stderr, nil)))
		return w.Run(ctx, *every)
	}
	// One round, told item by item. emit is never called concurrently.
	var indexed indexer.Summary
	var items []string
	emit := func(ctx context.Context, docs []corpus.Document) error {
		sum, err := d.in.Documents(ctx, docs)
		for _, doc := range docs {
			items = append(items, doc.Name)
		}
		indexed.Indexed += sum.Indexed
		indexed.Unchanged += sum.Unchanged
		indexed.Deleted = append(indexed.Deleted, sum.Deleted...)
		indexed.Skipped = append(indexed.Skipped, sum.Skipped...)
		indexed.Warnings = append(indexed.Warnings, sum.Warnings...)
		return err
	}
	start := time.Now()
	sum, err := watcher(*data, feedsFile, *allowPrivate, emit, nil).RunOnce(ctx)
	indexed.Elapsed = time.Since(start)
	if err != nil {
		return err
	}
	return printRound(stdout, feedsFile, sum, items, indexed, *verbose)
}

// printRound tells what one round of watch did: the feeds, each failed one
// with its reason, each new item, and the counts of what was written, as
// index does. It is an error when no feed could be read, so that a cron job
// hears of it.
func printRound(w io.Writer, feedsFile string, sum feeds.Summary, items []string, indexed indexer.Summary, verbose bool) error {
	failed := slices.Sorted(maps.Keys(sum.Errors))
	feedsFailed := 0
	for _, f := range failed {
		// The others are lines of the feeds file that hold no feed URL.
		if strings.HasPrefix(f, "http://") || strings.HasPrefix(f, "https://") {
			feedsFailed++
		}
	}
	withItems := sum.Feeds - sum.NotModified - feedsFailed
	fmt.Fprintf(w, "feeds %d: %d with new items, %d not modified, %d failed", sum.Feeds, max(0, withItems), sum.NotModified, feedsFailed)
	switch bad := len(failed) - feedsFailed; {
	case bad == 1:
		fmt.Fprintf(w, "; 1 line of %s is no feed URL", feedsFile)
	case bad > 1:
		fmt.Fprintf(w, "; %d lines of %s are no feed URL", bad, feedsFile)
	}
	fmt.Fprintln(w)
	for _, f := range failed {
		fmt.Fprintf(w, "  failed %s: %s\n", f, fetchReason(sum.Errors[f]))
		if verbose {
			fmt.Fprintf(w, "      (%v)\n", sum.Errors[f])
		}
	}
	skipped := map[string]error{}
	for _, s := range indexed.Skipped {
		skipped[s.Name] = s.Err
	}
	for _, name := range items {
		if slices.Contains(indexed.Deleted, name) {
			fmt.Fprintf(w, "  new %s, left out: %s\n", name, msgStillDeleted)
			continue
		}
		err, ok := skipped[name]
		if !ok {
			fmt.Fprintf(w, "  new %s\n", name)
			continue
		}
		_, why := skipReason(err)
		fmt.Fprintf(w, "  new %s, skipped: %s\n", name, why)
		if verbose {
			fmt.Fprintf(w, "      (%v)\n", err)
		}
	}
	if sum.Fallbacks > 0 {
		fmt.Fprintf(w, "  %d of the new items read from the feed's own text: they link to no page, or it could not be fetched\n", sum.Fallbacks)
	}
	// The counts come from the indexer: a skipped item was handed on, but
	// it was not indexed.
	fmt.Fprintf(w, "indexed %d, unchanged %d, skipped %d%s%s in %s\n",
		indexed.Indexed, indexed.Unchanged, len(indexed.Skipped), skipCounts(indexed.Skipped), otherCounts(indexed), indexed.Elapsed.Round(1e6))
	for _, warn := range indexed.Warnings {
		fmt.Fprintf(w, "  warning %s: %s\n", warn.Name, warn.Note)
	}
	switch {
	case sum.Feeds == 0 && len(failed) == 0:
		return fmt.Errorf("watch: %s lists no feed URLs", feedsFile)
	case sum.Feeds == feedsFailed:
		return fmt.Errorf("watch: no feed could be read (%d failed)", len(failed))
	}
	return nil
}

// msgStillDeleted says why a document sent again was left out.
const msgStillDeleted = "its statement was deleted from the index, and this is the same content; only changed content brings it back"

// ingestResult says what an ingest request did, in the web's terms. A
// record whose statement was deleted, sent unchanged, is a skip with its
// reason: the client sees why it is not in the index.
func ingestResult(sum indexer.Summary) web.IngestResult {
	r := web.IngestResult{Indexed: sum.Indexed, Unchanged: sum.Unchanged, Duplicates: len(sum.Duplicates), IDs: sum.IDs}
	for _, s := range sum.Skipped {
		_, why := skipReason(s.Err)
		r.Skipped = append(r.Skipped, web.IngestSkip{Name: s.Name, Reason: why})
	}
	for _, name := range sum.Deleted {
		r.Skipped = append(r.Skipped, web.IngestSkip{Name: name, Reason: msgStillDeleted})
	}
	return r
}
