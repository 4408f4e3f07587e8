package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"syscall"

	"github.com/labstack/echo/v4"
)

// pathDocuments is where token holders add statements (POST); one
// statement is read at pathDocuments + "/:id".
const pathDocuments = "/api/documents"

// Media types that say the body is JSON lines, one statement a line.
// application/x-ndjson is what most tools send; application/jsonl is the
// name package corpus uses.
var jsonlTypes = []string{"application/x-ndjson", "application/jsonl"}

// msgIngestTimeout answers an ingest that ran out of time (IngestTimeout).
const msgIngestTimeout = "indexing took too long; send fewer statements at once"

// msgDiskFull answers an ingest that filled the server's disk. The index
// keeps every batch written before, and an unchanged statement sent again
// is skipped, so sending the whole request again loses and doubles nothing.
const msgDiskFull = "the server's disk is full, so not all of these statements were indexed: send them again once space is freed"

// msgFileSizeLimit answers an ingest that grew a file of the index past
// the file-size limit the server was started with (ulimit -f, LimitFSIZE=
// in a systemd unit); as with a full disk, sending the request again once
// the limit is raised loses and doubles nothing.
const msgFileSizeLimit = "the server reached the file-size limit it was started with, so not all of these statements were indexed: send them again once the limit is raised"

// IngestResult is what Options.Ingest reports about one batch.
type IngestResult struct {
	// IDs are the statement IDs of the records indexed or unchanged, in
	// the order of the input.
	IDs []string
	// Indexed counts the statements added or replaced, Unchanged those
	// already in the index as they are, Duplicates the documents whose
	// content a statement had under another origin.
	Indexed, Unchanged, Duplicates int
	// Skipped are the records that were not indexed, each with why; the
	// rest of the batch is indexed regardless.
	Skipped []IngestSkip
}

// IngestSkip is a record Ingest did not index. Name says which one: its
// 1-based line in the JSONL given to Ingest, alone ("3") or after a colon
// ("request:3"), which the answer turns into the line of the request body
// (blank lines there are not passed on). Any other name is answered as is.
type IngestSkip struct {
	Name, Reason string
}

// ingestRecord is one statement as a client sends it; the fields are those
// of a JSONL line of package corpus (corpus.Record), which the indexer
// reads. Unknown fields are errors, so a misspelt "publised" is not lost.
type ingestRecord struct {
	Title     string `json:"title,omitempty"`
	Body      string `json:"body,omitempty"`
	HTML      string `json:"html,omitempty"`
	URL       string `json:"url"`
	Source    string `json:"source,omitempty"`
	Published string `json:"published,omitempty"`
}

// apiIngestResult is the answer to POST /api/documents.
type apiIngestResult struct {
	IDs        []string        `json:"ids"`
	Indexed    int             `json:"indexed"`
	Unchanged  int             `json:"unchanged"`
	Duplicates int             `json:"duplicates"`
	Skipped    []apiIngestSkip `json:"skipped"`
}

// apiIngestSkip names a skipped record by its line in the request body, or
// by the indexer's name for it when that is not a line.
type apiIngestSkip struct {
	Line   int    `json:"line,omitempty"`
	Name   string `json:"name,omitempty"`
	Reason string `json:"reason"`
}

// ingest answers POST /api/documents: one statement object, or JSON lines.
// Every record is checked before any is indexed, so a 400 means nothing was
// added; the body is then passed to Options.Ingest as compact JSON lines.
func (s *Server) ingest(c echo.Context) error {
	req := c.Request()
	body, err := io.ReadAll(req.Body)
	if err != nil {
		return bodyError(err)
	}
	mediaType, params, err := mediaTypeOf(req.Header.Get(echo.HeaderContentType))
	if err != nil {
		return err
	}
	if isFileUpload(mediaType, c.QueryParam("origin")) {
		return s.ingestFiles(c, mediaType, params, body)
	}
	jsonl, lines, err := normalizeIngest(mediaType, body)
	if err != nil {
		return err
	}
	res, err := s.opts.Ingest(req.Context(), bytes.NewReader(jsonl))
	if err != nil {
		return ingestError(err, len(lines))
	}
	out := apiIngestResult{
		IDs:        orEmpty(res.IDs),
		Indexed:    res.Indexed,
		Unchanged:  res.Unchanged,
		Duplicates: res.Duplicates,
		Skipped:    make([]apiIngestSkip, 0, len(res.Skipped)),
	}
	for _, sk := range res.Skipped {
		if n, ok := skipLine(sk.Name); ok && n <= len(lines) {
			out.Skipped = append(out.Skipped, apiIngestSkip{Line: lines[n-1], Reason: sk.Reason})
			continue
		}
		out.Skipped = append(out.Skipped, apiIngestSkip{Name: sk.Name, Reason: sk.Reason})
	}
	return c.JSON(http.StatusOK, out)
}

// ingestError answers a failed ingest of n statements. Whatever it wraps,
// it is our fault, not the client's, unless time or disk ran out: the
// records were checked before.
func ingestError(err error, n int) error {
	internal := fmt.Errorf("web: ingest %d statements: %w", n, err)
	switch {
	case errors.Is(err, ErrUnavailable):
		return echo.NewHTTPError(http.StatusServiceUnavailable, msgUnavailable).SetInternal(internal)
	case errors.Is(err, context.DeadlineExceeded):
		return echo.NewHTTPError(http.StatusServiceUnavailable, msgIngestTimeout).SetInternal(internal)
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return echo.NewHTTPError(http.StatusInsufficientStorage, msgDiskFull).SetInternal(internal)
	case errors.Is(err, syscall.EFBIG):
		return echo.NewHTTPError(http.StatusInsufficientStorage, msgFileSizeLimit).SetInternal(internal)
	}
	return echo.NewHTTPError(http.StatusInternalServerError).SetInternal(internal)
}

// skipLine reads the JSONL line number out of an IngestSkip name: "3" or
// "anything:3".
func skipLine(name string) (int, bool) {
	if i := strings.LastIndexByte(name, ':'); i >= 0 {
		name = name[i+1:]
	}
	n, err := strconv.Atoi(name)
	return n, err == nil && n >= 1
}

// normalizeIngest checks the records of an ingest body and re-encodes them
// as compact JSON lines; lines[i] is the line of the body where record i+1
// starts. The body is JSON lines when the Content-Type says so, or when it
// is not one JSON value but starts with "{" and has several lines; a
// single object, even pretty-printed over many lines, is one record.
func normalizeIngest(mediaType string, body []byte) (jsonl []byte, lines []int, err error) {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		return nil, nil, badRequest("request body is empty; send a statement as a JSON object, or JSON lines")
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	// Keep <, > and & as they are: the indexer decodes either form alike,
	// and the text stays readable in logs.
	enc.SetEscapeHTML(false)
	add := func(line int, raw []byte) error {
		rec, err := decodeRecord(raw)
		if err != nil {
			return badRequest("line %d: %s", line, err)
		}
		if err := enc.Encode(rec); err != nil {
			return fmt.Errorf("web: ingest: encode line %d: %w", line, err)
		}
		lines = append(lines, line)
		return nil
	}

	switch {
	case isJSONL(mediaType):
	case json.Valid(trimmed):
		// The line of the opening brace, for messages.
		line := 1 + bytes.Count(body[:bytes.IndexByte(body, trimmed[0])], []byte("\n"))
		if trimmed[0] != '{' {
			return nil, nil, badRequest("request body must be a JSON object (one statement) or JSON lines (one object a line)")
		}
		if err := add(line, trimmed); err != nil {
			return nil, nil, err
		}
		return buf.Bytes(), lines, nil
	case trimmed[0] == '{' && bytes.ContainsRune(trimmed, '\n'):
	default:
		var rec ingestRecord
		return nil, nil, bodyError(json.Unmarshal(trimmed, &rec))
	}

	for i, raw := range bytes.Split(body, []byte("\n")) {
		raw = bytes.TrimSpace(raw)
		if len(raw) == 0 {
			continue
		}
		if err := add(i+1, raw); err != nil {
			return nil, nil, err
		}
	}
	return buf.Bytes(), lines, nil
}

func isJSONL(mediaType string) bool {
	for _, t := range jsonlTypes {
		if strings.EqualFold(mediaType, t) {
			return true
		}
	}
	return false
}

// decodeRecord reads one statement object and checks what the index needs
// of it. The error says what is wrong, for a message that names the line.
func decodeRecord(raw []byte) (ingestRecord, error) {
	var rec ingestRecord
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&rec); err != nil {
		return rec, errors.New(recordError(err))
	}
	if dec.More() {
		return rec, errors.New("holds more than one JSON value; send one object a line")
	}
	rec.URL = strings.TrimSpace(rec.URL)
	if rec.URL == "" {
		return rec, errors.New(`"url" is missing: every statement needs an absolute http, https or file URL, which is its stable ID`)
	}
	// file: URLs name the files "advosearch index --server" sends: a path is
	// their stable ID.
	if u, err := url.Parse(rec.URL); err != nil || !((u.Scheme == "http" || u.Scheme == "https") && u.Host != "" ||
		u.Scheme == "file" && strings.HasPrefix(u.Path, "/")) {
		return rec, fmt.Errorf(`"url" %q is not an absolute http, https or file URL`, rec.URL)
	}
	if strings.TrimSpace(rec.Body) == "" && strings.TrimSpace(rec.HTML) == "" {
		return rec, errors.New(`the statement has no text: send "body" (plain text) or "html"`)
	}
	return rec, nil
}

// recordError words a JSON error in one record, as bodyError does for a
// whole body.
func recordError(err error) string {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "malformed JSON: it ends too early"
	case errors.As(err, &syntax):
		return fmt.Sprintf("malformed JSON at byte %d: %s", syntax.Offset, strings.TrimPrefix(syntax.Error(), "json: "))
	case errors.As(err, &typ):
		if typ.Field == "" {
			return fmt.Sprintf("must be a JSON object, not %s", typ.Value)
		}
		return fmt.Sprintf("field %q must be a string, not %s", typ.Field, typ.Value)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return "unknown field " + strings.TrimPrefix(err.Error(), "json: unknown field ") +
			"; a statement has title, body, html, url, source and published"
	}
	return "not valid: " + strings.TrimPrefix(err.Error(), "json: ")
}
