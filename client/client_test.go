package client

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/advosearch/advosearch/corpus"
)

func TestClient_SendFile_JSONLInPartsKeepsLineNumbers(t *testing.T) {
	type request struct {
		origin, line, ctype string
		firstLine           string
		lines               int
	}
	var requests []request
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer tok" {
			w.WriteHeader(http.StatusUnauthorized)
			json.NewEncoder(w).Encode(map[string]string{"error": "missing token"})
			return
		}
		body, _ := io.ReadAll(r.Body)
		if !strings.HasSuffix(string(body), "\n") {
			t.Errorf("a part ends inside a line: %q", string(body[max(0, len(body)-20):]))
		}
		n := strings.Count(string(body), "\n")
		requests = append(requests, request{r.URL.Query().Get("origin"), r.URL.Query().Get("line"), r.Header.Get("Content-Type"),
			strings.SplitN(string(body), "\n", 2)[0], n})
		json.NewEncoder(w).Encode(map[string]any{"ids": make([]string, n), "indexed": n})
	}))
	defer srv.Close()

	record := func(i int) string {
		return fmt.Sprintf(`{"body":"%d %s","url":"https://example.org/%d"}`, i, strings.Repeat("x", MaxRequestBytes/3), i) + "\n"
	}
	var file strings.Builder
	for i := 1; i <= 4; i++ {
		file.WriteString(record(i))
	}
	file.WriteString(strings.Repeat("y", MaxRequestBytes+1) + "\n") // line 5: too long to send
	file.WriteString(record(6))

	res, err := New(srv.URL, "tok").SendFile(context.Background(), "/data/batch.jsonl", corpus.TypeJSONL, strings.NewReader(file.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(requests) < 2 {
		t.Fatalf("%d requests, want the file in parts under the size cap", len(requests))
	}
	want := 1
	for _, r := range requests {
		if r.origin != "/data/batch.jsonl" || r.ctype != corpus.TypeJSONL {
			t.Errorf("origin %q, type %q: want the file's path and type", r.origin, r.ctype)
		}
		if got := cmp.Or(r.line, "1"); got != fmt.Sprint(want) {
			t.Errorf("a part says it starts at line %s, want %d", got, want)
		}
		if want != 5 && !strings.HasPrefix(r.firstLine, fmt.Sprintf(`{"body":"%d `, want)) {
			t.Errorf("the part said to start at line %d starts with %.20q", want, r.firstLine)
		}
		want += r.lines
	}
	if want != 7 {
		t.Errorf("parts hold %d lines, want the file's 6 (the long one blank)", want-1)
	}
	if res.Indexed != 6 || len(res.Skipped) != 1 || res.Skipped[0].Line != 5 {
		t.Errorf("indexed %d, skipped %+v: want the answers added up and line 5 skipped as too long", res.Indexed, res.Skipped)
	}
	_, err = New(srv.URL, "wrong").SendFile(context.Background(), "/data/a.txt", corpus.TypeText, strings.NewReader("Title\n\nBody"))
	var refusal *ServerError
	if !errors.As(err, &refusal) || refusal.Message != "missing token" || refusal.Refused() {
		t.Errorf("err = %v, want the server's message, not taken as a refused file", err)
	}
}
