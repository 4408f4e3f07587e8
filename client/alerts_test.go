package client

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
)

// TestClient_alerts lists, adds and removes alerts against a stand-in for
// the server's API: 201 and 204 are successes, a 404 is an error with the
// server's message, and the token goes with every request.
func TestClient_alerts(t *testing.T) {
	var got map[string]any
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer tok" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		switch {
		case r.Method == http.MethodGet && r.URL.Path == "/api/alerts":
			w.Write([]byte(`{"alerts":[{"id":"1","name":"CCHR","q":"cchr","org":["CCHR"],"person":[],"place":[],"source":[],` +
				`"from":null,"webhook_url":"","created":"2026-12-01T10:00:00Z","match_count":12,` +
				`"matches_url":"http://s/api/alerts/1/matches","feed_url":"http://s/alerts/1/feed.atom?key=abc"}]}`))
		case r.Method == http.MethodPost && r.URL.Path == "/api/alerts":
			json.NewDecoder(r.Body).Decode(&got)
			w.WriteHeader(http.StatusCreated)
			w.Write([]byte(`{"id":"2","name":"Land","q":"land","from":"2026-01-02","feed_url":"http://s/alerts/2/feed.atom?key=def","webhook_secret":"s1"}`))
		case r.Method == http.MethodPost && r.URL.Path == "/api/alerts/2/secret":
			w.Write([]byte(`{"id":"2","name":"Land","webhook_secret":"s2"}`))
		case r.Method == http.MethodDelete && r.URL.Path == "/api/alerts/2":
			w.WriteHeader(http.StatusNoContent)
		default:
			w.WriteHeader(http.StatusNotFound)
			w.Write([]byte(`{"error":"no alert 9"}`))
		}
	}))
	defer srv.Close()
	c := New(srv.URL, "tok")
	ctx := context.Background()

	list, err := c.Alerts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].MatchCount != 12 || !slices.Equal(list[0].Org, []string{"CCHR"}) || list[0].From != "" ||
		list[0].FeedURL != "http://s/alerts/1/feed.atom?key=abc" {
		t.Errorf("alerts = %+v", list)
	}
	a, err := c.AddAlert(ctx, Alert{Name: "Land", Q: "land", Place: []string{"Phnom Penh"}, From: "2026-01-02"})
	if err != nil {
		t.Fatal(err)
	}
	if a.ID != "2" || a.From != "2026-01-02" || !strings.HasSuffix(a.FeedURL, "key=def") || a.WebhookSecret != "s1" {
		t.Errorf("added %+v", a)
	}
	if r, err := c.RotateSecret(ctx, "2"); err != nil || r.ID != "2" || r.WebhookSecret != "s2" {
		t.Errorf("rotate: got %+v, %v; want alert 2 with secret s2", r, err)
	}
	if _, err := c.RotateSecret(ctx, "9"); err == nil || !strings.Contains(err.Error(), "no alert 9") {
		t.Errorf("rotating an unknown alert: %v, want the server's 404 message", err)
	}
	if got["name"] != "Land" || got["from"] != "2026-01-02" || got["org"] != nil {
		t.Errorf("the server got %v: want name and from, no empty filters", got)
	}
	if err := c.RemoveAlert(ctx, "2"); err != nil {
		t.Errorf("remove: %v", err)
	}
	if err := c.RemoveAlert(ctx, "9"); err == nil || !strings.Contains(err.Error(), "no alert 9") {
		t.Errorf("removing an unknown alert: %v, want the server's 404 message", err)
	}
}
