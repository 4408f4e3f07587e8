package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/advosearch/advosearch/alerts"
	"github.com/advosearch/advosearch/client"
	"github.com/advosearch/advosearch/corpus"
	"github.com/advosearch/advosearch/feeds"
	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/indexer"
)

func indexFiles(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("index", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", defaultData, "data folder holding the index")
	batch := fs.Int("batch", 0, "statements written per batch (default 500)")
	rebuild := fs.Bool("rebuild", false, "build a new index from PATH... beside the current one and switch to it when complete")
	prune := fs.Bool("prune", false, "also remove the statements read from a file under PATH... that is gone, or from a JSONL record its file no longer holds")
	every := fs.Duration("progress", 2*time.Second, "how often to print progress")
	allowPrivate := fs.Bool("allow-private-network", false, allowPrivateUsage)
	server := fs.String("server", "", "send the files to the advosearch server at this URL instead of opening the index (it holds the index while it runs)")
	token := fs.String("token", os.Getenv("ADVOSEARCH_TOKEN"), "the server's token, with --server")
	secret := fs.String("webhook-secret", os.Getenv("ADVOSEARCH_WEBHOOK_SECRET"), "key that signs webhook deliveries (default: kept in the data folder)")
	verbose := fs.Bool("verbose", false, "also print the error behind each skipped file, as a bug report needs it")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errors.New("index: name at least one file or folder")
	}
	if err := checkPaths(fs.Args()); err != nil {
		return err
	}
	opts := indexer.Options{BatchSize: *batch, Progress: stderr, ProgressEvery: *every}
	switch {
	case *prune && *rebuild:
		return errors.New("index: --prune with --rebuild: a rebuild holds only what PATH... holds already; leave out --prune")
	case *prune && *server != "":
		return errors.New("index: --prune works on the data folder, not through a server: stop the server and run it without --server, or delete single statements with DELETE /api/documents/ID")
	case *rebuild:
		return rebuildIndex(ctx, *data, fs.Args(), opts, stdout, *verbose)
	case *server != "":
		return sendToServer(ctx, client.New(*server, *token), fs.Args(), opts.MaxDocumentBytes, stdout, *verbose)
	}
	// A rebuild re-reads what is already known, so only this path matches
	// saved searches.
	d, err := openData(*data, opts, true)
	if err != nil {
		return err
	}
	defer d.Close()
	in := d.in
	urls, paths := splitURLs(fs.Args())
	files := in.Files
	if *prune {
		files = in.Prune
	}
	sum, err := files(ctx, paths)
	if err == nil && len(urls) > 0 {
		var fetched indexer.Summary
		fetched, err = indexPages(ctx, in, urls, *allowPrivate)
		sum.Indexed, sum.Unchanged = sum.Indexed+fetched.Indexed, sum.Unchanged+fetched.Unchanged
		sum.Deleted = append(sum.Deleted, fetched.Deleted...)
		sum.Skipped = append(sum.Skipped, fetched.Skipped...)
	}
	printSummary(stdout, sum, *verbose)
	if err != nil {
		return err
	}
	if err := d.ix.Close(); err != nil {
		return err
	}
	deliverNow(ctx, d.alerts, *data, *secret, *allowPrivate, stdout)
	return d.Close()
}

// checkPaths makes sure that every path named exists before anything is
// opened or created: a typo then costs nothing, neither a data folder nor a
// summary of nothing done. URLs are left to the fetcher.
func checkPaths(args []string) error {
	_, paths := splitURLs(args)
	for _, p := range paths {
		_, err := os.Stat(p)
		switch {
		case err == nil:
		case errors.Is(err, fs.ErrNotExist):
			return fmt.Errorf("index: %s: no such file or folder", p)
		default:
			return unreadablePath{err}
		}
	}
	return nil
}

// unreadablePath is a path named to index that cannot be read. It keeps
// the error's path, so that a folder that cannot be read is named, not
// taken for the data folder (storageFailure).
type unreadablePath struct{ err error }

func (u unreadablePath) Error() string {
	var pathErr *fs.PathError
	if errors.As(u.err, &pathErr) {
		return fmt.Sprintf("cannot read %s: %v", pathErr.Path, pathErr.Err)
	}
	return u.err.Error()
}

func (u unreadablePath) Unwrap() error { return u.err }

// sendToServer sends the files, as they are on disk, to a running server,
// which indexes them as this command would (the same statements, the same
// IDs) and fires its alerts. A file the server refuses is reported, and the
// others are sent.
func sendToServer(ctx context.Context, c *client.Client, paths []string, maxBytes int64, stdout io.Writer, verbose bool) error {
	if maxBytes <= 0 {
		maxBytes = indexer.DefaultMaxDocumentBytes
	}
	listing, err := corpus.List(paths)
	if err != nil {
		return err
	}
	skipped := listing.Skipped
	var res client.Result
	var refused []string
	sent := 0
	for _, f := range listing.Files {
		file, ctype, err := openToSend(f, maxBytes)
		if err != nil {
			skipped = append(skipped, corpus.Skipped{Name: f, Err: err})
			continue
		}
		r, err := c.SendFile(ctx, f, ctype, file)
		file.Close()
		res.Add(r)
		var refusal *client.ServerError
		switch {
		case errors.As(err, &refusal) && refusal.Refused():
			refused = append(refused, fmt.Sprintf("  refused by the server %s: %s", f, refusal.Message))
			continue
		case err != nil:
			printSent(stdout, sent, res, skipped, refused, listing.Ignored, verbose)
			return err
		}
		sent++
	}
	printSent(stdout, sent, res, skipped, refused, listing.Ignored, verbose)
	return nil
}

// openToSend opens a file to send, if it is of a type advosearch reads and
// within maxBytes; a JSONL file may be any size, since it goes in parts.
func openToSend(path string, maxBytes int64) (*os.File, string, error) {
	ctype, ok := corpus.TypeOfName(path)
	if !ok {
		return nil, "", fmt.Errorf("%w: %s", corpus.ErrUnsupported, path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, "", err
	}
	info, err := f.Stat()
	if err == nil && ctype != corpus.TypeJSONL && info.Size() > maxBytes {
		err = fmt.Errorf("%w: %d bytes, the limit is %d", corpus.ErrTooLarge, info.Size(), maxBytes)
	}
	if err != nil {
		f.Close()
		return nil, "", err
	}
	return f, ctype, nil
}

// printSent is the summary of index --server.
func printSent(w io.Writer, sent int, res client.Result, skipped []corpus.Skipped, refused []string, ignored map[string]int, verbose bool) {
	kinds := make([]string, 0, len(skipped)+len(res.Skipped)+len(refused))
	for _, s := range skipped {
		kind, _ := skipReason(s.Err)
		kinds = append(kinds, kind)
	}
	for range res.Skipped {
		kinds = append(kinds, "by the server")
	}
	for range refused {
		kinds = append(kinds, "refused by the server")
	}
	dups := ""
	if res.Duplicates > 0 {
		dups = fmt.Sprintf(", duplicates %d", res.Duplicates)
	}
	fmt.Fprintf(w, "sent %d files, indexed %d, unchanged %d%s, skipped %d%s\n",
		sent, res.Indexed, res.Unchanged, dups, len(kinds), countKinds(kinds))
	printIgnored(w, ignored)
	printSkipped(w, skipped, verbose)
	for _, s := range res.Skipped {
		where := s.Name
		if s.Line > 0 {
			where = fmt.Sprintf("%s line %d", s.Name, s.Line)
		}
		fmt.Fprintf(w, "  skipped by the server: %s: %s\n", where, s.Reason)
	}
	for _, r := range refused {
		fmt.Fprintln(w, r)
	}
}

// splitURLs tells statement page URLs from file paths.
func splitURLs(args []string) (urls, paths []string) {
	for _, a := range args {
		if strings.HasPrefix(a, "http://") || strings.HasPrefix(a, "https://") {
			urls = append(urls, a)
		} else {
			paths = append(paths, a)
		}
	}
	return urls, paths
}

// indexPages fetches statement pages politely and indexes them; a page that
// cannot be fetched is a skip with its reason.
func indexPages(ctx context.Context, in *indexer.Indexer, urls []string, allowPrivate bool) (indexer.Summary, error) {
	f := feeds.NewFetcher(feeds.Options{AllowPrivate: allowPrivate})
	var docs []corpus.Document
	var skipped []corpus.Skipped
	for _, u := range urls {
		d, err := f.Page(ctx, u)
		if err != nil {
			skipped = append(skipped, corpus.Skipped{Name: u, Err: err})
			continue
		}
		docs = append(docs, d)
	}
	sum, err := in.Documents(ctx, docs)
	sum.Skipped = append(skipped, sum.Skipped...)
	return sum, err
}

// deliverNow makes one pass over the webhook outbox, so receivers hear of
// new matches without waiting for the server; what fails stays in the
// outbox for the server's deliverer to retry.
func deliverNow(ctx context.Context, store *alerts.Store, data, secret string, allowPrivate bool, stdout io.Writer) {
	key, err := webhookSecret(data, secret)
	if err != nil {
		fmt.Fprintln(stdout, "webhooks not delivered:", err)
		return
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	n, err := alerts.NewDeliverer(store, alerts.DelivererOptions{Secret: []byte(key), AllowPrivate: allowPrivate}).DeliverDue(ctx)
	if n > 0 || err != nil {
		fmt.Fprintf(stdout, "webhooks: %d delivered", n)
		if err != nil {
			fmt.Fprintf(stdout, "; the rest stay queued for advosearch serve: %v", err)
		}
		fmt.Fprintln(stdout)
	}
}

// rebuildIndex indexes paths into a new generation and switches to it only
// when every batch is written; the current index serves until then.
func rebuildIndex(ctx context.Context, data string, paths []string, opts indexer.Options, stdout io.Writer, verbose bool) error {
	var sum indexer.Summary
	note, err := index.Rebuild(indexPath(data), index.Options{}, func(ix *index.Index) error {
		in, err := indexer.New(ix, opts)
		if err != nil {
			return err
		}
		sum, err = in.Files(ctx, paths)
		return err
	})
	printSummary(stdout, sum, verbose)
	if err != nil {
		return fmt.Errorf("rebuild failed, the previous index is unchanged: %w", err)
	}
	fmt.Fprintln(stdout, "switched to the rebuilt index")
	if note != "" {
		fmt.Fprintln(stdout, note)
	}
	return nil
}
