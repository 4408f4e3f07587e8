package indexer_test

import (
	"testing"
	"time"

	"github.com/advosearch/advosearch/corpus"
)

// TestExtract_headerChrome: what stands around a plain-text headline on
// pages copied from anywhere, written for this test: photo captions and
// credits, section names, menus and prompts are never the title; a byline,
// a credit or a date line never runs into it, even with no blank line
// between; dates in more languages and with a time before them are read,
// and an "updated" line is no publication date.
func TestExtract_headerChrome(t *testing.T) {
	e := newExtractor(t)
	const body = "\n\nThe authorities in Kenya must release the protest leaders now and drop all charges, the organization said. " +
		"A hearing was held on 12 January 2023 and another is set for 20 May 2025.\n"
	const title = "Kenya: Release the protest leaders now"
	tests := []struct{ name, text, title, published string }{
		{"a caption ending in its credit in brackets", "Protesters gather outside the court in Nairobi on Monday. (AP Photo/Jane Doe)\n\n" + title + "\n\nMarch 3, 2024" + body, title, "2024-03-03"},
		{"a caption ending in an agency credit", "A woman holds a placard during a protest in Nairobi, Kenya, March 3, 2024. REUTERS/Jane Doe\n\n" + title + body, title, ""},
		{"a photo credit line", "Foto: Jane Doe / Harbour Times\n\n" + title + body, title, ""},
		{"a photo line with a copyright sign", "Photo © Harbour Watch\n\n" + title + body, title, ""},
		{"a byline and a date under the headline, no blank lines", title + "\nBy Jane Doe\nMarch 3, 2024" + body, title, "2024-03-03"},
		{"a section name in capitals", "NEWS\n\n" + title + body, title, ""},
		{"a section name", "Press Releases\n\n" + title + "\n\n3 March 2024" + body, title, "2024-03-03"},
		{"a time with its zone before the date", title + "\n10:30 AM EAT, March 3, 2024" + body, title, "2024-03-03"},
		{"updated and published lines under the headline", title + "\nUpdated: March 4, 2024\nPublished: March 3, 2024" + body, title, "2024-03-03"},
		{"a reading time", title + "\n3 min read" + body, title, ""},
		{"a share bar", "Share this: Facebook Twitter Email\n\n" + title + body, title, ""},
		{"a listen prompt", "Listen to this article\n\n" + title + body, title, ""},
		{"a skip link", "Skip to main content\n\n" + title + body, title, ""},
		{"a menu of one-word lines", "Menu\nHome\nAbout us\nNews\nContact\n\n" + title + "\n\n3 March 2024" + body, title, "2024-03-03"},
		{"a date with dots", title + "\n\n03.03.2024" + body, title, "2024-03-03"},
		{"a dateline ending in a dash", title + "\n\nNairobi, 3 March 2024 –" + body, title, "2024-03-03"},
		{"a section, the writer and the date", "Opinion\n\n" + title + "\n\nJane Doe\n\n3 March 2024" + body, title, "2024-03-03"},
		{"an image line", "Image: Protesters in Nairobi (Harbour Watch)\n\n" + title + body, title, ""},
		{"a copyright credit right above the headline", "© Jane Doe/Harbour Watch\n" + title + body, title, ""},
		{"a picture agency alone", "Getty Images\n\n" + title + body, title, ""},
		{"a page title with the site after a bar", title + " | Harbour Watch\n\nMarch 3, 2024" + body, title, "2024-03-03"},
		{"an updated line is no publication date", "Last updated on 4 March 2024\n\n" + title + body, title, ""},
		{"a weekday, the date and a time", title + "\n\nMonday 3 March 2024 – 10:30" + body, title, "2024-03-03"},
		{"an ordinal date", title + "\n\nMarch 3rd, 2024" + body, title, "2024-03-03"},
		{"a Spanish date", title + "\n\n3 de marzo de 2024" + body, title, "2024-03-03"},
		{"a Dutch date", title + "\n\n3 maart 2024" + body, title, "2024-03-03"},
		{"a Portuguese date", title + "\n\n3 de março de 2024" + body, title, "2024-03-03"},
		{"a headline ending in an agency's name is no caption", "Journalist killed in Mogadishu, says AFP\n\nA journalist was killed in Mogadishu on Monday, AFP said, citing the police. The journalist worked for a local radio station.\n", "Journalist killed in Mogadishu, says AFP", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, _, err := e.Extract(corpus.Document{ID: "h", ContentType: corpus.TypeText, Body: []byte(tt.text)})
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			got := ""
			if !st.Published.IsZero() {
				got = st.Published.Format(time.DateOnly)
			}
			if st.Title != tt.title || got != tt.published {
				t.Errorf("title %q, published %q; want %q, %q", st.Title, got, tt.title, tt.published)
			}
		})
	}
}
