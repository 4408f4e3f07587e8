package entities

import "testing"

// TestRecognizer_Find_orgVariants: the forms a text gives one body are one
// organization (linkOrgVariants), and names that only look alike stay apart.
func TestRecognizer_Find_orgVariants(t *testing.T) {
	runOrgCases(t, rulesRecognizer(t), []orgCase{
		{"a person's possessive",
			"Critics say Jane Doe's Harbour Department ignored the ruling.",
			[]string{"Harbour Department"}},
		{"a party's possessive stays",
			"The Farmers' Party and the Women's League met. Many women joined.",
			[]string{"Farmers' Party", "Women's League"}},
		{"the bare name after the prefixed one",
			"A report by the U.S. Justice Department was released. The Justice Department declined to comment.",
			[]string{"United States Department of Justice"}},
		{"the bare name before the prefixed one",
			"The Fisheries Department said the ban holds. The Kenyan Fisheries Department issued it in May.",
			[]string{"Kenyan Fisheries Department"}},
		{"a bare name alone stays",
			"The Justice Department declined to comment.",
			[]string{"Justice Department"}},
		{"a country's adjective and its name",
			"The Ugandan Police Force arrested him. The Uganda Police Force later released him.",
			[]string{"Uganda Police Force"}},
		{"a place's adjective before Government",
			"The Victorian Government tabled the bill. The Farmers Union of Victoria opposed it.",
			[]string{"Government of Victoria", "Farmers Union of Victoria"}},
		{"an adjective whose place the text does not name",
			"The Victorian Government tabled the bill.",
			[]string{"Victorian Government"}},
		{"a translation in brackets",
			"Workers of the Sindicato Independiente de Pescadores (Independent Fishers Union) struck.",
			[]string{"Sindicato Independiente de Pescadores"}},
		{"a translation after a name that ends in another",
			"Workers of the Sindicato de Trabajadores de Toyota (Toyota Workers Union) struck.",
			[]string{"Sindicato de Trabajadores de Toyota"}},
		{"an affiliation in brackets is no translation",
			"Ana Ruiz (Harbour Fishers Union) spoke.",
			[]string{"Harbour Fishers Union"}},
		{"a shorter form after the full name",
			"The Farmers Union of Victoria met. Later the Farmers Union said it would strike.",
			[]string{"Farmers Union of Victoria"}},
		{"a shorter form two full names share",
			"The Farmers Union of Victoria and the Farmers Union of Tasmania met. The Farmers Union said it would strike.",
			[]string{"Farmers Union of Victoria", "Farmers Union of Tasmania", "Farmers Union"}},
		{"UN and United Nations",
			"The United Nations Committee on Water Rights met. The UN Committee on Water Rights and the U.N. Committee on Water Rights are one.",
			[]string{"United Nations Committee on Water Rights"}},
		{"U.N. is written UN",
			"The U.N. Committee on Water Rights met on Monday.",
			[]string{"UN Committee on Water Rights"}},
	})
}

// TestRecognizer_Find_orgVariants_conjunction: a longer name that runs on
// over "y" or "and" into another name is no fuller form of the shorter one.
func TestRecognizer_Find_orgVariants_conjunction(t *testing.T) {
	got := rulesRecognizer(t).Find("La Gobernación del Cauca y Fundación Surco firmaron. La Gobernación del Cauca pagó.").Canonical(Org)
	wantNames(t, "organizations", got, []string{"Gobernación del Cauca"}, nil)
}

// TestRecognizer_Find_orgLists: a list in which two items are known
// organizations makes its other capitalized items organizations; people,
// places and lists with one organization stay as they are.
func TestRecognizer_Find_orgLists(t *testing.T) {
	runOrgCases(t, rulesRecognizer(t), []orgCase{
		{"Portuguese list",
			"Participaram movimentos como a União Nacional dos Pescadores (UNP), a Federação dos Marisqueiros, Levante Costeiro da Juventude, Quilombo Vivo, Juventude do Mar, Marcha das Marisqueiras, grupos de cultura, entre outros.",
			[]string{"União Nacional dos Pescadores", "Federação dos Marisqueiros", "Levante Costeiro da Juventude", "Quilombo Vivo", "Juventude do Mar", "Marcha das Marisqueiras"}},
		{"English list closed by and",
			"The letter was signed by Amnesty International, Human Rights Watch, Harbour Fishers and Kestrel.",
			[]string{"Amnesty International", "Human Rights Watch", "Harbour Fishers", "Kestrel"}},
		{"an item that opens with a known name",
			"Signed by Amnesty International, Human Rights Watch, Instituto Nupef - Núcleo de Pesquisas, Harbour Fishers.",
			[]string{"Amnesty International", "Human Rights Watch", "Instituto Nupef", "Harbour Fishers"}},
		{"one organization in a list of places",
			"Amnesty International staff visited Cambodia, Laos, Vavuniya and Jaffna.",
			[]string{"Amnesty International"}},
		{"no list",
			"Amnesty International and Human Rights Watch met Harbour Fishers on Monday.",
			[]string{"Amnesty International", "Human Rights Watch"}},
	})
}
