package web_test

import (
	"html"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/web"
)

// latestTitles are the titles of the latest statements a name page lists,
// in order.
func latestTitles(body string) []string {
	section := body[strings.Index(body, `<section class="name-latest"`):]
	section = section[:strings.Index(section, `</section>`)]
	var out []string
	for _, m := range regexp.MustCompile(`<li><a href="[^"]*">([^<]*)</a>`).FindAllStringSubmatch(section, -1) {
		out = append(out, html.UnescapeString(m[1]))
	}
	return out
}

func TestNamePage(t *testing.T) {
	ts := newTestServer(t)
	for _, tt := range []struct {
		name, path string
		// want are pieces of the page; unwanted must not be in it.
		want, unwanted []string
		// latest are the titles listed, newest first, undated last.
		latest []string
	}{
		{
			name: "a person, quoted",
			path: "/people/Hun%20Sen",
			want: []string{
				`<p class="name-kind">Person</p>`,
				`<h1 id="name-title">Hun Sen</h1>`,
				`1 statement mentions Hun Sen, on <time datetime="2017-08-23">23 August 2017</time>.`,
				// The search of the name stays a link away.
				`<a class="name-search" href="/?person=Hun&#43;Sen">All 1 statement on the results page</a>`,
				`<h2 id="quotes-heading">Quotations by Hun Sen</h2>`,
				`2 quotations · <a href="/quotes?speaker=Hun&#43;Sen">all of them on the quotes tab</a>`,
				`<p>The Ministry of Interior should check, because they were created by foreigners, not Khmers</p>`,
				// A quotation opens at its sentence, and leads back to the
				// speaker's quotes.
				`<a href="/statements/hun-sen?back=%2Fquotes%3Fspeaker%3DHun%2BSen#q1">`,
				// The names mentioned with it link to their own pages.
				`<h2>Organizations mentioned with it</h2>`,
				`<a href="/organizations/Ministry%20of%20Interior">Ministry of Interior</a> <span class="count">1</span>`,
				`<a href="/places/Phnom%20Penh">Phnom Penh</a> <span class="count">1</span>`,
				`<figure class="histogram"`,
			},
			// Not mentioned with itself.
			unwanted: []string{`People mentioned with it`, `/people/Hun%20Sen"`},
			latest:   []string{"Cambodia: Hun Sen’s government orders NGO to close"},
		},
		{
			name: "an organization, never quoted",
			path: "/organizations/LICADHO",
			want: []string{
				`<p class="name-kind">Organization</p>`,
				`4 statements mention LICADHO, from <time class="name-first" datetime="2016-05-01">1 May 2016</time> to <time class="name-last" datetime="2018-02-05">5 February 2018</time>.`,
				`<a class="name-search" href="/?org=LICADHO">All 4 statements on the results page</a>`,
				`<a href="/statements/land?back=%2F%3Forg%3DLICADHO">Land activists jailed after protest</a>`,
				`<a href="/people/Hun%20Sen">Hun Sen</a> <span class="count">1</span>`,
				`<a href="/places/Cambodia">Cambodia</a> <span class="count">2</span>`,
				// One statement has no date: the chart says so.
				`1 matching statement has no date and is not shown.`,
			},
			unwanted: []string{`quotes-heading`, `/organizations/LICADHO"`},
			latest: []string{"Land activists jailed after protest", "Cambodia: Hun Sen’s government orders NGO to close",
				xssTitle, "Open letter on freedom of association"},
		},
		{
			name: "a source",
			path: "/sources/LICADHO",
			want: []string{
				`<p class="name-kind">Source</p>`,
				`2 statements are from LICADHO, from <time class="name-first" datetime="2017-08-23">23 August 2017</time> to <time class="name-last" datetime="2018-02-05">5 February 2018</time>.`,
				`<a class="name-search" href="/?source=LICADHO">All 2 statements on the results page</a>`,
			},
			latest: []string{"Land activists jailed after protest", "Cambodia: Hun Sen’s government orders NGO to close"},
		},
		{
			name: "a place",
			path: "/places/Phnom%20Penh",
			want: []string{
				`<p class="name-kind">Place</p>`,
				`2 statements mention Phnom Penh, from <time class="name-first" datetime="2017-08-23">23 August 2017</time> to <time class="name-last" datetime="2017-11-17">17 November 2017</time>.`,
				`<a href="/organizations/Radio%20Free%20Asia">Radio Free Asia</a>`,
			},
			unwanted: []string{`quotes-heading`},
			latest:   []string{"Two journalists detained in Phnom Penh", "Cambodia: Hun Sen’s government orders NGO to close"},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := get(t, ts, tt.path)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("GET %s: status %d, want 200:\n%s", tt.path, resp.StatusCode, body)
			}
			for _, want := range tt.want {
				if !strings.Contains(body, want) {
					t.Errorf("page lacks %s", want)
				}
			}
			for _, unwanted := range tt.unwanted {
				if strings.Contains(body, unwanted) {
					t.Errorf("page has %s", unwanted)
				}
			}
			if got := latestTitles(body); !slices.Equal(got, tt.latest) {
				t.Errorf("latest statements %q, want %q", got, tt.latest)
			}
			// The pages carry no script, so any <script is stored text
			// that got through.
			if strings.Contains(body, "<script") {
				t.Error("unescaped markup in the page")
			}
		})
	}
}

func TestNamePage_notFound(t *testing.T) {
	ts := newTestServer(t)
	for _, path := range []string{
		"/people/Nobody%20At%20All",
		// A name of one kind is not a name of another.
		"/people/LICADHO",
		"/sources/Hun%20Sen",
		"/places/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
		"/organizations/" + strings.Repeat("x", 5000),
		// Not UTF-8, and a control character.
		"/people/%FF%FE",
		"/places/a%00b",
	} {
		resp, body := get(t, ts, path)
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", path, resp.StatusCode)
		}
		if strings.Contains(body, "<script") {
			t.Errorf("GET %s: unescaped markup in the page:\n%s", path, body)
		}
	}
	_, body := get(t, ts, "/people/Nobody%20At%20All")
	if !strings.Contains(body, "no statement mention Nobody At All") {
		t.Errorf("the 404 page does not say which name has no statement:\n%s", body)
	}
}

// A name with a slash, an ampersand and markup is one path segment,
// linked from the statement page and the results page, and shown as text.
func TestNamePage_escapedName(t *testing.T) {
	const org = `UN/OHCHR & <b>Partners</b>`
	ts := newCorpusServer(t, web.Options{}, []index.Statement{{
		ID: "slash", Title: "Joint statement", Body: "The UN and its partners spoke.",
		Source: "OHCHR", Published: day("2020-01-02"), Organizations: []string{org}, Lang: "en",
	}})
	const page = "/organizations/UN%2FOHCHR%20&%20%3Cb%3EPartners%3C%2Fb%3E"
	for _, from := range []string{"/statements/slash", "/?q=partners"} {
		_, body := get(t, ts, from)
		if !strings.Contains(body, `href="`+strings.ReplaceAll(page, "&", "&amp;")+`"`) {
			t.Errorf("%s does not link to the name's page %s:\n%s", from, page, body)
		}
	}
	resp, body := get(t, ts, page)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d, want 200:\n%s", resp.StatusCode, body)
	}
	if want := `<h1 id="name-title">UN/OHCHR &amp; &lt;b&gt;Partners&lt;/b&gt;</h1>`; !strings.Contains(body, want) {
		t.Errorf("page lacks %s", want)
	}
	if strings.Contains(body, "<b>") {
		t.Error("the name's markup got through")
	}
}
