package indexer

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/advosearch/advosearch/bench"
	"github.com/advosearch/advosearch/corpus"
)

// generated returns n synthetic statements as JSONL documents.
func generated(b *testing.B, n int) []corpus.Document {
	b.Helper()
	var buf bytes.Buffer
	if err := bench.Generate(&buf, n, 1); err != nil {
		b.Fatal(err)
	}
	var docs []corpus.Document
	lines := bufio.NewScanner(&buf)
	lines.Buffer(nil, 1<<20)
	for i := 0; lines.Scan(); i++ {
		docs = append(docs, corpus.Document{ID: fmt.Sprint(i), Name: fmt.Sprint("gen:", i),
			ContentType: corpus.TypeJSONL, Body: bytes.Clone(lines.Bytes())})
	}
	return docs
}

// BenchmarkExtractor_Extract measures extraction alone, per statement.
func BenchmarkExtractor_Extract(b *testing.B) {
	docs := generated(b, 200)
	benchmarkExtract(b, docs)
}

// benchmarkExtract extracts the documents in turn, b.N in all.
func benchmarkExtract(b *testing.B, docs []corpus.Document) {
	ex, err := NewExtractor()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, _, err := ex.Extract(docs[i%len(docs)]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkIndexer_Documents measures the whole pipeline, extraction and
// index writes, into a fresh index per round.
func BenchmarkIndexer_Documents(b *testing.B) {
	docs := generated(b, 2000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		ix := openIndexB(b)
		in, err := New(ix, Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := in.Documents(context.Background(), docs); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "statements/s")
}

// BenchmarkExtractor_ExtractHTML measures extraction per web page, over the
// gold set's pages: site chrome, metadata and the main text.
func BenchmarkExtractor_ExtractHTML(b *testing.B) {
	paths, err := filepath.Glob(filepath.Join("testdata", "gold", "*.html"))
	if err != nil || len(paths) == 0 {
		b.Fatalf("gold pages: %v", err)
	}
	var docs []corpus.Document
	for _, p := range paths {
		body, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, corpus.Document{ID: p, Name: p, ContentType: corpus.TypeHTML, Body: body})
	}
	benchmarkExtract(b, docs)
}
