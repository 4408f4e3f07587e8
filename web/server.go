package web

import (
	"context"
	"crypto/sha256"
	"embed"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"time"

	"github.com/advosearch/advosearch/search"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"golang.org/x/time/rate"
)

// searcher is what the web needs from package search; *search.Engine has it.
type searcher interface {
	Search(ctx context.Context, r search.Request) (search.Result, error)
	Quotes(ctx context.Context, r search.QuoteRequest) (search.QuoteResult, error)
	Statement(ctx context.Context, id string) (search.Statement, error)
	// Mark and QuotesOf fill the statement page: the search's words and
	// the quotations, in place.
	Mark(ctx context.Context, s search.Statement, r search.Request) (search.Marked, error)
	QuotesOf(ctx context.Context, id string) ([]search.StatementQuote, error)
	Count() (uint64, error)
}

// Defaults for Options.
const (
	DefaultRequestTimeout = 10 * time.Second
	DefaultMaxBodyBytes   = 64 << 10
	DefaultRateLimit      = 20
	DefaultMaxIngestBytes = 10 << 20
	DefaultIngestTimeout  = 2 * time.Minute
	DefaultMaxExport      = 10_000
)

// Options tune the server. The zero value is the default.
type Options struct {
	// RequestTimeout bounds the work done for one request, searches
	// included: a search still running then answers 503. Default 10s.
	RequestTimeout time.Duration
	// Logger receives one line per request (request ID, route, status,
	// latency) and the error of each that failed on our side (5xx).
	// Default slog.Default().
	Logger *slog.Logger
	// MaxBodyBytes bounds a request body (POST /api/search); a larger
	// one answers 400. Default 64 KiB.
	MaxBodyBytes int64
	// DefaultOr combines adjacent words of a query with OR instead of AND
	// (the default): "land activists" then finds statements with either
	// word. It goes into every search, page and API alike; the op
	// parameter (op=and or op=or) overrides it for one request, and the
	// search page says which one is in force.
	DefaultOr bool
	// Token is the shared secret of the alert endpoints, from --token or
	// ADVOSEARCH_TOKEN. Clients send it as "Authorization: Bearer TOKEN";
	// the feed of an alert carries a key derived from it instead (feed
	// readers cannot send headers), so changing the token changes every
	// feed URL. Empty disables the alert endpoints: they answer 403 with a
	// hint. The server never logs it or writes it into a page.
	Token string
	// Alerts stores the saved searches; *alerts.Store has what it needs.
	// Nil (an untyped nil: leave the field unset) means the server has no alerts file: every alert route answers
	// 404 "alerts are not configured". It is an option rather than an
	// argument of New because a server without alerts is complete, and the
	// zero Options stays the default.
	Alerts alertStore
	// BaseURL is the site's public root, e.g. "https://advosearch.example",
	// written into feed links, feed URLs and Location headers. Set it
	// behind a proxy. Empty means the scheme and host of each request;
	// X-Forwarded-* headers are not trusted, since any client can send them.
	BaseURL string
	// TrustedProxies are the addresses of the reverse proxies in front of
	// the server (nginx, Caddy). Only a connection from one of them may name
	// the client in X-Forwarded-For or X-Real-IP, so the rate limit and the
	// log see each client rather than the proxy. Empty: the connection's
	// address is the client's.
	TrustedProxies []netip.Prefix
	// RateLimit bounds the API and feed requests of one client address, in
	// requests per second, with bursts of twice that; more answer 429.
	// Pages are not limited. Default 20.
	RateLimit float64
	// Ingest adds statements to the index for POST /api/documents; the
	// lead's wiring in cmd passes the indexer here, so that package web does
	// not import it. It always gets JSON lines: one statement object per
	// line ({title, body or html, url, source, published}), each with an
	// absolute http(s) url, re-encoded compactly by the handler. It must
	// stop when ctx is done (the request's IngestTimeout passed or the client
	// left) and may return context.DeadlineExceeded then, which answers 503;
	// an error wrapping ErrUnavailable (a store it writes to is down)
	// answers 503 with a message saying so; any other error is a 500. Nil (leave the field unset) means the server
	// does not take statements over HTTP: the route answers 404 "ingest is
	// not configured". Like the alert endpoints, it needs Token.
	Ingest func(ctx context.Context, jsonl io.Reader) (IngestResult, error)
	// IngestFile indexes one file as the local indexer would, for POST
	// /api/documents with the file's own bytes (raw with its Content-Type,
	// or multipart): a PDF, an HTML page, a JSONL file. Its statements'
	// IDs come from the file's Origin, so a file sent by "advosearch index
	// --server" is the same statement as the file indexed where it lies.
	// Errors answer as Ingest's do. Nil means the server takes JSON
	// statements only, and other bodies answer 415.
	IngestFile func(ctx context.Context, f IngestFile) (IngestResult, error)
	// Originals finds the files statements were read from, for the
	// statement page's "Original file" link. Nil: no link.
	Originals OriginalFiles
	// Ready says whether the server is current enough to be sent
	// searches, for /readyz: a node following a shared record answers
	// "catching up, N behind" and false until it has applied it. Its
	// status is shown as it is. Nil: ready once the index answers.
	Ready func() (status string, ready bool)
	// Delete deletes the statement with the ID, with its quotes, for
	// DELETE /api/documents/:id (token holders only), so that it stays
	// deleted when the same content is read again; it returns an error
	// wrapping search.ErrNotFound when no statement has the ID, which
	// answers 404. Like Ingest, cmd passes the indexer here. Nil means the
	// route answers 404 "deleting statements is not configured".
	Delete func(ctx context.Context, id string) error
	// Backup writes a consistent copy of the data folder into a new folder
	// on the server (POST /api/backup, token holders only), wrapping
	// ErrBackupExists if it is there already. Nil means the route answers
	// 404.
	Backup func(ctx context.Context, dir string) error
	// Metrics beside the requests' own, each optional: the index's size on
	// disk, the statements written since start (its rate is the indexing
	// rate), and the webhook deliveries accepted and attempts failed.
	IndexSize  func() (int64, error)
	Indexed    func() uint64
	Deliveries func() (delivered, failed uint64)
	// MaxIngestBytes bounds the body of POST /api/documents, which replaces
	// MaxBodyBytes for that route only; a larger body answers 400. The
	// handler holds the body in memory (twice, normalised), so keep it
	// modest. Default 10 MiB.
	MaxIngestBytes int64
	// IngestTimeout replaces RequestTimeout for POST /api/documents, since
	// indexing a batch takes longer than a search. Default 2 minutes; the
	// http.Server's WriteTimeout, if any, must be longer.
	IngestTimeout time.Duration
	// MaxExport bounds the rows of one export (GET /api/search?format=csv
	// or jsonl); a larger result is cut, and the answer says so in the
	// header X-Advosearch-Truncated: true. It cannot exceed search.MaxDepth,
	// the deepest the search pages. Default 10,000.
	MaxExport int
	// Now returns the current time, which the statement page's citations
	// give as the day the page was accessed. Default time.Now.
	Now func() time.Time
}

func (o *Options) setDefaults() {
	if o.RequestTimeout <= 0 {
		o.RequestTimeout = DefaultRequestTimeout
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = DefaultMaxBodyBytes
	}
	o.BaseURL = strings.TrimRight(strings.TrimSpace(o.BaseURL), "/")
	if o.RateLimit <= 0 {
		o.RateLimit = DefaultRateLimit
	}
	if o.MaxIngestBytes <= 0 {
		o.MaxIngestBytes = DefaultMaxIngestBytes
	}
	if o.IngestTimeout <= 0 {
		o.IngestTimeout = DefaultIngestTimeout
	}
	if o.MaxExport <= 0 {
		o.MaxExport = DefaultMaxExport
	}
	o.MaxExport = min(o.MaxExport, search.MaxDepth)
	if o.Now == nil {
		o.Now = time.Now
	}
}

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Server is the HTTP front end over one searcher. It is safe for concurrent
// use once New has returned.
type Server struct {
	search searcher
	opts   Options
	log    *slog.Logger
	pages  map[string]*template.Template
	static fs.FS
	echo   *echo.Echo
	// help is the syntax help of the search page, built once.
	help    []helpExample
	metrics *metrics
	// tokenSum is the SHA-256 of Options.Token, compared with the digest of
	// the token a client sends; see checkToken.
	tokenSum [sha256.Size]byte
}

// New parses the templates and builds the routes. A template that is missing
// or does not parse is an error here, at start-up, not on the first request.
func New(s searcher, opts Options) (*Server, error) {
	return newServer(s, opts, templateFS)
}

// newServer takes the template files as an argument so that a test can start
// a server with one of them missing.
func newServer(s searcher, opts Options, templates fs.FS) (*Server, error) {
	if s == nil {
		return nil, fmt.Errorf("web: no searcher")
	}
	opts.setDefaults()
	if opts.BaseURL != "" {
		u, err := url.Parse(opts.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("web: base URL %q must be an absolute http or https URL", opts.BaseURL)
		}
	}
	pages, err := parseTemplates(templates)
	if err != nil {
		return nil, err
	}
	static, err := fs.Sub(staticFS, "static")
	if err != nil {
		return nil, fmt.Errorf("web: static files: %w", err)
	}
	srv := &Server{search: s, opts: opts, log: opts.Logger, pages: pages, static: static, echo: echo.New(), help: helpExamples()}
	if opts.Token != "" {
		srv.tokenSum = sha256.Sum256([]byte(opts.Token))
	}
	srv.echo.IPExtractor = clientIP(opts.TrustedProxies)
	srv.echo.HideBanner = true
	srv.echo.HidePort = true
	srv.echo.HTTPErrorHandler = srv.handleError
	// Order matters: headers first so every answer carries them, error
	// pages and recovered panics included; recover next so a panic anywhere
	// below becomes a 500; the limits last.
	srv.metrics = newMetrics(s, opts)
	srv.echo.Use(middleware.RequestID(), srv.observe, securityHeaders, srv.recoverPanic, srv.rateLimit(), srv.limitBody, srv.timeout)
	srv.routes()
	return srv, nil
}

// rateLimit bounds each client's API and feed requests, so one polling
// program cannot starve the others. Clients are told apart by clientIP.
func (s *Server) rateLimit() echo.MiddlewareFunc {
	return middleware.RateLimiterWithConfig(middleware.RateLimiterConfig{
		Skipper: func(c echo.Context) bool { return !isAPI(c.Request().URL.Path) && !takesToken(c) },
		Store: middleware.NewRateLimiterMemoryStoreWithConfig(middleware.RateLimiterMemoryStoreConfig{
			Rate: rate.Limit(s.opts.RateLimit), Burst: int(2 * s.opts.RateLimit), ExpiresIn: 3 * time.Minute,
		}),
		IdentifierExtractor: func(c echo.Context) (string, error) { return c.RealIP(), nil },
		DenyHandler: func(c echo.Context, _ string, _ error) error {
			c.Response().Header().Set("Retry-After", "1")
			return c.JSON(http.StatusTooManyRequests, map[string]string{"error": "too many requests from this address; slow down"})
		},
	})
}

// Handler returns the HTTP handler of every route.
func (s *Server) Handler() http.Handler { return s.echo }

// securityHeaders sets headers that keep the pages from being framed, sniffed
// or made to run anything we do not serve ourselves. The pages need no
// inline script or style, so the policy can forbid both: an injection that
// slipped past html/template still could not run.
func securityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		h.Set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		return next(c)
	}
}

// recoverPanic turns a panic into a 500 that says nothing about its cause; the
// cause goes to the log.
func (s *Server) recoverPanic(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) (err error) {
		defer func() {
			r := recover()
			if r == nil {
				return
			}
			if r == http.ErrAbortHandler {
				panic(r)
			}
			s.log.Error("web: panic", "method", c.Request().Method, "path", c.Request().URL.Path, "panic", fmt.Sprint(r))
			if c.Response().Committed {
				return
			}
			err = c.JSON(http.StatusInternalServerError, apiError{Error: "internal server error"})
		}()
		return next(c)
	}
}

// limits are the body cap and the deadline of one request.
type limits struct {
	maxBody int64
	timeout time.Duration
}

// limitsOf says which limits a request gets: the ingest route has its own,
// larger ones; every other route the defaults. Echo has matched the route
// before these middlewares run, so c.Path() is the route's pattern. It is
// one function rather than route middleware because a cap cannot be raised
// once the body is wrapped in a smaller one.
func (s *Server) limitsOf(c echo.Context) limits {
	if c.Request().Method == http.MethodPost && c.Path() == pathDocuments {
		return limits{maxBody: s.opts.MaxIngestBytes, timeout: s.opts.IngestTimeout}
	}
	return limits{maxBody: s.opts.MaxBodyBytes, timeout: s.opts.RequestTimeout}
}

// limitBody caps the body; a handler that reads past the cap gets an
// *http.MaxBytesError, which it reports as a 400.
func (s *Server) limitBody(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		req := c.Request()
		req.Body = http.MaxBytesReader(c.Response(), req.Body, s.limitsOf(c).maxBody)
		return next(c)
	}
}

// timeout gives each request a deadline; the search gives up when it passes.
func (s *Server) timeout(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		ctx, cancel := context.WithTimeout(c.Request().Context(), s.limitsOf(c).timeout)
		defer cancel()
		c.SetRequest(c.Request().WithContext(ctx))
		return next(c)
	}
}
