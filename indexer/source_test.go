package indexer

import (
	"testing"

	"github.com/advosearch/advosearch/corpus"
	"github.com/advosearch/advosearch/entities"
)

func TestSource_Infer(t *testing.T) {
	r, err := entities.NewRecognizer(nil)
	if err != nil {
		t.Fatalf("NewRecognizer: %v", err)
	}
	tests := []struct {
		name      string
		text      string
		siteNames []string
		want      string
	}{
		{
			name: "the organization that speaks, not the one most mentioned",
			text: "CCHR was threatened. CCHR denies it. CCHR is independent. CCHR will appeal. Amnesty International is calling for restraint.",
			want: "Amnesty International",
		},
		{
			name: "acronym in parentheses between name and verb",
			text: "The Asian Forum for Human Rights and Development (FORUM-ASIA) strongly condemns the threat.",
			want: "FORUM-ASIA",
		},
		{
			name: "speaking more often wins",
			text: "ISHR joins the call. Human Rights Watch urges the Council to act. Human Rights Watch has called for a resolution.",
			want: "Human Rights Watch",
		},
		{
			name:      "site credit names the publisher outright",
			text:      "The NGO released a statement. CCHR firmly believes in its independence.",
			siteNames: []string{"Phnom Penh Post"},
			want:      "Phnom Penh Post",
		},
		{
			name: "mentions alone are no evidence",
			text: "Global Witness reported on the family's wealth. The report by Global Witness was cited.",
			want: "",
		},
		{
			name: "verb far from the name does not count",
			text: "Human Rights Watch, which has worked in the country for twenty years and more, and whose staff are many, urges nothing.",
			want: "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := inferSource(tt.text, tt.siteNames, r.Find(tt.text))
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSource_HostOf(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://www.amnesty.org/en/latest/", "amnesty.org"},
		{"http://ishr.ch/news", "ishr.ch"},
		{"not a url", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := hostOf(tt.in); got != tt.want {
			t.Errorf("hostOf(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestExtractor_Source_headerFields covers where a Markdown post names its
// publisher outside the text: a wire story's canonical link on a
// subdomain, an organization's acronym as the author, a copyright line at
// the foot; and what is no source: a person as the author, a newsroom
// credit.
func TestExtractor_Source_headerFields(t *testing.T) {
	e, err := NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	body := "Police detained six activists in the capital on Monday, their lawyers said.\n\nThe six were released on bail on Tuesday.\n"
	tests := []struct {
		name, text, want string
	}{
		{"a canonical link on a news agency's subdomain, as a list",
			"---\npost_title: Six activists detained\ncanonical_url:\n  - >\n    http://feeds.reuters.com/~r/reuters/topNews/~3/abc/story01.htm\n---\n" + body, "Reuters"},
		{"an acronym as the author", "---\ntitle: Six activists detained\nauthor: 'IRFS'\n---\n" + body, "IRFS"},
		{"an acronym as the author, spelled out in the text", "---\ntitle: Six activists detained\nauthor: 'NJA'\n---\nThe National Journalists Alliance (NJA) condemned the arrests.\n\n" + body, "National Journalists Alliance"},
		{"a person as the author", "---\ntitle: Six activists detained\nauthor: Ana Ruiz\n---\n" + body, ""},
		{"a newsroom credit as the author", "---\ntitle: Six activists detained\nauthor: REDACCION\n---\n" + body, ""},
		{"a copyright line under the byline", "---\ntitle: Six activists detained\n---\n" + body + "\npar La rédaction le samedi 14 septembre 2024\\\n© armenews.com 2024\n", "armenews.com"},
		{"an outlet after the writer's name in a byline", "---\ntitle: Six activists detained\nbyline: Doug Bernard, VOA press freedom editor\n---\n" + body, "Voice of America"},
		{"a byline with the writer alone", "---\ntitle: Six activists detained\nbyline: Doug Bernard\n---\n" + body, ""},
		{"a byline that the original link's host spells", "---\ntitle: Six activists detained\nbyline: Harbour Voices\noriginal-link: https://www.harbourvoices.com/a/4178.html\n---\n" + body, "Harbour Voices"},
		{"a byline that the host does not spell", "---\ntitle: Six activists detained\nbyline: Lena Brook\noriginal-link: https://www.harbourvoices.com/a/4178.html\n---\n" + body, "harbourvoices.com"},
		{"a copyright line with the year first", "---\ntitle: Six activists detained\n---\n" + body + "\n© 2023 Harbour Watch\n", "Harbour Watch"},
		{"a copyright line with a year alone", "---\ntitle: Six activists detained\n---\n" + body + "\nNews © 2026\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, _, err := e.Extract(corpus.Document{ID: "t", Name: "t.md", ContentType: corpus.TypeMD, Body: []byte(tt.text)})
			if err != nil {
				t.Fatal(err)
			}
			if st.Source != tt.want {
				t.Errorf("source %q, want %q", st.Source, tt.want)
			}
		})
	}
}
