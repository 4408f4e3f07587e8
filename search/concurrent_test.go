package search

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/advosearch/advosearch/index"
)

// TestEngine_Search_whileIndexing searches while batches are written into
// the same index (run with -race): every search answers, and the totals it
// sees only grow.
func TestEngine_Search_whileIndexing(t *testing.T) {
	ix, err := index.Open(t.TempDir(), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	e := New(ix)
	const batches, perBatch = 20, 50

	var wg sync.WaitGroup
	wg.Add(1)
	writeErr := make(chan error, 1)
	go func() {
		defer wg.Done()
		for b := range batches {
			var stmts []index.Statement
			for i := range perBatch {
				stmts = append(stmts, index.Statement{
					ID: fmt.Sprintf("s%d-%d", b, i), Title: "Statement", Source: "LICADHO",
					Body:   "Human rights defenders were detained in Phnom Penh, LICADHO said.",
					Quotes: []index.Quote{{Text: "we call for their immediate release now", Speaker: "LICADHO"}},
				})
			}
			if err := ix.Write(stmts, nil); err != nil {
				writeErr <- err
				return
			}
		}
	}()

	var last uint64
	for searches := 0; ; searches++ {
		res, err := e.Search(context.Background(), Request{Query: `"human rights" detained`})
		if err != nil {
			t.Fatalf("search %d during indexing: %v", searches, err)
		}
		if res.Total < last {
			t.Fatalf("total went from %d down to %d", last, res.Total)
		}
		last = res.Total
		if _, err := e.Quotes(context.Background(), QuoteRequest{Query: "immediate release"}); err != nil {
			t.Fatalf("quote search during indexing: %v", err)
		}
		if last == batches*perBatch {
			break
		}
		select {
		case err := <-writeErr:
			t.Fatal(err)
		default:
		}
	}
	wg.Wait()
}
