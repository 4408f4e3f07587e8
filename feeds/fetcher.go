package feeds

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/advosearch/advosearch/netguard"
)

// Defaults for the zero values of Options.
const (
	DefaultUserAgent    = "advosearch/1.0 (+https://github.com/advosearch/advosearch)"
	DefaultTimeout      = 20 * time.Second
	DefaultMaxBodyBytes = 10 << 20
	DefaultPerHostDelay = 2 * time.Second
	DefaultMaxRedirects = 5
)

// Options configure a Fetcher. The zero value of each field means its
// default.
type Options struct {
	// UserAgent is sent with every request and is the name robots.txt groups
	// are matched against (its product token, the part before the first
	// "/"). Default DefaultUserAgent.
	UserAgent string
	// Timeout bounds one request, from dialling to the end of the body; each
	// redirect hop gets its own. Default 20 s.
	Timeout time.Duration
	// MaxBodyBytes caps a page or feed body; longer bodies fail with
	// ErrTooLarge. Default 10 MiB.
	MaxBodyBytes int64
	// PerHostDelay is the minimum gap between the starts of two requests to
	// one host (robots.txt and redirect hops included). Default 2 s; a
	// negative value means no gap.
	PerHostDelay time.Duration
	// MaxRedirects is how many redirects one fetch follows. Default 5; a
	// negative value means none.
	MaxRedirects int
	// AllowPrivate lets the Fetcher connect to loopback, private, link-local,
	// unspecified and every other non-public address. Off by default,
	// because feed and item URLs come from third parties and must not reach
	// our own network (SSRF): each address dialled, after DNS and on every
	// redirect hop, must pass netguard.Check. Tests turn it on to reach
	// httptest servers on 127.0.0.1.
	AllowPrivate bool
	// IgnoreRobots skips robots.txt for statement pages. Off by default, so
	// robots.txt is respected; it is a field of its own rather than
	// "RespectRobots" so that the zero value is the polite one.
	IgnoreRobots bool
	// Now returns the current time: Document.Fetched, the per-host gap,
	// robots.txt expiry, Retry-After dates. Default time.Now. For tests.
	Now func() time.Time
	// Sleep waits for d or until ctx ends, whichever is first, and returns
	// ctx.Err() in the second case. Default a timer. Tests pass one that
	// advances a fake clock instead of sleeping.
	Sleep func(ctx context.Context, d time.Duration) error
	// Transport, if set, replaces the default transport (for tests that need
	// a custom round tripper). The private-address check lives in the
	// default transport's dialer, so a replacement must do its own (set
	// netguard.Control on its net.Dialer).
	Transport http.RoundTripper
}

func (o *Options) setDefaults() {
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.Timeout == 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxBodyBytes == 0 {
		o.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if o.PerHostDelay == 0 {
		o.PerHostDelay = DefaultPerHostDelay
	}
	if o.MaxRedirects == 0 {
		o.MaxRedirects = DefaultMaxRedirects
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Sleep == nil {
		o.Sleep = sleep
	}
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Fetcher fetches feeds and pages. It is safe for concurrent use; the
// per-host gap and the robots.txt cache are shared by all callers, so use
// one Fetcher per process.
type Fetcher struct {
	opts   Options
	client *http.Client

	mu      sync.Mutex
	next    map[string]time.Time // host → earliest start of the next request
	blocked map[string]time.Time // host → end of a Retry-After
	robots  map[string]*robotsEntry
}

// NewFetcher returns a Fetcher with opts, defaults filled in.
func NewFetcher(opts Options) *Fetcher {
	opts.setDefaults()
	transport := opts.Transport
	if transport == nil {
		dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
		if !opts.AllowPrivate {
			dialer.Control = netguard.Control
		}
		transport = &http.Transport{
			// No proxy: through a proxy the dialer would check the proxy's
			// address instead of the destination's, and the private-address
			// guard would be void.
			Proxy:                 nil,
			DialContext:           dialer.DialContext,
			ForceAttemptHTTP2:     true,
			MaxIdleConns:          50,
			IdleConnTimeout:       90 * time.Second,
			TLSHandshakeTimeout:   10 * time.Second,
			ExpectContinueTimeout: time.Second,
		}
	}
	return &Fetcher{
		opts: opts,
		client: &http.Client{
			Transport: transport,
			Timeout:   opts.Timeout,
			// Redirects are followed by get, hop by hop, so that each hop
			// waits its turn for its host and passes robots.txt.
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
		next:    make(map[string]time.Time),
		blocked: make(map[string]time.Time),
		robots:  make(map[string]*robotsEntry),
	}
}

// getOptions vary one fetch.
type getOptions struct {
	header http.Header
	accept string
	robots bool // check robots.txt before each hop
	limit  int64
	// truncate reads at most limit bytes instead of failing with
	// ErrTooLarge (robots.txt: RFC 9309 lets crawlers ignore the rest).
	truncate bool
	// check, if set, vets the response headers before the body is read, so
	// an unwanted body (a 50 MB video) is never downloaded.
	check func(*http.Response) error
}

// response is a fetched 2xx or 304.
type response struct {
	url    *url.URL // after redirects
	status int
	header http.Header
	body   []byte
}

// get fetches rawURL, following redirects by hand. It returns a 2xx with
// its body or a 304 without; any other status is an *HTTPError or a
// *RetryError.
func (f *Fetcher) get(ctx context.Context, rawURL string, o getOptions) (*response, error) {
	u, err := parseURL(rawURL)
	if err != nil {
		return nil, err
	}
	if o.limit == 0 {
		o.limit = f.opts.MaxBodyBytes
	}
	for hop := 0; ; hop++ {
		if o.robots {
			if err := f.checkRobots(ctx, u); err != nil {
				return nil, err
			}
		}
		if err := f.wait(ctx, u); err != nil {
			return nil, err
		}
		resp, err := f.do(ctx, u, o)
		if err != nil {
			return nil, fmt.Errorf("feeds: GET %s: %w", u, err)
		}
		if loc := resp.Header.Get("Location"); isRedirect(resp.StatusCode) && loc != "" {
			drain(resp.Body)
			if hop >= f.opts.MaxRedirects {
				return nil, fmt.Errorf("feeds: GET %s: %w", rawURL, ErrTooManyRedirects)
			}
			next, err := u.Parse(loc)
			if err != nil || (next.Scheme != "http" && next.Scheme != "https") {
				return nil, fmt.Errorf("%w: redirect from %s to %q", ErrBadURL, u, loc)
			}
			next.Fragment = ""
			u = next
			continue
		}
		return f.finish(u, resp, o)
	}
}

func (f *Fetcher) do(ctx context.Context, u *url.URL, o getOptions) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	for k, v := range o.header {
		req.Header[k] = v
	}
	req.Header.Set("User-Agent", f.opts.UserAgent)
	if o.accept != "" {
		req.Header.Set("Accept", o.accept)
	}
	return f.client.Do(req)
}

// finish turns a final (non-redirect) response into a result and closes its
// body.
func (f *Fetcher) finish(u *url.URL, resp *http.Response, o getOptions) (*response, error) {
	defer drain(resp.Body)
	r := &response{url: u, status: resp.StatusCode, header: resp.Header}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		return r, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable {
			if after, ok := f.retryAfter(resp.Header.Get("Retry-After")); ok {
				f.block(u, after)
				return nil, &RetryError{Status: resp.StatusCode, URL: u.String(), After: after}
			}
		}
		return nil, &HTTPError{Status: resp.StatusCode, URL: u.String()}
	}
	if o.check != nil {
		if err := o.check(resp); err != nil {
			return nil, err
		}
	}
	if !o.truncate && resp.ContentLength > o.limit {
		return nil, fmt.Errorf("feeds: GET %s: %w (%d bytes, cap %d)", u, ErrTooLarge, resp.ContentLength, o.limit)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, o.limit+1))
	if err != nil {
		return nil, fmt.Errorf("feeds: read %s: %w", u, err)
	}
	if int64(len(body)) > o.limit {
		if !o.truncate {
			return nil, fmt.Errorf("feeds: GET %s: %w (cap %d)", u, ErrTooLarge, o.limit)
		}
		body = body[:o.limit]
	}
	r.body = body
	return r, nil
}

// wait blocks until u's host may be asked again and books the next slot, so
// concurrent callers queue up PerHostDelay apart.
func (f *Fetcher) wait(ctx context.Context, u *url.URL) error {
	host := strings.ToLower(u.Hostname())
	f.mu.Lock()
	now := f.opts.Now()
	if until, ok := f.blocked[host]; ok {
		if now.Before(until) {
			f.mu.Unlock()
			return &RetryError{URL: u.String(), After: until.Sub(now)}
		}
		delete(f.blocked, host)
	}
	start := now
	if next := f.next[host]; next.After(now) {
		start = next
	}
	if len(f.next) > 1024 {
		// A long-running watcher meets many hosts; forget those whose gap
		// has passed.
		for h, t := range f.next {
			if !t.After(now) {
				delete(f.next, h)
			}
		}
	}
	if f.opts.PerHostDelay > 0 {
		f.next[host] = start.Add(f.opts.PerHostDelay)
	}
	f.mu.Unlock()
	if d := start.Sub(now); d > 0 {
		return f.opts.Sleep(ctx, d)
	}
	return ctx.Err()
}

// maxRetryAfter bounds how long one Retry-After can block a host, so a
// bogus header ("Retry-After: 99999999") does not silence it for years.
const maxRetryAfter = 24 * time.Hour

func (f *Fetcher) block(u *url.URL, after time.Duration) {
	host := strings.ToLower(u.Hostname())
	f.mu.Lock()
	defer f.mu.Unlock()
	until := f.opts.Now().Add(after)
	if until.After(f.blocked[host]) {
		f.blocked[host] = until
	}
}

// retryAfter parses a Retry-After header: delay-seconds or an HTTP date.
func (f *Fetcher) retryAfter(v string) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	var d time.Duration
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n < 0 {
			return 0, false
		}
		d = time.Duration(min(n, int64(maxRetryAfter/time.Second))) * time.Second
	} else if t, err := http.ParseTime(v); err == nil {
		d = max(t.Sub(f.opts.Now()), 0)
	} else {
		return 0, false
	}
	return min(d, maxRetryAfter), true
}

func isRedirect(status int) bool {
	switch status {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return true
	}
	return false
}

// drain reads a little of what is left so the connection can be reused,
// then closes the body.
func drain(body io.ReadCloser) {
	_, _ = io.CopyN(io.Discard, body, 4<<10) // best effort: only connection reuse depends on it
	_ = body.Close()                         // a read-only body; nothing to lose on close
}

func parseURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadURL, err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%w: %q is not an http(s) URL", ErrBadURL, raw)
	}
	u.Fragment = ""
	return u, nil
}
