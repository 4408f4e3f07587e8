package web_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/search"
	"github.com/advosearch/advosearch/web"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// xssTitle and xssBody would run script if a page or a snippet let them
// through unescaped.
const (
	xssTitle = `Statement <script>window.__xss=1;document.title="pwned"</script> on injection`
	xssBody  = "Analysts saw <script>alert(1)</script> in a leaflet.\n\n" +
		`A second paragraph with <img src=x onerror="window.__xss=2"> markup.`
)

// statements is the test corpus: typographic quotes and apostrophes,
// several sources and organizations, dates on the edges of a range, one
// statement without a date and one that tries to inject script.
var statements = []index.Statement{
	{
		ID:    "hun-sen",
		Title: "Cambodia: Hun Sen’s government orders NGO to close",
		Body: "Hun Sen’s government said the NGO ‘must close because they follow foreigners’.\n\n" +
			"The order was signed by the Ministry of Interior in Phnom Penh.",
		URL:           "https://www.licadho-cambodia.org/statement/1",
		Source:        "LICADHO",
		Published:     day("2017-08-23"),
		Dates:         []time.Time{day("2017-08-22")},
		Organizations: []string{"LICADHO", "Ministry of Interior"},
		People:        []string{"Hun Sen"},
		Places:        []string{"Cambodia", "Phnom Penh"},
		Lang:          "en",
		Origin:        "seed:hun-sen",
		Quotes: []index.Quote{
			{Text: "The Ministry of Interior should check, because they were created by foreigners, not Khmers", Speaker: "Hun Sen",
				Sentence: "“The Ministry of Interior should check, because they were created by foreigners, not Khmers,” he said."},
			{Text: "If it’s an international NGO, and they come to create it and ask our permission, it’s not an issue", Speaker: "Hun Sen",
				Sentence: "“If it’s an international NGO, and they come to create it and ask our permission, it’s not an issue,” Hun Sen told reporters."},
		},
	},
	{
		ID:            "cnrp",
		Title:         "Cambodia: Supreme Court dissolves the opposition",
		Body:          "The Supreme Court dissolved the Cambodia National Rescue Party, “a death blow to democracy”, rights groups said. Its leader Kem Sokha remains in prison.",
		URL:           "https://www.hrw.org/news/2017/11/16/cambodia",
		Source:        "Human Rights Watch",
		Published:     day("2017-11-16"),
		Organizations: []string{"Cambodia National Rescue Party", "Supreme Court"},
		People:        []string{"Kem Sokha"},
		Places:        []string{"Cambodia"},
		Lang:          "en",
		Quotes: []index.Quote{
			{Text: "The ruling was “a death blow to democracy” and we reject it", Speaker: "Kem Sokha"},
		},
	},
	{
		ID:            "journalists",
		Title:         "Two journalists detained in Phnom Penh",
		Body:          "Two former Radio Free Asia journalists were detained and charged with espionage.",
		Source:        "Amnesty International",
		Published:     day("2017-11-17"),
		Organizations: []string{"Radio Free Asia"},
		Places:        []string{"Phnom Penh"},
		Lang:          "en",
	},
	{
		ID:            "land",
		Title:         "Land activists jailed after protest",
		Body:          "Three land activists were jailed. LICADHO called for their release.",
		Source:        "LICADHO",
		Published:     day("2018-02-05"),
		Organizations: []string{"LICADHO"},
		Places:        []string{"Cambodia"},
		Lang:          "en",
	},
	{
		ID:            "undated",
		Title:         "Open letter on freedom of association",
		Body:          "We, the undersigned, urge the government to amend the law on associations. LICADHO joined the letter.",
		Source:        "Amnesty International",
		Organizations: []string{"LICADHO"},
		Lang:          "en",
		Quotes: []index.Quote{
			// No speaker, no date, no URL: the citation leaves them out.
			{Text: "They were created by foreigners and must be shut down at once"},
		},
	},
	{
		ID:            "xss",
		Title:         xssTitle,
		Body:          xssBody,
		Source:        "Front Line Defenders",
		Published:     day("2016-05-01"),
		Organizations: []string{"LICADHO"},
		Lang:          "en",
		Quotes: []index.Quote{
			{Text: `The leaflet said <script>window.__xss=3</script> & worse`, Speaker: `Analyst <b>X</b>`},
		},
	},
}

// newTestServer serves a real index of the statements above.
func newTestServer(t *testing.T) *httptest.Server {
	t.Helper()
	return newTestServerWith(t, web.Options{})
}

// newTestServerWith is newTestServer with options; the logger is replaced.
func newTestServerWith(t testing.TB, opts web.Options) *httptest.Server {
	t.Helper()
	return newCorpusServer(t, opts, statements)
}

// newCorpusServer serves a real index of sts, for tests that need other
// statements than the shared ones.
func newCorpusServer(t testing.TB, opts web.Options, sts []index.Statement) *httptest.Server {
	t.Helper()
	ix, err := index.Open(t.TempDir(), index.Options{})
	if err != nil {
		t.Fatalf("open index: %v", err)
	}
	t.Cleanup(func() { ix.Close() })
	if err := ix.Write(sts, nil); err != nil {
		t.Fatalf("write index: %v", err)
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	srv, err := web.New(search.New(ix), opts)
	if err != nil {
		t.Fatalf("web.New: %v", err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts
}

// get fetches a path and returns the response and its body.
func get(t *testing.T, ts *httptest.Server, path string) (*http.Response, string) {
	t.Helper()
	return do(t, ts, http.MethodGet, path, "")
}

func do(t *testing.T, ts *httptest.Server, method, path, body string) (*http.Response, string) {
	t.Helper()
	return doAuth(t, ts, method, path, body, "")
}
