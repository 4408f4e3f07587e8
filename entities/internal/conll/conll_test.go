package conll

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/advosearch/advosearch/entities"
)

func TestReadFile(t *testing.T) {
	tests := []struct {
		name, text string
		docs       [][]string // per document, its sentences' words joined by spaces
	}{
		{"wikigold: word label, IOB1, -DOCSTART-", "-DOCSTART- O\n\nThe I-ORG\nBand I-ORG\nplayed O\n\nin O\nParis I-LOC\n\n-DOCSTART- O\n\nHi O\n",
			[][]string{{"The Band played", "in Paris"}, {"Hi"}}},
		{"UNER: tab columns, comments, newdoc", "# newdoc id = a\n# text = Tampa Bay\n1\tTampa\tB-LOC\t-\t-\n2\tBay\tI-LOC\t-\t-\n\n# newdoc id = b\n1\tyes\tO\t-\t-\n",
			[][]string{{"Tampa Bay"}, {"yes"}}},
		{"BTC: a blank word is skipped, sentences become documents", "Cousin\tO\n \tO\nof\tO\n\nReeva\tB-PER\n",
			[][]string{{"Cousin of"}, {"Reeva"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "corpus")
			if err := os.WriteFile(path, []byte(tt.text), 0o644); err != nil {
				t.Fatal(err)
			}
			docs, err := ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var got [][]string
			for _, d := range docs {
				var ss []string
				for _, s := range d.Sentences {
					if len(s.Words) != len(s.Labels) {
						t.Fatalf("%d words, %d labels", len(s.Words), len(s.Labels))
					}
					ss = append(ss, strings.Join(s.Words, " "))
				}
				got = append(got, ss)
			}
			if !slices.EqualFunc(got, tt.docs, slices.Equal) {
				t.Errorf("got %q, want %q", got, tt.docs)
			}
		})
	}
}

func TestReadFile_BadLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "corpus")
	if err := os.WriteFile(path, []byte("word\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadFile(path); err == nil {
		t.Error("want an error for a line with no label")
	}
}

func TestScore_Add(t *testing.T) {
	s := NewScore()
	// Gold in IOB1: "New York" then "Mary Smith" ; the guess gets the
	// place, cuts the person short and invents an organization.
	gold := strings.Fields("I-LOC I-LOC O I-PER I-PER O")
	got := strings.Fields("B-LOC I-LOC O B-PER O B-ORG")
	s.Add(gold, got)
	checks := []struct {
		name    string
		c, want Counts
	}{
		{"place entity", *s.Entity[entities.Place], Counts{TP: 1}},
		{"person entity", *s.Entity[entities.Person], Counts{FP: 1, FN: 1}},
		{"org entity", *s.Entity[entities.Org], Counts{FP: 1}},
		{"person tokens", *s.Token[entities.Person], Counts{TP: 1, FN: 1}},
	}
	for _, c := range checks {
		if c.c != c.want {
			t.Errorf("%s: got %+v, want %+v", c.name, c.c, c.want)
		}
	}
	if f := s.Entity[entities.Place].F1(); f != 1 {
		t.Errorf("place F1: got %v, want 1", f)
	}
}

func TestLexicon_Label(t *testing.T) {
	l := &Lexicon{byFirst: map[string][][]string{}, kinds: map[string]entities.Kind{}}
	l.add(splitWords("Human Rights Watch"), entities.Org)
	l.add(splitWords("Human Rights"), entities.Org)
	l.add(splitWords("Cambodia"), entities.Place)
	got := l.Label(strings.Fields("Human Rights Watch said Cambodia 's"))
	want := []string{"B-ORG", "I-ORG", "I-ORG", "", "B-LOC", ""}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
