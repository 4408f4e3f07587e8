package record

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/advosearch/advosearch/index"
)

// FollowerOptions tune a Follower. The zero value is the default.
type FollowerOptions struct {
	// Batch is how many changes are applied to the index at once.
	// Default 500, as the indexer's batches.
	Batch int
	// Poll is how long the follower waits for a notification before it
	// looks for changes anyway: a notification sent while it was not
	// listening (reconnecting) is lost, the record is not. Default 10 s.
	Poll time.Duration
	// Retry is the wait before reconnecting after PostgreSQL failed.
	// Default 1 s.
	Retry time.Duration
	// Logger receives a line when the record becomes unreachable and when
	// it is back; nil logs nothing.
	Logger *slog.Logger
	// Applied, if not nil, is called with each batch once it is in the
	// index, searchable, and the cursor past it: a measurement's hook
	// (advosearch bench record times replication lag with it). It runs in
	// the follower's goroutine, holding up the next batch, so it must be
	// quick.
	Applied func([]Change)
}

func (o *FollowerOptions) setDefaults() {
	if o.Batch <= 0 {
		o.Batch = 500
	}
	if o.Poll <= 0 {
		o.Poll = 10 * time.Second
	}
	if o.Retry <= 0 {
		o.Retry = time.Second
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
}

// Follower applies the record to one node's index, in sequence order.
// Which sequence number it has applied is kept in a cursor file beside the
// index (see NewFollower). Run and CatchUp may run at once; changes are
// applied by one of them at a time.
type Follower struct {
	store  *Store
	ix     *index.Index
	cursor string
	opts   FollowerOptions

	mu sync.Mutex // one catch-up at a time

	applied atomic.Int64
	// behind is the number of changes left at the last look, -1 before
	// the first.
	behind atomic.Int64
	// lastErr is the last failure to reach the record, nil once it worked.
	lastErr atomic.Pointer[error]
	// rebuilding is set, before the follower starts, on one that fills a
	// new generation (Rebuild).
	rebuilding bool
}

// NewFollower returns a follower applying store to ix, which keeps its
// cursor in the file at cursor. The cursor names the index generation it
// belongs to: an index folder deleted and created again, or rebuilt into a
// new generation, starts from sequence 0 and is rebuilt from the record.
func NewFollower(store *Store, ix *index.Index, cursor string, opts FollowerOptions) (*Follower, error) {
	opts.setDefaults()
	f := &Follower{store: store, ix: ix, cursor: cursor, opts: opts}
	f.behind.Store(-1)
	seq, err := f.readCursor()
	if err != nil {
		return nil, err
	}
	f.applied.Store(seq)
	return f, nil
}

// Status is how far a follower is.
type Status struct {
	// Applied is the highest sequence number applied to the index.
	Applied int64
	// Behind is the changes the record holds beyond Applied when last
	// looked at, -1 before the first look.
	Behind int64
	// Err is why the record could not be read the last time, nil if it
	// could.
	Err error
	// Rebuilding says that the follower fills a new generation of the
	// index, which nothing serves until it is complete (Rebuild).
	Rebuilding bool
}

// Status says how far the follower is, without asking PostgreSQL: it is
// cheap enough for every /readyz.
func (f *Follower) Status() Status {
	st := Status{Applied: f.applied.Load(), Behind: f.behind.Load(), Rebuilding: f.rebuilding}
	if p := f.lastErr.Load(); p != nil {
		st.Err = *p
	}
	return st
}

// Run follows the record until ctx ends: it catches up, then waits for a
// notification (or Poll) and catches up again. When PostgreSQL fails it
// keeps what the index has, retries every Retry, and catches up once it is
// back. It returns ctx's error.
func (f *Follower) Run(ctx context.Context) error {
	for {
		err := f.listenAndFollow(ctx)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		f.failed(err)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(f.opts.Retry):
		}
	}
}

// listenAndFollow listens first and catches up second, so that a change
// committed in between is seen by one or the other.
func (f *Follower) listenAndFollow(ctx context.Context) error {
	conn, err := f.store.listen(ctx)
	if err != nil {
		return err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	for {
		if _, err := f.CatchUp(ctx); err != nil {
			return err
		}
		wait, cancel := context.WithTimeout(ctx, f.opts.Poll)
		_, err := conn.WaitForNotification(wait)
		cancel()
		switch {
		case ctx.Err() != nil:
			return ctx.Err()
		case errors.Is(err, context.DeadlineExceeded):
			// No news within Poll: look anyway.
		case err != nil:
			return fail("listen", err)
		}
	}
}

// failed records that the record could not be read, logging the change
// from reachable to not once.
func (f *Follower) failed(err error) {
	if f.lastErr.Swap(&err) == nil {
		f.opts.Logger.Warn("record: unreachable; searches answer from the index as it is", "err", err)
	}
}

// CatchUp applies every change the record holds beyond the cursor, batch
// by batch, and returns how many it applied. Each batch is written to the
// index before the cursor moves past it: after a crash the batch is
// applied again, which writes the same statements.
func (f *Follower) CatchUp(ctx context.Context) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	// Counted once, then counted down: counting the rows left after every
	// batch would read them all again each time, quadratic in a rebuild of
	// a million statements.
	left, err := f.store.Behind(ctx, f.applied.Load())
	if err != nil {
		return n, err
	}
	f.behind.Store(left)
	for {
		after := f.applied.Load()
		changes, err := f.store.Changes(ctx, after, f.opts.Batch)
		if err != nil {
			return n, err
		}
		if len(changes) == 0 {
			f.behind.Store(0)
			if f.lastErr.Swap(nil) != nil {
				f.opts.Logger.Info("record: reachable again; the index is current")
			}
			return n, nil
		}
		if err := f.apply(changes); err != nil {
			return n, err
		}
		last := changes[len(changes)-1].Seq
		if err := f.writeCursor(last); err != nil {
			return n, err
		}
		f.applied.Store(last)
		if f.opts.Applied != nil {
			f.opts.Applied(changes)
		}
		n += len(changes)
		left -= int64(len(changes))
		if left <= 0 && len(changes) == f.opts.Batch {
			// Changes committed since the count: count again rather
			// than say current while applying them.
			if left, err = f.store.Behind(ctx, last); err != nil {
				return n, err
			}
		}
		f.behind.Store(max(left, 0))
	}
}

// apply writes a batch of changes to the index: the statements, then the
// deletions. An ID appears once in a batch (a row holds its last change),
// so the two writes do not depend on their order.
func (f *Follower) apply(changes []Change) error {
	var stmts []index.Statement
	deleted := map[string]string{}
	for _, c := range changes {
		if c.Deleted {
			deleted[c.Statement.ID] = c.Statement.Hash
			continue
		}
		stmts = append(stmts, c.Statement)
	}
	if len(stmts) > 0 {
		if err := f.ix.Write(stmts, nil); err != nil {
			return fmt.Errorf("record: apply up to %d: %w", changes[len(changes)-1].Seq, err)
		}
	}
	if len(deleted) > 0 {
		// A deletion record, not a removal: the same content read again on
		// this node stays deleted, as it does in the record.
		if err := f.ix.WriteDeletions(deleted); err != nil {
			return fmt.Errorf("record: apply up to %d: %w", changes[len(changes)-1].Seq, err)
		}
	}
	return nil
}

// generation names the index generation the cursor belongs to.
func (f *Follower) generation() (string, error) {
	dir, err := filepath.EvalSymlinks(f.ix.Dir())
	if err != nil {
		return "", fmt.Errorf("record: cursor: %w", err)
	}
	return filepath.Base(dir), nil
}

// readCursor returns the sequence number applied to this index: 0 when
// there is no cursor, when it belongs to another generation, or when the
// index has never held anything (a folder deleted and made again may get
// the same generation name).
func (f *Follower) readCursor() (int64, error) {
	b, err := os.ReadFile(f.cursor)
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("record: cursor: %w", err)
	}
	gen, seqText, ok := strings.Cut(strings.TrimSpace(string(b)), " ")
	seq, err := strconv.ParseInt(seqText, 10, 64)
	if !ok || err != nil || seq < 0 {
		return 0, fmt.Errorf("record: cursor %s: %q is not a generation and a sequence number", f.cursor, b)
	}
	current, err := f.generation()
	if err != nil {
		return 0, err
	}
	if gen != current {
		return 0, nil
	}
	n, err := f.ix.Count()
	if err != nil {
		return 0, fmt.Errorf("record: cursor: %w", err)
	}
	d, err := f.ix.CountDeleted()
	if err != nil {
		return 0, fmt.Errorf("record: cursor: %w", err)
	}
	if n == 0 && d == 0 {
		return 0, nil
	}
	return seq, nil
}

// writeCursor replaces the cursor file atomically: temporary file, sync,
// rename.
func (f *Follower) writeCursor(seq int64) error {
	gen, err := f.generation()
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(f.cursor), filepath.Base(f.cursor)+".tmp*")
	if err != nil {
		return fmt.Errorf("record: cursor: %w", err)
	}
	defer os.Remove(tmp.Name()) // gone after the rename; left only by a failure
	_, err = fmt.Fprintf(tmp, "%s %d\n", gen, seq)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), f.cursor)
	}
	if err != nil {
		return fmt.Errorf("record: cursor: %w", err)
	}
	return nil
}

// Ready says, for /readyz, whether a node in this state should be sent
// searches: not while it is rebuilding, behind the record or has not
// looked yet. A node that is current but cannot reach the record still
// answers searches from its index, so it stays ready, and says why ingest
// is refused.
func (s Status) Ready() (status string, ready bool) {
	if s.Rebuilding {
		const rebuilding = "rebuilding the index from the statement store"
		// As for catching up below: once counted, the count says more
		// than an error the next batch may already have outlived.
		switch {
		case s.Behind < 0 && s.Err != nil:
			return rebuilding + ", which is unreachable", false
		case s.Behind < 0:
			return rebuilding, false
		}
		return fmt.Sprintf("%s, %d behind", rebuilding, s.Behind), false
	}
	switch {
	case s.Behind < 0 && s.Err != nil:
		return "catching up: the statement store is unreachable", false
	case s.Behind < 0:
		return "catching up", false
	case s.Behind > 0:
		return fmt.Sprintf("catching up, %d behind", s.Behind), false
	case s.Err != nil:
		return "ready; the statement store is unreachable, so writes are refused", true
	}
	return "", true
}
