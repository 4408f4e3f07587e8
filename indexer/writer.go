package indexer

import (
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/advosearch/advosearch/index"
)

const (
	// parallelWrites is how many batches are written to the index at once.
	// Bleve analyses a batch on every core but builds its segment on one;
	// written one at a time, that build was 45% of the wall time of
	// indexing 10,000 statements, with a core idle meanwhile.
	parallelWrites = 2
	// writeAhead is how many extracted batches may wait for a write, so
	// that extraction goes on while both writes run. Each is a few MB.
	writeAhead = 2
)

// writer writes batches while the next ones are extracted. Each batch is
// atomic, so the index holds whole batches; but two written at once may
// reach the disk in either order, so after a crash or a failed write a
// batch may be missing while the next is there. Running the same command
// again writes what is missing: unchanged statements are skipped by their
// hashes.
type writer struct {
	queue chan []index.Statement
	wg    sync.WaitGroup // the batches queued or being written

	mu sync.Mutex
	// pending are the IDs of the batches queued or being written. A batch
	// sharing one waits for them, so the last version of a statement is
	// written last.
	pending map[string]bool
	err     error // the first failed write

	written atomic.Int64
	closed  sync.Once
}

func newWriter(ix *index.Index) *writer {
	w := &writer{queue: make(chan []index.Statement, writeAhead), pending: map[string]bool{}}
	for range parallelWrites {
		go func() {
			for stmts := range w.queue {
				err := w.failure()
				if err == nil {
					err = ix.Write(stmts, nil)
				}
				w.done(stmts, err)
			}
		}()
	}
	return w
}

// add queues a batch, waiting while writeAhead others are queued; after a
// failed write it returns that failure instead, and the run must stop.
func (w *writer) add(stmts []index.Statement) error {
	if w.overlaps(stmts) {
		w.wg.Wait()
	}
	if err := w.failure(); err != nil {
		return err
	}
	w.mu.Lock()
	for _, s := range stmts {
		w.pending[s.ID] = true
	}
	w.mu.Unlock()
	w.wg.Add(1)
	w.queue <- stmts
	return nil
}

// done counts a batch written, or keeps the first failure; once a write has
// failed, the batches still queued are dropped with it as their error.
func (w *writer) done(stmts []index.Statement, err error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	defer w.wg.Done()
	for _, s := range stmts {
		delete(w.pending, s.ID)
	}
	switch {
	case err != nil && w.err == nil:
		w.err = &batchError{fmt.Errorf("indexer: %w", err)}
	case err == nil:
		w.written.Add(int64(len(stmts)))
	}
}

func (w *writer) overlaps(stmts []index.Statement) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, s := range stmts {
		if w.pending[s.ID] {
			return true
		}
	}
	return false
}

func (w *writer) failure() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

// close waits for the batches queued or being written, ends the writes and
// returns the first failure. A run cut short therefore still writes the few
// batches it had queued: what it reports as indexed is on disk.
func (w *writer) close() error {
	w.wg.Wait()
	w.closed.Do(func() { close(w.queue) })
	return w.failure()
}

// indexed is how many statements are on disk.
func (w *writer) indexed() int { return int(w.written.Load()) }
