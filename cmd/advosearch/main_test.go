package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
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
func serveInBackground(t *testing.T, data string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out, w := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--data", data, "--addr", "127.0.0.1:0"}, w, io.Discard)
		w.Close()
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve returned %v after shutdown", err)
		}
	})
	lines := bufio.NewScanner(out)
	for lines.Scan() {
		if _, url, ok := strings.Cut(lines.Text(), " at "); ok {
			go io.Copy(io.Discard, out)
			return strings.TrimSuffix(url, "/")
		}
	}
	t.Fatalf("serve printed no address: %v", <-done)
	return ""
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
