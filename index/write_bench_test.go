package index_test

import (
	"bufio"
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/advosearch/advosearch/bench"
	"github.com/advosearch/advosearch/corpus"
	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/indexer"
)

// extracted returns n generated statements as the indexer makes them
// (entities, names, quotes), so that a benchmark of index writes sees the
// documents a real run writes and leaves extraction out of its time.
func extracted(tb testing.TB, n int) []index.Statement {
	tb.Helper()
	var buf bytes.Buffer
	if err := bench.Generate(&buf, n, 1); err != nil {
		tb.Fatal(err)
	}
	ex, err := indexer.NewExtractor()
	if err != nil {
		tb.Fatal(err)
	}
	var stmts []index.Statement
	lines := bufio.NewScanner(&buf)
	lines.Buffer(nil, 1<<20)
	for i := 0; lines.Scan(); i++ {
		doc := corpus.Document{ID: fmt.Sprint("gen-", i), Name: fmt.Sprint("gen:", i),
			ContentType: corpus.TypeJSONL, Body: bytes.Clone(lines.Bytes())}
		st, _, err := ex.Extract(doc)
		if err != nil {
			tb.Fatal(err)
		}
		st.ID = doc.ID
		stmts = append(stmts, st)
	}
	if err := lines.Err(); err != nil {
		tb.Fatal(err)
	}
	return stmts
}

// BenchmarkIndex_Write writes 2,000 extracted statements in batches of 500
// (the indexer's default) into a fresh index per round, closing it at the
// end so that persisting and merging count. It reports statements per
// second of CPU time, which is what "analyse once" and fewer allocations
// change, besides the wall-clock rate.
//
//	go test ./index -run '^$' -bench Index_Write -benchtime 3x
func BenchmarkIndex_Write(b *testing.B) {
	stmts := extracted(b, 2000)
	const batch = 500
	b.ReportAllocs()
	b.ResetTimer()
	var cpu time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		ix, err := index.Open(b.TempDir()+"/ix", index.Options{})
		if err != nil {
			b.Fatal(err)
		}
		before := index.CPUTime(b)
		b.StartTimer()
		for start := 0; start < len(stmts); start += batch {
			if err := ix.Write(stmts[start:min(start+batch, len(stmts))], nil); err != nil {
				b.Fatal(err)
			}
		}
		if err := ix.Close(); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		cpu += index.CPUTime(b) - before
	}
	n := float64(len(stmts) * b.N)
	b.ReportMetric(n/b.Elapsed().Seconds(), "statements/s")
	b.ReportMetric(n/cpu.Seconds(), "statements/cpu-s")
}
