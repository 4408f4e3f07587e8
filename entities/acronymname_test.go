package entities

import "testing"

// The names are invented; each case is a way names are abbreviated.
func TestFind_spelledName(t *testing.T) {
	r := rulesRecognizer(t)
	tests := []struct {
		name, text string
		want       []string // organizations
		not        []string
	}{
		{"a place inside the name",
			"The National Guild of Reporters in the Islands (NGRI) condemned it. The NGRI added more.",
			[]string{"National Guild of Reporters in the Islands"}, []string{"National Guild of Reporters"}},
		{"an acronym with a small letter for a connector",
			"The Coastal Task Force on Fishing Rights (CTFoFR) has denounced it. CTFoFR staff left.",
			[]string{"Coastal Task Force on Fishing Rights"}, []string{"Fishing Rights"}},
		{"a unit's name read too long gives way to the name the acronym spells",
			"Mr Tan, Director of the Grants Division of the Office for Coastal Fisheries Affairs (OCFA), spoke. OCFA staff left.",
			[]string{"Office for Coastal Fisheries Affairs"}, []string{"Grants Division of the Office for Coastal Fisheries Affairs"}},
		{"words in small letters spell it too",
			"« Rien », a déclaré Ali Benz, vice-président de la Ligue oranaise de défense des droits des pêcheurs (LODDP). La LODDP a saisi la justice.",
			[]string{"Ligue oranaise de défense des droits des pêcheurs"}, nil},
		{"a name all in small letters after an article",
			"La déclaration du comité fédéral régional (CFR) a été adoptée. Le CFR appelle à la grève.",
			[]string{"comité fédéral régional"}, nil},
		{"a generic acronym spelled in small letters",
			"Le rapport de l’organisation non gouvernementale (ONG) est paru. L’ONG a signé.",
			nil, []string{"organisation non gouvernementale", "organisations non gouvernementales"}},
		{"small letters with no article before them",
			"Elle dirige comité fédéral régional (CFR) depuis mai.",
			nil, []string{"comité fédéral régional"}},
		{"a programme is no organization",
			"Workers in the Seasonal Farm Labour Program (SFLP) were underpaid.",
			nil, []string{"Seasonal Farm Labour Program"}},
		{"initials that spell no longer name",
			"Reporters in the Islands (ZQX) met.",
			nil, []string{"Reporters in the Islands"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantNames(t, "organizations", r.Find(tt.text).Canonical(Org), tt.want, tt.not)
		})
	}
}
