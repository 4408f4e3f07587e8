package web_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/advosearch/advosearch/web"
)

// fakeIngest records the JSONL each call receives and answers with the
// URLs as IDs, or with err.
type fakeIngest struct {
	mu     sync.Mutex
	got    []string
	result web.IngestResult
	err    error
}

func (f *fakeIngest) ingest(ctx context.Context, jsonl io.Reader) (web.IngestResult, error) {
	b, err := io.ReadAll(jsonl)
	if err != nil {
		return web.IngestResult{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.got = append(f.got, string(b))
	if f.err != nil {
		return web.IngestResult{}, f.err
	}
	res := f.result
	if res.IDs == nil {
		for line := range strings.Lines(string(b)) {
			var rec struct{ URL string }
			if err := json.Unmarshal([]byte(line), &rec); err != nil {
				return web.IngestResult{}, err
			}
			res.IDs = append(res.IDs, rec.URL)
		}
		res.Indexed = len(res.IDs)
	}
	return res, nil
}

func (f *fakeIngest) calls() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.got...)
}

func newIngestServer(t *testing.T, opts web.Options) (*httptest.Server, *fakeIngest) {
	t.Helper()
	f := &fakeIngest{}
	if opts.Ingest == nil {
		opts.Ingest = f.ingest
	}
	return newTestServerWith(t, opts), f
}

// postIngest posts body with a Content-Type ("" sends none) and the token.
func postIngest(t *testing.T, ts *httptest.Server, contentType, body, token string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, ts.URL+"/api/documents", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}

type ingestJSON struct {
	IDs       []string `json:"ids"`
	Indexed   int      `json:"indexed"`
	Unchanged int      `json:"unchanged"`
	Skipped   []struct {
		Line   int    `json:"line"`
		Name   string `json:"name"`
		Reason string `json:"reason"`
	} `json:"skipped"`
}

const oneStatement = `{
  "title": "Land activists <b>jailed</b> & fined",
  "body": "Three activists were jailed.",
  "url": "https://example.org/land",
  "source": "LICADHO",
  "published": "2018-02-05"
}`

func TestIngest_auth(t *testing.T) {
	for _, tc := range []struct {
		name   string
		opts   web.Options
		nilFn  bool
		token  string
		status int
		msg    string
	}{
		{"NoServerToken", web.Options{}, false, testToken, http.StatusForbidden, "--token"},
		{"NoBearer", web.Options{Token: testToken}, false, "", http.StatusUnauthorized, "Authorization: Bearer"},
		{"WrongBearer", web.Options{Token: testToken}, false, "wrong", http.StatusUnauthorized, "wrong"},
		{"NotConfigured", web.Options{Token: testToken}, true, testToken, http.StatusNotFound, "ingest is not configured"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var ts *httptest.Server
			var f *fakeIngest
			if tc.nilFn {
				ts = newTestServerWith(t, tc.opts)
			} else {
				ts, f = newIngestServer(t, tc.opts)
			}
			resp, body := postIngest(t, ts, "application/json", oneStatement, tc.token)
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tc.status, body)
			}
			if e := decode[errorJSON](t, body); !strings.Contains(e.Error, tc.msg) {
				t.Errorf("error %q, want it to contain %q", e.Error, tc.msg)
			}
			if f != nil && len(f.calls()) != 0 {
				t.Errorf("Ingest called %d times, want 0", len(f.calls()))
			}
		})
	}
}

func TestIngest_normalizesToJSONL(t *testing.T) {
	ts, f := newIngestServer(t, web.Options{Token: testToken})
	lines := `{"title":"One","body":"First text.","url":"https://example.org/1"}` + "\n\n" +
		`  {"title":"Two","html":"<p>Second</p>","url":"http://example.org/2","source":"HRW"}  ` + "\r\n"
	wantLines := `{"title":"One","body":"First text.","url":"https://example.org/1"}` + "\n" +
		`{"title":"Two","html":"<p>Second</p>","url":"http://example.org/2","source":"HRW"}` + "\n"

	for _, tc := range []struct {
		name, contentType, body, want string
		ids                           []string
	}{
		{"SingleObject", "application/json", oneStatement,
			`{"title":"Land activists <b>jailed</b> & fined","body":"Three activists were jailed.","url":"https://example.org/land","source":"LICADHO","published":"2018-02-05"}` + "\n",
			[]string{"https://example.org/land"}},
		{"NDJSON", "application/x-ndjson", lines, wantLines, []string{"https://example.org/1", "http://example.org/2"}},
		{"JSONLType", "application/jsonl; charset=utf-8", lines, wantLines, []string{"https://example.org/1", "http://example.org/2"}},
		{"Detected", "application/json", lines, wantLines, []string{"https://example.org/1", "http://example.org/2"}},
		{"DetectedNoType", "", lines, wantLines, []string{"https://example.org/1", "http://example.org/2"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := len(f.calls())
			resp, body := postIngest(t, ts, tc.contentType, tc.body, testToken)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d, want 200: %s", resp.StatusCode, body)
			}
			calls := f.calls()
			if len(calls) != before+1 {
				t.Fatalf("Ingest called %d times, want 1", len(calls)-before)
			}
			if got := calls[len(calls)-1]; got != tc.want {
				t.Errorf("Ingest got\n%q\nwant\n%q", got, tc.want)
			}
			res := decode[ingestJSON](t, body)
			if strings.Join(res.IDs, " ") != strings.Join(tc.ids, " ") || res.Indexed != len(tc.ids) {
				t.Errorf("ids %v indexed %d, want %v and %d", res.IDs, res.Indexed, tc.ids, len(tc.ids))
			}
			if res.Skipped == nil {
				t.Error("skipped is null, want []")
			}
		})
	}
}

func TestIngest_skippedLines(t *testing.T) {
	f := &fakeIngest{result: web.IngestResult{
		IDs: []string{"https://example.org/1"}, Indexed: 1,
		Skipped: []web.IngestSkip{{Name: "request:2", Reason: "published is not a date"}, {Name: "somewhere", Reason: "odd"}},
	}}
	ts := newTestServerWith(t, web.Options{Token: testToken, Ingest: f.ingest})
	body := `{"body":"a","url":"https://example.org/1"}` + "\n\n\n" + `{"body":"b","url":"https://example.org/2","published":"soon"}` + "\n"
	resp, got := postIngest(t, ts, "application/x-ndjson", body, testToken)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, got)
	}
	res := decode[ingestJSON](t, got)
	if len(res.Skipped) != 2 || res.Skipped[0].Line != 4 || res.Skipped[0].Reason != "published is not a date" ||
		res.Skipped[1].Name != "somewhere" || res.Skipped[1].Line != 0 {
		t.Errorf("skipped %+v, want line 4 (the body's line of record 2) and name somewhere", res.Skipped)
	}
}

func TestIngest_badRecords(t *testing.T) {
	ts, f := newIngestServer(t, web.Options{Token: testToken, MaxIngestBytes: 300})
	good := `{"body":"ok","url":"https://example.org/ok"}`
	for _, tc := range []struct {
		name, contentType, body, want string
	}{
		{"MissingURL", "application/x-ndjson", good + "\n" + `{"title":"No URL","body":"text"}`, `line 2: "url" is missing`},
		{"EmptyURL", "application/json", `{"body":"text","url":"  "}`, `line 1: "url" is missing`},
		{"RelativeURL", "application/x-ndjson", good + "\n\n" + `{"body":"x","url":"/statements/1"}`, `line 3: "url" "/statements/1" is not an absolute`},
		{"FTPURL", "application/json", `{"body":"x","url":"ftp://example.org/1"}`, "not an absolute http, https or file URL"},
		{"RelativeFileURL", "application/json", `{"body":"x","url":"file:notes.txt"}`, "not an absolute http, https or file URL"},
		{"NoText", "application/json", `{"title":"t","url":"https://example.org/1"}`, "no text"},
		{"UnknownField", "application/json", `{"body":"x","url":"https://example.org/1","publised":"2020"}`, `unknown field "publised"`},
		{"Malformed", "application/x-ndjson", good + "\n" + `{"body":`, "line 2: malformed JSON"},
		{"NotObject", "application/json", `["a"]`, "must be a JSON object"},
		{"Empty", "application/json", " \n ", "empty"},
		{"Oversized", "application/x-ndjson", strings.Repeat(good+"\n", 10), "larger than 300 bytes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := postIngest(t, ts, tc.contentType, tc.body, testToken)
			if resp.StatusCode != http.StatusBadRequest {
				t.Fatalf("status %d, want 400: %s", resp.StatusCode, body)
			}
			if e := decode[errorJSON](t, body); !strings.Contains(e.Error, tc.want) {
				t.Errorf("error %q, want it to contain %q", e.Error, tc.want)
			}
		})
	}
	if n := len(f.calls()); n != 0 {
		t.Errorf("Ingest called %d times for bad bodies, want 0", n)
	}
}

// TestIngest_bodyLimitIsPerRoute checks that the ingest route takes bodies
// over the global 64 KiB cap, and that the other routes still refuse them.
func TestIngest_bodyLimitIsPerRoute(t *testing.T) {
	ts, f := newIngestServer(t, web.Options{Token: testToken})
	big := fmt.Sprintf(`{"body":%q,"url":"https://example.org/big"}`, strings.Repeat("word ", 30_000))
	resp, body := postIngest(t, ts, "application/json", big, testToken)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("ingest of %d bytes: status %d, want 200: %s", len(big), resp.StatusCode, body)
	}
	if n := len(f.calls()); n != 1 {
		t.Errorf("Ingest called %d times, want 1", n)
	}
	search := fmt.Sprintf(`{"q":%q}`, strings.Repeat("word ", 30_000))
	if resp, body := do(t, ts, http.MethodPost, "/api/search", search); resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "larger than") {
		t.Errorf("search with %d bytes: status %d, want 400 larger than: %s", len(search), resp.StatusCode, body)
	}
}

func TestIngest_errors(t *testing.T) {
	for _, tc := range []struct {
		name   string
		err    error
		status int
	}{
		{"Failure", errors.New("indexer: disk full"), http.StatusInternalServerError},
		{"Deadline", fmt.Errorf("indexer: batch: %w", context.DeadlineExceeded), http.StatusServiceUnavailable},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := &fakeIngest{err: tc.err}
			ts := newTestServerWith(t, web.Options{Token: testToken, Ingest: f.ingest})
			resp, body := postIngest(t, ts, "application/json", oneStatement, testToken)
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tc.status, body)
			}
			if strings.Contains(body, "disk full") {
				t.Errorf("answer leaks the cause: %s", body)
			}
		})
	}
}
