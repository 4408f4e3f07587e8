package web

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/advosearch/advosearch/search"
)

// stub is a searcher whose answers a test chooses.
type stub struct {
	search    func(ctx context.Context, r search.Request) (search.Result, error)
	quotes    func(ctx context.Context, r search.QuoteRequest) (search.QuoteResult, error)
	statement func(ctx context.Context, id string) (search.Statement, error)
	count     func() (uint64, error)
}

func (s stub) Search(ctx context.Context, r search.Request) (search.Result, error) {
	return s.search(ctx, r)
}

func (s stub) Quotes(ctx context.Context, r search.QuoteRequest) (search.QuoteResult, error) {
	return s.quotes(ctx, r)
}

func (s stub) Statement(ctx context.Context, id string) (search.Statement, error) {
	return s.statement(ctx, id)
}

// Mark marks nothing: no stub test reaches the statement page's marks.
func (s stub) Mark(ctx context.Context, st search.Statement, r search.Request) (search.Marked, error) {
	return search.Marked{}, nil
}

func (s stub) QuotesOf(ctx context.Context, id string) ([]search.StatementQuote, error) {
	return nil, nil
}

func (s stub) Count() (uint64, error) { return s.count() }

func newStubServer(t *testing.T, s stub, opts Options) (*Server, *bytes.Buffer) {
	t.Helper()
	var logs bytes.Buffer
	opts.Logger = slog.New(slog.NewTextHandler(&logs, nil))
	srv, err := New(s, opts)
	if err != nil {
		t.Fatal(err)
	}
	return srv, &logs
}

func serve(srv *Server, method, path string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	srv.Handler().ServeHTTP(rec, httptest.NewRequest(method, path, nil))
	return rec
}

func TestNew_missingTemplate(t *testing.T) {
	full := fstest.MapFS{}
	err := fs.WalkDir(templateFS, "templates", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(templateFS, path)
		full[path] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := newServer(stub{}, Options{}, full); err != nil {
		t.Fatalf("all templates: %v", err)
	}
	for _, missing := range []string{"templates/layout.html", "templates/search.html", "templates/quotes.html", "templates/statement.html", "templates/error.html"} {
		t.Run(missing, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for k, v := range full {
				if k != missing {
					fsys[k] = v
				}
			}
			_, err := newServer(stub{}, Options{}, fsys)
			if err == nil || !strings.Contains(err.Error(), "missing template") || !strings.Contains(err.Error(), missing) {
				t.Errorf("without %s: error %v, want missing template %q", missing, err, missing)
			}
		})
	}
	t.Run("page without main", func(t *testing.T) {
		fsys := fstest.MapFS{}
		for k, v := range full {
			fsys[k] = v
		}
		fsys["templates/error.html"] = &fstest.MapFile{Data: []byte(`{{define "other"}}x{{end}}`)}
		if _, err := newServer(stub{}, Options{}, fsys); err == nil || !strings.Contains(err.Error(), `"main"`) {
			t.Errorf("error %v, want missing template \"main\"", err)
		}
	})
}

func TestServer_failures(t *testing.T) {
	boom := errors.New("disk on fire at /var/lib/secret")
	tests := []struct {
		name       string
		search     func(context.Context, search.Request) (search.Result, error)
		path       string
		status     int
		body       string // the response must contain it
		logged     bool
		notInReply string
	}{
		{
			name:   "panic in API",
			search: func(context.Context, search.Request) (search.Result, error) { panic("secret panic detail") },
			path:   "/api/search?q=x", status: 500, body: `{"error":"internal server error"}`, logged: true, notInReply: "secret",
		},
		{
			name:   "panic in page",
			search: func(context.Context, search.Request) (search.Result, error) { panic("secret panic detail") },
			path:   "/?q=x", status: 500, body: `"error":"internal server error"`, logged: true, notInReply: "secret",
		},
		{
			name:   "engine error in API",
			search: func(context.Context, search.Request) (search.Result, error) { return search.Result{}, boom },
			path:   "/api/search?q=x", status: 500, body: `{"error":"internal server error"}`, logged: true, notInReply: "disk",
		},
		{
			name:   "engine error in page",
			search: func(context.Context, search.Request) (search.Result, error) { return search.Result{}, boom },
			path:   "/?q=x", status: 500, body: "Something went wrong", logged: true, notInReply: "disk",
		},
		{
			name: "timeout in API",
			search: func(ctx context.Context, _ search.Request) (search.Result, error) {
				<-ctx.Done()
				return search.Result{}, errors.Join(search.ErrTimeout, ctx.Err())
			},
			path: "/api/search?q=x", status: 503, body: "took too long", logged: true,
		},
		{
			name: "timeout in page",
			search: func(ctx context.Context, _ search.Request) (search.Result, error) {
				<-ctx.Done()
				return search.Result{}, errors.Join(search.ErrTimeout, ctx.Err())
			},
			path: "/?q=x", status: 503, body: "took too long", logged: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, logs := newStubServer(t, stub{search: tt.search}, Options{RequestTimeout: 50 * time.Millisecond})
			rec := serve(srv, http.MethodGet, tt.path)
			if rec.Code != tt.status {
				t.Errorf("status %d, want %d", rec.Code, tt.status)
			}
			if !strings.Contains(rec.Body.String(), tt.body) {
				t.Errorf("body %s, want it to contain %s", rec.Body, tt.body)
			}
			if tt.notInReply != "" && strings.Contains(rec.Body.String(), tt.notInReply) {
				t.Errorf("body %s gives away %q", rec.Body, tt.notInReply)
			}
			if got := logs.Len() > 0; got != tt.logged {
				t.Errorf("logged %v, want %v: %s", got, tt.logged, logs)
			}
			if rec.Header().Get("X-Content-Type-Options") != "nosniff" {
				t.Error("error response lacks the security headers")
			}
		})
	}
}

func TestServer_requestTimeout(t *testing.T) {
	var left time.Duration
	srv, _ := newStubServer(t, stub{search: func(ctx context.Context, _ search.Request) (search.Result, error) {
		deadline, ok := ctx.Deadline()
		if !ok {
			return search.Result{}, errors.New("no deadline")
		}
		left = time.Until(deadline)
		return search.Result{Page: 1, Size: 10}, nil
	}}, Options{})
	if rec := serve(srv, http.MethodGet, "/api/search"); rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	if left <= DefaultRequestTimeout-time.Second || left > DefaultRequestTimeout {
		t.Errorf("search got %v to run, want about the default %v", left, DefaultRequestTimeout)
	}
}

func TestHealthz_unavailable(t *testing.T) {
	srv, logs := newStubServer(t, stub{count: func() (uint64, error) { return 0, errors.New("closed") }}, Options{})
	rec := serve(srv, http.MethodGet, "/healthz")
	if rec.Code != http.StatusServiceUnavailable || strings.Contains(rec.Body.String(), "closed") {
		t.Errorf("got %d %s, want 503 without the cause", rec.Code, rec.Body)
	}
	if !strings.Contains(logs.String(), "closed") {
		t.Errorf("cause not logged: %s", logs)
	}
}

func TestParams_links(t *testing.T) {
	p := params{Q: "a b", Org: []string{"X"}, Sort: "-date", Page: 3, Size: 20}
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"as is", p.href(), "/?org=X&page=3&q=a+b&size=20&sort=-date"},
		{"add a filter", p.with(paramPlace, "Phnom Penh").href(), "/?org=X&place=Phnom+Penh&q=a+b&size=20&sort=-date"},
		{"add a filter twice", p.with(paramOrg, "X").href(), "/?org=X&q=a+b&size=20&sort=-date"},
		{"remove a filter", p.without(paramOrg, "X").href(), "/?q=a+b&size=20&sort=-date"},
		{"page", p.withPage(1).href(), "/?org=X&q=a+b&size=20&sort=-date"},
		{"dates", p.withDates("2017-01-01", "2017-12-31").href(), "/?from=2017-01-01&org=X&q=a+b&size=20&sort=-date&to=2017-12-31"},
		{"empty", params{}.href(), "/"},
		{"op kept", params{Q: "a b", Op: "or"}.href(), "/?op=or&q=a+b"},
		{"new query keeps filters", p.withQuery("c").href(), "/?org=X&q=c&size=20&sort=-date"},
		{"default size left out", params{Size: 10}.href(), "/"},
		{"unchanged after with", p.href(), "/?org=X&page=3&q=a+b&size=20&sort=-date"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %s, want %s", tt.name, tt.got, tt.want)
		}
	}
	// with must not write into the slice it was given.
	base := params{Org: make([]string, 1, 4)}
	base.Org[0] = "A"
	_ = base.with(paramOrg, "B")
	if got := base.Org[:2][1]; got != "" {
		t.Errorf("with wrote %q into the caller's backing array", got)
	}
}

func TestPaginate(t *testing.T) {
	p := params{Q: "x"}
	numbers := func(pg pagination) []int {
		var out []int
		for _, l := range pg.Pages {
			if l.Gap {
				out = append(out, 0)
			}
			out = append(out, l.N)
		}
		return out
	}
	tests := []struct {
		page  int
		total uint64
		size  int
		want  []int // 0 is a gap
		prev  bool
		next  bool
	}{
		{1, 5, 10, nil, false, false},
		{1, 25, 10, []int{1, 2, 3}, false, true},
		{3, 25, 10, []int{1, 2, 3}, true, false},
		{10, 1000, 10, []int{1, 0, 8, 9, 10, 11, 12, 0, 100}, true, true},
		{1, 1_000_000, 100, []int{1, 2, 3, 0, 100}, false, true}, // bounded by search.MaxDepth
	}
	for _, tt := range tests {
		pg := paginate(p, tt.total, tt.page, tt.size)
		if got := numbers(pg); !equalInts(got, tt.want) {
			t.Errorf("page %d of %d/%d: got %v, want %v", tt.page, tt.total, tt.size, got, tt.want)
		}
		if (pg.Prev != "") != tt.prev || (pg.Next != "") != tt.next {
			t.Errorf("page %d of %d/%d: prev %q next %q, want prev %v next %v", tt.page, tt.total, tt.size, pg.Prev, pg.Next, tt.prev, tt.next)
		}
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestSpotError(t *testing.T) {
	tests := []struct {
		q      string
		column int
		want   *errorSpot
	}{
		{"(Hun Sen", 1, &errorSpot{At: "(", After: "Hun Sen"}},
		{"foo)", 4, &errorSpot{Before: "foo", At: ")"}},
		{"“a” (b", 5, &errorSpot{Before: "“a” ", At: "(", After: "b"}}, // runes, not bytes
		{"a AND", 6, &errorSpot{Before: "a AND"}},                      // just past the end
		{"a AND", 60, &errorSpot{Before: "a AND"}},
		{"a", 0, nil},
	}
	for _, tt := range tests {
		got := spotError(tt.q, tt.column)
		if (got == nil) != (tt.want == nil) || (got != nil && *got != *tt.want) {
			t.Errorf("spotError(%q, %d) = %+v, want %+v", tt.q, tt.column, got, tt.want)
		}
	}
}

func TestParams_op(t *testing.T) {
	for _, tt := range []struct {
		op            string
		serverDefault bool
		want          bool
		err           bool
	}{
		{"", false, false, false},
		{"", true, true, false},
		{"or", false, true, false},
		{"OR", false, true, false},
		{"and", true, false, false},
		{"xor", false, false, true},
		{"||", true, false, true},
	} {
		r, err := params{Op: tt.op}.request(tt.serverDefault)
		if (err != nil) != tt.err || (err == nil && r.DefaultOr != tt.want) {
			t.Errorf("op %q, server default or %v: DefaultOr %v, error %v; want %v, error %v", tt.op, tt.serverDefault, r.DefaultOr, err, tt.want, tt.err)
		}
		if err != nil && !errors.Is(err, search.ErrInvalid) {
			t.Errorf("op %q: error %v does not wrap search.ErrInvalid", tt.op, err)
		}
	}
}
