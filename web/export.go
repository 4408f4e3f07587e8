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

// The format parameter of GET /api/search: the JSON page (the default), or
// an export of every matching statement's metadata.
const (
	paramFormat = "format"
	formatJSON  = "json"
	formatCSV   = "csv"
	formatJSONL = "jsonl"
)

// Headers of an export, set before the first row since nothing can be
// added once the body has started: the number of matching statements, and
// "true" when the export holds fewer because of Options.MaxExport.
const (
	headerTotal     = "X-Advosearch-Total"
	headerTruncated = "X-Advosearch-Truncated"
)

// exportPageSize is how many statements an export asks the searcher for at
// a time: as many as one search returns.
const exportPageSize = search.MaxSize

// exportColumns is the header row of a CSV export; the JSON lines use the
// same names.
var exportColumns = []string{"id", "title", "url", "source", "published", "organizations", "people", "places"}

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
}

func toExportRow(h search.Hit) exportRow {
	return exportRow{
		ID:            h.ID,
		Title:         spansText(h.Title),
		URL:           h.URL,
		Source:        h.Source,
		Published:     apiDate(h.Published),
		Organizations: orEmpty(h.Organizations),
		People:        orEmpty(h.People),
		Places:        orEmpty(h.Places),
	}
}

// export answers GET /api/search?format=csv|jsonl: the metadata of every
// statement the search matches, up to Options.MaxExport, as a download. It
// takes the same q and filters as the search; page and size are ignored.
// The rows are streamed a page of the search at a time, so a large export
// never sits in memory.
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
	ctx := c.Request().Context()
	// The first page is fetched before anything is written, so that a bad
	// query is still a clean 400 and the total can go into a header.
	res, err := s.search.Search(ctx, req)
	if err != nil {
		return fmt.Errorf("web: export: %w", err)
	}
	limit := s.opts.MaxExport
	resp := c.Response()
	h := resp.Header()
	h.Set(headerTotal, strconv.FormatUint(res.Total, 10))
	if res.Total > uint64(limit) {
		h.Set(headerTruncated, "true")
	}
	h.Set("Cache-Control", "no-store")
	w := newExportWriter(format, resp)
	h.Set(echo.HeaderContentType, w.contentType)
	h.Set(echo.HeaderContentDisposition, `attachment; filename="advosearch-export.`+format+`"`)
	resp.WriteHeader(http.StatusOK)
	if err := w.start(); err != nil {
		return s.abortExport(c, err)
	}

	written := 0
	// Pages are read one after the other, so a statement indexed meanwhile
	// can shift one from a page to the next; seen keeps it from appearing
	// twice.
	seen := make(map[string]bool)
	for {
		for _, hit := range res.Hits {
			if written >= limit {
				break
			}
			if seen[hit.ID] {
				continue
			}
			seen[hit.ID] = true
			if err := w.row(toExportRow(hit)); err != nil {
				return s.abortExport(c, err)
			}
			written++
		}
		if err := w.flush(); err != nil {
			return s.abortExport(c, err)
		}
		resp.Flush()
		last := req.Page * req.Size
		if written >= limit || len(res.Hits) < req.Size || uint64(last) >= res.Total || last >= search.MaxDepth {
			return nil
		}
		req.Page++
		if res, err = s.search.Search(ctx, req); err != nil {
			return s.abortExport(c, fmt.Errorf("web: export page %d: %w", req.Page, err))
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
type exportWriter struct {
	contentType string
	start       func() error
	row         func(exportRow) error
	flush       func() error
}

func newExportWriter(format string, out io.Writer) exportWriter {
	if format == formatJSONL {
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		return exportWriter{
			contentType: "application/x-ndjson",
			start:       func() error { return nil },
			row:         func(r exportRow) error { return enc.Encode(r) },
			flush:       func() error { return nil },
		}
	}
	cw := csv.NewWriter(out)
	// RFC 4180 line ends, which every spreadsheet reads.
	cw.UseCRLF = true
	return exportWriter{
		contentType: "text/csv; charset=utf-8",
		start: func() error {
			// A UTF-8 byte order mark first: without it Excel reads a CSV
			// file in the system's legacy code page and garbles every
			// accented or non-Latin name and every curly quote.
			if _, err := io.WriteString(out, "\ufeff"); err != nil {
				return err
			}
			return cw.Write(exportColumns)
		},
		row: func(r exportRow) error {
			published := ""
			if r.Published != nil {
				published = *r.Published
			}
			return cw.Write([]string{
				csvCell(r.ID), csvCell(r.Title), csvCell(r.URL), csvCell(r.Source), published,
				csvCell(strings.Join(r.Organizations, "; ")),
				csvCell(strings.Join(r.People, "; ")),
				csvCell(strings.Join(r.Places, "; ")),
			})
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
