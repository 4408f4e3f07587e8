package record

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/advosearch/advosearch/index"
	"github.com/jackc/pgx/v5"
)

// PercolateFunc matches a batch of statements against the alerts and
// records what matched in tx, the job's transaction: the matches are
// recorded and the job is gone together, or neither. queued is when the
// batch was put.
type PercolateFunc func(ctx context.Context, tx pgx.Tx, stmts []index.Statement, queued time.Time) error

// Percolate claims the oldest percolation job no other node holds (FOR
// UPDATE SKIP LOCKED), reads the job's statements as they are now,
// leaving out those deleted since, and hands them to match in the job's
// transaction, which removes the job when it commits. A node that dies
// half-way holds nothing: its transaction ends with its connection, and
// another node claims the job. ok is false when no job was waiting.
func (s *Store) Percolate(ctx context.Context, match PercolateFunc) (ok bool, err error) {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return false, fail("percolate", err)
	}
	defer func() {
		if err != nil || !ok {
			_ = tx.Rollback(ctx) // nothing was written, or the error is the one to report
		}
	}()
	var (
		id     int64
		ids    []string
		queued time.Time
	)
	err = tx.QueryRow(ctx, `SELECT id, ids, queued FROM percolation_jobs WHERE failures < $1
		ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`, maxJobFailures).Scan(&id, &ids, &queued)
	if errors.Is(err, pgx.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fail("percolate", err)
	}
	rows, err := tx.Query(ctx, `SELECT seq, id, origin, also_from, hash, fields, deleted
		FROM statements WHERE id = ANY($1) AND NOT deleted ORDER BY seq`, ids)
	if err != nil {
		return false, fail("percolate", err)
	}
	changes, err := scanChanges(rows, "percolate")
	if err != nil {
		return false, err
	}
	stmts := make([]index.Statement, len(changes))
	for i, c := range changes {
		stmts[i] = c.Statement
	}
	if err := match(ctx, tx, stmts, queued); err != nil {
		err = fmt.Errorf("record: percolate job %d: %w", id, err)
		// Counted once the job's transaction has let go of its row.
		_ = tx.Rollback(ctx) // the match's error is the one to report
		if _, cerr := s.pool.Exec(ctx, "UPDATE percolation_jobs SET failures = failures + 1 WHERE id = $1", id); cerr != nil {
			err = errors.Join(err, fail("count a failed percolation", cerr))
		}
		return false, err
	}
	if _, err := tx.Exec(ctx, "DELETE FROM percolation_jobs WHERE id = $1", id); err != nil {
		return false, fail("percolate", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return false, fail("percolate", err)
	}
	return true, nil
}

// maxJobFailures is how many times a percolation job may fail before it
// is passed over, left in the table for an operator to look at: jobs are
// claimed oldest first, and one that always fails would hold up the rest.
const maxJobFailures = 5

// percolationPoll is how often RunPercolation looks for jobs other nodes
// queued; this node's own Puts wake it at once.
const percolationPoll = time.Second

// RunPercolation runs the percolation jobs of every node, one at a time,
// until ctx ends. A failure is logged, once until it is over, and the job
// is tried again at the next poll.
func (s *Store) RunPercolation(ctx context.Context, match PercolateFunc, logger *slog.Logger) {
	tick := time.NewTicker(percolationPoll)
	defer tick.Stop()
	failing := false
	for {
		for {
			ok, err := s.Percolate(ctx, match)
			if ctx.Err() != nil {
				return
			}
			if err != nil && !failing {
				logger.Error("percolation failed; alerts match the batch when it succeeds", "err", err)
			}
			failing = err != nil
			if !ok {
				break
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		case <-s.queued:
		}
	}
}
