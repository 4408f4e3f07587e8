package feeds

import (
	"context"
	"fmt"
	"mime"
	"net/http"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"

	"github.com/advosearch/advosearch/corpus"
)

const pageAccept = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8"

// Page fetches a statement page and returns it as a Document: HTML
// (text/html, application/xhtml+xml) as corpus.TypeHTML, text/plain as
// corpus.TypeText, its body converted to UTF-8. The ID is derived from the
// URL after redirects, so the same page always gets the same ID; Name is
// that URL; Fetched is now.
//
// Errors: ErrBadURL, ErrDisallowed (robots.txt; the page is not requested),
// ErrPrivateAddress, ErrTooManyRedirects, ErrUnsupported (any other content
// type; the body is not read), ErrTooLarge, *RetryError (429/503 with
// Retry-After, or the host is still in that wait), *HTTPError (any other
// non-2xx), or a network error. All are wrapped; use errors.Is/As.
func (f *Fetcher) Page(ctx context.Context, rawURL string) (corpus.Document, error) {
	var ctype string
	r, err := f.get(ctx, rawURL, getOptions{
		accept: pageAccept,
		robots: !f.opts.IgnoreRobots,
		check: func(resp *http.Response) error {
			var err error
			ctype, err = pageType(resp.Header.Get("Content-Type"))
			if err != nil {
				return fmt.Errorf("feeds: GET %s: %w", resp.Request.URL, err)
			}
			return nil
		},
	})
	if err != nil {
		return corpus.Document{}, err
	}
	if r.status == http.StatusNotModified {
		// Page sends no validators, so a 304 is the server's mistake.
		return corpus.Document{}, &HTTPError{Status: r.status, URL: r.url.String()}
	}
	if ctype == "" {
		// No Content-Type header: sniff, as browsers do.
		if ctype, err = pageType(http.DetectContentType(r.body)); err != nil {
			return corpus.Document{}, fmt.Errorf("feeds: GET %s: %w", r.url, err)
		}
	}
	body, err := toUTF8(r.body, r.header.Get("Content-Type"))
	if err != nil {
		return corpus.Document{}, fmt.Errorf("feeds: decode %s: %w", r.url, err)
	}
	final := r.url.String()
	return corpus.Document{
		ID:          corpus.ID(final),
		Name:        final,
		ContentType: ctype,
		Body:        body,
		Fetched:     f.opts.Now(),
	}, nil
}

// pageType maps a Content-Type header to a corpus type; "" for a missing
// header, which the caller sniffs once the body is read.
func pageType(header string) (string, error) {
	if strings.TrimSpace(header) == "" {
		return "", nil
	}
	mt, _, err := mime.ParseMediaType(header)
	if err != nil {
		return "", fmt.Errorf("%w: %q", ErrUnsupported, header)
	}
	switch mt {
	case "text/html", "application/xhtml+xml":
		return corpus.TypeHTML, nil
	case "text/plain":
		return corpus.TypeText, nil
	}
	return "", fmt.Errorf("%w: %s", ErrUnsupported, mt)
}

// toUTF8 converts body to UTF-8, the only encoding the indexer reads. The
// encoding comes from the header's charset, a BOM or a <meta charset>, in
// that order (the WHATWG rules). Without a header charset or BOM, a body
// that is valid UTF-8 is left alone: DetermineEncoding looks at the first
// 1,024 bytes only and would call an ASCII <head> followed by UTF-8 text
// windows-1252.
func toUTF8(body []byte, contentType string) ([]byte, error) {
	enc, name, certain := charset.DetermineEncoding(body, contentType)
	if name == "utf-8" || (!certain && utf8.Valid(body)) {
		return body, nil
	}
	return enc.NewDecoder().Bytes(body)
}
