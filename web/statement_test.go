package web_test

import (
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/web"
)

// The statement page as a reader verifies a statement: the searched words
// marked, the quotations where they stand, citations, and where it came
// from.

// verifyBody holds its quotations verbatim, as the extractor finds them, in
// three paragraphs.
const verifyBody = "Three land activists were jailed on Monday after a protest in Phnom Penh.\n\n" +
	"“The activists did nothing but ask for their land back,” said Naly Pilorge of LICADHO. “We call for their release.”\n\n" +
	"The court gave the activists two years each."

// verifyStatements are the statements of the verification tests: one with
// quotations, indexed from a file on the server, and one that tries to
// inject markup through its text.
var verifyStatements = []index.Statement{
	{
		ID:            "verify",
		Title:         "Cambodia: land activists jailed after protest",
		Body:          verifyBody,
		URL:           "https://www.licadho-cambodia.org/pressrelease/land",
		Source:        "LICADHO",
		Published:     day("2018-02-05"),
		Organizations: []string{"LICADHO"},
		People:        []string{"Naly Pilorge"},
		Places:        []string{"Phnom Penh"},
		Lang:          "en",
		Origin:        "/srv/advosearch/statements/land.pdf",
		Quotes: []index.Quote{
			{Text: "The activists did nothing but ask for their land back", Speaker: "Naly Pilorge",
				Sentence: "“The activists did nothing but ask for their land back,” said Naly Pilorge of LICADHO."},
			{Text: "We call for their release.", Speaker: "Naly Pilorge", Sentence: "“We call for their release.”"},
		},
	},
	{
		ID:     "undated-letter",
		Title:  "Open letter on the law on associations",
		Body:   "We, the undersigned, urge the government to amend the law on associations.",
		Source: "Amnesty International",
		Lang:   "en",
		Origin: "request:2",
	},
	{
		ID:     "hostile",
		Title:  `Leaflet <script>window.__xss=1</script> activists`,
		Body:   `The leaflet said <script>window.__xss=2</script> to activists & <img src=x onerror="window.__xss=3">.`,
		Source: "Front Line Defenders",
		Lang:   "en",
		Origin: "seed:hostile.txt",
	},
}

// verifyNow is the day the tests read the statements, for the accessed date
// of citations.
var verifyNow = time.Date(2026, 12, 5, 9, 30, 0, 0, time.UTC)

const verifyBase = "https://advosearch.example"

func newVerifyServer(t testing.TB) *httptest.Server {
	t.Helper()
	return newCorpusServer(t, web.Options{Now: func() time.Time { return verifyNow }, BaseURL: verifyBase}, verifyStatements)
}

// ourScript is the only script element a page may hold.
const ourScript = `<script src="/static/statement.js" defer></script>`

func TestStatementPage_marks(t *testing.T) {
	ts := newVerifyServer(t)
	back := "/?q=activists&source=LICADHO"
	resp, body := get(t, ts, "/statements/verify?"+url.Values{"back": {back}}.Encode())
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d, want 200", resp.StatusCode)
	}
	for _, want := range []string{
		// The query comes from the results the page was opened from.
		`<span class="match-total">3 matches</span> of <q class="match-query">activists</q>`,
		`<a href="#m1" class="match-first">first</a> · <a href="#m3" class="match-last">last</a>`,
		`<h1 id="statement-title">Cambodia: land <mark>activists</mark> jailed after protest</h1>`,
		// Each match is an anchor with plain links to its neighbours.
		`Three land <mark class="match" id="m1">activists</mark><span class="match-nav"> <span class="match-count">1 of 3</span> <a href="#m2" class="match-next">next ›</a></span> were jailed`,
		`<mark class="match" id="m2">activists</mark><span class="match-nav"><a href="#m1" class="match-prev">‹ previous</a> <span class="match-count">2 of 3</span> <a href="#m3" class="match-next">next ›</a></span>`,
		`<mark class="match" id="m3">activists</mark><span class="match-nav"><a href="#m2" class="match-prev">‹ previous</a> <span class="match-count">3 of 3</span> </span> two years`,
		// Quotations are anchored where they stand, matches inside them.
		`<p>“<span class="quoted" id="q1">The <mark class="match" id="m2">activists</mark>`,
		`<span class="quoted" id="q2">We call for their release.</span>”</p>`,
		ourScript,
		`<a href="/?q=activists&amp;source=LICADHO">← Back to the results</a>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %s", want)
		}
	}

	for _, tt := range []struct {
		name, path string
		want       []string
		unwanted   []string
	}{
		{"no search, no marks and no script", "/statements/verify",
			[]string{`<span class="quoted" id="q1">The activists did`},
			[]string{"<mark", "<script", `class="matches"`}},
		{"the page's own q, with op", "/statements/verify?q=court+zanzibar&op=or",
			[]string{`<span class="match-total">1 match</span> of <q class="match-query">court zanzibar</q>`, `The <mark class="match" id="m1">court</mark>`},
			nil},
		{"a phrase is one match", "/statements/verify?q=%22land+activists%22",
			[]string{`<mark class="match" id="m1">land activists</mark>`, `1 match</span>`}, nil},
		{"a quote search marks the quotation, not the passage", "/statements/verify?" + url.Values{"back": {"/quotes?q=land+back"}}.Encode(),
			[]string{`<span class="quoted" id="q1">`, `<a href="/quotes?q=land&#43;back">← Back to the results</a>`},
			[]string{"<mark", "<script"}},
		{"words not in the text", "/statements/verify?q=zanzibar",
			[]string{`No words of <q>zanzibar</q> in the text.`}, []string{"<mark", "<script"}},
		{"a bad operator is said, not a failure", "/statements/verify?q=activists&op=xor",
			[]string{`<p class="matches muted">The search’s words are not marked: `}, []string{"<mark", "<script"}},
		{"a query too long is said, not a failure", "/statements/verify?q=" + strings.Repeat("a+", 1100),
			[]string{`The search’s words are not marked: `}, []string{"<mark"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := get(t, ts, tt.path)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d, want 200", resp.StatusCode)
			}
			for _, want := range tt.want {
				if !strings.Contains(body, want) {
					t.Errorf("page lacks %s", want)
				}
			}
			for _, bad := range tt.unwanted {
				if strings.Contains(body, bad) {
					t.Errorf("page holds %s", bad)
				}
			}
		})
	}
}

// markedActivists is the word "activists" marked as a match.
var markedActivists = regexp.MustCompile(`<mark class="match" id="m\d+">activists</mark>`)

// TestStatementPage_hostileQuery types markup as the search whose words
// the page marks, on a statement whose text holds markup too: both come
// back as text, and the one script element is ours.
func TestStatementPage_hostileQuery(t *testing.T) {
	ts := newVerifyServer(t)
	for _, q := range []string{
		`<script>window.__xss=2</script> activists`,
		`"><img src=x onerror=alert(1)> activists`,
		`activists</mark><script>alert(1)</script>`,
		`title:"<b>" OR activists~`,
	} {
		for _, path := range []string{
			"/statements/hostile?" + url.Values{"q": {q}}.Encode(),
			"/statements/hostile?" + url.Values{"back": {"/?" + url.Values{"q": {q}}.Encode()}}.Encode(),
		} {
			resp, body := get(t, ts, path)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("%s: status %d, want 200", path, resp.StatusCode)
			}
			page := strings.Replace(body, ourScript, "", 1)
			if strings.Contains(page, "<script") || strings.Contains(page, "<img") || strings.Contains(page, "<b>") {
				t.Errorf("%s: unescaped markup in the page:\n%s", path, body)
			}
			if !markedActivists.MatchString(body) {
				t.Errorf("%s: the word searched with the markup is not marked", path)
			}
			if !strings.Contains(body, `<q class="match-query">`) {
				t.Errorf("%s: the query is not shown", path)
			}
		}
	}
	_, body := get(t, ts, "/statements/hostile?q=leaflet")
	for _, want := range []string{
		`The <mark class="match" id="m1">leaflet</mark><span class="match-nav">`,
		`said &lt;script&gt;window.__xss=2&lt;/script&gt; to activists &amp; &lt;img src=x onerror=&#34;window.__xss=3&#34;&gt;.`,
		`<h1 id="statement-title"><mark>Leaflet</mark> &lt;script&gt;window.__xss=1&lt;/script&gt; activists</h1>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}

func TestStatementPage_quoteHitsOpenAtTheQuotation(t *testing.T) {
	ts := newVerifyServer(t)
	_, body := get(t, ts, "/quotes?q="+url.QueryEscape("We call for their release"))
	want := `href="/statements/verify?back=%2Fquotes%3Fq%3DWe%2Bcall%2Bfor%2Btheir%2Brelease#q2"`
	if !strings.Contains(body, want) {
		t.Errorf("quotes page lacks the link to the quotation, %s:\n%s", want, body)
	}
}

func TestStatementPage_cite(t *testing.T) {
	ts := newVerifyServer(t)
	for _, tt := range []struct {
		id                         string
		permalink                  string
		plain, apa, chicago        string
		unwantedInPage, wantInPage string
	}{
		{"verify", verifyBase + "/statements/verify",
			"LICADHO, “Cambodia: land activists jailed after protest,” 5 February 2018, https://www.licadho-cambodia.org/pressrelease/land, accessed 5 December 2026",
			"LICADHO. (2018, February 5). Cambodia: land activists jailed after protest. Retrieved December 5, 2026, from https://www.licadho-cambodia.org/pressrelease/land",
			"LICADHO. “Cambodia: land activists jailed after protest.” February 5, 2018. Accessed December 5, 2026. https://www.licadho-cambodia.org/pressrelease/land.",
			"/srv/advosearch", "Indexed from the file land.pdf"},
		{"undated-letter", verifyBase + "/statements/undated-letter",
			"Amnesty International, “Open letter on the law on associations,” n.d., https://advosearch.example/statements/undated-letter, accessed 5 December 2026",
			"Amnesty International. (n.d.). Open letter on the law on associations. Retrieved December 5, 2026, from https://advosearch.example/statements/undated-letter",
			"Amnesty International. “Open letter on the law on associations.” n.d. Accessed December 5, 2026. https://advosearch.example/statements/undated-letter.",
			"request:2", "Sent to the server"},
	} {
		t.Run(tt.id, func(t *testing.T) {
			_, body := get(t, ts, "/statements/"+tt.id)
			for _, want := range []string{
				`<input id="permalink" class="cite-text" type="url" readonly value="` + tt.permalink + `">`,
				`<label for="cite-plain">Plain</label>`,
				`<textarea id="cite-plain" class="cite-text" readonly rows="4">` + html.EscapeString(tt.plain) + `</textarea>`,
				`<textarea id="cite-apa" class="cite-text" readonly rows="4">` + html.EscapeString(tt.apa) + `</textarea>`,
				`<textarea id="cite-chicago" class="cite-text" readonly rows="4">` + html.EscapeString(tt.chicago) + `</textarea>`,
				`<p class="origin">` + tt.wantInPage + ` · language <code>en</code></p>`,
			} {
				if !strings.Contains(body, want) {
					t.Errorf("page lacks %s", want)
				}
			}
			if strings.Contains(body, tt.unwantedInPage) {
				t.Errorf("page shows the internal origin %q", tt.unwantedInPage)
			}
		})
	}

	// Without BaseURL the permalink is on the host the page was asked of.
	plain := newCorpusServer(t, web.Options{}, verifyStatements)
	_, body := get(t, plain, "/statements/verify")
	if want := `value="` + plain.URL + `/statements/verify"`; !strings.Contains(body, want) {
		t.Errorf("permalink without BaseURL: page lacks %s", want)
	}
}

func TestStatic_script(t *testing.T) {
	ts := newVerifyServer(t)
	resp, body := get(t, ts, "/static/statement.js")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/javascript; charset=utf-8" {
		t.Errorf("Content-Type %q, want text/javascript", ct)
	}
	if !regexp.MustCompile(`addEventListener\('keydown'`).MatchString(body) {
		t.Error("the script does not listen for keys")
	}
}
