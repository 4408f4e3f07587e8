package web

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/advosearch/advosearch/search"
	"github.com/labstack/echo/v4"
)

// citation is what a journalist needs to attribute a quotation, or a
// researcher to list a statement among their references. Empty parts are
// left out of the text.
type citation struct {
	Speaker   string
	Quote     string
	Source    string
	Title     string
	Published time.Time
	URL       string
	// Permalink is our page of the statement, cited when it has no URL of
	// its own: a file indexed from disk is still a page people can open.
	Permalink string
	// Accessed, when set, makes the citation a reference to a web page as
	// read on that day, as the citation styles want one: it ends with the
	// day, and an unknown publication date is written "n.d." rather than
	// left out, so that a reader knows it was looked for. The citer sets
	// it in every citation we give.
	Accessed time.Time
}

// link is the address the citation points readers to: the statement's own
// URL, else our permalink.
func (c citation) link() string {
	if u := strings.TrimSpace(c.URL); u != "" {
		return u
	}
	return strings.TrimSpace(c.Permalink)
}

// noDate is how the styles write an unknown publication date.
const noDate = "n.d."

// String is the citation as plain text, ready to paste, the style of the
// results, the quotes tab and the API:
//
//	Hun Sen, “The Ministry … not Khmers,” Phnom Penh Post, “PM says NGO ‘must close’,” 27 November 2017, https://…
//
// The quotation and the title go in typographic double quotes, with the
// comma that follows them inside (the American convention newsrooms use);
// double quotes inside them become single ones. A missing part is left out
// with its comma, so there is never an empty slot or a dangling separator.
func (c citation) String() string {
	type part struct {
		text   string
		quoted bool
	}
	var parts []part
	add := func(text string, quoted bool) {
		if text = strings.TrimSpace(text); text != "" {
			parts = append(parts, part{text, quoted})
		}
	}
	add(c.Speaker, false)
	add(innerQuotes(c.Quote), true)
	add(c.Source, false)
	add(innerQuotes(c.Title), true)
	switch {
	case !c.Published.IsZero():
		add(humanDate(c.Published), false)
	case !c.Accessed.IsZero():
		add(noDate, false)
	}
	add(c.link(), false)
	if !c.Accessed.IsZero() {
		add("accessed "+humanDate(c.Accessed), false)
	}

	var b strings.Builder
	for i, p := range parts {
		last := i == len(parts)-1
		switch {
		case p.quoted && last:
			b.WriteString("“" + p.text + "”")
		case p.quoted && strings.ContainsAny(lastRune(p.text), "?!"):
			// “Why?” needs no comma after it.
			b.WriteString("“" + p.text + "” ")
		case p.quoted:
			b.WriteString("“" + strings.TrimRight(p.text, ".,;:") + ",” ")
		case last:
			b.WriteString(p.text)
		default:
			b.WriteString(p.text + ", ")
		}
	}
	return b.String()
}

// Date layouts of the reference styles, which spell the month out and put
// it first.
const (
	layoutAPA     = "2006, January 2"
	layoutChicago = "January 2, 2006"
)

// untitled stands for a missing title in the reference styles, in the
// brackets they put around a description.
const untitled = "[Untitled statement]"

// APA is the citation as a reference in APA style (7th edition) for a web
// page: author, date, title, and where and when it was retrieved. The
// publisher is the author, as for an organization's own page, so it is not
// repeated as the site; with no publisher the title takes the author's
// place. Plain text cannot carry the title's italics. The speaker and the
// quotation are no part of a reference: the text that quotes them does.
//
//	Human Rights Watch. (2017, November 16). Cambodia: Supreme Court dissolves the opposition. Retrieved December 5, 2026, from https://…
func (c citation) APA() string {
	date := "(" + noDate + ")"
	if !c.Published.IsZero() {
		date = "(" + c.Published.UTC().Format(layoutAPA) + ")"
	}
	title := orText(c.Title, untitled)
	var parts []string
	if source := strings.TrimSpace(c.Source); source != "" {
		parts = append(parts, endSentence(source), date+".", endSentence(title))
	} else {
		parts = append(parts, endSentence(title), date+".")
	}
	switch u := c.link(); {
	case u != "" && !c.Accessed.IsZero():
		parts = append(parts, "Retrieved "+c.Accessed.UTC().Format(layoutChicago)+", from "+u)
	case u != "":
		parts = append(parts, u)
	}
	return strings.Join(parts, " ")
}

// Chicago is the citation as a bibliography entry in Chicago style (17th
// edition) for a web page: author, title in quotation marks, date, access
// date and URL, each closed by a period. As in APA, the publisher is the
// author and the quotation is left to the text.
//
//	Human Rights Watch. “Cambodia: Supreme Court Dissolves the Opposition.” November 16, 2017. Accessed December 5, 2026. https://….
func (c citation) Chicago() string {
	var parts []string
	if source := strings.TrimSpace(c.Source); source != "" {
		parts = append(parts, endSentence(source))
	}
	if title := strings.TrimSpace(c.Title); title != "" {
		parts = append(parts, "“"+endSentence(innerQuotes(title))+"”")
	} else {
		parts = append(parts, untitled+".")
	}
	date := noDate
	if !c.Published.IsZero() {
		date = c.Published.UTC().Format(layoutChicago)
	}
	parts = append(parts, endSentence(date))
	if !c.Accessed.IsZero() {
		parts = append(parts, "Accessed "+c.Accessed.UTC().Format(layoutChicago)+".")
	}
	if u := c.link(); u != "" {
		parts = append(parts, u+".")
	}
	return strings.Join(parts, " ")
}

// endSentence closes s with a period unless it ends with one, or with a
// question or exclamation mark, which close it already.
func endSentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(lastRune(s), ".?!") {
		return s
	}
	return s + "."
}

func orText(s, otherwise string) string {
	if s = strings.TrimSpace(s); s != "" {
		return s
	}
	return otherwise
}

// innerQuotes readies text for typographic double quotes: it drops double
// quotes around the whole text (an extractor may keep them) and turns the
// double quotes inside into single ones, curly or straight.
func innerQuotes(s string) string {
	s = strings.TrimSpace(s)
	for _, pair := range [][2]string{{"“", "”"}, {`"`, `"`}, {"„", "“"}} {
		if len(s) > len(pair[0])+len(pair[1]) && strings.HasPrefix(s, pair[0]) && strings.HasSuffix(s, pair[1]) {
			inner := s[len(pair[0]) : len(s)-len(pair[1])]
			// Only when the quotes enclose the whole text, not when it
			// opens with one quotation and ends with another.
			if !strings.ContainsAny(inner, "“”\"") {
				s = strings.TrimSpace(inner)
			}
			break
		}
	}
	s = strings.NewReplacer("“", "‘", "”", "’", "„", "‘").Replace(s)
	// Straight quotes alternate: opening, then closing.
	var b strings.Builder
	open := true
	for _, r := range s {
		if r != '"' {
			b.WriteRune(r)
			continue
		}
		if open {
			b.WriteRune('‘')
		} else {
			b.WriteRune('’')
		}
		open = !open
	}
	return b.String()
}

func lastRune(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return ""
	}
	return string(r[len(r)-1])
}

// citer makes the citations of one request. Every statement is cited as a
// web page read that day: at its own URL when readers can open it, else at
// our permanent address of it, with its date or "n.d.". The statement
// page, the results, the quotes tab, the API and the exports all cite
// through it, so that a citation reads the same wherever it is copied
// from.
type citer struct {
	base     string    // our address, before the permalinks' paths
	accessed time.Time // the day the page or answer is made
}

// citer is the citer of the request c.
func (s *Server) citer(c echo.Context) citer {
	return citer{base: s.baseURL(c), accessed: s.opts.Now()}
}

// statement cites a statement by its ID, source, title, date (zero when
// unknown) and URL (any string; only an http(s) address is cited).
func (ct citer) statement(id, source, title string, published time.Time, rawURL string) citation {
	cite := citation{Source: source, Title: title, Published: published,
		Permalink: ct.base + statementURL(id), Accessed: ct.accessed}
	if u, ok := webURL(rawURL); ok {
		cite.URL = u.String()
	}
	return cite
}

// quote cites a quotation: its statement, with the speaker and the words.
func (ct citer) quote(h search.QuoteHit) citation {
	cite := ct.statement(h.StatementID, h.Source, h.Title, h.Published, h.URL)
	cite.Speaker, cite.Quote = h.Speaker, spansText(h.Quote)
	return cite
}

// webURL is raw as an address a reader's browser opens: http or https,
// with a host. A statement indexed from a file may carry a path or
// nothing, which no reader can follow.
func webURL(raw string) (*url.URL, bool) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, false
	}
	return u, true
}

// citeBox is a Cite control: the statement's permanent link and its
// citation in each style, each in a read-only box whose ID is unique on
// the page, so that its label points at it.
type citeBox struct {
	// Own marks the box of the statement's own page, which stands under
	// its heading and says what it cites; a hit's box says "Cite".
	Own         bool
	PermalinkID string
	Permalink   string
	Styles      []citeStyle
}

// citeStyle is one citation to copy.
type citeStyle struct {
	ID, Label, Text string
}

// statementCiteBox is the Cite control of a statement's own page.
func statementCiteBox(cite citation) citeBox {
	box := newCiteBox(cite, "")
	box.Own = true
	return box
}

// hitCiteBox is the Cite control of the nth hit of a results page or the
// quotes tab.
func hitCiteBox(cite citation, n int) citeBox {
	return newCiteBox(cite, "-"+strconv.Itoa(n))
}

// newCiteBox is the Cite control of cite; suffix ends each ID.
func newCiteBox(cite citation, suffix string) citeBox {
	return citeBox{PermalinkID: "permalink" + suffix, Permalink: cite.Permalink, Styles: []citeStyle{
		{ID: "cite-plain" + suffix, Label: "Plain", Text: cite.String()},
		{ID: "cite-apa" + suffix, Label: "APA", Text: cite.APA()},
		{ID: "cite-chicago" + suffix, Label: "Chicago", Text: cite.Chicago()},
	}}
}
