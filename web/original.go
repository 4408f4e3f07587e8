package web

import (
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/advosearch/advosearch/corpus"
	"github.com/advosearch/advosearch/originals"
	"github.com/advosearch/advosearch/search"
)

// OriginalFiles finds the file a statement was read from, for its page's
// "Original file" link (package originals does it).
type OriginalFiles interface {
	// Available says, cheaply, whether Open may find one.
	Available(st search.Statement) bool
	// Open returns the file, or an error wrapping originals.ErrNotKept.
	Open(st search.Statement) (originals.File, error)
}

// originalPath is the address of a statement's original file.
func originalPath(id string) string { return "/statements/" + url.PathEscape(id) + "/original" }

// originalLink is the statement page's link to its original file, when
// one may be found.
func (s *Server) originalLink(st search.Statement) link {
	if s.opts.Originals == nil || !s.opts.Originals.Available(st) {
		return link{}
	}
	label := "the file"
	if name := corpus.ProvenanceOf(st.Origin).Name; name != "" && path.Ext(name) != "" {
		label = name
	}
	return link{Label: label, URL: originalPath(st.ID)}
}

// original answers GET /statements/:id/original with the bytes the
// statement was read from. Another site's HTML served from our address
// could run as ours, so only a PDF is shown in the browser, sandboxed;
// everything else is a download.
func (s *Server) original(c echo.Context) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	st, err := s.search.Statement(c.Request().Context(), id)
	if err != nil {
		return fmt.Errorf("web: original of %s: %w", id, err)
	}
	if s.opts.Originals == nil {
		return echo.NewHTTPError(http.StatusNotFound, "this server keeps no original files")
	}
	f, err := s.opts.Originals.Open(st)
	if errors.Is(err, originals.ErrNotKept) {
		return echo.NewHTTPError(http.StatusNotFound,
			"the original file of this statement is not kept here, or has changed since it was indexed")
	}
	if err != nil {
		return fmt.Errorf("web: original of %s: %w", id, err)
	}
	defer f.Close()
	disposition, ctype := "attachment", f.ContentType
	switch f.ContentType {
	case corpus.TypePDF:
		disposition = "inline"
	case corpus.TypeText, corpus.TypeMD, corpus.TypeHTML, corpus.TypeJSONL:
		ctype += "; charset=utf-8"
	}
	h := c.Response().Header()
	h.Set(echo.HeaderContentType, ctype)
	h.Set(echo.HeaderContentDisposition, mime.FormatMediaType(disposition, map[string]string{"filename": safeFileName(f.Name)}))
	// Whatever the file holds, it runs nothing and loads nothing.
	h.Set("Content-Security-Policy", "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:")
	http.ServeContent(c.Response(), c.Request(), "", f.ModTime, f.Content)
	return nil
}

// safeFileName keeps a file name to printable characters without quotes
// or separators, for the Content-Disposition header.
func safeFileName(name string) string {
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || strings.ContainsRune(`"\/;`, r) {
			return '_'
		}
		return r
	}, name)
	if name == "" {
		return "original"
	}
	return name
}
