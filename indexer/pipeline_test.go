package indexer

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/advosearch/advosearch/corpus"
	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/search"
)

func openIndex(t *testing.T) *index.Index { return openIndexB(t) }

func openIndexB(t testing.TB) *index.Index {
	t.Helper()
	ix, err := index.Open(t.TempDir(), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

func writeFile(t *testing.T, path, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestIndexer_Files_reindexUpdatesNeverDuplicates(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.txt"), "Cambodia: first statement\n\nHun Sen threatened the closure of the organization on Monday.\n")
	writeFile(t, filepath.Join(dir, "pages", "b.html"), `<html><head><title>Second statement</title></head><body><article><p>Human rights defenders were detained in Phnom Penh.</p></article></body></html>`)
	writeFile(t, filepath.Join(dir, "c.jsonl"),
		`{"title":"Third","body":"Activists called for the release of Tep Vanny.","url":"https://example.org/3","source":"LICADHO","published":"2016-05-09"}`+"\n"+
			`{"title": broken`+"\n")
	writeFile(t, filepath.Join(dir, "binary.txt"), "\x00\x01\x02\x89PNG\x00\x00\x00\x00\x00\x00\x00")
	writeFile(t, filepath.Join(dir, "huge.txt"), strings.Repeat("words ", 300))

	ix := openIndex(t)
	var progress bytes.Buffer
	in, err := New(ix, Options{BatchSize: 2, MaxDocumentBytes: 1000, Progress: &progress})
	if err != nil {
		t.Fatal(err)
	}
	sum, err := in.Files(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Indexed != 3 || sum.Unchanged != 0 {
		t.Errorf("first run: indexed %d unchanged %d, want 3 and 0", sum.Indexed, sum.Unchanged)
	}
	reasons := map[string]error{}
	for _, s := range sum.Skipped {
		reasons[filepath.Base(s.Name)] = s.Err
	}
	for name, want := range map[string]error{
		"binary.txt": ErrBinary, "huge.txt": corpus.ErrTooLarge, "c.jsonl:2": ErrMalformedRecord,
	} {
		if !errors.Is(reasons[name], want) {
			t.Errorf("%s skipped with %v, want %v", name, reasons[name], want)
		}
	}
	if len(sum.Skipped) != 3 {
		t.Errorf("skipped = %v, want 3", sum.Skipped)
	}
	if !strings.Contains(progress.String(), "files 5/5") {
		t.Errorf("progress = %q, want a final files 5/5 line", progress.String())
	}

	// The same files again: nothing is re-extracted or duplicated.
	sum, err = in.Files(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Indexed != 0 || sum.Unchanged != 3 {
		t.Errorf("second run: indexed %d unchanged %d, want 0 and 3", sum.Indexed, sum.Unchanged)
	}

	// One file changes: it alone is indexed again, under the same ID.
	writeFile(t, filepath.Join(dir, "a.txt"), "Cambodia: first statement, revised\n\nHun Sen threatened the closure of the organization on Tuesday.\n")
	sum, err = in.Files(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Indexed != 1 || sum.Unchanged != 2 {
		t.Errorf("third run: indexed %d unchanged %d, want 1 and 2", sum.Indexed, sum.Unchanged)
	}
	if n, _ := ix.Count(); n != 3 {
		t.Errorf("index holds %d statements, want 3", n)
	}
}

func TestIndexer_Documents_seeds(t *testing.T) {
	seeds, err := corpus.Seeds()
	if err != nil {
		t.Fatal(err)
	}
	ix := openIndex(t)
	in, err := New(ix, Options{})
	if err != nil {
		t.Fatal(err)
	}
	sum, err := in.Documents(context.Background(), seeds)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Indexed != 5 || len(sum.Skipped) != 0 {
		t.Fatalf("indexed %d, skipped %v; want all 5 seeds", sum.Indexed, sum.Skipped)
	}
	s, err := ix.Statement(context.Background(), "002_cfe1ac6a4d980d7f")
	if err != nil {
		t.Fatal(err)
	}
	if s.Origin != "seed:002_cfe1ac6a4d980d7f.txt" || s.Hash == "" {
		t.Errorf("origin %q hash %q", s.Origin, s.Hash)
	}
}

func TestIndexer_Documents_indexesQuotesWithSpeakers(t *testing.T) {
	seeds, err := corpus.Seeds()
	if err != nil {
		t.Fatal(err)
	}
	ix := openIndex(t)
	in, err := New(ix, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := in.Documents(context.Background(), seeds); err != nil {
		t.Fatal(err)
	}
	res, err := search.New(ix).Quotes(context.Background(), search.QuoteRequest{
		Query: `"The Ministry of Interior should check, because they were created by foreigners, not Khmers"`})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total == 0 || res.Hits[0].StatementID != "001_9bb9cf890fb58f1e" || res.Hits[0].Speaker != "Hun Sen" || !res.Hits[0].Exact {
		t.Errorf("quote from the Phnom Penh Post seed: %+v", res.Hits)
	}

	// Pasted with straight quotes and one word changed (should → must): the
	// curly-quoted original is still the first hit, as a near match.
	res, err = search.New(ix).Quotes(context.Background(), search.QuoteRequest{
		Query: `"The Ministry of Interior must check, because they were created by foreigners, not Khmers"`})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total == 0 || res.Hits[0].StatementID != "001_9bb9cf890fb58f1e" || res.Hits[0].Exact {
		t.Errorf("changed word: %+v", res.Hits)
	}
}

func TestIndexer_JSONL_concurrentRequestsTakeTurns(t *testing.T) {
	ix := openIndex(t)
	in, err := New(ix, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for r := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var lines strings.Builder
			for i := range 25 {
				fmt.Fprintf(&lines, `{"title":"Statement %d-%d","body":"Human rights defenders were detained.","url":"https://example.org/%d/%d"}`+"\n", r, i, r, i)
			}
			sum, err := in.JSONL(context.Background(), strings.NewReader(lines.String()), "api")
			if err == nil && sum.Indexed != 25 {
				err = fmt.Errorf("request %d indexed %d of 25", r, sum.Indexed)
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if n, _ := ix.Count(); n != 100 {
		t.Errorf("count = %d, want 100", n)
	}
}

// deleteOnce removes a file the first time progress is written: the run has
// listed it, and finds it gone when its turn comes.
type deleteOnce struct {
	path string
	done bool
}

func (d *deleteOnce) Write(p []byte) (int, error) {
	if !d.done {
		d.done = true
		os.Remove(d.path)
	}
	return len(p), nil
}

func TestIndexer_Files_hostileFilesAreSkippedTheRestIndexed(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.txt"), "First statement\n\nHuman rights defenders were detained.\n")
	writeFile(t, filepath.Join(dir, "b.txt"), "Second statement\n\nThis file is deleted after the run lists it.\n")
	writeFile(t, filepath.Join(dir, "c.txt"), "Third statement\n\nActivists called for their release.\n")
	// A zip bomb named like a page: 64 MiB of zeros, gzipped to kilobytes.
	var bomb bytes.Buffer
	zw := gzip.NewWriter(&bomb)
	zw.Write(make([]byte, 64<<20))
	zw.Close()
	writeFile(t, filepath.Join(dir, "d-bomb.html"), bomb.String())

	ix := openIndex(t)
	in, err := New(ix, Options{Progress: &deleteOnce{path: filepath.Join(dir, "b.txt")}, ProgressEvery: time.Nanosecond})
	if err != nil {
		t.Fatal(err)
	}
	sum, err := in.Files(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Indexed != 2 {
		t.Errorf("indexed %d, want a.txt and c.txt", sum.Indexed)
	}
	reasons := map[string]error{}
	for _, s := range sum.Skipped {
		reasons[filepath.Base(s.Name)] = s.Err
	}
	if !errors.Is(reasons["b.txt"], os.ErrNotExist) {
		t.Errorf("vanished file: %v, want a not-exist skip", reasons["b.txt"])
	}
	if !errors.Is(reasons["d-bomb.html"], ErrBinary) {
		t.Errorf("zip bomb: %v, want ErrBinary (it is never decompressed)", reasons["d-bomb.html"])
	}
}

// Batches are written two at a time, but a statement changed in one batch
// and again in the next must end as its last version, never the one before.
func TestIndexer_JSONL_laterVersionWinsAcrossBatches(t *testing.T) {
	ix := openIndex(t)
	in, err := New(ix, Options{BatchSize: 1})
	if err != nil {
		t.Fatal(err)
	}
	// Odd versions are long, so that written at once with the short next
	// version they would reach the index last.
	var long strings.Builder
	for i := range 20000 {
		fmt.Fprintf(&long, " word%d", i)
	}
	const versions = 20
	var lines strings.Builder
	for v := 1; v <= versions; v++ {
		padding := ""
		if v%2 == 1 {
			padding = long.String()
		}
		fmt.Fprintf(&lines, `{"title":"Statement","body":"Version %d of the statement on detained defenders.%s","url":"https://example.org/a"}`+"\n", v, padding)
	}
	sum, err := in.JSONL(context.Background(), strings.NewReader(lines.String()), "api")
	if err != nil {
		t.Fatal(err)
	}
	if sum.Indexed != versions {
		t.Errorf("indexed %d, want %d", sum.Indexed, versions)
	}
	s, err := ix.Statement(context.Background(), sum.IDs[0])
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("Version %d of", versions); !strings.HasPrefix(s.Body, want) {
		t.Errorf("the statement begins %q, want its last version, %q", s.Body[:min(len(s.Body), 20)], want)
	}
}

// A file that is not UTF-8 is indexed as windows-1252, and the summary says
// which file was read so; UTF-8 files raise no warning.
func TestIndexer_Files_guessedCharsetIsWarned(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "utf8.txt"), "Première déclaration\n\nLes défenseurs ont été arrêtés.\n")
	writeFile(t, filepath.Join(dir, "latin1.txt"), "Deuxi\xe8me d\xe9claration\n\nLes d\xe9fenseurs ont \xe9t\xe9 arr\xeat\xe9s.\n")
	in, err := New(openIndex(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	sum, err := in.Files(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Indexed != 2 || len(sum.Skipped) != 0 {
		t.Fatalf("indexed %d, skipped %v; want both files indexed", sum.Indexed, sum.Skipped)
	}
	if len(sum.Warnings) != 1 || filepath.Base(sum.Warnings[0].Name) != "latin1.txt" || !strings.Contains(sum.Warnings[0].Note, "windows-1252") {
		t.Errorf("warnings %+v, want one for latin1.txt saying windows-1252", sum.Warnings)
	}
}
