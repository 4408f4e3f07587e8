package web_test

import (
	"bufio"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/advosearch/advosearch/web"
)

// TestAPI_oneDateFormat reads the publication date of one statement from
// every answer of the API that carries it, and wants the same YYYY-MM-DD
// everywhere: the search, the quote search, the document, both exports,
// and the alert matches (which webhook bodies share).
func TestAPI_oneDateFormat(t *testing.T) {
	const want = "2017-08-23" // hun-sen's
	ts, st := newAlertServer(t, web.Options{Token: testToken})
	a := createAlert(t, ts, `{"name":"Hun Sen","q":"Hun Sen"}`)
	percolate(t, st, statements)

	// published finds the "published" of the object with the ID field id
	// at path in a JSON value: path names nested arrays of objects.
	published := func(body, idField string, path ...string) string {
		t.Helper()
		var v any
		if err := json.Unmarshal([]byte(body), &v); err != nil {
			t.Fatalf("not JSON: %v: %.200s", err, body)
		}
		objs := []any{v}
		for _, p := range path {
			list, _ := objs[0].(map[string]any)[p].([]any)
			objs = list
		}
		for _, o := range objs {
			if m, _ := o.(map[string]any); m[idField] == "hun-sen" {
				s, _ := m["published"].(string)
				return s
			}
		}
		t.Fatalf("no object with %s hun-sen in %.300s", idField, body)
		return ""
	}
	firstLine := func(body string) string {
		for sc := bufio.NewScanner(strings.NewReader(body)); sc.Scan(); {
			if strings.Contains(sc.Text(), `"hun-sen"`) {
				return sc.Text()
			}
		}
		return "{}"
	}
	for _, tc := range []struct {
		name, path string
		read       func(body string) string
	}{
		{"search", "/api/search?q=hun+sen", func(b string) string { return published(b, "id", "hits") }},
		{"quotes", "/api/quotes?q=created+by+foreigners", func(b string) string { return published(b, "statement_id", "hits") }},
		{"document", "/api/documents/hun-sen", func(b string) string { return published(b, "id") }},
		{"search export", "/api/search?q=hun+sen&format=jsonl", func(b string) string { return published(firstLine(b), "id") }},
		{"quote export", "/api/quotes?q=created+by+foreigners&format=jsonl", func(b string) string { return published(firstLine(b), "statement_id") }},
		{"alert matches", "/api/alerts/" + a.ID + "/matches", func(b string) string { return published(b, "statement_id", "matches") }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := doAuth(t, ts, http.MethodGet, tc.path, "", testToken)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d: %s", resp.StatusCode, body)
			}
			if got := tc.read(body); got != want {
				t.Errorf("published %q, want %q", got, want)
			}
		})
	}
}
