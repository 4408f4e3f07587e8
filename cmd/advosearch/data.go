package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/advosearch/advosearch/alerts"
	"github.com/advosearch/advosearch/corpus"
	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/indexer"
)

// openIndex opens, or creates, the index inside the data folder.
func openIndex(data string) (*index.Index, error) {
	return index.Open(indexPath(data), index.Options{})
}

func indexPath(data string) string { return filepath.Join(data, "index") }

// alertingIndexer indexes into ix and matches every new or changed
// statement against the saved searches in store before its batch is
// written.
func alertingIndexer(ix *index.Index, store *alerts.Store, opts indexer.Options) (*indexer.Indexer, error) {
	opts.BeforeWrite = func(ctx context.Context, stmts []index.Statement) error {
		_, err := store.PercolateBatch(ctx, stmts)
		return err
	}
	return indexer.New(ix, opts)
}

// indexSeedsIfEmpty gives a new index the embedded sample statements, so the
// server is useful with no set-up.
func indexSeedsIfEmpty(ctx context.Context, ix *index.Index, in *indexer.Indexer, stdout io.Writer) error {
	n, err := ix.Count()
	if err != nil || n > 0 {
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
	printSkipped(stdout, sum.Skipped)
	return nil
}

func printSummary(w io.Writer, sum indexer.Summary) {
	fmt.Fprintf(w, "indexed %d, unchanged %d, skipped %d in %s\n",
		sum.Indexed, sum.Unchanged, len(sum.Skipped), sum.Elapsed.Round(1e6))
	printSkipped(w, sum.Skipped)
}

func printSkipped(w io.Writer, skipped []corpus.Skipped) {
	for _, s := range skipped {
		fmt.Fprintf(w, "  skipped %s: %s\n", s.Name, strings.TrimPrefix(s.Err.Error(), "corpus: "))
	}
}
