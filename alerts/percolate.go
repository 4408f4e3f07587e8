package alerts

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/advosearch/advosearch/index"
)

// Matcher finds which statements of a batch an alert matches. The indexer's
// implementation runs a.Query, with a's filters and From, against an
// in-memory index of stmts only, never the whole index. It must return IDs
// of statements in stmts; the order does not matter. It is called from one
// goroutine at a time per Percolate call.
type Matcher interface {
	Match(ctx context.Context, a Alert, stmts []index.Statement) ([]string, error)
}

// seenRecord marks a statement that has matched an alert.
type seenRecord struct {
	Cursor uint64 `json:"cursor"`
	// Hash is the statement's Hash when it first matched; kept so that a
	// future policy can tell a changed statement apart.
	Hash string `json:"hash,omitempty"`
}

// Percolate runs every alert against a batch of newly indexed statements and
// records each new (alert, statement) match with the next cursor of its
// alert and a snapshot of the statement's title, source, URL and publication
// date, with the snippet of where it matched when m is a snippeter. For
// each alert with a WebhookURL and new matches it enqueues one delivery
// listing them. It returns the number of new matches.
//
// A statement matches an alert at most once while it is in the index: a
// statement indexed again, changed or not, is not recorded a second time for
// an alert it has already matched; one deleted (MarkDeleted) and sent again,
// changed, is new. Hash includes the extractor's version, so re-indexing the corpus
// after an extractor upgrade changes every Hash; recording changed statements
// again would send every subscriber every statement they have already had.
// A statement that did not match before and matches after a change is new to
// the alert and is recorded.
//
// The matches and deliveries of a batch are written in one transaction: all
// or nothing. Matching runs before it, outside the write lock. On any error
// nothing is recorded and the caller should call Percolate again with the
// same batch; being idempotent, a retry (or a crash between indexing and
// percolating followed by a re-run) records nothing twice. An alert created
// while Percolate runs may miss the batch; an alert deleted while it runs
// gets nothing.
func (s *Store) Percolate(ctx context.Context, m Matcher, stmts []index.Statement) (int, error) {
	if len(stmts) == 0 {
		return 0, nil
	}
	as, err := s.List(ctx)
	if err != nil {
		return 0, err
	}
	found, total, err := matchAll(ctx, m, as, stmts)
	if err != nil {
		return 0, err
	}
	if total == 0 {
		return 0, nil // no write transaction, no fsync
	}
	snippets, err := s.newSnippets(ctx, m, as, found)
	if err != nil {
		return 0, err
	}
	// The last copy of a statement that is in the batch twice is the one
	// the index keeps.
	latest := make(map[string]int, len(stmts))
	for i, st := range stmts {
		latest[st.ID] = i
	}

	now := s.now()
	var recorded, enqueued int
	err = s.db.Update(func(tx *bolt.Tx) error {
		recorded, enqueued = 0, 0
		for i, a := range as {
			if len(found[i]) == 0 {
				continue
			}
			for id := range found[i] {
				if _, ok := latest[id]; !ok {
					return fmt.Errorf("match alert %s: matcher returned statement %q, which is not in the batch", a.ID, id)
				}
			}
			// Read the alert again inside the transaction: it may have
			// been deleted since List.
			cur, err := getAlert(tx, a.ID)
			if errors.Is(err, ErrNotFound) {
				continue
			}
			if err != nil {
				return err
			}
			fresh, err := recordMatches(tx, cur, stmts, latest, found[i], snippets[i], now)
			if err != nil {
				return fmt.Errorf("record matches of alert %s: %w", a.ID, err)
			}
			recorded += len(fresh)
			if cur.WebhookURL != "" && len(fresh) > 0 {
				if err := s.enqueue(tx, cur, fresh, now); err != nil {
					return fmt.Errorf("enqueue delivery for alert %s: %w", a.ID, err)
				}
				enqueued++
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("alerts: percolate: %w", err)
	}
	if enqueued > 0 {
		select {
		case s.wake <- struct{}{}:
		default: // a wake-up is already pending
		}
	}
	return recorded, nil
}

// snippeter is a Matcher that can also say where an alert matched: the
// passages recorded with each new match, which its feed entry and webhook
// body carry. A Matcher without it records matches without snippets.
type snippeter interface {
	// Snippets returns the plain-text passages of the batch's statements
	// ids (all of them matched a) by ID; an ID may have none.
	Snippets(ctx context.Context, a Alert, ids []string) (map[string]string, error)
}

// newSnippets asks m, if it is a snippeter, for the snippets of the
// matches in found that are new to their alert, by alert (as found is):
// only those are recorded, and re-indexing a corpus matches every
// statement again. It reads the seen statements outside the write
// transaction; one seen meanwhile only costs a snippet not recorded.
func (s *Store) newSnippets(ctx context.Context, m Matcher, as []Alert, found []map[string]bool) ([]map[string]string, error) {
	out := make([]map[string]string, len(as))
	sn, ok := m.(snippeter)
	if !ok {
		return out, nil
	}
	fresh := make([][]string, len(as))
	err := s.db.View(func(tx *bolt.Tx) error {
		for i, a := range as {
			var sb *bolt.Bucket
			if seq, ok := parseID(a.ID); ok && tx.Bucket(bucketSeen) != nil {
				sb = tx.Bucket(bucketSeen).Bucket(u64(seq))
			}
			for id := range found[i] {
				if sb == nil || sb.Get([]byte(id)) == nil {
					fresh[i] = append(fresh[i], id)
				}
			}
			slices.Sort(fresh[i])
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("alerts: percolate: read seen statements: %w", err)
	}
	for i, a := range as {
		if len(fresh[i]) == 0 {
			continue
		}
		if out[i], err = sn.Snippets(ctx, a, fresh[i]); err != nil {
			return nil, fmt.Errorf("alerts: percolate: snippets of alert %s: %w", a.ID, err)
		}
	}
	return out, nil
}

// recordMatches records the alert's matches that it has not seen, in batch
// order, with their snippets, and returns them.
func recordMatches(tx *bolt.Tx, a Alert, stmts []index.Statement, latest map[string]int, found map[string]bool, snippets map[string]string, now time.Time) ([]Match, error) {
	seq, _ := parseID(a.ID)
	key := u64(seq)
	mb, err := tx.Bucket(bucketMatches).CreateBucketIfNotExists(key)
	if err != nil {
		return nil, err
	}
	sb, err := tx.Bucket(bucketSeen).CreateBucketIfNotExists(key)
	if err != nil {
		return nil, err
	}
	var fresh []Match
	for i, st := range stmts {
		if !found[st.ID] || latest[st.ID] != i || sb.Get([]byte(st.ID)) != nil {
			continue
		}
		cursor, err := mb.NextSequence()
		if err != nil {
			return nil, err
		}
		m := newMatch(cursor, st, snippets[st.ID], now)
		v, err := json.Marshal(m)
		if err != nil {
			return nil, err
		}
		if err := mb.Put(u64(cursor), v); err != nil {
			return nil, err
		}
		seen, err := json.Marshal(seenRecord{Cursor: cursor, Hash: st.Hash})
		if err != nil {
			return nil, err
		}
		if err := sb.Put([]byte(st.ID), seen); err != nil {
			return nil, err
		}
		fresh = append(fresh, m)
	}
	return fresh, nil
}

// newMatch is the match of st under cursor, a snapshot of the statement as
// it was when it matched.
func newMatch(cursor uint64, st index.Statement, snippet string, now time.Time) Match {
	return Match{
		Cursor:      cursor,
		StatementID: st.ID,
		Title:       st.Title,
		Source:      st.Source,
		URL:         st.URL,
		Published:   st.Published,
		Snippet:     snippet,
		Matched:     now,
	}
}

// matchAll runs every alert of as against stmts and returns the IDs each
// matched, by alert, and how many matches there are in all.
func matchAll(ctx context.Context, m Matcher, as []Alert, stmts []index.Statement) (found []map[string]bool, total int, err error) {
	found = make([]map[string]bool, len(as))
	for i, a := range as {
		ids, err := m.Match(ctx, a, stmts)
		if err != nil {
			return nil, 0, fmt.Errorf("alerts: percolate: match alert %s: %w", a.ID, err)
		}
		found[i] = make(map[string]bool, len(ids))
		for _, id := range ids {
			found[i][id] = true
		}
		total += len(found[i])
	}
	return found, total, nil
}
