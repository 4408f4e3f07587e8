package corpus

import (
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func write(t *testing.T, path, body string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestScan_findsSupportedFilesRecursively(t *testing.T) {
	dir := t.TempDir()
	want := []string{
		write(t, filepath.Join(dir, "a.txt"), "a"),
		write(t, filepath.Join(dir, "sub", "b.HTML"), "<p>b"),
		write(t, filepath.Join(dir, "sub", "deeper", "c.jsonl"), "{}"),
		write(t, filepath.Join(dir, "sub", "d.md"), "# d"),
	}
	write(t, filepath.Join(dir, "photo.jpg"), "\xff\xd8")
	// A link back to the top must not trap the walk.
	if err := os.Symlink(dir, filepath.Join(dir, "sub", "loop")); err != nil {
		t.Fatal(err)
	}
	odd := write(t, filepath.Join(t.TempDir(), "named.pages"), "PK")

	files, skipped, err := Scan([]string{dir, filepath.Join(dir, "a.txt"), odd})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(want)
	if !slices.Equal(files, want) {
		t.Errorf("files = %v\nwant %v", files, want)
	}
	if len(skipped) != 1 || skipped[0].Name != odd || !errors.Is(skipped[0].Err, ErrUnsupported) {
		t.Errorf("skipped = %v, want the named .pages as unsupported", skipped)
	}
	if _, _, err := Scan([]string{filepath.Join(dir, "missing")}); err == nil {
		t.Error("a missing path must be an error")
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	jsonl := write(t, filepath.Join(dir, "s.jsonl"), strings.Join([]string{
		`{"title":"One","body":"first","url":"https://example.org/1"}`,
		``,
		`{"title":"Two","body":"` + strings.Repeat("x", 200) + `"}`,
		`not json`,
		`{"title":"Three","body":"third"}`,
	}, "\n"))
	var docs []Document
	var skipped []Skipped
	err := ReadFile(jsonl, 100, func(d Document) error { docs = append(docs, d); return nil },
		func(s Skipped) { skipped = append(skipped, s) })
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 3 {
		t.Fatalf("got %d documents, want 3 (blank line dropped, long line skipped)", len(docs))
	}
	if docs[0].ID != ID("https://example.org/1") {
		t.Error("a record with a URL must take its ID from the URL")
	}
	if docs[1].Name != jsonl+":4" || docs[1].ID != ID(jsonl+":4") || string(docs[1].Body) != "not json" {
		t.Errorf("malformed line must still be handed on with its line number: %+v", docs[1])
	}
	if docs[2].Name != jsonl+":5" {
		t.Errorf("third document name = %s", docs[2].Name)
	}
	if len(skipped) != 1 || skipped[0].Name != jsonl+":3" || !errors.Is(skipped[0].Err, ErrTooLarge) {
		t.Errorf("skipped = %v, want line 3 too large", skipped)
	}

	big := write(t, filepath.Join(dir, "big.txt"), strings.Repeat("y", 101))
	docs, skipped = nil, nil
	if err := ReadFile(big, 100, func(d Document) error { docs = append(docs, d); return nil },
		func(s Skipped) { skipped = append(skipped, s) }); err != nil {
		t.Fatal(err)
	}
	if len(docs) != 0 || len(skipped) != 1 || !errors.Is(skipped[0].Err, ErrTooLarge) {
		t.Errorf("oversized file: docs %d, skipped %v", len(docs), skipped)
	}

	small := write(t, filepath.Join(dir, "page.htm"), "<p>hi</p>")
	if err := ReadFile(small, 100, func(d Document) error { docs = append(docs, d); return nil }, nil); err != nil {
		t.Fatal(err)
	}
	if got := docs[len(docs)-1]; got.ContentType != TypeHTML || got.ID != ID(small) {
		t.Errorf("html document = %+v", got)
	}
}

func TestSeeds_areStableAndComplete(t *testing.T) {
	docs, err := Seeds()
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 5 {
		t.Fatalf("got %d seeds, want 5", len(docs))
	}
	if docs[0].ID != "000_28c417440d40714a" || docs[0].ContentType != TypeText || len(docs[0].Body) < 1000 {
		t.Errorf("first seed = %s %s %d bytes", docs[0].ID, docs[0].ContentType, len(docs[0].Body))
	}
}

func TestScanAndReadFile_pdf(t *testing.T) {
	dir := t.TempDir()
	pdf := write(t, filepath.Join(dir, "reports", "Briefing.PDF"), "%PDF-1.4\n")
	files, skipped, err := Scan([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(files, []string{pdf}) || len(skipped) != 0 {
		t.Fatalf("Scan: files %v, skipped %v, want the .PDF found", files, skipped)
	}
	var got Document
	if err := ReadFile(pdf, 100, func(d Document) error { got = d; return nil }, nil); err != nil {
		t.Fatal(err)
	}
	if got.ContentType != TypePDF || got.ID != ID(pdf) || string(got.Body) != "%PDF-1.4\n" {
		t.Errorf("pdf document = %+v, want content type %s and the bytes as they are", got, TypePDF)
	}
}

func TestList_countsIgnoredFilesByExtension(t *testing.T) {
	dir := t.TempDir()
	want := write(t, filepath.Join(dir, "statement.txt"), "a")
	for _, name := range []string{"a.doc", "b.DOC", "sub/c.doc", "photo.png", "sub/scan.PNG", "notes.rtf", "README", ".DS_Store", "sub/._a.doc"} {
		write(t, filepath.Join(dir, name), "x")
	}
	l, err := List([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(l.Files, []string{want}) || len(l.Skipped) != 0 {
		t.Errorf("files %v, skipped %v; want only %s", l.Files, l.Skipped, want)
	}
	wantIgnored := map[string]int{".doc": 3, ".png": 2, ".rtf": 1, "": 1}
	if !maps.Equal(l.Ignored, wantIgnored) {
		t.Errorf("ignored = %v, want %v (hidden files not counted)", l.Ignored, wantIgnored)
	}
	_, err = List([]string{dir, filepath.Join(dir, "missing")})
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing path: %v, want an error wrapping fs.ErrNotExist", err)
	}
}

func TestExtensions(t *testing.T) {
	exts := Extensions()
	for _, want := range []string{".txt", ".pdf", ".docx", ".odt"} {
		if !slices.IsSorted(exts) || !slices.Contains(exts, want) {
			t.Errorf("Extensions() = %v, want it sorted and with %s", exts, want)
		}
	}
}

// TestScanAndReadFile_office: Word and OpenDocument files are read as they
// are, whatever the case of their extension, with their own content types;
// the indexer unpacks them.
func TestScanAndReadFile_office(t *testing.T) {
	dir := t.TempDir()
	docx := write(t, filepath.Join(dir, "letters", "Statement.DOCX"), "PK\x03\x04word")
	odt := write(t, filepath.Join(dir, "letters", "appeal.odt"), "PK\x03\x04odt")
	l, err := List([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{docx, odt}; !slices.Equal(l.Files, want) || len(l.Ignored) != 0 {
		t.Fatalf("List: files %v, ignored %v; want %v and nothing ignored", l.Files, l.Ignored, want)
	}
	for _, c := range []struct{ path, ctype, body string }{
		{docx, TypeDOCX, "PK\x03\x04word"},
		{odt, TypeODT, "PK\x03\x04odt"},
	} {
		var got Document
		if err := ReadFile(c.path, 100, func(d Document) error { got = d; return nil }, nil); err != nil {
			t.Fatal(err)
		}
		if got.ContentType != c.ctype || got.ID != ID(c.path) || string(got.Body) != c.body {
			t.Errorf("%s: document = %+v, want content type %s and the bytes as they are", c.path, got, c.ctype)
		}
	}
}
