package alerts

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Delivery is one webhook POST waiting in the outbox, or given up on (Dead).
type Delivery struct {
	// ID is sent as X-Advosearch-Delivery and in the body, the same on every
	// attempt, so that the receiver can drop a repeat. It is unique within
	// the alerts file and carries the file's creation time, so a new file
	// does not reuse an old file's IDs.
	ID      string
	AlertID string
	URL     string
	// Body is the JSON WebhookPayload, fixed when the delivery is enqueued.
	Body []byte
	// Matches is the number of matches in Body.
	Matches int
	Created time.Time
	// Attempts counts the failed attempts so far.
	Attempts int
	// NextAttempt is when the delivery is due.
	NextAttempt time.Time
	// LastError says why the last attempt failed.
	LastError string
	// Dead means the Deliverer gave up after DelivererOptions.MaxAttempts;
	// the delivery stays until Retry or the alert's Delete.
	Dead bool
	// secret is the alert's WebhookSecret when the delivery was enqueued,
	// kept with it so that every attempt, after a rotation too, is signed
	// with the key the receiver had when the matches were recorded. "" (an
	// alert made before per-alert secrets) means DelivererOptions.Secret.
	// It is unexported so that Outbox does not hand it out.
	secret string
}

// WebhookPayload is the JSON body of a delivery.
type WebhookPayload struct {
	DeliveryID string       `json:"delivery_id"`
	Alert      WebhookAlert `json:"alert"`
	// Matches are the alert's new matches from one indexed batch, oldest
	// first.
	Matches []Match `json:"matches"`
}

// WebhookAlert names the alert a delivery is for.
type WebhookAlert struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// deliveryRecord is a Delivery as stored.
type deliveryRecord struct {
	ID          string    `json:"id"`
	AlertID     string    `json:"alert_id"`
	URL         string    `json:"url"`
	Body        []byte    `json:"body"`
	Matches     int       `json:"matches"`
	Created     time.Time `json:"created"`
	Attempts    int       `json:"attempts,omitempty"`
	NextAttempt time.Time `json:"next_attempt"`
	LastError   string    `json:"last_error,omitempty"`
	Dead        bool      `json:"dead,omitempty"`
	Secret      string    `json:"secret,omitempty"`
}

// pending is a delivery with its outbox key.
type pending struct {
	key uint64
	Delivery
}

// enqueue adds a delivery of ms to a.WebhookURL in tx, due at once.
func (s *Store) enqueue(tx *bolt.Tx, a Alert, ms []Match, now time.Time) error {
	b := tx.Bucket(bucketOutbox)
	seq, err := b.NextSequence()
	if err != nil {
		return err
	}
	secret, err := alertSecret(tx, a.ID)
	if err != nil {
		return err
	}
	id := deliveryID(s.epoch, seq)
	body, err := deliveryBody(id, a, ms)
	if err != nil {
		return err
	}
	return putDelivery(b, seq, Delivery{
		ID: id, AlertID: a.ID, URL: a.WebhookURL, Body: body, Matches: len(ms),
		Created: now, NextAttempt: now, secret: secret,
	})
}

// deliveryID is the ID of the outbox's delivery seq: unique to the outbox
// and, with its epoch, to the outbox's creation.
func deliveryID(epoch string, seq uint64) string { return fmt.Sprintf("%s-%d", epoch, seq) }

// deliveryBody is the JSON WebhookPayload of a delivery of ms.
func deliveryBody(id string, a Alert, ms []Match) ([]byte, error) {
	return json.Marshal(WebhookPayload{
		DeliveryID: id,
		Alert:      WebhookAlert{ID: a.ID, Name: a.Name},
		Matches:    ms,
	})
}

func putDelivery(b *bolt.Bucket, key uint64, d Delivery) error {
	v, err := json.Marshal(deliveryRecord{
		ID: d.ID, AlertID: d.AlertID, URL: d.URL, Body: d.Body, Matches: d.Matches,
		Created: d.Created, Attempts: d.Attempts, NextAttempt: d.NextAttempt,
		LastError: d.LastError, Dead: d.Dead, Secret: d.secret,
	})
	if err != nil {
		return err
	}
	return b.Put(u64(key), v)
}

func decodeDelivery(v []byte) (Delivery, error) {
	var r deliveryRecord
	if err := json.Unmarshal(v, &r); err != nil {
		return Delivery{}, fmt.Errorf("decode delivery: %w", err)
	}
	return Delivery{
		ID: r.ID, AlertID: r.AlertID, URL: r.URL, Body: r.Body, Matches: r.Matches,
		Created: r.Created, Attempts: r.Attempts, NextAttempt: r.NextAttempt,
		LastError: r.LastError, Dead: r.Dead, secret: r.Secret,
	}, nil
}

// Outbox returns the deliveries not yet made, pending and dead, oldest
// first.
func (s *Store) Outbox(ctx context.Context) ([]Delivery, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var ds []Delivery
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketOutbox).ForEach(func(_, v []byte) error {
			d, err := decodeDelivery(v)
			if err != nil {
				return err
			}
			ds = append(ds, d)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("alerts: outbox: %w", err)
	}
	return ds, nil
}

// Retry makes a delivery (dead or waiting) due now with a fresh count of
// attempts, for after a receiver has been fixed. It returns an error
// wrapping ErrNotFound if the outbox has no delivery with the ID.
func (s *Store) Retry(ctx context.Context, deliveryID string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	now := s.now()
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketOutbox)
		c := b.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			d, err := decodeDelivery(v)
			if err != nil {
				return err
			}
			if d.ID != deliveryID {
				continue
			}
			d.Dead, d.Attempts, d.NextAttempt = false, 0, now
			return putDelivery(b, keyUint(k), d)
		}
		return ErrNotFound
	})
	if err != nil {
		return fmt.Errorf("alerts: retry delivery %s: %w", deliveryID, err)
	}
	select {
	case s.wake <- struct{}{}:
	default:
	}
	return nil
}

// due returns up to limit live deliveries due at now, oldest first, and
// holds them (Store.held) until lease has passed or they are delivered,
// failed or released. It reads the whole outbox, which holds only what
// receivers have not yet taken.
func (s *Store) due(now time.Time, limit int, lease time.Duration) ([]pending, error) {
	s.heldMu.Lock()
	defer s.heldMu.Unlock()
	var ps []pending
	err := s.db.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketOutbox).Cursor()
		for k, v := c.First(); k != nil && len(ps) < limit; k, v = c.Next() {
			key := keyUint(k)
			if until, ok := s.held[key]; ok && until.After(now) {
				continue
			}
			d, err := decodeDelivery(v)
			if err != nil {
				return err
			}
			if !d.Dead && !d.NextAttempt.After(now) {
				ps = append(ps, pending{key: key, Delivery: d})
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("alerts: read outbox: %w", err)
	}
	for _, p := range ps {
		s.held[p.key] = now.Add(lease)
	}
	return ps, nil
}

// release lets go of a delivery due returned; it stays in the outbox.
func (s *Store) release(p pending) error {
	s.heldMu.Lock()
	delete(s.held, p.key)
	s.heldMu.Unlock()
	return nil
}

func (s *Store) wakeup() <-chan struct{} { return s.wake }

// delivered removes a delivery the receiver took. It is not an error if the
// delivery is gone (its alert deleted meanwhile).
func (s *Store) delivered(p pending) error {
	defer s.release(p)
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketOutbox)
		if v := b.Get(u64(p.key)); v == nil {
			return nil
		}
		return b.Delete(u64(p.key))
	})
	if err != nil {
		return fmt.Errorf("alerts: remove delivery %s: %w", p.ID, err)
	}
	return nil
}

// failed counts a failed attempt; schedule says, from the new count of
// attempts, when to try again or whether to give up.
func (s *Store) failed(p pending, now time.Time, reason string, schedule func(attempts int) (wait time.Duration, dead bool)) error {
	defer s.release(p)
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketOutbox)
		v := b.Get(u64(p.key))
		if v == nil {
			return nil
		}
		d, err := decodeDelivery(v)
		if err != nil {
			return err
		}
		d.Attempts++
		wait, dead := schedule(d.Attempts)
		d.NextAttempt, d.Dead, d.LastError = now.Add(wait), dead, reason
		return putDelivery(b, p.key, d)
	})
	if err != nil {
		return fmt.Errorf("alerts: record failed delivery %s: %w", p.ID, err)
	}
	return nil
}

// deleteDeliveries removes the alert's deliveries in tx.
func deleteDeliveries(tx *bolt.Tx, alertID string) error {
	b := tx.Bucket(bucketOutbox)
	var keys [][]byte
	err := b.ForEach(func(k, v []byte) error {
		d, err := decodeDelivery(v)
		if err != nil {
			return err
		}
		if d.AlertID == alertID {
			keys = append(keys, append([]byte(nil), k...))
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, k := range keys {
		if err := b.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// keyUint reads a key written by u64.
func keyUint(k []byte) uint64 { return binary.BigEndian.Uint64(k) }
