package entities_test

import (
	"os"
	"testing"

	"github.com/advosearch/advosearch/entities"
)

// BenchmarkModel_Tag tags a 4 KB English statement; the budget for all of
// extraction is 2 ms per such statement on one core.
func BenchmarkModel_Tag(b *testing.B) {
	m, err := entities.LoadDefault()
	if err != nil {
		b.Fatal(err)
	}
	text, err := os.ReadFile("testdata/statement.txt")
	if err != nil {
		b.Fatal(err)
	}
	s := string(text)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		m.Tag(s, nil)
	}
}

// BenchmarkRecognizer_Find finds the names of the same statement with the
// gazetteer, the rules and the tagger: what extraction pays for names.
func BenchmarkRecognizer_Find(b *testing.B) {
	m, err := entities.LoadDefault()
	if err != nil {
		b.Fatal(err)
	}
	r, err := entities.NewRecognizer(m)
	if err != nil {
		b.Fatal(err)
	}
	text, err := os.ReadFile("testdata/statement.txt")
	if err != nil {
		b.Fatal(err)
	}
	s := string(text)
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
