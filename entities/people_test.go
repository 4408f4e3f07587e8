package entities

import (
	"slices"
	"testing"
)

// nameCase is one invented text and the names it must yield, and must
// not, by kind.
type nameCase struct {
	name, text        string
	people, notPeople []string
	places, notPlaces []string
}

// runNameCases reads each text with r and checks its people and places.
func runNameCases(t *testing.T, r *Recognizer, cases []nameCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			ns := r.Find(tt.text)
			wantNames(t, "people", ns.Canonical(Person), tt.people, tt.notPeople)
			wantNames(t, "places", ns.Canonical(Place), tt.places, tt.notPlaces)
		})
	}
}

// wantNames fails unless got holds every name of want and none of not.
func wantNames(t *testing.T, field string, got, want, not []string) {
	t.Helper()
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("%s %q: want %q", field, got, w)
		}
	}
	for _, n := range not {
		if slices.Contains(got, n) {
			t.Errorf("%s %q: do not want %q", field, got, n)
		}
	}
}

// rulesRecognizer reads with the gazetteer and the rules alone.
func rulesRecognizer(t *testing.T) *Recognizer {
	t.Helper()
	r, err := NewRecognizer(nil)
	if err != nil {
		t.Fatalf("NewRecognizer: %v", err)
	}
	return r
}

// taggerRecognizer reads with the shipped tagger too, as the indexer does.
func taggerRecognizer(t *testing.T) *Recognizer {
	t.Helper()
	m, err := LoadDefault()
	if err != nil {
		t.Fatalf("LoadDefault: %v", err)
	}
	r, err := NewRecognizer(m)
	if err != nil {
		t.Fatalf("NewRecognizer: %v", err)
	}
	return r
}

// TestRecognizer_Find_roles: the titles, ranks and roles of French,
// Spanish and Portuguese introduce a name as the English ones do, a
// surname an office introduces is the person when no full name holds it,
// bylines write names in capitals, and a capitalised run that stops at an
// organization's head word is the start of that name, not a person. Rules
// only; the sentences are invented.
func TestRecognizer_Find_roles(t *testing.T) {
	runNameCases(t, rulesRecognizer(t), []nameCase{
		{name: "Spanish governor", text: "Lo ratificó el gobernador Camilo Rivera en la reunión.", people: []string{"Camilo Rivera"}},
		{name: "Portuguese rank", text: "Após o escracho do Coronel Brilhante Ortiz, os jovens voltaram.", people: []string{"Brilhante Ortiz"}},
		{name: "abbreviated rank", text: "O grupo escrachou o Cel. Brilhante Ortiz em março.", people: []string{"Brilhante Ortiz"}},
		{name: "French minister", text: "Le ministre Gérard Malvaux a démissionné.", people: []string{"Gérard Malvaux"}},
		{name: "Spanish spokeswoman", text: "La vocera Emilia Pescador explicó la propuesta.", people: []string{"Emilia Pescador"}},
		{name: "commissioner", text: "It was confirmed by the Deputy Commissioner Masud Rahimi.", people: []string{"Masud Rahimi"}},
		{name: "a surname after an office", text: "The strike opposed the cuts proposed by President Pastrana.", people: []string{"Pastrana"}},
		{name: "a French surname after an office", text: "Les syndicats ont reçu une lettre du président Macron hier.", people: []string{"Macron"}},
		{name: "a surname after an office names the full name", text: "The candidate Andrés Pastrana won in 1998. The cuts were proposed by President Pastrana.", people: []string{"Andrés Pastrana"}, notPeople: []string{"Pastrana"}},
		{name: "a given name before a nickname", text: "Protesters loyal to former President Joseph \"Erap\" Estrada marched.", notPeople: []string{"Joseph"}},
		{name: "a second title word", text: "Bini es el Director Técnico del Centro de Autonomía Digital.", notPeople: []string{"Técnico"}},
		{name: "a role ends its sentence", text: "“It will decide wages,” said one union leader. Unions across Mexico pledged support.", notPeople: []string{"Unions"}},
		{name: "a byline in capitals after by", text: "Volkswagen workers strike for wage hike by TODD CHRETIEN | August 31, 2001 | Page 7", people: []string{"Todd Chretien"}},
		{name: "a translator in capitals", text: "His article was translated by SOPHIE HANDEL.", people: []string{"Sophie Handel"}},
		{name: "a writer in capitals before writes", text: "HASSAN BERBERI writes from France on the unrest.", people: []string{"Hassan Berberi"}},
		{name: "a publisher's slash", text: "La Jornada Zacatecas/ALMA ALEJANDRA TAPIAS\n\nDiputados de la Legislatura ignoraron la invitación.", people: []string{"Alma Alejandra Tapias"}},
		{name: "a particle in capitals", text: "El Diario del Valle/RAFAEL DE SANTOYO\n\nLos campesinos marcharon.", people: []string{"Rafael de Santoyo"}},
		{name: "a shouted headline after by", text: "Protests were broken up by RIOT POLICE FORCES IN THE CAPITAL", notPeople: []string{"Riot Police Forces"}},
		{name: "an organization in capitals after by", text: "The report was published by HUMAN RIGHTS WATCH on Monday.", notPeople: []string{"Human Rights Watch"}},
		{name: "an appositive after a role", text: "The President of the Council, Coly Sekou, said the vote would go ahead.", people: []string{"Coly Sekou"}},
		{name: "a list of organizations is no appositive", text: "Bidders include the equity firm Carlisle Group, Qatari Falcon Energy, and a billionaire.", notPeople: []string{"Qatari Falcon Energy"}},
		{name: "a given name the sentence gives a role", text: "Ses joues restent sèches. Rafiq est agriculteur à Rahala, un village du centre.", people: []string{"Rafiq"}},
		{name: "a Spanish given name and role", text: "Vive en el campo. Anita es campesina desde niña.", people: []string{"Anita"}},
		{name: "a pronoun is no name", text: "He was a member of the group for years.", notPeople: []string{"He"}},
		{name: "a thing is no person", text: "Water is a problem for every farmer here.", notPeople: []string{"Water"}},
		{name: "a French role introduces a name", text: "Nous avons rencontré l'agriculteur Rafiq Ben Salem dans son champ.", people: []string{"Rafiq Ben Salem"}},
		{name: "a particle that is also a number", text: "The activist Isabel Dos Santos was arrested.", people: []string{"Isabel Dos Santos"}},
		{name: "particles in a name", text: "The lawyer Ana Lucía de los Ángeles Ruiz read the statement.", people: []string{"Ana Lucía de los Ángeles Ruiz"}, notPeople: []string{"Ana Lucía"}},
		{name: "an Arabic article on the surname", text: "The activist Alaa Abdel el-Fattah was released.", people: []string{"Alaa Abdel el-Fattah"}},
		{name: "a particle before a place is none", text: "The lawyer Tomás Quiroga de Bolivia spoke.", people: []string{"Tomás Quiroga"}},
		{name: "an organization after said", text: "“Revoking these protections is a worrying development,” said Digital Rights Watch Chair Tim Holloway.", notPeople: []string{"Digital Rights"}},
	})
}

// A program or platform after "generated by" or "powered by" in a page's
// footer is no person; an author after "by" still is.
func TestFind_softwareAfterBy(t *testing.T) {
	runNameCases(t, rulesRecognizer(t), []nameCase{
		{name: "auto-generated by", text: "*Auto-generated by [Harbour News Tracker](https://example.org/x)*", notPeople: []string{"Harbour News Tracker"}},
		{name: "powered by", text: "Site powered by Quill Press Engine.", notPeople: []string{"Quill Press Engine"}},
		{name: "written by", text: "Reporting by Tomas Vidal Ortega.", people: []string{"Tomas Vidal Ortega"}},
	})
}

// A second title after an office is no part of the name it introduces.
func TestFind_titleAfterOffice(t *testing.T) {
	runNameCases(t, rulesRecognizer(t), []nameCase{
		{name: "Sir after an office", text: "Prime Minister Sir Tobias Wren had promised it.", people: []string{"Tobias Wren"}, notPeople: []string{"Sir Tobias Wren"}},
		{name: "Dr after an office", text: "President Dr Ana Lopes Vidal spoke first.", people: []string{"Ana Lopes Vidal"}, notPeople: []string{"Dr Ana Lopes Vidal"}},
	})
}

// TestRecognizer_Find_surnameForms: the ways news writes a person's name
// around the name itself: a government named by its head's surname ("the
// Valdor administration"), a given name in brackets after a title, a
// generational suffix, a title the tagger took in. Every name is invented.
func TestRecognizer_Find_surnameForms(t *testing.T) {
	runNameCases(t, taggerRecognizer(t), []nameCase{
		{name: "administration, alone", text: "The new Valdor administration's policies were cruel. Protesters want to rein in Valdor now.", people: []string{"Valdor"}, notPlaces: []string{"Valdor"}},
		{name: "administration, full name elsewhere", text: "Ferdinand Valdor ruled for years. Abuses grew under the Valdor administration.", people: []string{"Ferdinand Valdor"}, notPeople: []string{"Valdor"}},
		{name: "a country's administration", text: "The Kenya administration and the Kenyan presidency denied it.", notPeople: []string{"Kenya", "Kenyan"}},
		{name: "given name in brackets", text: "The deal supports President (Donald) Valdor’s efforts to cut revenues.", people: []string{"Donald Valdor"}},
		{name: "brackets with no title", text: "The report (Annex) Valdor lists them.", notPeople: []string{"Annex Valdor"}},
		{name: "suffix with a full stop", text: "The director, Undersecretary Jose Valdor Jr., promised action.", people: []string{"Jose Valdor Jr."}, notPeople: []string{"Undersecretary Jose Valdor Jr", "Jose Valdor"}},
		{name: "roman numeral suffix", text: "Police said Henry Valdor III was arrested on Monday.", people: []string{"Henry Valdor III"}},
	})
}

// TestRecognizer_Find_repeatedSurname: two name words are a person's full
// name where the text writes the second alone inside a sentence elsewhere,
// and not where the first opens the sentence, the pair is a count of a
// plural noun or a continent's adjective makes it. Every name is invented.
func TestRecognizer_Find_repeatedSurname(t *testing.T) {
	cases := []nameCase{
		{name: "full name, then surname", text: "The dictatorship of Ferdinand Valdorro ended in 1986. Senators who served under Valdorro are back.", people: []string{"Ferdinand Valdorro"}},
		{name: "possessive full name", text: "Critics say Jon Ashkarov's ministry ignored the law. Don't tell that to Ashkarov, he said.", people: []string{"Jon Ashkarov"}},
		{name: "a sentence's first word", text: "Although Valdez resigned, the protests went on. They blamed Valdez for it.", notPeople: []string{"Although Valdez"}},
		{name: "a counted plural and a continent", text: "On 10 July, 22 States, including 18 European States, wrote to the council.", notPeople: []string{"European States"}},
	}
	t.Run("rules", func(t *testing.T) { runNameCases(t, rulesRecognizer(t), cases) })
	t.Run("tagger", func(t *testing.T) { runNameCases(t, taggerRecognizer(t), cases) })
}

// TestRecognizer_Find_afterOfficePlace: the name after an office's place
// is the office holder's, as Spanish and French news write it with no
// comma; a place after "de" with no office before it puts no person after
// it. Rules only; the names are invented.
func TestRecognizer_Find_afterOfficePlace(t *testing.T) {
	runNameCases(t, rulesRecognizer(t), []nameCase{
		{name: "Spanish minister", text: "Asistió el ministro de Relaciones Exteriores de México Luis Valdegara.", people: []string{"Luis Valdegara"}, places: []string{"Mexico"}},
		{name: "French president", text: "Le président du Sénégal Amadou Ndiore a parlé.", people: []string{"Amadou Ndiore"}},
		{name: "no office before the place", text: "Los turistas de México Lindo Tours llegaron.", notPeople: []string{"Lindo Tours"}},
	})
}

// TestRecognizer_Find_sharedSurnames: a given name joined by "and" to a
// full name shares its surname; a place, an organization's word or a
// common word before "and" does not. With the tagger, which reads the
// full names; the names are invented.
func TestRecognizer_Find_sharedSurnames(t *testing.T) {
	runNameCases(t, taggerRecognizer(t), []nameCase{
		{name: "a couple", text: "The prosecutor targeted the human rights defenders Leyla and Arif Yunusov, who were jailed.", people: []string{"Leyla Yunusov", "Arif Yunusov"}},
		{name: "sisters after a comma", text: "She is survived by her son and two daughters, Sona and Maral Muradovna.", people: []string{"Sona Muradovna", "Maral Muradovna"}},
		{name: "a country is no given name", text: "Talks between Kenya and Arif Yunusov went on.", notPeople: []string{"Kenya Yunusov"}},
		{name: "a town after a locative is no given name", text: "Reporting by Sami Abadi in Dubai and Andrea Shalan in Washington.", notPeople: []string{"Dubai Shalan"}},
	})
}

// TestRecognizer_Find_oneWordNamesJoinFullNames: a surname a rule reads
// alone ("Valdorra was sentenced": a name before a copula and a role) is
// the full name the text gives it, the one named last before it where two
// share it, and stays alone where no full name holds it. With the tagger,
// which reads the full names; every name is invented.
func TestRecognizer_Find_oneWordNamesJoinFullNames(t *testing.T) {
	runNameCases(t, taggerRecognizer(t), []nameCase{
		{name: "one full name",
			text:      "Police arrested Dr. Marta Valdorra on Monday. According to her lawyer, Dr. Valdorra was arrested without a warrant.",
			people:    []string{"Marta Valdorra"},
			notPeople: []string{"Valdorra"}},
		{name: "two full names share it",
			text:      "The court heard Ana Kirsova and then her brother Ivo Kirsova. Kirsova was sentenced to ten years.",
			people:    []string{"Ana Kirsova", "Ivo Kirsova"},
			notPeople: []string{"Kirsova"}},
		{name: "no full name",
			text:   "The workers met in the square. Rafik est agriculteur à Rahal.",
			people: []string{"Rafik"}},
	})
}

// TestRecognizer_Find_sentenceWordNoGivenName: a sentence's first word
// that the text writes in small letters elsewhere is a common word of its
// language and opens no person's name, while a given name written small
// only inside an e-mail address still does. With the tagger; every name
// is invented.
func TestRecognizer_Find_sentenceWordNoGivenName(t *testing.T) {
	runNameCases(t, taggerRecognizer(t), []nameCase{
		{name: "a Dutch conjunction",
			text:      "President Valdera zei dat hij niet zou wijken, maar de protesten gingen door. Maar Valdera wilde van geen wijken weten.",
			people:    []string{"Valdera"},
			notPeople: []string{"Maar Valdera"}},
		{name: "a given name small in an address",
			text:   "The platform defends whistleblowers.\n\nContact:\n\n- Gabriel Bourdain, project lead: gabriel@example.org",
			people: []string{"Gabriel Bourdain"}},
	})
}

// TestEntityScan_writtenSmall: the words of e-mail and web addresses are
// not the text's words in small letters.
func TestEntityScan_writtenSmall(t *testing.T) {
	s := scanOf(t, "Write to gabriel@example.org or see www.example.org/maria for the report.")
	for _, tt := range []struct {
		word string
		want bool
	}{{"gabriel", false}, {"maria", false}, {"example", false}, {"report", true}, {"write", false}} {
		if got := s.writtenSmall(tt.word); got != tt.want {
			t.Errorf("writtenSmall(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}

// TestRecognizer_Find_namesExtendedLeft: a name word the tagger dropped
// before a name of two words or more is the name's first ("Jorge Celestino
// Ruiz Vázquez"), after a comma or a word in small letters; the end of an
// office, a capitalised run or a label before a name is not. With the
// tagger; every name is invented.
func TestRecognizer_Find_namesExtendedLeft(t *testing.T) {
	runNameCases(t, taggerRecognizer(t), []nameCase{
		{name: "four words after a small word",
			text:      "The authorities must ensure that Jorge Celestino Ruano Vázquez’s death does not become another statistic.",
			people:    []string{"Jorge Celestino Ruano Vázquez"},
			notPeople: []string{"Celestino Ruano Vázquez"}},
		{name: "four words in a list",
			text:      "Entre los periodistas asesinados están Guillermo Lunares Varela, Víctor Manuel Báez Chinchilla, Noel López Holguera y otros.",
			people:    []string{"Víctor Manuel Báez Chinchilla"},
			notPeople: []string{"Manuel Báez Chinchilla"}},
		{name: "an office's last word",
			text:      "The Secretary of State Colin Pewell said the talks would resume.",
			notPeople: []string{"State Colin Pewell"}},
		{name: "a label",
			text:      "Authors: Unicef Aleksey Filippenko, UN Photo",
			notPeople: []string{"Unicef Aleksey Filippenko"}},
	})
}

// TestRecognizer_Find_thingsNotPeople: a singular article before a
// capitalised pair ("la Casa Blanca") or a noun for a thing after it
// ("Tolishi Sedo newspaper") says it names a building, a body or a paper,
// while a person named beside them is still found. With the tagger; the
// names are invented.
func TestRecognizer_Find_thingsNotPeople(t *testing.T) {
	runNameCases(t, taggerRecognizer(t), []nameCase{
		{name: "a Spanish article",
			text:      "Mientras el huésped de la Casa Rosada lanza amenazas, el pueblo resiste.",
			notPeople: []string{"Casa Rosada"}},
		{name: "a French article",
			text:      "Selon le Palais Bourbon, la séance a duré trois heures, a dit Marie Lefranc.",
			people:    []string{"Marie Lefranc"},
			notPeople: []string{"Palais Bourbon"}},
		{name: "a newspaper after the name",
			text:      "Another journalist, Talishi Sado newspaper editor-in-chief Novruz Mammadli, died in prison.",
			people:    []string{"Novruz Mammadli"},
			notPeople: []string{"Talishi Sado"}},
	})
}

// TestIsTitleCaseLine: a headline is in title case though a quotation
// mark opens one of its words; a sentence is not.
func TestIsTitleCaseLine(t *testing.T) {
	for _, tt := range []struct {
		line string
		want bool
	}{
		{"Watchdog Condemns “Intimidation Campaign” Against Reporters Following Harsh Sentences", true},
		{"Watchdog Condemns 'Intimidation Campaign' Against Reporters After Harsh Rulings", true},
		{"Watchdog Condemns Intimidation Campaign Against Reporters Following Harsh Sentences", true},
		{"The watchdog condemned the “intimidation campaign” against reporters after harsh sentences", false},
	} {
		if got := isTitleCaseLine(tt.line); got != tt.want {
			t.Errorf("isTitleCaseLine(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

// TestRecognizer_Find_religiousTitles: a religious title before a name is
// no part of it, and a surname after it alone is the person's name as
// the text gives it. With the tagger; the names are invented.
func TestRecognizer_Find_religiousTitles(t *testing.T) {
	runNameCases(t, taggerRecognizer(t), []nameCase{
		{name: "a mufti named by one word",
			text:      "The seminary was run by a cleric, Mufti Darwaz, the principal. Police dropped the efforts to arrest the main perpetrator, Mufti Darwaz.",
			people:    []string{"Darwaz"},
			notPeople: []string{"Mufti Darwaz"}},
		{name: "a rabbi with a full name",
			text:      "The letter was signed by Rabbi Miriam Feldmann and two imams.",
			people:    []string{"Miriam Feldmann"},
			notPeople: []string{"Rabbi Miriam Feldmann"}},
	})
}

// TestRecognizer_Find_sentenceStartNames: a pair of name words opening a
// sentence is a person's full name where the text writes the second alone
// later, before a verb at a sentence's start too ("Mensah said"); a common
// opening word ("Although", "Following") or a word the text writes small
// opens none. Rules only, as the tagger may miss such names; every name is
// invented.
func TestRecognizer_Find_sentenceStartNames(t *testing.T) {
	runNameCases(t, rulesRecognizer(t), []nameCase{
		{name: "surname at the next sentence's start",
			text:   "Kwabena Mensoh walked to the court on Monday. Mensoh said he was innocent.",
			people: []string{"Kwabena Mensoh"}},
		{name: "surname inside a later sentence",
			text:   "Marisol Quintero, 34, was arrested at her home. Police accuse Quintero of theft.",
			people: []string{"Marisol Quintero"}},
		{name: "an adverb",
			text:      "Although Valdoz resigned, the protests went on. Valdoz said nothing.",
			notPeople: []string{"Although Valdoz"}},
		{name: "a participle",
			text:      "Following Gurbanav, several motions were presented. Gurbanav spoke for an hour.",
			notPeople: []string{"Following Gurbanav"}},
		{name: "a common word written small elsewhere",
			text:      "Harsh Sentences were handed down. The sentences were harsh, and Sentences fell on many.",
			notPeople: []string{"Harsh Sentences"}},
	})
}

// TestRecognizer_Find_middleNamesLeftOut: a given name and a surname are
// the full name with the middle names between them ("Jorge Ruales" after
// "Jorge Celestino Ruales"), where one full name has those ends; two full
// names with the same ends leave it alone. With the tagger; the names are
// invented.
func TestRecognizer_Find_middleNamesLeftOut(t *testing.T) {
	runNameCases(t, taggerRecognizer(t), []nameCase{
		{name: "one full name",
			text:      "The reporter Jorge Celestino Ruales was shot in Veracruz. Colleagues said Jorge Ruales had received threats.",
			people:    []string{"Jorge Celestino Ruales"},
			notPeople: []string{"Jorge Ruales"}},
	})
}

// TestSameEnds: a two-word name has a longer name's first and last words.
func TestSameEnds(t *testing.T) {
	for _, tt := range []struct {
		words, part []string
		want        bool
	}{
		{[]string{"Jorge", "Celestino", "Ruiz"}, []string{"Jorge", "Ruiz"}, true},
		{[]string{"Jorge", "Celestino", "Ruiz", "Vázquez"}, []string{"Jorge", "Ruiz"}, false},
		{[]string{"Jorge", "Ruiz"}, []string{"Jorge", "Ruiz"}, false},
		{[]string{"Ana", "María", "Ruiz"}, []string{"Ana", "María", "Ruiz"}, false},
	} {
		if got := sameEnds(tt.words, tt.part); got != tt.want {
			t.Errorf("sameEnds(%q, %q) = %v, want %v", tt.words, tt.part, got, tt.want)
		}
	}
}
