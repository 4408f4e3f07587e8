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

// A statement's page offers the file it was read from: the copy the server
// kept of a file sent to it, or the file on disk it was indexed from while
// that still holds what was indexed. A taken-down statement's file goes too.
func TestServe_servesTheOriginalFile(t *testing.T) {
	docs := copyDir(t, "testdata/bothways")
	data := filepath.Join(t.TempDir(), "data")
	if err := run(context.Background(), []string{"index", "--data", data, filepath.Join(docs, "hrw-dateline.txt")}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	base := serveInBackground(t, data, "--token", "s3cret")
	pdf, err := os.ReadFile(filepath.Join(docs, "licadho-detention.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest(http.MethodPost, base+"/api/documents?origin="+url.QueryEscape("/srv/inbox/licadho-detention.pdf"), bytes.NewReader(pdf))
	req.Header.Set("Authorization", "Bearer s3cret")
	req.Header.Set("Content-Type", "application/pdf")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()

	get := func(path string) (*http.Response, string) {
		t.Helper()
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, string(b)
	}
	sent := corpus.ID("/srv/inbox/licadho-detention.pdf")
	if _, page := get("/statements/" + sent); !strings.Contains(page, `href="/statements/`+sent+`/original"`) || !strings.Contains(page, "licadho-detention.pdf") {
		t.Errorf("the statement page has no link to its original file")
	}
	resp, body := get("/statements/" + sent + "/original")
	if resp.StatusCode != http.StatusOK || body != string(pdf) || resp.Header.Get("Content-Type") != "application/pdf" ||
		!strings.HasPrefix(resp.Header.Get("Content-Disposition"), "inline") || !strings.Contains(resp.Header.Get("Content-Security-Policy"), "sandbox") {
		t.Errorf("the PDF sent: %d %q %q %q, want the same bytes, shown inline in a sandbox", resp.StatusCode,
			resp.Header.Get("Content-Type"), resp.Header.Get("Content-Disposition"), resp.Header.Get("Content-Security-Policy"))
	}

	local := filepath.Join(docs, "hrw-dateline.txt")
	// Where the files lie on this machine is nobody's business: no answer
	// that a reader, a program or a feed reader gets names the folder.
	for _, path := range []string{
		"/api/documents/" + corpus.ID(local),
		"/api/documents/" + sent,
		"/api/search?q=lese+majeste&format=csv",
		"/api/search?q=lese+majeste&format=jsonl",
		"/api/search?q=lese+majeste",
		"/api/quotes?q=hallmark+of+repression",
		"/feed.atom?q=lese+majeste",
		"/statements/" + corpus.ID(local),
		"/?q=lese+majeste",
	} {
		resp, body := get(path)
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, "ajest") && !strings.Contains(body, "hallmark") && !strings.Contains(body, "LICADHO") {
			t.Errorf("%s: %d, want an answer that holds the statement", path, resp.StatusCode)
		}
		for _, leak := range []string{docs, "/srv/inbox", "file:"} {
			if strings.Contains(body, leak) {
				t.Errorf("%s names %q", path, leak)
			}
		}
	}
	text, _ := os.ReadFile(local)
	resp, body = get("/statements/" + corpus.ID(local) + "/original")
	if resp.StatusCode != http.StatusOK || body != string(text) || !strings.HasPrefix(resp.Header.Get("Content-Disposition"), `attachment; filename=hrw-dateline.txt`) {
		t.Errorf("the file indexed from disk: %d %q, want it as a download", resp.StatusCode, resp.Header.Get("Content-Disposition"))
	}
	if err := os.WriteFile(local, append(text, "Edited after indexing.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if resp, body = get("/statements/" + corpus.ID(local) + "/original"); resp.StatusCode != http.StatusNotFound || !strings.Contains(body, "changed") {
		t.Errorf("a file changed since it was indexed: %d %s, want 404 saying so", resp.StatusCode, body)
	}

	req, _ = http.NewRequest(http.MethodDelete, base+"/api/documents/"+sent, nil)
	req.Header.Set("Authorization", "Bearer s3cret")
	if resp, err = http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusNoContent {
		t.Fatalf("delete: %v %v", resp, err)
	}
	if resp, _ = get("/statements/" + sent + "/original"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("the original of a deleted statement: %d, want 404", resp.StatusCode)
	}
	if kept, _ := filepath.Glob(filepath.Join(data, "originals", "*.pdf")); len(kept) != 0 {
		t.Errorf("the deleted statement's file is still kept: %v", kept)
	}
}
