package indexer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"

	"github.com/advosearch/advosearch/corpus"
)

// sameAsWhatlanggo checks latinLang against whatlanggo.Detect on one text.
// The language is compared only when the confidence is above 0: on a tie
// for the nearest language whatlanggo picks one at random, and both give 0.
func sameAsWhatlanggo(t *testing.T, text string) {
	t.Helper()
	if whatlanggo.DetectScript(text) != unicode.Latin {
		return
	}
	want := whatlanggo.Detect(text)
	lang, confidence := latinLang(text)
	if confidence != want.Confidence || (confidence > 0 && lang != want.Lang) {
		t.Errorf("latinLang(%q) = %v, %v; whatlanggo: %v, %v", text, lang, confidence, want.Lang, want.Confidence)
	}
}

// TestDetectLatin_matchesWhatlanggo compares latinLang with whatlanggo on
// every piece of the test documents, from a few words to whole files.
// After a whatlanggo upgrade changes its profiles, this fails until
// go generate copies them again.
func TestDetectLatin_matchesWhatlanggo(t *testing.T) {
	var texts []string
	seeds, err := corpus.Seeds()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range seeds {
		texts = append(texts, string(s.Body))
	}
	for _, dir := range []string{"testdata/gold", "testdata/heldout"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(b))
		}
	}
	if len(texts) < 10 {
		t.Fatalf("only %d test texts", len(texts))
	}
	for _, text := range texts {
		for _, size := range []int{20, 60, 200, langSample, 5000} {
			for at := 0; at < len(text); at += max(size/2, 100) {
				sameAsWhatlanggo(t, strings.ToValidUTF8(text[at:min(len(text), at+size)], ""))
			}
		}
	}
}

func TestDetectLatin_profiles(t *testing.T) {
	for _, p := range latinProfiles {
		if len(p.trigrams) != maxTotalDistance/maxTrigramDistance {
			t.Errorf("%v: %d trigrams, want %d", p.lang, len(p.trigrams), maxTotalDistance/maxTrigramDistance)
		}
		for _, s := range p.trigrams {
			if utf8.RuneCountInString(s) != 3 {
				t.Errorf("%v: trigram %q is not three characters", p.lang, s)
			}
		}
	}
}

// FuzzLatinLang compares latinLang with whatlanggo on arbitrary text.
func FuzzLatinLang(f *testing.F) {
	for _, s := range []string{
		"The government must release the detained activists at once.",
		"La FIDH appelle les autorités cambodgiennes à libérer les défenseurs.",
		"a", "ab", " a ", "Zażółć gęślą jaźń", "1234 !!! x", "\xff\xfeabc déf",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) { sameAsWhatlanggo(t, text) })
}
