package entities

import "testing"

// Invented names, each before a noun for its kind.
func TestFind_namedBeforeKind(t *testing.T) {
	r := rulesRecognizer(t)
	tests := []struct {
		name, text string
		want, not  []string
	}{
		{"with a gloss in brackets", "According to a statement by the pro-democracy Tahrik (Forward) movement, two activists were held.", []string{"Tahrik"}, nil},
		{"at a sentence's start", "The Harbour Fishers network met on Monday.", []string{"Harbour Fishers"}, []string{"The Harbour Fishers"}},
		{"no name before the noun", "The new party was founded in May.", nil, []string{"The new"}},
		{"a place before the noun is no organization", "The Gaza group of schools was hit.", nil, []string{"Gaza"}},
		{"an adjective before the noun, the name after it", "The militant Islamic group Harakat threatened revenge.", []string{"Harakat"}, []string{"Islamic"}},
		{"an adjective of creed is no name", "The Kurdish party won seats.", nil, []string{"Kurdish"}},
		{"no article, no name", "Harbour Fishers network members met.", nil, []string{"Harbour Fishers"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantNames(t, "organizations", r.Find(tt.text).Canonical(Org), tt.want, tt.not)
		})
	}
}
