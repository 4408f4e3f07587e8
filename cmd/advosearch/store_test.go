package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/advosearch/advosearch/record/pgtest"
)

// Two serve --store nodes on one PostgreSQL, over HTTP as clients see
// them: a statement sent to one is found on the other, a node restarted
// catches up, and with PostgreSQL down searches answer, ingest answers 503
// with JSON that says why, and the nodes catch up once it is back.
func TestServe_store_twoNodes(t *testing.T) {
	pg := pgtest.Start(t)
	const token = "store-test-token"
	flags := []string{"--store", pg.URL, "--token", token}
	dataA, dataB := t.TempDir(), t.TempDir()
	a, stopA := startServe(t, dataA, flags...)
	defer stopA()
	b, stopB := startServe(t, dataB, flags...)
	defer stopB()

	// Node A put the sample statements in the new record; B has them from
	// the record, not from seeding its own.
	waitReady(t, b)
	if na, nb := total(t, a, ""), total(t, b, ""); na == 0 || nb != na {
		t.Fatalf("node A has %d statements, node B %d; want the same samples on both", na, nb)
	}

	postStatement(t, a, token, "quokkas", http.StatusOK)
	waitTotal(t, b, "quokkas", 1)

	stopB()
	postStatement(t, a, token, "wombats", http.StatusOK)
	b, stopB = startServe(t, dataB, flags...)
	defer stopB()
	waitTotal(t, b, "wombats", 1)
	waitReady(t, b)

	if err := pg.Stop(); err != nil {
		t.Fatal(err)
	}
	body := postStatement(t, a, token, "numbats", http.StatusServiceUnavailable)
	var e struct{ Error string }
	if err := json.Unmarshal([]byte(body), &e); err != nil || !strings.Contains(e.Error, "statement store is unreachable") {
		t.Errorf("ingest with PostgreSQL down answered %s, want a JSON error saying the store is unreachable", body)
	}
	if n := total(t, b, "quokkas"); n != 1 {
		t.Errorf("with PostgreSQL down node B found %d, want 1 from its index", n)
	}
	// Alerts live in PostgreSQL too: making one is refused the same way.
	var refused struct{ Error string }
	api(t, http.MethodPost, b+"/api/alerts", token, `{"name":"Numbats","q":"numbats"}`, http.StatusServiceUnavailable, &refused)
	if !strings.Contains(refused.Error, "unreachable") {
		t.Errorf("making an alert with PostgreSQL down answered %q, want a JSON error saying the store is unreachable", refused.Error)
	}
	if err := pg.Start(); err != nil {
		t.Fatal(err)
	}
	postStatement(t, a, token, "numbats", http.StatusOK)
	waitTotal(t, b, "numbats", 1)
	waitTotal(t, a, "numbats", 1)
}

// postStatement sends one statement about word and returns the answer's
// body, failing unless its status is want.
func postStatement(t *testing.T, base, token, word string, want int) string {
	t.Helper()
	rec := fmt.Sprintf(`{"title":"On %s","body":"A statement about %s and their habitat.","url":"https://example.org/%s"}`, word, word, word)
	req, err := http.NewRequest(http.MethodPost, base+"/api/documents", strings.NewReader(rec))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != want {
		t.Fatalf("POST %s/api/documents: %d %s, want %d", base, resp.StatusCode, body, want)
	}
	return string(body)
}

func total(t *testing.T, base, q string) uint64 {
	t.Helper()
	resp, err := http.Get(base + "/api/search?q=" + url.QueryEscape(q))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var res struct{ Total uint64 }
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("search %q on %s: %d, %v", q, base, resp.StatusCode, err)
	}
	return res.Total
}

func waitTotal(t *testing.T, base, q string, want uint64) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for n := total(t, base, q); n != want; n = total(t, base, q) {
		if time.Now().After(deadline) {
			t.Fatalf("search %q on %s: %d hits, want %d", q, base, n, want)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// waitReady waits until /readyz answers 200: the node has applied the
// record. Until then it says how far behind it is.
func waitReady(t *testing.T, base string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get(base + "/readyz")
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode == http.StatusOK {
			return
		}
		if !strings.Contains(string(body), "catching up") {
			t.Fatalf("readyz %d %s, want 200 or catching up", resp.StatusCode, body)
		}
		if time.Now().After(deadline) {
			t.Fatalf("readyz still %s", body)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
