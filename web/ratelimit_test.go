package web_test

import (
	"encoding/json"
	"net/http"
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
