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
		{"a connector inside the name", "The Sport for Vale coalition condemned the murder.", []string{"Sport for Vale"}, nil},
		{"a connector and small words", "The Friends for rights network met.", nil, []string{"Friends for rights", "Friends"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantNames(t, "organizations", r.Find(tt.text).Canonical(Org), tt.want, tt.not)
		})
	}
}

// TestFind_kindAppositives: an appositive that says what a name is makes it
// an organization, on either side of its comma; roles, possessives and
// places are no such appositive.
func TestFind_kindAppositives(t *testing.T) {
	r := rulesRecognizer(t)
	tests := []struct {
		name, text string
		want, not  []string
	}{
		{"name, then the noun", "Karim Saadi, le président du Solvar, le syndicat national des pêcheurs, a parlé.", []string{"Solvar"}, nil},
		{"English name, then the noun", "Workers at Kestrel, the company that runs the port, walked out.", []string{"Kestrel"}, nil},
		{"the noun phrase, then the name", "Les coupures de la société publique d’électricité, la Velec, se multiplient.", []string{"Velec"}, nil},
		{"a role after the noun", "We spoke to Ana Ruiz, the party leader, on Monday.", nil, []string{"Ana Ruiz"}},
		{"a possessive noun", "We spoke to Ana Ruiz, the group's founder, on Monday.", nil, []string{"Ana Ruiz"}},
		{"one word opening a sentence", "However, the group said it would appeal.", nil, []string{"However"}},
		{"a place after a locative", "Two were held in Vanuri, the group said.", nil, []string{"Vanuri"}},
		{"a role in the noun phrase", "the union of which the spokesman, the Kestrel, said", nil, []string{"Kestrel"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantNames(t, "organizations", r.Find(tt.text).Canonical(Org), tt.want, tt.not)
		})
	}
}
