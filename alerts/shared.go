package alerts

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/record"
)

// ErrUnavailable means the shared alerts could not be reached: nothing was
// changed, and the caller may try again later.
var ErrUnavailable = errors.New("alerts: the shared record is unreachable")

// Shared holds the alerts, their matches and the webhook outbox in the
// shared record, PostgreSQL, for the nodes of serve --store: an alert made
// on one node matches statements ingested on any other, each batch is
// matched once (PercolateTx, in the record's percolation job), and each
// delivery is sent by one node at a time (due). Its methods mean what
// Store's mean. The tables are in record's migrations.
type Shared struct {
	pool  *pgxpool.Pool
	clock func() time.Time
	// wake tells this node's Deliverer that PercolateTx enqueued something.
	wake chan struct{}
}

// NewShared returns the alerts in the record's database. opts.Clock is
// used; LockTimeout means nothing here.
func NewShared(pool *pgxpool.Pool, opts Options) *Shared {
	opts.setDefaults()
	return &Shared{pool: pool, clock: opts.Clock, wake: make(chan struct{}, 1)}
}

func (s *Shared) now() time.Time { return s.clock().UTC() }

// sharedFail wraps err with the action, and with ErrUnavailable when
// PostgreSQL could not be reached.
func sharedFail(action string, err error) error {
	if record.Unreachable(err) {
		return fmt.Errorf("%w: %s: %w", ErrUnavailable, action, err)
	}
	return fmt.Errorf("alerts: %s: %w", action, err)
}

const alertColumns = `id, name, query, organizations, people, places, sources, from_day, webhook_url, created`

// scanAlert reads a row of alertColumns, and then of the extra
// destinations.
func scanAlert(row pgx.Row, extra ...any) (Alert, error) {
	var (
		a    Alert
		id   int64
		from *time.Time
	)
	dest := append([]any{&id, &a.Name, &a.Query, &a.Organizations, &a.People, &a.Places, &a.Sources, &from, &a.WebhookURL, &a.Created}, extra...)
	if err := row.Scan(dest...); err != nil {
		return Alert{}, err
	}
	a.ID = formatID(uint64(id))
	if from != nil {
		a.From = from.UTC()
	}
	a.Created = a.Created.UTC()
	for _, l := range []*[]string{&a.Organizations, &a.People, &a.Places, &a.Sources} {
		if len(*l) == 0 {
			*l = nil
		}
	}
	return a, nil
}

// alertKey is the row ID of an alert ID, false for one no alert can have.
func alertKey(id string) (int64, bool) {
	n, ok := parseID(id)
	return int64(n), ok && n <= math.MaxInt64
}

// Create stores a new alert, as Store.Create does.
func (s *Shared) Create(ctx context.Context, a Alert) (Alert, error) {
	a, err := newAlert(a, s.now())
	if err != nil {
		return Alert{}, err
	}
	var from *time.Time
	if !a.From.IsZero() {
		from = &a.From
	}
	var id int64
	err = s.pool.QueryRow(ctx, `INSERT INTO alerts
		(name, query, organizations, people, places, sources, from_day, webhook_url, webhook_secret, created)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
		a.Name, a.Query, nonNil(a.Organizations), nonNil(a.People), nonNil(a.Places), nonNil(a.Sources),
		from, a.WebhookURL, a.WebhookSecret, a.Created).Scan(&id)
	if err != nil {
		return Alert{}, sharedFail(fmt.Sprintf("create %q", a.Name), err)
	}
	a.ID = formatID(uint64(id))
	return a, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// List returns every alert, oldest first.
func (s *Shared) List(ctx context.Context) ([]Alert, error) {
	return s.list(ctx, s.pool, time.Time{})
}

// list returns the alerts created by until (every alert when it is zero),
// oldest first.
func (s *Shared) list(ctx context.Context, q querier, until time.Time) ([]Alert, error) {
	rows, err := q.Query(ctx, `SELECT `+alertColumns+` FROM alerts
		WHERE $1::timestamptz IS NULL OR created <= $1 ORDER BY id`, nullTime(until))
	if err != nil {
		return nil, sharedFail("list", err)
	}
	as, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (Alert, error) { return scanAlert(r) })
	if err != nil {
		return nil, sharedFail("list", err)
	}
	return as, nil
}

// querier is a pool or a transaction.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

func nullTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

// Get returns the alert with the ID, or an error wrapping ErrNotFound.
func (s *Shared) Get(ctx context.Context, id string) (Alert, error) {
	key, ok := alertKey(id)
	if !ok {
		return Alert{}, fmt.Errorf("alerts: get %s: %w", id, ErrNotFound)
	}
	a, err := scanAlert(s.pool.QueryRow(ctx, `SELECT `+alertColumns+` FROM alerts WHERE id = $1`, key))
	if errors.Is(err, pgx.ErrNoRows) {
		return Alert{}, fmt.Errorf("alerts: get %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return Alert{}, sharedFail("get "+id, err)
	}
	return a, nil
}

// RotateSecret gives the alert a new WebhookSecret, as Store.RotateSecret
// does.
func (s *Shared) RotateSecret(ctx context.Context, id string) (Alert, error) {
	key, ok := alertKey(id)
	if !ok {
		return Alert{}, fmt.Errorf("alerts: rotate the secret of %s: %w", id, ErrNotFound)
	}
	secret, err := newSecret()
	if err != nil {
		return Alert{}, fmt.Errorf("alerts: rotate the secret of %s: %w", id, err)
	}
	a, err := scanAlert(s.pool.QueryRow(ctx, `UPDATE alerts SET webhook_secret = $2 WHERE id = $1
		RETURNING `+alertColumns, key, secret))
	if errors.Is(err, pgx.ErrNoRows) {
		return Alert{}, fmt.Errorf("alerts: rotate the secret of %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return Alert{}, sharedFail("rotate the secret of "+id, err)
	}
	a.WebhookSecret = secret
	return a, nil
}

// Delete removes the alert with its matches and deliveries, or returns an
// error wrapping ErrNotFound. A delivery already being sent may still
// arrive once.
func (s *Shared) Delete(ctx context.Context, id string) error {
	key, ok := alertKey(id)
	if !ok {
		return fmt.Errorf("alerts: delete %s: %w", id, ErrNotFound)
	}
	tag, err := s.pool.Exec(ctx, "DELETE FROM alerts WHERE id = $1", key)
	if err != nil {
		return sharedFail("delete "+id, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("alerts: delete %s: %w", id, ErrNotFound)
	}
	return nil
}

// lastCursor is the cursor of the alert's last match, or an error wrapping
// ErrNotFound.
func (s *Shared) lastCursor(ctx context.Context, action, id string) (int64, error) {
	key, ok := alertKey(id)
	if !ok {
		return 0, fmt.Errorf("alerts: %s %s: %w", action, id, ErrNotFound)
	}
	var n int64
	err := s.pool.QueryRow(ctx, "SELECT last_cursor FROM alerts WHERE id = $1", key).Scan(&n)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, fmt.Errorf("alerts: %s %s: %w", action, id, ErrNotFound)
	}
	if err != nil {
		return 0, sharedFail(action+" "+id, err)
	}
	return n, nil
}

// MatchCount returns how many statements have matched the alert.
func (s *Shared) MatchCount(ctx context.Context, alertID string) (int, error) {
	n, err := s.lastCursor(ctx, "count the matches of", alertID)
	return int(n), err
}

// Matches returns the alert's matches after a cursor, as Store.Matches
// does.
func (s *Shared) Matches(ctx context.Context, alertID string, after uint64, limit int) (ms []Match, next uint64, err error) {
	if err := checkLimit(limit); err != nil {
		return nil, after, err
	}
	last, err := s.lastCursor(ctx, "matches of", alertID)
	if err != nil || after >= uint64(last) {
		return nil, after, err
	}
	key, _ := alertKey(alertID)
	ms, err = s.matches(ctx, `SELECT match, deleted FROM alert_matches
		WHERE alert_id = $1 AND cursor > $2 ORDER BY cursor LIMIT $3`, key, int64(after), limit)
	if err != nil {
		return nil, after, sharedFail("matches of "+alertID, err)
	}
	next = after
	if len(ms) > 0 {
		next = ms[len(ms)-1].Cursor
	}
	return ms, next, nil
}

// matches reads rows of (match, deleted).
func (s *Shared) matches(ctx context.Context, sql string, args ...any) ([]Match, error) {
	rows, err := s.pool.Query(ctx, sql, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (Match, error) {
		var m Match
		err := r.Scan(&m, &m.Deleted)
		return m, err
	})
}

// Feed returns the alert's latest matches as a feed, as Store.Feed does.
func (s *Shared) Feed(ctx context.Context, alertID, baseURL string, limit int) (Feed, error) {
	limit, err := feedLimit(limit)
	if err != nil {
		return Feed{}, err
	}
	a, err := s.Get(ctx, alertID)
	if err != nil {
		return Feed{}, err
	}
	key, _ := alertKey(alertID)
	ms, err := s.matches(ctx, `SELECT match, deleted FROM alert_matches
		WHERE alert_id = $1 AND NOT deleted ORDER BY cursor DESC LIMIT $2`, key, limit)
	if err != nil {
		return Feed{}, sharedFail("feed of "+alertID, err)
	}
	return newFeed(a, ms, baseURL), nil
}

// MarkDeleted marks the matches of the statements deleted, in every alert,
// as Store.MarkDeleted does, and returns how many it marked.
func (s *Shared) MarkDeleted(ctx context.Context, ids []string) (int, error) {
	if len(ids) == 0 {
		return 0, nil
	}
	tag, err := s.pool.Exec(ctx, `UPDATE alert_matches SET deleted = true
		WHERE statement_id = ANY($1) AND NOT deleted`, ids)
	if err != nil {
		return 0, sharedFail(fmt.Sprintf("mark %d statements deleted", len(ids)), err)
	}
	return int(tag.RowsAffected()), nil
}

// PercolateTx matches a batch put in the record at queued against every
// alert made by then, and records the new matches and their deliveries in
// tx (a record.PercolateFunc): as Store.Percolate, a statement matches an
// alert once while it is in the index. It locks each alert's row that
// gets matches, in ID order, until tx ends: cursors commit in order, and
// two nodes' jobs never take the same cursor.
func (s *Shared) PercolateTx(ctx context.Context, tx pgx.Tx, stmts []index.Statement, queued time.Time) error {
	if len(stmts) == 0 {
		return nil
	}
	as, err := s.list(ctx, tx, queued)
	if err != nil {
		return err
	}
	m := &searchMatcher{}
	defer m.close()
	found, total, err := matchAll(ctx, m, as, stmts)
	if err != nil || total == 0 {
		return err
	}
	latest := make(map[string]int, len(stmts))
	for i, st := range stmts {
		latest[st.ID] = i
	}
	now := s.now()
	enqueued := false
	for i, a := range as {
		if len(found[i]) == 0 {
			continue
		}
		sent, err := s.recordMatches(ctx, tx, m, a, stmts, latest, found[i], now)
		if err != nil {
			return fmt.Errorf("alerts: percolate: alert %s: %w", a.ID, err)
		}
		enqueued = enqueued || sent
	}
	if enqueued {
		// Before the commit, so at worst early: the Deliverer finds
		// nothing yet and polls again.
		select {
		case s.wake <- struct{}{}:
		default:
		}
	}
	return nil
}

// recordMatches records the statements of found that are new to a, and
// enqueues a delivery of them when a has a webhook; sent says whether it
// did.
func (s *Shared) recordMatches(ctx context.Context, tx pgx.Tx, m *searchMatcher, a Alert, stmts []index.Statement, latest map[string]int, found map[string]bool, now time.Time) (sent bool, err error) {
	key, _ := alertKey(a.ID)
	var last int64
	var webhook, secret string
	err = tx.QueryRow(ctx, `SELECT last_cursor, webhook_url, webhook_secret FROM alerts WHERE id = $1 FOR UPDATE`, key).
		Scan(&last, &webhook, &secret)
	if errors.Is(err, pgx.ErrNoRows) {
		return false, nil // deleted meanwhile
	}
	if err != nil {
		return false, err
	}
	ids := make([]string, 0, len(found))
	for id := range found {
		if _, ok := latest[id]; !ok {
			return false, fmt.Errorf("matcher returned statement %q, which is not in the batch", id)
		}
		ids = append(ids, id)
	}
	rows, err := tx.Query(ctx, `SELECT statement_id FROM alert_matches
		WHERE alert_id = $1 AND statement_id = ANY($2) AND NOT deleted`, key, ids)
	if err != nil {
		return false, err
	}
	seen, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return false, err
	}
	fresh := slices.DeleteFunc(ids, func(id string) bool { return slices.Contains(seen, id) })
	if len(fresh) == 0 {
		return false, nil
	}
	slices.Sort(fresh)
	snippets, err := m.Snippets(ctx, a, fresh)
	if err != nil {
		return false, fmt.Errorf("snippets: %w", err)
	}
	var ms []Match
	b := &pgx.Batch{}
	for i, st := range stmts {
		if !found[st.ID] || latest[st.ID] != i || slices.Contains(seen, st.ID) {
			continue
		}
		last++
		match := newMatch(uint64(last), st, snippets[st.ID], now)
		b.Queue(`INSERT INTO alert_matches (alert_id, cursor, statement_id, match) VALUES ($1, $2, $3, $4)`,
			key, last, st.ID, match)
		ms = append(ms, match)
	}
	b.Queue("UPDATE alerts SET last_cursor = $2 WHERE id = $1", key, last)
	if webhook != "" {
		// The ID first: the body carries it.
		var (
			seq   int64
			epoch string
		)
		err := tx.QueryRow(ctx, `SELECT nextval(pg_get_serial_sequence('webhook_deliveries', 'id')), epoch
			FROM alert_epoch`).Scan(&seq, &epoch)
		if err != nil {
			return false, err
		}
		id := deliveryID(epoch, uint64(seq))
		body, err := deliveryBody(id, a, ms)
		if err != nil {
			return false, err
		}
		b.Queue(`INSERT INTO webhook_deliveries
			(id, delivery_id, alert_id, url, body, matches, secret, created, next_attempt)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)`, seq, id, key, webhook, body, len(ms), secret, now)
	}
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return false, err
	}
	return webhook != "", nil
}

// due claims up to limit live deliveries due at now for lease, skipping
// those another node holds (FOR UPDATE SKIP LOCKED) or has claimed and
// may still be sending.
func (s *Shared) due(now time.Time, limit int, lease time.Duration) ([]pending, error) {
	ctx := context.Background()
	rows, err := s.pool.Query(ctx, `UPDATE webhook_deliveries d SET claimed_until = $2
		FROM (SELECT id FROM webhook_deliveries
			WHERE NOT dead AND next_attempt <= $1 AND (claimed_until IS NULL OR claimed_until <= $1)
			ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED) due
		WHERE d.id = due.id
		RETURNING d.id, d.delivery_id, d.alert_id, d.url, d.body, d.matches, d.secret,
			d.created, d.attempts, d.next_attempt, d.last_error`, now, now.Add(lease), limit)
	if err != nil {
		return nil, sharedFail("claim deliveries", err)
	}
	ps, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (pending, error) {
		var (
			p     pending
			key   int64
			alert int64
		)
		err := r.Scan(&key, &p.ID, &alert, &p.URL, &p.Body, &p.Matches, &p.secret,
			&p.Created, &p.Attempts, &p.NextAttempt, &p.LastError)
		p.key, p.AlertID = uint64(key), strconv.FormatInt(alert, 10)
		return p, err
	})
	if err != nil {
		return nil, sharedFail("claim deliveries", err)
	}
	slices.SortFunc(ps, func(a, b pending) int { return cmp.Compare(a.key, b.key) })
	return ps, nil
}

func (s *Shared) delivered(p pending) error {
	if _, err := s.pool.Exec(context.Background(), "DELETE FROM webhook_deliveries WHERE id = $1", int64(p.key)); err != nil {
		return sharedFail("remove delivery "+p.ID, err)
	}
	return nil
}

func (s *Shared) failed(p pending, now time.Time, reason string, schedule func(attempts int) (wait time.Duration, dead bool)) error {
	attempts := p.Attempts + 1
	wait, dead := schedule(attempts)
	_, err := s.pool.Exec(context.Background(), `UPDATE webhook_deliveries
		SET attempts = $2, next_attempt = $3, dead = $4, last_error = $5, claimed_until = NULL WHERE id = $1`,
		int64(p.key), attempts, now.Add(wait), dead, reason)
	if err != nil {
		return sharedFail("record failed delivery "+p.ID, err)
	}
	return nil
}

func (s *Shared) release(p pending) error {
	_, err := s.pool.Exec(context.Background(), "UPDATE webhook_deliveries SET claimed_until = NULL WHERE id = $1", int64(p.key))
	if err != nil {
		return sharedFail("release delivery "+p.ID, err)
	}
	return nil
}

func (s *Shared) wakeup() <-chan struct{} { return s.wake }
