package web

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
	"unicode"

	"github.com/labstack/echo/v4"

	"github.com/advosearch/advosearch/corpus"
)

// IngestFile is one file sent to POST /api/documents.
type IngestFile struct {
	// Origin names the file as the indexer does (corpus.Document.Name): the
	// absolute path or URL the client read it from, or corpus.UploadOrigin
	// of its bytes when the client gave none.
	Origin string
	// ContentType is one of package corpus's types.
	ContentType string
	Body        []byte
	// FirstLine is the line of the file where a JSONL body starts (query
	// parameter line): a large JSONL file is sent in parts, and a record's
	// ID and name carry its line in the whole file. 1 for other types.
	FirstLine int
}

// maxOriginBytes bounds the origin parameter: a path or URL, not a payload.
const maxOriginBytes = 4096

// isFileUpload reports whether an ingest request carries a file's own bytes
// rather than JSON statements: multipart, an origin, or a media type that is
// neither JSON nor JSON lines.
func isFileUpload(mediaType, origin string) bool {
	switch {
	case origin != "", mediaType == "multipart/form-data":
		return true
	case mediaType == "", mediaType == "application/json", isJSONL(mediaType):
		return false
	}
	return true
}

// ingestFiles answers POST /api/documents for files: raw bytes with their
// Content-Type (and, from "advosearch index --server", ?origin=PATH), or
// multipart/form-data with one or more parts named "file". Each file is
// indexed on its own, so a bad one is reported and the others indexed.
func (s *Server) ingestFiles(c echo.Context, mediaType string, params map[string]string, body []byte) error {
	if s.opts.IngestFile == nil {
		return echo.NewHTTPError(http.StatusUnsupportedMediaType,
			"this server takes statements as JSON only: send application/json or application/x-ndjson")
	}
	files, err := uploadedFiles(mediaType, params, c.QueryParam("origin"), body)
	if err != nil {
		return err
	}
	if line := c.QueryParam("line"); line != "" {
		n, err := strconv.Atoi(line)
		if err != nil || n < 1 || len(files) != 1 || files[0].ContentType != corpus.TypeJSONL {
			return badRequest("line must be a line number (1 or more) of the JSONL file sent, not %q", line)
		}
		files[0].FirstLine = n
	}
	out := apiIngestResult{IDs: []string{}, Skipped: []apiIngestSkip{}}
	for _, f := range files {
		res, err := s.opts.IngestFile(c.Request().Context(), f)
		if err != nil {
			return ingestError(err, 1)
		}
		out.IDs = append(out.IDs, res.IDs...)
		out.Indexed += res.Indexed
		out.Unchanged += res.Unchanged
		out.Duplicates += res.Duplicates
		for _, sk := range res.Skipped {
			out.Skipped = append(out.Skipped, apiIngestSkip{Name: corpus.ProvenanceOf(sk.Name).String(), Reason: sk.Reason})
		}
	}
	return c.JSON(http.StatusOK, out)
}

// uploadedFiles reads the files of an upload request.
func uploadedFiles(mediaType string, params map[string]string, origin string, body []byte) ([]IngestFile, error) {
	if mediaType != "multipart/form-data" {
		ctype, ok := corpus.TypeOfMedia(mediaType)
		if !ok {
			return nil, unsupportedType(mediaType)
		}
		f, err := newUpload(origin, ctype, "", body)
		return []IngestFile{f}, err
	}
	if origin != "" {
		return nil, badRequest("origin names one file; send a multipart upload without it, or one file with it")
	}
	mr := multipart.NewReader(bytes.NewReader(body), params["boundary"])
	var files []IngestFile
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, badRequest("the multipart body is malformed: %s", err)
		}
		if part.FormName() != "file" {
			continue
		}
		data, err := io.ReadAll(part)
		if err != nil {
			return nil, badRequest("the multipart body is malformed: %s", err)
		}
		ctype, ok := corpus.TypeOfName(part.FileName())
		if !ok {
			if ctype, ok = corpus.TypeOfMedia(part.Header.Get("Content-Type")); !ok {
				return nil, badRequest("file %q: %s", part.FileName(), unsupportedType(part.Header.Get("Content-Type")).Message)
			}
		}
		f, err := newUpload("", ctype, part.FileName(), data)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		return nil, badRequest(`the multipart body has no part named "file"`)
	}
	return files, nil
}

// newUpload checks an uploaded file and names it.
func newUpload(origin, ctype, name string, body []byte) (IngestFile, error) {
	if len(bytes.TrimSpace(body)) == 0 {
		return IngestFile{}, badRequest("the file %s is empty", orQuoted(name, "sent"))
	}
	if origin == "" {
		return IngestFile{Origin: corpus.UploadOrigin(body, name), ContentType: ctype, Body: body, FirstLine: 1}, nil
	}
	if err := checkOrigin(origin); err != nil {
		return IngestFile{}, err
	}
	return IngestFile{Origin: corpus.CanonicalOrigin(origin), ContentType: ctype, Body: body, FirstLine: 1}, nil
}

// checkOrigin accepts an absolute path, a file: URL or an http(s) URL:
// what the local indexer derives IDs from.
func checkOrigin(origin string) error {
	if len(origin) > maxOriginBytes || strings.IndexFunc(origin, unicode.IsControl) >= 0 {
		return badRequest("origin must be an absolute path or an http, https or file URL of at most %d bytes", maxOriginBytes)
	}
	if corpus.PublicURL(origin) == "" && !corpus.IsLocal(origin) {
		return badRequest("origin %q is not an absolute path or an http, https or file URL", origin)
	}
	return nil
}

func unsupportedType(mediaType string) *echo.HTTPError {
	return echo.NewHTTPError(http.StatusUnsupportedMediaType, fmt.Sprintf(
		"Content-Type %q is not a type advosearch reads; send one of %s, or JSON statements", mediaType, strings.Join(corpus.MediaTypes(), ", ")))
}

func orQuoted(s, otherwise string) string {
	if s == "" {
		return otherwise
	}
	return fmt.Sprintf("%q", s)
}

// mediaTypeOf parses a request's Content-Type; "" when it has none.
func mediaTypeOf(contentType string) (string, map[string]string, error) {
	if contentType == "" {
		return "", nil, nil
	}
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return "", nil, badRequest("Content-Type %q is not a valid media type", contentType)
	}
	return mt, params, nil
}
