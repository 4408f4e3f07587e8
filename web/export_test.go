package web_test

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/web"
)

// A spreadsheet would run each of these as a formula if a cell began with
// it: a title, a body (whose start is the snippet of an export without
// words) and a quotation.
const (
	formulaTitle = `=HYPERLINK("https://evil.example","click")`
	formulaBody  = "+SUM(1;2) opens this text. A title that starts with an equals sign."
	formulaQuote = "@SUM(3;4) is what the spreadsheet said"
)

// exportCorpus is the shared statements, one whose title a spreadsheet
// would run as a formula, and enough generated ones that an export takes
// several pages of the search.
func exportCorpus() []index.Statement {
	sts := slices.Clone(statements)
	sts = append(sts, index.Statement{
		ID: "formula", Title: formulaTitle, Body: formulaBody,
		URL: "https://example.org/formula", Source: "Test", Published: day("2019-01-01"),
		Organizations: []string{"LICADHO", "Human Rights Watch"}, People: []string{"-dash"}, Lang: "en",
		Quotes: []index.Quote{{Text: formulaQuote, Speaker: "@analyst", Sentence: formulaQuote + ", the analyst said."}},
	})
	for i := range 130 {
		sts = append(sts, index.Statement{
			ID: fmt.Sprintf("bulk-%03d", i), Title: fmt.Sprintf("Bulk statement %d", i),
			Body: "Filler about a bulk report.", Source: "Bulk", Lang: "en",
			Published: day("2015-01-01").AddDate(0, 0, i),
		})
	}
	return sts
}

func apiTotal(t *testing.T, ts *httptest.Server, query string) int {
	t.Helper()
	resp, body := get(t, ts, "/api/search?"+query)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("search %s: status %d: %s", query, resp.StatusCode, body)
	}
	return decode[struct {
		Total int `json:"total"`
	}](t, body).Total
}

// readCSV checks the BOM and parses an export; records[0] is the header.
func readCSV(t *testing.T, body string) [][]string {
	t.Helper()
	rest, ok := strings.CutPrefix(body, "\ufeff")
	if !ok {
		t.Fatalf("CSV does not start with a UTF-8 BOM: %q", body[:min(len(body), 20)])
	}
	records, err := csv.NewReader(strings.NewReader(rest)).ReadAll()
	if err != nil {
		t.Fatalf("parse CSV: %v", err)
	}
	return checkHeader(t, records, "id", "title", "url", "source", "published", "organizations", "people", "places",
		"lang", "permalink", "snippet")
}

func checkHeader(t *testing.T, records [][]string, want ...string) [][]string {
	t.Helper()
	if len(records) == 0 || !slices.Equal(records[0], want) {
		t.Fatalf("header %v, want %v", records[:min(len(records), 1)], want)
	}
	for i, r := range records {
		if len(r) != len(want) {
			t.Fatalf("row %d has %d cells, want %d: %q", i, len(r), len(want), r)
		}
	}
	return records
}

func TestExport_csv(t *testing.T) {
	ts := newCorpusServer(t, web.Options{}, exportCorpus())
	for _, query := range []string{"", "org=LICADHO", "q=cambodia", "source=Bulk&from=2015-02-01", "q=bulk&sort=date"} {
		t.Run(query, func(t *testing.T) {
			resp, body := get(t, ts, "/api/search?format=csv&"+query)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d: %s", resp.StatusCode, body)
			}
			if ct := resp.Header.Get("Content-Type"); ct != "text/csv; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
			if cd := resp.Header.Get("Content-Disposition"); cd != `attachment; filename="advosearch-export.csv"` {
				t.Errorf("Content-Disposition %q", cd)
			}
			rows := readCSV(t, body)[1:]
			total := apiTotal(t, ts, query)
			if len(rows) != total || total == 0 {
				t.Fatalf("%d rows, want the search's total %d (> 0)", len(rows), total)
			}
			if got := resp.Header.Get("X-Advosearch-Total"); got != strconv.Itoa(total) {
				t.Errorf("X-Advosearch-Total %q, want %d", got, total)
			}
			if got := resp.Header.Get("X-Advosearch-Truncated"); got != "" {
				t.Errorf("X-Advosearch-Truncated %q on a whole export", got)
			}
			ids := map[string]bool{}
			for _, r := range rows {
				if ids[r[0]] {
					t.Errorf("statement %s twice", r[0])
				}
				ids[r[0]] = true
				if strings.Contains(query, "org=LICADHO") && !slices.Contains(strings.Split(r[5], "; "), "LICADHO") {
					t.Errorf("row %v has no LICADHO among its organizations", r)
				}
				if strings.Contains(query, "source=Bulk") && (r[3] != "Bulk" || r[4] < "2015-02-01") {
					t.Errorf("row %v is outside source=Bulk from 2015-02-01", r)
				}
			}
		})
	}
}

func TestExport_csvValues(t *testing.T) {
	ts := newCorpusServer(t, web.Options{}, exportCorpus())
	_, body := get(t, ts, "/api/search?format=csv&org=LICADHO")
	rows := map[string][]string{}
	for _, r := range readCSV(t, body)[1:] {
		rows[r[0]] = r
	}
	f := rows["formula"]
	if f == nil {
		t.Fatal("no row for the statement with a formula title")
	}
	if f[1] != "'"+formulaTitle {
		t.Errorf("title %q, want the formula prefixed with a quote", f[1])
	}
	if f[6] != "'-dash" {
		t.Errorf("people %q, want '-dash", f[6])
	}
	if f[5] != "LICADHO; Human Rights Watch" && f[5] != "Human Rights Watch; LICADHO" {
		t.Errorf("organizations %q, want both joined with \"; \"", f[5])
	}
	h := rows["hun-sen"]
	if h == nil || h[1] != "Cambodia: Hun Sen’s government orders NGO to close" || h[2] != "https://www.licadho-cambodia.org/statement/1" ||
		h[3] != "LICADHO" || h[4] != "2017-08-23" || h[7] != "Cambodia; Phnom Penh" {
		t.Errorf("hun-sen row %q", h)
	}
	if u := rows["undated"]; u == nil || u[4] != "" || u[2] != "" {
		t.Errorf("undated row %q, want empty published and url", u)
	}
	if f[10] != "'"+formulaBody {
		t.Errorf("snippet %q, want the start of the text prefixed with a quote", f[10])
	}
	for id, r := range rows {
		if want := ts.URL + "/statements/" + id; r[9] != want {
			t.Errorf("%s: permalink %q, want %q", id, r[9], want)
		}
		if r[8] != "en" {
			t.Errorf("%s: lang %q, want en", id, r[8])
		}
	}
}

// TestExport_snippetAndPermalink reads the snippet of a search with words:
// the passage where they matched, in plain text, and follows the
// permalink to the statement's page.
func TestExport_snippetAndPermalink(t *testing.T) {
	ts := newCorpusServer(t, web.Options{}, exportCorpus())
	_, body := get(t, ts, "/api/search?format=csv&q=espionage")
	rows := readCSV(t, body)[1:]
	if len(rows) != 1 || rows[0][0] != "journalists" {
		t.Fatalf("rows %q, want the journalists statement alone", rows)
	}
	if sn := rows[0][10]; !strings.Contains(sn, "charged with espionage") || strings.Contains(sn, "<") {
		t.Errorf("snippet %q, want the matching passage in plain text", sn)
	}
	resp, page := get(t, ts, strings.TrimPrefix(rows[0][9], ts.URL))
	if resp.StatusCode != http.StatusOK || !strings.Contains(page, "Two journalists detained in Phnom Penh") {
		t.Errorf("permalink %s: status %d, not the statement's page", rows[0][9], resp.StatusCode)
	}

	// Behind a proxy the permalink takes the configured public root.
	proxied := newCorpusServer(t, web.Options{BaseURL: "https://advosearch.example/"}, exportCorpus())
	_, body = get(t, proxied, "/api/search?format=jsonl&q=espionage")
	r := decode[struct {
		Permalink, Snippet, Lang string
	}](t, strings.TrimSpace(body))
	if r.Permalink != "https://advosearch.example/statements/journalists" || r.Lang != "en" || !strings.Contains(r.Snippet, "espionage") {
		t.Errorf("JSON line %+v, want the public permalink, lang en and the snippet", r)
	}
}

func TestExport_jsonl(t *testing.T) {
	ts := newCorpusServer(t, web.Options{}, exportCorpus())
	resp, body := get(t, ts, "/api/search?format=jsonl&q=cambodia")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "application/x-ndjson" {
		t.Errorf("Content-Type %q", ct)
	}
	if cd := resp.Header.Get("Content-Disposition"); cd != `attachment; filename="advosearch-export.jsonl"` {
		t.Errorf("Content-Disposition %q", cd)
	}
	type row struct {
		ID            string   `json:"id"`
		Title         string   `json:"title"`
		Published     *string  `json:"published"`
		Organizations []string `json:"organizations"`
		Places        []string `json:"places"`
		Lang          string   `json:"lang"`
		Permalink     string   `json:"permalink"`
		Snippet       string   `json:"snippet"`
	}
	var rows []row
	sc := bufio.NewScanner(strings.NewReader(body))
	for sc.Scan() {
		rows = append(rows, decode[row](t, sc.Text()))
	}
	if want := apiTotal(t, ts, "q=cambodia"); len(rows) != want || want == 0 {
		t.Fatalf("%d lines, want %d", len(rows), want)
	}
	for _, r := range rows {
		if r.ID == "" || r.Organizations == nil || r.Places == nil {
			t.Errorf("line %+v lacks id or arrays", r)
		}
		if r.Lang != "en" || r.Permalink != ts.URL+"/statements/"+r.ID || !strings.Contains(strings.ToLower(r.Snippet+r.Title), "cambodia") {
			t.Errorf("line %+v: want lang en, its permalink, and a snippet or title with the word", r)
		}
		if r.ID == "hun-sen" && (r.Published == nil || *r.Published != "2017-08-23") {
			t.Errorf("hun-sen published %v", r.Published)
		}
	}
}

func TestExport_badFormat(t *testing.T) {
	ts := newTestServer(t)
	resp, body := get(t, ts, "/api/search?q=cambodia&format=xml")
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(decode[errorJSON](t, body).Error, "format") {
		t.Errorf("status %d, want 400 naming format: %s", resp.StatusCode, body)
	}
	if resp, body := get(t, ts, "/api/search?format=csv&strict=1&q=%22unclosed"); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("bad query: status %d, want 400: %s", resp.StatusCode, body)
	}
	if resp, body := get(t, ts, "/api/search?format=json&q=cambodia"); resp.StatusCode != http.StatusOK || !strings.HasPrefix(body, "{") {
		t.Errorf("format=json: status %d: %.80s", resp.StatusCode, body)
	}
}

func TestExport_cap(t *testing.T) {
	ts := newCorpusServer(t, web.Options{MaxExport: 3}, exportCorpus())
	for _, format := range []string{"csv", "jsonl"} {
		resp, body := get(t, ts, "/api/search?format="+format+"&source=Bulk")
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("status %d: %s", resp.StatusCode, body)
		}
		n := strings.Count(strings.TrimSpace(body), "\n") + 1
		if format == "csv" {
			n = len(readCSV(t, body)) - 1
		}
		if n != 3 {
			t.Errorf("%s: %d rows, want the cap 3", format, n)
		}
		if got := resp.Header.Get("X-Advosearch-Truncated"); got != "true" {
			t.Errorf("%s: X-Advosearch-Truncated %q, want true", format, got)
		}
		if got := resp.Header.Get("X-Advosearch-Total"); got != "130" {
			t.Errorf("%s: X-Advosearch-Total %q, want 130", format, got)
		}
	}
}

func TestSearchPage_exportLink(t *testing.T) {
	ts := newTestServer(t)
	_, page := get(t, ts, "/?q=cambodia&org=LICADHO&sort=date&page=1")
	i := strings.Index(page, `class="export-link" href="`)
	if i < 0 {
		t.Fatal("no Export CSV link on the search page")
	}
	href := page[i+len(`class="export-link" href="`):]
	href = html.UnescapeString(href[:strings.IndexByte(href, '"')])
	for _, want := range []string{"/api/search?", "format=csv", "q=cambodia", "org=LICADHO", "sort=date"} {
		if !strings.Contains(href, want) {
			t.Errorf("export link %q lacks %q", href, want)
		}
	}
	resp, body := get(t, ts, href)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("export link: status %d: %s", resp.StatusCode, body)
	}
	if rows := readCSV(t, body)[1:]; len(rows) != apiTotal(t, ts, "q=cambodia&org=LICADHO") {
		t.Errorf("export link gives %d rows, want the search's total", len(rows))
	}
}

// TestExport_quotes exports quote searches as CSV and JSON lines and reads
// the rows back: every quotation the search finds, the API's fields in
// plain text, the statement's permalink, and no cell a spreadsheet would
// run.
func TestExport_quotes(t *testing.T) {
	ts := newCorpusServer(t, web.Options{}, exportCorpus())
	type quoteTotal struct {
		Total int `json:"total"`
		Hits  []struct {
			ID string `json:"id"`
		} `json:"hits"`
	}
	for _, query := range []string{"q=created+by+foreigners", "", "q=spreadsheet+said"} {
		t.Run(query, func(t *testing.T) {
			resp, body := get(t, ts, "/api/quotes?format=csv&"+query)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d: %s", resp.StatusCode, body)
			}
			if cd := resp.Header.Get("Content-Disposition"); cd != `attachment; filename="advosearch-quotes.csv"` {
				t.Errorf("Content-Disposition %q", cd)
			}
			rest, ok := strings.CutPrefix(body, "\ufeff")
			if !ok {
				t.Fatal("CSV does not start with a UTF-8 BOM")
			}
			records, err := csv.NewReader(strings.NewReader(rest)).ReadAll()
			if err != nil {
				t.Fatalf("parse CSV: %v", err)
			}
			rows := checkHeader(t, records, "id", "quote", "speaker", "exact", "sentence", "statement_id", "title",
				"source", "published", "url", "permalink", "citation")[1:]
			_, js := get(t, ts, "/api/quotes?size=100&"+query)
			api := decode[quoteTotal](t, js)
			if len(rows) != api.Total || api.Total == 0 {
				t.Fatalf("%d rows, want the quote search's total %d (> 0)", len(rows), api.Total)
			}
			if got := resp.Header.Get("X-Advosearch-Total"); got != strconv.Itoa(api.Total) {
				t.Errorf("X-Advosearch-Total %q, want %d", got, api.Total)
			}
			for i, r := range rows {
				if r[0] != api.Hits[i].ID {
					t.Errorf("row %d is %s, want %s: the API's order, exact ones first", i, r[0], api.Hits[i].ID)
				}
				if r[10] != ts.URL+"/statements/"+r[5] || r[11] == "" || (r[3] != "true" && r[3] != "false") {
					t.Errorf("row %q: want the statement's permalink, a citation and exact true or false", r)
				}
				// The citation is the quotes page's: the URL or else the
				// permalink, and the day of the export.
				if link := r[9]; (link == "" && !strings.Contains(r[11], r[10])) || !strings.Contains(r[11], ", accessed ") {
					t.Errorf("row %q: the citation lacks the statement's address or the accessed date", r)
				}
				if r[5] == "formula" && (strings.HasPrefix(r[11], "@") || r[1] != "'"+formulaQuote || r[2] != "'@analyst" || !strings.HasPrefix(r[4], "'@SUM")) {
					t.Errorf("formula row %q: want quote, speaker and sentence prefixed with a quote", r)
				}
			}
		})
	}

	resp, body := get(t, ts, "/api/quotes?format=jsonl&q=created+by+foreigners")
	if ct := resp.Header.Get("Content-Type"); resp.StatusCode != http.StatusOK || ct != "application/x-ndjson" {
		t.Fatalf("status %d, Content-Type %q", resp.StatusCode, ct)
	}
	type row struct {
		Quote       string  `json:"quote"`
		Speaker     *string `json:"speaker"`
		StatementID string  `json:"statement_id"`
		Published   *string `json:"published"`
		Permalink   string  `json:"permalink"`
	}
	got := map[string]row{}
	sc := bufio.NewScanner(strings.NewReader(body))
	for sc.Scan() {
		r := decode[row](t, sc.Text())
		got[r.StatementID] = r
	}
	if r := got["hun-sen"]; r.Speaker == nil || *r.Speaker != "Hun Sen" || r.Published == nil || *r.Published != "2017-08-23" {
		t.Errorf("hun-sen line %+v, want speaker Hun Sen, published 2017-08-23", r)
	}
	if r, ok := got["undated"]; !ok || r.Speaker != nil || r.Published != nil || r.Permalink != ts.URL+"/statements/undated" {
		t.Errorf("undated line %+v, want null speaker and date, and its permalink", r)
	}

	if resp, body := get(t, ts, "/api/quotes?q=must+close&format=xml"); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("format=xml: status %d, want 400: %s", resp.StatusCode, body)
	}
}
