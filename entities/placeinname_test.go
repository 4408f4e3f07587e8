package entities

import "testing"

// TestFind_placesEndingNames: a place that ends a long name spelled out
// before its acronym is a word of the organization's name, and the acronym
// stands for the organization; a place whose initial opens the acronym
// names itself, and a place before an acronym it cannot spell lends it no
// name. Rules only; every body is invented.
func TestFind_placesEndingNames(t *testing.T) {
	for _, tt := range []struct {
		name, text   string
		orgs, places []string
		notPlaces    []string
	}{
		{name: "French, with elided articles",
			text:      "La Coalition de Défense des Journalistes d’Investigation en Afrique (CDJIA) a salué le verdict. La CDJIA demande plus.",
			orgs:      []string{"Coalition de Défense des Journalistes d’Investigation en Afrique"},
			notPlaces: []string{"Africa"}},
		{name: "English, a second form in small letters",
			text:      "The Network for Free Elections in Asia (NFEA) met. The Network for free elections in Asia (NFEA) is a coalition.",
			orgs:      []string{"Network for Free Elections in Asia"},
			notPlaces: []string{"Asia"}},
		{name: "the place spells the acronym",
			text:   "He met officials of the Democratic Republic of the Congo (DRC) in Kinshasa.",
			places: []string{"Democratic Republic of the Congo", "Kinshasa"}},
		{name: "words that do not spell the acronym",
			text:   "Many small farmers living in Uganda (KHRC) are poor.",
			places: []string{"Uganda"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ns := rulesRecognizer(t).Find(tt.text)
			wantNames(t, "organizations", ns.Canonical(Org), tt.orgs, nil)
			wantNames(t, "places", ns.Canonical(Place), tt.places, tt.notPlaces)
			// An acronym read as a place must be that place's own (DRC).
			for _, n := range ns {
				if n.Kind == Place && isAcronym(tt.text[n.Start:n.End]) && !sameInitial(n.Canonical, tt.text[n.Start:n.End]) {
					t.Errorf("acronym %q read as the place %q", tt.text[n.Start:n.End], n.Canonical)
				}
			}
		})
	}
}
