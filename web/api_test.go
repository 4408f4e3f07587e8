package web_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/advosearch/advosearch/web"
)

// The JSON shapes as an API user reads them.
type apiResult struct {
	Total  uint64 `json:"total"`
	TookMS *int64 `json:"took_ms"`
	Page   int    `json:"page"`
	Size   int    `json:"size"`
	Hits   []struct {
		ID            string   `json:"id"`
		Title         string   `json:"title"`
		TitleHTML     string   `json:"title_html"`
		URL           string   `json:"url"`
		Source        string   `json:"source"`
		Published     *string  `json:"published"`
		Score         float64  `json:"score"`
		Snippets      []string `json:"snippets"`
		Organizations []string `json:"organizations"`
		People        []string `json:"people"`
		Places        []string `json:"places"`
	} `json:"hits"`
	Facets map[string][]struct {
		Value string `json:"value"`
		From  string `json:"from"`
		To    string `json:"to"`
		Count int    `json:"count"`
	} `json:"facets"`
	Ignored      []string `json:"ignored"`
	Notice       string   `json:"notice"`
	NoticeColumn int      `json:"notice_column"`
	Partial      bool     `json:"partial"`
	Words        int      `json:"words"`
	PartialMin   int      `json:"partial_min"`
	Undated      int      `json:"undated_left_out"`
}

// matches are the IDs of the statements that match every word: none when
// the search could only offer partial matches.
func (r apiResult) matches() []string {
	if r.Partial {
		return nil
	}
	return r.ids()
}

func (r apiResult) ids() []string {
	var ids []string
	for _, h := range r.Hits {
		ids = append(ids, h.ID)
	}
	return ids
}

func (r apiResult) facet(name, value string) int {
	for _, v := range r.Facets[name] {
		if v.Value == value {
			return v.Count
		}
	}
	return 0
}

// decodeSearch gets a search that must succeed and decodes it.
func decodeSearch(t *testing.T, ts *httptest.Server, path string) apiResult {
	t.Helper()
	resp, body := get(t, ts, path)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: status %d, want 200; body %s", path, resp.StatusCode, body)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("GET %s: Content-Type %q, want application/json", path, ct)
	}
	var r apiResult
	if err := json.Unmarshal([]byte(body), &r); err != nil {
		t.Fatalf("GET %s: decode %s: %v", path, body, err)
	}
	return r
}

// q builds an /api/search URL from a query and name, value pairs.
func q(query string, extra ...string) string {
	v := url.Values{"q": {query}}
	for i := 0; i+1 < len(extra); i += 2 {
		v.Add(extra[i], extra[i+1])
	}
	return "/api/search?" + v.Encode()
}

func TestAPI_Search_finds(t *testing.T) {
	tests := []struct {
		name string
		path string
		want []string // IDs, in any order
	}{
		{"straight-quoted phrase finds curly-quoted text", q(`"must close because they follow foreigners"`), []string{"hun-sen"}},
		{"curly-quoted phrase in the query", q(`“must close because they follow foreigners”`), []string{"hun-sen"}},
		{"straight apostrophe finds curly one", q(`Hun Sen's`), []string{"hun-sen"}},
		{"straight apostrophe in a phrase", q(`"Hun Sen's government"`), []string{"hun-sen"}},
		{"curly-quoted text in the body", q(`"a death blow to democracy"`), []string{"cnrp"}},
		{"phrase words out of order do not match", q(`"foreigners follow they"`), nil},
		{"org filter", q("", "org", "Supreme Court"), []string{"cnrp"}},
		{"two filters are AND", q("", "org", "LICADHO", "source", "LICADHO"), []string{"hun-sen", "land"}},
		{"person filter", q("", "person", "Hun Sen"), []string{"hun-sen"}},
		{"place filter with query", q("journalists", "place", "Phnom Penh"), []string{"journalists"}},
		{"date range inclusive on both ends", q("", "from", "2017-08-23", "to", "2017-11-16"), []string{"hun-sen", "cnrp"}},
		{"one day", q("", "from", "2017-11-17", "to", "2017-11-17"), []string{"journalists"}},
		{"open start", q("", "to", "2016-12-31"), []string{"xss"}},
		{"open end", q("", "from", "2017-11-17"), []string{"journalists", "land"}},
		{"no match", q("zanzibar"), nil},
	}
	ts := newTestServer(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := decodeSearch(t, ts, tt.path)
			got := r.ids()
			slices.Sort(got)
			want := slices.Clone(tt.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("GET %s: got IDs %v, want %v", tt.path, got, want)
			}
			if r.Total != uint64(len(tt.want)) {
				t.Errorf("GET %s: total %d, want %d", tt.path, r.Total, len(tt.want))
			}
		})
	}
}

// Facets count every matching statement, not only the page shown: with one
// hit per page they still add up to the total.
func TestAPI_Search_facetsCoverAllPages(t *testing.T) {
	ts := newTestServer(t)
	r := decodeSearch(t, ts, q("", "org", "LICADHO", "size", "1"))
	if len(r.Hits) != 1 || r.Size != 1 {
		t.Fatalf("got %d hits, size %d; want 1 and 1", len(r.Hits), r.Size)
	}
	if r.Total != 4 {
		t.Fatalf("total %d, want 4 (hun-sen, land, undated, xss)", r.Total)
	}
	tests := []struct {
		facet, value string
		want         int
	}{
		{"organizations", "LICADHO", 4},
		{"organizations", "Ministry of Interior", 1},
		{"source", "LICADHO", 2},
		{"source", "Amnesty International", 1},
		{"source", "Front Line Defenders", 1},
		{"source", "Human Rights Watch", 0}, // filtered out
		{"places", "Cambodia", 2},
		{"people", "Hun Sen", 1},
		{"published", "2017", 1},
		{"published", "2018", 1},
		{"published", "2016", 1},
	}
	for _, tt := range tests {
		if got := r.facet(tt.facet, tt.value); got != tt.want {
			t.Errorf("facet %s %q: got %d, want %d", tt.facet, tt.value, got, tt.want)
		}
	}
	sum := 0
	for _, v := range r.Facets["source"] {
		sum += v.Count
	}
	if uint64(sum) != r.Total {
		t.Errorf("source facet counts add up to %d, want the total %d", sum, r.Total)
	}
	// A year bucket gives inclusive from and to that work as parameters.
	for _, b := range r.Facets["published"] {
		if b.Value == "2017" && (b.From != "2017-01-01" || b.To != "2017-12-31") {
			t.Errorf("bucket 2017: from %q to %q, want 2017-01-01 to 2017-12-31", b.From, b.To)
		}
	}
	// Every facet key is present, as an array, even with nothing in it.
	for _, name := range []string{"organizations", "people", "places", "source", "published"} {
		if _, ok := r.Facets[name]; !ok {
			t.Errorf("facet %q missing", name)
		}
	}
}

func TestAPI_Search_sort(t *testing.T) {
	tests := []struct {
		sort string
		want []string
	}{
		{"-date", []string{"land", "journalists", "cnrp", "hun-sen", "xss", "undated"}},
		{"date", []string{"xss", "hun-sen", "cnrp", "journalists", "land", "undated"}},
	}
	ts := newTestServer(t)
	for _, tt := range tests {
		t.Run(tt.sort, func(t *testing.T) {
			r := decodeSearch(t, ts, q("", "sort", tt.sort))
			if got := r.ids(); !slices.Equal(got, tt.want) {
				t.Errorf("sort=%s: got %v, want %v", tt.sort, got, tt.want)
			}
		})
	}
}

func TestAPI_Search_paging(t *testing.T) {
	ts := newTestServer(t)
	var seen []string
	for page := 1; page <= 3; page++ {
		r := decodeSearch(t, ts, q("", "sort", "-date", "size", "2", "page", strconv.Itoa(page)))
		if r.Page != page || r.Size != 2 || r.Total != 6 || len(r.Hits) != 2 {
			t.Fatalf("page %d: got page %d size %d total %d hits %d", page, r.Page, r.Size, r.Total, len(r.Hits))
		}
		seen = append(seen, r.ids()...)
	}
	want := []string{"land", "journalists", "cnrp", "hun-sen", "xss", "undated"}
	if !slices.Equal(seen, want) {
		t.Errorf("pages 1-3: got %v, want %v", seen, want)
	}
}

// Snippets and title_html are escaped text with <mark> around the matches;
// stored markup never comes through.
func TestAPI_Search_highlightEscapes(t *testing.T) {
	ts := newTestServer(t)
	r := decodeSearch(t, ts, q("alert injection"))
	if len(r.Hits) != 1 || r.Hits[0].ID != "xss" {
		t.Fatalf("got %v, want [xss]", r.ids())
	}
	h := r.Hits[0]
	if h.Title != xssTitle {
		t.Errorf("title: got %q, want the plain text %q", h.Title, xssTitle)
	}
	wantTitle := `Statement &lt;script&gt;window.__xss=1;document.title=&#34;pwned&#34;&lt;/script&gt; on <mark>injection</mark>`
	if h.TitleHTML != wantTitle {
		t.Errorf("title_html: got %q, want %q", h.TitleHTML, wantTitle)
	}
	if len(h.Snippets) == 0 {
		t.Fatal("no snippets")
	}
	joined := strings.Join(h.Snippets, "\n")
	if want := `&lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt;`; !strings.Contains(joined, want) {
		t.Errorf("snippets %q do not contain %q", joined, want)
	}
	for _, s := range append(h.Snippets, h.TitleHTML) {
		rest := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(s)
		if strings.ContainsAny(rest, "<>") {
			t.Errorf("%q has markup besides <mark>", s)
		}
	}
	if h.Published == nil || *h.Published != "2016-05-01" {
		t.Errorf("published: got %v, want 2016-05-01", h.Published)
	}
}

// Unknown values come back as null or [], never as missing arrays.
func TestAPI_Search_emptyValues(t *testing.T) {
	ts := newTestServer(t)
	resp, body := get(t, ts, q("associations"))
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	for _, want := range []string{`"id":"undated"`, `"published":null`, `"people":[]`, `"places":[]`} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %s: %s", want, body)
		}
	}
	_, body = get(t, ts, q("zanzibar"))
	for _, want := range []string{`"hits":[]`, `"organizations":[]`, `"published":[]`, `"total":0`} {
		if !strings.Contains(body, want) {
			t.Errorf("empty result lacks %s: %s", want, body)
		}
	}
}

func TestAPI_Search_post(t *testing.T) {
	ts := newTestServer(t)
	resp, body := do(t, ts, http.MethodPost, "/api/search",
		`{"q": "Hun Sen's", "org": ["LICADHO"], "source": ["LICADHO"], "from": "2017-01-01", "to": "2017-12-31", "sort": "-date", "page": 1, "size": 5}`)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d, want 200: %s", resp.StatusCode, body)
	}
	var r apiResult
	if err := json.Unmarshal([]byte(body), &r); err != nil {
		t.Fatal(err)
	}
	if got := r.ids(); !slices.Equal(got, []string{"hun-sen"}) || r.Size != 5 {
		t.Errorf("got %v size %d, want [hun-sen] size 5", got, r.Size)
	}
}

// Every user mistake is a 400 with a JSON error that says what is wrong.
func TestAPI_errors(t *testing.T) {
	big := `{"q": "` + strings.Repeat("a", 70<<10) + `"}`
	tests := []struct {
		name, method, path, body string
		status                   int
		mention                  string // the error must mention this
	}{
		{"bad query syntax", "GET", q("title:", "strict", "1"), "", 400, "q"},
		{"unterminated quote", "GET", q(`"must close`, "strict", "1"), "", 400, "quote"},
		{"bad regexp", "GET", q("title:/[/", "strict", "true"), "", 400, "regular expression"},
		{"bad regexp in JSON", "POST", "/api/search", `{"q": "title:/[/", "strict": true}`, 400, "regular expression"},
		{"strict not a flag", "GET", q("x", "strict", "maybe"), "", 400, "strict"},
		{"bad month", "GET", q("", "from", "2017-13-01"), "", 400, "2017-13-01"},
		{"bad to", "GET", q("", "to", "yesterday"), "", 400, "YYYY-MM-DD"},
		{"to before from", "GET", q("", "from", "2018-01-01", "to", "2017-01-01"), "", 400, "before"},
		{"size 0", "GET", q("", "size", "0"), "", 400, "size"},
		{"size 101", "GET", q("", "size", "101"), "", 400, "100"},
		{"size not a number", "GET", q("", "size", "ten"), "", 400, "size"},
		{"page 0", "GET", q("", "page", "0"), "", 400, "page"},
		{"page -1", "GET", q("", "page", "-1"), "", 400, "page"},
		{"page abc", "GET", q("", "page", "abc"), "", 400, "whole number"},
		{"page too deep", "GET", q("", "page", "1000", "size", "100"), "", 400, "deep"},
		{"page overflows", "GET", q("", "page", "99999999999999999999"), "", 400, "page"},
		{"unknown sort", "GET", q("", "sort", "foo"), "", 400, "sort"},
		{"query too long", "GET", q(strings.Repeat("a ", 1500)), "", 400, "longer"},
		{"malformed JSON", "POST", "/api/search", `{"q": "x",}`, 400, "malformed JSON"},
		{"truncated JSON", "POST", "/api/search", `{"q": "x"`, 400, "JSON"},
		{"not an object", "POST", "/api/search", `["q"]`, 400, "object"},
		{"two objects", "POST", "/api/search", `{"q": "x"} {"q": "y"}`, 400, "one JSON object"},
		{"unknown field", "POST", "/api/search", `{"query": "x"}`, 400, "query"},
		{"wrong type", "POST", "/api/search", `{"org": "LICADHO"}`, 400, "org"},
		{"size 0 in JSON", "POST", "/api/search", `{"size": 0}`, 400, "size"},
		{"bad date in JSON", "POST", "/api/search", `{"from": "2017-02-30"}`, 400, "from"},
		{"oversized body", "POST", "/api/search", big, 400, "larger than"},
		{"unknown document", "GET", "/api/documents/no-such-id", "", 404, "no statement"},
		{"unknown API route", "GET", "/api/nothing", "", 404, "not found"},
		{"wrong method", "DELETE", "/api/search", "", 405, "method"},
	}
	ts := newTestServer(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := do(t, ts, tt.method, tt.path, tt.body)
			if resp.StatusCode != tt.status {
				t.Errorf("status %d, want %d; body %s", resp.StatusCode, tt.status, body)
			}
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type %q, want JSON", ct)
			}
			var e struct {
				Error *string `json:"error"`
			}
			if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error == nil || *e.Error == "" {
				t.Fatalf("body %s is not {\"error\": \"…\"} (%v)", body, err)
			}
			if !strings.Contains(strings.ToLower(*e.Error), strings.ToLower(tt.mention)) {
				t.Errorf("error %q does not mention %q", *e.Error, tt.mention)
			}
		})
	}
}

func TestAPI_document(t *testing.T) {
	ts := newTestServer(t)
	resp, body := get(t, ts, "/api/documents/hun-sen")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d, want 200: %s", resp.StatusCode, body)
	}
	var d struct {
		ID, Title, Body, URL, Source, Lang, Origin string
		Published                                  *string
		Dates, Organizations, People, Places       []string
	}
	if err := json.Unmarshal([]byte(body), &d); err != nil {
		t.Fatal(err)
	}
	want := statements[0]
	for _, c := range []struct{ field, got, want string }{
		{"id", d.ID, want.ID},
		{"title", d.Title, want.Title},
		{"body", d.Body, want.Body},
		{"url", d.URL, want.URL},
		{"source", d.Source, want.Source},
		{"lang", d.Lang, want.Lang},
		{"origin in words, not the raw origin", d.Origin, "sample statement hun-sen"},
		{"published", deref(d.Published), "2017-08-23"},
		{"dates", strings.Join(d.Dates, ","), "2017-08-22"},
		{"organizations", strings.Join(d.Organizations, ","), "LICADHO,Ministry of Interior"},
		{"people", strings.Join(d.People, ","), "Hun Sen"},
		{"places", strings.Join(d.Places, ","), "Cambodia,Phnom Penh"},
	} {
		if c.got != c.want {
			t.Errorf("%s: got %q, want %q", c.field, c.got, c.want)
		}
	}

	_, body = get(t, ts, "/api/documents/undated")
	if !strings.Contains(body, `"published":null`) || !strings.Contains(body, `"people":[]`) {
		t.Errorf("undated statement: want published null and people []: %s", body)
	}
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

func TestHealthz(t *testing.T) {
	ts := newTestServer(t)
	resp, body := get(t, ts, "/healthz")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d, want 200", resp.StatusCode)
	}
	var h struct {
		Status    string `json:"status"`
		Documents uint64 `json:"documents"`
	}
	if err := json.Unmarshal([]byte(body), &h); err != nil {
		t.Fatal(err)
	}
	if h.Status != "ok" || h.Documents != uint64(len(statements)) {
		t.Errorf("got %+v, want status ok and %d documents", h, len(statements))
	}
}

// A syntax error points at the column (in characters) where the query goes
// wrong, as a number a client can use and in the message: with strict=1 as
// a 400, and otherwise as a notice beside results searched as plain text.
func TestAPI_Search_syntaxErrorColumn(t *testing.T) {
	tests := []struct {
		query  string
		column int
	}{
		{"(Hun Sen", 1},
		{"foo)", 4},
		{"a AND", 3},
		{`"must close`, 1},
		{"published:[2016 TO", 19}, // past the end: the date is missing
		// Columns count characters, not bytes: the curly quotes and the
		// apostrophe take 3 bytes each.
		{"“Hun Sen’s” (gov", 13},
	}
	ts := newTestServer(t)
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			for _, req := range []struct{ method, path, body string }{
				{"GET", q(tt.query), ""},
				{"POST", "/api/search", `{"q": ` + strconv.Quote(tt.query) + `}`},
			} {
				resp, body := do(t, ts, req.method, req.path, req.body)
				if resp.StatusCode != http.StatusOK {
					t.Fatalf("%s: status %d, want 200; body %s", req.method, resp.StatusCode, body)
				}
				var r struct {
					Notice       string `json:"notice"`
					NoticeColumn int    `json:"notice_column"`
				}
				if err := json.Unmarshal([]byte(body), &r); err != nil {
					t.Fatal(err)
				}
				if want := "at column " + strconv.Itoa(tt.column); r.NoticeColumn != tt.column || !strings.Contains(r.Notice, want) {
					t.Errorf("%s: notice %q at %d, want one %q", req.method, r.Notice, r.NoticeColumn, want)
				}
			}
			for _, req := range []struct{ method, path, body string }{
				{"GET", q(tt.query, "strict", "1"), ""},
				{"POST", "/api/search", `{"strict": true, "q": ` + strconv.Quote(tt.query) + `}`},
			} {
				resp, body := do(t, ts, req.method, req.path, req.body)
				if resp.StatusCode != http.StatusBadRequest {
					t.Fatalf("%s strict: status %d, want 400; body %s", req.method, resp.StatusCode, body)
				}
				var e struct {
					Error  string `json:"error"`
					Column *int   `json:"column"`
				}
				if err := json.Unmarshal([]byte(body), &e); err != nil {
					t.Fatal(err)
				}
				if e.Column == nil || *e.Column != tt.column {
					t.Errorf("%s: column %v, want %d; body %s", req.method, e.Column, tt.column, body)
				}
				if want := "at column " + strconv.Itoa(tt.column); !strings.HasSuffix(e.Error, want) {
					t.Errorf("%s: error %q, want it to end with %q", req.method, e.Error, want)
				}
			}
		})
	}
	// Errors without a position have no column at all.
	for _, path := range []string{q("", "size", "0"), q("quote:x")} {
		resp, body := get(t, ts, path)
		if resp.StatusCode != http.StatusBadRequest || strings.Contains(body, `"column"`) {
			t.Errorf("GET %s: status %d, body %s; want 400 without a column", path, resp.StatusCode, body)
		}
	}
}

// The answer says which words were matched exactly and which with variants.
func TestAPI_Search_exactAndStemmed(t *testing.T) {
	ts := newTestServer(t)
	var r struct {
		Total   uint64   `json:"total"`
		Exact   []string `json:"exact"`
		Stemmed []string `json:"stemmed"`
	}
	resp, body := get(t, ts, q(`"must close" OR activists`))
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	if err := json.Unmarshal([]byte(body), &r); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(r.Exact, []string{"must close"}) || !slices.Equal(r.Stemmed, []string{"activists"}) {
		t.Errorf("exact %q stemmed %q, want [must close] and [activists]", r.Exact, r.Stemmed)
	}
	if r.Total != 2 {
		t.Errorf("total %d, want 2 (hun-sen, land)", r.Total)
	}
	// Always arrays, also with nothing to say.
	for _, path := range []string{q(""), q("detain*")} {
		_, body := get(t, ts, path)
		if !strings.Contains(body, `"exact":[]`) || !strings.Contains(body, `"stemmed":[]`) {
			t.Errorf("GET %s: want empty exact and stemmed arrays: %s", path, body)
		}
	}
}

func TestAPI_Search_suggestion(t *testing.T) {
	ts := newTestServer(t)
	r := struct {
		Total      uint64  `json:"total"`
		Partial    bool    `json:"partial"`
		Suggestion *string `json:"suggestion"`
	}{}
	resp, body := get(t, ts, q("Kem Sokah"))
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	if err := json.Unmarshal([]byte(body), &r); err != nil {
		t.Fatal(err)
	}
	// No statement has both words: the ones with Kem come as partial
	// matches, with the correction offered.
	if !r.Partial || r.Suggestion == nil || *r.Suggestion != "Kem Sokha" {
		t.Errorf("partial %v suggestion %v, want partial and Kem Sokha", r.Partial, deref(r.Suggestion))
	}
	// The suggestion finds something, and then there is none.
	_, body = get(t, ts, q("Kem Sokha"))
	if strings.Contains(body, `"suggestion"`) || !strings.Contains(body, `"id":"cnrp"`) {
		t.Errorf("corrected query: want cnrp and no suggestion: %s", body)
	}
}

// op=or widens a search that op=and narrows; the server's default applies
// without op, and op overrides it either way.
func TestAPI_Search_op(t *testing.T) {
	const words = "Cambodia protest" // no statement has both words
	and := decodeSearch(t, newTestServer(t), q(words)).matches()
	tests := []struct {
		name string
		opts web.Options
		path string
		body string // POST when set
		want []string
	}{
		{"default is and", web.Options{}, q(words), "", and},
		{"op=and", web.Options{}, q(words, "op", "and"), "", and},
		{"op=or", web.Options{}, q(words, "op", "or"), "", []string{"cnrp", "hun-sen", "land"}},
		{"op=OR", web.Options{}, q(words, "op", "OR"), "", []string{"cnrp", "hun-sen", "land"}},
		{"op in JSON", web.Options{}, "/api/search", `{"q": "Cambodia protest", "op": "or"}`, []string{"cnrp", "hun-sen", "land"}},
		{"server default or", web.Options{DefaultOr: true}, q(words), "", []string{"cnrp", "hun-sen", "land"}},
		{"op=and overrides the server's or", web.Options{DefaultOr: true}, q(words, "op", "and"), "", and},
	}
	if len(and) != 0 {
		t.Fatalf("%q with AND found %v, want nothing", words, and)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := newTestServerWith(t, tt.opts)
			method := http.MethodGet
			if tt.body != "" {
				method = http.MethodPost
			}
			resp, body := do(t, ts, method, tt.path, tt.body)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d: %s", resp.StatusCode, body)
			}
			var r apiResult
			if err := json.Unmarshal([]byte(body), &r); err != nil {
				t.Fatal(err)
			}
			got := r.matches()
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
	ts := newTestServer(t)
	for _, req := range []struct{ method, path, body string }{
		{"GET", q(words, "op", "xor"), ""},
		{"POST", "/api/search", `{"q": "x", "op": "xor"}`},
	} {
		resp, body := do(t, ts, req.method, req.path, req.body)
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, `op \"xor\" must be and or or`) {
			t.Errorf("%s op=xor: status %d body %s, want 400 saying what op takes", req.method, resp.StatusCode, body)
		}
	}
}

// A date range says how many undated statements it left out; undated=1
// (or "undated": true) keeps them.
func TestAPI_Search_undated(t *testing.T) {
	ts := newTestServer(t)
	r := decodeSearch(t, ts, q("", "from", "2017-01-01", "to", "2017-12-31"))
	if r.Undated != 1 || slices.Contains(r.ids(), "undated") {
		t.Errorf("left out %d, hits %v; want 1 left out and not listed", r.Undated, r.ids())
	}
	r = decodeSearch(t, ts, q("", "from", "2017-01-01", "to", "2017-12-31", "undated", "1"))
	if r.Undated != 0 || !slices.Contains(r.ids(), "undated") {
		t.Errorf("undated=1: left out %d, hits %v; want the undated statement listed", r.Undated, r.ids())
	}
	// include is the word the page's switch uses, as the issue asked.
	r = decodeSearch(t, ts, q("", "from", "2017-01-01", "to", "2017-12-31", "undated", "include"))
	if r.Undated != 0 || !slices.Contains(r.ids(), "undated") {
		t.Errorf("undated=include: left out %d, hits %v; want the undated statement listed", r.Undated, r.ids())
	}
	_, body := do(t, ts, "POST", "/api/search", `{"from": "2017-01-01", "to": "2017-12-31", "undated": true}`)
	if !strings.Contains(body, `"id":"undated"`) || strings.Contains(body, `"undated_left_out"`) {
		t.Errorf("POST undated: %s", body)
	}
	if resp, body := get(t, ts, q("", "undated", "maybe")); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("undated=maybe: status %d, want 400: %s", resp.StatusCode, body)
	}
}
