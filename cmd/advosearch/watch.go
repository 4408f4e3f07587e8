package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
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
// firing the alerts; the feeds' state is kept in the data folder.
func newWatcher(data, feedsFile string, in *indexer.Indexer, allowPrivate bool, log *slog.Logger) *feeds.Watcher {
	emit := func(ctx context.Context, docs []corpus.Document) error {
		_, err := in.Documents(ctx, docs)
		return err
	}
	report := func(s feeds.Summary, err error) {
		log.Info("feeds polled", "feeds", s.Feeds, "not_modified", s.NotModified, "new_items", s.NewItems, "errors", len(s.Errors))
		for feed, ferr := range s.Errors {
			log.Warn("feed failed", "feed", feed, "err", ferr)
		}
		if err != nil {
			log.Error("feeds", "err", err)
		}
	}
	return feeds.NewWatcher(feeds.NewFetcher(feeds.Options{AllowPrivate: allowPrivate}), feedsFile,
		filepath.Join(data, "feeds-state.json"), emit, feeds.WatchOptions{Report: report})
}

func watchCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("watch", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", defaultData, "data folder holding the index and the alerts")
	once := fs.Bool("once", false, "poll every feed once and stop")
	every := fs.Duration("every", 15*time.Minute, "how often to poll the feeds")
	allowPrivate := fs.Bool("allow-private-network", false, allowPrivateUsage)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("watch: usage: advosearch watch [--data DIR] [--once] FEEDS_FILE")
	}
	d, err := openData(*data, indexer.Options{})
	if err != nil {
		return err
	}
	defer d.Close()
	w := newWatcher(*data, fs.Arg(0), d.in, *allowPrivate, slog.New(slog.NewTextHandler(stderr, nil)))
	if !*once {
		return w.Run(ctx, *every)
	}
	sum, err := w.RunOnce(ctx)
	fmt.Fprintf(stdout, "feeds %d, not modified %d, new items %d, indexed %d, errors %d\n",
		sum.Feeds, sum.NotModified, sum.NewItems, sum.Emitted, len(sum.Errors))
	return err
}

// ingestResult says what an ingest request did, in the web's terms.
func ingestResult(sum indexer.Summary) web.IngestResult {
	r := web.IngestResult{Indexed: sum.Indexed, Unchanged: sum.Unchanged, IDs: sum.IDs}
	for _, s := range sum.Skipped {
		_, why := skipReason(s.Err)
		r.Skipped = append(r.Skipped, web.IngestSkip{Name: s.Name, Reason: why})
	}
	return r
}
