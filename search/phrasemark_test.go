package search

import (
	"slices"
	"testing"

	"github.com/advosearch/advosearch/index"
)

// TestPhraseMatches checks the runs of exact words marked in a text, by the
// stretches that hold their words and by the whole analysis alike.
func TestPhraseMatches(t *testing.T) {
	m, err := index.NewMapping()
	if err != nil {
		t.Fatal(err)
	}
	exact := m.AnalyzerNamed(index.AnalyzerExact)
	const text = "The Court of Appeal ruled; the court sat. “Court of appeal” rulings, court\nof appeal — and l’appel de la Cour d’appel."
	tests := []struct {
		runs [][]string
		want []string
	}{
		{[][]string{{"court", "of", "appeal"}}, []string{"Court of Appeal", "Court of appeal", "court\nof appeal"}},
		{[][]string{{"the", "court"}}, []string{"The Court", "the court"}},
		{[][]string{{"appeal", "ruled"}}, []string{"Appeal ruled"}},
		{[][]string{{"sat", "court"}}, []string{"sat", "Court"}}, // punctuation is no word, as in the index
		{[][]string{{"court", "sat", "appeal"}}, nil},
		{[][]string{{"d'appel"}}, []string{"d’appel"}},           // the apostrophe folded, not ASCII in the text
		{[][]string{{"la", "cour"}, {"a"}}, []string{"la Cour"}}, // a one-letter word: the whole text is analysed
		{nil, nil},
	}
	for _, tt := range tests {
		got := texts(text, normalizeMatches(text, phraseMatches(exact, text, tt.runs)))
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: marks %q, want %q", tt.runs, got, tt.want)
		}
		whole := texts(text, normalizeMatches(text, runMatches(exact, text, 0, tt.runs, nil)))
		if !slices.Equal(got, whole) {
			t.Errorf("%q: marks %q, the whole analysis %q", tt.runs, got, whole)
		}
	}
}
