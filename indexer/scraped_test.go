package indexer

import (
	"strings"
	"testing"
)

// A page as a scraper writes it: the site's address as a heading, a list of
// what it fetched, then the page one line a paragraph with no blank line
// between, its <title> ("Headline | Site") above the headline itself.
func TestExtractText_scrapedPage(t *testing.T) {
	long := strings.Repeat("The court in Phnom Penh denied bail to the eleven activists for a third day, and their lawyers will ask again. ", 3)
	// The text under the headline: a line a paragraph, long and short.
	page := strings.Repeat(long+"\nThe hearing resumes on Monday.\n", 8)
	for _, tc := range []struct {
		name, text, title, site, bodyStart string
	}{
		{
			name: "title line above the headline",
			text: "# www.example-news.org\n\n## Metadata\n\n- **URL**: https://www.example-news.org/a/1\n- **Scraped at**: 2026-02-28T02:33:48\n- **type**: news\n\n## Content\n\n" +
				"Eleven activists denied bail in Phnom Penh | Example News\nEleven activists denied bail in Phnom Penh\nby Staff Reporter\n" + page,
			title:     "Eleven activists denied bail in Phnom Penh",
			site:      "Example News",
			bodyStart: "by Staff Reporter\n\nThe court",
		},
		{
			name:      "title line alone",
			text:      "# example.org\n\n## Content\n\nEleven activists denied bail in Phnom Penh | Example Monitor\nSkip to main content\n" + page,
			title:     "Eleven activists denied bail in Phnom Penh",
			site:      "Example Monitor",
			bodyStart: "The court", // "Skip to main content" is chrome
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x, err := extractText(tc.text)
			if err != nil {
				t.Fatal(err)
			}
			if x.title != tc.title {
				t.Errorf("title %q, want %q", x.title, tc.title)
			}
			if len(x.siteNames) == 0 || x.siteNames[len(x.siteNames)-1] != tc.site {
				t.Errorf("site names %q, want %q among them", x.siteNames, tc.site)
			}
			if !strings.HasPrefix(x.body, tc.bodyStart) {
				t.Errorf("body starts %.80q, want the page under the headline", x.body)
			}
		})
	}
}

// Text wrapped to a page keeps its lines joined; text with a line a
// paragraph keeps them apart.
func TestParagraphs_unwrapped(t *testing.T) {
	wrapped := []string{"The authorities must release the", "eleven activists at once and drop", "the charges against them."}
	if got := paragraphs(wrapped); len(got) != 1 {
		t.Errorf("wrapped lines: %d paragraphs %q, want 1", len(got), got)
	}
	long := strings.Repeat("word ", 50)
	unwrapped := []string{"A headline on its own line", long + "one.", long + "two.", "Short closing line."}
	if got := paragraphs(unwrapped); len(got) != 4 {
		t.Errorf("unwrapped lines: %d paragraphs, want 4 (one a line)", len(got))
	}
	// Paragraphs parted by blank lines: a block's short lines are one
	// paragraph, as the author set them.
	parted := []string{long + "one.", "", long + "two.", "", "Media contact: Example, Bangkok", "Telephone: +66 2 108 2643", "Email: media@example.org"}
	if got := paragraphs(parted); len(got) != 3 || !strings.HasPrefix(got[2], "Media contact: Example, Bangkok Telephone") {
		t.Errorf("parted paragraphs: %q, want 3, the contact block one", got)
	}
}

func TestCutPipe(t *testing.T) {
	for _, tc := range []struct{ in, head, site string }{
		{"Eleven activists denied bail | Example News", "Eleven activists denied bail", "Example News"},
		{"Cambodia | NGOs raise alarm, call for more international pressure", "Cambodia | NGOs raise alarm, call for more international pressure", ""},
		{"Cambodia | NGOs raise alarm over the new law | ISHR", "Cambodia | NGOs raise alarm over the new law", "ISHR"},
		{"No pipe here - a dash", "No pipe here - a dash", ""},
	} {
		head, site, _ := cutPipe(tc.in)
		if head != tc.head || site != tc.site {
			t.Errorf("cutPipe(%q) = %q, %q; want %q, %q", tc.in, head, site, tc.head, tc.site)
		}
	}
}
