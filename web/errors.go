package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/advosearch/advosearch/alerts"
	"github.com/advosearch/advosearch/search"
	"github.com/labstack/echo/v4"
)

// apiError is the body of every JSON error.
type apiError struct {
	Error string `json:"error"`
	// Column is the 1-based column (in characters, not bytes) of a query
	// syntax error, so a client can point at it; left out otherwise.
	Column int `json:"column,omitempty"`
}

// ErrUnavailable is for the functions given in Options: wrapped in an
// error, it says that a store they write to is unreachable for now, so
// the request answers 503 and may be tried again later, rather than 500.
var ErrUnavailable = errors.New("web: a store the server writes to is unreachable")

// msgUnavailable answers a write refused because of ErrUnavailable.
const msgUnavailable = "the statement store is unreachable, so nothing was changed; searches still answer from this server's index. Try again in a minute"

// msgAlertsUnavailable answers an alert request the shared record could not
// answer (serve --store with PostgreSQL down).
const msgAlertsUnavailable = "the shared alert store is unreachable, so nothing was changed; searches still answer from this server's index. Try again in a minute"

// Messages for failures that are not the user's; they say nothing about the
// cause, which goes to the log.
const (
	msgInternal = "internal server error"
	msgTimeout  = "the search took too long; narrow it down and try again"
	msgBusy     = "the server is busy with other searches; try again in %d seconds"
)

// classify maps an error to its status and the message the user sees. User
// mistakes (search.ErrInvalid) are 400 with what is wrong; only our own
// faults are 500.
func classify(err error) (status int, msg string) {
	var he *echo.HTTPError
	switch {
	case errors.As(err, &he):
		// A 503 or 507 with a message of ours says what to do (retry with
		// less, or later); other server errors say nothing of their cause.
		says := he.Code < 500 || he.Code == http.StatusServiceUnavailable || he.Code == http.StatusInsufficientStorage
		if m, ok := he.Message.(string); ok && says && m != http.StatusText(he.Code) {
			return he.Code, m
		}
		return he.Code, strings.ToLower(http.StatusText(he.Code))
	case errors.Is(err, search.ErrInvalid):
		return http.StatusBadRequest, invalidMessage(err)
	case errors.Is(err, search.ErrNotFound):
		return http.StatusNotFound, "no statement has this ID"
	case errors.Is(err, alerts.ErrInvalid):
		return http.StatusBadRequest, alertInvalidMessage(err)
	case errors.Is(err, alerts.ErrNotFound):
		return http.StatusNotFound, "no alert has this ID"
	case errors.Is(err, search.ErrTimeout), errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, msgTimeout
	case errors.Is(err, search.ErrOverloaded):
		return http.StatusServiceUnavailable, fmt.Sprintf(msgBusy, retryAfter(err))
	case errors.Is(err, ErrUnavailable):
		return http.StatusServiceUnavailable, msgUnavailable
	case errors.Is(err, alerts.ErrUnavailable):
		return http.StatusServiceUnavailable, msgAlertsUnavailable
	}
	return http.StatusInternalServerError, msgInternal
}

// retryAfter is the whole seconds after which a refused search may be
// tried again, as the Retry-After header and the message give it: the
// engine's expected wait, rounded up, and at least 1.
func retryAfter(err error) int {
	var ov *search.OverloadError
	if !errors.As(err, &ov) {
		return 1
	}
	return max(1, int((ov.RetryAfter+time.Second-1)/time.Second))
}

// invalidMessage says what is wrong with the request, without the package
// prefix that Go error strings carry.
func invalidMessage(err error) string {
	var inv *search.InvalidError
	switch {
	case errors.As(err, &inv) && inv.Column > 0:
		// The column points into the query, which the client has; quoting
		// the whole query again would only repeat it.
		return fmt.Sprintf("%s: %s at column %d", inv.Field, inv.Reason, inv.Column)
	case errors.As(err, &inv):
		return fmt.Sprintf("%s %q %s", inv.Field, inv.Value, inv.Reason)
	}
	return strings.TrimPrefix(err.Error(), "search: ")
}

// errorColumn is the query column of a syntax error, or 0.
func errorColumn(err error) int {
	var inv *search.InvalidError
	if errors.As(err, &inv) {
		return inv.Column
	}
	return 0
}

// badRequest is a 400 whose message the user sees.
func badRequest(format string, args ...any) error {
	return echo.NewHTTPError(http.StatusBadRequest, fmt.Sprintf(format, args...))
}

// isAPI tells whether a path answers JSON rather than pages.
// Feeds count as API: a feed reader gets a short JSON error, not a page.
// The other paths under /alerts are the alerts pages (alertspage.go).
func isAPI(path string) bool {
	return path == "/api" || strings.HasPrefix(path, "/api/") || path == "/healthz" ||
		path == pathFeed || (strings.HasPrefix(path, "/alerts/") && strings.HasSuffix(path, "/feed.atom"))
}

// handleError is the one place where failures are answered and logged: JSON
// under /api, an HTML page elsewhere. Server faults are logged here, once.
func (s *Server) handleError(err error, c echo.Context) {
	req := c.Request()
	status, msg := classify(err)
	switch {
	case status == http.StatusInternalServerError:
		s.log.Error("web: request failed", "method", req.Method, "path", req.URL.Path, "status", status, "err", err)
	case errors.Is(err, search.ErrOverloaded):
		// Refused before it ran, so that the client need not wait out its
		// deadline: counted rather than logged, since under overload a
		// line per refusal would only add to the load. The request's own
		// log line (observe) still shows the 503.
		var ov *search.OverloadError
		reason := "unknown"
		if errors.As(err, &ov) {
			reason = string(ov.Reason)
		}
		s.metrics.shed.WithLabelValues(reason).Inc()
		c.Response().Header().Set("Retry-After", strconv.Itoa(retryAfter(err)))
	case status >= 500: // a timeout: the server is busy or the search too broad
		s.log.Warn("web: request failed", "method", req.Method, "path", req.URL.Path, "status", status, "err", err)
	}
	if c.Response().Committed {
		return
	}
	var werr error
	switch {
	case req.Method == http.MethodHead:
		werr = c.NoContent(status)
	case isAPI(req.URL.Path):
		werr = c.JSON(status, apiError{Error: msg, Column: errorColumn(err)})
	default:
		werr = s.renderError(c, status, msg)
	}
	if werr != nil {
		s.log.Error("web: write error response", "path", req.URL.Path, "err", werr)
	}
}

// noticeText says in one line what a forgiving search read past: each
// syntax error with its column, and that it was searched as plain text.
// "" when there is nothing to say.
func noticeText(notices []search.Notice) string {
	if len(notices) == 0 {
		return ""
	}
	parts := make([]string, len(notices))
	for i, n := range notices {
		parts[i] = fmt.Sprintf("%s at column %d", n.Message, n.Column)
	}
	return strings.Join(parts, "; ") + ": searched as plain text"
}
