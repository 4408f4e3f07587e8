package indexer

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/ledongthuc/pdf"
)

// PDF skip reasons; test for them with errors.Is.
const (
	// ErrNoText: the PDF has pages but no text layer, as a scanned
	// statement has (its words are pictures; OCR is not done here).
	ErrNoText SkipReason = "indexer: pdf without text (a scan?)"
	// ErrMalformedPDF: the PDF reader refuses the file (damaged, encrypted,
	// or not a PDF).
	ErrMalformedPDF SkipReason = "indexer: pdf the reader refuses"
)

// extractPDF reads the text layer of a PDF page by page and hands it to the
// text extractor, which re-joins the hard line breaks and hyphenated words
// and drops the page numbers and running headers; a form feed ends each page
// so that it knows the text has pages.
func extractPDF(body []byte) (extraction, error) {
	pages, err := pdfPages(body)
	if err != nil {
		return extraction{}, err
	}
	text := strings.Join(pages, "\f\n")
	if strings.IndexFunc(text, isLetter) < 0 {
		return extraction{}, ErrNoText
	}
	return extractText(text + "\f")
}

// pdfPages returns the text of each page, lines in reading order.
// The reader panics on some damaged files; that is recovered into
// ErrMalformedPDF, since one bad file must not stop an indexing run.
func pdfPages(body []byte) (pages []string, err error) {
	defer func() {
		if r := recover(); r != nil {
			pages, err = nil, fmt.Errorf("%w: %v", ErrMalformedPDF, r)
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrMalformedPDF, err)
	}
	// The page count is whatever the file declares: a damaged or hostile
	// file may claim billions. Pages are read until the first missing one,
	// and no more than maxPDFPages.
	n := min(r.NumPage(), maxPDFPages)
	if n <= 0 {
		return nil, fmt.Errorf("%w: no pages", ErrMalformedPDF)
	}
	for i := 1; i <= n; i++ {
		p := r.Page(i)
		if p.V.IsNull() {
			break
		}
		pages = append(pages, pageLines(p.Content().Text))
	}
	if len(pages) == 0 {
		return nil, fmt.Errorf("%w: no pages", ErrMalformedPDF)
	}
	return pages, nil
}

// maxPDFPages bounds the pages read from one PDF; an advocacy statement or
// report has tens, a book a few hundred.
const maxPDFPages = 2000

// Layout thresholds, as shares of the font size: pieces of text closer in
// height than lineTolerance sit on one line; a horizontal gap wider than
// wordGap separates two words. The reader gives glyphs with their positions
// but not the spaces between words, which is why its plain text runs words
// together.
// A vertical gap wider than paragraphGap (a skipped line, at the usual
// leading of 1.2 to 1.4) ends a paragraph: PDFs draw no blank lines.
const (
	lineTolerance = 0.5
	wordGap       = 0.15
	paragraphGap  = 1.8
)

// pageLines puts a page's glyphs back into lines, top to bottom, with spaces
// where the gaps between glyphs are word gaps.
func pageLines(texts []pdf.Text) string {
	type line struct {
		y     float64
		size  float64
		glyph []pdf.Text
	}
	var lines []*line
	for _, t := range texts {
		if t.S == "" {
			continue
		}
		size := max(t.FontSize, 1)
		i := slices.IndexFunc(lines, func(l *line) bool { return math.Abs(l.y-t.Y) < lineTolerance*size })
		if i < 0 {
			lines = append(lines, &line{y: t.Y, size: size})
			i = len(lines) - 1
		}
		lines[i].glyph = append(lines[i].glyph, t)
	}
	slices.SortStableFunc(lines, func(a, b *line) int { return cmpFloat(b.y, a.y) })
	var out strings.Builder
	for i, l := range lines {
		if i > 0 && lines[i-1].y-l.y > paragraphGap*l.size {
			out.WriteByte('\n')
		}
		slices.SortStableFunc(l.glyph, func(a, b pdf.Text) int { return cmpFloat(a.X, b.X) })
		end := math.Inf(-1)
		for _, g := range l.glyph {
			// Spaces, tabs and line breaks drawn as glyphs are left to
			// the gaps to say: some writers draw a line break a hair to
			// the right of the next word's first letter ("H ealth").
			text := strings.Map(func(r rune) rune {
				if unicode.IsControl(r) {
					return ' '
				}
				return r
			}, g.S)
			if strings.TrimSpace(text) == "" {
				continue
			}
			if g.X-end > wordGap*l.size && end != math.Inf(-1) && !strings.HasSuffix(out.String(), " ") && !strings.HasPrefix(text, " ") {
				out.WriteByte(' ')
			}
			out.WriteString(text)
			end = g.X + g.W
		}
		out.WriteByte('\n')
	}
	return out.String()
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
