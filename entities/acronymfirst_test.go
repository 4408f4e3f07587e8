package entities

import "testing"

// The names are invented; each case is an acronym written before the name
// it spells.
func TestFind_acronymsFirst(t *testing.T) {
	r := rulesRecognizer(t)
	tests := []struct {
		name, text string
		want, not  []string // organizations
	}{
		{"English, capitalised words",
			"CFA (Coastal Fishers Alliance) said on Monday. CFA members marched.",
			[]string{"Coastal Fishers Alliance"}, []string{"CFA"}},
		{"French, words in small letters",
			"La LODP (Ligue oranaise de défense des pêcheurs) a saisi la justice. La LODP appelle à la grève.",
			[]string{"Ligue oranaise de défense des pêcheurs"}, []string{"LODP"}},
		{"a law is no organization",
			"The DSLA (Digital Security Law Act) was used against them.",
			nil, []string{"Digital Security Law Act"}},
		{"no word an organization's name holds",
			"The MVP (Most Valuable Player) award went to her.",
			nil, []string{"Most Valuable Player"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantNames(t, "organizations", r.Find(tt.text).Canonical(Org), tt.want, tt.not)
		})
	}
}
