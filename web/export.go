package web

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/advosearch/advosearch/search"
	"github.com/labstack/echo/v4"
)

// The format parameter of GET /api/search and /api/quotes: the JSON page
// (the default), or an export of every match.
const (
	paramFormat = "format"
	formatJSON  = "json"
	formatCSV   = "csv"
	formatJSONL = "jsonl"
)

// exportFormat reads the format parameter of /api/search and /api/quotes:
// "" for the JSON page, or formatCSV or formatJSONL for an export. Any
// other value is an error wrapping search.ErrInvalid.
func exportFormat(c echo.Context) (string, error) {
	switch f := strings.ToLower(strings.TrimSpace(c.QueryParam(paramFormat))); f {
	case "", formatJSON:
		return "", nil
	case formatCSV, formatJSONL:
		return f, nil
	default:
		return "", &search.InvalidError{Field: paramFormat, Value: f, Reason: "must be json, csv or jsonl"}
	}
}

// Headers of an export, set before the first row since nothing can be
// added once the body has started: the number of matching statements, and
// "true" when the export holds fewer because of Options.MaxExport.
const (
	headerTotal     = "X-Advosearch-Total"
	headerTruncated = "X-Advosearch-Truncated"
)

// exportPageSize is how many statements or quotations an export asks the
// searcher for at a time: as many as one search returns.
const exportPageSize = search.MaxSize

// exportColumns is the header row of a CSV export of statements; the JSON
// lines use the same names. Columns added later go at the end, so that
// spreadsheets and scripts reading the older ones by position keep working.
var exportColumns = []string{
	"id", "title", "url", "source", "published", "organizations", "people", "places",
	"lang", "permalink", "snippet",
}

// exportRow is one statement of a JSONL export.
type exportRow struct {
	ID            string   `json:"id"`
	Title         string   `json:"title"`
	URL           string   `json:"url"`
	Source        string   `json:"source"`
	Published     *string  `json:"published"` // YYYY-MM-DD, null when unknown
	Organizations []string `json:"organizations"`
	People        []string `json:"people"`
	Places        []string `json:"places"`
	Lang          string   `json:"lang"` // "" when unknown
	// Permalink is the absolute URL of the statement's page here, which
	// stays when the publisher's URL moves or is missing.
	Permalink string `json:"permalink"`
	// Snippet is plain text: the passages where the query matched, or
	// the start of the text for an export without words.
	Snippet string `json:"snippet"`
}

// toExportRow maps a hit; base is the site's root (Server.baseURL).
func toExportRow(h search.Hit, base string) exportRow {
	snippets := make([]string, len(h.Snippets))
	for i, sn := range h.Snippets {
		snippets[i] = spansText(sn)
	}
	return exportRow{
		ID:            h.ID,
		Title:         spansText(h.Title),
		URL:           h.URL,
		Source:        h.Source,
		Published:     apiDate(h.Published),
		Organizations: orEmpty(h.Organizations),
		People:        orEmpty(h.People),
		Places:        orEmpty(h.Places),
		Lang:          h.Lang,
		Permalink:     base + statementURL(h.ID),
		Snippet:       strings.Join(snippets, " "),
	}
}

func (r exportRow) key() string { return r.ID }

func (r exportRow) cells() []string {
	return []string{
		r.ID, r.Title, r.URL, r.Source, deref(r.Published),
		strings.Join(r.Organizations, "; "), strings.Join(r.People, "; "), strings.Join(r.Places, "; "),
		r.Lang, r.Permalink, r.Snippet,
	}
}

// quoteExportColumns is the header row of a CSV export of quotations: the
// JSON lines' fields but quote_html, which a spreadsheet would show as
// markup.
var quoteExportColumns = []string{
	"id", "quote", "speaker", "exact", "sentence", "statement_id", "title", "source", "published", "url",
	"permalink", "citation",
}

// quoteExportRow is one quotation of a JSONL export: the API's quote hit,
// with the absolute URL of its statement's page here.
type quoteExportRow struct {
	apiQuoteHit
	Permalink string `json:"permalink"`
}

func toQuoteExportRow(h search.QuoteHit, cites citer) quoteExportRow {
	return quoteExportRow{apiQuoteHit: toAPIQuoteHit(h, cites), Permalink: cites.base + statementURL(h.StatementID)}
}

func (r quoteExportRow) key() string { return r.ID }

func (r quoteExportRow) cells() []string {
	return []string{
		r.ID, r.Quote, deref(r.Speaker), strconv.FormatBool(r.Exact), r.Sentence, r.StatementID, r.Title,
		r.Source, deref(r.Published), r.URL, r.Permalink, r.Citation,
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// exportable is a row of an export: its key (a statement or quotation ID,
// so a row is written once) and its CSV cells, in the order of the
// export's columns.
type exportable interface {
	key() string
	cells() []string
}

// exportPage is one page of a search, as rows.
type exportPage[R exportable] struct {
	total uint64
	rows  []R
}

// export answers GET /api/search?format=csv|jsonl: every statement the
// search matches, up to Options.MaxExport, as a download. It takes the
// same q and filters as the search; page and size are ignored.
func (s *Server) export(c echo.Context, p params, format string) error {
	// As on the search page: without words every statement scores the
	// same, so the newest come first unless the URL asks otherwise.
	if p.Q == "" && p.Sort == "" {
		p.Sort = string(search.SortDateDesc)
	}
	p.Page, p.Size = 1, exportPageSize
	req, err := p.request(s.opts.DefaultOr)
	if err != nil {
		return err
	}
	// An export shows no facets; counting them for each of up to a hundred
	// pages would cost more than the rows.
	req.NoFacets = true
	base := s.baseURL(c)
	return writeExport(s, c, format, "advosearch-export", exportColumns, func(page int) (exportPage[exportRow], error) {
		req.Page = page
		res, err := s.search.Search(c.Request().Context(), req)
		if err != nil {
			return exportPage[exportRow]{}, fmt.Errorf("web: export page %d: %w", page, err)
		}
		out := exportPage[exportRow]{total: res.Total, rows: make([]exportRow, len(res.Hits))}
		for i, h := range res.Hits {
			out.rows[i] = toExportRow(h, base)
		}
		return out, nil
	})
}

// exportQuotes answers GET /api/quotes?format=csv|jsonl: every quotation
// the quote search finds, exact ones first, up to Options.MaxExport. It
// takes the same q and filters as the quote search; page and size are
// ignored.
func (s *Server) exportQuotes(c echo.Context, p params, format string) error {
	p.Page, p.Size = 1, exportPageSize
	req, err := p.quoteRequest()
	if err != nil {
		return err
	}
	cites := s.citer(c)
	return writeExport(s, c, format, "advosearch-quotes", quoteExportColumns, func(page int) (exportPage[quoteExportRow], error) {
		req.Page = page
		res, err := s.search.Quotes(c.Request().Context(), req)
		if err != nil {
			return exportPage[quoteExportRow]{}, fmt.Errorf("web: quote export page %d: %w", page, err)
		}
		out := exportPage[quoteExportRow]{total: res.Total, rows: make([]quoteExportRow, len(res.Hits))}
		for i, h := range res.Hits {
			out.rows[i] = toQuoteExportRow(h, cites)
		}
		return out, nil
	})
}

// writeExport streams the rows of fetch's pages (1, 2, …; each at most
// exportPageSize rows) as a download named name.format, up to
// Options.MaxExport rows, so that a large export never sits in memory.
// The first page is fetched before anything is written, so that a bad
// query is still a clean 400 (or a busy server a 503) and the total can
// go into a header.
func writeExport[R exportable](s *Server, c echo.Context, format, name string, columns []string, fetch func(page int) (exportPage[R], error)) error {
	res, err := fetch(1)
	if err != nil {
		return err
	}
	limit := s.opts.MaxExport
	resp := c.Response()
	h := resp.Header()
	h.Set(headerTotal, strconv.FormatUint(res.total, 10))
	if res.total > uint64(limit) {
		h.Set(headerTruncated, "true")
	}
	h.Set("Cache-Control", "no-store")
	w := newExportWriter[R](format, columns, resp)
	h.Set(echo.HeaderContentType, w.contentType)
	h.Set(echo.HeaderContentDisposition, `attachment; filename="`+name+`.`+format+`"`)
	resp.WriteHeader(http.StatusOK)
	if err := w.start(); err != nil {
		return s.abortExport(c, err)
	}

	written := 0
	// Pages are read one after the other, so a row indexed meanwhile can
	// shift from a page to the next; seen keeps it from appearing twice.
	seen := make(map[string]bool)
	for page := 1; ; page++ {
		if page > 1 {
			if res, err = fetch(page); err != nil {
				return s.abortExport(c, err)
			}
		}
		for _, r := range res.rows {
			if written >= limit {
				break
			}
			if seen[r.key()] {
				continue
			}
			seen[r.key()] = true
			if err := w.row(r); err != nil {
				return s.abortExport(c, err)
			}
			written++
		}
		if err := w.flush(); err != nil {
			return s.abortExport(c, err)
		}
		resp.Flush()
		last := page * exportPageSize
		if written >= limit || len(res.rows) < exportPageSize || uint64(last) >= res.total || last >= search.MaxDepth {
			return nil
		}
	}
}

// abortExport ends an export that failed after its first row was sent.
// The status cannot change any more, and ending the body normally would
// hand the client a file that looks complete but is not; aborting the
// connection (http.ErrAbortHandler, which net/http handles quietly) makes
// the client see a failed download instead. The cause is logged here,
// since handleError never sees it.
func (s *Server) abortExport(c echo.Context, err error) error {
	s.log.Error("web: export aborted", "path", c.Request().URL.Path, "err", err)
	panic(http.ErrAbortHandler)
}

// exportWriter writes the rows of one format.
type exportWriter[R exportable] struct {
	contentType string
	start       func() error
	row         func(R) error
	flush       func() error
}

func newExportWriter[R exportable](format string, columns []string, out io.Writer) exportWriter[R] {
	if format == formatJSONL {
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		return exportWriter[R]{
			contentType: "application/x-ndjson",
			start:       func() error { return nil },
			row:         func(r R) error { return enc.Encode(r) },
			flush:       func() error { return nil },
		}
	}
	cw := csv.NewWriter(out)
	// RFC 4180 line ends, which every spreadsheet reads.
	cw.UseCRLF = true
	return exportWriter[R]{
		contentType: "text/csv; charset=utf-8",
		start: func() error {
			// A UTF-8 byte order mark first: without it Excel reads a CSV
			// file in the system's legacy code page and garbles every
			// accented or non-Latin name and every curly quote.
			if _, err := io.WriteString(out, "\ufeff"); err != nil {
				return err
			}
			return cw.Write(columns)
		},
		row: func(r R) error {
			cells := r.cells()
			for i, v := range cells {
				cells[i] = csvCell(v)
			}
			return cw.Write(cells)
		},
		flush: func() error {
			cw.Flush()
			return cw.Error()
		},
	}
}

// csvCell defuses CSV injection: a spreadsheet runs a cell that begins with
// =, +, - or @ as a formula (and some also one that begins with a tab or a
// carriage return), and titles come from whoever wrote the statement. A
// single quote in front makes the cell text; it shows, which is the usual
// price (OWASP, "CSV Injection").
func csvCell(v string) string {
	if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
		return "'" + v
	}
	return v
}
