package entities_test

import (
	"os"
	"testing"

	"github.com/advosearch/advosearch/entities"
)

// statement returns the embedded model and testdata/statement.txt, a 4 KB
// English statement, for the benchmarks and tests that read it.
func statement(tb testing.TB) (*entities.Model, string) {
	tb.Helper()
	m, err := entities.LoadDefault()
	if err != nil {
		tb.Fatal(err)
	}
	text, err := os.ReadFile("testdata/statement.txt")
	if err != nil {
		tb.Fatal(err)
	}
	return m, string(text)
}

// BenchmarkModel_Tag tags a 4 KB English statement; the budget for all of
// extraction is 2 ms per such statement on one core.
func BenchmarkModel_Tag(b *testing.B) {
	m, s := statement(b)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		m.Tag(s, nil)
	}
}

// BenchmarkRecognizer_Find finds the names of the same statement with the
// gazetteer, the rules and the tagger: what extraction pays for names.
func BenchmarkRecognizer_Find(b *testing.B) {
	m, s := statement(b)
	r, err := entities.NewRecognizer(m)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		r.Find(s)
	}
}

// BenchmarkLoadDefault measures what NewExtractor pays once.
func BenchmarkLoadDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := entities.LoadDefault(); err != nil {
			b.Fatal(err)
		}
	}
}
