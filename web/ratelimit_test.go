package web_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"

	"github.com/advosearch/advosearch/web"
)

func TestServer_rateLimitsAPIClients(t *testing.T) {
	ts := newTestServerWith(t, web.Options{RateLimit: 1})
	statuses := map[int]int{}
	for range 5 {
		resp, err := http.Get(ts.URL + "/api/search?q=cambodia")
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode == http.StatusTooManyRequests {
			var body struct{ Error string }
			json.NewDecoder(resp.Body).Decode(&body)
			if body.Error == "" || resp.Header.Get("Retry-After") == "" {
				t.Errorf("429 without a JSON error and Retry-After: %q", body.Error)
			}
		}
		resp.Body.Close()
		statuses[resp.StatusCode]++
	}
	// A burst of two, then the limit of one a second.
	if statuses[http.StatusOK] < 2 || statuses[http.StatusTooManyRequests] < 2 {
		t.Errorf("statuses %v, want the burst answered and the rest refused", statuses)
	}
	page, err := http.Get(ts.URL + "/?q=cambodia")
	if err != nil {
		t.Fatal(err)
	}
	page.Body.Close()
	if page.StatusCode != http.StatusOK {
		t.Errorf("the search page answered %d: pages are not rate limited", page.StatusCode)
	}
}

// Behind a trusted proxy each client named in X-Forwarded-For or X-Real-IP
// has its own bucket, and the log names the client; from any other address
// the same headers change nothing.
func TestServer_rateLimitsClientsBehindATrustedProxy(t *testing.T) {
	get := func(t *testing.T, ts *httptest.Server, header, client string) int {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, ts.URL+"/api/search?q=cambodia", nil)
		req.Header.Set(header, client)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	// exhaust spends the first client's burst of two and a request more.
	exhaust := func(t *testing.T, ts *httptest.Server, header string) {
		t.Helper()
		refused := false
		for range 5 {
			refused = refused || get(t, ts, header, "203.0.113.1") == http.StatusTooManyRequests
		}
		if !refused {
			t.Fatal("the first client was never refused")
		}
	}
	for _, header := range []string{"X-Forwarded-For", "X-Real-IP"} {
		t.Run(header, func(t *testing.T) {
			var log bytes.Buffer
			// The test server's connections come from loopback: the proxy.
			ts := newTestServerWith(t, web.Options{RateLimit: 1, TrustedProxies: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")},
				Logger: slog.New(slog.NewTextHandler(&log, nil))})
			exhaust(t, ts, header)
			if code := get(t, ts, header, "203.0.113.2"); code != http.StatusOK {
				t.Errorf("a second client behind the proxy got %d, want its own bucket", code)
			}
			if !strings.Contains(log.String(), "client=203.0.113.2") {
				t.Errorf("the log does not name the client behind the proxy:\n%s", log.String())
			}
		})
	}
	t.Run("untrusted", func(t *testing.T) {
		ts := newTestServerWith(t, web.Options{RateLimit: 1, TrustedProxies: []netip.Prefix{netip.MustParsePrefix("192.0.2.0/24")}})
		exhaust(t, ts, "X-Forwarded-For")
		if code := get(t, ts, "X-Forwarded-For", "203.0.113.2"); code != http.StatusTooManyRequests {
			t.Errorf("a header from an untrusted address got %d: it chose its own bucket", code)
		}
	})
}
