package entities

import "testing"

// TestRecognizer_Find_listedCompanies: the platforms and companies the
// gazetteer lists are read by their names as written, and the common words,
// given names and places that some of them are also called are not.
func TestRecognizer_Find_listedCompanies(t *testing.T) {
	runOrgCases(t, rulesRecognizer(t), []orgCase{
		{"platforms that act", "WhatsApp said it would appeal after Facebook removed the clip.", []string{"WhatsApp", "Facebook"}},
		// A platform something is posted on is the medium, as the gold
		// set's seeds label it, in four languages; one that acts, or whose
		// review or order it is, is a company.
		{"posted on a platform", "A video leaked on Facebook showed him.", nil},
		{"French medium", "« Nous appelons au calme », a indiqué sur Twitter le président.", nil},
		{"Spanish medium", "El video se publicó en TikTok el lunes.", nil},
		{"a video's credit", "Ana Ruiz — Screengrab from Facebook Live video of the rally", nil},
		{"a platform's review", "He was arrested over a YouTube review.", []string{"YouTube"}},
		{"a platform's possessive", "He was banned on Facebook's orders.", []string{"Facebook"}},
		{"companies", "Gazprom and Lukoil sold gas to Toyota.", []string{"Gazprom", "Lukoil", "Toyota"}},
		{"longer name to the short one", "Volkswagen Group said Volkswagen would appeal.", []string{"Volkswagen"}},
		{"a word in small letters", "He drew a chevron and picked a google of options.", nil},
		{"a common word that names a company", "Shell fragments and total losses; an Apple a day; the Amazon basin.", nil},
		{"US departments with their nation", "The U.S. Treasury Department and the US Department of Homeland Security replied.",
			[]string{"United States Department of the Treasury", "United States Department of Homeland Security"}},
		{"a government by its country's abbreviation", "The U.S. government and UK authorities declined to comment.",
			[]string{"United States Government", "Government of the United Kingdom"}},
		{"a bare department of justice is no state's in particular", "The Department of Justice offered immunity.", []string{"Department of Justice"}},
	})
}

// TestRecognizer_Find_countriesInOtherLanguages: a country is read by its
// names in the languages the index stems (go run
// ./entities/internal/countrynames) and as French writers type an accented
// capital, and not by the names the generator leaves out because they are
// common words, nationalities or given names.
func TestRecognizer_Find_countriesInOtherLanguages(t *testing.T) {
	runNameCases(t, rulesRecognizer(t), []nameCase{
		{name: "Dutch", text: "De regering van Zuid-Soedan vroeg Duitsland en de Verenigde Staten om hulp.",
			places: []string{"South Sudan", "Germany", "United States"}},
		{name: "German", text: "Die Delegation reiste aus Österreich nach Weißrussland und Kasachstan.",
			places: []string{"Austria", "Kazakhstan"}},
		{name: "Italian", text: "Il governo del Regno Unito ha scritto all'Egitto e alla Turchia.",
			places: []string{"United Kingdom", "Turkey"}},
		{name: "French without the accent on a capital", text: "Les Etats-Unis et l'Egypte ont signé l'accord avec l'Ethiopie.",
			places: []string{"United States", "Egypt", "Ethiopia"}},
		{name: "German umlaut typed as e", text: "Die Botschaft in Oesterreich schwieg.", places: []string{"Austria"}},
		{name: "a common English word", text: "Island nations such as Fiji raised the issue.",
			places: []string{"Fiji"}, notPlaces: []string{"Iceland"}},
		{name: "a French noun of nationality", text: "Un Syrien et un Italien ont été arrêtés à Lyon.",
			notPlaces: []string{"Syria", "Italy"}},
		{name: "equator", text: "Equateur et tropiques : le climat change.", notPlaces: []string{"Ecuador"}},
		{name: "a surname", text: "The Rosa Luxemburg Foundation funded the study.", notPlaces: []string{"Luxembourg"}},
	})
}

// BenchmarkNewRecognizer measures what parsing the gazetteer costs once,
// at start-up: its aliases grow with each language the countries are
// named in.
func BenchmarkNewRecognizer(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewRecognizer(nil); err != nil {
			b.Fatal(err)
		}
	}
}
