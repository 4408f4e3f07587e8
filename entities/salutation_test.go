package entities

import "testing"

// The names are invented; each case is a letter's salutation.
func TestFind_salutations(t *testing.T) {
	r := taggerRecognizer(t)
	tests := []struct {
		name, text string
		want, not  []string // organizations
	}{
		{"a newspaper greeted", "Dear Harbour Worker,\n\nI hope you can print my letter.", []string{"Harbour Worker"}, nil},
		{"an institution greeted, a colon", "Dear Vale Rights Commission:\n\nWe write to you about the arrests.", []string{"Vale Rights Commission"}, nil},
		{"people greeted", "Dear Friends and Colleagues,\n\nThank you.", nil, []string{"Friends"}},
		{"sir or madam", "Dear Sir or Madam:\n\nPlease find attached.", nil, []string{"Sir"}},
		{"one given name", "Dear Maria,\n\nThank you for your letter.", nil, []string{"Maria"}},
		{"an office", "Dear Prime Minister,\n\nWe write to you.", nil, []string{"Prime Minister"}},
		{"inside a sentence", "He wrote Dear Harbour Worker, and stopped.", nil, []string{"Harbour Worker"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantNames(t, "organizations", r.Find(tt.text).Canonical(Org), tt.want, tt.not)
		})
	}
}
