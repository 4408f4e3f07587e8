package quotes_test

import (
	"strings"
	"testing"

	"github.com/advosearch/advosearch/entities"
	"github.com/advosearch/advosearch/quotes"
)

// BenchmarkExtract_Gold runs Extract over every gold statement, given the
// names the recognizer found in it (found before the clock starts: the
// indexer finds them once for the statement's facets too).
func BenchmarkExtract_Gold(b *testing.B) {
	cases := loadGold(b, "gold.json")
	rec := recognizer(b)
	names := make([]entities.Names, len(cases))
	for i, c := range cases {
		names[i] = rec.Find(c.Text)
	}
	b.ReportAllocs()
	for b.Loop() {
		for i, c := range cases {
			quotes.Extract(c.Text, names[i])
		}
	}
}

// BenchmarkExtract_Adversarial runs Extract over 256 KB inputs built to
// defeat the scanner's shortcuts: deep open marks, plural possessives
// inside an open quotation, many names and speech verbs.
func BenchmarkExtract_Adversarial(b *testing.B) {
	const size = 256 << 10
	inputs := map[string]string{
		"open-marks":  strings.Repeat("“‘«„\"' ", size/16),
		"possessives": "‘" + strings.Repeat("NGOs’ reports ", size/16),
		"names":       strings.Repeat("“Hun Sen said Sarah M Brooks told Amnesty International that,” he said. ", size/72),
		"no-stops":    strings.Repeat("word ", size/5) + "“four words are here”",
	}
	rec := recognizer(b)
	for name, text := range inputs {
		b.Run(name, func(b *testing.B) {
			names := rec.Find(text)
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				quotes.Extract(text, names)
			}
		})
	}
}
