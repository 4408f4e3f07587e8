package indexer

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/advosearch/advosearch/corpus"
)

// speakerCase is a case of quotes/testdata: a statement and its quotations
// with their speakers, labelled by hand.
type speakerCase struct {
	Name   string `json:"name"`
	Seed   string `json:"seed"`
	Text   string `json:"text"`
	Quotes []struct {
		Text    string `json:"text"`
		Speaker string `json:"speaker"`
	} `json:"quotes"`
}

// TestSpeakers_FromExtractedNames scores quote speakers the way the
// pipeline finds them: through Extract, from the names this package's
// recognizer found in the statement's title and body. It logs the
// accuracy with the rules alone and with the tagger, and fails if the
// tagger makes speakers worse.
func TestSpeakers_FromExtractedNames(t *testing.T) {
	full, err := NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	rulesOnly := &Extractor{names: full.letterheads, letterheads: full.letterheads}
	for _, file := range []string{"gold.json", "dev.json", "test.json"} {
		t.Run(file, func(t *testing.T) {
			cases := readSpeakerCases(t, file)
			before := speakerAccuracy(t, rulesOnly, cases)
			after := speakerAccuracy(t, full, cases)
			t.Logf("speaker accuracy on matched quotations: rules %.3f, rules and tagger %.3f", before, after)
			if after < before {
				t.Errorf("the tagger makes speakers worse: %.3f, rules alone %.3f", after, before)
			}
		})
	}
}

func readSpeakerCases(t *testing.T, file string) []speakerCase {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "quotes", "testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	var g struct {
		Cases []speakerCase `json:"cases"`
	}
	if err := json.Unmarshal(raw, &g); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	for i, c := range g.Cases {
		if c.Seed == "" {
			continue
		}
		body, err := os.ReadFile(filepath.Join("..", "corpus", "seeds", c.Seed+".txt"))
		if err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		g.Cases[i].Text = string(body)
	}
	return g.Cases
}

// speakerAccuracy is the share of gold quotations, among those Extract
// finds (80% of their words shared), whose speaker is right.
func speakerAccuracy(t *testing.T, e *Extractor, cases []speakerCase) float64 {
	matched, right := 0, 0
	for _, c := range cases {
		st, _, err := e.Extract(corpus.Document{ID: c.Name, ContentType: corpus.TypeText, Body: []byte(c.Text)})
		if err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		got := st.Quotes
		used := make([]bool, len(got))
		for _, want := range c.Quotes {
			for i, q := range got {
				if !used[i] && wordOverlap(q.Text, want.Text) >= 0.8 {
					used[i] = true
					matched++
					// The labels name organizations as the statements do
					// ("LICADHO"); extraction gives the gazetteer's name.
					if q.Speaker == want.Speaker || q.Speaker == e.names.CanonicalOrg(want.Speaker) {
						right++
					} else if testing.Verbose() {
						t.Logf("%s: %.40q: speaker %q, want %q", c.Name, want.Text, q.Speaker, want.Speaker)
					}
					break
				}
			}
		}
	}
	return ratio(right, matched)
}

// wordOverlap is the share of words two quotations share, over the longer.
func wordOverlap(a, b string) float64 {
	split := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	wa, wb := split(a), split(b)
	count := map[string]int{}
	for _, w := range wa {
		count[w]++
	}
	common := 0
	for _, w := range wb {
		if count[w] > 0 {
			count[w]--
			common++
		}
	}
	return ratio(common, max(len(wa), len(wb)))
}
