package conll

import (
	"slices"
	"strings"
	"testing"

	"github.com/advosearch/advosearch/entities"
)

func TestNamesOnly(t *testing.T) {
	lex := &Lexicon{byFirst: map[string][][]string{}, kinds: map[string]entities.Kind{}}
	lex.add(splitWords("Iraq"), entities.Place)
	tests := []struct {
		name, words, labels string
		want                string // "" for a sentence left out
	}{
		{"an article and a pronoun go", "We met the United Nations", "B-ORG O B-ORG I-ORG I-ORG",
			"O O O B-ORG I-ORG"},
		{"a common noun is no name", "coalition forces left the city", "B-ORG I-ORG O B-LOC I-LOC",
			"O O O O O"},
		{"a title goes", "President Hollande spoke", "B-PER I-PER O",
			"O B-PER O"},
		{"a title in any case", "SECRETARY KERRY : yes", "B-PER I-PER O O",
			"O B-PER O O"},
		{"small words after an acronym go", "ISIL tactical units fled", "B-ORG I-ORG I-ORG O",
			"B-ORG O O O"},
		{"the gazetteer's kind wins", "Iraq said so", "B-ORG O O",
			"B-LOC O O"},
		{"a plural demonym is no body", "Syrians fled", "B-ORG O",
			"O O"},
		{"a demonym before a common noun: left out", "Iraqi security forces advanced", "B-ORG I-ORG I-ORG O", ""},
		{"an office before a name: left out", "Minister for the Middle East Tobias Ellwood said", "B-PER I-PER I-PER I-PER I-PER I-PER I-PER O", ""},
		{"a name cut inside a word: left out", "Da ’ esh fled", "B-ORG I-ORG I-ORG O", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := []Document{{Sentences: []entities.Sentence{{Words: strings.Fields(tt.words), Labels: strings.Fields(tt.labels)}}}}
			got := NamesOnly(docs, lex)
			if tt.want == "" {
				if len(got) != 0 {
					t.Errorf("got %q, want the sentence left out", got[0].Sentences[0].Labels)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("sentence left out, want %q", tt.want)
			}
			if labels := got[0].Sentences[0].Labels; !slices.Equal(labels, strings.Fields(tt.want)) {
				t.Errorf("got %q, want %q", labels, tt.want)
			}
		})
	}
}

func TestNormalLabel(t *testing.T) {
	tests := []struct{ in, want string }{
		{"B-PER", "B-PER"},
		{"I-MISC", "I-MISC"},
		{"O", "O"},
		{"B-politician", "B-PER"},
		{"I-politicalparty", "I-ORG"},
		{"B-Organisation", "B-ORG"},
		{"I-country", "I-LOC"},
		{"B-election", "B-election"},
	}
	for _, tt := range tests {
		if got := normalLabel(tt.in); got != tt.want {
			t.Errorf("normalLabel(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}
