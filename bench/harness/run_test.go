package harness_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/advosearch/advosearch/bench"
	"github.com/advosearch/advosearch/bench/harness"
)

// TestRun_smallCorpus runs the advosearch and bare-Bleve parts in-process on
// a few statements (FTS5 is a separate module, never built by the product's
// tests). It checks the shape of the results, not their speed.
func TestRun_smallCorpus(t *testing.T) {
	const statements = 100 // small: the race detector slows extraction ten times
	dir := t.TempDir()
	corpus := filepath.Join(dir, "statements.jsonl")
	f, err := os.Create(corpus)
	if err != nil {
		t.Fatal(err)
	}
	if err := bench.Generate(f, statements, 1); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	cfg := bench.Config{
		Corpus: corpus, Queries: bench.Queries(5, 1), ClassLimit: 10 * time.Second,
		HTTPLevels: []int{1, 4}, HTTPRequests: 20, HTTPDuration: 10 * time.Second, Split: true,
	}
	ctx := context.Background()

	ours := cfg
	ours.System, ours.Dir = bench.SystemAdvosearch, filepath.Join(dir, "a")
	a, err := harness.RunAdvosearch(ctx, ours)
	if err != nil {
		t.Fatalf("RunAdvosearch: %v", err)
	}
	peer := cfg
	peer.System, peer.Dir = bench.SystemBleve, filepath.Join(dir, "b")
	b, err := harness.RunBleve(ctx, peer)
	if err != nil {
		t.Fatalf("RunBleve: %v", err)
	}

	for _, r := range []bench.Result{a, b} {
		if r.Statements != statements {
			t.Errorf("%s: indexed %d statements, want %d (notes: %q)", r.System, r.Statements, statements, r.Notes)
		}
		if r.IndexSeconds <= 0 || r.IndexBytes <= 0 || r.PeakRSSIndexing <= 0 {
			t.Errorf("%s: index time %v, size %d, peak RSS %d: want all > 0", r.System, r.IndexSeconds, r.IndexBytes, r.PeakRSSIndexing)
		}
		for _, c := range bench.Classes() {
			if r.System == bench.SystemBleve && c == bench.ClassNear {
				continue // Bleve has no proximity query
			}
			l := r.Classes[c]
			if l.N != 5 || l.Errors != 0 {
				t.Errorf("%s %s: %d searches timed, %d errors; want 5 and 0", r.System, c, l.N, l.Errors)
			}
			// A filtered query may rightly find nothing in 200 statements.
			if l.Hits == 0 && c != bench.ClassFiltered {
				t.Errorf("%s %s: no hits", r.System, c)
			}
		}
	}
	// The cross-check phrase has no stop word, apostrophe or title word, so
	// the stemmed/exact analyzers of advosearch and Bleve's standard analyzer
	// see the same tokens: the counts must agree exactly, not within a
	// tolerance. (The phrases with stop words differ: Bleve drops "in" from
	// "told reporters in" and so matches more.)
	if a.CrossCheck == 0 || a.CrossCheck != b.CrossCheck {
		t.Errorf("hits of %q: advosearch %d, bleve %d; want equal and > 0", bench.CrossCheckPhrase, a.CrossCheck, b.CrossCheck)
	}
	if a.ExtractSeconds <= 0 || a.WriteSeconds <= 0 {
		t.Errorf("split: extraction %v s, writes %v s; want both > 0", a.ExtractSeconds, a.WriteSeconds)
	}
	if len(a.HTTP) != 2 || a.InProcess == nil {
		t.Fatalf("HTTP levels %d, in-process %v: want 2 and a result", len(a.HTTP), a.InProcess)
	}
	for _, h := range append(a.HTTP, *a.InProcess) {
		// A request shed under load (the test machine may be busy) is
		// the server keeping its deadlines, not an error.
		if h.Errors != 0 || h.Requests != 20 {
			t.Errorf("load c=%d: %d requests, %d errors (%s), %d shed; want 20 and 0 errors", h.Concurrency, h.Requests, h.Errors, h.FirstError, h.Shed)
		}
	}

	var report strings.Builder
	if err := bench.Report(&report, "test", bench.Machine(), []bench.Result{a, b}); err != nil {
		t.Fatal(err)
	}
	for _, c := range bench.Classes() {
		if !strings.Contains(report.String(), "| "+string(c)+" p50") {
			t.Errorf("report has no row for %s:\n%s", c, report.String())
		}
	}
	t.Logf("hits per class: advosearch %v, bleve %v\n%s", hits(a), hits(b), report.String())

	// The index kept in its folder, searched again: the same statements and
	// hits, its size as it is now, and no indexing figures, as nothing was
	// indexed. (The size is read again: Bleve may have merged segments
	// while the first run searched.)
	again := ours
	again.Reuse, again.Split, again.HTTPLevels = true, false, nil
	kept, err := filepath.EvalSymlinks(filepath.Join(ours.Dir, "advosearch"))
	if err != nil {
		t.Fatal(err)
	}
	keptBytes, err := bench.DirSize(kept)
	if err != nil {
		t.Fatal(err)
	}
	r, err := harness.RunAdvosearch(ctx, again)
	if err != nil {
		t.Fatalf("RunAdvosearch reusing the index: %v", err)
	}
	if r.Statements != statements || r.IndexBytes != keptBytes || r.IndexSeconds != 0 || r.PeakRSSIndexing != 0 {
		t.Errorf("reused: %d statements, %d bytes, indexed in %v s with peak RSS %d; want %d, %d, 0 and 0",
			r.Statements, r.IndexBytes, r.IndexSeconds, r.PeakRSSIndexing, statements, keptBytes)
	}
	for _, c := range bench.Classes() {
		if r.Classes[c].Hits != a.Classes[c].Hits {
			t.Errorf("reused, %s: %d hits, first run %d", c, r.Classes[c].Hits, a.Classes[c].Hits)
		}
	}
	missing := again
	missing.Dir = filepath.Join(dir, "none")
	if _, err := harness.RunAdvosearch(ctx, missing); err == nil || !strings.Contains(err.Error(), "no index to reuse") {
		t.Errorf("reusing a folder without an index: %v, want an error saying so", err)
	}
}

func hits(r bench.Result) map[bench.Class]uint64 {
	out := map[bench.Class]uint64{}
	for c, l := range r.Classes {
		out[c] = l.Hits
	}
	return out
}
