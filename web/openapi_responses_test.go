package web_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/advosearch/advosearch/alerts"
	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/indexer"
	"github.com/advosearch/advosearch/search"
	"github.com/advosearch/advosearch/web"
	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"
)

// TestOpenAPI_responsesValidate sends real requests to servers over the
// test index and checks every answer against the document the server
// serves, with kin-openapi's openapi3filter, as a generated client would
// read it: the status must be documented for the operation, the headers
// and the body must match their schemas. The requests that should succeed
// are validated against the document too. The test fails when an
// operation of the document has a success response (a status and a media
// type) that no request here validated, so a new route or a new format
// needs a request here.
//
// TestOpenAPI_matchesRoutes keeps the document's operations and the route
// table in step; this test keeps what they answer in step.
func TestOpenAPI_responsesValidate(t *testing.T) {
	registerBodyDecoders(t)
	backups := &fakeBackup{}
	ts := newFullAPIServer(t, backups)
	v := newAPIValidator(t, ts)

	// Search: results, the notices of the forgiving parse, partial
	// matches, small words left out, the exports, and bad input.
	v.check(ts, "GET", "/api/search?q=government&size=1&sort=-date", "", "", "", 200)
	v.check(ts, "GET", "/api/search?q=journalists+detained+zanzibarquux", "", "", "", 200)
	v.check(ts, "GET", "/api/search?q=%22must+close", "", "", "", 200)
	v.check(ts, "GET", "/api/search?q=freedom+of+association&org=LICADHO&from=2000-01-01", "", "", "", 200)
	v.check(ts, "GET", "/api/search?q=Kem+Sokka+zanzibarquux", "", "", "", 200)
	v.check(ts, "GET", "/api/search?q=%22must+close&strict=1", "", "", "", 400)
	v.check(ts, "GET", "/api/search?size=0", "", "", "", 400)
	v.check(ts, "GET", "/api/search?q=cambodia&format=csv", "", "", "", 200)
	v.check(ts, "GET", "/api/search?q=cambodia&format=jsonl", "", "", "", 200)
	v.check(ts, "POST", "/api/search", "application/json", `{"q":"government","org":["LICADHO"],"strict":true,"size":5}`, "", 200)
	v.check(ts, "POST", "/api/search", "application/json", `{"q":"government","bogus":1}`, "", 400)

	v.check(ts, "GET", "/api/quotes?q=created+by+foreigners", "", "", "", 200)
	v.check(ts, "GET", "/api/quotes?q=created+by+foreigners&format=csv", "", "", "", 200)
	v.check(ts, "GET", "/api/quotes?q=created+by+foreigners&format=jsonl", "", "", "", 200)
	v.check(ts, "GET", "/api/quotes?q=created&from=2017-13-01", "", "", "", 400)

	v.check(ts, "GET", "/api/documents/hun-sen", "", "", "", 200)
	v.check(ts, "GET", "/api/documents/undated", "", "", "", 200)
	v.check(ts, "GET", "/api/documents/no-such-statement", "", "", "", 404)

	v.check(ts, "GET", "/api/openapi.json", "", "", "", 200)
	v.check(ts, "GET", "/healthz", "", "", "", 200)
	v.check(ts, "GET", "/feed.atom?q=cambodia", "", "", "", 200)
	v.check(ts, "GET", "/feed.atom?from=yesterday", "", "", "", 400)

	// Alerts, and statements added over HTTP that match one.
	body := v.check(ts, "POST", "/api/alerts", "application/json",
		`{"name":"Bloggers","q":"blogger","webhook_url":"https://example.org/hook"}`, testToken, 201)
	var alert struct {
		ID      string `json:"id"`
		FeedURL string `json:"feed_url"`
	}
	if err := json.Unmarshal(body, &alert); err != nil || alert.ID == "" || alert.FeedURL == "" {
		t.Fatalf("created alert %s: %v", body, err)
	}
	v.check(ts, "POST", "/api/alerts", "application/json", `{"name":"Land","q":"land","org":"LICADHO","person":["Hun Sen"],"from":"2017-01-01"}`, testToken, 201)
	v.check(ts, "POST", "/api/alerts", "application/json", `{"q":"blogger"}`, "", 401)
	v.check(ts, "POST", "/api/alerts", "application/json", `{"q":"blogger","colour":"red"}`, testToken, 400)
	v.check(ts, "GET", "/api/alerts", "", "", testToken, 200)
	v.check(ts, "GET", "/api/alerts/"+alert.ID, "", "", testToken, 200)
	v.check(ts, "GET", "/api/alerts/no-such-alert", "", "", testToken, 404)
	v.check(ts, "POST", "/api/alerts/"+alert.ID+"/secret", "", "", testToken, 200)
	v.check(ts, "POST", "/api/alerts/no-such-alert/secret", "", "", testToken, 404)
	v.check(ts, "POST", "/api/alerts/"+alert.ID+"/secret", "", "", "", 401)

	v.check(ts, "POST", "/api/documents", "application/json",
		`{"title":"Blogger charged","body":"LICADHO said the blogger must be freed.","url":"https://example.org/s/1","source":"LICADHO","published":"2024-03-01"}`, testToken, 200)
	v.check(ts, "POST", "/api/documents", "application/x-ndjson",
		`{"title":"Blogger freed","body":"LICADHO welcomed the release of the blogger.","url":"https://example.org/s/2","source":"LICADHO","published":"2024-03-05"}`+"\n"+
			`{"title":"Blogger charged","body":"LICADHO said the blogger must be freed.","url":"https://example.org/s/1","source":"LICADHO","published":"2024-03-01"}`+"\n", testToken, 200)
	v.check(ts, "POST", "/api/documents", "application/jsonl",
		`{"title":"Land dispute","html":"<p>Villagers in Koh Kong lost their land.</p>","url":"https://example.org/s/3"}`+"\n", testToken, 200)
	v.check(ts, "POST", "/api/documents", "application/json", `{"body":"no url"}`, testToken, 400)
	v.check(ts, "POST", "/api/documents", "application/json", `{"body":"a","url":"https://example.org/s/4"}`, "wrong-token", 401)

	matches := v.check(ts, "GET", "/api/alerts/"+alert.ID+"/matches?after=0&limit=10", "", "", testToken, 200)
	if !bytes.Contains(matches, []byte(`"statement_id"`)) {
		t.Errorf("matches %s: want the statements added above, so that a Match is validated", matches)
	}
	v.check(ts, "GET", "/api/alerts/"+alert.ID+"/matches?after=-1", "", "", testToken, 400)
	feed, err := url.Parse(alert.FeedURL)
	if err != nil {
		t.Fatal(err)
	}
	v.check(ts, "GET", feed.RequestURI(), "", "", "", 200)
	v.check(ts, "GET", "/alerts/"+alert.ID+"/feed.atom?key=0123456789abcdef0123456789abcdef", "", "", "", 404)
	// A statement deleted: its match stays in the log, marked deleted.
	v.check(ts, "DELETE", "/api/documents/"+url.PathEscape(ingestedID(t, ts)), "", "", testToken, 204)
	v.check(ts, "DELETE", "/api/documents/hun-sen", "", "", "", 401)
	v.check(ts, "DELETE", "/api/documents/hun-sen", "", "", testToken, 204)
	v.check(ts, "DELETE", "/api/documents/hun-sen", "", "", testToken, 404)
	matches = v.check(ts, "GET", "/api/alerts/"+alert.ID+"/matches?after=0&limit=10", "", "", testToken, 200)
	if !bytes.Contains(matches, []byte(`"deleted":true`)) {
		t.Errorf("matches %s: want the deleted statement's match marked deleted", matches)
	}

	v.check(ts, "DELETE", "/api/alerts/"+alert.ID, "", "", testToken, 204)
	v.check(ts, "DELETE", "/api/alerts/"+alert.ID, "", "", testToken, 404)

	v.check(ts, "POST", "/api/backup", "application/json", `{"dir":"/var/backups/advosearch-1"}`, testToken, 200)
	v.check(ts, "POST", "/api/backup", "application/json", `{"dir":"/var/backups/advosearch-1"}`, testToken, 400)
	v.check(ts, "POST", "/api/backup", "application/json", `{"dir":"relative"}`, testToken, 400)
	v.check(ts, "POST", "/api/backup", "application/json", `{"dir":"/var/backups/advosearch-2"}`, "", 401)

	// The features that are off: 404 without them, 403 without a token.
	bare := newTestServer(t)
	v.check(bare, "POST", "/api/alerts", "application/json", `{"q":"blogger"}`, testToken, 404)
	v.check(bare, "GET", "/api/alerts", "", "", testToken, 404)
	v.check(bare, "POST", "/api/documents", "application/json", `{"body":"a","url":"https://example.org/s/5"}`, testToken, 404)
	v.check(bare, "POST", "/api/backup", "application/json", `{"dir":"/var/backups/advosearch-3"}`, testToken, 404)
	v.check(bare, "DELETE", "/api/documents/hun-sen", "", "", testToken, 404)
	noToken, _ := newAlertServer(t, web.Options{Ingest: (&fakeIngest{}).ingest, Backup: backups.backup,
		Delete: func(context.Context, string) error { return nil }})
	v.check(noToken, "DELETE", "/api/documents/hun-sen", "", "", testToken, 403)
	v.check(noToken, "GET", "/api/alerts", "", "", testToken, 403)
	v.check(noToken, "POST", "/api/documents", "application/json", `{"body":"a","url":"https://example.org/s/5"}`, testToken, 403)
	v.check(noToken, "POST", "/api/backup", "application/json", `{"dir":"/var/backups/advosearch-4"}`, testToken, 403)

	// The rate limit's answer.
	limited := newTestServerWith(t, web.Options{RateLimit: 1})
	for i := 0; ; i++ {
		if i == 10 {
			t.Fatal("no 429 after 10 requests at a limit of 1 a second (burst 2)")
		}
		if resp, _ := get(t, limited, "/healthz"); resp.StatusCode == http.StatusTooManyRequests {
			break
		}
	}
	v.check(limited, "GET", "/healthz", "", "", "", 429)

	v.checkCoverage()
}

// ingestedID is the ID of the first statement the test added over HTTP,
// as POST /api/documents answers it again, unchanged.
func ingestedID(t *testing.T, ts *httptest.Server) string {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, ts.URL+"/api/documents", strings.NewReader(
		`{"title":"Blogger charged","body":"LICADHO said the blogger must be freed.","url":"https://example.org/s/1","source":"LICADHO","published":"2024-03-01"}`))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+testToken)
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var res struct {
		IDs       []string `json:"ids"`
		Unchanged int      `json:"unchanged"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil || len(res.IDs) != 1 || res.Unchanged != 1 {
		t.Fatalf("ingest again: %+v, %v", res, err)
	}
	return res.IDs[0]
}

// apiValidator checks answers against the OpenAPI document and remembers
// which responses of which operations it has validated.
type apiValidator struct {
	t      *testing.T
	doc    *openapi3.T
	router routers.Router
	// seen holds "METHOD /path STATUS media/type" of each validated answer.
	seen map[string]bool
}

// newAPIValidator loads the document as the server serves it and checks
// that it is a valid OpenAPI document.
func newAPIValidator(t *testing.T, ts *httptest.Server) *apiValidator {
	t.Helper()
	resp, body := get(t, ts, "/api/openapi.json")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /api/openapi.json: status %d", resp.StatusCode)
	}
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData([]byte(body))
	if err != nil {
		t.Fatalf("load openapi.json: %v", err)
	}
	if err := doc.Validate(loader.Context); err != nil {
		t.Fatalf("openapi.json is not a valid OpenAPI document: %v", err)
	}
	// The document's one server is "/", relative to where it is served;
	// without servers the router matches paths alone, whatever the host.
	doc.Servers = nil
	router, err := legacy.NewRouter(doc)
	if err != nil {
		t.Fatalf("router: %v", err)
	}
	return &apiValidator{t: t, doc: doc, router: router, seen: map[string]bool{}}
}

// check sends one request (token "" sends no Authorization header),
// requires the status want, validates the answer against the document, and
// the request too when it succeeded. It returns the body.
func (v *apiValidator) check(ts *httptest.Server, method, path, contentType, body, token string, want int) []byte {
	t := v.t
	t.Helper()
	what := method + " " + path
	req, err := http.NewRequest(method, ts.URL+path, strings.NewReader(body))
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
		t.Fatalf("%s: %v", what, err)
	}
	got, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatalf("%s: read the body: %v", what, err)
	}
	if resp.StatusCode != want {
		t.Fatalf("%s: status %d, want %d: %s", what, resp.StatusCode, want, got)
	}

	// The request again, with its body, for the validator.
	req.Body = io.NopCloser(strings.NewReader(body))
	route, params, err := v.router.FindRoute(req)
	if err != nil {
		t.Errorf("%s: no operation of the document: %v", what, err)
		return got
	}
	ctx := context.Background()
	in := &openapi3filter.RequestValidationInput{
		Request:    req,
		PathParams: params,
		Route:      route,
		Options:    &openapi3filter.Options{AuthenticationFunc: bearerAuth, MultiError: true},
	}
	if resp.StatusCode < 300 {
		if err := openapi3filter.ValidateRequest(ctx, in); err != nil {
			t.Errorf("%s: the request that succeeded does not match the document:\n%v", what, err)
		}
	}
	out := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: in,
		Status:                 resp.StatusCode,
		Header:                 resp.Header,
		Options:                &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
	}
	out.SetBodyBytes(got)
	if err := openapi3filter.ValidateResponse(ctx, out); err != nil {
		t.Errorf("%s: the answer (%d, %s) does not match the document:\n%v\nbody: %.500s", what, resp.StatusCode, resp.Header.Get("Content-Type"), err, got)
		return got
	}
	media := ""
	if ct := resp.Header.Get("Content-Type"); ct != "" {
		if media, _, err = mime.ParseMediaType(ct); err != nil {
			t.Errorf("%s: Content-Type %q: %v", what, ct, err)
		}
	}
	v.seen[fmt.Sprintf("%s %s %d %s", method, route.Path, resp.StatusCode, media)] = true
	return got
}

// checkCoverage fails for each success response of the document (status
// and media type) that check has not validated, and for each operation
// without any validated answer.
func (v *apiValidator) checkCoverage() {
	t := v.t
	t.Helper()
	var ops, missing []string
	for path, item := range v.doc.Paths.Map() {
		for method, op := range item.Operations() {
			ops = append(ops, method+" "+path)
			any := false
			for key := range v.seen {
				if strings.HasPrefix(key, method+" "+path+" ") {
					any = true
				}
			}
			if !any {
				missing = append(missing, method+" "+path+": no answer validated")
			}
			for status, res := range op.Responses.Map() {
				code, err := strconv.Atoi(status)
				if err != nil || code < 200 || code > 299 {
					continue
				}
				if res.Value == nil || len(res.Value.Content) == 0 {
					if !v.seen[fmt.Sprintf("%s %s %d ", method, path, code)] {
						missing = append(missing, fmt.Sprintf("%s %s %d (no content)", method, path, code))
					}
					continue
				}
				for media := range res.Value.Content {
					if !v.seen[fmt.Sprintf("%s %s %d %s", method, path, code, media)] {
						missing = append(missing, fmt.Sprintf("%s %s %d %s", method, path, code, media))
					}
				}
			}
		}
	}
	if len(ops) < 15 {
		t.Errorf("only %d operations in the document: %q", len(ops), ops)
	}
	slices.Sort(missing)
	for _, m := range missing {
		t.Errorf("documented but never validated against a real answer: %s", m)
	}
	seen := make([]string, 0, len(v.seen))
	for k := range v.seen {
		seen = append(seen, k)
	}
	slices.Sort(seen)
	t.Logf("%d operations; %d answers (operation, status, media type) validated:\n%s", len(ops), len(seen), strings.Join(seen, "\n"))
}

// bearerAuth is the check of the document's one security scheme: the
// request carries a bearer token. Whether it is the right one is the
// server's business, and the status says it.
func bearerAuth(_ context.Context, in *openapi3filter.AuthenticationInput) error {
	s := in.SecurityScheme
	if s == nil || s.Type != "http" || !strings.EqualFold(s.Scheme, "bearer") {
		return fmt.Errorf("unknown security scheme %s", in.SecuritySchemeName)
	}
	scheme, token, ok := strings.Cut(in.RequestValidationInput.Request.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || token == "" {
		return errors.New("no bearer token")
	}
	return nil
}

// registerBodyDecoders teaches openapi3filter the media types of the
// document it does not know: JSON lines (each line is checked against the
// schema, which describes one line) and Atom (well-formed XML, a string).
func registerBodyDecoders(t *testing.T) {
	for _, media := range []string{"application/x-ndjson", "application/jsonl"} {
		openapi3filter.RegisterBodyDecoder(media, jsonLinesDecoder)
		t.Cleanup(func() { openapi3filter.UnregisterBodyDecoder(media) })
	}
	openapi3filter.RegisterBodyDecoder("application/atom+xml", xmlDecoder)
	t.Cleanup(func() { openapi3filter.UnregisterBodyDecoder("application/atom+xml") })
}

// jsonLinesDecoder validates every line of a JSON lines body against the
// schema and returns the last line's value, which openapi3filter validates
// again. A body without a line is an error: the tests send and export at
// least one record.
func jsonLinesDecoder(body io.Reader, _ http.Header, schema *openapi3.SchemaRef, _ openapi3filter.EncodingFn) (any, error) {
	sc := bufio.NewScanner(body)
	sc.Buffer(nil, 1<<20)
	var last any
	n := 0
	for sc.Scan() {
		line := bytes.TrimSpace(sc.Bytes())
		n++
		if len(line) == 0 {
			continue
		}
		var value any
		if err := json.Unmarshal(line, &value); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if err := schema.Value.VisitJSON(value, openapi3.EnableJSONSchema2020(), openapi3.MultiErrors()); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		last = value
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if last == nil {
		return nil, errors.New("no JSON line")
	}
	return last, nil
}

// xmlDecoder requires well-formed XML and returns it as a string.
func xmlDecoder(body io.Reader, _ http.Header, _ *openapi3.SchemaRef, _ openapi3filter.EncodingFn) (any, error) {
	data, err := io.ReadAll(body)
	if err != nil {
		return nil, err
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		if _, err := d.Token(); err == io.EOF {
			break
		} else if err != nil {
			return nil, fmt.Errorf("not well-formed XML: %w", err)
		}
	}
	return string(data), nil
}

// fakeBackup answers POST /api/backup as the real one does for the folders
// it is given, without writing: a folder given twice exists.
type fakeBackup struct{ dirs []string }

func (b *fakeBackup) backup(_ context.Context, dir string) error {
	if slices.Contains(b.dirs, dir) {
		return fmt.Errorf("%s: %w", dir, web.ErrBackupExists)
	}
	b.dirs = append(b.dirs, dir)
	return nil
}

// newFullAPIServer serves the test corpus with every optional feature on,
// wired as "advosearch serve" wires them: a token, a real alerts store that
// the indexer behind POST /api/documents matches each batch against, and a
// backup. The rate limit is out of the way.
func newFullAPIServer(t *testing.T, b *fakeBackup) *httptest.Server {
	t.Helper()
	ix, err := index.Open(t.TempDir(), index.Options{})
	if err != nil {
		t.Fatalf("open index: %v", err)
	}
	t.Cleanup(func() { ix.Close() })
	if err := ix.Write(statements, nil); err != nil {
		t.Fatalf("write index: %v", err)
	}
	st, err := alerts.Open(filepath.Join(t.TempDir(), "alerts.db"), alerts.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := st.Close(); err != nil {
			t.Error(err)
		}
	})
	in, err := indexer.New(ix, indexer.Options{
		BeforeWrite: func(ctx context.Context, stmts []index.Statement) error {
			_, err := st.PercolateBatch(ctx, stmts)
			return err
		},
		BeforeDelete: func(ctx context.Context, ids []string) error {
			_, err := st.MarkDeleted(ctx, ids)
			return err
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	srv, err := web.New(search.New(ix), web.Options{
		Logger:    slog.New(slog.NewTextHandler(io.Discard, nil)),
		Token:     testToken,
		Alerts:    st,
		RateLimit: 1e6,
		Backup:    b.backup,
		Ingest: func(ctx context.Context, jsonl io.Reader) (web.IngestResult, error) {
			sum, err := in.JSONL(ctx, jsonl, "request")
			res := web.IngestResult{IDs: sum.IDs, Indexed: sum.Indexed, Unchanged: sum.Unchanged}
			for _, s := range sum.Skipped {
				res.Skipped = append(res.Skipped, web.IngestSkip{Name: s.Name, Reason: s.Err.Error()})
			}
			for _, name := range sum.Deleted {
				res.Skipped = append(res.Skipped, web.IngestSkip{Name: name, Reason: "deleted"})
			}
			return res, err
		},
		Delete: func(ctx context.Context, id string) error {
			deleted, err := in.Delete(ctx, []string{id})
			if err == nil && len(deleted) == 0 {
				err = fmt.Errorf("%w: %s", search.ErrNotFound, id)
			}
			return err
		},
	})
	if err != nil {
		t.Fatalf("web.New: %v", err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts
}
