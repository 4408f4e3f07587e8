package web

import (
	"testing"
	"time"
)

func TestCitation_String(t *testing.T) {
	day := time.Date(2017, 11, 27, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		c    citation
		want string
	}{
		{"every part", citation{Speaker: "Hun Sen", Quote: "They must close", Source: "Phnom Penh Post", Title: "PM says NGO ‘must close’", Published: day, URL: "https://example.org/a"},
			"Hun Sen, “They must close,” Phnom Penh Post, “PM says NGO ‘must close’,” 27 November 2017, https://example.org/a"},
		{"no speaker, date or URL", citation{Quote: "They must close", Source: "ISHR", Title: "NGOs raise alarm"},
			"“They must close,” ISHR, “NGOs raise alarm”"},
		{"no URL ends after the date", citation{Speaker: "A", Quote: "q", Source: "S", Title: "T", Published: day},
			"A, “q,” S, “T,” 27 November 2017"},
		{"no title", citation{Speaker: "A", Quote: "q", Source: "S", URL: "https://x"}, "A, “q,” S, https://x"},
		{"quote alone", citation{Quote: "q"}, "“q”"},
		{"inner curly quotes become single", citation{Quote: "It was “a death blow” to them", Source: "S"}, "“It was ‘a death blow’ to them,” S"},
		{"inner straight quotes become single", citation{Quote: `It was "a death blow" to them`, Source: "S"}, "“It was ‘a death blow’ to them,” S"},
		{"quotes around the whole quote are dropped", citation{Quote: "“We will not close.”", Source: "S"}, "“We will not close,” S"},
		{"a question mark takes no comma", citation{Quote: "Who gave them permission?", Source: "S"}, "“Who gave them permission?” S"},
		{"blank parts are missing parts", citation{Speaker: "  ", Quote: " q ", Source: "\t"}, "“q”"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.c.String(); got != tt.want {
				t.Errorf("\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestCitation_styles cites statements as web pages read on a day, in each
// style the statement page offers. The wanted texts are written by hand
// from the APA (7th edition) and Chicago (17th edition) rules for web
// pages.
func TestCitation_styles(t *testing.T) {
	published := time.Date(2017, 11, 16, 0, 0, 0, 0, time.UTC)
	accessed := time.Date(2026, 12, 5, 14, 30, 0, 0, time.UTC)
	const url, permalink = "https://www.hrw.org/news/2017/11/16/cambodia", "https://advosearch.example/statements/cnrp"
	tests := []struct {
		name                string
		c                   citation
		plain, apa, chicago string
	}{
		{"every part",
			citation{Source: "Human Rights Watch", Title: "Cambodia: Supreme Court dissolves the opposition", Published: published, URL: url, Permalink: permalink, Accessed: accessed},
			"Human Rights Watch, “Cambodia: Supreme Court dissolves the opposition,” 16 November 2017, " + url + ", accessed 5 December 2026",
			"Human Rights Watch. (2017, November 16). Cambodia: Supreme Court dissolves the opposition. Retrieved December 5, 2026, from " + url,
			"Human Rights Watch. “Cambodia: Supreme Court dissolves the opposition.” November 16, 2017. Accessed December 5, 2026. " + url + "."},
		{"no date is n.d., no URL is the permalink",
			citation{Source: "Amnesty International", Title: "Open letter on freedom of association", Permalink: permalink, Accessed: accessed},
			"Amnesty International, “Open letter on freedom of association,” n.d., " + permalink + ", accessed 5 December 2026",
			"Amnesty International. (n.d.). Open letter on freedom of association. Retrieved December 5, 2026, from " + permalink,
			"Amnesty International. “Open letter on freedom of association.” n.d. Accessed December 5, 2026. " + permalink + "."},
		{"no source: the title leads",
			citation{Title: "Land activists jailed", Published: published, Permalink: permalink, Accessed: accessed},
			"“Land activists jailed,” 16 November 2017, " + permalink + ", accessed 5 December 2026",
			"Land activists jailed. (2017, November 16). Retrieved December 5, 2026, from " + permalink,
			"“Land activists jailed.” November 16, 2017. Accessed December 5, 2026. " + permalink + "."},
		{"no title",
			citation{Source: "LICADHO", Published: published, Permalink: permalink, Accessed: accessed},
			"LICADHO, 16 November 2017, " + permalink + ", accessed 5 December 2026",
			"LICADHO. (2017, November 16). [Untitled statement]. Retrieved December 5, 2026, from " + permalink,
			"LICADHO. [Untitled statement]. November 16, 2017. Accessed December 5, 2026. " + permalink + "."},
		{"a question closes the title, quotes inside become single, a period is not doubled",
			citation{Source: "Front Line Defenders Inc.", Title: `Who said "close"?`, Published: published, URL: url, Accessed: accessed},
			"Front Line Defenders Inc., “Who said ‘close’?” 16 November 2017, " + url + ", accessed 5 December 2026",
			`Front Line Defenders Inc. (2017, November 16). Who said "close"? Retrieved December 5, 2026, from ` + url,
			"Front Line Defenders Inc. “Who said ‘close’?” November 16, 2017. Accessed December 5, 2026. " + url + "."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, got := range []struct{ style, got, want string }{
				{"plain", tt.c.String(), tt.plain},
				{"APA", tt.c.APA(), tt.apa},
				{"Chicago", tt.c.Chicago(), tt.chicago},
			} {
				if got.got != got.want {
					t.Errorf("%s\n got %s\nwant %s", got.style, got.got, got.want)
				}
			}
		})
	}
}

// Every citation we give is made by the citer: the statement's own URL
// when a reader's browser can open it, else our permalink, and the day.
func TestCiter_statement(t *testing.T) {
	accessed := time.Date(2026, 12, 5, 9, 30, 0, 0, time.UTC)
	ct := citer{base: "https://advosearch.example", accessed: accessed}
	for _, tt := range []struct {
		name, id, url, want string
	}{
		{"a web address is cited", "a", "https://www.hrw.org/x", "https://www.hrw.org/x"},
		{"a file path is not", "b", "/srv/advosearch/land.pdf", "https://advosearch.example/statements/b"},
		{"nor a script address", "c", "javascript:alert(1)", "https://advosearch.example/statements/c"},
		{"nor an address without a host", "d", "http:///x", "https://advosearch.example/statements/d"},
		{"an ID is escaped in the permalink", "e f/g", "", "https://advosearch.example/statements/e%20f%2Fg"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := ct.statement(tt.id, "S", "T", time.Time{}, tt.url)
			if got := c.link(); got != tt.want {
				t.Errorf("link %q, want %q", got, tt.want)
			}
			if !c.Accessed.Equal(accessed) {
				t.Errorf("accessed %v, want %v", c.Accessed, accessed)
			}
		})
	}
}
