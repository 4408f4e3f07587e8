package web_test

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/search"
	"github.com/advosearch/advosearch/web"
)

// syncBuffer is a log sink the server may write from several goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestServer_metricsLogsAndReadiness(t *testing.T) {
	ix, err := index.Open(t.TempDir(), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Write(statements, nil); err != nil {
		t.Fatal(err)
	}
	var logs syncBuffer
	srv, err := web.New(search.New(ix), web.Options{Logger: slog.New(slog.NewJSONHandler(&logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()

	get := func(path string) (*http.Response, string) {
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, string(b)
	}
	resp, _ := get("/api/search?q=cambodia")
	id := resp.Header.Get("X-Request-Id")
	if id == "" {
		t.Error("no X-Request-Id on the answer")
	}
	get("/api/search?strict=1&q=%28broken")
	if resp, _ := get("/readyz"); resp.StatusCode != http.StatusOK {
		t.Errorf("readyz %d with the index open", resp.StatusCode)
	}

	_, body := get("/metrics")
	for _, want := range []string{
		`advosearch_http_requests_total{code="OK",method="GET",route="/api/search"} 1`,
		`advosearch_http_requests_total{code="Bad Request",method="GET",route="/api/search"} 1`,
		`advosearch_http_request_duration_seconds_count{route="/api/search"} 2`,
		"advosearch_statements " + strings.TrimSpace(jsonNumber(len(statements))),
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}

	var found bool
	for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		var rec struct {
			Msg, ID, Route string
			Status         int
		}
		if json.Unmarshal([]byte(line), &rec) == nil && rec.Msg == "request" && rec.ID == id {
			found = rec.Route == "/api/search" && rec.Status == http.StatusOK
		}
	}
	if !found {
		t.Errorf("no request log line with id %s, route and status:\n%s", id, logs.String())
	}

	ix.Close()
	if resp, _ := get("/readyz"); resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("readyz %d with the index closed, want 503", resp.StatusCode)
	}
}

func jsonNumber(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
