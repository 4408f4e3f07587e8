package entities

import (
	"slices"
	"testing"
)

// orgCase is one invented text and the organizations it must yield,
// exactly and in order (nil: none).
type orgCase struct {
	name, text string
	want       []string
}

// runOrgCases reads each text with r and checks its organizations.
func runOrgCases(t *testing.T, r *Recognizer, cases []orgCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			if got := r.Find(tt.text).Canonical(Org); !slices.Equal(got, tt.want) {
				t.Errorf("%q: organizations %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestRecognizer_Find_organizationRules reads the organizations the rules
// find with no list's help, in English, French, Spanish and Portuguese.
func TestRecognizer_Find_organizationRules(t *testing.T) {
	runOrgCases(t, rulesRecognizer(t), []orgCase{
		// French, Spanish and Portuguese institutions whose names open
		// with their head word and hold words in small letters: an
		// institutional adjective, a common noun between two connectors,
		// an elided "d’", a number.
		{"institutional adjective", "Une décision de la Cour suprême pourrait mener à sa libération.", []string{"Cour suprême"}},
		{"adjective alone", "Le Conseil constitutionnel a rejeté le recours.", []string{"Conseil constitutionnel"}},
		{"adjective then a place", "La Fiscalía provincial de Tungurahua abrió una investigación.", []string{"Fiscalía provincial de Tungurahua"}},
		{"noun between connectors, elided d’", "Les avocats se sont réunis devant la Cour de justice d’Annaba, jeudi.", []string{"Cour de justice d’Annaba"}},
		{"noun between connectors", "O projeto foi votado na Assembleia Legislativa do estado do Piauí ontem.", []string{"Assembleia Legislativa do estado do Piauí"}},
		{"numbered body", "Les étudiants de l’Université Rennes 2 ont voté la grève.", []string{"Université Rennes 2"}},
		{"rede", "A Rede Bandeirantes transmitiu o debate.", []string{"Rede Bandeirantes"}},
		{"tribunal opening a name", "El Tribunal Supremo de Vallecas rechazó el recurso.", []string{"Tribunal Supremo de Vallecas"}},
		{"tribunal ending a name", "The Special Tribunal for Vallecas ruled.", []string{"Special Tribunal for Vallecas"}},
		{"tribunal after a Portuguese article", "O Tribunal Regional Eleitoral decidiu.", []string{"Tribunal Regional Eleitoral"}},
		{"gobernación", "la Gobernación del Cauca firmó el convenio", []string{"Gobernación del Cauca"}},
		// A ministry written in small letters before its capitalised
		// field, an elided article or a nationality between.
		{"ministry in small letters", "Le ministère de la Justice a indiqué que tout était en ordre.", []string{"ministère de la Justice"}},
		{"nationality between", "Le ministère tunisien de l’Agriculture n’a pas répondu.", []string{"ministère tunisien de l’Agriculture"}},
		{"Spanish ministry in small letters", "El ministerio del Interior negó los hechos.", []string{"ministerio del Interior"}},
		{"university in small letters, numbered", "Un étudiant de l’université Vallon 2 a été blessé.", []string{"université Vallon 2"}},
		{"university in small letters, connector", "Estudiantes de la universidad de Vallecas marcharon.", []string{"universidad de Vallecas"}},
		{"university in small letters, nothing after", "Les étudiants de l’université ont voté.", nil},
		{"elided article", "La Ligue des droits de l’Homme a saisi la justice.", []string{"Ligue des droits de l’Homme"}},
		{"common nouns after a connector", "La Cour de cassation de la ville a statué.", nil},
		{"common nouns after a connector, again", "Il a parlé au Comité de soutien des familles.", nil},

		// A noun for a kind of organization puts that organization's name
		// after it, even one word long; before a preposition or a title
		// it names nothing.
		{"company", "Workers at the Haitian company Veradon walked out.", []string{"Veradon"}},
		{"website", "The news website Lanka Today reported the arrests.", []string{"Lanka Today"}},
		{"syndicat", "Le syndicat Tessera appelle à la grève.", []string{"Tessera"}},
		{"diario", "Según el diario Vientos del Sur, la policía llegó tarde.", []string{"Vientos del Sur"}},
		{"jornal", "O jornal Folha Nova publicou a denúncia.", []string{"Folha Nova"}},
		{"party before a preposition", "the only opposition party in Cambodia was dissolved", nil},
		{"NGO in capitals", "The report of the NGO Tierra Viva was published.", []string{"Tierra Viva"}},
		{"ONG", "Selon l'ONG Vigie Sud, dix militants ont été arrêtés.", []string{"Vigie Sud"}},
		{"non-governmental before the name", "the non-governmental Farmers Coordinator of Vale (CFV) said", []string{"Farmers Coordinator of Vale"}},
		{"NGO workers name nobody", "Two NGO workers were held.", nil},
		{"party before a title", "the party Chairman said", nil},
		{"company before a weekday", "a company on Monday", nil},
		// Only a publication goes to press.
		{"went to press", "The strike was still on as Harbour Worker went to press.", []string{"Harbour Worker"}},
		{"went to press, with the", "As the Coastal Herald went to press, talks resumed.", []string{"Coastal Herald"}},
		{"one word", "Two were dead as Kestrel went to press.", []string{"Kestrel"}},
		{"As opening the sentence", "As Harbour Worker went to press, talks resumed.", []string{"Harbour Worker"}},
		{"no as before it", "The editor Harbour Worker went to press early.", nil},
		// A byline "Publisher/REPORTER" names the publication.
		{"publisher before a byline's slash", "La Gaceta del Valle/ALMA ALEJANDRA TAPIAS\n\nLos diputados ignoraron la invitación.", []string{"La Gaceta del Valle"}},
		{"a slash in prose", "The and/or clause, in Spanish Sí/NO, was dropped.", nil},
		// Campaigning groups named "<people> for <Cause>".
		{"people for a cause", "The two are Youth for Coastal Change activists.", []string{"Youth for Coastal Change"}},
		{"for a with an article", "She joined Students for a Free Harbour in 1990.", []string{"Students for a Free Harbour"}},
		{"a cause in small letters", "Lawyers for the defence asked for bail.", nil},
		{"a client already named", "Doctors for Amnesty International treated him.", []string{"Amnesty International"}},
		// The trade press's nouns for a company.
		{"giant", "Shares of the oil giant Varnoil fell on Monday.", []string{"Varnoil"}},
		{"carmaker", "Workers at the carmaker Ostrava Motor walked out.", []string{"Ostrava Motor"}},
		{"platform", "He posted the video on the social media platform Quill.", []string{"Quill"}},
		{"giant in small letters", "a giant wave hit the coast", nil},

		// An acronym no list holds is an organization when the text
		// writes it twice, unless it is shouted text, a generic acronym or
		// a numeral.
		{"acronym twice", "O MSTR denunciou as ameaças. Militantes do MSTR ocuparam a fazenda.", []string{"MSTR"}},
		{"acronym twice, French", "La CGTX appelle à la grève. Selon la CGTX, 40 % des agents sont en grève.", []string{"CGTX"}},
		// Once, an acronym is an organization only as the subject of a
		// statement (findActingAcronyms).
		{"acronym once", "The KRWU march was held once.", nil},
		{"generic acronym", "Two NGO workers were held. The NGO said they were innocent.", nil},
		{"numeral", "Pope Pius XII and Pius XII again.", nil},
		{"shouted word", "READ MORE about it. Then READ the report, read it again.", nil},
		{"shouted phrase", "BREAKING NEWS today. More BREAKING NEWS tonight.", nil},

		// No name runs from a short line onto the next (a contact block),
		// while a name wrapped inside prose is one name.
		{"contact block", "For more information contact:\nCentro Vasco\nPhone: 555 0100", []string{"Centro Vasco"}},
		{"wrapped prose", "The statement was drafted by lawyers working with the Asian Legal Resource\nCentre and other groups in the region.", []string{"Asian Legal Resource Centre"}},

		// Companies' names end in words like "Technologies", some bodies'
		// in "Confederation".
		{"technologies", "The group sued Verano Technologies on Monday.", []string{"Verano Technologies"}},
		{"confederation", "Workers joined the strike called by the Korean Confederation of Trade Unions.", []string{"Korean Confederation of Trade Unions"}},
		{"newspaper", "The Harbour Daily Inquirer ran the story, as did the Coastal Courier.", []string{"Harbour Daily Inquirer", "Coastal Courier"}},
		{"congress", "Delegates of the Kestrel National Congress walked out.", []string{"Kestrel National Congress"}},
		{"greens and brotherhood", "The Tasmanian Greens and the Coastal Brotherhood objected.", []string{"Tasmanian Greens", "Coastal Brotherhood"}},
		{"corporate suffix", "Shares of Hafen GmbH fell.", []string{"Hafen GmbH"}},
		{"of and a place inside the name", "Observers of the East and Horn of Africa Election Monitors Network arrived.", []string{"East and Horn of Africa Election Monitors Network"}},
		{"holdings", "The mine is owned by Northgate Holdings, the report said.", []string{"Northgate Holdings"}},
	})
}

// TestRecognizer_Find_taggedOrganizations: what the rules add to the
// tagger's organizations. One it reads goes on over "de", "of" and the
// capitalized words after them, rather than leaving its country a place;
// one that an honorific opens is none.
func TestRecognizer_Find_taggedOrganizations(t *testing.T) {
	r := taggerRecognizer(t)
	runOrgCases(t, r, []orgCase{
		{"runs on over de", "Paramilitaries of the Autodefensas Unidas de Colombia killed three farmers.", []string{"Autodefensas Unidas de Colombia"}},
		{"honorific", "The actions of whistleblowers like Mr Assange and the Wikileaks organisation continue to expose governments.", []string{"Wikileaks"}},
	})
	if got := r.Find("Paramilitaries of the Autodefensas Unidas de Colombia killed three farmers.").Canonical(Place); len(got) != 0 {
		t.Errorf("places %q, want none: the country is part of the name", got)
	}
}

// TestRecognizer_Find_orgsWithAndAndLists reads names that hold "and"
// before their head word or a list closed by "and" after a connector, and
// keeps two names joined by "and" apart.
func TestRecognizer_Find_orgsWithAndAndLists(t *testing.T) {
	r := rulesRecognizer(t)
	for _, tt := range []struct {
		name, text string
		want, not  []string
	}{
		{"and before the head", "It was presented by the Peace and Reconciliation Commission on Monday.",
			[]string{"Peace and Reconciliation Commission"}, []string{"Reconciliation Commission"}},
		{"a list after a connector", "It cites the Council on Maritime, Labour and Fisheries Rights in its report.",
			[]string{"Council on Maritime, Labour and Fisheries Rights"}, []string{"Council on Maritime"}},
		{"two names joined by and", "Amnesty International and Harbour Justice Commission staff met.",
			[]string{"Amnesty International", "Harbour Justice Commission"}, []string{"Amnesty International and Harbour Justice Commission"}},
		{"a comma before no list ends the name", "The Council on Maritime Rights, Labour unions and others met.",
			[]string{"Council on Maritime Rights"}, []string{"Council on Maritime Rights, Labour"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			wantNames(t, "organizations", r.Find(tt.text).Canonical(Org), tt.want, tt.not)
		})
	}
}

// TestRecognizer_Find_linkBars: a line that only lists platforms between
// separators is a share or follow bar (chrome), while a platform named in a
// sentence is an organization.
func TestRecognizer_Find_linkBars(t *testing.T) {
	runOrgCases(t, rulesRecognizer(t), []orgCase{
		{"share bar", "The court ruled on Monday.\nShare this: Twitter · Facebook · LinkedIn\n", nil},
		{"follow bar", "Follow us\nYouTube | Instagram | TikTok", nil},
		{"in a sentence", "Facebook removed the video and TikTok banned the account.", []string{"Facebook", "TikTok"}},
		{"one name after a label", "Source: Reuters", []string{"Reuters"}},
		{"a list in prose", "Facebook, Google and Microsoft said they would comply.", []string{"Facebook", "Google", "Microsoft"}},
	})
}

// TestRecognizer_Find_writtenHeads reads the names that end in a word
// matched as written (a broadcaster's "TV", a company's legal form) and
// the names an office written after them ends; all names are invented.
func TestRecognizer_Find_writtenHeads(t *testing.T) {
	runOrgCases(t, rulesRecognizer(t), []orgCase{
		{"broadcaster", "Kestrel TV reported the arrests on Monday.", []string{"Kestrel TV"}},
		{"radio station", "Journalists of Capital Vale FM were detained.", []string{"Capital Vale FM"}},
		{"media outlet", "Harbour Media had gained prominence for its reporting.", []string{"Harbour Media"}},
		{"a number opens no name", "Four Kestrel TV employees were stopped at the border.", []string{"Kestrel TV"}},
		{"a phrase the text writes in small letters", "He blamed Social Media for it, as social media spread rumours.", nil},
		{"company, German form", "Velmora AG said it would appeal.", []string{"Velmora AG"}},
		{"company, Spanish form", "La empresa minera Talvera S.A. negó los hechos.", []string{"Talvera S.A."}},
		{"company, Italian form", "Orsa SpA denied the report.", []string{"Orsa SpA"}},
		{"no name before the form", "The SE corner of the square was closed.", nil},
		{"a street's quarter", "Send letters to 1200 Kestrel Ave SE by Monday.", nil},
		{"an attorney general", "Vale AG Ana Ruiz sued the firm.", nil},
		{"a state after a town", "The office is in Reno NV now.", nil},
		{"office then holder", "In a statement, Harbour Journalists Union President Ana Ruiz said so.", []string{"Harbour Journalists Union"}},
		{"office after a broadcaster", "Berlin-based Kestrel TV Director Emin Sal reported threats.", []string{"Kestrel TV"}},
		{"office after a watchdog", "said Open Rights Watch Chair Tim Noor on Monday.", []string{"Open Rights Watch"}},
		{"an organization's word after a title goes on with the name", "The Harbour Union General Council met.", []string{"Harbour Union General Council"}},
	})
}

// TestRecognizer_Find_runBoundaries: an unknown acronym or a Roman
// numeral opens the name it stands before, and "and" after "of <Place>"
// starts a second name. The sentences are invented.
func TestRecognizer_Find_runBoundaries(t *testing.T) {
	runOrgCases(t, rulesRecognizer(t), []orgCase{
		{"acronym before a name", "The report by KEN Writers Center was published.", []string{"KEN Writers Center"}},
		{"Roman numeral before a name", "Members of the IV Republic Platform were detained.", []string{"IV Republic Platform"}},
		{"and after a place", "members of the Islamic Movement of Uzbekistan and Hizb ut-Tahrir", []string{"Islamic Movement of Uzbekistan"}},
		{"and inside a name", "the Committee on Justice and Human Rights met", []string{"Committee on Justice and Human Rights"}},
	})
}

// TestRecognizer_Find_taggedOffices: a name the tagger reads as an
// organization that opens with an office and "of" is the post, not a
// body; a body's name with "of" stays. The sentences are invented.
func TestRecognizer_Find_taggedOffices(t *testing.T) {
	r := taggerRecognizer(t)
	for _, c := range []struct {
		text string
		not  string
	}{
		{"Three senators have taken the Inspector-General of Police, Ana Ruiz, to court.", "Inspector-General of Police"},
		{"The Commissioner of Police said nothing about the arrests on Monday.", "Commissioner of Police"},
	} {
		for _, got := range r.Find(c.text).Canonical(Org) {
			if got == c.not {
				t.Errorf("Find(%q): the office %q read as an organization", c.text, got)
			}
		}
	}
}
