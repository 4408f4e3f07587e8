package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/advosearch/advosearch/index"
)

// serveInBackground runs "advosearch serve" on a free loopback port and
// returns its base URL; the server stops when the test ends.
func serveInBackground(t *testing.T, data string, flags ...string) string {
	t.Helper()
	base, stop := startServe(t, data, flags...)
	t.Cleanup(stop)
	return base
}

func TestServe_indexesSeedsIntoEmptyDataFolderAndAnswers(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	base := serveInBackground(t, data)
	if !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Errorf("address %q is not on loopback", base)
	}
	client := &http.Client{Timeout: 10 * time.Second}
	resp, err := client.Get(base + "/api/search?q=%22must+close+because+they+follow+foreigners%22")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var res struct {
		Total int `json:"total"`
		Hits  []struct {
			ID string `json:"id"`
		} `json:"hits"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		t.Fatal(err)
	}
	if res.Total != 1 || res.Hits[0].ID != "001_9bb9cf890fb58f1e" {
		t.Errorf("phrase from the Phnom Penh Post seed: total %d, hits %+v", res.Total, res.Hits)
	}
}

func TestServe_reportsALockedIndexInsteadOfHanging(t *testing.T) {
	data := t.TempDir()
	ix, err := index.Open(filepath.Join(data, "index"), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	err = run(context.Background(), []string{"serve", "--data", data, "--addr", "127.0.0.1:0"}, io.Discard, io.Discard)
	if !errors.Is(err, index.ErrLocked) || !strings.Contains(err.Error(), "--data") {
		t.Fatalf("err = %v, want ErrLocked saying how to proceed", err)
	}
}

func TestIndex_printsSummaryAndSkipsUnchanged(t *testing.T) {
	data, docs := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(docs, "a.txt"), []byte("Statement title\n\nHuman rights defenders were detained in Phnom Penh.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(docs, "bin.txt"), []byte("\x00\x00\x00\x01binary\x00\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if err := run(context.Background(), []string{"index", "--data", data, docs}, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), "indexed 1, unchanged 0, skipped 1") || !strings.Contains(out.String(), "bin.txt") {
		t.Errorf("first summary = %q", out.String())
	}
	out.Reset()
	if err := run(context.Background(), []string{"index", "--data", data, docs}, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), "indexed 0, unchanged 1, skipped 1") {
		t.Errorf("second summary = %q", out.String())
	}
	if err := run(context.Background(), []string{"index", "--data", data}, io.Discard, io.Discard); err == nil {
		t.Error("index with no path must fail")
	}
	if err := run(context.Background(), []string{"frobnicate"}, io.Discard, io.Discard); err == nil {
		t.Error("an unknown command must fail")
	}
}

func TestAlerts_addThenIndexRecordsMatches(t *testing.T) {
	data, docs := t.TempDir(), t.TempDir()
	var out strings.Builder
	if err := run(context.Background(), []string{"alerts", "add", "--data", data, "--name", "CCHR closure",
		"--q", `"Hun Sen CCHR"~10`, "--webhook", "https://hooks.example.org/advosearch"}, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), `added alert 1 "CCHR closure"`) {
		t.Errorf("add said %q", out.String())
	}
	if err := run(context.Background(), []string{"alerts", "add", "--data", data, "--name", "bad", "--q", "(Hun Sen"}, io.Discard, io.Discard); err == nil {
		t.Error("an alert with a broken query was saved")
	}
	for name, body := range map[string]string{
		"near.txt": "PM threatens NGO\n\nPrime Minister Hun Sen ordered the closure of CCHR on Monday.\n",
		"far.txt":  "Unrelated\n\nHun Sen spoke at length about roads, rice, rain and many other matters of state before, much later, the CCHR was mentioned.\n",
	} {
		if err := os.WriteFile(filepath.Join(docs, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out.Reset()
	if err := run(context.Background(), []string{"index", "--data", data, docs}, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	store, err := openAlerts(data)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ms, _, err := store.Matches(context.Background(), "1", 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 1 || ms[0].Title != "PM threatens NGO" {
		t.Errorf("matches = %+v, want only the statement where the words are near", ms)
	}
	outbox, err := store.Outbox(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// The receiver's host does not resolve here: the delivery stays queued.
	if len(outbox) != 1 {
		t.Errorf("outbox holds %d deliveries, want 1", len(outbox))
	}
	store.Close()
	out.Reset()
	if err := run(context.Background(), []string{"alerts", "list", "--data", data}, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `"Hun Sen CCHR"~10`) {
		t.Errorf("list = %q", out.String())
	}
}

func TestServe_alertEndpointsUseTheToken(t *testing.T) {
	base := serveInBackground(t, filepath.Join(t.TempDir(), "data"), "--token", "s3cret")
	post := func(token string) int {
		req, _ := http.NewRequest(http.MethodPost, base+"/api/alerts",
			strings.NewReader(`{"name":"CCHR","q":"\"Hun Sen CCHR\"~10"}`))
		req.Header.Set("Content-Type", "application/json")
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if got := post("wrong"); got != http.StatusUnauthorized {
		t.Errorf("wrong token: %d, want 401", got)
	}
	if got := post("s3cret"); got != http.StatusCreated {
		t.Errorf("right token: %d, want 201", got)
	}
}

func TestIndex_serverSendsFilesToARunningServer(t *testing.T) {
	base := serveInBackground(t, filepath.Join(t.TempDir(), "data"), "--token", "s3cret")
	docs := t.TempDir()
	for name, body := range map[string]string{
		"a.txt":   "Land activists detained\n\nSeven land activists from Boeung Kak Lake were detained on Monday.\n",
		"b.jsonl": `{"title":"Union leader charged","body":"A union leader was charged with incitement.","url":"https://example.org/union"}` + "\n",
		"c.pdf":   "%PDF-1.4 not really",
	} {
		if err := os.WriteFile(filepath.Join(docs, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out strings.Builder
	err := run(context.Background(), []string{"index", "--server", base, "--token", "s3cret", docs}, &out, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	// The PDF goes too, and the server says why it could not read it.
	if !strings.HasPrefix(out.String(), "sent 3 files, indexed 2, unchanged 0, skipped 1") || !strings.Contains(out.String(), "c.pdf: PDF the reader refuses") {
		t.Errorf("summary = %q", out.String())
	}
	resp, err := http.Get(base + "/api/search?q=%22Boeung+Kak+Lake%22")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var res struct{ Total int }
	json.NewDecoder(resp.Body).Decode(&res)
	if res.Total != 1 {
		t.Errorf("the sent statement is not searchable: total %d", res.Total)
	}
	if err := run(context.Background(), []string{"index", "--server", base, "--token", "wrong", docs}, io.Discard, io.Discard); err == nil ||
		!strings.Contains(err.Error(), "401") {
		t.Errorf("a wrong token: %v, want the server's 401", err)
	}
}

func TestBackup_whileTheServerRunsThenRestore(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	base := serveInBackground(t, data, "--token", "s3cret")
	req, _ := http.NewRequest(http.MethodPost, base+"/api/alerts", strings.NewReader(`{"name":"CCHR","q":"cchr"}`))
	req.Header.Set("Authorization", "Bearer s3cret")
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	// A file sent to the server is kept for its statement's page; the
	// copy keeps it too.
	req, _ = http.NewRequest(http.MethodPost, base+"/api/documents", strings.NewReader("Vigil for detained monks\n\nMonks held a vigil in Phnom Penh.\n"))
	req.Header.Set("Authorization", "Bearer s3cret")
	req.Header.Set("Content-Type", "text/plain")
	if resp, err = http.DefaultClient.Do(req); err != nil {
		t.Fatal(err)
	}
	var sent struct{ IDs []string }
	json.NewDecoder(resp.Body).Decode(&sent)
	resp.Body.Close()

	dest := filepath.Join(t.TempDir(), "copy")
	if err := run(context.Background(), []string{"backup", "--server", base, "--token", "s3cret", dest}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	if err := run(context.Background(), []string{"backup", "--server", base, "--token", "s3cret", dest}, io.Discard, io.Discard); err == nil ||
		!strings.Contains(err.Error(), "already exists") {
		t.Errorf("a second backup into the same folder: %v, want a refusal", err)
	}

	// Restore: the copy is a data folder; serve it and find the same.
	restored := serveInBackground(t, dest, "--token", "s3cret")
	for _, q := range []string{"", "%22must+close+because+they+follow+foreigners%22"} {
		var orig, copied struct{ Total int }
		for _, s := range []struct {
			base string
			into *struct{ Total int }
		}{{base, &orig}, {restored, &copied}} {
			resp, err := http.Get(s.base + "/api/search?q=" + q)
			if err != nil {
				t.Fatal(err)
			}
			json.NewDecoder(resp.Body).Decode(s.into)
			resp.Body.Close()
		}
		if orig.Total == 0 || copied.Total != orig.Total {
			t.Errorf("q=%s: %d in the copy, %d in the original", q, copied.Total, orig.Total)
		}
	}
	if len(sent.IDs) != 1 {
		t.Fatalf("the file sent: IDs %v", sent.IDs)
	}
	if resp, err := http.Get(restored + "/statements/" + sent.IDs[0] + "/original"); err != nil || resp.StatusCode != http.StatusOK {
		t.Errorf("the original of a file sent, in the copy: %v %v, want it kept", resp, err)
	} else {
		resp.Body.Close()
	}
	req, _ = http.NewRequest(http.MethodGet, restored+"/api/alerts", nil)
	req.Header.Set("Authorization", "Bearer s3cret")
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var list struct {
		Alerts []struct{ Name string } `json:"alerts"`
	}
	json.NewDecoder(resp.Body).Decode(&list)
	if len(list.Alerts) != 1 || list.Alerts[0].Name != "CCHR" {
		t.Errorf("alerts in the copy: %+v", list.Alerts)
	}
}

func TestServe_metricsReportTheIndexAndDeliveries(t *testing.T) {
	base := serveInBackground(t, filepath.Join(t.TempDir(), "data"))
	resp, err := http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	metrics := string(body)
	// The five seeds were written at start.
	for _, want := range []string{"advosearch_statements 5", "advosearch_statements_indexed_total 5",
		"advosearch_webhook_deliveries_total 0", "advosearch_webhook_failures_total 0"} {
		if !strings.Contains(metrics, want+"\n") {
			t.Errorf("metrics lack %q", want)
		}
	}
	var size float64
	for _, line := range strings.Split(metrics, "\n") {
		if v, ok := strings.CutPrefix(line, "advosearch_index_bytes "); ok {
			fmt.Sscan(v, &size)
		}
	}
	if size < 10_000 {
		t.Errorf("index size %v bytes: the index on disk is not being measured", size)
	}
}

// TestServe_shutdownFinishesRequestsInFlight stops the server while a
// request is half sent: the request still gets its answer, and the server
// then stops cleanly.
func TestServe_shutdownFinishesRequestsInFlight(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	base, stop := startServe(t, data, "--token", "s3cret")
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	record := `{"title":"In flight","body":"Sent while the server stops.","url":"https://example.org/inflight"}`
	fmt.Fprintf(conn, "POST /api/documents HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer s3cret\r\n"+
		"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", len(record), record[:10])
	time.Sleep(200 * time.Millisecond) // the server is reading the body

	stopped := make(chan struct{})
	go func() { stop(); close(stopped) }()
	time.Sleep(200 * time.Millisecond) // shutdown has begun and is waiting
	select {
	case <-stopped:
		t.Fatal("the server stopped with a request in flight")
	default:
	}
	fmt.Fprint(conn, record[10:])
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("the request in flight got %d, want 200", resp.StatusCode)
	}
	<-stopped

	// What it sent was indexed before the index closed.
	ix, err := index.Open(filepath.Join(data, "index"), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if n, _ := ix.Count(); n != 6 {
		t.Errorf("%d statements after shutdown, want the 5 seeds and the one in flight", n)
	}
}

// TestServe_searchesAnswerWhileBatchesAreIngested runs searches against a
// running server while statements are sent to it: every search answers 200
// and the totals only grow (run with -race in CI).
func TestServe_searchesAnswerWhileBatchesAreIngested(t *testing.T) {
	// One client polls as fast as it can here: lift the per-client limit.
	base := serveInBackground(t, filepath.Join(t.TempDir(), "data"), "--token", "s3cret", "--rate-limit", "1e6")
	const batches, perBatch = 10, 30
	done := make(chan error, 1)
	go func() {
		for b := range batches {
			var lines strings.Builder
			for i := range perBatch {
				fmt.Fprintf(&lines, `{"title":"Batch %d statement %d","body":"Land activists were detained in Phnom Penh.","url":"https://example.org/%d/%d"}`+"\n", b, i, b, i)
			}
			req, _ := http.NewRequest(http.MethodPost, base+"/api/documents", strings.NewReader(lines.String()))
			req.Header.Set("Authorization", "Bearer s3cret")
			req.Header.Set("Content-Type", "application/x-ndjson")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				done <- err
				return
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				done <- fmt.Errorf("ingest batch %d: %d", b, resp.StatusCode)
				return
			}
		}
		done <- nil
	}()
	last := 0
	for searching := true; searching; {
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
			searching = false
		default:
		}
		resp, err := http.Get(base + "/api/search?q=%22land+activists%22+detained&size=1")
		if err != nil {
			t.Fatal(err)
		}
		var res struct {
			Total   int
			Partial bool
		}
		json.NewDecoder(resp.Body).Decode(&res)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("a search during ingest answered %d", resp.StatusCode)
		}
		// Before the first batch no statement has every word, and the
		// answer is the partial matches: none match in full.
		matches := res.Total
		if res.Partial {
			matches = 0
		}
		if matches < last {
			t.Fatalf("matches went down from %d to %d", last, matches)
		}
		last = matches
	}
	// The last search ran after the last batch was answered.
	if last != batches*perBatch {
		t.Errorf("after ingest: %d statements found, want %d", last, batches*perBatch)
	}
}
