package indexer

import (
	"testing"
)

func TestExtractPlain_frontMatter(t *testing.T) {
	tests := []struct {
		name, text                 string
		markdown                   bool
		title, published, src, url string
		bodyStarts                 string
	}{
		{name: "Jekyll: title, date, the text's first paragraph kept",
			text:     "---\nlayout: post\ntitle: Land defenders freed in Oaxaca\ndate: 2019-06-21\ntags:\n  - post\n---\nA short lead.\n\nThe court released the three defenders on Thursday, their lawyers said.\n",
			markdown: true, title: "Land defenders freed in Oaxaca", published: "2019-06-21", bodyStarts: "A short lead."},
		{name: "a repost: source, original URL, a timestamp",
			text:     "---\ntitle: \"Grève : les mineurs appellent au 5 décembre\"\ndate: 2019-11-07T14:46:54.089Z\nsource: CGT Mines-Energie\nsourceURL: >-\n  https://example.org/greve-5-decembre\ntype: article\n---\n# Grève : les mineurs appellent au 5 décembre\n\nLa fédération appelle à la grève reconductible.\n",
			markdown: true, title: "Grève : les mineurs appellent au 5 décembre", published: "2019-11-07", src: "CGT Mines-Energie",
			url: "https://example.org/greve-5-decembre", bodyStarts: "La fédération appelle"},
		{name: "Jekyll's published flag is no date",
			text:     "---\npublished: true\ntitle: Militante ameaçada\ncreated_date: 2014-04-10 12:00:00\n---\nO movimento denuncia as ameaças.\n",
			markdown: true, title: "Militante ameaçada", published: "2014-04-10", bodyStarts: "O movimento denuncia"},
		{name: "a quoted offset date",
			text:     "---\ntitle: Jornaleros exigen pago\ndate: \"2018-07-26T17:23:00-05:00\"\n---\nLos jornaleros se manifestaron.\n",
			markdown: true, title: "Jornaleros exigen pago", published: "2018-07-26", bodyStarts: "Los jornaleros"},
		{name: "a blog exporter's date with a time and an offset, under a capitalised key",
			text:     "---\nTitle: Blogger freed\nPublished: 2008-11-08 02:37:30 +06:00\n---\nThe blogger was freed on Friday.\n",
			markdown: true, title: "Blogger freed", published: "2008-11-08", bodyStarts: "The blogger was freed"},
		{name: "a rule at the top is no front matter",
			text:     "---\n\nActivists detained in Harare\n\nPolice detained six activists in Harare on Monday, the lawyers' association said.\n",
			markdown: true, title: "Activists detained in Harare", bodyStarts: "Police detained six activists"},
		{name: "front matter that is no map is text",
			text:     "---\njust a line\n---\nActivists detained in Harare\n\nPolice detained six activists in Harare on Monday, the lawyers' association said.\n",
			markdown: true, title: "Activists detained in Harare", bodyStarts: "Police detained"},
		{name: "a WordPress export's post_title and post_date, with chrome above the text",
			text:     "---\nID: 1020\npost_title: 'Reporters detained in Port Harbour: press group'\nauthor: Staff Writer\npost_date: 2016-02-15 21:11:10\nlayout: post\n---\n [ad_1]\n<p>PORT HARBOUR Two reporters were detained on Sunday, a press group said on Monday.</p>\n",
			markdown: true, title: "Reporters detained in Port Harbour: press group", published: "2016-02-15", bodyStarts: "[ad_1]"},
		{name: "HTML entities in the title and source are read as a browser shows them",
			text:     "---\ntitle: \"Togo&#58 Whistleblower freed after &quot;two years&quot;\"\nsource: Smith &amp; Jones Media\n---\nThe whistleblower was freed on Friday.\n",
			markdown: true, title: "Togo: Whistleblower freed after \"two years\"", src: "Smith & Jones Media", bodyStarts: "The whistleblower"},
		{name: "a plain text file with front matter",
			text:  "---\ntitle: Open letter on the NGO law\ndate: 12 March 2024\npublisher: Front Line Defenders\n---\nWe, the undersigned organisations, urge the parliament to reject the bill.\n",
			title: "Open letter on the NGO law", published: "2024-03-12", src: "Front Line Defenders", bodyStarts: "We, the undersigned"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x, err := extractPlain(tt.text, tt.markdown)
			if err != nil {
				t.Fatal(err)
			}
			published := ""
			if !x.published.IsZero() {
				published = x.published.Format("2006-01-02")
			}
			if x.title != tt.title || published != tt.published || x.source != tt.src || x.url != tt.url {
				t.Errorf("title %q, published %q, source %q, url %q;\nwant %q, %q, %q, %q", x.title, published, x.source, x.url,
					tt.title, tt.published, tt.src, tt.url)
			}
			if len(x.body) < len(tt.bodyStarts) || x.body[:len(tt.bodyStarts)] != tt.bodyStarts {
				t.Errorf("body starts %.60q, want %q", x.body, tt.bodyStarts)
			}
		})
	}
}
