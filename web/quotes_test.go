package web_test

import (
	"encoding/json"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/advosearch/advosearch/web"
)

// The /api/quotes answer as an API user reads it.
type apiQuotes struct {
	Total  uint64 `json:"total"`
	TookMS *int64 `json:"took_ms"`
	Page   int    `json:"page"`
	Size   int    `json:"size"`
	Hits   []struct {
		ID          string  `json:"id"`
		Quote       string  `json:"quote"`
		QuoteHTML   string  `json:"quote_html"`
		Exact       bool    `json:"exact"`
		Speaker     *string `json:"speaker"`
		Sentence    string  `json:"sentence"`
		StatementID string  `json:"statement_id"`
		Title       string  `json:"title"`
		Source      string  `json:"source"`
		Published   *string `json:"published"`
		URL         string  `json:"url"`
		Citation    string  `json:"citation"`
	} `json:"hits"`
	Facets struct {
		Speaker []struct {
			Value string `json:"value"`
			Count int    `json:"count"`
		} `json:"speaker"`
	} `json:"facets"`
}

func (r apiQuotes) ids() []string {
	var ids []string
	for _, h := range r.Hits {
		ids = append(ids, h.ID)
	}
	return ids
}

// quotesURL builds an /api/quotes URL from a passage and name, value pairs.
func quotesURL(path, passage string, extra ...string) string {
	v := url.Values{}
	if passage != "" {
		v.Set("q", passage)
	}
	for i := 0; i+1 < len(extra); i += 2 {
		v.Add(extra[i], extra[i+1])
	}
	if len(v) == 0 {
		return path
	}
	return path + "?" + v.Encode()
}

func decodeQuotes(t *testing.T, ts *httptest.Server, path string) apiQuotes {
	t.Helper()
	resp, body := get(t, ts, path)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: status %d, want 200; body %s", path, resp.StatusCode, body)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("GET %s: Content-Type %q, want application/json", path, ct)
	}
	var r apiQuotes
	if err := json.Unmarshal([]byte(body), &r); err != nil {
		t.Fatalf("GET %s: decode %s: %v", path, body, err)
	}
	return r
}

// Citations as a journalist pastes them; they are written by hand. Each
// is of a web page read on the day of newCitingServer's clock, at the
// statement's own URL, else at its permalink there.
const (
	citeMinistry = "Hun Sen, “The Ministry of Interior should check, because they were created by foreigners, not Khmers,” LICADHO, “Cambodia: Hun Sen’s government orders NGO to close,” 23 August 2017, https://www.licadho-cambodia.org/statement/1, accessed 5 December 2026"
	// No speaker and no URL: the speaker is left out, comma and all; the
	// date is "n.d." and the permalink stands for the URL.
	citeUnattributed = "“They were created by foreigners and must be shut down at once,” Amnesty International, “Open letter on freedom of association,” n.d., " + verifyBase + "/statements/undated, accessed 5 December 2026"
	// Double quotes inside the quotation become single ones.
	citeSokha = "Kem Sokha, “The ruling was ‘a death blow to democracy’ and we reject it,” Human Rights Watch, “Cambodia: Supreme Court dissolves the opposition,” 16 November 2017, https://www.hrw.org/news/2017/11/16/cambodia, accessed 5 December 2026"
)

// newCitingServer is newTestServer with the clock and address of the
// statement page's tests, so that citations read the same on every run.
func newCitingServer(t testing.TB) *httptest.Server {
	t.Helper()
	return newTestServerWith(t, web.Options{Now: func() time.Time { return verifyNow }, BaseURL: verifyBase})
}

func TestAPI_Quotes(t *testing.T) {
	ts := newCitingServer(t)

	t.Run("straight quotes find the curly-quoted quote, exact", func(t *testing.T) {
		r := decodeQuotes(t, ts, quotesURL("/api/quotes", `"If it's an international NGO, and they come to create it"`))
		if got := r.ids(); !slices.Equal(got, []string{"hun-sen#q2"}) {
			t.Fatalf("IDs %v, want [hun-sen#q2]", got)
		}
		h := r.Hits[0]
		if !h.Exact {
			t.Error("exact false, want true: the passage is in the quote word for word")
		}
		if h.Speaker == nil || *h.Speaker != "Hun Sen" || h.StatementID != "hun-sen" || h.Source != "LICADHO" ||
			h.Published == nil || *h.Published != "2017-08-23" || h.URL != "https://www.licadho-cambodia.org/statement/1" {
			t.Errorf("hit metadata %+v", h)
		}
		if !strings.HasPrefix(h.Quote, "If it’s an international NGO") || !strings.Contains(h.Sentence, "Hun Sen told reporters") {
			t.Errorf("quote %q sentence %q: want the stored text", h.Quote, h.Sentence)
		}
		if !strings.Contains(h.QuoteHTML, "<mark>") {
			t.Errorf("quote_html %q marks no word", h.QuoteHTML)
		}
	})

	t.Run("a changed word is a near match ranked after the exact one", func(t *testing.T) {
		// "must" for "should".
		r := decodeQuotes(t, ts, quotesURL("/api/quotes", "The Ministry of Interior must check, because they were created by foreigners"))
		i := slices.Index(r.ids(), "hun-sen#q1")
		if i < 0 {
			t.Fatalf("IDs %v, want hun-sen#q1 among them", r.ids())
		}
		if r.Hits[i].Exact {
			t.Error("hun-sen#q1 exact true, want false: a word is changed")
		}
		r = decodeQuotes(t, ts, quotesURL("/api/quotes", "they were created by foreigners, not Khmers"))
		if len(r.Hits) < 2 || r.Hits[0].ID != "hun-sen#q1" || !r.Hits[0].Exact || r.Hits[1].Exact {
			t.Errorf("not Khmers: hits %+v, want hun-sen#q1 exact first, then a near match", r.Hits)
		}
	})

	t.Run("speaker filter and facet counts", func(t *testing.T) {
		r := decodeQuotes(t, ts, "/api/quotes")
		counts := map[string]int{}
		for _, v := range r.Facets.Speaker {
			counts[v.Value] = v.Count
		}
		if want := map[string]int{"Hun Sen": 2, "Kem Sokha": 1, "Analyst <b>X</b>": 1}; !mapsEqual(counts, want) {
			t.Errorf("speaker facet %v, want %v", counts, want)
		}
		if r.Total != 5 {
			t.Errorf("total %d, want all 5 quotes", r.Total)
		}
		r = decodeQuotes(t, ts, quotesURL("/api/quotes", "", "speaker", "Hun Sen"))
		got := r.ids()
		slices.Sort(got)
		if !slices.Equal(got, []string{"hun-sen#q1", "hun-sen#q2"}) || r.Total != 2 {
			t.Errorf("speaker=Hun Sen: IDs %v total %d, want his two quotes", got, r.Total)
		}
		r = decodeQuotes(t, ts, quotesURL("/api/quotes", "", "speaker", "Hun Sen", "speaker", "Kem Sokha"))
		if r.Total != 0 {
			t.Errorf("two speakers: total %d, want 0 (filters are AND)", r.Total)
		}
	})

	t.Run("org filter", func(t *testing.T) {
		r := decodeQuotes(t, ts, quotesURL("/api/quotes", "", "org", "Supreme Court"))
		if got := r.ids(); !slices.Equal(got, []string{"cnrp#q1"}) {
			t.Errorf("org=Supreme Court: IDs %v, want [cnrp#q1]", got)
		}
		r = decodeQuotes(t, ts, quotesURL("/api/quotes", "foreigners", "org", "Amnesty International"))
		if got := r.ids(); !slices.Equal(got, []string{"undated#q1"}) {
			t.Errorf("org=Amnesty International (the publisher): IDs %v, want [undated#q1]", got)
		}
	})

	t.Run("dates", func(t *testing.T) {
		r := decodeQuotes(t, ts, quotesURL("/api/quotes", "", "from", "2017-08-23", "to", "2017-08-23"))
		got := r.ids()
		slices.Sort(got)
		if !slices.Equal(got, []string{"hun-sen#q1", "hun-sen#q2"}) {
			t.Errorf("one day: IDs %v, want the two quotes of hun-sen", got)
		}
	})

	t.Run("citations", func(t *testing.T) {
		for _, tt := range []struct{ passage, id, want string }{
			{"The Ministry of Interior should check", "hun-sen#q1", citeMinistry},
			{"must be shut down at once", "undated#q1", citeUnattributed},
			{"a death blow to democracy", "cnrp#q1", citeSokha},
		} {
			r := decodeQuotes(t, ts, quotesURL("/api/quotes", tt.passage))
			if len(r.Hits) == 0 || r.Hits[0].ID != tt.id {
				t.Fatalf("%q: IDs %v, want %s first", tt.passage, r.ids(), tt.id)
			}
			if got := r.Hits[0].Citation; got != tt.want {
				t.Errorf("%s citation\n got %s\nwant %s", tt.id, got, tt.want)
			}
		}
		r := decodeQuotes(t, ts, quotesURL("/api/quotes", "must be shut down at once"))
		if h := r.Hits[0]; h.Speaker != nil || h.Published != nil || h.URL != "" {
			t.Errorf("unattributed hit: speaker %v published %v url %q, want null, null and empty", h.Speaker, h.Published, h.URL)
		}
	})

	t.Run("escaping", func(t *testing.T) {
		_, body := get(t, ts, quotesURL("/api/quotes", "leaflet"))
		r := decodeQuotes(t, ts, quotesURL("/api/quotes", "leaflet"))
		if len(r.Hits) != 1 {
			t.Fatalf("IDs %v, want the xss quote: %s", r.ids(), body)
		}
		h := r.Hits[0]
		if want := `The <mark>leaflet</mark> said &lt;script&gt;window.__xss=3&lt;/script&gt; &amp; worse`; h.QuoteHTML != want {
			t.Errorf("quote_html\n got %s\nwant %s", h.QuoteHTML, want)
		}
		if want := `The leaflet said <script>window.__xss=3</script> & worse`; h.Quote != want {
			t.Errorf("quote %q, want the plain text %q", h.Quote, want)
		}
		if strings.Contains(strings.NewReplacer("<mark>", "", "</mark>", "").Replace(h.QuoteHTML), "<") {
			t.Errorf("quote_html has markup besides <mark>: %s", h.QuoteHTML)
		}
	})

	t.Run("400s", func(t *testing.T) {
		for _, tt := range []struct{ name, path, want string }{
			{"bad from", quotesURL("/api/quotes", "x", "from", "2017-13-01"), "2017-13-01"},
			{"bad to", quotesURL("/api/quotes", "x", "to", "yesterday"), "YYYY-MM-DD"},
			{"to before from", quotesURL("/api/quotes", "", "from", "2018-01-01", "to", "2017-01-01"), "before"},
			{"size 0", quotesURL("/api/quotes", "", "size", "0"), "size"},
			{"size 101", quotesURL("/api/quotes", "", "size", "101"), "100"},
			{"page 0", quotesURL("/api/quotes", "", "page", "0"), "page"},
			{"page abc", quotesURL("/api/quotes", "", "page", "abc"), "whole number"},
			{"page too deep", quotesURL("/api/quotes", "", "page", "1000", "size", "100"), "deep"},
			{"query too long", quotesURL("/api/quotes", strings.Repeat("a ", 1500)), "longer"},
		} {
			resp, body := get(t, ts, tt.path)
			var e struct {
				Error string `json:"error"`
			}
			if resp.StatusCode != http.StatusBadRequest || json.Unmarshal([]byte(body), &e) != nil || !strings.Contains(e.Error, tt.want) {
				t.Errorf("%s: status %d body %s, want 400 with an error mentioning %q", tt.name, resp.StatusCode, body, tt.want)
			}
		}
	})
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// quoteHits cuts the page into its quote hits.
func quoteHits(body string) []string {
	parts := strings.Split(body, `<li class="hit quote-hit">`)
	if len(parts) < 2 {
		return nil
	}
	return parts[1:]
}

func TestPages_quotes(t *testing.T) {
	ts := newCitingServer(t)

	t.Run("tabs", func(t *testing.T) {
		for _, tt := range []struct{ path, current, other string }{
			{"/?q=foreigners&from=2017-01-01&org=LICADHO", `<a href="/?from=2017-01-01&amp;q=foreigners" aria-current="page" class="current">Statements</a>`, `<a href="/quotes?from=2017-01-01&amp;q=foreigners">Quotes</a>`},
			{"/quotes?q=foreigners&from=2017-01-01&speaker=Hun+Sen", `<a href="/quotes?from=2017-01-01&amp;q=foreigners" aria-current="page" class="current">Quotes</a>`, `<a href="/?from=2017-01-01&amp;q=foreigners">Statements</a>`},
			{"/", `<a href="/" aria-current="page" class="current">Statements</a>`, `<a href="/quotes">Quotes</a>`},
		} {
			resp, body := get(t, ts, tt.path)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("%s: status %d", tt.path, resp.StatusCode)
			}
			for _, want := range []string{`<nav class="tabs" aria-label="Search in">`, tt.current, tt.other} {
				if !strings.Contains(body, want) {
					t.Errorf("%s: page lacks %s", tt.path, want)
				}
			}
			if n := strings.Count(body, `aria-current="page" class="current">`); n != 1 {
				t.Errorf("%s: %d current tabs, want 1", tt.path, n)
			}
		}
	})

	t.Run("quote hit", func(t *testing.T) {
		resp, body := get(t, ts, quotesURL("/quotes", "they were created by foreigners, not Khmers"))
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("status %d, want 200", resp.StatusCode)
		}
		hits := quoteHits(body)
		if len(hits) < 2 {
			t.Fatalf("%d quote hits, want 2 or more:\n%s", len(hits), body)
		}
		for _, want := range []string{
			`<span class="badge badge-exact">exact</span>`,
			`<span class="speaker">Hun Sen</span>`,
			`Khmers</mark>`,
			`<span class="hit-source">LICADHO</span><a href="/statements/hun-sen?back=%2Fquotes%3Fq%3Dthey`,
			`>Cambodia: Hun Sen’s government orders NGO to close</a>`,
			`<time datetime="2017-08-23">23 August 2017</time>`,
			`<p class="sentence muted">“The Ministry of Interior should check, because they were created by foreigners, not Khmers,” he said.</p>`,
			`<summary>Cite</summary>`,
			`<label for="permalink-1">Permanent link</label>`,
			`<input id="permalink-1" class="cite-text" type="url" readonly value="` + verifyBase + `/statements/hun-sen">`,
			`<label for="cite-plain-1">Plain</label>`,
			`<textarea id="cite-plain-1" class="cite-text" readonly rows="4">` + html.EscapeString(citeMinistry) + `</textarea>`,
			`<textarea id="cite-apa-1" class="cite-text" readonly rows="4">` + html.EscapeString("LICADHO. (2017, August 23). Cambodia: Hun Sen’s government orders NGO to close. Retrieved December 5, 2026, from https://www.licadho-cambodia.org/statement/1") + `</textarea>`,
			`<textarea id="cite-chicago-1" class="cite-text" readonly rows="4">` + html.EscapeString("LICADHO. “Cambodia: Hun Sen’s government orders NGO to close.” August 23, 2017. Accessed December 5, 2026. https://www.licadho-cambodia.org/statement/1.") + `</textarea>`,
		} {
			if !strings.Contains(hits[0], want) {
				t.Errorf("first hit lacks %s", want)
			}
		}
		second := hits[1]
		for _, want := range []string{`<span class="badge badge-near">near match</span>`, `<span class="speaker unattributed">unattributed</span>`, `Date unknown`, `<textarea id="cite-plain-2"`} {
			if !strings.Contains(second, want) {
				t.Errorf("second hit lacks %s:\n%s", want, second)
			}
		}
		for _, want := range []string{`<label for="q" class="search-label">Find a quote</label>`, `Paste a sentence; straight or curly quotes, a missing or changed word still find it.`, `action="/quotes"`, `2 quotes`} {
			if !strings.Contains(body, want) {
				t.Errorf("page lacks %s", want)
			}
		}
	})

	t.Run("without a passage no quote is badged a match", func(t *testing.T) {
		resp, body := get(t, ts, "/quotes")
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("status %d, want 200", resp.StatusCode)
		}
		if len(quoteHits(body)) == 0 {
			t.Fatalf("no quotations listed:\n%s", body)
		}
		for _, badge := range []string{"badge-near", "badge-exact"} {
			if strings.Contains(body, badge) {
				t.Errorf("the page badges %s with no passage searched", badge)
			}
		}
	})

	t.Run("speaker facet filters", func(t *testing.T) {
		_, body := get(t, ts, "/quotes?q=foreigners")
		m := regexp.MustCompile(`<a href="([^"]*)"><span class="facet-value">Hun Sen</span> <span class="count">1</span>`).FindStringSubmatch(body)
		if m == nil {
			t.Fatalf("no speaker facet link for Hun Sen with count 1:\n%s", body)
		}
		link := html.UnescapeString(m[1])
		u, err := url.Parse(link)
		if err != nil || u.Path != "/quotes" || u.Query().Get("speaker") != "Hun Sen" || u.Query().Get("q") != "foreigners" {
			t.Fatalf("facet link %s, want /quotes with q and speaker", link)
		}
		_, body = get(t, ts, link)
		hits := quoteHits(body)
		if len(hits) != 1 || !strings.Contains(hits[0], `<span class="speaker">Hun Sen</span>`) {
			t.Errorf("after the facet: %d hits, want Hun Sen's one:\n%s", len(hits), body)
		}
		for _, want := range []string{
			`<a class="chip" href="/quotes?q=foreigners"`,
			`<span class="chip-label">Speaker:</span> Hun Sen`,
			`<input type="hidden" name="speaker" value="Hun Sen">`,
			`class="active" aria-current="true"><span class="facet-value">Hun Sen</span>`,
		} {
			if !strings.Contains(body, want) {
				t.Errorf("filtered page lacks %s", want)
			}
		}
	})

	t.Run("statement hits cite too", func(t *testing.T) {
		_, body := get(t, ts, "/?q=ordered+close")
		want := `<textarea id="cite-plain-1" class="cite-text" readonly rows="4">` +
			html.EscapeString("LICADHO, “Cambodia: Hun Sen’s government orders NGO to close,” 23 August 2017, https://www.licadho-cambodia.org/statement/1, accessed 5 December 2026") + `</textarea>`
		if !strings.Contains(body, want) {
			t.Errorf("search page lacks %s:\n%s", want, body)
		}
	})

	t.Run("escaping", func(t *testing.T) {
		// The typed passage holds markup too; it comes back in the box.
		_, body := get(t, ts, quotesURL("/quotes", "The leaflet said <script>"))
		if strings.Contains(body, "<script") || strings.Contains(body, "<b>") {
			t.Errorf("unescaped markup in the quotes page:\n%s", body)
		}
		hits := quoteHits(body)
		if len(hits) != 1 {
			t.Fatalf("%d hits, want the xss quote:\n%s", len(hits), body)
		}
		quote := regexp.MustCompile(`<blockquote class="quote"><p>(.*)</p></blockquote>`).FindStringSubmatch(hits[0])
		// Only <mark> is markup; without it, the text is the quote escaped.
		if quote == nil || !strings.Contains(quote[1], "<mark>") ||
			strings.NewReplacer("<mark>", "", "</mark>", "").Replace(quote[1]) != `The leaflet said &lt;script&gt;window.__xss=3&lt;/script&gt; &amp; worse` {
			t.Errorf("quote not shown as escaped text with <mark>: %q", quote)
		}
		for _, want := range []string{`<span class="speaker">Analyst &lt;b&gt;X&lt;/b&gt;</span>`, `value="The leaflet said &lt;script&gt;"`} {
			if !strings.Contains(body, want) {
				t.Errorf("page lacks %s", want)
			}
		}
	})

	t.Run("bad request keeps the passage", func(t *testing.T) {
		resp, body := get(t, ts, "/quotes?q=foreigners&from=2017-13-01")
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("status %d, want 400", resp.StatusCode)
		}
		for _, want := range []string{`role="alert"`, "The start date", `value="foreigners"`} {
			if !strings.Contains(body, want) {
				t.Errorf("page lacks %s", want)
			}
		}
	})
}
