package record

import (
	"context"
	"encoding/json"
	"fmt"
)

// Ingest is one batch of documents a node was sent and took, as the
// ingest log keeps it.
type Ingest struct {
	// Node names the node that took it; What says what was sent.
	Node, What                     string
	Indexed, Unchanged, Duplicates int
	// Skipped are the documents not indexed, each with why.
	Skipped []Skip
}

// Skip is a document an ingest did not index.
type Skip struct {
	Name   string `json:"name"`
	Reason string `json:"reason"`
}

// LogIngest adds in to the ingest log.
func (s *Store) LogIngest(ctx context.Context, in Ingest) error {
	skipped, err := json.Marshal(nonNilSkips(in.Skipped))
	if err != nil {
		return fmt.Errorf("record: log ingest: %w", err)
	}
	_, err = s.pool.Exec(ctx, `INSERT INTO ingest_log (node, what, indexed, unchanged, duplicates, skipped)
		VALUES ($1, $2, $3, $4, $5, $6)`, in.Node, in.What, in.Indexed, in.Unchanged, in.Duplicates, skipped)
	if err != nil {
		return fail("log ingest", err)
	}
	return nil
}

// IngestLog returns the latest limit entries of the ingest log, newest
// first.
func (s *Store) IngestLog(ctx context.Context, limit int) ([]Ingest, error) {
	rows, err := s.pool.Query(ctx, `SELECT node, what, indexed, unchanged, duplicates, skipped
		FROM ingest_log ORDER BY id DESC LIMIT $1`, limit)
	if err != nil {
		return nil, fail("ingest log", err)
	}
	defer rows.Close()
	var out []Ingest
	for rows.Next() {
		var in Ingest
		if err := rows.Scan(&in.Node, &in.What, &in.Indexed, &in.Unchanged, &in.Duplicates, &in.Skipped); err != nil {
			return nil, fail("ingest log", err)
		}
		out = append(out, in)
	}
	if err := rows.Err(); err != nil {
		return nil, fail("ingest log", err)
	}
	return out, nil
}

func nonNilSkips(s []Skip) []Skip {
	if s == nil {
		return []Skip{}
	}
	return s
}
