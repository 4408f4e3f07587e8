package indexer

import (
	"testing"

	"github.com/ledongthuc/pdf"
)

func TestPageLines_wordsFromGaps(t *testing.T) {
	glyphs := func(x float64, s string) []pdf.Text {
		var out []pdf.Text
		for _, r := range s {
			w := 6.0
			if r == ' ' {
				w = 3
			}
			out = append(out, pdf.Text{FontSize: 10.8, X: x, Y: 700, W: w, S: string(r)})
			x += w
		}
		return out
	}
	tests := []struct {
		name  string
		texts []pdf.Text
		want  string
	}{
		{"a space glyph and a line break drawn a hair right of the next letter",
			append(append(glyphs(57.6, "Re: "), pdf.Text{FontSize: 10.8, X: 81.61, Y: 700, S: "\n"}), glyphs(81.6, "Health bill")...),
			"Re: Health bill\n"},
		{"no space glyph, a gap", append(glyphs(50, "Human"), glyphs(84, "Rights")...), "Human Rights\n"},
		{"a tab glyph", append(append(glyphs(50, "Date:"), pdf.Text{FontSize: 10.8, X: 80, Y: 700, W: 20, S: "\t"}), glyphs(100, "12 June")...), "Date: 12 June\n"},
	}
	for _, tt := range tests {
		if got := pageLines(tt.texts); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}
