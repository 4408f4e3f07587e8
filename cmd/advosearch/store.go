package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"

	"github.com/advosearch/advosearch/alerts"
	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/indexer"
	"github.com/advosearch/advosearch/record"
	"github.com/advosearch/advosearch/web"
)

// recordOptions makes the indexer write each batch, and each deletion, to
// the shared record before the node's own index: what the record refuses
// is written nowhere, and what it took reaches every node, this one too.
// A deletion marks the statements' matches in the shared alerts too.
func recordOptions(rec *record.Store, shared *alerts.Shared) indexer.Options {
	return indexer.Options{
		BeforeWrite: func(ctx context.Context, stmts []index.Statement) error { return unavailable(rec.Put(ctx, stmts)) },
		BeforeDelete: func(ctx context.Context, ids []string) error {
			if err := rec.Delete(ctx, ids); err != nil {
				return unavailable(err)
			}
			_, err := shared.MarkDeleted(ctx, ids)
			return unavailable(err)
		},
	}
}

// unavailable marks an unreachable record for package web, which answers
// it with 503 rather than 500.
func unavailable(err error) error {
	if errors.Is(err, record.ErrUnavailable) || errors.Is(err, alerts.ErrUnavailable) {
		return fmt.Errorf("%w: %w", web.ErrUnavailable, err)
	}
	return err
}

// recordCursorPath is where a node keeps the sequence number its index has
// applied.
func recordCursorPath(data string) string { return filepath.Join(data, "record.cursor") }

// followRecord starts the node's follower; stop, safe to call twice, waits
// until it has stopped, before the index closes under it.
func followRecord(rec *record.Store, ix *index.Index, data string, logger *slog.Logger) (f *record.Follower, stop func(), err error) {
	f, err = record.NewFollower(rec, ix, recordCursorPath(data), record.FollowerOptions{Logger: logger})
	if err != nil {
		return nil, nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = f.Run(ctx) // it returns only ctx's error, when stopped
	}()
	return f, sync.OnceFunc(func() { cancel(); <-done }), nil
}

// ingestLog adds what each request ingested to the shared record's ingest
// log (record.Store.LogIngest); without a record it does nothing.
type ingestLog struct {
	rec    *record.Store
	node   string
	logger *slog.Logger
}

// ingest logs an ingest that succeeded and passes its result on. A log
// entry that cannot be written is only logged: the statements are in the
// record already, and the client was told so.
func (l ingestLog) ingest(ctx context.Context, what string, r web.IngestResult, err error) (web.IngestResult, error) {
	if l.rec == nil || err != nil {
		return r, err
	}
	entry := record.Ingest{Node: l.node, What: what, Indexed: r.Indexed, Unchanged: r.Unchanged, Duplicates: r.Duplicates}
	for _, s := range r.Skipped {
		entry.Skipped = append(entry.Skipped, record.Skip{Name: s.Name, Reason: s.Reason})
	}
	if lerr := l.rec.LogIngest(ctx, entry); lerr != nil {
		l.logger.Warn("the ingest log missed an entry", "what", what, "err", lerr)
	}
	return r, nil
}

// nodeName names this node in the ingest log: its host and the address it
// listens on.
func nodeName(addr string) string {
	host, err := os.Hostname()
	if err != nil {
		return addr
	}
	return host + " " + addr
}
