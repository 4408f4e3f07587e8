package indexer

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/advosearch/advosearch/corpus"
	"github.com/advosearch/advosearch/index"
)

// The same statement saved in two folders, or sent twice under two names,
// is one statement that lists both places, not two hits for every search.
func TestFiles_sameContentFromTwoOriginsIsOneStatement(t *testing.T) {
	const text = "Activists detained in Phnom Penh\n\nSeven land activists were detained on Monday, LICADHO said.\n"
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		writeFile(t, p, body)
		return p
	}
	first := write("inbox/statement.txt", text)
	copyInBatch := write("inbox2/statement.txt", text)
	write("other.txt", "Another statement\n\nSomething else happened in Battambang.\n")

	ix, in := newTestIndexer(t)
	sum, err := in.Files(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Indexed != 2 || !slices.Equal(sum.Duplicates, []string{copyInBatch}) {
		t.Errorf("indexed %d, duplicates %v: want 2 statements and the copy in the same run as a duplicate", sum.Indexed, sum.Duplicates)
	}
	n, _ := ix.Count()
	if n != 2 {
		t.Errorf("%d statements, want 2", n)
	}

	// A copy that turns up later, in a later run.
	later := write("archive/2023/statement.txt", text)
	sum, err = in.Files(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Indexed != 0 || sum.Unchanged != 3 || !slices.Equal(sum.Duplicates, []string{later}) {
		t.Errorf("second run: indexed %d, unchanged %d, duplicates %v: want the new copy as a duplicate, the rest unchanged",
			sum.Indexed, sum.Unchanged, sum.Duplicates)
	}
	st, err := ix.Statement(context.Background(), corpus.ID(first))
	if err != nil {
		t.Fatal(err)
	}
	if st.Origin != first || !slices.Equal(st.AlsoFrom, []string{copyInBatch, later}) {
		t.Errorf("origins %q then %q, want %q then the two copies", st.Origin, st.AlsoFrom, first)
	}
	if _, err := ix.Statement(context.Background(), corpus.ID(later)); err == nil {
		t.Error("the copy is a statement of its own")
	}

	// Deleting one copy keeps the statement; deleting every copy prunes it.
	if err := os.Remove(first); err != nil {
		t.Fatal(err)
	}
	if sum, err = in.Prune(context.Background(), []string{dir}); err != nil || sum.Pruned != 0 {
		t.Errorf("one copy gone: pruned %d (%v), want the statement kept", sum.Pruned, err)
	}
	for _, p := range []string{copyInBatch, later} {
		os.Remove(p)
	}
	if sum, err = in.Prune(context.Background(), []string{dir}); err != nil || sum.Pruned != 1 {
		t.Errorf("every copy gone: pruned %d (%v), want the statement pruned", sum.Pruned, err)
	}
}

// A statement's url is what citations, exports and feeds link to: a web
// address, never a path on someone's disk.
func TestDocuments_urlIsAWebAddressOnly(t *testing.T) {
	page := []byte("<html><head><title>Journalist freed</title></head><body><article><h1>Journalist freed</h1><p>A journalist was freed in Bangkok on Friday.</p></article></body></html>")
	tests := []struct {
		name string
		doc  corpus.Document
		want string
	}{
		{"a page fetched without a canonical link keeps the address it came from",
			corpus.Document{Name: "https://example.org/news/freed", ContentType: corpus.TypeHTML, Body: page}, "https://example.org/news/freed"},
		{"a local file has none",
			corpus.Document{Name: "/home/reporter/freed.html", ContentType: corpus.TypeHTML, Body: page}, ""},
		{"a record's file: URL is no link",
			corpus.Document{Name: "/data/batch.jsonl:2", ContentType: corpus.TypeJSONL,
				Body: []byte(`{"title":"Freed","body":"A journalist was freed.","url":"file:///home/reporter/freed.txt"}`)}, ""},
		{"a record's own web address wins",
			corpus.Document{Name: "/data/batch.jsonl:3", ContentType: corpus.TypeJSONL,
				Body: []byte(`{"title":"Freed","body":"A journalist was freed in Bangkok.","url":"https://example.org/freed"}`)}, "https://example.org/freed"},
		{"a feed item without a link is not its feed",
			corpus.Document{Name: "https://example.org/feed.xml#item-7", ContentType: corpus.TypeHTML, Body: page}, ""},
	}
	ix, in := newTestIndexer(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.doc.ID = corpus.ID(tt.doc.Name)
			if tt.doc.ContentType == corpus.TypeHTML {
				// Content of its own: the same bytes would be one statement.
				tt.doc.Body = append(bytes.Clone(tt.doc.Body), tt.name...)
			}
			if _, err := in.Documents(context.Background(), []corpus.Document{tt.doc}); err != nil {
				t.Fatal(err)
			}
			st, err := ix.Statement(context.Background(), tt.doc.ID)
			if err != nil {
				t.Fatal(err)
			}
			if st.URL != tt.want {
				t.Errorf("url %q, want %q", st.URL, tt.want)
			}
		})
	}
}

// Two copies of a file that cannot be read are two skipped files, each
// with the reason, not one skip and a "duplicate".
func TestFiles_copiesOfAnUnreadableFileAreBothSkipped(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.pdf", "b.pdf"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("%PDF-1.4 damaged"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, in := newTestIndexer(t)
	sum, err := in.Files(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Skipped) != 2 || len(sum.Duplicates) != 0 {
		t.Errorf("skipped %v, duplicates %v: want both files skipped", sum.Skipped, sum.Duplicates)
	}
}

// newTestIndexer is an indexer over a new index on disk.
func newTestIndexer(t *testing.T) (*index.Index, *Indexer) {
	t.Helper()
	ix := openIndex(t)
	in, err := New(ix, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return ix, in
}
