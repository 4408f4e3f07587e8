package web_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/advosearch/advosearch/web"
)

// A node whose shared store is down refuses writes with 503 and a message
// that says so, and keeps answering searches.
func TestIngest_storeUnavailable(t *testing.T) {
	down := fmt.Errorf("record: put: %w", web.ErrUnavailable)
	ts := newTestServerWith(t, web.Options{
		Token: testToken,
		Ingest: func(context.Context, io.Reader) (web.IngestResult, error) {
			return web.IngestResult{}, down
		},
		IngestFile: func(context.Context, web.IngestFile) (web.IngestResult, error) {
			return web.IngestResult{}, down
		},
		Delete: func(context.Context, string) error { return down },
	})
	for _, tc := range []struct{ name, method, path, body string }{
		{"Ingest", http.MethodPost, "/api/documents", `{"title":"T","body":"B","url":"https://example.org/1"}`},
		{"Delete", http.MethodDelete, "/api/documents/s1", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := doAuth(t, ts, tc.method, tc.path, tc.body, testToken)
			if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, "statement store is unreachable") {
				t.Errorf("got %d %s, want 503 saying the store is unreachable", resp.StatusCode, body)
			}
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type %q, want JSON", ct)
			}
		})
	}
	if resp, body := get(t, ts, "/api/search?q=rights"); resp.StatusCode != http.StatusOK {
		t.Errorf("search while the store is down: %d %s, want 200", resp.StatusCode, body)
	}
}

func TestReadyz_ready(t *testing.T) {
	for _, tc := range []struct {
		name   string
		status string
		ready  bool
		code   int
		want   string
	}{
		{"CatchingUp", "catching up, 12 behind", false, http.StatusServiceUnavailable, `"catching up, 12 behind"`},
		{"Current", "", true, http.StatusOK, `"ready"`},
		{"CurrentWithNote", "ready; the statement store is unreachable", true, http.StatusOK, "unreachable"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ts := newTestServerWith(t, web.Options{Ready: func() (string, bool) { return tc.status, tc.ready }})
			resp, body := get(t, ts, "/readyz")
			if resp.StatusCode != tc.code || !strings.Contains(body, tc.want) {
				t.Errorf("got %d %s, want %d with %s", resp.StatusCode, body, tc.code, tc.want)
			}
		})
	}
}
