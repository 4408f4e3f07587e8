package web

import (
	"encoding/json"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// documented tells whether a route belongs to the API the OpenAPI document
// describes. Under /alerts only the feeds are API; the rest are the alerts
// pages (alertspage.go).
func documented(path string) bool {
	return strings.HasPrefix(path, "/api/") || (strings.HasPrefix(path, "/alerts/") && strings.HasSuffix(path, "/feed.atom")) ||
		path == pathFeed || path == "/healthz"
}

var echoParam = regexp.MustCompile(`:([A-Za-z_][A-Za-z0-9_]*)`)

type openAPIOperation struct {
	Responses map[string]json.RawMessage `json:"responses"`
}

// TestOpenAPI_matchesRoutes keeps openapi.json and routes.go in step: every
// API route is documented with its method, every documented operation is a
// route, and the document is OpenAPI 3.x with a response per operation.
func TestOpenAPI_matchesRoutes(t *testing.T) {
	srv, _ := newStubServer(t, stub{}, Options{})
	var doc struct {
		OpenAPI string                                 `json:"openapi"`
		Paths   map[string]map[string]openAPIOperation `json:"paths"`
	}
	if err := json.Unmarshal(openAPIDoc, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi %q, want 3.x", doc.OpenAPI)
	}

	routes := map[string]bool{}
	for _, r := range srv.echo.Routes() {
		if !documented(r.Path) {
			continue
		}
		key := strings.ToLower(r.Method) + " " + echoParam.ReplaceAllString(r.Path, "{$1}")
		routes[key] = true
	}
	if len(routes) < 10 {
		t.Fatalf("only %d API routes found: %v", len(routes), routes)
	}
	ops := map[string]bool{}
	methods := []string{"get", "put", "post", "delete", "options", "head", "patch", "trace"}
	for path, item := range doc.Paths {
		for method, op := range item {
			if !slices.Contains(methods, method) {
				continue // parameters, summary, …
			}
			key := method + " " + path
			ops[key] = true
			if len(op.Responses) == 0 {
				t.Errorf("%s has no responses", key)
			}
			if !routes[key] {
				t.Errorf("openapi.json documents %s, which is no route", key)
			}
		}
	}
	for key := range routes {
		if !ops[key] {
			t.Errorf("route %s is missing from openapi.json", key)
		}
	}
}

func TestOpenAPI_served(t *testing.T) {
	srv, _ := newStubServer(t, stub{}, Options{})
	rec := serve(srv, http.MethodGet, pathOpenAPI)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type %q", ct)
	}
	if rec.Body.String() != string(openAPIDoc) {
		t.Error("served document differs from openapi.json")
	}
}
