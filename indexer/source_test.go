package indexer

import (
	"testing"

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
