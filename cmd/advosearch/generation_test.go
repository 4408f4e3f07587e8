package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/advosearch/advosearch/record/pgtest"
	"github.com/advosearch/advosearch/record/recordtest"
)

func TestRebuildingHandler(t *testing.T) {
	const status = "rebuilding the index from the statement store, 120 behind"
	h := rebuildingHandler(func() string { return status })
	for _, tc := range []struct {
		path       string
		code       int
		key, value string
	}{
		// Alive, so that a liveness check leaves the rebuild to finish.
		{"/healthz", http.StatusOK, "status", "rebuilding"},
		// Not ready, with the progress, as /readyz says it when current.
		{"/readyz", http.StatusServiceUnavailable, "error", status},
		{"/api/search?q=x", http.StatusServiceUnavailable, "error", status},
		{"/", http.StatusServiceUnavailable, "error", status},
	} {
		t.Run(tc.path, func(t *testing.T) {
			rr := httptest.NewRecorder()
			h.ServeHTTP(rr, httptest.NewRequest(http.MethodGet, tc.path, nil))
			var body map[string]string
			if err := json.Unmarshal(rr.Body.Bytes(), &body); err != nil {
				t.Fatalf("body %q: %v", rr.Body, err)
			}
			if rr.Code != tc.code || body[tc.key] != tc.value {
				t.Errorf("got %d %v, want %d %s=%q", rr.Code, body, tc.code, tc.key, tc.value)
			}
			if retry := rr.Header().Get("Retry-After"); (tc.code == http.StatusServiceUnavailable) != (retry != "") {
				t.Errorf("Retry-After %q with status %d", retry, tc.code)
			}
		})
	}
}

// A node upgraded to a build with another mapping finds an index it cannot
// open: with --store it builds it again from PostgreSQL, saying so on
// /readyz on its own address meanwhile, and serves the same statements
// afterwards, the old generation gone.
func TestServe_store_mappingChange(t *testing.T) {
	pg := pgtest.Start(t)
	const token = "store-test-token"
	data := t.TempDir()
	flags := []string{"--store", pg.URL, "--token", token}
	base, stop := startServe(t, data, flags...)
	// Enough statements that the rebuild lasts long enough to be seen.
	var lines strings.Builder
	for i := range 300 {
		fmt.Fprintf(&lines, `{"title":"Hearing %d","body":"The hearing of defender %d was postponed again.","url":"https://example.org/h%d"}`+"\n", i, i, i)
	}
	req, err := http.NewRequest(http.MethodPost, base+"/api/documents", strings.NewReader(lines.String()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-ndjson")
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("ingest: %d", resp.StatusCode)
	}
	waitReady(t, base)
	want := total(t, base, "")
	stop()

	path := filepath.Join(data, "index")
	previous, err := filepath.EvalSymlinks(path)
	if err != nil {
		t.Fatal(err)
	}
	recordtest.MarkOlderVersion(t, path)

	// The stand-in answering during the rebuild listens where the server
	// will, so the address is fixed, and watched from before the start.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	var (
		mu   sync.Mutex
		seen []string
	)
	watching := make(chan struct{})
	defer close(watching)
	go func() {
		for {
			select {
			case <-watching:
				return
			case <-time.After(5 * time.Millisecond):
			}
			resp, err := http.Get("http://" + addr + "/readyz")
			if err != nil {
				continue
			}
			body, _ := io.ReadAll(resp.Body) // a cut-off body is recorded as it is
			resp.Body.Close()
			mu.Lock()
			seen = append(seen, fmt.Sprintf("%d %s", resp.StatusCode, body))
			mu.Unlock()
		}
	}()
	base, stop = startServe(t, data, append(flags, "--addr", addr)...)
	defer stop()
	mu.Lock()
	during := append([]string(nil), seen...)
	mu.Unlock()
	rebuilding := false
	for _, s := range during {
		rebuilding = rebuilding || strings.HasPrefix(s, "503 ") && strings.Contains(s, "rebuilding the index from the statement store")
	}
	if !rebuilding {
		t.Errorf("/readyz before the node served answered %q, want a 503 saying it is rebuilding", during)
	}
	waitReady(t, base)
	if got := total(t, base, ""); got != want {
		t.Errorf("after the rebuild the node holds %d statements, want the %d it had", got, want)
	}
	if got := total(t, base, `"defender 17"`); got != 1 {
		t.Errorf("search for one rebuilt statement found %d, want 1", got)
	}
	if _, err := os.Stat(previous); !os.IsNotExist(err) {
		t.Errorf("previous generation %s: %v, want it removed", previous, err)
	}
}
