package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestIndex_officeFiles: a reporter's folder of Word and OpenDocument
// statements is indexed, not ignored, and the one file that cannot be read
// is named in the summary with a reason. A second run finds them unchanged.
func TestIndex_officeFiles(t *testing.T) {
	data, docs := t.TempDir(), t.TempDir()
	files := map[string]string{}
	for _, name := range []string{"statement.docx", "statement.odt", "truncated.docx"} {
		body, err := os.ReadFile(filepath.Join("..", "..", "indexer", "testdata", "office", name))
		if err != nil {
			t.Fatal(err)
		}
		files[filepath.Join("letters", name)] = string(body)
	}
	files["notes.txt"] = "Koh Kong land dispute\n\nNotes on the families of Koh Kong and the sugar concession.\n"
	writeFiles(t, docs, files)

	var out strings.Builder
	if err := run(context.Background(), []string{"index", "--data", data, docs}, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	if !strings.HasPrefix(got, "indexed 3, unchanged 0, skipped 1") {
		t.Errorf("summary does not start with 3 indexed and 1 skipped:\n%s", got)
	}
	if strings.Contains(got, "ignored") {
		t.Errorf("the Word files were ignored:\n%s", got)
	}
	var skipLine string
	for _, l := range strings.Split(got, "\n") {
		if strings.HasPrefix(l, "  skipped ") {
			skipLine = l
		}
	}
	if !strings.Contains(skipLine, filepath.Join(docs, "letters", "truncated.docx")) || !strings.Contains(skipLine, "not a readable Word document") {
		t.Errorf("the skip line does not name truncated.docx as not a readable Word document: %q\n%s", skipLine, got)
	}

	out.Reset()
	if err := run(context.Background(), []string{"index", "--data", data, docs}, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); !strings.HasPrefix(got, "indexed 0, unchanged 3, skipped 1") {
		t.Errorf("a second run:\n%s\nwant the three statements unchanged", got)
	}
}
