package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/advosearch/advosearch/alerts"
)

// startServe runs "advosearch serve" until stop is called, and returns its
// base URL.
func startServe(t *testing.T, data string, flags ...string) (base string, stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out, w := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append([]string{"serve", "--data", data, "--addr", "127.0.0.1:0"}, flags...), w, io.Discard)
		w.Close()
	}()
	lines := bufio.NewScanner(out)
	for lines.Scan() {
		if _, url, ok := strings.Cut(lines.Text(), " at "); ok {
			go io.Copy(io.Discard, out)
			var once sync.Once
			return strings.TrimSuffix(url, "/"), func() {
				once.Do(func() {
					cancel()
					if err := <-done; err != nil {
						t.Errorf("serve: %v", err)
					}
				})
			}
		}
	}
	cancel()
	t.Fatalf("serve printed no address: %v", <-done)
	return "", nil
}

// receiver is a webhook endpoint that verifies signatures, answers 503
// while down, and counts accepted deliveries by ID.
type receiver struct {
	secret []byte
	mu     sync.Mutex
	down   bool
	tries  int
	got    map[string]int // delivery ID → accepted times
	bad    []error
}

func (rc *receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.tries++
	if err := alerts.Verify(rc.secret, r.Header, body, time.Now(), 5*time.Minute); err != nil {
		rc.bad = append(rc.bad, err)
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	if rc.down {
		http.Error(w, "down", http.StatusServiceUnavailable)
		return
	}
	rc.got[r.Header.Get(alerts.HeaderDelivery)]++
}

func (rc *receiver) state() (tries int, got map[string]int) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	copied := map[string]int{}
	for k, v := range rc.got {
		copied[k] = v
	}
	return rc.tries, copied
}

func waitFor(t *testing.T, what string, limit time.Duration, done func() bool) {
	t.Helper()
	for deadline := time.Now().Add(limit); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if done() {
			return
		}
	}
	t.Fatalf("waited %s for %s", limit, what)
}

// TestAlerts_endToEnd: an alert is saved, a statement indexed afterwards
// matches it, and the match is seen by polling, in the alert's Atom feed,
// and by a webhook receiver that verifies the signature — a receiver down
// for the first tries, which still gets the delivery exactly once after the
// server restarts. A watched feed then brings a second matching statement.
func TestAlerts_endToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for a webhook retry")
	}
	data := t.TempDir()
	const token, secret = "t0ken", "webhook-secret"
	rc := &receiver{secret: []byte(secret), down: true, got: map[string]int{}}
	hook := httptest.NewServer(rc)
	defer hook.Close()
	flags := []string{"--token", token, "--webhook-secret", secret, "--allow-private-network"}

	base, stop := startServe(t, data, flags...)
	defer stop()
	call := func(method, path, body string) *http.Response {
		req, _ := http.NewRequest(method, base+path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		return resp
	}
	resp := call("POST", "/api/alerts", fmt.Sprintf(`{"name":"CCHR closure","q":"\"Hun Sen CCHR\"~10","webhook_url":%q}`, hook.URL))
	var alert struct {
		ID            string `json:"id"`
		FeedURL       string `json:"feed_url"`
		WebhookSecret string `json:"webhook_secret"`
	}
	json.NewDecoder(resp.Body).Decode(&alert)
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated || alert.ID == "" || alert.WebhookSecret == "" {
		t.Fatalf("create alert: %d %+v", resp.StatusCode, alert)
	}
	// The receiver verifies with its alert's own secret, shown once in the
	// creation answer, not the server-wide --webhook-secret.
	rc.mu.Lock()
	rc.secret = []byte(alert.WebhookSecret)
	rc.mu.Unlock()

	resp = call("POST", "/api/documents", `{"title":"PM orders NGO closed","body":"Prime Minister Hun Sen ordered the closure of the CCHR on Sunday.","url":"https://example.org/statements/1","source":"LICADHO"}`)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("ingest: %d", resp.StatusCode)
	}

	var polled struct {
		Matches []struct {
			Title string `json:"title"`
		} `json:"matches"`
		Next uint64 `json:"next"`
	}
	resp = call("GET", "/api/alerts/"+alert.ID+"/matches?after=0", "")
	json.NewDecoder(resp.Body).Decode(&polled)
	resp.Body.Close()
	if len(polled.Matches) != 1 || polled.Matches[0].Title != "PM orders NGO closed" {
		t.Fatalf("polled %+v", polled)
	}

	feed, err := gofeed.NewParser().ParseURL(alert.FeedURL)
	if err != nil {
		t.Fatal(err)
	}
	if len(feed.Items) != 1 || feed.Items[0].Title != "PM orders NGO closed" {
		t.Errorf("alert feed items: %+v", feed.Items)
	}

	waitFor(t, "the first webhook try", 15*time.Second, func() bool { tries, _ := rc.state(); return tries > 0 })
	stop()
	rc.mu.Lock()
	rc.down = false
	rc.mu.Unlock()

	// A watched feed on a local server, with a new item matching the alert.
	site := http.NewServeMux()
	var siteURL string
	site.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>NGO</title><link>%[1]s/</link>
<item><title>CCHR under threat</title><link>%[1]s/s/2</link><guid>%[1]s/s/2</guid></item></channel></rss>`, siteURL)
	})
	site.HandleFunc("/s/2", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<html><head><title>CCHR under threat</title></head><body><article><p>Hun Sen again threatened the CCHR with closure.</p></article></body></html>`)
	})
	siteServer := httptest.NewServer(site)
	defer siteServer.Close()
	siteURL = siteServer.URL
	feedsFile := filepath.Join(t.TempDir(), "feeds.txt")
	if err := os.WriteFile(feedsFile, []byte(siteURL+"/feed.xml\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	base, stop = startServe(t, data, append(flags, "--watch", feedsFile, "--watch-every", "1h")...)
	defer stop()
	waitFor(t, "the webhook after the restart", 30*time.Second, func() bool { _, got := rc.state(); return len(got) > 0 })
	waitFor(t, "the watched feed's statement", 30*time.Second, func() bool {
		resp := call("GET", "/api/alerts/"+alert.ID+fmt.Sprintf("/matches?after=%d", polled.Next), "")
		defer resp.Body.Close()
		var more struct{ Matches []struct{ Title string } }
		json.NewDecoder(resp.Body).Decode(&more)
		return len(more.Matches) == 1 && more.Matches[0].Title == "CCHR under threat"
	})
	time.Sleep(500 * time.Millisecond) // room for a duplicate to arrive, were there one
	_, got := rc.state()
	for id, n := range got {
		if n != 1 {
			t.Errorf("delivery %s accepted %d times, want once", id, n)
		}
	}
	if len(rc.bad) > 0 {
		t.Errorf("receiver rejected signatures: %v", rc.bad)
	}
}
