package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/advosearch/advosearch/corpus"
	"github.com/advosearch/advosearch/indexer"
)

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestIndex_summarySaysWhyInWords indexes a folder as a reporter might have
// it: statements, a broken JSONL line, binary junk, old Word (.doc) files
// and images.
// The summary counts the skips by reason, names the ignored file types, and
// words each skip for people; the Go error chain only comes with --verbose.
func TestIndex_summarySaysWhyInWords(t *testing.T) {
	data, docs := t.TempDir(), t.TempDir()
	writeFiles(t, docs, map[string]string{
		"a.txt": "Activists detained\n\nSeven land activists were detained in Phnom Penh on Monday.\n",
		"batch.jsonl": strings.Join([]string{
			`{"title":"One","body":"The first statement of the batch.","url":"https://example.org/1"}`,
			`{"title":"Two","body":"The second statement of the batch.","url":"https://example.org/2"}`,
			`{"title":"Three","body":"The third statement of the batch.","url":"https://example.org/3"}`,
			`{"title":"Four","body":"The fourth statement of the batch.","url":"https://example.org/4"}`,
			`{"title":"Five","body":"cut off`,
		}, "\n") + "\n",
		"bin.txt":           "\x00\x00\x01binary\x00",
		"letters/a.doc":     "\xd0\xcf\x11\xe0",
		"letters/b.doc":     "\xd0\xcf\x11\xe0",
		"letters/c.DOC":     "\xd0\xcf\x11\xe0",
		"photos/one.png":    "\x89PNG",
		"photos/two.png":    "\x89PNG",
		"photos/.DS_Store":  "x",
		"photos/thumbs/raw": "x",
	})
	var out strings.Builder
	if err := run(context.Background(), []string{"index", "--data", data, docs}, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{
		"indexed 5, unchanged 0, skipped 2 (1 malformed JSON, 1 binary data) in ",
		"\nignored 3 .doc, 2 .png, 1 without an extension: not a type advosearch reads (it reads ",
		"  skipped " + filepath.Join(docs, "batch.jsonl") + ":5: malformed JSON: unexpected end of JSON input\n",
		"  skipped " + filepath.Join(docs, "bin.txt") + ": binary data, not text\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("summary lacks %q:\n%s", want, got)
		}
	}
	if !strings.HasPrefix(got, "indexed 5, unchanged 0, skipped 2") {
		t.Errorf("the summary does not start with the counts:\n%s", got)
	}
	if strings.Contains(got, "indexer:") || strings.Contains(got, "corpus:") {
		t.Errorf("the summary holds Go error chains:\n%s", got)
	}

	out.Reset()
	if err := run(context.Background(), []string{"index", "--verbose", "--data", data, docs}, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	if want := "(indexer: extract "; !strings.Contains(out.String(), want) ||
		!strings.Contains(out.String(), "indexer: malformed record: unexpected end of JSON input)") {
		t.Errorf("--verbose does not give the error chain:\n%s", out.String())
	}
}

// TestIndex_missingPathSaysSoAndCreatesNothing: a typo in the path gives
// one clear line, no summary of nothing done, and no data folder.
func TestIndex_missingPathSaysSoAndCreatesNothing(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	docs := filepath.Join(dir, "docs")
	writeFiles(t, docs, map[string]string{"a.txt": "Title\n\nSome statement text.\n"})
	missing := filepath.Join(dir, "nonexistent")
	for _, args := range [][]string{
		{"index", "--data", data, missing},
		{"index", "--data", data, docs, missing},
		{"index", "--data", data, "--rebuild", missing},
		{"index", "--server", "http://127.0.0.1:1", "--token", "t", missing},
	} {
		var out strings.Builder
		err := run(context.Background(), args, &out, io.Discard)
		if want := "index: " + missing + ": no such file or folder"; err == nil || err.Error() != want {
			t.Errorf("%v: err = %v, want %q", args, err, want)
		}
		if out.Len() > 0 {
			t.Errorf("%v printed %q, want nothing before the error", args, out.String())
		}
		if _, err := os.Stat(data); !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("%v created the data folder (%v)", args, err)
		}
	}
}

// TestIndex_rateIsOfNewWorkOnly: progress on a run that finds everything
// unchanged gives no statements/s, and says how many were unchanged.
func TestIndex_rateIsOfNewWorkOnly(t *testing.T) {
	data, docs := t.TempDir(), t.TempDir()
	for i := range 3 {
		writeFiles(t, docs, map[string]string{
			fmt.Sprintf("%d.txt", i): fmt.Sprintf("Statement %d\n\nHuman rights defenders were detained, statement %d.\n", i, i),
		})
	}
	var progress strings.Builder
	args := []string{"index", "--data", data, "--progress", "1ns", docs}
	if err := run(context.Background(), args, io.Discard, &progress); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(progress.String(), " statements/s ") {
		t.Errorf("the first run gives no rate:\n%s", progress.String())
	}
	progress.Reset()
	var out strings.Builder
	if err := run(context.Background(), args, &out, &progress); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), "indexed 0, unchanged 3, skipped 0") {
		t.Errorf("second summary = %q", out.String())
	}
	if strings.Contains(progress.String(), "statements/s") || !strings.Contains(progress.String(), "  unchanged 3  ") {
		t.Errorf("a run that indexes nothing reports a rate, or not what it found unchanged:\n%s", progress.String())
	}
}

// TestSkipReason words each typed skip reason, from errors made the way the
// indexer and corpus make them.
func TestSkipReason(t *testing.T) {
	ex, err := indexer.NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	extract := func(ctype, body string) error {
		_, _, err := ex.Extract(corpus.Document{ID: "14218d6dd61324c7", Name: "x", ContentType: ctype, Body: []byte(body)})
		if err == nil {
			t.Fatalf("%s %q extracted without error", ctype, body)
		}
		return err
	}
	deep := strings.Repeat("<div>", 600) + "text"
	for _, tt := range []struct {
		err       error
		kind, why string
	}{
		{extract(corpus.TypeJSONL, `{"title":`), "malformed JSON", "malformed JSON: unexpected end of JSON input"},
		{extract(corpus.TypeJSONL, `{"title":["a"]}`), "malformed JSON", `malformed JSON: "title" is a JSON array, not a string`},
		{extract(corpus.TypeJSONL, `{"title":"T","body":"Text.","published":"soon"}`), "bad record", `bad record: published "soon" is not a date`},
		{extract(corpus.TypeText, "\x00\x01"), "binary data", "binary data, not text"},
		{extract(corpus.TypeHTML, "<html><body><nav>Home</nav></body></html>"), "no text", "no text left once markup and page furniture are removed"},
		{extract(corpus.TypeHTML, deep), "HTML the parser refuses", "HTML the parser refuses: html: open stack of elements exceeds 512 nodes"},
		{extract(corpus.TypePDF, "not a pdf"), "PDF the reader refuses", "PDF the reader refuses (damaged, encrypted or not a PDF): not a PDF file: invalid header"},
		{extract(corpus.TypeDOCX, "PK\x03\x04 cut short"), "unreadable Word document", "not a readable Word document: "},
		{extract(corpus.TypeODT, "not a zip"), "unreadable OpenDocument", "not a readable OpenDocument text: "},
		{extract("application/msword", "x"), "unknown type", `unknown content type: "application/msword"`},
		{fmt.Errorf("indexer: extract x: %w", indexer.ErrNoText), "PDF without text", "PDF without text, perhaps a scan: advosearch does not read text in images"},
		{fmt.Errorf("%w: %s", corpus.ErrUnsupported, "/a/b.doc"), "unsupported type", "not a type advosearch reads (it reads "},
		{fmt.Errorf("%w: %d bytes, the limit is %d", corpus.ErrTooLarge, 300, 200), "too large", "too large: 300 bytes, the limit is 200"},
		{&os.PathError{Op: "open", Path: "/a/b.txt", Err: os.ErrPermission}, "unreadable", "cannot be read: permission denied"},
	} {
		kind, why := skipReason(tt.err)
		if kind != tt.kind || !strings.HasPrefix(why, tt.why) {
			t.Errorf("skipReason(%v) = %q, %q; want %q, %q", tt.err, kind, why, tt.kind, tt.why)
		}
	}
}
