package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"github.com/advosearch/advosearch/corpus"
	"github.com/advosearch/advosearch/index"
)

// The same folder indexed where it lies and sent to a server with
// "index --server" must give the same statements, field for field, under
// the same IDs: a journalist who moves from one to the other must not find
// every statement twice.
func TestIndex_folderLocallyAndThroughServerGivesTheSameStatements(t *testing.T) {
	docs := copyDir(t, "testdata/bothways")
	local := filepath.Join(t.TempDir(), "local")
	if err := run(context.Background(), []string{"index", "--data", local, docs}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	remote := filepath.Join(t.TempDir(), "remote")
	base, stop := startServe(t, remote, "--token", "s3cret")
	var out strings.Builder
	if err := run(context.Background(), []string{"index", "--server", base, "--token", "s3cret", docs}, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	// Eight statements: five files (a PDF, Markdown and Word among them)
	// and three good lines of batch.jsonl, whose fifth line is no JSON and
	// is reported by its line.
	if !strings.HasPrefix(out.String(), "sent 6 files, indexed 8, unchanged 0, skipped 1") ||
		!strings.Contains(out.String(), "batch.jsonl line 5") {
		t.Errorf("summary:\n%s\nwant 6 files sent, 8 indexed, batch.jsonl line 5 skipped", out.String())
	}
	out.Reset()
	if err := run(context.Background(), []string{"index", "--server", base, "--token", "s3cret", docs}, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), "sent 6 files, indexed 0, unchanged 8") {
		t.Errorf("sending again:\n%s\nwant every statement unchanged", out.String())
	}
	stop()

	want, got := statementsIn(t, local), statementsIn(t, remote)
	if len(want) != 8 {
		t.Fatalf("indexed locally: %d statements, want 8", len(want))
	}
	for id, w := range want {
		g, ok := got[id]
		if !ok {
			t.Errorf("%s (%s): not on the server under the same ID", id, w.Origin)
			continue
		}
		if !reflect.DeepEqual(w, g) {
			t.Errorf("%s (%s) differs:\n local  %+v\n server %+v", id, w.Origin, w, g)
		}
	}
	for id, g := range got {
		if _, ok := want[id]; !ok && !strings.HasPrefix(g.Origin, corpus.SamplePrefix) {
			t.Errorf("the server has %s (%s) that the local index has not: a duplicate", id, g.Origin)
		}
	}
	for _, st := range want {
		if st.URL != "" && corpus.PublicURL(st.URL) == "" {
			t.Errorf("%s: url %q is not a web address", st.Origin, st.URL)
		}
	}
	if u := want[corpus.ID("https://example.org/union")].URL; u != "https://example.org/union" {
		t.Errorf("the record's own URL: %q", u)
	}
	if st, ok := want[corpus.ID("/srv/statements/sugar.txt")]; !ok || st.URL != "" {
		t.Errorf("a record with a file: URL: %+v, want the ID of its path and no public URL", st)
	}
}

// statementsIn reads every statement of the index in a data folder.
func statementsIn(t *testing.T, data string) map[string]index.Statement {
	t.Helper()
	ix, err := index.Open(indexPath(data), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	req := bleve.NewSearchRequestOptions(index.KindQuery(index.KindStatement), 1000, 0, false)
	req.Fields = []string{"*"}
	res, err := ix.Search(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	out := make(map[string]index.Statement, len(res.Hits))
	for _, h := range res.Hits {
		out[h.ID] = index.FromFields(h.ID, h.Fields)
	}
	return out
}

// copyDir copies a folder of test files into a temporary folder, whose
// absolute path the statements' IDs are then derived from.
func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// Files sent to the API by any program, not only "index --server": raw
// with their Content-Type, or as a multipart upload, as a browser form
// sends them. The same bytes sent again are the same statement.
func TestServe_takesFilesAsTheyAre(t *testing.T) {
	base := serveInBackground(t, filepath.Join(t.TempDir(), "data"), "--token", "s3cret")
	pdf, err := os.ReadFile("testdata/bothways/licadho-detention.pdf")
	if err != nil {
		t.Fatal(err)
	}
	md, err := os.ReadFile("testdata/bothways/forum-asia-bulletin.md")
	if err != nil {
		t.Fatal(err)
	}
	post := func(query, ctype string, body []byte) (int, map[string]any) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodPost, base+"/api/documents"+query, bytes.NewReader(body))
		req.Header.Set("Authorization", "Bearer s3cret")
		req.Header.Set("Content-Type", ctype)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var answer map[string]any
		json.NewDecoder(resp.Body).Decode(&answer)
		return resp.StatusCode, answer
	}

	code, answer := post("", "application/pdf", pdf)
	if code != http.StatusOK || answer["indexed"] != 1.0 {
		t.Fatalf("a raw PDF: %d %v, want it indexed", code, answer)
	}
	first := answer["ids"]
	if code, answer = post("", "application/pdf", pdf); answer["unchanged"] != 1.0 {
		t.Errorf("the same PDF again: %d %v, want it unchanged, not a second statement", code, answer)
	}
	code, answer = post("?origin=/srv/inbox/copy.pdf", "application/pdf", pdf)
	if answer["duplicates"] != 1.0 || answer["indexed"] != 0.0 || !reflect.DeepEqual(answer["ids"], first) {
		t.Errorf("the same PDF from another origin: %d %v, want a duplicate of %v", code, answer, first)
	}

	var form bytes.Buffer
	mw := multipart.NewWriter(&form)
	for name, body := range map[string][]byte{"bulletin.md": md, "notes.txt": []byte("Vigil for detained monks\n\nMonks held a vigil in Phnom Penh.")} {
		w, _ := mw.CreateFormFile("file", name)
		w.Write(body)
	}
	mw.Close()
	if code, answer = post("", mw.FormDataContentType(), form.Bytes()); code != http.StatusOK || answer["indexed"] != 2.0 {
		t.Fatalf("a multipart upload of two files: %d %v, want both indexed", code, answer)
	}
	resp, err := http.Get(base + "/api/search?q=" + url.QueryEscape(`"environmental defender"`))
	if err != nil {
		t.Fatal(err)
	}
	var found struct {
		Hits []struct{ Title, URL string }
	}
	json.NewDecoder(resp.Body).Decode(&found)
	resp.Body.Close()
	if len(found.Hits) != 1 || found.Hits[0].Title != "Viet Nam: End the crackdown on environmental defenders" || found.Hits[0].URL != "" {
		t.Errorf("the uploaded Markdown: %+v, want its heading as the title, without the #, and no URL", found.Hits)
	}

	for _, tt := range []struct {
		name, query, ctype string
		body               []byte
		status             int
		says               string
	}{
		{"an image", "", "image/png", []byte("\x89PNG\r\n"), http.StatusUnsupportedMediaType, "application/pdf"},
		{"a relative origin", "?origin=notes/a.txt", "text/plain", []byte("x"), http.StatusBadRequest, "absolute path"},
		{"an empty file", "?origin=/srv/a.txt", "text/plain", nil, http.StatusBadRequest, "empty"},
		{"a line number on a PDF", "?origin=/srv/a.pdf&line=3", "application/pdf", pdf, http.StatusBadRequest, "line"},
	} {
		code, answer := post(tt.query, tt.ctype, tt.body)
		if msg, _ := answer["error"].(string); code != tt.status || !strings.Contains(msg, tt.says) {
			t.Errorf("%s: %d %q, want %d saying %q", tt.name, code, msg, tt.status, tt.says)
		}
	}
}
