package alerts

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// formatVersion is written into a new file and checked by Open; bump it when
// a record changes incompatibly.
const formatVersion = "1"

// The file's layout. Every key that orders records is a big-endian uint64, so
// a bbolt cursor walks them oldest first.
var (
	// alerts: alert seq → alertRecord (JSON). The bucket's sequence numbers
	// alerts.
	bucketAlerts = []byte("alerts")
	// matches: alert seq → bucket of cursor → Match (JSON). Each alert's
	// bucket's sequence is its cursor.
	bucketMatches = []byte("matches")
	// seen: alert seq → bucket of statement ID → seenRecord (JSON): the
	// statements that have matched the alert, so a match is recorded once,
	// until the statement is deleted (MarkDeleted).
	bucketSeen = []byte("seen")
	// outbox: delivery seq → deliveryRecord (JSON), pending or dead.
	bucketOutbox = []byte("outbox")
	// meta: file-wide values.
	bucketMeta = []byte("meta")
	keyVersion = []byte("version")
	keyEpoch   = []byte("epoch")
)

// Options tune Open. The zero value is the default.
type Options struct {
	// LockTimeout is how long Open waits for another process to release the
	// file before it returns ErrLocked. Default 1s.
	LockTimeout time.Duration
	// Clock gives the time recorded in alerts, matches and deliveries. Nil
	// means time.Now; tests pass a fake clock.
	Clock func() time.Time
}

func (o *Options) setDefaults() {
	if o.LockTimeout <= 0 {
		o.LockTimeout = time.Second
	}
	if o.Clock == nil {
		o.Clock = time.Now
	}
}

// Store holds the alerts, their matches and the webhook outbox in one bbolt
// file. It is safe for concurrent use. Close must be called to release the
// file lock.
type Store struct {
	db    *bolt.DB
	path  string
	clock func() time.Time
	// epoch is the file's creation time, in every delivery ID, so that a
	// receiver that outlives a deleted alerts file does not take the new
	// file's deliveries for ones it has seen.
	epoch string
	// wake tells a Deliverer that Percolate enqueued something, so that it
	// need not wait for its next poll.
	wake chan struct{}
	// held are the outbox keys due handed to the Deliverer, until when,
	// so that it is not handed one it is still sending.
	heldMu sync.Mutex
	held   map[uint64]time.Time

	closeOnce sync.Once
	closeErr  error
}

// Open opens the alerts file at path, creating it (and its folder) if
// needed. It returns an error wrapping ErrLocked if another process has it
// open, and ErrVersion if another format version wrote it.
func Open(path string, opts Options) (*Store, error) {
	opts.setDefaults()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("alerts: open %s: %w", path, err)
	}
	// Without a timeout bbolt waits forever for the file lock.
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: opts.LockTimeout})
	if errors.Is(err, bolterrors.ErrTimeout) {
		return nil, fmt.Errorf("%w: %s (stop the other advosearch process, or pass --data with another folder)", ErrLocked, path)
	}
	if err != nil {
		return nil, fmt.Errorf("alerts: open %s: %w", path, err)
	}
	s := &Store{db: db, path: path, clock: opts.Clock, wake: make(chan struct{}, 1), held: make(map[uint64]time.Time)}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketAlerts, bucketMatches, bucketSeen, bucketOutbox, bucketMeta} {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		meta := tx.Bucket(bucketMeta)
		switch v := meta.Get(keyVersion); {
		case v == nil:
			if err := meta.Put(keyVersion, []byte(formatVersion)); err != nil {
				return err
			}
		case string(v) != formatVersion:
			return fmt.Errorf("%w: %s has format %q, this build reads %s", ErrVersion, path, v, formatVersion)
		}
		if e := meta.Get(keyEpoch); e != nil {
			s.epoch = string(e)
			return nil
		}
		s.epoch = strconv.FormatInt(s.clock().Unix(), 36)
		return meta.Put(keyEpoch, []byte(s.epoch))
	})
	if err != nil {
		db.Close()
		if errors.Is(err, ErrVersion) {
			return nil, err
		}
		return nil, fmt.Errorf("alerts: open %s: %w", path, err)
	}
	return s, nil
}

// Path is the file the store was opened from.
func (s *Store) Path() string { return s.path }

// Backup writes a consistent copy of the store to path, which must not
// exist yet, from one read transaction: writes go on meanwhile.
func (s *Store) Backup(path string) error {
	if _, err := os.Lstat(path); !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("alerts: backup to %s: the file must not exist yet", path)
	}
	err := s.db.View(func(tx *bolt.Tx) error { return tx.CopyFile(path, 0o600) })
	if err != nil {
		os.Remove(path)
		return fmt.Errorf("alerts: backup to %s: %w", path, err)
	}
	return nil
}

// Close releases the file. It is safe to call more than once. Shut the
// Deliverer down first.
func (s *Store) Close() error {
	s.closeOnce.Do(func() {
		if err := s.db.Close(); err != nil {
			s.closeErr = fmt.Errorf("alerts: close %s: %w", s.path, err)
		}
	})
	return s.closeErr
}

func (s *Store) now() time.Time { return s.clock().UTC() }

// alertRecord is an Alert as stored, with its own JSON names so that renaming
// a Go field does not lose data.
type alertRecord struct {
	ID            string    `json:"id"`
	Name          string    `json:"name"`
	Query         string    `json:"query,omitempty"`
	Organizations []string  `json:"organizations,omitempty"`
	People        []string  `json:"people,omitempty"`
	Places        []string  `json:"places,omitempty"`
	Sources       []string  `json:"sources,omitempty"`
	From          time.Time `json:"from,omitzero"`
	WebhookURL    string    `json:"webhook_url,omitempty"`
	Created       time.Time `json:"created"`
	// WebhookSecret is kept as is, not hashed: the server needs the key
	// itself to sign each delivery, and no one presents it to the server to
	// be verified. The file is mode 0600, like webhook.secret.
	WebhookSecret string `json:"webhook_secret,omitempty"`
}

func encodeAlert(a Alert) ([]byte, error) {
	return json.Marshal(alertRecord(a))
}

// decodeAlert reads a stored alert without its WebhookSecret, so that no
// reader but Percolate (alertSecret) ever sees it.
func decodeAlert(v []byte) (Alert, error) {
	a, err := decodeAlertSecret(v)
	a.WebhookSecret = ""
	return a, err
}

// decodeAlertSecret reads a stored alert with its WebhookSecret.
func decodeAlertSecret(v []byte) (Alert, error) {
	var r alertRecord
	if err := json.Unmarshal(v, &r); err != nil {
		return Alert{}, fmt.Errorf("decode alert: %w", err)
	}
	return Alert(r), nil
}

// Create validates a and stores it under a new ID, setting ID, Created and
// a new WebhookSecret; the caller's values of those are ignored. The
// returned Alert is the only one that carries the secret (see
// Alert.WebhookSecret). A bad field is a *ValidationError wrapping
// ErrInvalid. The query's syntax is the caller's to check first.
func (s *Store) Create(ctx context.Context, a Alert) (Alert, error) {
	if err := ctx.Err(); err != nil {
		return Alert{}, err
	}
	a, err := newAlert(a, s.now())
	if err != nil {
		return Alert{}, err
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketAlerts)
		seq, err := b.NextSequence()
		if err != nil {
			return err
		}
		a.ID = formatID(seq)
		v, err := encodeAlert(a)
		if err != nil {
			return err
		}
		return b.Put(u64(seq), v)
	})
	if err != nil {
		return Alert{}, fmt.Errorf("alerts: create %q: %w", a.Name, err)
	}
	return a, nil
}

// List returns every alert, oldest first.
func (s *Store) List(ctx context.Context) ([]Alert, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var as []Alert
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketAlerts).ForEach(func(_, v []byte) error {
			a, err := decodeAlert(v)
			if err != nil {
				return err
			}
			as = append(as, a)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("alerts: list: %w", err)
	}
	return as, nil
}

// Get returns the alert with the ID, or an error wrapping ErrNotFound.
func (s *Store) Get(ctx context.Context, id string) (Alert, error) {
	if err := ctx.Err(); err != nil {
		return Alert{}, err
	}
	var a Alert
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		a, err = getAlert(tx, id)
		return err
	})
	if err != nil {
		return Alert{}, fmt.Errorf("alerts: get %s: %w", id, err)
	}
	return a, nil
}

func getAlert(tx *bolt.Tx, id string) (Alert, error) {
	seq, ok := parseID(id)
	if !ok {
		return Alert{}, ErrNotFound
	}
	v := tx.Bucket(bucketAlerts).Get(u64(seq))
	if v == nil {
		return Alert{}, ErrNotFound
	}
	return decodeAlert(v)
}

// RotateSecret gives the alert a new WebhookSecret and returns the alert
// with it, or an error wrapping ErrNotFound. Deliveries already in the
// outbox keep the secret they were enqueued with, so a receiver should
// accept both secrets until those have arrived; deliveries of matches
// recorded afterwards are signed with the new one. An alert made before
// per-alert secrets gets its first one this way.
func (s *Store) RotateSecret(ctx context.Context, id string) (Alert, error) {
	if err := ctx.Err(); err != nil {
		return Alert{}, err
	}
	secret, err := newSecret()
	if err != nil {
		return Alert{}, fmt.Errorf("alerts: rotate the secret of %s: %w", id, err)
	}
	var a Alert
	err = s.db.Update(func(tx *bolt.Tx) error {
		seq, ok := parseID(id)
		if !ok {
			return ErrNotFound
		}
		b := tx.Bucket(bucketAlerts)
		v := b.Get(u64(seq))
		if v == nil {
			return ErrNotFound
		}
		if a, err = decodeAlertSecret(v); err != nil {
			return err
		}
		a.WebhookSecret = secret
		nv, err := encodeAlert(a)
		if err != nil {
			return err
		}
		return b.Put(u64(seq), nv)
	})
	if err != nil {
		return Alert{}, fmt.Errorf("alerts: rotate the secret of %s: %w", id, err)
	}
	return a, nil
}

// alertSecret is the WebhookSecret of the alert with the ID in tx, "" for
// an alert made before per-alert secrets.
func alertSecret(tx *bolt.Tx, id string) (string, error) {
	seq, ok := parseID(id)
	if !ok {
		return "", ErrNotFound
	}
	v := tx.Bucket(bucketAlerts).Get(u64(seq))
	if v == nil {
		return "", ErrNotFound
	}
	a, err := decodeAlertSecret(v)
	return a.WebhookSecret, err
}

// Delete removes the alert with its matches and its pending and dead
// deliveries, or returns an error wrapping ErrNotFound. A delivery already
// being sent may still arrive once.
func (s *Store) Delete(ctx context.Context, id string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		seq, ok := parseID(id)
		if !ok || tx.Bucket(bucketAlerts).Get(u64(seq)) == nil {
			return ErrNotFound
		}
		key := u64(seq)
		if err := tx.Bucket(bucketAlerts).Delete(key); err != nil {
			return err
		}
		for _, name := range [][]byte{bucketMatches, bucketSeen} {
			err := tx.Bucket(name).DeleteBucket(key)
			if err != nil && !errors.Is(err, bolterrors.ErrBucketNotFound) {
				return err
			}
		}
		return deleteDeliveries(tx, id)
	})
	if err != nil {
		return fmt.Errorf("alerts: delete %s: %w", id, err)
	}
	return nil
}

// u64 is the big-endian key of a sequence number.
func u64(n uint64) []byte {
	return binary.BigEndian.AppendUint64(make([]byte, 0, 8), n)
}
