package indexer

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"github.com/advosearch/advosearch/corpus"
	"golang.org/x/net/html/charset"
)

// Word and OpenDocument skip reasons; test for them with errors.Is. The
// detail after the reason says what is wrong: damaged, password-protected,
// too large once unpacked, or another kind of file under the name.
const (
	ErrUnreadableDOCX SkipReason = "indexer: not a readable Word document"
	ErrUnreadableODT  SkipReason = "indexer: not a readable OpenDocument text"
)

// Bounds on what one .docx or .odt may unpack to. The file itself is
// already bounded by Options.MaxDocumentBytes, but a zip entry of zeros
// compresses a thousandfold, so a 20 KB file can unpack to gigabytes.
const (
	// maxOfficeUnpacked is the most bytes read out of all the entries of
	// one file together: the default document limit, as the unpacked XML
	// is the document a text file would be. A long report's document.xml
	// is a few MB; markup is most of it.
	maxOfficeUnpacked = DefaultMaxDocumentBytes
	// maxOfficeEntries bounds the entries a file may list: a statement
	// has ten to thirty (a few hundred with images), and each listed
	// entry costs memory before any is read.
	maxOfficeEntries = 10_000
)

// officeLimits are the bounds of one read; tests lower them.
type officeLimits struct {
	unpacked int64
	entries  int
}

var defaultOfficeLimits = officeLimits{unpacked: maxOfficeUnpacked, entries: maxOfficeEntries}

// extractOffice reads a Word (.docx) or OpenDocument (.odt) file's text
// and hands it to the text extractor, paragraph by paragraph, so that the
// headline, letterhead and date line are found as in a text file.
func extractOffice(contentType string, body []byte) (extraction, error) {
	var (
		doc officeDoc
		err error
	)
	switch contentType {
	case corpus.TypeDOCX:
		doc, err = readDOCX(body, defaultOfficeLimits)
		if err != nil {
			return extraction{}, fmt.Errorf("%w: %w", ErrUnreadableDOCX, err)
		}
	case corpus.TypeODT:
		doc, err = readODT(body, defaultOfficeLimits)
		if err != nil {
			return extraction{}, fmt.Errorf("%w: %w", ErrUnreadableODT, err)
		}
	default:
		return extraction{}, fmt.Errorf("%w: %q", ErrUnknownType, contentType)
	}
	return doc.extraction()
}

// paraKind is what a paragraph's style says it is.
type paraKind int

const (
	paraBody paraKind = iota
	// paraHeading is a top-level heading (Word's "heading 1", an
	// OpenDocument heading at outline level 1).
	paraHeading
	// paraTitle is in the Title style: the author's own headline.
	paraTitle
)

type officePara struct {
	text string
	kind paraKind
}

// officeDoc is what a Word or OpenDocument reader found: the paragraphs in
// reading order (a table row is one paragraph, its cells apart by tabs),
// the footnotes and endnotes, and the document properties.
type officeDoc struct {
	paras []officePara
	notes []string
	// title, created and modified are the document properties
	// (docProps/core.xml, meta.xml). Word fills them in from templates
	// and file names, so they are fallbacks only.
	title             string
	created, modified string
}

// extraction reads the paragraphs as text and then lets the styles and the
// properties correct what text alone cannot know: a paragraph in the Title
// style is the headline even where the text heuristics would take the
// letterhead above it; the document's title property names a statement
// whose text has no headline; its dates date one whose text states none.
func (d officeDoc) extraction() (extraction, error) {
	all := make([]string, 0, len(d.paras)+len(d.notes))
	for _, p := range d.paras {
		all = append(all, p.text)
	}
	all = append(all, d.notes...)
	x, err := extractText(strings.Join(all, "\n\n"))
	if err != nil {
		return extraction{}, err
	}
	if i := d.headline(); i >= 0 {
		title := oneLine(d.paras[i].text)
		if title != x.title {
			rest := all[i+1:]
			x.title = title
			x.head = strings.Join(paragraphs(strings.Split(strings.Join(all[:i], "\n\n"), "\n")), "\n\n")
			x.body = bodyAfterTitle(paragraphs(strings.Split(strings.Join(rest, "\n\n"), "\n")), title)
			if x.body == "" {
				x.body = title
			}
		}
	} else if t := usableTitle(d.title); t != "" && !headlineLike(x.title) {
		// The text has no headline, so its title is its first sentence
		// or a cut of it; a real title property is better, and the
		// first paragraph goes back into the body.
		if !strings.HasSuffix(x.title, "…") && x.body != x.title {
			x.body = x.title + "\n\n" + x.body
		}
		x.title = t
	}
	if publishedFromText(x.title+"\n\n"+x.body).IsZero() && dateLineIn(x.head).IsZero() {
		// The same two looks complete takes, so that a date the text
		// states always wins over the file's. The last save is nearer
		// the release than the creation, which a "Save as" from last
		// month's statement keeps.
		for _, s := range []string{d.modified, d.created} {
			if t, ok := propertyDate(s); ok {
				x.published = t
				break
			}
		}
	}
	return x, nil
}

// headline returns the index of the paragraph whose style makes it the
// headline, or -1: the first in the Title style among the first paragraphs,
// or else a top-level heading that only short paragraphs (a letterhead, a
// date line, a label) come before. A heading further down heads a
// section ("Background"), not the statement.
func (d officeDoc) headline() int {
	heading, prose := -1, false
	for i, p := range d.paras[:min(len(d.paras), maxTitleSearch)] {
		t := oneLine(p.text)
		fit := t != "" && textWidth(t) <= maxTitleLen && !isDateLine(t) && !documentLabel.MatchString(t)
		switch {
		case fit && p.kind == paraTitle:
			return i
		case fit && p.kind == paraHeading && heading < 0 && !prose:
			heading = i
		}
		if len(strings.Fields(t)) >= maxLetterheadWords {
			prose = true
		}
	}
	return heading
}

// headlineLike reports whether a title the text heuristics chose reads as
// a headline, not as a sentence of the text or a cut of one.
func headlineLike(title string) bool {
	return !endsSentence(title) && len(strings.Fields(title)) < maxLetterheadWords
}

// maxLetterheadWords is the length, in words, from which a paragraph is
// running text rather than a letterhead, label or date line.
const maxLetterheadWords = 20

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// templateTitleRe matches the titles that documents inherit rather than
// are given: Word's "Microsoft Word - Document1" (what a PDF printer shows
// of an unsaved file), "Untitled 1", a file name, a template's placeholder.
var templateTitleRe = regexp.MustCompile(`(?i)^(?:microsoft word\s*-.*|untitled.*|sans titre.*|unbenannt.*|document\s*\d*|doc\d*|title|titre|titel|new document|normal|template|.*\.(?:docx?|dotx?|odt|ott|rtf|pdf))$`)

// usableTitle returns a title property worth showing, or "".
func usableTitle(t string) string {
	t = oneLine(t)
	if len(strings.Fields(t)) < 3 || textWidth(t) > maxTitleLen || templateTitleRe.MatchString(t) || documentLabel.MatchString(t) {
		return ""
	}
	return t
}

// propertyDate reads a document property's timestamp (W3CDTF, as
// "2024-03-12T08:15:00Z", or OpenDocument's without a zone). A date before
// 1990 is a clock that was never set, not a statement's.
func propertyDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if len(s) < len("2006-01-02") {
		return time.Time{}, false
	}
	t, err := time.Parse(time.DateOnly, s[:len("2006-01-02")])
	if err != nil || t.Year() < 1990 {
		return time.Time{}, false
	}
	return t, true
}

// officeZip is an opened .docx or .odt: its entries by name, and a budget
// of unpacked bytes that every read draws on.
type officeZip struct {
	files map[string]*zip.File
	left  int64
}

// errUnpackedTooLarge: the entries read so far unpack to more than the
// budget. It wraps corpus.ErrTooLarge, so it counts with oversized files.
var errUnpackedTooLarge = fmt.Errorf("%w once unpacked", corpus.ErrTooLarge)

// oleMagic starts an OLE compound file: Word and LibreOffice keep a
// password-protected .docx in one, and it is also what an old .doc is.
var oleMagic = []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")

func openOfficeZip(body []byte, lim officeLimits) (*officeZip, error) {
	if bytes.HasPrefix(body, oleMagic) {
		return nil, errors.New("password-protected or encrypted (or an old .doc under a new name)")
	}
	zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		return nil, fmt.Errorf("damaged or not a zip package: %w", err)
	}
	if len(zr.File) > lim.entries {
		return nil, fmt.Errorf("%w: %d entries, the limit is %d", corpus.ErrTooLarge, len(zr.File), lim.entries)
	}
	z := &officeZip{files: make(map[string]*zip.File, len(zr.File)), left: lim.unpacked}
	for _, f := range zr.File {
		if _, dup := z.files[f.Name]; !dup {
			z.files[f.Name] = f
		}
	}
	return z, nil
}

// decode parses the entry name with fn, reading no more than the budget
// left. A missing entry is (false, nil).
func (z *officeZip) decode(name string, fn func(*xml.Decoder) error) (bool, error) {
	f, ok := z.files[name]
	if !ok {
		return false, nil
	}
	rc, err := f.Open()
	if err != nil {
		return true, fmt.Errorf("%s: %w", name, err)
	}
	defer rc.Close()
	dec := xml.NewDecoder(&budgetReader{r: rc, left: &z.left})
	// Word writes UTF-8, but the format allows UTF-16.
	dec.CharsetReader = charset.NewReaderLabel
	if err := fn(dec); err != nil {
		if errors.Is(err, errUnpackedTooLarge) {
			return true, fmt.Errorf("%w: over %d bytes", err, maxOfficeUnpacked)
		}
		return true, fmt.Errorf("%s: %w", name, err)
	}
	return true, nil
}

// text returns the entry name as a string, read within the budget.
func (z *officeZip) text(name string) (string, error) {
	f, ok := z.files[name]
	if !ok {
		return "", nil
	}
	rc, err := f.Open()
	if err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(&budgetReader{r: rc, left: &z.left})
	if err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	return string(b), nil
}

// budgetReader fails with errUnpackedTooLarge once left runs out, rather
// than ending early, so that a cut document is never taken for a whole one.
type budgetReader struct {
	r    io.Reader
	left *int64
}

func (b *budgetReader) Read(p []byte) (int, error) {
	if *b.left <= 0 {
		return 0, errUnpackedTooLarge
	}
	if int64(len(p)) > *b.left {
		p = p[:*b.left]
	}
	n, err := b.r.Read(p)
	*b.left -= int64(n)
	return n, err
}

// officeText collects paragraphs as a reader walks a document's XML. Open
// paragraphs form a stack, since a text box or a footnote opens one inside
// another; table rows collect the paragraphs of their cells.
type officeText struct {
	paras []officePara
	notes []string
	open  []*openPara
	rows  []*openRow
	// inNote counts the notes the walk is inside (OpenDocument writes a
	// footnote's text where it is cited).
	inNote int
}

type openPara struct {
	b    strings.Builder
	kind paraKind
	row  *openRow // the row whose cell it is in, if any
	note bool
}

type openRow struct {
	cells []string
}

func (t *officeText) startPara(kind paraKind) {
	p := &openPara{kind: kind, note: t.inNote > 0}
	if n := len(t.rows); n > 0 {
		p.row = t.rows[n-1]
	}
	t.open = append(t.open, p)
}

// write adds text to the innermost open paragraph; text outside any
// paragraph is not part of the document's flow and is dropped.
func (t *officeText) write(s string) {
	if n := len(t.open); n > 0 {
		t.open[n-1].b.WriteString(s)
	}
}

// setKind says what the innermost open paragraph is, once its style is
// read.
func (t *officeText) setKind(k paraKind) {
	if n := len(t.open); n > 0 {
		t.open[n-1].kind = k
	}
}

func (t *officeText) endPara() {
	n := len(t.open)
	if n == 0 {
		return
	}
	p := t.open[n-1]
	t.open = t.open[:n-1]
	text := strings.TrimSpace(p.b.String())
	switch {
	case text == "":
	case p.row != nil && len(p.row.cells) > 0:
		// A cell of several paragraphs is one piece of the row.
		last := &p.row.cells[len(p.row.cells)-1]
		*last = strings.TrimSpace(*last + " " + text)
	case p.note:
		t.notes = append(t.notes, text)
	default:
		t.paras = append(t.paras, officePara{text: text, kind: p.kind})
	}
}

func (t *officeText) startRow() { t.rows = append(t.rows, &openRow{}) }

func (t *officeText) startCell() {
	if n := len(t.rows); n > 0 {
		t.rows[n-1].cells = append(t.rows[n-1].cells, "")
	}
}

// endRow ends a table row as one paragraph, its cells apart by tabs, so
// that a row reads as a line of the table. A row of a table nested in a
// cell becomes part of that cell.
func (t *officeText) endRow() {
	n := len(t.rows)
	if n == 0 {
		return
	}
	row := t.rows[n-1]
	t.rows = t.rows[:n-1]
	var cells []string
	for _, c := range row.cells {
		if c != "" {
			cells = append(cells, c)
		}
	}
	if len(cells) == 0 {
		return
	}
	t.startPara(paraBody)
	t.write(strings.Join(cells, "\t"))
	t.endPara()
}

// errStopTokens, returned by eachToken's fn, ends the walk without error.
var errStopTokens = errors.New("indexer: stop reading tokens")

// eachToken calls fn with each token of a part until its end, or until fn
// returns an error.
func eachToken(dec *xml.Decoder, fn func(xml.Token) error) error {
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if err := fn(tok); err != nil {
			if errors.Is(err, errStopTokens) {
				return nil
			}
			return err
		}
	}
}

// eachStartIn reads the element just opened to its end, calling fn with
// each element inside it.
func eachStartIn(dec *xml.Decoder, fn func(xml.StartElement)) error {
	for depth := 1; depth > 0; {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch e := tok.(type) {
		case xml.StartElement:
			depth++
			fn(e)
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

// xmlAttr returns the value of the attribute local (in any namespace).
func xmlAttr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
