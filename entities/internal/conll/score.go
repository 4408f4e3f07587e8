package conll

import (
	"fmt"
	"io"
	"strings"

	"github.com/advosearch/advosearch/entities"
)

// Counts are true positives, false positives and false negatives.
type Counts struct{ TP, FP, FN int }

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	if 2*c.TP+c.FP+c.FN == 0 {
		return 1
	}
	return 2 * float64(c.TP) / float64(2*c.TP+c.FP+c.FN)
}

// Precision is TP/(TP+FP).
func (c Counts) Precision() float64 { return frac(c.TP, c.TP+c.FP) }

// Recall is TP/(TP+FN).
func (c Counts) Recall() float64 { return frac(c.TP, c.TP+c.FN) }

func frac(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Score compares predicted and gold labels per kind: token counts (a token
// is right when its kind is, B or I aside) and entity counts (a name is
// right when its words and kind match exactly, as in CoNLL scoring).
type Score struct {
	Token, Entity map[entities.Kind]*Counts
}

// NewScore returns an empty score.
func NewScore() Score {
	s := Score{Token: map[entities.Kind]*Counts{}, Entity: map[entities.Kind]*Counts{}}
	for _, k := range []entities.Kind{entities.Person, entities.Org, entities.Place} {
		s.Token[k], s.Entity[k] = &Counts{}, &Counts{}
	}
	return s
}

// Add scores one sentence.
func (s Score) Add(gold, got []string) {
	for i := range gold {
		g, p := kindOf(gold[i]), kindOf(got[i])
		if g == p {
			if g != entities.None {
				s.Token[g].TP++
			}
			continue
		}
		if p != entities.None {
			s.Token[p].FP++
		}
		if g != entities.None {
			s.Token[g].FN++
		}
	}
	gs, ps := spans(gold), spans(got)
	for sp := range ps {
		if gs[sp] {
			s.Entity[sp.kind].TP++
		} else {
			s.Entity[sp.kind].FP++
		}
	}
	for sp := range gs {
		if !ps[sp] {
			s.Entity[sp.kind].FN++
		}
	}
}

type span struct {
	from, to int
	kind     entities.Kind
}

func kindOf(label string) entities.Kind {
	if len(label) < 3 {
		return entities.None
	}
	return entities.KindOf(label[2:])
}

// spans reads names from labels, IOB1 or IOB2 alike: a name starts at B-,
// or at I- after a word of another kind.
func spans(labels []string) map[span]bool {
	out := map[span]bool{}
	for i := 0; i < len(labels); i++ {
		k := kindOf(labels[i])
		if k == entities.None {
			continue
		}
		j := i + 1
		for j < len(labels) && kindOf(labels[j]) == k && !strings.HasPrefix(labels[j], "B-") {
			j++
		}
		out[span{i, j, k}] = true
		i = j - 1
	}
	return out
}

// Write prints the score as a table.
func (s Score) Write(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%-6s %9s %7s %6s   %9s %7s %6s\n", "kind", "token P", "R", "F1", "entity P", "R", "F1")
	var tt, te Counts
	for _, k := range []entities.Kind{entities.Person, entities.Org, entities.Place} {
		t, e := *s.Token[k], *s.Entity[k]
		fmt.Fprintf(&b, "%-6s %9.3f %7.3f %6.3f   %9.3f %7.3f %6.3f\n", k, t.Precision(), t.Recall(), t.F1(), e.Precision(), e.Recall(), e.F1())
		tt.TP, tt.FP, tt.FN = tt.TP+t.TP, tt.FP+t.FP, tt.FN+t.FN
		te.TP, te.FP, te.FN = te.TP+e.TP, te.FP+e.FP, te.FN+e.FN
	}
	fmt.Fprintf(&b, "%-6s %9.3f %7.3f %6.3f   %9.3f %7.3f %6.3f\n", "all", tt.Precision(), tt.Recall(), tt.F1(), te.Precision(), te.Recall(), te.F1())
	_, err := io.WriteString(w, b.String())
	return err
}
