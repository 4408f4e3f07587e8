package indexer

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/advosearch/advosearch/corpus"
	"github.com/advosearch/advosearch/entities"
	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/quotes"
)

// SkipReason says why a document cannot become a statement. Skips are
// expected in a real corpus: the caller counts and reports them, and indexes
// the rest of the batch.
type SkipReason string

func (r SkipReason) Error() string { return string(r) }

// Skip reasons returned (wrapped) by Extract; test for them with errors.Is.
const (
	// ErrBinary: the bytes hold NULs or are mostly control characters.
	ErrBinary SkipReason = "indexer: binary data, not text"
	// ErrEmpty: nothing readable is left once markup and site chrome are gone.
	ErrEmpty SkipReason = "indexer: no text after extraction"
	// ErrMalformedHTML: the HTML parser refuses the page (it is nested more
	// than 512 elements deep, a limit golang.org/x/net/html keeps against
	// quadratic parsing).
	ErrMalformedHTML SkipReason = "indexer: html the parser refuses"
	// ErrMalformedRecord: a JSONL line is not a valid JSON record.
	ErrMalformedRecord SkipReason = "indexer: malformed record"
	// ErrUnknownType: the content type is none of the corpus.Type* constants.
	ErrUnknownType SkipReason = "indexer: unknown content type"
)

// Extractor turns raw documents into statements. It holds the name
// recognizer (gazetteer and tagger), loaded once; it is read-only after
// NewExtractor, so one Extractor may be used from many goroutines at once.
type Extractor struct {
	names *entities.Recognizer
	// letterheads reads the text above a headline with the gazetteer and
	// the rules alone: it is site chrome or a letterhead, not prose for
	// the tagger.
	letterheads *entities.Recognizer
}

// NewExtractor loads the embedded gazetteer and name tagger model (about
// 0.1 s: make one Extractor and share it). An error means a file shipped
// with the binary is broken, which is a build fault.
func NewExtractor() (*Extractor, error) {
	m, err := entities.LoadDefault()
	if err != nil {
		return nil, fmt.Errorf("indexer: %w", err)
	}
	r, err := entities.NewRecognizer(m)
	if err != nil {
		return nil, fmt.Errorf("indexer: %w", err)
	}
	return &Extractor{names: r, letterheads: r.RulesOnly()}, nil
}

// extraction is what a format-specific extractor found before the shared
// steps (dates, entities, source, language) run over it. Fields that the
// format cannot give stay zero.
type extraction struct {
	title     string
	body      string
	url       string
	source    string
	published time.Time
	// head is the text above the headline: a letterhead, a date line, or
	// the site's header. It is no part of the body, but a letterhead names
	// the issuer and a date line above the title dates the statement.
	head string
	// siteNames are publisher names the page chrome gave away (an image
	// credit such as "Content image - Phnom Penh Post"), before the chrome
	// was dropped from the body.
	siteNames []string
	// note says what reading the bytes had to guess (decodeText).
	note string
	// author is the front matter's author field, an organization or not;
	// byline its byline field.
	author, byline string
}

// Extract turns one raw document into a statement. It fills Title, Body, URL,
// Source, Published, Dates, Organizations, People, Places, Names, Lang and
// Quotes; ID, Origin and Hash are the caller's. A document that cannot be a statement
// yields an error wrapping one of the SkipReason values. note, when not
// empty, says what reading the document had to guess, for the person who
// indexes it: a character set it did not declare.
func (e *Extractor) Extract(doc corpus.Document) (st index.Statement, note string, err error) {
	x, err := extract(doc)
	if err != nil {
		return index.Statement{}, "", fmt.Errorf("indexer: extract %s: %w", doc.ID, err)
	}
	return e.complete(x), x.note, nil
}

func extract(doc corpus.Document) (extraction, error) {
	switch doc.ContentType {
	case corpus.TypeJSONL:
		return extractRecord(doc.Body)
	case corpus.TypePDF:
		return extractPDF(doc.Body)
	case corpus.TypeDOCX, corpus.TypeODT:
		return extractOffice(doc.ContentType, doc.Body)
	case corpus.TypeText, corpus.TypeMD, corpus.TypeHTML:
	default:
		return extraction{}, fmt.Errorf("%w: %q", ErrUnknownType, doc.ContentType)
	}
	text, note, err := decodeText(doc.Body, doc.ContentType)
	if err != nil {
		return extraction{}, err
	}
	var x extraction
	if doc.ContentType == corpus.TypeHTML {
		x, err = extractHTML(text)
	} else {
		x, err = extractPlain(text, doc.ContentType == corpus.TypeMD)
	}
	x.note = note
	return x, err
}

// extractPlain reads plain text or Markdown, with the front matter that
// static sites put above it: its title, date, source and link win over what
// the text suggests, as a record's fields do.
func extractPlain(text string, markdown bool) (extraction, error) {
	fm, text := splitFrontMatter(text)
	if markdown {
		text = stripMarkdown(text)
	}
	if fm.title == "" {
		x, err := extractText(text)
		fm.fill(&x)
		return x, err
	}
	x, err := extractTextTitled(text, fm.title)
	fm.fill(&x)
	return x, err
}

// extractRecord reads one JSONL line. The record's own fields win over what
// extraction finds, because whoever split the statement into fields knew
// more than a heuristic does.
// Invalid UTF-8 inside its strings needs no repair here: encoding/json
// already decodes it to U+FFFD.
func extractRecord(line []byte) (extraction, error) {
	var rec corpus.Record
	if err := json.Unmarshal(line, &rec); err != nil {
		return extraction{}, fmt.Errorf("%w: %w", ErrMalformedRecord, err)
	}
	read, raw := extractText, rec.Body
	if t := strings.TrimSpace(rec.Title); t != "" {
		// The record names its title, so the body is body from its first
		// line: no paragraph of it is taken for a headline and dropped
		// with what stands above it.
		read = func(text string) (extraction, error) {
			if strings.TrimSpace(text) == "" {
				return extraction{}, ErrEmpty // a title alone is no statement
			}
			return extractTextTitled(text, t)
		}
	}
	if strings.TrimSpace(rec.HTML) != "" {
		read, raw = extractHTML, rec.HTML
	}
	// JSON escapes can smuggle NULs and control characters into a string,
	// so the decoded text gets the same check as a file's bytes.
	// It is valid UTF-8 already, so there is nothing to note.
	text, _, err := decodeText([]byte(raw), corpus.TypeJSONL)
	if err != nil {
		return extraction{}, err
	}
	x, err := read(text)
	if err != nil {
		return extraction{}, err
	}
	if t := strings.TrimSpace(rec.Title); t != "" {
		x.title = t
	}
	if u := strings.TrimSpace(rec.URL); u != "" {
		x.url = u
	}
	if s := strings.TrimSpace(rec.Source); s != "" {
		x.source = s
	}
	if p := strings.TrimSpace(rec.Published); p != "" {
		t, ok := parseDate(p)
		if !ok {
			return extraction{}, fmt.Errorf("%w: published %q is not a date", ErrMalformedRecord, p)
		}
		x.published = t
	}
	return x, nil
}

// complete runs the steps shared by every format over an extraction.
func (e *Extractor) complete(x extraction) index.Statement {
	if head, site, ok := cutSiteName(x.title); ok {
		// "Headline — Asian Human Rights Commission": a <title> whose
		// tail is a known organization names the publisher.
		if org, known := e.names.KnownOrg(site); known {
			x.title = head
			if x.source == "" {
				x.source = org
			}
		} else if siteTail(x.title, head, site) {
			// "Headline - MediaKhmer", "Headline | Harbour Times": a
			// tail shaped as only a site's name is.
			x.title = head
			if x.source == "" {
				x.source = site
			}
		}
	}
	text := x.title + "\n\n" + x.body
	if x.published.IsZero() {
		x.published = publishedFromText(text)
	}
	if x.published.IsZero() && x.head != "" {
		// Only a date on a line of its own or after a "Date:" label above
		// the title: the head of a scraped page is site chrome, whose
		// running text may mention any date.
		x.published = dateLineIn(x.head)
		if x.published.IsZero() {
			// "By Ana Ruiz | 14 March 2023" above the headline.
			x.published = bylineDate(x.head)
		}
	}
	// The body is the main text: site chrome was cut by the format's
	// extractor, so the tagger never reads menus and footers.
	ents := e.names.Find(text)
	return index.Statement{
		Title:         x.title,
		Body:          x.body,
		URL:           x.url,
		Source:        e.source(x, text, ents),
		Published:     x.published,
		Dates:         mentionedDates(text),
		Organizations: ents.Canonical(entities.Org),
		People:        ents.Canonical(entities.Person),
		Places:        ents.Canonical(entities.Place),
		Names: index.Names{
			Organizations: ents.Surfaces(entities.Org, text),
			People:        ents.Surfaces(entities.Person, text),
			Places:        ents.Surfaces(entities.Place, text),
		},
		Lang:   detectLang(text),
		Quotes: quotesIn(text, len(text)-len(x.body), ents),
	}
}

// quotesIn finds the quotations of the body, which starts at offset from
// of text, with speakers resolved through the names found in text: the
// recognizer reads each statement once. The title is read as context
// ("Socorro Aceros" there is who "esta mujer" is) but gives no quotation.
func quotesIn(text string, from int, ents entities.Names) []index.Quote {
	found := quotes.Extract(text, ents)
	found = slices.DeleteFunc(found, func(q quotes.Quote) bool { return q.Start < from })
	if len(found) == 0 {
		return nil
	}
	out := make([]index.Quote, len(found))
	for i, q := range found {
		out[i] = index.Quote{Text: q.Text, Speaker: q.Speaker, Sentence: q.Sentence}
	}
	return out
}

// source names the issuing organization, by the name the text gives it
// where the text spells out what the metadata abbreviates (an author field
// "IRFS" over a text that writes "Institute for Reporters' Freedom and
// Safety (IRFS)"): the facet then holds one name for both.
func (e *Extractor) source(x extraction, text string, ents entities.Names) string {
	org := e.issuer(x, text, ents)
	for _, n := range ents {
		if n.Kind == entities.Org && text[n.Start:n.End] == org {
			return n.Canonical
		}
	}
	return org
}

// issuer names the issuing organization: the publisher the metadata gives,
// else the site's host if the gazetteer knows it, else the letterhead, else
// the organization a "statement by" line names, else a credit line, else a
// signature, else a publication naming itself ("as X went to press"), else the organization
// the text shows speaking, else the bare host.
func (e *Extractor) issuer(x extraction, text string, ents entities.Names) string {
	if x.source != "" {
		return e.names.CanonicalOrg(x.source)
	}
	host := hostOf(x.url)
	if org, ok := e.knownSite(host); ok {
		return org
	}
	if org, ok := e.authorOrg(x.author, text); ok {
		return org
	}
	if org, ok := e.bylineOrg(x.byline); ok {
		return org
	}
	if org := letterhead(text, ents); org != "" {
		return org
	}
	if x.head != "" {
		// Above the headline: a letterhead the title was not set under
		// ("LICADHO", then the dateline, then the title).
		if org := letterhead(x.head, e.letterheads.Find(x.head)); org != "" {
			return org
		}
		// "Harbour Rights Network Press release": the head's lines run
		// together, and the name is read alone.
		if h, ok := beforeLabel(strings.TrimSpace(x.head)); ok {
			if org := soleOrg(h, 0, len(h), e.letterheads.Find(h)); org != "" {
				return org
			}
		}
	}
	if org := issuerNamed(text, ents); org != "" {
		return org
	}
	if org := creditedSource(text); org != "" {
		return e.names.CanonicalOrg(org)
	}
	if org := signedBy(text, ents); org != "" {
		return org
	}
	if org := pressSelf(text); org != "" {
		return e.names.CanonicalOrg(org)
	}
	if org := inferSource(text, x.siteNames, ents); org != "" {
		return e.names.CanonicalOrg(org)
	}
	return host
}
