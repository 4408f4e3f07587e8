package web

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"

	"github.com/labstack/echo/v4"
)

// Page templates. Each is templates/<name>.html, which defines "main" (and
// may define more) inside the shared templates/layout.html.
const (
	pageSearch    = "search"
	pageQuotes    = "quotes"
	pageStatement = "statement"
	pageError     = "error"
	pageAlerts    = "alerts"
	pageBatch     = "batch"
	pageName      = "name"
)

var pageNames = []string{pageSearch, pageQuotes, pageStatement, pageError, pageAlerts, pageBatch, pageName}

const layoutFile = "templates/layout.html"

// parseTemplates parses each page with the layout, once, at start-up. A page
// file that is missing, or one that lacks a block the layout needs, is an
// error, so a broken build fails when it starts and not on a request.
func parseTemplates(fsys fs.FS) (map[string]*template.Template, error) {
	if _, err := fs.Stat(fsys, layoutFile); err != nil {
		return nil, fmt.Errorf("web: missing template %q: %w", layoutFile, err)
	}
	pages := make(map[string]*template.Template, len(pageNames))
	for _, name := range pageNames {
		file := "templates/" + name + ".html"
		if _, err := fs.Stat(fsys, file); err != nil {
			return nil, fmt.Errorf("web: missing template %q: %w", file, err)
		}
		t, err := template.New(name).ParseFS(fsys, layoutFile, file)
		if err != nil {
			return nil, fmt.Errorf("web: parse template %q: %w", file, err)
		}
		for _, block := range []string{"layout", "main"} {
			if t.Lookup(block) == nil {
				return nil, fmt.Errorf("web: missing template %q in %s", block, file)
			}
		}
		pages[name] = t
	}
	return pages, nil
}

// layout is what every page gives templates/layout.html.
type layout struct {
	// Title goes before " – advosearch" in the <title>; empty for the
	// search page without a query.
	Title string
	// HeaderSearch puts a small search box in the header, on pages that are
	// not the search page.
	HeaderSearch bool
	// FeedURL, if set, is announced in the head as the page's Atom feed.
	FeedURL string
	// Scripts are the paths of our own script files the page loads,
	// deferred. A page works without them: they make it better, and the
	// Content-Security-Policy allows no other script.
	Scripts []string
}

// render executes a page into a buffer first, so a template error becomes a
// clean 500 instead of half a page.
func (s *Server) render(c echo.Context, status int, name string, data any) error {
	t, ok := s.pages[name]
	if !ok {
		return fmt.Errorf("web: no page %q", name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", data); err != nil {
		return fmt.Errorf("web: render %s: %w", name, err)
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.HTMLBlob(status, buf.Bytes())
}

// errorPage is the page of any failure outside /api.
type errorPage struct {
	layout
	Status  int
	Heading string
	Message string
}

func (s *Server) renderError(c echo.Context, status int, msg string) error {
	heading := http.StatusText(status)
	switch status {
	case http.StatusNotFound:
		heading = "Page not found"
	case http.StatusInternalServerError:
		heading = "Something went wrong on our side"
	}
	p := errorPage{layout: layout{Title: heading, HeaderSearch: true}, Status: status, Heading: heading, Message: msg}
	if err := s.render(c, status, pageError, p); err != nil {
		// The error page itself failed: fall back to plain text.
		return c.String(status, msg)
	}
	return nil
}

// staticFile serves the embedded stylesheet, icon and scripts. The files change only
// with a new build, so browsers may keep them for a day.
func (s *Server) staticFile(c echo.Context) error {
	name := path.Clean(c.Param("*"))
	if !fs.ValidPath(name) || name == "." {
		return echo.ErrNotFound
	}
	info, err := fs.Stat(s.static, name)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && info.IsDir()) {
		return echo.ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("web: static %s: %w", name, err)
	}
	data, err := fs.ReadFile(s.static, name)
	if err != nil {
		return fmt.Errorf("web: static %s: %w", name, err)
	}
	ctype := "application/octet-stream"
	switch path.Ext(name) {
	case ".css":
		ctype = "text/css; charset=utf-8"
	case ".svg":
		ctype = "image/svg+xml"
	case ".js":
		// nosniff makes a browser refuse a script of any other type.
		ctype = "text/javascript; charset=utf-8"
	}
	c.Response().Header().Set("Cache-Control", "public, max-age=86400")
	return c.Blob(http.StatusOK, ctype, data)
}
