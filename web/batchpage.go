package web

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/advosearch/advosearch/search"
)

// Batch search, as Datashare has it: a list of names or queries in, a table
// out with how many statements match each, the first and last date, and a
// link to the search.

const (
	pathBatch = "/batch"
	// maxBatchLines bounds one batch: each line costs two searches, and the
	// page answers within the request's time limit.
	maxBatchLines = 100
	// Form fields of the batch page.
	fieldBatchList = "list"
	fieldBatchFile = "file"
	fieldBatchAs   = "as"
	batchAsPhrase  = "phrase" // each line is an exact phrase: a name
	batchAsQuery   = "query"  // each line is a query in the search syntax
)

// batchPage is the model of templates/batch.html.
type batchPage struct {
	layout
	List     string // the list as the form shows it again
	AsPhrase bool
	Error    string
	Rows     []batchRow
	// Cut says how many lines were left out past maxBatchLines.
	Cut     int
	MaxRows int
}

// batchRow is one line of the list and what it found.
type batchRow struct {
	Line        int
	Text        string // the line as given
	Query       string // what was searched
	Count       uint64
	First, Last string // YYYY-MM-DD of the oldest and newest dated match
	Link        string // the search, on the search page
	Problem     string // why the line could not be searched, if it could not
}

func (r batchRow) key() string { return strconv.Itoa(r.Line) }

func (r batchRow) cells() []string {
	count := strconv.FormatUint(r.Count, 10)
	if r.Problem != "" {
		count = ""
	}
	return []string{r.Text, r.Query, count, r.First, r.Last, r.Link, r.Problem}
}

var batchColumns = []string{"line", "query", "statements", "first", "last", "link", "problem"}

// batchForm answers GET /batch: the empty form.
func (s *Server) batchForm(c echo.Context) error {
	return s.render(c, http.StatusOK, pageBatch, batchPage{layout: batchLayout(), AsPhrase: true, MaxRows: maxBatchLines})
}

// batchSearch answers POST /batch: the table, as a page, or as CSV with
// format=csv. A list that cannot be read re-renders the form with why.
func (s *Server) batchSearch(c echo.Context) error {
	lines, err := batchLines(c)
	page := batchPage{layout: batchLayout(), MaxRows: maxBatchLines, AsPhrase: c.Request().FormValue(fieldBatchAs) != batchAsQuery}
	page.List = strings.Join(lines, "\n")
	if err == nil && len(lines) == 0 {
		err = errors.New("the list is empty: paste names or queries, one a line, or choose a CSV file")
	}
	if err != nil {
		page.Error = err.Error()
		return s.render(c, http.StatusBadRequest, pageBatch, page)
	}
	if len(lines) > maxBatchLines {
		page.Cut = len(lines) - maxBatchLines
		lines = lines[:maxBatchLines]
	}
	for i, line := range lines {
		row, err := s.batchRow(c, i+1, line, page.AsPhrase)
		if err != nil {
			return err
		}
		page.Rows = append(page.Rows, row)
	}
	if c.Request().FormValue("format") == formatCSV {
		// Links in a file must work outside this site.
		base := s.baseURL(c)
		for i := range page.Rows {
			page.Rows[i].Link = base + page.Rows[i].Link
		}
		return writeBatchCSV(c, page.Rows)
	}
	return s.render(c, http.StatusOK, pageBatch, page)
}

func batchLayout() layout { return layout{Title: "Batch search", HeaderSearch: true} }

// batchRow searches one line: its count and oldest match in one search,
// its newest in a second. A line the engine refuses is a row with the
// reason; running out of time or slots fails the whole batch.
func (s *Server) batchRow(c echo.Context, n int, line string, asPhrase bool) (batchRow, error) {
	q := line
	if asPhrase {
		q = `"` + strings.ReplaceAll(line, `"`, ``) + `"`
	}
	row := batchRow{Line: n, Text: line, Query: q, Link: params{Q: q}.href()}
	ctx := c.Request().Context()
	req := search.Request{Query: q, Size: 1, Sort: search.SortDate, NoFacets: true, NoPartial: true}
	oldest, err := s.search.Search(ctx, req)
	var invalid *search.InvalidError
	if errors.As(err, &invalid) {
		row.Problem = invalid.Reason
		return row, nil
	}
	if err != nil {
		return row, fmt.Errorf("web: batch line %d: %w", n, err)
	}
	row.Count = oldest.Total
	if len(oldest.Hits) == 0 || oldest.Hits[0].Published.IsZero() {
		// Undated statements come last in both orders: none is dated.
		return row, nil
	}
	row.First = dayOf(oldest.Hits[0].Published)
	req.Sort = search.SortDateDesc
	newest, err := s.search.Search(ctx, req)
	if err != nil {
		return row, fmt.Errorf("web: batch line %d: %w", n, err)
	}
	if len(newest.Hits) > 0 {
		row.Last = dayOf(newest.Hits[0].Published)
	}
	return row, nil
}

// batchLines reads the list: the pasted text, or the first column of an
// uploaded CSV (a header named query, name or term is skipped). Blank
// lines are dropped and repeats kept once.
func batchLines(c echo.Context) ([]string, error) {
	req := c.Request()
	var err error
	if strings.HasPrefix(req.Header.Get(echo.HeaderContentType), echo.MIMEMultipartForm) {
		// The body is bounded by the server's limit already (limitBody).
		err = req.ParseMultipartForm(1 << 20)
	} else {
		err = req.ParseForm()
	}
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return nil, fmt.Errorf("the list is over %d KB: split it into several batches", tooLarge.Limit>>10)
	}
	if err != nil {
		return nil, fmt.Errorf("the form could not be read: %w", err)
	}
	text := req.FormValue(fieldBatchList)
	fromFile := false
	if f, fh, err := req.FormFile(fieldBatchFile); err == nil {
		defer f.Close()
		if fh.Size > 0 {
			b, err := io.ReadAll(f)
			if err != nil {
				return nil, fmt.Errorf("the file could not be read: %w", err)
			}
			text, fromFile = string(b), true
		}
	}
	if !utf8.ValidString(text) {
		return nil, errors.New("the list is not UTF-8 text; save the CSV as UTF-8")
	}
	var lines []string
	if fromFile {
		r := csv.NewReader(bytes.NewReader([]byte(strings.TrimPrefix(text, "\ufeff"))))
		r.FieldsPerRecord = -1
		records, err := r.ReadAll()
		if err != nil {
			return nil, fmt.Errorf("the file is not a CSV file advosearch can read: %w", err)
		}
		for i, rec := range records {
			if len(rec) == 0 {
				continue
			}
			if i == 0 && isBatchHeader(rec[0]) {
				continue
			}
			lines = append(lines, rec[0])
		}
	} else {
		lines = strings.Split(text, "\n")
	}
	seen := map[string]bool{}
	out := lines[:0]
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" || seen[l] {
			continue
		}
		if len(l) > search.MaxQueryLen {
			return nil, fmt.Errorf("a line is over %d bytes: %.40q…", search.MaxQueryLen, l)
		}
		seen[l] = true
		out = append(out, l)
	}
	return out, nil
}

func isBatchHeader(cell string) bool {
	switch strings.ToLower(strings.TrimSpace(strings.TrimPrefix(cell, "\ufeff"))) {
	case "query", "queries", "name", "names", "term", "terms":
		return true
	}
	return false
}

// writeBatchCSV sends the table as a CSV download, written as the search
// exports are (UTF-8 mark, formula-safe cells).
func writeBatchCSV(c echo.Context, rows []batchRow) error {
	resp := c.Response()
	w := newExportWriter[batchRow](formatCSV, batchColumns, resp)
	h := resp.Header()
	h.Set(echo.HeaderContentType, w.contentType)
	h.Set(echo.HeaderContentDisposition, `attachment; filename="batch-search.csv"`)
	h.Set("Cache-Control", "no-store")
	resp.WriteHeader(http.StatusOK)
	if err := w.start(); err != nil {
		return err
	}
	for _, r := range rows {
		if err := w.row(r); err != nil {
			return err
		}
	}
	return w.flush()
}
