package alerts

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"time"

	bolt "go.etcd.io/bbolt"
)

// MaxMatchesLimit bounds the limit of Store.Matches and Store.Feed.
const MaxMatchesLimit = 1_000

// Match is one statement that matched an alert, as it was when it matched.
// The JSON form is the one webhook bodies carry.
type Match struct {
	// Cursor orders an alert's matches: it starts at 1 and increases by one
	// per match, and is never reused.
	Cursor      uint64 `json:"cursor"`
	StatementID string `json:"statement_id"`
	Title       string `json:"title"`
	Source      string `json:"source,omitempty"`
	URL         string `json:"url,omitempty"`
	// Published is zero when the statement gives no date. Its JSON form is
	// YYYY-MM-DD, as every statement date the API writes (MarshalJSON).
	Published time.Time `json:"published,omitzero"`
	// Snippet is plain text: the passages of the statement where the
	// alert's query matched, as a search page shows them; empty for an
	// alert without words, or when the Matcher gives none.
	Snippet string `json:"snippet,omitempty"`
	// Matched is when Percolate recorded the match.
	Matched time.Time `json:"matched"`
	// Deleted means the statement has been deleted from the index since
	// (MarkDeleted): the match stays in the log under its cursor, and
	// leaves the feed. Always false in a webhook body, which is sent when
	// the statement is new.
	Deleted bool `json:"deleted"`
}

// matchJSON is Match with Published as the API writes statement dates.
// Embedding the alias keeps every other field's name and form, and the
// outer Published, being shallower, replaces the embedded one.
type matchJSON struct {
	matchFields
	Published string `json:"published,omitempty"`
}

type matchFields Match

// MarshalJSON writes Published as YYYY-MM-DD, the form of every other
// statement date in the API (search hits, documents, exports), and leaves
// it out when unknown. Matched stays an RFC 3339 time: it is a moment.
func (m Match) MarshalJSON() ([]byte, error) {
	v := matchJSON{matchFields: matchFields(m)}
	if !m.Published.IsZero() {
		v.Published = m.Published.UTC().Format(time.DateOnly)
	}
	return json.Marshal(v)
}

// UnmarshalJSON reads what MarshalJSON writes, and the RFC 3339 times of
// Published that matches stored before it still hold.
func (m *Match) UnmarshalJSON(b []byte) error {
	var v matchJSON
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*m = Match(v.matchFields)
	if v.Published == "" {
		return nil
	}
	t, err := time.Parse(time.DateOnly, v.Published)
	if err != nil {
		if t, err = time.Parse(time.RFC3339, v.Published); err != nil {
			return fmt.Errorf("alerts: match published %q: %w", v.Published, err)
		}
	}
	m.Published = t.UTC()
	return nil
}

// MatchCount returns how many statements have matched the alert: the
// cursor of its last match, as cursors start at 1 and grow by one per
// match. It returns an error wrapping ErrNotFound for an unknown alert.
func (s *Store) MatchCount(ctx context.Context, alertID string) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	var n uint64
	err := s.db.View(func(tx *bolt.Tx) error {
		a, err := getAlert(tx, alertID)
		if err != nil {
			return err
		}
		if mb := matchBucket(tx, a); mb != nil {
			if k, _ := mb.Cursor().Last(); k != nil {
				n = keyUint(k)
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("alerts: count the matches of %s: %w", alertID, err)
	}
	return int(n), nil
}

// Matches returns the alert's matches with a cursor greater than after,
// oldest first, at most limit (1..MaxMatchesLimit) of them, and the cursor to
// pass as after next time: the last one returned, or after itself when there
// are none. Start with after = 0. A poller that stores next only after it has
// handled the page sees every match exactly once. It returns an error
// wrapping ErrNotFound for an unknown alert and ErrInvalid for a bad limit.
func (s *Store) Matches(ctx context.Context, alertID string, after uint64, limit int) (ms []Match, next uint64, err error) {
	if err := ctx.Err(); err != nil {
		return nil, after, err
	}
	if err := checkLimit(limit); err != nil {
		return nil, after, err
	}
	next = after
	err = s.db.View(func(tx *bolt.Tx) error {
		a, err := getAlert(tx, alertID)
		if err != nil {
			return err
		}
		mb := matchBucket(tx, a)
		if mb == nil || after == math.MaxUint64 {
			return nil
		}
		c := mb.Cursor()
		for k, v := c.Seek(u64(after + 1)); k != nil && len(ms) < limit; k, v = c.Next() {
			var m Match
			if err := json.Unmarshal(v, &m); err != nil {
				return fmt.Errorf("decode match: %w", err)
			}
			ms = append(ms, m)
			next = m.Cursor
		}
		return nil
	})
	if err != nil {
		return nil, after, fmt.Errorf("alerts: matches of %s: %w", alertID, err)
	}
	return ms, next, nil
}

// latestMatches returns up to limit of the alert's matches whose statement
// has not been deleted, newest first.
func latestMatches(tx *bolt.Tx, a Alert, limit int) ([]Match, error) {
	mb := matchBucket(tx, a)
	if mb == nil {
		return nil, nil
	}
	var ms []Match
	c := mb.Cursor()
	for k, v := c.Last(); k != nil && len(ms) < limit; k, v = c.Prev() {
		var m Match
		if err := json.Unmarshal(v, &m); err != nil {
			return nil, fmt.Errorf("decode match: %w", err)
		}
		if !m.Deleted {
			ms = append(ms, m)
		}
	}
	return ms, nil
}

// MarkDeleted marks the matches of the statements with the IDs deleted, in
// every alert, in one transaction, and returns how many it marked: call it
// before the statements leave the index (indexer.Options.BeforeDelete). A
// marked match stays in the log under its cursor, so Matches returns it
// with Deleted set and pollers that stored their cursor lose nothing, but
// Feed leaves it out. The alerts then forget the statement: if it is
// indexed again, changed, and matches, that is a new match with a new
// cursor. IDs that matched no alert are passed over; marking twice marks
// nothing more.
func (s *Store) MarkDeleted(ctx context.Context, ids []string) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if len(ids) == 0 {
		return 0, nil
	}
	marked := 0
	err := s.db.Update(func(tx *bolt.Tx) error {
		marked = 0
		seen := tx.Bucket(bucketSeen)
		// The keys first: bbolt forbids changing a bucket in its ForEach.
		var alertKeys [][]byte
		if err := seen.ForEachBucket(func(k []byte) error {
			alertKeys = append(alertKeys, k)
			return nil
		}); err != nil {
			return err
		}
		for _, key := range alertKeys {
			sb := seen.Bucket(key)
			mb := tx.Bucket(bucketMatches).Bucket(key)
			for _, id := range ids {
				v := sb.Get([]byte(id))
				if v == nil {
					continue
				}
				var rec seenRecord
				if err := json.Unmarshal(v, &rec); err != nil {
					return fmt.Errorf("decode seen %s of alert %d: %w", id, keyUint(key), err)
				}
				if err := markMatch(mb, rec.Cursor); err != nil {
					return fmt.Errorf("alert %d, statement %s: %w", keyUint(key), id, err)
				}
				if err := sb.Delete([]byte(id)); err != nil {
					return err
				}
				marked++
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("alerts: mark %d statements deleted: %w", len(ids), err)
	}
	return marked, nil
}

// markMatch sets Deleted on the match at cursor in mb.
func markMatch(mb *bolt.Bucket, cursor uint64) error {
	if mb == nil {
		return nil
	}
	v := mb.Get(u64(cursor))
	if v == nil {
		return nil
	}
	var m Match
	if err := json.Unmarshal(v, &m); err != nil {
		return fmt.Errorf("decode match %d: %w", cursor, err)
	}
	m.Deleted = true
	v, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return mb.Put(u64(cursor), v)
}

// matchBucket is the alert's bucket of matches, or nil if it has none yet.
func matchBucket(tx *bolt.Tx, a Alert) *bolt.Bucket {
	seq, _ := parseID(a.ID)
	return tx.Bucket(bucketMatches).Bucket(u64(seq))
}
