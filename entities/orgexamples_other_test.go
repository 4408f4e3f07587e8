package entities

import "testing"

// TestRecognizer_Find_otherExamples reads the names listed before "and
// other <kind>" as organizations, and no list of people or places. The
// sentences are invented.
func TestRecognizer_Find_otherExamples(t *testing.T) {
	runOrgCases(t, rulesRecognizer(t), []orgCase{
		{"media", "Her work appeared in the Harbour Ledger, Kestrel Online, Vale Beacon and other media.", []string{"Harbour Ledger", "Kestrel Online", "Vale Beacon"}},
		{"one item", "He wrote for Tarlan Weekly and other independent outlets.", []string{"Tarlan Weekly"}},
		{"French", "Selon le Vale Journal, Kestrel Online et autres médias, rien.", []string{"Vale Journal", "Kestrel Online"}},
		{"a generic acronym", "the work of NGOs and other associations", nil},
		{"people", "Ana Ruiz, Tom Vale and other activists spoke.", nil},
		{"no kind noun", "Kestrel Online, Vale Beacon and other things happened.", nil},
	})
}

// TestRecognizer_Find_examplesPastSmallItem: one item in small letters in a
// list of examples is passed over, and the items after it are read. The
// sentence is invented.
func TestRecognizer_Find_examplesPastSmallItem(t *testing.T) {
	runOrgCases(t, rulesRecognizer(t), []orgCase{
		{"small item", "movimentos sociais como a Via Nova, Quilombo Sul, avante, Marcha Livre de Mulheres, grupos de cultura, entre outros",
			[]string{"Via Nova", "Quilombo Sul", "Marcha Livre de Mulheres"}},
		{"two small items end it", "organizations such as Kestrel Aid, avante, adelante, Vale Rights.", []string{"Kestrel Aid"}},
	})
}
