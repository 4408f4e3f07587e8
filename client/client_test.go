package client

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/advosearch/advosearch/corpus"
)

func TestRecord(t *testing.T) {
	tests := []struct {
		name string
		doc  corpus.Document
		want corpus.Record
		err  error
	}{
		{"text keeps its body, path as URL",
			corpus.Document{Name: "/data/a.txt", ContentType: corpus.TypeText, Body: []byte("Title\n\nBody")},
			corpus.Record{Body: "Title\n\nBody", URL: "file:///data/a.txt"}, nil},
		{"html goes as html",
			corpus.Document{Name: "/data/b.html", ContentType: corpus.TypeHTML, Body: []byte("<p>x</p>")},
			corpus.Record{HTML: "<p>x</p>", URL: "file:///data/b.html"}, nil},
		{"a JSONL record keeps its URL",
			corpus.Document{Name: "/data/c.jsonl:3", ContentType: corpus.TypeJSONL, Body: []byte(`{"title":"T","body":"B","url":"https://example.org/t"}`)},
			corpus.Record{Title: "T", Body: "B", URL: "https://example.org/t"}, nil},
		{"a JSONL record without one gets the line's",
			corpus.Document{Name: "/data/c.jsonl:4", ContentType: corpus.TypeJSONL, Body: []byte(`{"body":"B"}`)},
			corpus.Record{Body: "B", URL: "file:///data/c.jsonl:4"}, nil},
		{"a PDF cannot be sent",
			corpus.Document{Name: "/data/d.pdf", ContentType: corpus.TypePDF, Body: []byte("%PDF")},
			corpus.Record{}, ErrUnsupported},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Record(tt.doc)
			if !errors.Is(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			if err != nil {
				return
			}
			var got corpus.Record
			if err := json.Unmarshal(b, &got); err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("record %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestClient_Ingest_splitsRequestsAndAddsUp(t *testing.T) {
	var requests int
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests++
		if r.Header.Get("Authorization") != "Bearer tok" {
			w.WriteHeader(http.StatusUnauthorized)
			json.NewEncoder(w).Encode(map[string]string{"error": "missing token"})
			return
		}
		body, _ := io.ReadAll(r.Body)
		lines := strings.Count(string(body), "\n")
		json.NewEncoder(w).Encode(map[string]any{"ids": make([]string, lines), "indexed": lines})
	}))
	defer srv.Close()
	big := `{"body":"` + strings.Repeat("x", MaxRequestBytes/3) + `","url":"https://example.org/x"}`
	res, err := New(srv.URL, "tok").Ingest(context.Background(), [][]byte{[]byte(big), []byte(big), []byte(big), []byte(big)})
	if err != nil {
		t.Fatal(err)
	}
	if requests != 2 || res.Indexed != 4 || len(res.IDs) != 4 {
		t.Errorf("%d requests, indexed %d: want 4 records over 2 requests under the size cap", requests, res.Indexed)
	}
	if _, err := New(srv.URL, "wrong").Ingest(context.Background(), [][]byte{[]byte(big)}); err == nil || !strings.Contains(err.Error(), "missing token") {
		t.Errorf("err = %v, want the server's message", err)
	}
}
