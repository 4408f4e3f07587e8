package feeds

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/advosearch/advosearch/netguard"
)

var (
	// ErrUnsupported means the page's Content-Type is neither HTML nor plain
	// text.
	ErrUnsupported = errors.New("feeds: unsupported content type")
	// ErrTooLarge means the body is longer than Options.MaxBodyBytes.
	ErrTooLarge = errors.New("feeds: body too large")
	// ErrDisallowed means the site's robots.txt disallows the page for our
	// User-Agent; the page was not requested.
	ErrDisallowed = errors.New("feeds: disallowed by robots.txt")
	// ErrPrivateAddress means the host resolved to a loopback, private,
	// link-local or otherwise non-public address (see package netguard), and
	// Options.AllowPrivate is off; no connection was made. It is
	// netguard.ErrNotPublic, so either works with errors.Is.
	ErrPrivateAddress = netguard.ErrNotPublic
	// ErrTooManyRedirects means more than Options.MaxRedirects redirects.
	ErrTooManyRedirects = errors.New("feeds: too many redirects")
	// ErrBadURL means the URL does not parse or is not http(s).
	ErrBadURL = errors.New("feeds: bad URL")
)

// HTTPError is a response whose status is not 2xx (nor 304 to a conditional
// GET, nor a redirect that was followed).
type HTTPError struct {
	Status int
	URL    string
}

func (e *HTTPError) Error() string {
	return fmt.Sprintf("feeds: GET %s: %d %s", e.URL, e.Status, http.StatusText(e.Status))
}

// RetryError means the server asked us to come back later: a 429 or 503
// with a Retry-After header. The Fetcher then refuses further requests to
// that host until After has passed, answering with a RetryError whose Status
// is 0 and whose After is the time left.
type RetryError struct {
	Status int
	URL    string
	After  time.Duration
}

func (e *RetryError) Error() string {
	if e.Status == 0 {
		return fmt.Sprintf("feeds: GET %s: host asked to wait, retry after %s", e.URL, e.After)
	}
	return fmt.Sprintf("feeds: GET %s: %d %s, retry after %s", e.URL, e.Status, http.StatusText(e.Status), e.After)
}
