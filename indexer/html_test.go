package indexer_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/advosearch/advosearch/corpus"
)

// Expected values are read by hand from the pages in testdata.
func TestHTML_Pages(t *testing.T) {
	tests := []struct {
		file      string
		title     string
		source    string
		url       string
		published string // "" when the page states none
		contains  []string
		excludes  []string
	}{
		{
			file:      "jsonld_chrome.html",
			title:     "Cambodia: Release detained land activists now",
			source:    "Cambodian League for the Promotion and Defense of Human Rights",
			url:       "https://www.licadho-cambodia.org/press/2018/release-activists",
			published: "2018-03-14",
			contains: []string{
				"Authorities must immediately release the nine land activists detained in Phnom Penh on 12 March 2018",
				"delivering a petition to the Ministry of Interior.",
				"“Peaceful petitioning is not a crime,” said LICADHO director Naly Pilorge.",
			},
			excludes: []string{"Home", "Share on Facebook", "Tweet", "trackPageView", "Court upholds verdict", "Subscribe", "Garment workers strike", "All rights reserved", "Most viewed"},
		},
		{
			file:      "og_only.html",
			title:     "Thailand: Drop charges against human rights defenders",
			source:    "Amnesty International",
			url:       "https://www.amnesty.org/en/latest/news/2019/02/thailand-drop-charges/",
			published: "2019-02-05",
			contains:  []string{"The Thai authorities must drop all charges", "under the Public Assembly Act."},
			excludes:  []string{"Share this"},
		},
		{
			file:      "malformed.html",
			title:     "Joint letter on Cambodia's NGO law",
			source:    "",
			published: "2015-08-20",
			contains:  []string{"We, the undersigned organisations", "broad powers to deregister groups without appeal.", "Adopted on 13 July 2015"},
		},
		{
			file:      "no_meta.html",
			title:     "Vietnam: Free blogger Pham Doan Trang",
			source:    "Human Rights Watch",
			published: "2020-10-06",
			contains:  []string{"(Bangkok, 6 October 2020) – Human Rights Watch urges the authorities", "She faces up to 20 years in prison"},
			excludes:  []string{"Statements", "Popular posts", "Myanmar elections"},
		},
	}
	e := newExtractor(t)
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			page, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			st, _, err := e.Extract(corpus.Document{ID: tt.file, ContentType: corpus.TypeHTML, Body: page})
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			if st.Title != tt.title {
				t.Errorf("title: got %q, want %q", st.Title, tt.title)
			}
			if st.Source != tt.source {
				t.Errorf("source: got %q, want %q", st.Source, tt.source)
			}
			if st.URL != tt.url {
				t.Errorf("url: got %q, want %q", st.URL, tt.url)
			}
			var want time.Time
			if tt.published != "" {
				want = day(t, tt.published)
			}
			if !st.Published.Equal(want) {
				t.Errorf("published: got %v, want %v", st.Published, want)
			}
			for _, c := range tt.contains {
				if !strings.Contains(st.Body, c) {
					t.Errorf("body lacks %q; body:\n%s", c, st.Body)
				}
			}
			for _, x := range tt.excludes {
				if strings.Contains(st.Body, x) {
					t.Errorf("body holds chrome %q; body:\n%s", x, st.Body)
				}
			}
			if strings.Contains(st.Body, "\n\n\n") || strings.HasPrefix(st.Body, "\n") {
				t.Errorf("paragraphs not separated by exactly one blank line: %q", st.Body)
			}
		})
	}
}

// FuzzExtract_HTML checks that no page, however broken, panics the
// extractor; the testdata pages are the seed corpus.
func FuzzExtract_HTML(f *testing.F) {
	pages, err := filepath.Glob("testdata/*.html")
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	e := newExtractor(f)
	f.Fuzz(func(t *testing.T, page []byte) {
		st, _, err := e.Extract(corpus.Document{ID: "fuzz", ContentType: corpus.TypeHTML, Body: page})
		if err == nil && strings.TrimSpace(st.Body) == "" {
			t.Errorf("no error but an empty body")
		}
	})
}

func TestHTML_Furniture(t *testing.T) {
	e := newExtractor(t)
	tests := []struct {
		name, page         string
		title, source, pub string
		body               string
	}{
		{
			name: "kicker above the headline, date stamp and CSS-module share bar below it",
			page: `<html><head><meta property="og:title" content="Cambodia's top court dissolves main opposition party"><meta property="og:site_name" content="Reuters">` +
				`<meta property="og:article:published_time" content="2017-11-16T08:56:00Z"></head><body>` +
				`<div class="ArticleHeader_channel">World News</div><p>Press releases</p>` +
				`<h1>Cambodia's top court dissolves main opposition party</h1><div>November 16, 2017 / 8:56 AM / Updated 6 years ago</div>` +
				`<div class="ShareBar_container"><a>Twitter</a><a>Facebook</a></div>` +
				`<p>PHNOM PENH (Reuters) - Cambodia's Supreme Court dissolved the main opposition party on Thursday.</p></body></html>`,
			title:  "Cambodia's top court dissolves main opposition party",
			source: "Reuters",
			pub:    "2017-11-16",
			body:   "PHNOM PENH (Reuters) - Cambodia's Supreme Court dissolved the main opposition party on Thursday.",
		},
		{
			name: "blog theme: site name in the title tail, header and post metadata in divs",
			page: `<html><head><title>PHILIPPINES: Free Senator de Lima &#8212; Asian Human Rights Commission</title></head><body>` +
				`<div id="header">Working for human rights in Asia</div><div class="post"><p class="post-info">February 22, 2019 | Filed under: Statements</p>` +
				`<h2>PHILIPPINES: Free Senator de Lima</h2><div class="entry"><p>Senator Leila de Lima remains detained in Quezon City.</p></div>` +
				`<p class="postmetadata">Tags: Philippines, Asia</p></div><div id="footer">Hong Kong</div></body></html>`,
			title:  "PHILIPPINES: Free Senator de Lima",
			source: "Asian Human Rights Commission",
			pub:    "2019-02-22",
			body:   "Senator Leila de Lima remains detained in Quezon City.",
		},
		{
			name: "og:title is the section, the h1 the headline",
			page: `<html><head><meta property="og:title" content="Press releases"><meta property="og:site_name" content="CENIDH"></head><body>` +
				`<h1>Nicaragua: stop stripping critics of their nationality</h1><p>Published on 14 March 2024</p>` +
				`<p>The government must restore the nationality of 317 people, CENIDH said.</p></body></html>`,
			title:  "Nicaragua: stop stripping critics of their nationality",
			source: "CENIDH",
			pub:    "2024-03-14",
			body:   "The government must restore the nationality of 317 people, CENIDH said.",
		},
		{
			name: "title is the language, the h1 the headline",
			page: `<html lang="es"><head><title>Español</title></head><body>` +
				`<h1>Guatemala: libertad para la exfiscal Virginia Laparra</h1><p>23 de febrero de 2023</p>` +
				`<p>La Unidad de Protección exige la libertad inmediata de Virginia Laparra.</p></body></html>`,
			title:  "Guatemala: libertad para la exfiscal Virginia Laparra",
			source: "",
			pub:    "2023-02-23",
			body:   "La Unidad de Protección exige la libertad inmediata de Virginia Laparra.",
		},
		{
			name: "og:title is the site name",
			page: `<html><head><meta property="og:title" content="Human Rights Watch"><meta property="og:site_name" content="Human Rights Watch"></head><body>` +
				`<h1>Egypt: Free Alaa Abd El-Fattah</h1>` +
				`<p>The authorities should release the activist Alaa Abd El-Fattah now.</p></body></html>`,
			title:  "Egypt: Free Alaa Abd El-Fattah",
			source: "Human Rights Watch",
			pub:    "0001-01-01",
			body:   "The authorities should release the activist Alaa Abd El-Fattah now.",
		}, {
			name: "title with an unknown site's name, the h1 without it",
			page: `<html lang="es"><head><title>Honduras: liberen a los defensores | Radio Tocoa</title></head><body>` +
				`<h1>Honduras: liberen a los defensores</h1><p>Las autoridades deben liberar a los defensores detenidos el lunes.</p></body></html>`,
			title:  "Honduras: liberen a los defensores",
			source: "Radio Tocoa",
			pub:    "0001-01-01",
			body:   "Las autoridades deben liberar a los defensores detenidos el lunes.",
		},
		{
			name: "title a shortened headline, the site's header an h1 too",
			page: `<html><head><title>Release land defenders</title></head><body><div class="top"><h1>Monitor</h1></div>` +
				`<article><h1>Honduras: Release land defenders</h1><p>The authorities must release the land defenders detained on Monday.</p></article></body></html>`,
			title:  "Honduras: Release land defenders",
			source: "",
			pub:    "0001-01-01",
			body:   "The authorities must release the land defenders detained on Monday.",
		},
		{
			name: "a menu above the headline, a trending list and a run of video teasers inside the story, teasers of other stories after it",
			page: `<html><head><meta property="og:title" content="Court jails five land activists in Koh Kong"></head><body>` +
				`<div class="content"><ul><li><a href="/">Home</a></li><li><a href="/n">National</a></li><li><a href="/w">World</a></li></ul><h1>Court jails five land activists in Koh Kong</h1>` +
				`<p>A provincial court on Monday sentenced five land activists to two years in prison for protesting against a sugar plantation that took their farms.</p>` +
				`<p>The activists had camped for three weeks outside the provincial hall, asking the authorities to return the land or pay them what it was worth.</p>` +
				`<div><h3>Trending News</h3><ul><li><a href="/a">Flood waters rise in the capital</a></li><li><a href="/b">Election body sets a date for the vote</a></li><li><a href="/c">Teachers strike over unpaid wages</a></li></ul></div>` +
				`<div><div>JUST WATCHED</div><div><a href="/v1">Villagers block a road to the plantation</a></div><div><a href="/v2">Police fire on protesters in the capital</a></div><div>Replay</div></div>` +
				`<p>Their lawyer said the verdict would be appealed, and that the judges had not heard a single witness for the defence during the one-day trial.</p>` +
				`<p>Rights groups said the case was the latest in a string of prosecutions of villagers who stand up to companies granted land by the state.</p></div>` +
				`<div class="more"><div>World</div><div>More World</div>` +
				`<div><a href="/d">Why farmers may want to paint their cows with zebra stripes</a></div><div>Some people thought the stripy cattle were a joke, but the science behind them could save farmers money</div><div>32M ago</div>` +
				`<div><a href="/e">Two soldiers killed in a helicopter crash</a></div><div>Officials dismiss a claim that the craft was shot down but say the cause is being investigated</div><div>2H ago</div></div>` +
				`</body></html>`,
			title:  "Court jails five land activists in Koh Kong",
			source: "",
			pub:    "0001-01-01",
			body: "A provincial court on Monday sentenced five land activists to two years in prison for protesting against a sugar plantation that took their farms.\n\n" +
				"The activists had camped for three weeks outside the provincial hall, asking the authorities to return the land or pay them what it was worth.\n\n" +
				"Their lawyer said the verdict would be appealed, and that the judges had not heard a single witness for the defence during the one-day trial.\n\n" +
				"Rights groups said the case was the latest in a string of prosecutions of villagers who stand up to companies granted land by the state.",
		},
		{
			name: "title a section and the site, the headline an h2",
			page: `<html><head><title>News | Global Witness</title></head><body><h2>Honduras: Release the land defenders of Tocoa</h2>` +
				`<p>The authorities must release the land defenders detained on Monday.</p></body></html>`,
			title:  "Honduras: Release the land defenders of Tocoa",
			source: "Global Witness",
			pub:    "0001-01-01",
			body:   "The authorities must release the land defenders detained on Monday.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, _, err := e.Extract(corpus.Document{ID: "page", ContentType: corpus.TypeHTML, Body: []byte(tt.page)})
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			if st.Title != tt.title || st.Source != tt.source || st.Published.Format(time.DateOnly) != tt.pub || st.Body != tt.body {
				t.Errorf("got title %q source %q published %s body %q,\nwant title %q source %q published %s body %q",
					st.Title, st.Source, st.Published.Format(time.DateOnly), st.Body, tt.title, tt.source, tt.pub, tt.body)
			}
		})
	}
}

// TestHTML_siteNameInTitle: the site's name around a <title>'s headline is
// cut wherever the page names it (og:site_name, application-name) or the
// title's shape shows it: first or last, after any separator sites use.
func TestHTML_siteNameInTitle(t *testing.T) {
	e := newExtractor(t)
	const headline = "Activists detained in Harare after protest"
	const body = `<article><p>Police detained six activists in Harare on Monday after a protest against rising prices, their lawyers said.</p></article>`
	for _, tt := range []struct{ name, head, source string }{
		{"application-name names the site", `<title>` + headline + ` - Harbour Times</title><meta name="application-name" content="Harbour Times">`, "Harbour Times"},
		{"the site's name first, og:site_name", `<title>Harbour Times - ` + headline + `</title><meta property="og:site_name" content="Harbour Times">`, "Harbour Times"},
		{"the site's name first before a pipe, none given", `<title>Harbour Times | ` + headline + `</title>`, ""},
		{"a double colon", `<title>` + headline + ` :: Harbour Times</title>`, "Harbour Times"},
		{"a pipe in og:title", `<meta property="og:title" content="` + headline + ` | Harbour Times">`, "Harbour Times"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			page := `<html><head>` + tt.head + `</head><body>` + body + `</body></html>`
			st, _, err := e.Extract(corpus.Document{ID: "h", ContentType: corpus.TypeHTML, Body: []byte(page)})
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			if st.Title != headline || st.Source != tt.source {
				t.Errorf("title %q, source %q; want %q, %q", st.Title, st.Source, headline, tt.source)
			}
		})
	}
}

// TestHTML_publisher: a page's publisher is read from the meta tags and
// JSON-LD that name it, and from the copyright line of its footer, which
// is chrome and no part of the text.
func TestHTML_publisher(t *testing.T) {
	e := newExtractor(t)
	const article = `<article><h1>Activists detained in Harare after protest</h1><p>Police detained six activists in Harare on Monday after a protest against rising prices, their lawyers said.</p></article>`
	for _, tt := range []struct{ name, head, foot, source string }{
		{"footer copyright", "", `<footer><p>© 2024 Harbour Freedom Network. All rights reserved.</p></footer>`, "Harbour Freedom Network"},
		{"copyright class, the year after", "", `<div class="site-copyright">Copyright © Harbour Freedom Network 2024</div>`, "Harbour Freedom Network"},
		{"JSON-LD article with a publisher, no headline", `<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Harbour Freedom Network"}}</script>`, "", "Harbour Freedom Network"},
		{"meta copyright", `<meta name="copyright" content="Harbour Freedom Network">`, "", "Harbour Freedom Network"},
		{"meta publisher", `<meta name="publisher" content="Harbour Freedom Network">`, "", "Harbour Freedom Network"},
		{"article:publisher as an address names none", `<meta property="article:publisher" content="https://www.facebook.com/harbourfreedom">`, "", ""},
		{"og:site_name over the footer", `<meta property="og:site_name" content="Harbour Times">`, `<footer><p>© 2024 Harbour Media Group</p></footer>`, "Harbour Times"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			page := `<html><head>` + tt.head + `</head><body>` + article + tt.foot + `</body></html>`
			st, _, err := e.Extract(corpus.Document{ID: "h", ContentType: corpus.TypeHTML, Body: []byte(page)})
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			if st.Source != tt.source {
				t.Errorf("source %q, want %q", st.Source, tt.source)
			}
			if strings.Contains(st.Body, "©") {
				t.Errorf("body %q holds the footer", st.Body)
			}
		})
	}
}
