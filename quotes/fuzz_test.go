package quotes_test

import (
	"os"
	"path/filepath"
	"testing"
	"unicode"

	"github.com/advosearch/advosearch/entities"
	"github.com/advosearch/advosearch/quotes"
)

// FuzzExtract checks that Extract never panics and that every quotation it
// returns is well formed, whatever the input. The seeds are the gold
// statements and a few broken ones.
func FuzzExtract(f *testing.F) {
	for _, c := range loadGold(f, "gold.json") {
		f.Add(c.Text)
	}
	if seeds, err := filepath.Glob(filepath.Join("..", "corpus", "seeds", "*.txt")); err == nil {
		for _, p := range seeds {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(string(b))
			}
		}
	}
	for _, s := range []string{"", "“", "‘’’‘", "\"'\"'", "«»«", "„“”", "\xff“\xfe four words in here\xe2\x80”", "“a b c d\n\n”"} {
		f.Add(s)
	}
	// The gazetteer and the rules, without the tagger: names in every
	// place the rules read them, at the speed fuzzing needs (the tagger
	// has a fuzz test of its own in package entities).
	rec := recognizer(f).RulesOnly()
	f.Fuzz(func(t *testing.T, text string) {
		for _, q := range quotes.Extract(text, rec.Find(text)) {
			if q.Start < 0 || q.Start >= q.End || q.End > len(text) {
				t.Fatalf("bad offsets [%d:%d] for a text of %d bytes", q.Start, q.End, len(text))
			}
			if text[q.Start:q.End] != q.Text {
				t.Fatalf("text[%d:%d] = %q, Text = %q", q.Start, q.End, text[q.Start:q.End], q.Text)
			}
			if n := words(q.Text); n < quotes.MinSentenceWords || (n < quotes.MinWords && q.Speaker == "") {
				t.Fatalf("Text %q has %d words and speaker %q, want ≥ %d, or ≥ %d with a speaker", q.Text, n, q.Speaker, quotes.MinWords, quotes.MinSentenceWords)
			}
		}
	})
}

// words counts the fields holding a letter or digit, as the package does.
func words(s string) int {
	n, in, word := 0, false, false
	for _, r := range s + " " {
		if unicode.IsSpace(r) {
			if in && word {
				n++
			}
			in, word = false, false
			continue
		}
		in = true
		word = word || unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	return n
}

// FuzzExtract_names checks that Extract never panics whatever names it is
// given: spans that overlap, run over quotation marks or office nouns
// ("the Harbour Watch Director" read as one organization), or lie outside
// the text, as a tagger's misreadings can.
func FuzzExtract_names(f *testing.F) {
	for _, s := range []string{
		"Director Lena Brook arrived. “The situation is dire across the whole country,” said the Harbour Watch Director.",
		"Lena Brook, Harbour Watch’s director: « Nous ne céderons jamais devant la répression. »",
		"The minister Kem Sokha said that “the situation is dire across the whole country”.\n\n“We will appeal the ruling,” he said.",
		"El relator especial de la ONU, Sarah M Brooks, visitó Tame. “No todo lo que pasa tiene que ver con las elecciones”, dijo el relator.",
	} {
		f.Add(s, uint16(0), uint16(10), uint16(30), uint16(60), uint8(0), uint8(1))
	}
	kinds := []entities.Kind{entities.Person, entities.Org, entities.Place}
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2 uint16, k1, k2 uint8) {
		names := entities.Names{
			{Canonical: "A", Kind: kinds[int(k1)%len(kinds)], Start: int(s1), End: int(e1)},
			{Canonical: "B", Kind: kinds[int(k2)%len(kinds)], Start: int(s2), End: int(e2)},
		}
		for _, q := range quotes.Extract(text, names) {
			if q.Start < 0 || q.Start >= q.End || q.End > len(text) || text[q.Start:q.End] != q.Text {
				t.Fatalf("bad quotation [%d:%d] %q for a text of %d bytes", q.Start, q.End, q.Text, len(text))
			}
		}
	})
}
