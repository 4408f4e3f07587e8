package entities_test

import (
	"bytes"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/advosearch/advosearch/entities"
)

type named struct {
	text string
	kind entities.Kind
}

func namesOf(text string, spans []entities.Span) []named {
	var out []named
	for _, s := range spans {
		out = append(out, named{text[s.Start:s.End], s.Kind})
	}
	return out
}

// toyCorpus is small enough to learn by heart: the test checks that
// training, decoding and the span offsets fit together, not how well the
// model generalises (the nertool evaluation measures that).
func toyCorpus() []entities.Sentence {
	return []entities.Sentence{
		{Words: strings.Fields("Sunai Phasuk works for Human Rights Watch in Bangkok ."), Labels: strings.Fields("B-PER I-PER O O B-ORG I-ORG I-ORG O B-LOC O")},
		{Words: strings.Fields("Maria Lopez met Amnesty International in Lima ."), Labels: strings.Fields("B-PER I-PER O B-ORG I-ORG O B-LOC O")},
		{Words: strings.Fields("the report was published on Monday ."), Labels: strings.Fields("O O O O O O O")},
		{Words: strings.Fields("John Smith left Paris for Oxfam ."), Labels: strings.Fields("B-PER I-PER O B-LOC O B-ORG O")},
	}
}

func TestTrain_LearnsWhatItSaw(t *testing.T) {
	m, err := entities.Train(toyCorpus(), entities.TrainOptions{Epochs: 20, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	text := "Sunai Phasuk works for Human Rights Watch in Bangkok."
	got := namesOf(text, m.Tag(text, nil))
	want := []named{{"Sunai Phasuk", entities.Person}, {"Human Rights Watch", entities.Org}, {"Bangkok", entities.Place}}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}

	// The model survives writing and reading unchanged.
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := entities.Read(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if got2 := namesOf(text, m2.Tag(text, nil)); !slices.Equal(got2, got) {
		t.Errorf("after a round trip: got %v, want %v", got2, got)
	}
}

func TestModel_Scale(t *testing.T) {
	m, err := entities.Train(toyCorpus(), entities.TrainOptions{Epochs: 20, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	text := "Maria Lopez met Human Rights Watch in Lima."
	before := m.Tag(text, nil)
	m.Scale(2)
	after := m.Tag(text, nil)
	if len(before) == 0 || len(after) != len(before) {
		t.Fatalf("got %v after scaling, want the names of %v", after, before)
	}
	for i := range before {
		b, a := before[i], after[i]
		if a.Start != b.Start || a.End != b.End || a.Kind != b.Kind {
			t.Errorf("name %d: got %v, want %v", i, a, b)
		}
		// Margins are sums of weights, so they double too (float32
		// sums: allow rounding).
		if d := a.Margin - 2*b.Margin; d > 1e-3*b.Margin || d < -1e-3*b.Margin {
			t.Errorf("%q: margin %v, want twice %v", text[a.Start:a.End], a.Margin, b.Margin)
		}
	}
}

func TestTrain_Prune(t *testing.T) {
	all, err := entities.Train(toyCorpus(), entities.TrainOptions{Epochs: 5})
	if err != nil {
		t.Fatal(err)
	}
	some, err := entities.Train(toyCorpus(), entities.TrainOptions{Epochs: 5, Prune: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	none, err := entities.Train(toyCorpus(), entities.TrainOptions{Epochs: 5, Prune: 1e9})
	if err != nil {
		t.Fatal(err)
	}
	if !(all.Features() > some.Features() && some.Features() > 0 && none.Features() == 0) {
		t.Errorf("features: %d unpruned, %d pruned at 0.5, %d pruned at 1e9", all.Features(), some.Features(), none.Features())
	}
}

func TestTrain_RejectsMismatchedLabels(t *testing.T) {
	_, err := entities.Train([]entities.Sentence{{Words: []string{"a", "b"}, Labels: []string{"O"}}}, entities.TrainOptions{})
	if err == nil {
		t.Fatal("want an error for two words and one label")
	}
}

func TestRead_NotAModel(t *testing.T) {
	if _, err := entities.Read(strings.NewReader("hello")); !errors.Is(err, entities.ErrBadModel) {
		t.Errorf("got %v, want ErrBadModel", err)
	}
}

// TestLoadDefault_FindsUnlistedNames runs the shipped model on sentences
// whose names no gazetteer of this project lists.
func TestLoadDefault_FindsUnlistedNames(t *testing.T) {
	m, err := entities.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want []named
	}{
		// "Human Rights Watch" after "researcher at" is missed: the
		// gazetteer knows it, and Tag's known spans carry it.
		{"“The authorities must release him now,” said Sunai Phasuk, senior researcher at Human Rights Watch.",
			[]named{{"Sunai Phasuk", entities.Person}}},
		{"The American Civil Liberties Union sued the city of Phoenix on Tuesday.",
			[]named{{"American Civil Liberties Union", entities.Org}, {"Phoenix", entities.Place}}},
		{"Lawyer Carlos Castresana told reporters in Guatemala City that the court had ruled.",
			[]named{{"Carlos Castresana", entities.Person}, {"Guatemala City", entities.Place}}},
	}
	for _, tt := range tests {
		t.Run(tt.text[:20], func(t *testing.T) {
			got := namesOf(tt.text, m.Tag(tt.text, nil))
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing %v; got %v", w, got)
				}
			}
		})
	}
}

// TestTag_Concurrent shares one Model between goroutines, as the
// indexer's workers do; run it with -race.
func TestTag_Concurrent(t *testing.T) {
	m, err := entities.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile("testdata/statement.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := m.Tag(string(text), nil)
	done := make(chan []entities.Span)
	for range 4 {
		go func() { done <- m.Tag(string(text), nil) }()
	}
	for range 4 {
		if got := <-done; !slices.Equal(got, want) {
			t.Errorf("a concurrent Tag gave %d spans, want %d", len(got), len(want))
		}
	}
}

// TestTag_SpansAreWellFormed checks, with and without known spans, that
// offsets stay in the text and spans never overlap.
func TestTag_SpansAreWellFormed(t *testing.T) {
	m, s := statement(t)
	known := []entities.Span{{Start: strings.Index(s, "Hun Sen"), End: strings.Index(s, "Hun Sen") + len("Hun Sen"), Kind: entities.Person}}
	for _, spans := range [][]entities.Span{m.Tag(s, nil), m.Tag(s, known)} {
		if len(spans) == 0 {
			t.Fatal("no names found in a statement full of them")
		}
		end := 0
		for _, sp := range spans {
			if sp.Start < end || sp.End <= sp.Start || sp.End > len(s) || sp.Kind == entities.None {
				t.Fatalf("bad span %+v after offset %d", sp, end)
			}
			end = sp.End
		}
	}
}
