package record

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/advosearch/advosearch/index"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// ErrUnavailable means PostgreSQL could not be reached or went away: the
// change was not made, and may be tried again later. Errors the database
// answered (a constraint, a syntax error) do not wrap it.
var ErrUnavailable = errors.New("record: PostgreSQL is unreachable")

// Channel is the NOTIFY channel a change is announced on, with the
// highest sequence number of its transaction as the payload.
const Channel = "advosearch_statements"

// seqLock is the advisory lock key under which a transaction takes its
// sequence numbers and commits (Store.Put).
const seqLock = 0x61647631 // "adv1"

// connectTimeout bounds each connection attempt, so that an ingest fails
// with ErrUnavailable in seconds when PostgreSQL is down, not after the
// operating system's TCP timeout.
const connectTimeout = 5 * time.Second

// Store is the statements in PostgreSQL. It is safe for concurrent use,
// also by several processes on one database.
type Store struct {
	pool *pgxpool.Pool
	// queued tells RunPercolation that Put queued a job.
	queued chan struct{}
}

// Open connects to the database at url (postgres://…), applies the
// migrations it lacks, and returns the store. Close releases it.
func Open(ctx context.Context, url string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("record: open: %w", err)
	}
	if cfg.ConnConfig.ConnectTimeout == 0 || cfg.ConnConfig.ConnectTimeout > connectTimeout {
		cfg.ConnConfig.ConnectTimeout = connectTimeout
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fail("connect", err)
	}
	if err := migrate(ctx, pool); err != nil {
		pool.Close()
		return nil, err
	}
	return &Store{pool: pool, queued: make(chan struct{}, 1)}, nil
}

// Close closes the connections; it is safe to call more than once.
func (s *Store) Close() { s.pool.Close() }

// Pool is the store's connections, for package alerts, whose tables share
// the database (migrations/002_alerts.sql).
func (s *Store) Pool() *pgxpool.Pool { return s.pool }

// Change is one row of the record as a follower applies it: a statement
// written, or deleted with the hash of its content.
type Change struct {
	Seq       int64
	Statement index.Statement
	Deleted   bool
}

// upsert writes a statement under a new sequence number, unless the row
// holds it already as it is: re-sending unchanged statements wakes no
// follower.
const upsert = `
INSERT INTO statements AS s (id, seq, origin, also_from, hash, fields)
VALUES ($1, nextval('statement_seq'), $2, $3, $4, $5)
ON CONFLICT (id) DO UPDATE SET
	seq = excluded.seq, origin = excluded.origin, also_from = excluded.also_from,
	hash = excluded.hash, fields = excluded.fields, deleted = false, changed = now()
WHERE (s.origin, s.also_from, s.hash, s.fields, s.deleted)
	IS DISTINCT FROM (excluded.origin, excluded.also_from, excluded.hash, excluded.fields, false)`

// Put writes statements, new or replacing those with their IDs, in one
// transaction, and announces them on Channel when it commits. It wraps
// ErrUnavailable when PostgreSQL cannot be reached; then nothing is
// written.
//
// Sequence numbers are taken and committed under one advisory lock, so
// transactions commit in the order of their numbers: a follower that has
// read up to N never sees a lower number commit later, which a plain
// sequence allows (a transaction that took 5 may commit after one that
// took 6). It costs one writer at a time, which ingest is anyway per node.
func (s *Store) Put(ctx context.Context, stmts []index.Statement) error {
	if len(stmts) == 0 {
		return nil
	}
	err := s.change(ctx, "put", func(b *pgx.Batch) error {
		ids := make([]string, len(stmts))
		for i, st := range stmts {
			fields, err := json.Marshal(st)
			if err != nil {
				return fmt.Errorf("record: put %s: %w", st.ID, err)
			}
			b.Queue(upsert, st.ID, st.Origin, nonNil(st.AlsoFrom), st.Hash, fields)
			ids[i] = st.ID
		}
		// In the same transaction: a batch the record took is matched
		// against the alerts, once, by whichever node claims the job.
		b.Queue("INSERT INTO percolation_jobs (ids) VALUES ($1)", ids)
		return nil
	})
	if err == nil {
		select {
		case s.queued <- struct{}{}:
		default: // a wake-up is already pending
		}
	}
	return err
}

// Delete marks the statements with the IDs deleted, each under a new
// sequence number, in one transaction; IDs the record does not hold, or
// holds deleted, are passed over. A deleted row keeps its hash, so the
// same content read again stays deleted on every node.
func (s *Store) Delete(ctx context.Context, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	return s.change(ctx, "delete", func(b *pgx.Batch) error {
		b.Queue(`UPDATE statements SET deleted = true, seq = nextval('statement_seq'), changed = now()
			WHERE id = ANY($1) AND NOT deleted`, ids)
		return nil
	})
}

// change runs the queued statements in one transaction under seqLock and
// notifies the followers on commit. A transaction that failed for want of
// PostgreSQL is tried once more: after PostgreSQL restarts, the pool's
// first connection is one it broke, and a retry takes a new one. Trying
// again is safe even if the first commit went through, since both changes
// are idempotent: the same upsert changes nothing, and a deleted row is
// passed over.
func (s *Store) change(ctx context.Context, action string, queue func(*pgx.Batch) error) error {
	err := s.changeOnce(ctx, action, queue)
	if errors.Is(err, ErrUnavailable) && ctx.Err() == nil {
		err = s.changeOnce(ctx, action, queue)
	}
	return err
}

func (s *Store) changeOnce(ctx context.Context, action string, queue func(*pgx.Batch) error) (err error) {
	b := &pgx.Batch{}
	b.Queue("SELECT pg_advisory_xact_lock($1)", seqLock)
	if err := queue(b); err != nil {
		return err
	}
	// NOTIFY is delivered at commit, and only then: a follower woken by it
	// finds the rows. Within a transaction, repeated payloads are folded.
	b.Queue("SELECT pg_notify($1, last_value::text) FROM statement_seq", Channel)
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fail(action, err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback(ctx) // the error that made us roll back is the one to report
		}
	}()
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return fail(action, err)
	}
	if err := tx.Commit(ctx); err != nil {
		return fail(action, err)
	}
	return nil
}

// Changes returns up to limit changes with sequence numbers above after,
// in sequence order.
func (s *Store) Changes(ctx context.Context, after int64, limit int) ([]Change, error) {
	rows, err := s.pool.Query(ctx, `SELECT seq, id, origin, also_from, hash, fields, deleted
		FROM statements WHERE seq > $1 ORDER BY seq LIMIT $2`, after, limit)
	if err != nil {
		return nil, fail("changes", err)
	}
	return scanChanges(rows, "changes")
}

// scanChanges reads rows of seq, id, origin, also_from, hash, fields,
// deleted, and closes them.
func scanChanges(rows pgx.Rows, action string) ([]Change, error) {
	defer rows.Close()
	var out []Change
	for rows.Next() {
		var (
			c      Change
			st     index.Statement
			id     string
			origin string
			also   []string
			hash   string
			fields []byte
		)
		if err := rows.Scan(&c.Seq, &id, &origin, &also, &hash, &fields, &c.Deleted); err != nil {
			return nil, fail(action, err)
		}
		if err := json.Unmarshal(fields, &st); err != nil {
			return nil, fmt.Errorf("record: %s: statement %s: %w", action, id, err)
		}
		// The columns are the identity; fields holds the rest.
		st.ID, st.Origin, st.AlsoFrom, st.Hash = id, origin, also, hash
		if len(st.AlsoFrom) == 0 {
			st.AlsoFrom = nil
		}
		c.Statement = st
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fail(action, err)
	}
	return out, nil
}

// Behind counts the changes with sequence numbers above after: how far a
// follower that has applied up to after is behind.
func (s *Store) Behind(ctx context.Context, after int64) (int64, error) {
	var n int64
	if err := s.pool.QueryRow(ctx, "SELECT count(*) FROM statements WHERE seq > $1", after).Scan(&n); err != nil {
		return 0, fail("behind", err)
	}
	return n, nil
}

// listen opens a connection of its own that listens on Channel; the
// caller closes it.
func (s *Store) listen(ctx context.Context) (*pgx.Conn, error) {
	conn, err := pgx.ConnectConfig(ctx, s.pool.Config().ConnConfig.Copy())
	if err != nil {
		return nil, fail("listen", err)
	}
	if _, err := conn.Exec(ctx, "LISTEN "+Channel); err != nil {
		_ = conn.Close(ctx) // the LISTEN failure is the one to report
		return nil, fail("listen", err)
	}
	return conn, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// fail wraps err with the action, and with ErrUnavailable unless the
// database answered it: an error of SQL, not of reaching PostgreSQL.
func fail(action string, err error) error {
	if !Unreachable(err) {
		return fmt.Errorf("record: %s: %w", action, err)
	}
	return fmt.Errorf("%w: %s: %w", ErrUnavailable, action, err)
}

// Unreachable tells an error of reaching PostgreSQL, after which the
// change may be tried again later, from one the database answered or a
// cancelled context.
func Unreachable(err error) bool {
	var pgErr *pgconn.PgError
	switch {
	case errors.Is(err, ErrUnavailable):
		return true
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return false
	case errors.As(err, &pgErr):
		return unavailableCode(pgErr.Code)
	}
	return true
}

// unavailableCode tells the SQLSTATEs of a server going away or not
// accepting connections yet: class 08 (connection exception) and 57P01-03
// (shut down by an administrator, crashed, starting up).
func unavailableCode(code string) bool {
	return len(code) == 5 && (code[:2] == "08" || code == "57P01" || code == "57P02" || code == "57P03")
}
