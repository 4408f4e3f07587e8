package entities

import "testing"

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
