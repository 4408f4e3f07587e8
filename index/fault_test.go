package index_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"

	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/internal/disktest"
)

// TestIndex_Write_diskFull writes batches two at a time, as the indexer
// does, until a 2 MiB disk is full. Every failed write says the disk is
// full, also the one that failed beside it; nothing panics (Bleve closes a
// failed batch's segment although its snapshot still holds it: see heal);
// the index holds every batch that was written; and once there is room,
// writing carries on. Run with -race for the locking of heal and reopen.
//
// Readers run all along, the ones Bleve spreads over goroutines of its own
// (a field's terms, a prefix) included: one under way as a batch fails may
// fail, but must not crash the process (see keepOpenPlugin).
func TestIndex_Write_diskFull(t *testing.T) {
	mnt := disktest.Mount(t, "2m")
	ix, err := index.Open(filepath.Join(mnt, "index"), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()

	const size = 20
	var written [2]int
	var failed [2]error
	var writers sync.WaitGroup
	stop := make(chan struct{})
	readsDone := make(chan int)
	go func() { readsDone <- readUntil(ix, stop) }()
	for w := range 2 {
		writers.Add(1)
		go func() {
			defer writers.Done()
			for b := 0; b < 1000; b++ {
				if err := ix.Write(batchOf(w, b, size), nil); err != nil {
					failed[w] = err
					return
				}
				written[w] += size
			}
		}()
	}
	writers.Wait()
	close(stop)
	reads := <-readsDone
	t.Logf("written %d + %d statements, %d reads beside; failed with:\n%v\n%v", written[0], written[1], reads, failed[0], failed[1])
	if reads == 0 {
		t.Error("no read succeeded while the batches were written")
	}

	for w, err := range failed {
		if err == nil {
			t.Fatalf("writer %d wrote 1,000 batches on a 2 MiB disk; make them larger", w)
		}
		if !errors.Is(err, syscall.ENOSPC) {
			t.Errorf("writer %d: %v; want it to wrap ENOSPC", w, err)
		}
	}
	n, err := ix.Count()
	if err != nil {
		t.Fatalf("count after the disk filled up: %v", err)
	}
	if int(n) < written[0]+written[1] {
		t.Errorf("%d statements after the disk filled up, want at least the %d written", n, written[0]+written[1])
	}

	disktest.Remount(t, mnt, "size=32m")
	if err := ix.Write(batchOf(2, 0, size), nil); err != nil {
		t.Fatalf("write with room again: %v", err)
	}
	if m, err := ix.Count(); err != nil || m != n+size {
		t.Errorf("after a write with room again: %d statements (%v), want %d", m, err, n+size)
	}
}

// readUntil reads ix the ways a search and an index run do, until stop is
// closed, and returns how many reads succeeded.
func readUntil(ix *index.Index, stop <-chan struct{}) int {
	ctx := context.Background()
	reads := 0
	for {
		select {
		case <-stop:
			return reads
		default:
		}
		errs := []error{
			ix.Read(func(r bindex.IndexReader) error {
				terms, err := r.FieldDict(index.FieldBody)
				if err != nil {
					return err
				}
				defer terms.Close()
				for t, err := terms.Next(); t != nil || err != nil; t, err = terms.Next() {
					if err != nil {
						return err
					}
				}
				return nil
			}),
			func() error { _, err := ix.Origins(ctx, "w"); return err }(),
			func() error { _, err := ix.Count(); return err }(),
		}
		if errors.Join(errs...) == nil {
			reads++
		}
	}
}

// batchOf is batch b of writer w: size statements of about 360 words,
// each with a word of its own.
func batchOf(w, b, size int) []index.Statement {
	stmts := make([]index.Statement, size)
	for i := range stmts {
		id := fmt.Sprintf("w%d-%d-%d", w, b, i)
		stmts[i] = index.Statement{
			ID: id, Title: "Statement " + id, Hash: id,
			Body: strings.Repeat(fmt.Sprintf("The coalition condemns detention %s of the journalist in the border village. ", strings.ReplaceAll(id, "-", "x")), 30),
		}
	}
	return stmts
}
