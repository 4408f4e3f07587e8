package indexer_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/advosearch/advosearch/corpus"
	"github.com/advosearch/advosearch/indexer"
)

// makePDF writes a minimal valid PDF: one page per element of pages, each
// line set in 11-point Helvetica from the top of an A4 page down. A nil
// page draws a filled rectangle and no text, the way a scanned page is an
// image. The cross-reference table is computed, so the file opens in any
// reader.
func makePDF(pages [][]string) []byte {
	var objs []string
	objs = append(objs, "<< /Type /Catalog /Pages 2 0 R >>", "") // 1, 2 (pages, filled below)
	widths := strings.TrimSpace(strings.Repeat("556 ", 126-32+1))
	objs = append(objs, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 126 /Widths ["+widths+"] >>") // 3
	var kids []string
	for _, lines := range pages {
		var content strings.Builder
		if lines == nil {
			content.WriteString("0.5 g 72 72 451 698 re f\n")
		}
		for i, l := range lines {
			esc := strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`).Replace(l)
			fmt.Fprintf(&content, "BT /F1 11 Tf 72 %d Td (%s) Tj ET\n", 780-14*i, esc)
		}
		stream := content.String()
		objs = append(objs, fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", len(stream), stream))
		contentRef := len(objs)
		objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", contentRef))
		kids = append(kids, fmt.Sprintf("%d 0 R", len(objs)))
	}
	// The count is padded so that a test can overwrite it in place without
	// moving the objects after it.
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %-10d >>", strings.Join(kids, " "), len(kids))

	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

func TestExtract_PDF(t *testing.T) {
	e := newExtractor(t)
	doc := makePDF([][]string{
		{
			"Human Rights Now                    Statement",
			"Japan must end the abuse of technical interns",
			"",
			"Human Rights Now (HRN) calls on the Government of Japan to abolish the",
			"Technical Intern Training Program, which the UN Special Rapporteur on",
			"trafficking in persons has described as a system of exploi-",
			"tation. Kazuko Ito, Secretary-General of HRN, said interns in Gifu",
			"",
			"1",
		},
		{
			"Human Rights Now                    Statement",
			"prefecture were dismissed without pay during the pandemic.",
			"",
			"HRN urges the Immigration Services Agency to protect them.",
			"",
			"2",
		},
	})
	st, _, err := e.Extract(corpus.Document{ID: "pdf", ContentType: corpus.TypePDF, Body: doc})
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	if st.Title != "Japan must end the abuse of technical interns" {
		t.Errorf("title: got %q", st.Title)
	}
	for _, want := range []string{
		"calls on the Government of Japan to abolish the Technical Intern Training Program, which",
		"a system of exploitation.",
		"said interns in Gifu prefecture were dismissed without pay",
	} {
		if !strings.Contains(st.Body, want) {
			t.Errorf("body lacks %q (line breaks, hyphens or the page break not re-joined):\n%s", want, st.Body)
		}
	}
	if strings.Contains(st.Body, "Statement") {
		t.Errorf("running header left in body:\n%s", st.Body)
	}
	for _, l := range strings.Split(st.Body, "\n") {
		if l == "1" || l == "2" {
			t.Errorf("page number %q left in body:\n%s", l, st.Body)
		}
	}
	if st.Source != "Human Rights Now" {
		t.Errorf("source: got %q, want Human Rights Now", st.Source)
	}
}

// A letterhead, a dateline and the title often stand on consecutive lines
// of a PDF, with no blank line between them: the dateline dates the
// statement and is no title, though it names the places the text names.
func TestExtract_PDFDatelineAboveTitle(t *testing.T) {
	e := newExtractor(t)
	doc := makePDF([][]string{{
		"LICADHO",
		"Phnom Penh, 14 June 2023",
		"Cambodia: Release detained land activists",
		"",
		"Seven land activists from Boeung Kak Lake were detained on Monday after",
		"a peaceful protest outside Phnom Penh Municipal Hall.",
	}})
	st, _, err := e.Extract(corpus.Document{ID: "pdf", ContentType: corpus.TypePDF, Body: doc})
	if err != nil {
		t.Fatal(err)
	}
	if st.Title != "Cambodia: Release detained land activists" {
		t.Errorf("title %q, want the headline under the dateline", st.Title)
	}
	if got := st.Published.Format("2006-01-02"); got != "2023-06-14" {
		t.Errorf("published %s, want the dateline's date", got)
	}
	if st.Source != "Cambodian League for the Promotion and Defense of Human Rights" {
		t.Errorf("source %q, want LICADHO of the letterhead, by its full name", st.Source)
	}
}

func TestExtract_PDFSkips(t *testing.T) {
	e := newExtractor(t)
	tests := []struct {
		name string
		body []byte
		want error
	}{
		{"scanned pages have no text", makePDF([][]string{nil, nil}), indexer.ErrNoText},
		{"not a pdf", []byte("%PDF-1.4\nthis is not a pdf at all"), indexer.ErrMalformedPDF},
		{"truncated", makePDF([][]string{{"Statement text"}})[:200], indexer.ErrMalformedPDF},
		{"page count that lies", bytes.Replace(makePDF([][]string{nil}), []byte("/Count 1         "), []byte("/Count 2000000000"), 1), indexer.ErrNoText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := e.Extract(corpus.Document{ID: "pdf", ContentType: corpus.TypePDF, Body: tt.body})
			if !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
		})
	}
}

// FuzzExtract_PDF feeds damaged PDFs to the extractor: it must return a
// statement or a skip reason, never panic.
func FuzzExtract_PDF(f *testing.F) {
	f.Add(makePDF([][]string{{"Statement", "", "Human Rights Now urges the release of Tep Vanny."}}))
	f.Add(makePDF([][]string{nil}))
	f.Add([]byte("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"))
	e, err := indexer.NewExtractor()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		st, _, err := e.Extract(corpus.Document{ID: "fuzz", ContentType: corpus.TypePDF, Body: body})
		var reason indexer.SkipReason
		if err != nil && !errors.As(err, &reason) {
			t.Fatalf("error %v is no skip reason", err)
		}
		if err == nil && st.Title == "" {
			t.Fatal("a statement without a title")
		}
	})
}
