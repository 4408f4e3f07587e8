package indexer_test

import (
	"testing"

	"github.com/advosearch/advosearch/corpus"
)

// TestExtract_htmlHeadline: pages copied from anywhere put a section's
// name, the site's motto or a language in their metadata title, and
// captions, credits and kickers around the headline; the title is the
// headline the page prints, written for this test.
func TestExtract_htmlHeadline(t *testing.T) {
	e := newExtractor(t)
	const body = `<p>The authorities in Kenya must release the protest leaders now and drop all charges, the organization said on Monday in Nairobi.</p><p>A hearing was held on 12 January 2023 and another is set for 20 May 2025, their lawyers said.</p>`
	const h = "Kenya: Release the protest leaders now"
	page := func(head, before string) string {
		return `<html><head>` + head + `</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article>` + before + `<h1>` + h + `</h1>` + body + `</article></body></html>`
	}
	tests := []struct{ name, html, want string }{
		{"a section name of three words in <title>", page(`<title>News and Press Releases</title>`, ""), h},
		{"a section name in og:title", page(`<meta property="og:title" content="Latest News and Statements">`, ""), h},
		{"the site and its motto in <title>", page(`<title>Harbour Watch | Defending rights across the region</title>`, ""), h},
		{"a language name in <title>", page(`<title>English</title>`, ""), h},
		{"the home page title", page(`<title>Home - Harbour Watch</title>`, ""), h},
		{"a figure caption above the headline", page(``, `<figure><img src="a.jpg"><figcaption>Protesters gather outside the court in Nairobi. (AP Photo/Jane Doe)</figcaption></figure>`), h},
		{"og:title with the site after a dash", page(`<meta property="og:title" content="Kenya: Release the protest leaders now - Harbour Watch">`, ""), h},
		{"the site name alone", page(`<meta property="og:site_name" content="Harbour Watch"><title>Harbour Watch</title>`, ""), h},
		{"a caption above an <h2> headline", `<html><head><title>Statements | Harbour Watch</title></head><body><div class="caption">Protesters gather outside the court in Nairobi on Monday</div><h2>` + h + `</h2>` + body + `</body></html>`, h},
		{"a photo credit paragraph above the headline", `<html><head></head><body><p>Photo: Jane Doe/Harbour Watch</p><h1>` + h + `</h1>` + body + `</body></html>`, h},
		{"a kicker, a byline and a date around the headline", `<html><head></head><body><p class="kicker">Human Rights</p><h1>` + h + `</h1><p>By Jane Doe</p><p>March 3, 2024</p>` + body + `</body></html>`, h},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, _, err := e.Extract(corpus.Document{ID: "h", Name: "h.html", ContentType: corpus.TypeHTML, Body: []byte(tt.html)})
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			if st.Title != tt.want {
				t.Errorf("title %q, want %q", st.Title, tt.want)
			}
		})
	}
}
