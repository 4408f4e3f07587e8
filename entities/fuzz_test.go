package entities_test

import (
	"os"
	"testing"
	"unicode/utf8"

	"github.com/advosearch/advosearch/entities"
)

// FuzzModel_Tag checks that any text, valid UTF-8 or not, is tagged
// without a panic into spans that lie inside it, in order, without
// overlap, and, in valid UTF-8, starting and ending on a character
// boundary (in invalid UTF-8 a stray byte is no character to keep whole).
func FuzzModel_Tag(f *testing.F) {
	m, err := entities.LoadDefault()
	if err != nil {
		f.Fatal(err)
	}
	statement, err := os.ReadFile("testdata/statement.txt")
	if err != nil {
		f.Fatal(err)
	}
	for _, seed := range []string{string(statement), "", "U.S.", "’s", "Kem Sokha’s CNRP.\n\nPhnom Penh", "A\xffB Ç. D", "...!!!??", "Mr. X-Y-Z of the U.N.-led O’Brien"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		end := 0
		for _, sp := range m.Tag(text, []entities.Span{{Start: 0, End: min(3, len(text)), Kind: entities.Org}}) {
			if sp.Start < end || sp.End <= sp.Start || sp.End > len(text) {
				t.Fatalf("span %+v after %d in a text of %d bytes", sp, end, len(text))
			}
			if utf8.ValidString(text) && !utf8.RuneStart(text[sp.Start]) || (utf8.ValidString(text) && sp.End < len(text) && !utf8.RuneStart(text[sp.End])) {
				t.Fatalf("span %+v splits a character", sp)
			}
			end = sp.End
		}
	})
}
