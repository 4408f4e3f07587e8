package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/advosearch/advosearch/alerts"
	"github.com/advosearch/advosearch/corpus"
	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/indexer"
	"github.com/advosearch/advosearch/originals"
	"github.com/advosearch/advosearch/web"
)

// openIndex opens, or creates, the index inside the data folder.
func openIndex(data string) (*index.Index, error) {
	return index.Open(indexPath(data), index.Options{})
}

func indexPath(data string) string { return filepath.Join(data, "index") }

// dataFolder is what an indexing command holds open in the data folder: the
// index, the alerts, and an indexer that matches every new or changed
// statement against the saved searches before its batch is written.
type dataFolder struct {
	ix     *index.Index
	alerts *alerts.Store
	in     *indexer.Indexer
	// originals keeps the files sent to the server, for the statement
	// page's link to the file a statement was read from.
	originals *originals.Store
}

// openData opens the data folder. With localAlerts its indexer matches new
// statements against the alerts file and marks the matches of deleted
// ones; without, the alerts are in the shared record (serve --store),
// which matches each batch itself (record.Store.RunPercolation), and the
// hooks in opts mark the matches of deleted statements.
func openData(data string, opts indexer.Options, localAlerts bool) (*dataFolder, error) {
	ix, err := openIndex(data)
	if err != nil {
		return nil, err
	}
	store, err := openAlerts(data)
	if err != nil {
		ix.Close()
		return nil, err
	}
	if localAlerts {
		opts = matchLocalAlerts(opts, store)
	}
	in, err := indexer.New(ix, opts)
	if err != nil {
		store.Close()
		ix.Close()
		return nil, err
	}
	kept, err := originals.Open(filepath.Join(data, "originals"))
	if err != nil {
		store.Close()
		ix.Close()
		return nil, err
	}
	return &dataFolder{ix: ix, alerts: store, in: in, originals: kept}, nil
}

// matchLocalAlerts adds to opts the matching of each batch against the
// alerts file before it is written, and the marking of the matches of
// deleted statements. Hooks already in opts run first: what they refuse is
// matched against no alert.
func matchLocalAlerts(opts indexer.Options, store *alerts.Store) indexer.Options {
	beforeWrite, beforeDelete := opts.BeforeWrite, opts.BeforeDelete
	opts.BeforeWrite = func(ctx context.Context, stmts []index.Statement) error {
		if beforeWrite != nil {
			if err := beforeWrite(ctx, stmts); err != nil {
				return err
			}
		}
		_, err := store.PercolateBatch(ctx, stmts)
		return err
	}
	opts.BeforeDelete = func(ctx context.Context, ids []string) error {
		if beforeDelete != nil {
			if err := beforeDelete(ctx, ids); err != nil {
				return err
			}
		}
		_, err := store.MarkDeleted(ctx, ids)
		return err
	}
	return opts
}

// Close closes the alerts and the index; it is safe to call twice.
func (d *dataFolder) Close() error {
	return errors.Join(d.alerts.Close(), d.ix.Close())
}

// Delete deletes one statement for DELETE /api/documents/:id, marking its
// alert matches deleted first (openData); it wraps index.ErrNotFound when
// no statement has the ID.
func (d *dataFolder) Delete(ctx context.Context, id string) error {
	stored, err := d.ix.Lookup(ctx, []string{id})
	if err != nil {
		return err
	}
	deleted, err := d.in.Delete(ctx, []string{id})
	if err != nil {
		return err
	}
	if len(deleted) == 0 {
		return fmt.Errorf("%w: %s", index.ErrNotFound, id)
	}
	// A statement taken down must not stay downloadable. Another
	// statement of the very same bytes (a duplicate is merged, so only
	// one from an index built before that) loses its copy too; its page
	// then offers none.
	return d.originals.Remove(stored[id].Hash)
}

// ingestFile indexes a file sent to the server as "advosearch index" reads
// it from disk: the same type, the same name, so the same statement IDs.
// The file itself is kept first, for the statement page's link to it.
func (d *dataFolder) ingestFile(ctx context.Context, f web.IngestFile) (indexer.Summary, error) {
	if f.ContentType == corpus.TypeJSONL {
		return d.in.JSONLPart(ctx, bytes.NewReader(f.Body), f.Origin, f.FirstLine)
	}
	doc := corpus.Document{ID: corpus.ID(f.Origin), Name: f.Origin, ContentType: f.ContentType, Body: f.Body, Fetched: time.Now()}
	if err := d.originals.Put(indexer.ContentHash(doc), doc.ContentType, doc.Body); err != nil {
		return indexer.Summary{}, err
	}
	return d.in.Documents(ctx, []corpus.Document{doc})
}

// indexSeedsIfEmpty gives a new index the embedded sample statements, so the
// server is useful with no set-up. An index whose statements were all
// deleted is not new: it gets nothing.
func indexSeedsIfEmpty(ctx context.Context, ix *index.Index, in *indexer.Indexer, stdout io.Writer) error {
	n, err := ix.Count()
	if err != nil || n > 0 {
		return err
	}
	if n, err := ix.CountDeleted(); err != nil || n > 0 {
		return err
	}
	seeds, err := corpus.Seeds()
	if err != nil {
		return err
	}
	sum, err := in.Documents(ctx, seeds)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "indexed the %d embedded sample statements\n", sum.Indexed)
	printSkipped(stdout, sum.Skipped, false)
	return nil
}

// Backup writes a consistent copy of the data folder into dest, a folder
// that must not exist yet: a snapshot of the index and of the alerts, taken
// while both stay in use, and the webhook secret. dest is then a data folder
// of its own.
func (d *dataFolder) Backup(dest, data string) error {
	if err := os.Mkdir(dest, 0o755); errors.Is(err, os.ErrExist) {
		return fmt.Errorf("backup: %s: %w", dest, web.ErrBackupExists)
	} else if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if err := d.ix.Backup(indexPath(dest)); err != nil {
		return err
	}
	if err := d.alerts.Backup(alertsPath(dest)); err != nil {
		return err
	}
	if err := d.originals.CopyTo(filepath.Join(dest, "originals")); err != nil {
		return err
	}
	secret, err := os.ReadFile(filepath.Join(data, "webhook.secret"))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	return os.WriteFile(filepath.Join(dest, "webhook.secret"), secret, 0o600)
}
