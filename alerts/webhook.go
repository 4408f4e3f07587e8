package alerts

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/advosearch/advosearch/netguard"
)

// Webhook request headers.
const (
	// HeaderDelivery carries the delivery ID, the same on every retry.
	HeaderDelivery = "X-Advosearch-Delivery"
	// HeaderTimestamp carries the Unix time of the attempt, in seconds.
	HeaderTimestamp = "X-Advosearch-Timestamp"
	// HeaderSignature carries "sha256=" + hex HMAC-SHA256(secret,
	// timestamp + "." + body).
	HeaderSignature = "X-Advosearch-Signature"
)

// DefaultMaxAge is how far a receiver should let a delivery's timestamp be
// from its own clock before refusing it as a replay.
const DefaultMaxAge = 5 * time.Minute

const (
	maxRedirects = 3
	// The receiver's answer is read only to reuse the connection; its
	// content does not matter.
	maxResponseBody = 64 << 10
)

var (
	// ErrPrivateAddress means a webhook's host resolved to an address that
	// is not public (loopback, private, link-local, NAT64 of one of those,
	// or any other special-purpose range: see package netguard), which
	// deliveries refuse unless DelivererOptions.AllowPrivate is set. It is
	// netguard.ErrNotPublic, so either works with errors.Is.
	ErrPrivateAddress = netguard.ErrNotPublic
	// ErrSignature means a delivery's signature or timestamp did not verify.
	ErrSignature = errors.New("alerts: bad webhook signature")
	// errRunning means Run was called while it was running.
	errRunning = errors.New("alerts: deliverer is already running")
)

// DelivererOptions tune a Deliverer. The zero value is the default, except
// that Secret is required.
type DelivererOptions struct {
	// Secret is the server-wide HMAC key. It signs the deliveries of alerts
	// made before per-alert secrets (Alert.WebhookSecret), which have no
	// key of their own; every other delivery is signed with its alert's
	// secret. Run and DeliverDue refuse to start without it, so that no
	// delivery can go out unsigned.
	Secret []byte
	// AllowPrivate lets deliveries reach loopback, private, link-local and
	// every other non-public address: for tests and for a receiver on the
	// same machine. Off, a webhook URL cannot be used to probe the server's
	// own network: each address dialled, after DNS and on every redirect,
	// must pass netguard.Check.
	AllowPrivate bool
	// Timeout bounds one attempt, redirects included. Default 10s.
	Timeout time.Duration
	// MaxAttempts is how many failed attempts make a delivery dead. Default
	// 20, about a day with the default backoff.
	MaxAttempts int
	// BaseBackoff is the wait after the first failure; it doubles with each
	// further failure up to MaxBackoff. Defaults 5s and 1h.
	BaseBackoff, MaxBackoff time.Duration
	// Rand, if set, spreads retries: each wait is drawn from [w/2, w] so that
	// many deliveries to a receiver that comes back do not all retry at once.
	// Nil means no jitter. The Deliverer locks around it.
	Rand *rand.Rand
	// Workers is how many deliveries Run sends at once, so that one slow
	// receiver does not delay the others. Default 4.
	Workers int
	// PollInterval is how often Run looks for due deliveries. Percolate and
	// Retry wake it at once, so this only paces retries. Default 5s.
	PollInterval time.Duration
	// Clock gives the time for timestamps and backoff. Nil means time.Now.
	Clock func() time.Time
	// UserAgent is sent with each request. Default "advosearch-webhook/1".
	UserAgent string
}

func (o *DelivererOptions) setDefaults() {
	if o.Timeout <= 0 {
		o.Timeout = 10 * time.Second
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = 20
	}
	if o.BaseBackoff <= 0 {
		o.BaseBackoff = 5 * time.Second
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = time.Hour
	}
	if o.Workers <= 0 {
		o.Workers = 4
	}
	if o.PollInterval <= 0 {
		o.PollInterval = 5 * time.Second
	}
	if o.Clock == nil {
		o.Clock = time.Now
	}
	if o.UserAgent == "" {
		o.UserAgent = "advosearch-webhook/1"
	}
}

// Deliverer sends the outbox's deliveries to their webhooks. A 2xx answer
// removes a delivery; anything else, a network error or a timeout counts a
// failed attempt and schedules a retry with exponential backoff, until
// MaxAttempts make it dead. Delivery is at least once: a delivery whose
// answer is lost (a crash, Shutdown cutting it off) is sent again with the
// same ID, which the receiver uses to drop the repeat.
//
// Use one Deliverer per Store. Its methods are safe for concurrent use.
type Deliverer struct {
	store  outbox
	opts   DelivererOptions
	client *http.Client

	// Counts of attempts since start, for metrics.
	delivered, failedTries atomic.Uint64

	randMu sync.Mutex

	mu      sync.Mutex
	busy    int // Run's deliveries in flight
	running bool
	stopped bool
	abort   context.CancelFunc // cancels Run's requests
	stop    chan struct{}      // closed by Shutdown
	kick    chan struct{}      // a Run worker finished
	wg      sync.WaitGroup     // Run's deliveries in flight
}

// outbox is where a Deliverer finds its deliveries: a Store, the outbox of
// one server, or Shared, the outbox of every node, where due hands each
// delivery to one node at a time.
type outbox interface {
	// due returns up to limit live deliveries due at now, oldest first,
	// each held for this Deliverer until lease has passed or it is
	// delivered, failed or released.
	due(now time.Time, limit int, lease time.Duration) ([]pending, error)
	// delivered removes a delivery the receiver took.
	delivered(p pending) error
	// failed counts a failed attempt; schedule says, from the new count of
	// attempts, when to try again or whether to give up.
	failed(p pending, now time.Time, reason string, schedule func(attempts int) (wait time.Duration, dead bool)) error
	// release lets go of a delivery whose attempt was cut off, due again.
	release(p pending) error
	// wakeup tells that something was enqueued.
	wakeup() <-chan struct{}
}

// NewDeliverer returns a Deliverer for the store's outbox (a *Store or a
// *Shared). It sends nothing until Run or DeliverDue.
func NewDeliverer(store outbox, opts DelivererOptions) *Deliverer {
	opts.setDefaults()
	d := &Deliverer{
		store: store,
		opts:  opts,
		stop:  make(chan struct{}),
		kick:  make(chan struct{}, 1),
	}
	d.client = &http.Client{
		Transport: newTransport(opts),
		Timeout:   opts.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > maxRedirects {
				return fmt.Errorf("stopped after %d redirects", maxRedirects)
			}
			return nil
		},
	}
	return d
}

func newTransport(opts DelivererOptions) *http.Transport {
	dialer := &net.Dialer{Timeout: opts.Timeout, KeepAlive: 30 * time.Second}
	if !opts.AllowPrivate {
		dialer.Control = netguard.Control
	}
	return &http.Transport{
		// No proxy from the environment: the guard would check the proxy's
		// address instead of the receiver's.
		Proxy:                 nil,
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          16,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   opts.Timeout,
		ResponseHeaderTimeout: opts.Timeout,
	}
}

func (d *Deliverer) check() error {
	if len(d.opts.Secret) == 0 {
		return &ValidationError{Field: "secret", Reason: "is required to sign webhooks"}
	}
	return nil
}

// Run sends deliveries as they fall due until ctx is cancelled or Shutdown
// is called, and returns once its running deliveries have finished.
// Cancelling ctx also cuts running requests off (they are retried later);
// Shutdown lets them finish. Run returns nil when stopped, an error wrapping
// ErrInvalid without a Secret, and a storage error if the outbox cannot be
// read or updated. It returns at once after Shutdown.
func (d *Deliverer) Run(ctx context.Context) error {
	if err := d.check(); err != nil {
		return err
	}
	reqCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	d.mu.Lock()
	switch {
	case d.stopped:
		d.mu.Unlock()
		return nil
	case d.running:
		d.mu.Unlock()
		return errRunning
	}
	d.running, d.abort = true, cancel
	d.mu.Unlock()
	defer func() {
		d.mu.Lock()
		d.running, d.abort = false, nil
		d.mu.Unlock()
	}()

	ticker := time.NewTicker(d.opts.PollInterval)
	defer ticker.Stop()
	errc := make(chan error, 1)
	for {
		if err := d.dispatch(reqCtx, errc); err != nil {
			d.wg.Wait()
			return err
		}
		select {
		case <-ctx.Done():
			d.wg.Wait()
			return nil
		case <-d.stop:
			d.wg.Wait()
			return nil
		case err := <-errc:
			d.wg.Wait()
			return err
		case <-ticker.C:
		case <-d.store.wakeup():
		case <-d.kick:
		}
	}
}

// dispatch starts due deliveries on free workers.
func (d *Deliverer) dispatch(ctx context.Context, errc chan<- error) error {
	d.mu.Lock()
	free := d.opts.Workers - d.busy
	d.mu.Unlock()
	if free <= 0 {
		return nil
	}
	due, err := d.store.due(d.opts.Clock(), free, d.lease())
	if err != nil {
		return err
	}
	for i, p := range due {
		d.mu.Lock()
		if d.stopped || d.busy >= d.opts.Workers {
			d.mu.Unlock()
			return d.releaseAll(due[i:])
		}
		// Add under mu after checking stopped, so that Shutdown's Wait
		// never races an Add.
		d.busy++
		d.wg.Add(1)
		d.mu.Unlock()
		go func() {
			defer d.wg.Done()
			_, err := d.deliver(ctx, p)
			d.mu.Lock()
			d.busy--
			d.mu.Unlock()
			if err != nil {
				select {
				case errc <- err:
				default:
				}
			}
			select {
			case d.kick <- struct{}{}:
			default:
			}
		}()
	}
	return nil
}

// releaseAll hands back deliveries due gave this Deliverer that it will not
// send now, so that they are due again at once rather than when their lease
// passes.
func (d *Deliverer) releaseAll(ps []pending) error {
	var errs []error
	for _, p := range ps {
		errs = append(errs, d.store.release(p))
	}
	return errors.Join(errs...)
}

// DeliverDue sends every delivery due now, up to Workers at a time, waits
// for them and returns how many receivers accepted. Failed attempts are
// recorded, not returned; the error is a storage error, or one wrapping
// ErrInvalid without a Secret. It is for one-shot commands and tests; a
// server runs Run. Deliveries Run is sending are skipped: the outbox
// hands each to one sender at a time (outbox.due).
func (d *Deliverer) DeliverDue(ctx context.Context) (int, error) {
	if err := d.check(); err != nil {
		return 0, err
	}
	due, err := d.store.due(d.opts.Clock(), math.MaxInt32, d.lease())
	if err != nil {
		return 0, err
	}
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		sent     int
		firstErr error
		sem      = make(chan struct{}, d.opts.Workers)
	)
	for i, p := range due {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			wg.Wait()
			return sent, errors.Join(ctx.Err(), d.releaseAll(due[i:]))
		}
		wg.Go(func() {
			defer func() { <-sem }()
			ok, err := d.deliver(ctx, p)
			mu.Lock()
			defer mu.Unlock()
			if ok {
				sent++
			}
			if err != nil && firstErr == nil {
				firstErr = err
			}
		})
	}
	wg.Wait()
	return sent, firstErr
}

// Shutdown stops Run from starting deliveries and waits for the running
// ones. If ctx ends first it cuts them off (they stay in the outbox and are
// sent again later) and returns ctx.Err(). It is safe to call more than
// once, and before or without Run. Close the Store after it.
func (d *Deliverer) Shutdown(ctx context.Context) error {
	d.mu.Lock()
	if !d.stopped {
		d.stopped = true
		close(d.stop)
	}
	abort := d.abort
	d.mu.Unlock()
	done := make(chan struct{})
	go func() {
		d.wg.Wait()
		close(done)
	}()
	// Idle keep-alive connections would otherwise outlive the Deliverer.
	defer d.client.CloseIdleConnections()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		if abort != nil {
			abort()
		}
		<-done
		return ctx.Err()
	}
}

// deliver makes one attempt and records its outcome. ok means the receiver
// accepted; err is a storage error.
func (d *Deliverer) deliver(ctx context.Context, p pending) (ok bool, err error) {
	sendErr := d.send(ctx, p.Delivery)
	if sendErr == nil {
		d.delivered.Add(1)
		return true, d.store.delivered(p)
	}
	if ctx.Err() != nil {
		// We cut the attempt off; the receiver is not to blame, so it is
		// not counted. The delivery stays due.
		return false, d.store.release(p)
	}
	d.failedTries.Add(1)
	return false, d.store.failed(p, d.opts.Clock().UTC(), sendErr.Error(), d.schedule)
}

// lease is how long a delivery handed to this Deliverer stays its own: a
// whole attempt, redirects included, twice over, so that no other node
// sends it while this one still may.
func (d *Deliverer) lease() time.Duration { return 2 * d.opts.Timeout }

// Stats returns how many deliveries receivers accepted, and how many
// attempts failed, since the Deliverer was made.
func (d *Deliverer) Stats() (delivered, failed uint64) {
	return d.delivered.Load(), d.failedTries.Load()
}

// send POSTs the delivery once.
func (d *Deliverer) send(ctx context.Context, dl Delivery) error {
	ts := strconv.FormatInt(d.opts.Clock().Unix(), 10)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, dl.URL, bytes.NewReader(dl.Body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", d.opts.UserAgent)
	req.Header.Set(HeaderDelivery, dl.ID)
	req.Header.Set(HeaderTimestamp, ts)
	key := d.opts.Secret
	if dl.secret != "" {
		key = []byte(dl.secret)
	}
	req.Header.Set(HeaderSignature, sign(key, ts, dl.Body))
	resp, err := d.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	// Read a little so the connection can be reused; the content is ignored.
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, maxResponseBody))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("receiver answered %s", resp.Status)
	}
	return nil
}

// schedule is the backoff: BaseBackoff × 2^(attempts-1), at most
// MaxBackoff, with optional jitter; dead after MaxAttempts.
func (d *Deliverer) schedule(attempts int) (time.Duration, bool) {
	if attempts >= d.opts.MaxAttempts {
		return 0, true
	}
	wait := d.opts.BaseBackoff
	for i := 1; i < attempts && wait < d.opts.MaxBackoff; i++ {
		wait *= 2
	}
	wait = min(wait, d.opts.MaxBackoff)
	if d.opts.Rand != nil {
		d.randMu.Lock()
		half := wait / 2
		wait = half + time.Duration(d.opts.Rand.Int64N(int64(wait-half)+1))
		d.randMu.Unlock()
	}
	return wait, false
}

func sign(secret []byte, timestamp string, body []byte) string {
	return "sha256=" + hex.EncodeToString(signature(secret, timestamp, body))
}

func signature(secret []byte, timestamp string, body []byte) []byte {
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(timestamp))
	mac.Write([]byte{'.'})
	mac.Write(body)
	return mac.Sum(nil)
}

// Verify checks a delivery the way a receiver should: the timestamp header
// within maxAge of now (either way; 0 means DefaultMaxAge), and the
// signature header equal, in constant time, to HMAC-SHA256(secret,
// timestamp + "." + body). body must be the raw bytes received. It returns an
// error wrapping ErrSignature if the delivery must be refused.
func Verify(secret []byte, h http.Header, body []byte, now time.Time, maxAge time.Duration) error {
	if maxAge <= 0 {
		maxAge = DefaultMaxAge
	}
	ts := h.Get(HeaderTimestamp)
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return fmt.Errorf("%w: timestamp %q is not a number", ErrSignature, ts)
	}
	if age := now.Sub(time.Unix(sec, 0)); age > maxAge || age < -maxAge {
		return fmt.Errorf("%w: timestamp %s is %s from now", ErrSignature, ts, age.Round(time.Second))
	}
	got, ok := strings.CutPrefix(h.Get(HeaderSignature), "sha256=")
	gotMAC, err := hex.DecodeString(got)
	if !ok || err != nil {
		return fmt.Errorf("%w: signature header is not sha256=<hex>", ErrSignature)
	}
	if !hmac.Equal(gotMAC, signature(secret, ts, body)) {
		return fmt.Errorf("%w: signature does not match", ErrSignature)
	}
	return nil
}
