package quotes_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/advosearch/advosearch/quotes"
)

// Floors for the measurement against testdata/gold.json, set just under what
// Extract reached when they were set (see the log of TestExtract_Gold). Raise
// them when Extract improves; never lower them to let a change through.
const (
	minPrecision       = 0.95
	minRecall          = 0.95
	minSpeakerAccuracy = 0.95
)

// goldFile is testdata/gold.json: statements with their quotations and
// speakers, labelled by hand from the text.
type goldFile struct {
	Cases []goldCase `json:"cases"`
}

type goldCase struct {
	Name   string      `json:"name"`
	Seed   string      `json:"seed"` // a file of ../corpus/seeds, without .txt
	Text   string      `json:"text"` // or the statement itself
	People []string    `json:"people"`
	Orgs   []string    `json:"orgs"`
	Quotes []goldQuote `json:"quotes"`
}

type goldQuote struct {
	Text    string `json:"text"`
	Speaker string `json:"speaker"`
}

func loadGold(t testing.TB) []goldCase {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var g goldFile
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatalf("testdata/gold.json: %v", err)
	}
	for i, c := range g.Cases {
		if c.Seed == "" {
			continue
		}
		body, err := os.ReadFile(filepath.Join("..", "corpus", "seeds", c.Seed+".txt"))
		if err != nil {
			t.Fatalf("gold case %s: %v", c.Name, err)
		}
		g.Cases[i].Text = string(body)
	}
	return g.Cases
}

// normWords lower-cases s and splits it into words of letters and digits,
// so that punctuation, white space and line breaks do not count.
func normWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// overlap is the share of words two quotations have in common, over the
// longer one.
func overlap(a, b string) float64 {
	wa, wb := normWords(a), normWords(b)
	if len(wa) == 0 || len(wb) == 0 {
		return 0
	}
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
	return float64(common) / float64(max(len(wa), len(wb)))
}

// TestExtract_Gold measures quotation precision and recall and speaker
// accuracy against the hand-labelled gold data. A predicted quotation
// matches a gold one when their normalised words overlap by 80% or more.
func TestExtract_Gold(t *testing.T) {
	var predicted, gold, matched, speakerOK int
	for _, c := range loadGold(t) {
		got := quotes.Extract(c.Text, c.People, c.Orgs)
		predicted += len(got)
		gold += len(c.Quotes)
		used := make([]bool, len(got))
		for _, want := range c.Quotes {
			found := -1
			for i, q := range got {
				if !used[i] && overlap(q.Text, want.Text) >= 0.8 {
					found = i
					break
				}
			}
			if found < 0 {
				t.Logf("%s: missed %q (%s)", c.Name, want.Text, want.Speaker)
				continue
			}
			used[found] = true
			matched++
			if got[found].Speaker == want.Speaker {
				speakerOK++
			} else {
				t.Logf("%s: %q: speaker got %q, want %q", c.Name, want.Text, got[found].Speaker, want.Speaker)
			}
		}
		for i, q := range got {
			if !used[i] {
				t.Logf("%s: extra %q (%s)", c.Name, q.Text, q.Speaker)
			}
		}
	}
	precision := ratio(matched, predicted)
	recall := ratio(matched, gold)
	speaker := ratio(speakerOK, matched)
	t.Logf("gold quotations %d, predicted %d, matched %d, speaker right %d", gold, predicted, matched, speakerOK)
	t.Logf("precision %.3f, recall %.3f, speaker accuracy %.3f", precision, recall, speaker)
	if precision < minPrecision {
		t.Errorf("precision %.3f, want ≥ %.2f", precision, minPrecision)
	}
	if recall < minRecall {
		t.Errorf("recall %.3f, want ≥ %.2f", recall, minRecall)
	}
	if speaker < minSpeakerAccuracy {
		t.Errorf("speaker accuracy %.3f, want ≥ %.2f", speaker, minSpeakerAccuracy)
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}
