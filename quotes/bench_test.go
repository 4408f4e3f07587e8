package quotes_test

import (
	"strings"
	"testing"

	"github.com/advosearch/advosearch/quotes"
)

// BenchmarkExtract_Gold runs Extract over every gold statement.
func BenchmarkExtract_Gold(b *testing.B) {
	cases := loadGold(b, "gold.json")
	b.ReportAllocs()
	for b.Loop() {
		for _, c := range cases {
			quotes.Extract(c.Text, c.People, c.Orgs)
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
	people := []string{"Hun Sen", "Sarah M Brooks", "Kem Sokha"}
	orgs := []string{"Amnesty International"}
	for name, text := range inputs {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				quotes.Extract(text, people, orgs)
			}
		})
	}
}
