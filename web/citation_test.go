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
