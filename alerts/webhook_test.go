package alerts_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/advosearch/advosearch/alerts"
)

// secret is the server-wide secret of the tests' Deliverers; it signs
// only the deliveries of alerts that have no secret of their own.
var secret = []byte("test secret")

// received is one request as the receiver saw it.
type received struct {
	DeliveryID string
	Body       []byte
	// Verified says the signature and the timestamp checked out, computed
	// here by hand rather than with alerts.Verify.
	Verified bool
	Status   int
}

// receiver is a webhook endpoint. It answers statuses[i] to the i-th
// request (200 once they run out) and refuses requests it cannot verify.
type receiver struct {
	clock    *clock
	statuses []int
	// block, if set, holds each request until unblock; arrived gets a value
	// when a request comes in.
	block       chan struct{}
	unblockOnce sync.Once
	arrived     chan struct{}

	mu   sync.Mutex
	reqs []received
	srv  *httptest.Server
	// key is the secret the receiver verifies with: its alert's (trust).
	key []byte
}

func newReceiver(t *testing.T, c *clock, statuses ...int) *receiver {
	r := &receiver{clock: c, statuses: statuses, arrived: make(chan struct{}, 100)}
	r.srv = httptest.NewServer(http.HandlerFunc(r.serve))
	t.Cleanup(r.srv.Close)
	return r
}

// blockRequests holds requests until unblock, which also runs when the test
// ends, so that a failing test does not hang closing the server.
func (r *receiver) blockRequests(t *testing.T) {
	r.block = make(chan struct{})
	t.Cleanup(r.unblock)
}

func (r *receiver) unblock() { r.unblockOnce.Do(func() { close(r.block) }) }

func (r *receiver) URL() string { return r.srv.URL + "/hook" }

// trust makes the receiver verify with the alert's secret, as a receiver
// does with the secret shown when its alert was made, and returns a.
func (r *receiver) trust(a alerts.Alert) alerts.Alert {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.key = []byte(a.WebhookSecret)
	return a
}

func (r *receiver) serve(w http.ResponseWriter, req *http.Request) {
	body, err := io.ReadAll(req.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	rec := received{DeliveryID: req.Header.Get("X-Advosearch-Delivery"), Body: body, Verified: r.verify(req, body)}
	select {
	case r.arrived <- struct{}{}:
	default: // nobody is counting
	}
	if r.block != nil {
		<-r.block
	}
	r.mu.Lock()
	rec.Status = http.StatusOK
	if n := len(r.reqs); n < len(r.statuses) {
		rec.Status = r.statuses[n]
	}
	if !rec.Verified {
		rec.Status = http.StatusUnauthorized
	}
	r.reqs = append(r.reqs, rec)
	r.mu.Unlock()
	w.WriteHeader(rec.Status)
	io.WriteString(w, "ok")
}

// verify does what the package documentation tells receivers to do.
func (r *receiver) verify(req *http.Request, body []byte) bool {
	if req.Method != http.MethodPost || req.Header.Get("Content-Type") != "application/json" {
		return false
	}
	ts := req.Header.Get("X-Advosearch-Timestamp")
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return false
	}
	if age := r.clock.Now().Sub(time.Unix(sec, 0)); age > 5*time.Minute || age < -5*time.Minute {
		return false
	}
	r.mu.Lock()
	key := r.key
	r.mu.Unlock()
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(ts + "." + string(body)))
	want := "sha256=" + hex.EncodeToString(mac.Sum(nil))
	return hmac.Equal([]byte(req.Header.Get("X-Advosearch-Signature")), []byte(want))
}

func (r *receiver) requests() []received {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]received(nil), r.reqs...)
}

// accepted counts the deliveries the receiver answered 2xx, by ID.
func (r *receiver) accepted() map[string]int {
	n := map[string]int{}
	for _, rec := range r.requests() {
		if rec.Status/100 == 2 {
			n[rec.DeliveryID]++
		}
	}
	return n
}

func newDeliverer(s *alerts.Store, c *clock, opts alerts.DelivererOptions) *alerts.Deliverer {
	if opts.Secret == nil {
		opts.Secret = secret
	}
	opts.Clock = c.Now
	return alerts.NewDeliverer(s, opts)
}

func outbox(t *testing.T, s *alerts.Store) []alerts.Delivery {
	t.Helper()
	out, err := s.Outbox(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestDeliverer_signedDelivery(t *testing.T) {
	ctx := context.Background()
	c := newClock()
	s, _ := openStore(t, c)
	r := newReceiver(t, c)
	a := r.trust(mustCreate(t, s, alerts.Alert{Name: "Myanmar", Query: "myanmar", WebhookURL: r.URL()}))
	mustPercolate(t, s, batch(t))
	want := outbox(t, s)[0]

	n, err := newDeliverer(s, c, alerts.DelivererOptions{AllowPrivate: true}).DeliverDue(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Errorf("DeliverDue: got %d delivered, want 1", n)
	}
	reqs := r.requests()
	if len(reqs) != 1 || !reqs[0].Verified || reqs[0].DeliveryID != want.ID {
		t.Fatalf("receiver saw %+v, want one verified request for %s", reqs, want.ID)
	}
	var p alerts.WebhookPayload
	if err := json.Unmarshal(reqs[0].Body, &p); err != nil {
		t.Fatal(err)
	}
	if p.DeliveryID != want.ID || p.Alert.ID != a.ID || p.Alert.Name != a.Name || len(p.Matches) != 2 {
		t.Errorf("payload: got %+v", p)
	}
	if got := outbox(t, s); len(got) != 0 {
		t.Errorf("outbox after a 2xx: got %+v, want empty", got)
	}
}

func TestVerify(t *testing.T) {
	now := time.Unix(1_773_000_000, 0)
	body := []byte(`{"delivery_id":"x-1"}`)
	header := func(ts time.Time, body []byte) http.Header {
		sec := strconv.FormatInt(ts.Unix(), 10)
		mac := hmac.New(sha256.New, secret)
		mac.Write([]byte(sec + "." + string(body)))
		h := http.Header{}
		h.Set(alerts.HeaderTimestamp, sec)
		h.Set(alerts.HeaderSignature, "sha256="+hex.EncodeToString(mac.Sum(nil)))
		return h
	}
	if err := alerts.Verify(secret, header(now.Add(-time.Minute), body), body, now, 0); err != nil {
		t.Errorf("good delivery: got %v, want nil", err)
	}
	for name, tc := range map[string]struct {
		h    http.Header
		body []byte
		key  []byte
	}{
		"tampered body": {header(now, body), []byte(`{"delivery_id":"x-2"}`), secret},
		"wrong secret":  {header(now, body), body, []byte("other")},
		"old":           {header(now.Add(-6*time.Minute), body), body, secret},
		"future":        {header(now.Add(6*time.Minute), body), body, secret},
		"unsigned":      {http.Header{alerts.HeaderTimestamp: {strconv.FormatInt(now.Unix(), 10)}}, body, secret},
	} {
		if err := alerts.Verify(tc.key, tc.h, tc.body, now, alerts.DefaultMaxAge); !errors.Is(err, alerts.ErrSignature) {
			t.Errorf("%s: got %v, want ErrSignature", name, err)
		}
	}
}

func TestDeliverer_retry(t *testing.T) {
	ctx := context.Background()
	c := newClock()
	s, _ := openStore(t, c)
	r := newReceiver(t, c, http.StatusInternalServerError, http.StatusServiceUnavailable)
	r.trust(mustCreate(t, s, alerts.Alert{Name: "Myanmar", Query: "myanmar", WebhookURL: r.URL()}))
	mustPercolate(t, s, batch(t))
	d := newDeliverer(s, c, alerts.DelivererOptions{AllowPrivate: true, BaseBackoff: 5 * time.Second})

	var waits []time.Duration
	for attempt := 1; attempt <= 2; attempt++ {
		if n, err := d.DeliverDue(ctx); err != nil || n != 0 {
			t.Fatalf("attempt %d: got %d delivered, err %v; want a failure", attempt, n, err)
		}
		out := outbox(t, s)
		if len(out) != 1 || out[0].Attempts != attempt || !strings.Contains(out[0].LastError, "50") {
			t.Fatalf("after failure %d: outbox %+v", attempt, out)
		}
		wait := out[0].NextAttempt.Sub(c.Now())
		waits = append(waits, wait)
		// Not due yet: nothing is sent.
		if n, err := d.DeliverDue(ctx); err != nil || n != 0 || len(r.requests()) != attempt {
			t.Fatalf("before the backoff ran out: %d delivered, err %v, %d requests", n, err, len(r.requests()))
		}
		c.Advance(wait)
	}
	if waits[0] != 5*time.Second || waits[1] != 10*time.Second {
		t.Errorf("backoff: got %v, want [5s 10s]", waits)
	}
	if n, err := d.DeliverDue(ctx); err != nil || n != 1 {
		t.Fatalf("third attempt: got %d delivered, err %v; want 1", n, err)
	}
	reqs := r.requests()
	if len(reqs) != 3 {
		t.Fatalf("receiver saw %d requests, want 3", len(reqs))
	}
	for i, rec := range reqs {
		if !rec.Verified {
			t.Errorf("request %d did not verify", i)
		}
		if rec.DeliveryID != reqs[0].DeliveryID || string(rec.Body) != string(reqs[0].Body) {
			t.Errorf("request %d: ID %q and body differ from the first (%q)", i, rec.DeliveryID, reqs[0].DeliveryID)
		}
	}
	if acc := r.accepted(); len(acc) != 1 || acc[reqs[0].DeliveryID] != 1 {
		t.Errorf("accepted: got %v, want one delivery once", acc)
	}
	if out := outbox(t, s); len(out) != 0 {
		t.Errorf("outbox: got %+v, want empty", out)
	}
}

// backoffs fails a delivery five times and returns the waits between tries.
func backoffs(t *testing.T, opts alerts.DelivererOptions) []time.Duration {
	ctx := context.Background()
	c := newClock()
	s, _ := openStore(t, c)
	r := newReceiver(t, c, 500, 500, 500, 500, 500, 500)
	r.trust(mustCreate(t, s, alerts.Alert{Name: "Myanmar", Query: "myanmar", WebhookURL: r.URL()}))
	mustPercolate(t, s, batch(t))
	opts.AllowPrivate, opts.BaseBackoff, opts.MaxBackoff = true, time.Second, 4*time.Second
	d := newDeliverer(s, c, opts)
	var waits []time.Duration
	for range 5 {
		if _, err := d.DeliverDue(ctx); err != nil {
			t.Fatal(err)
		}
		wait := outbox(t, s)[0].NextAttempt.Sub(c.Now())
		waits = append(waits, wait)
		c.Advance(wait)
	}
	return waits
}

func TestDeliverer_backoff(t *testing.T) {
	want := []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 4 * time.Second, 4 * time.Second}
	t.Run("capped", func(t *testing.T) {
		if got := backoffs(t, alerts.DelivererOptions{}); !reflect.DeepEqual(got, want) {
			t.Errorf("got %v, want %v", got, want)
		}
	})
	t.Run("jitter", func(t *testing.T) {
		got := backoffs(t, alerts.DelivererOptions{Rand: rand.New(rand.NewPCG(1, 2))})
		for i, w := range got {
			if w < want[i]/2 || w > want[i] {
				t.Errorf("wait %d: got %v, want within [%v, %v]", i, w, want[i]/2, want[i])
			}
		}
		if reflect.DeepEqual(got, want) {
			t.Errorf("got %v: no jitter", got)
		}
	})
}

func TestDeliverer_dead(t *testing.T) {
	ctx := context.Background()
	c := newClock()
	s, _ := openStore(t, c)
	r := newReceiver(t, c, 500, 500)
	r.trust(mustCreate(t, s, alerts.Alert{Name: "Myanmar", Query: "myanmar", WebhookURL: r.URL()}))
	mustPercolate(t, s, batch(t))
	d := newDeliverer(s, c, alerts.DelivererOptions{AllowPrivate: true, MaxAttempts: 2})
	for range 2 {
		if _, err := d.DeliverDue(ctx); err != nil {
			t.Fatal(err)
		}
		c.Advance(time.Hour)
	}
	out := outbox(t, s)
	if len(out) != 1 || !out[0].Dead || out[0].Attempts != 2 {
		t.Fatalf("after MaxAttempts: outbox %+v, want one dead delivery", out)
	}
	c.Advance(24 * time.Hour)
	if n, err := d.DeliverDue(ctx); err != nil || n != 0 || len(r.requests()) != 2 {
		t.Errorf("dead delivery was tried again: %d delivered, err %v, %d requests", n, err, len(r.requests()))
	}
	// After the receiver is fixed, Retry sends it.
	if err := s.Retry(ctx, out[0].ID); err != nil {
		t.Fatal(err)
	}
	if n, err := d.DeliverDue(ctx); err != nil || n != 1 {
		t.Errorf("after Retry: got %d delivered, err %v; want 1", n, err)
	}
	if err := s.Retry(ctx, out[0].ID); !errors.Is(err, alerts.ErrNotFound) {
		t.Errorf("Retry of a delivered delivery: got %v, want ErrNotFound", err)
	}
}

// A crash after Percolate and before delivery loses nothing: the delivery
// is in the file, and is sent once after the restart.
func TestDeliverer_afterCrash(t *testing.T) {
	ctx := context.Background()
	c := newClock()
	path := filepath.Join(t.TempDir(), "alerts.db")
	r := newReceiver(t, c, http.StatusBadGateway) // down at first
	s, err := alerts.Open(path, alerts.Options{Clock: c.Now})
	if err != nil {
		t.Fatal(err)
	}
	r.trust(mustCreate(t, s, alerts.Alert{Name: "Myanmar", Query: "myanmar", WebhookURL: r.URL()}))
	mustPercolate(t, s, batch(t))
	if _, err := newDeliverer(s, c, alerts.DelivererOptions{AllowPrivate: true}).DeliverDue(ctx); err != nil {
		t.Fatal(err)
	}
	// The process dies: the store is closed without a Shutdown and
	// without another attempt.
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	c.Advance(time.Minute)
	s, err = alerts.Open(path, alerts.Options{Clock: c.Now})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// The same batch percolated again after the restart adds nothing.
	if n := mustPercolate(t, s, batch(t)); n != 0 {
		t.Errorf("Percolate after restart: got %d new matches, want 0", n)
	}
	d := newDeliverer(s, c, alerts.DelivererOptions{AllowPrivate: true, PollInterval: 10 * time.Millisecond})
	done := make(chan error, 1)
	go func() { done <- d.Run(ctx) }()
	deadline := time.Now().Add(5 * time.Second)
	for len(r.accepted()) == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond) // room for a wrong second delivery
	if err := d.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Errorf("Run: got %v, want nil", err)
	}
	reqs := r.requests()
	acc := r.accepted()
	if len(acc) != 1 || acc[reqs[0].DeliveryID] != 1 {
		t.Errorf("accepted: got %v, want delivery %s once", acc, reqs[0].DeliveryID)
	}
	if len(reqs) != 2 || reqs[1].DeliveryID != reqs[0].DeliveryID {
		t.Errorf("requests: got %+v, want the failed one and its retry with the same ID", reqs)
	}
	if out := outbox(t, s); len(out) != 0 {
		t.Errorf("outbox: got %+v, want empty", out)
	}
}

func TestDeliverer_refusesPrivateAddress(t *testing.T) {
	ctx := context.Background()
	c := newClock()
	s, _ := openStore(t, c)
	r := newReceiver(t, c) // on 127.0.0.1
	r.trust(mustCreate(t, s, alerts.Alert{Name: "Myanmar", Query: "myanmar", WebhookURL: r.URL()}))
	mustPercolate(t, s, batch(t))

	n, err := newDeliverer(s, c, alerts.DelivererOptions{}).DeliverDue(ctx)
	if err != nil || n != 0 {
		t.Fatalf("got %d delivered, err %v; want a refused attempt", n, err)
	}
	if reqs := r.requests(); len(reqs) != 0 {
		t.Errorf("receiver on 127.0.0.1 got %d requests, want 0", len(reqs))
	}
	out := outbox(t, s)
	if len(out) != 1 || out[0].Attempts != 1 || !strings.Contains(out[0].LastError, "127.0.0.1 is not a public address") {
		t.Errorf("outbox: got %+v, want one attempt refused as not public", out)
	}
	// The same delivery goes through when private addresses are allowed.
	c.Advance(time.Hour)
	if n, err := newDeliverer(s, c, alerts.DelivererOptions{AllowPrivate: true}).DeliverDue(ctx); err != nil || n != 1 {
		t.Errorf("with AllowPrivate: got %d delivered, err %v; want 1", n, err)
	}
}

// TestDeliverer_refusesNAT64Loopback: 64:ff9b::7f00:1 reaches 127.0.0.1
// through a NAT64 gateway, so a webhook to it is refused before any
// connection, and the refusal is recorded on the delivery.
func TestDeliverer_refusesNAT64Loopback(t *testing.T) {
	ctx := context.Background()
	c := newClock()
	s, _ := openStore(t, c)
	r := newReceiver(t, c) // on 127.0.0.1
	u, err := url.Parse(r.URL())
	if err != nil {
		t.Fatal(err)
	}
	hook := "http://[64:ff9b::7f00:1]:" + u.Port() + "/hook"
	r.trust(mustCreate(t, s, alerts.Alert{Name: "Myanmar", Query: "myanmar", WebhookURL: hook}))
	mustPercolate(t, s, batch(t))

	n, err := newDeliverer(s, c, alerts.DelivererOptions{}).DeliverDue(ctx)
	if err != nil || n != 0 {
		t.Fatalf("got %d delivered, err %v; want a refused attempt", n, err)
	}
	if reqs := r.requests(); len(reqs) != 0 {
		t.Errorf("receiver got %d requests, want 0", len(reqs))
	}
	out := outbox(t, s)
	want := "64:ff9b::7f00:1 is not a public address: it carries 127.0.0.1 (NAT64), in 127.0.0.0/8 (loopback)"
	if len(out) != 1 {
		t.Fatalf("outbox: got %d deliveries, want 1", len(out))
	}
	if d := out[0]; d.URL != hook || d.Attempts != 1 || d.Dead || !strings.Contains(d.LastError, want) {
		t.Errorf("delivery: got URL %s, %d attempts, dead %v, last error %q; want %s, 1, false, one containing %q",
			d.URL, d.Attempts, d.Dead, d.LastError, hook, want)
	}
}

func TestDeliverer_redirectLimit(t *testing.T) {
	ctx := context.Background()
	c := newClock()
	s, _ := openStore(t, c)
	var hits int
	var mu sync.Mutex
	loop := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		mu.Lock()
		hits++
		mu.Unlock()
		http.Redirect(w, req, "/again", http.StatusTemporaryRedirect)
	}))
	defer loop.Close()
	mustCreate(t, s, alerts.Alert{Name: "Myanmar", Query: "myanmar", WebhookURL: loop.URL})
	mustPercolate(t, s, batch(t))
	if _, err := newDeliverer(s, c, alerts.DelivererOptions{AllowPrivate: true}).DeliverDue(ctx); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if hits != 4 {
		t.Errorf("requests: got %d, want 4 (the first and 3 redirects)", hits)
	}
	if out := outbox(t, s); len(out) != 1 || !strings.Contains(out[0].LastError, "redirects") {
		t.Errorf("outbox: got %+v, want a failure for too many redirects", out)
	}
}

func TestDeliverer_Shutdown(t *testing.T) {
	ctx := context.Background()
	c := newClock()
	s, _ := openStore(t, c)
	r := newReceiver(t, c)
	r.blockRequests(t)
	r.trust(mustCreate(t, s, alerts.Alert{Name: "Myanmar", Query: "myanmar", WebhookURL: r.URL()}))
	// A long poll: the delivery can only start because Percolate wakes Run.
	d := newDeliverer(s, c, alerts.DelivererOptions{AllowPrivate: true, PollInterval: time.Hour})
	done := make(chan error, 1)
	go func() { done <- d.Run(ctx) }()
	mustPercolate(t, s, batch(t))

	select {
	case <-r.arrived:
	case <-time.After(5 * time.Second):
		t.Fatal("Percolate did not wake the Deliverer")
	}
	shut := make(chan error, 1)
	go func() { shut <- d.Shutdown(ctx) }()
	select {
	case err := <-shut:
		t.Fatalf("Shutdown returned %v while a delivery was running", err)
	case <-time.After(50 * time.Millisecond):
	}
	r.unblock()
	if err := <-shut; err != nil {
		t.Errorf("Shutdown: got %v, want nil", err)
	}
	if err := <-done; err != nil {
		t.Errorf("Run: got %v, want nil", err)
	}
	if err := d.Shutdown(ctx); err != nil {
		t.Errorf("second Shutdown: got %v, want nil", err)
	}
	if out := outbox(t, s); len(out) != 0 {
		t.Errorf("the running delivery did not finish: outbox %+v", out)
	}
	// Run after Shutdown returns at once.
	if err := d.Run(ctx); err != nil {
		t.Errorf("Run after Shutdown: got %v, want nil", err)
	}
}

func TestDeliverer_Shutdown_deadline(t *testing.T) {
	ctx := context.Background()
	c := newClock()
	s, _ := openStore(t, c)
	r := newReceiver(t, c)
	r.blockRequests(t)
	r.trust(mustCreate(t, s, alerts.Alert{Name: "Myanmar", Query: "myanmar", WebhookURL: r.URL()}))
	mustPercolate(t, s, batch(t))
	d := newDeliverer(s, c, alerts.DelivererOptions{AllowPrivate: true, PollInterval: time.Hour})
	go d.Run(ctx)
	select {
	case <-r.arrived:
	case <-time.After(5 * time.Second):
		t.Fatal("no delivery arrived")
	}

	sctx, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	if err := d.Shutdown(sctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Shutdown past its deadline: got %v, want DeadlineExceeded", err)
	}
	// The cut-off attempt is not the receiver's fault: it stays due,
	// uncounted, for the next run.
	out := outbox(t, s)
	if len(out) != 1 || out[0].Attempts != 0 || out[0].Dead {
		t.Errorf("outbox: got %+v, want the delivery kept and uncounted", out)
	}
}

func TestDeliverer_needsSecret(t *testing.T) {
	c := newClock()
	s, _ := openStore(t, c)
	d := alerts.NewDeliverer(s, alerts.DelivererOptions{Clock: c.Now})
	if _, err := d.DeliverDue(context.Background()); !errors.Is(err, alerts.ErrInvalid) {
		t.Errorf("DeliverDue without a secret: got %v, want ErrInvalid", err)
	}
	if err := d.Run(context.Background()); !errors.Is(err, alerts.ErrInvalid) {
		t.Errorf("Run without a secret: got %v, want ErrInvalid", err)
	}
}

// Deliveries a Deliverer was handed but did not start, because its context
// ended, are due again at once, not only when their lease passes.
func TestDeliverer_DeliverDue_cancelledHandsBack(t *testing.T) {
	c := newClock()
	s, _ := openStore(t, c)
	r := newReceiver(t, c)
	r.trust(mustCreate(t, s, alerts.Alert{Name: "Myanmar", Query: "myanmar", WebhookURL: r.URL()}))
	mustPercolate(t, s, batch(t))
	d := newDeliverer(s, c, alerts.DelivererOptions{AllowPrivate: true})

	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	// Either it is not started, or its attempt is cut off at once: both
	// hand it back.
	if n, err := d.DeliverDue(cancelled); n != 0 || err != nil && !errors.Is(err, context.Canceled) {
		t.Fatalf("DeliverDue with a cancelled context = %d, %v; want 0", n, err)
	}
	// The clock has not moved: the delivery's lease has not passed.
	if n, err := d.DeliverDue(context.Background()); err != nil || n != 1 {
		t.Errorf("DeliverDue right after = %d, %v; want the delivery sent", n, err)
	}
}
