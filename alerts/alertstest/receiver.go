// Package alertstest holds what tests of webhook delivery share: a real
// HTTP receiver that records each delivery, and the check a receiver makes
// of its signature. It is for tests only.
package alertstest

import (
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/advosearch/advosearch/alerts"
)

// Delivery is one POST the receiver got.
type Delivery struct {
	Header http.Header
	Body   []byte
}

// VerifiesWith says whether a receiver holding secret accepts d at now.
func (d Delivery) VerifiesWith(secret string, now time.Time) bool {
	return alerts.Verify([]byte(secret), d.Header, d.Body, now, 0) == nil
}

// Receiver is a webhook endpoint on a loopback port. It is safe for
// concurrent use.
type Receiver struct {
	// URL is where alerts should send their webhooks.
	URL string
	mu  sync.Mutex
	got []Delivery
}

// NewReceiver starts a receiver, closed when the test ends.
func NewReceiver(t testing.TB) *Receiver {
	t.Helper()
	r := &Receiver{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, err := io.ReadAll(req.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		r.mu.Lock()
		r.got = append(r.got, Delivery{Header: req.Header.Clone(), Body: body})
		r.mu.Unlock()
	}))
	t.Cleanup(srv.Close)
	r.URL = srv.URL + "/hook"
	return r
}

// Deliveries returns what the receiver got so far, in order.
func (r *Receiver) Deliveries() []Delivery {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Delivery(nil), r.got...)
}
