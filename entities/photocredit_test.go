package entities

import (
	"slices"
	"testing"
)

// Invented captions, each opened by an "Agency/Photographer" credit.
func TestFind_photoCredits(t *testing.T) {
	runNameCases(t, rulesRecognizer(t), []nameCase{
		{name: "the photographer's name runs into the caption's",
			text:   "Mara Selby spoke first.\nUN Photo/Jon Arvid Mara Selby, Director of the Division, briefs the Council.",
			people: []string{"Mara Selby"}, notPeople: []string{"Jon Arvid", "Jon Arvid Mara Selby"}},
		{name: "a news agency's credit",
			text:      "Harbour News/Ana Petrova Chief Tomas Berg talking to the media.",
			notPeople: []string{"Ana Petrova", "Ana Petrova Chief Tomas Berg"}},
		{name: "a slash inside a sentence is no credit",
			text:   "The report said the Tenants Union/Renters Alliance coalition met the lawyer Ana Petrova on Monday.",
			people: []string{"Ana Petrova"}},
	})
}

// TestFind_headerFields: the names in a scraped page's "Publisher:" field
// are metadata, while the same names in the text are found, and so are the
// reporters of an "Authors:" field.
func TestFind_headerFields(t *testing.T) {
	r := taggerRecognizer(t)
	for _, tt := range []struct {
		name, text   string
		orgs, people []string
	}{
		{"fields on lines of their own",
			"**Publisher:** UN News via Global Issues\n**Authors:** Peter Richards\n**Published:** 2026-01-10\n\nThe court ruled.",
			nil, []string{"Peter Richards"}},
		{"fields run together",
			"Category: World Source: https://example.org/x Publisher: Reuters Scraped (UTC): 2026\n\nThe court ruled.",
			nil, nil},
		{"the same name in the text",
			"Publisher: Amnesty International\n\nAmnesty International said the trial was unfair.",
			[]string{"Amnesty International"}, nil},
		{"a sentence about an author",
			"The author of the report, Dr Ana Ruiz, said it was unfair.",
			nil, []string{"Ana Ruiz"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ns := r.Find(tt.text)
			if got := ns.Canonical(Org); !slices.Equal(got, tt.orgs) {
				t.Errorf("organizations %q, want %q", got, tt.orgs)
			}
			if got := ns.Canonical(Person); !slices.Equal(got, tt.people) {
				t.Errorf("people %q, want %q", got, tt.people)
			}
		})
	}
}
