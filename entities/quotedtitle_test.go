package entities

import "testing"

// TestFind_placesInQuotedTitles: a place inside a quoted run of
// capitalised words (a programme, a leak, a campaign) is no place of the
// statement, while a place alone in quotation marks, or named outside
// them, is. Rules only; the titles are invented.
func TestFind_placesInQuotedTitles(t *testing.T) {
	runNameCases(t, rulesRecognizer(t), []nameCase{
		{name: "a programme", text: "His weekly programme “Straight Talk Kenya” was pulled off the air last week.",
			notPlaces: []string{"Kenya"}},
		{name: "French guillemets", text: "Les « Lagos Papers » ont été publiés mardi.",
			notPlaces: []string{"Lagos"}},
		{name: "a place alone in quotation marks", text: "Protesters chanted \"Gaza\" for an hour.",
			places: []string{"Gaza"}},
		{name: "outside the quotation", text: "The programme “Straight Talk Kenya” was recorded in Kenya.",
			places: []string{"Kenya"}},
	})
}
