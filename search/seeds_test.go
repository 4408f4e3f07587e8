package search

import (
	"context"
	"testing"

	"github.com/advosearch/advosearch/corpus"
	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/indexer"
)

// seedEngine indexes the five embedded sample statements, the real corpus
// whose texts the expectations below were read from.
func seedEngine(t testing.TB) *Engine {
	t.Helper()
	ix, err := index.Open(t.TempDir(), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	seeds, err := corpus.Seeds()
	if err != nil {
		t.Fatal(err)
	}
	in, err := indexer.New(ix, indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := in.Documents(context.Background(), seeds); err != nil {
		t.Fatal(err)
	}
	return New(ix)
}
