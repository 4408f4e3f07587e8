package entities

import (
	"slices"
	"testing"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		text  string
		words []string
		sents []int
	}{
		{"Kem Sokha’s party.", []string{"Kem", "Sokha", "'s", "party", "."}, []int{0}},
		{"The U.S. and the U.N. met.", []string{"The", "U.S.", "and", "the", "U.N.", "met", "."}, []int{0}},
		{"FORUM-ASIA and Anti-Corruption Unit", []string{"FORUM-ASIA", "and", "Anti-Corruption", "Unit"}, []int{0}},
		{"O’Brien paid 3.5 million, didn't he?", []string{"O'Brien", "paid", "3.5", "million", ",", "didn't", "he", "?"}, []int{0}},
		// A sentence ends at a full stop before a capital, and at a line
		// break after a short line (a headline).
		{"He left. She stayed.", []string{"He", "left", ".", "She", "stayed", "."}, []int{0, 3}},
		{"Cambodia: PM says\nThe Prime Minister said", []string{"Cambodia", ":", "PM", "says", "The", "Prime", "Minister", "said"}, []int{0, 4}},
		{"", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			toks, sents := tokenize(tt.text)
			var words []string
			for _, tok := range toks {
				words = append(words, tok.text)
				if tok.start < 0 || tok.end > len(tt.text) || tok.start >= tok.end {
					t.Fatalf("token %q has bad offsets %d..%d", tok.text, tok.start, tok.end)
				}
			}
			if !slices.Equal(words, tt.words) {
				t.Errorf("words: got %q, want %q", words, tt.words)
			}
			if !slices.Equal(sents, tt.sents) {
				t.Errorf("sentences: got %v, want %v", sents, tt.sents)
			}
		})
	}
}

func TestShape(t *testing.T) {
	for in, want := range map[string]string{"Sokha": "Xx", "U.S.": "X.X.", "2023-06-14": "d-d-d", "McDonald": "XxXx", "CCHR": "X", "élan": "x"} {
		if got := shape(in); got != want {
			t.Errorf("shape(%q): got %q, want %q", in, got, want)
		}
	}
}
