package web_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/search"
	"github.com/advosearch/advosearch/web"
)

// slotHold is what the next search to take the engine's slot does there:
// sleep, then say it is in, then wait for until.
type slotHold struct {
	sleep   time.Duration
	entered chan struct{}
	until   chan struct{}
}

// overloadRig is one engine with a single slot, served twice: impatient
// with a short request timeout, patient with the default 10 s. Each search
// takes the next slotHold queued in holds, if any.
type overloadRig struct {
	holds              chan slotHold
	impatient, patient *httptest.Server
}

func newOverloadRig(t *testing.T, impatientTimeout time.Duration) *overloadRig {
	t.Helper()
	ix, err := index.Open(t.TempDir(), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if err := ix.Write(statements, nil); err != nil {
		t.Fatal(err)
	}
	rig := &overloadRig{holds: make(chan slotHold, 8)}
	eng := search.NewWithOptions(ix, search.Options{Slots: 1, InSlot: func(ctx context.Context) {
		select {
		case h := <-rig.holds:
			time.Sleep(h.sleep)
			if h.entered != nil {
				close(h.entered)
			}
			if h.until != nil {
				<-h.until
			}
		default:
		}
	}})
	serve := func(timeout time.Duration) *httptest.Server {
		srv, err := web.New(eng, web.Options{RequestTimeout: timeout, Logger: slog.New(slog.DiscardHandler)})
		if err != nil {
			t.Fatal(err)
		}
		ts := httptest.NewServer(srv.Handler())
		t.Cleanup(ts.Close)
		return ts
	}
	rig.impatient, rig.patient = serve(impatientTimeout), serve(0)
	return rig
}

// TestServer_overloadShedsWithRetryAfter fills the engine's only slot after
// teaching it that a search takes 100 ms, and checks that a request whose
// deadline (60 ms) cannot be met answers 503 at once with Retry-After, as
// JSON under /api and as a page elsewhere, that a patient request waits
// and gets its answer, and that /metrics counts what was shed.
func TestServer_overloadShedsWithRetryAfter(t *testing.T) {
	const service = 100 * time.Millisecond
	rig := newOverloadRig(t, 60*time.Millisecond)
	for range 3 {
		rig.holds <- slotHold{sleep: service}
		if resp, _ := get(t, rig.patient, "/api/search?q=cambodia"); resp.StatusCode != http.StatusOK {
			t.Fatalf("warm-up search: %d", resp.StatusCode)
		}
	}
	entered, until := make(chan struct{}), make(chan struct{})
	rig.holds <- slotHold{entered: entered, until: until}
	blocked := make(chan int, 1)
	go func() {
		resp, err := http.Get(rig.patient.URL + "/api/search?q=phnom")
		if err != nil {
			blocked <- 0
			return
		}
		resp.Body.Close()
		blocked <- resp.StatusCode
	}()
	<-entered

	for _, tc := range []struct {
		path string
		api  bool
	}{
		{"/api/search?q=cambodia", true},
		{"/api/quotes?q=must+close", true},
		{"/?q=cambodia", false},
		{"/quotes?q=must+close", false},
	} {
		t.Run(tc.path, func(t *testing.T) {
			resp, body := get(t, rig.impatient, tc.path)
			if resp.StatusCode != http.StatusServiceUnavailable {
				t.Fatalf("status %d, want 503; body %s", resp.StatusCode, body)
			}
			secs, err := strconv.Atoi(resp.Header.Get("Retry-After"))
			if err != nil || secs < 1 {
				t.Errorf("Retry-After %q, want whole seconds ≥ 1", resp.Header.Get("Retry-After"))
			}
			want := "try again in " + strconv.Itoa(secs) + " seconds"
			if tc.api {
				var e struct{ Error string }
				if err := json.Unmarshal([]byte(body), &e); err != nil {
					t.Fatalf("body is not a JSON error: %v: %s", err, body)
				}
				if !strings.Contains(e.Error, want) {
					t.Errorf("error %q, want it to say %q", e.Error, want)
				}
				return
			}
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
				t.Errorf("Content-Type %q, want a page", ct)
			}
			if !strings.Contains(body, want) {
				t.Errorf("page does not say %q:\n%s", want, body)
			}
		})
	}

	patient := make(chan *http.Response, 1)
	go func() {
		resp, err := http.Get(rig.patient.URL + "/api/search?q=cambodia")
		if err != nil {
			t.Errorf("patient search: %v", err)
			patient <- nil
			return
		}
		resp.Body.Close()
		patient <- resp
	}()
	// It may only be answered once the slot is free.
	select {
	case resp := <-patient:
		t.Fatalf("patient search answered %v with the slot taken, want it to wait", resp)
	case <-time.After(2 * service):
	}
	close(until)
	if resp := <-patient; resp == nil || resp.StatusCode != http.StatusOK {
		t.Errorf("patient search: %v, want 200 once the slot is free", resp)
	}
	if code := <-blocked; code != http.StatusOK {
		t.Errorf("the search holding the slot answered %d, want 200", code)
	}

	_, metrics := get(t, rig.impatient, "/metrics")
	for _, want := range []string{
		`advosearch_search_shed_total{reason="deadline"} 4`,
		`advosearch_search_shed_total{reason="queue"} 0`,
	} {
		if !strings.Contains(metrics, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
}
