package entities

import (
	"slices"
	"testing"
)

// TestRecognizer_Find_leadOrgs reads French, Spanish and Portuguese
// institutions whose names open with their head word and hold words in
// small letters: an institutional adjective, a common noun between two
// connectors, an elided "d’", a number.
func TestRecognizer_Find_leadOrgs(t *testing.T) {
	r, err := NewRecognizer(nil)
	if err != nil {
		t.Fatalf("NewRecognizer: %v", err)
	}
	for _, tt := range []struct {
		text string
		want string
	}{
		{"Une décision de la Cour suprême pourrait mener à sa libération.", "Cour suprême"},
		{"Le Conseil constitutionnel a rejeté le recours.", "Conseil constitutionnel"},
		{"La Fiscalía provincial de Tungurahua abrió una investigación.", "Fiscalía provincial de Tungurahua"},
		{"Les avocats se sont réunis devant la Cour de justice d’Annaba, jeudi.", "Cour de justice d’Annaba"},
		{"O projeto foi votado na Assembleia Legislativa do estado do Piauí ontem.", "Assembleia Legislativa do estado do Piauí"},
		{"Les étudiants de l’Université Rennes 2 ont voté la grève.", "Université Rennes 2"},
		{"la Gobernación del Cauca firmó el convenio", "Gobernación del Cauca"},
		// A ministry written in small letters before its capitalised
		// field, an elided article or a nationality between.
		{"Le ministère de la Justice a indiqué que tout était en ordre.", "ministère de la Justice"},
		{"Le ministère tunisien de l’Agriculture n’a pas répondu.", "ministère tunisien de l’Agriculture"},
		{"El ministerio del Interior negó los hechos.", "ministerio del Interior"},
		{"La Ligue des droits de l’Homme a saisi la justice.", "Ligue des droits de l’Homme"},
	} {
		t.Run(tt.want, func(t *testing.T) {
			got := r.Find(tt.text).Canonical(Org)
			if !slices.Contains(got, tt.want) {
				t.Errorf("%q: organizations %q, want %q among them", tt.text, got, tt.want)
			}
		})
	}
	// A common noun after a connector is no part of a name when no
	// capitalized word follows it, and an adjective alone makes no name
	// of a word that opens none.
	for _, text := range []string{
		"La Cour de cassation de la ville a statué.",
		"Il a parlé au Comité de soutien des familles.",
	} {
		for _, got := range r.Find(text).Canonical(Org) {
			if got == "Cour de cassation de la ville" || got == "Comité de soutien des familles" {
				t.Errorf("%q: read %q as an organization", text, got)
			}
		}
	}
}

// TestRecognizer_Find_kindNamed: a noun for a kind of organization puts
// that organization's name after it, even one word long, in English,
// French, Spanish and Portuguese; the noun in running text before a
// preposition or a person's title names nothing.
func TestRecognizer_Find_kindNamed(t *testing.T) {
	r, err := NewRecognizer(nil)
	if err != nil {
		t.Fatalf("NewRecognizer: %v", err)
	}
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"Workers at the Haitian company Veradon walked out.", []string{"Veradon"}},
		{"The news website Lanka Today reported the arrests.", []string{"Lanka Today"}},
		{"Le syndicat Tessera appelle à la grève.", []string{"Tessera"}},
		{"Según el diario Vientos del Sur, la policía llegó tarde.", []string{"Vientos del Sur"}},
		{"O jornal Folha Nova publicou a denúncia.", []string{"Folha Nova"}},
		{"the only opposition party in Cambodia was dissolved", nil},
		{"the party Chairman said", nil},
		{"a company on Monday", nil},
	} {
		t.Run(tt.text, func(t *testing.T) {
			got := r.Find(tt.text).Canonical(Org)
			if !slices.Equal(got, tt.want) {
				t.Errorf("organizations %q, want %q", got, tt.want)
			}
		})
	}
}

// TestRecognizer_Find_repeatedAcronyms: an acronym no list holds is an
// organization when the text writes it twice, unless it is shouted text,
// a generic acronym or a numeral.
func TestRecognizer_Find_repeatedAcronyms(t *testing.T) {
	r, err := NewRecognizer(nil)
	if err != nil {
		t.Fatalf("NewRecognizer: %v", err)
	}
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"O MSTR denunciou as ameaças. Militantes do MSTR ocuparam a fazenda.", []string{"MSTR"}},
		{"La CGTX appelle à la grève. Selon la CGTX, 40 % des agents sont en grève.", []string{"CGTX"}},
		{"The KRWU said once that it would march.", nil},
		{"Two NGO workers were held. The NGO said they were innocent.", nil},
		{"Pope Pius XII and Pius XII again.", nil},
		{"READ MORE about it. Then READ the report, read it again.", nil},
		{"BREAKING NEWS today. More BREAKING NEWS tonight.", nil},
	} {
		t.Run(tt.text, func(t *testing.T) {
			got := r.Find(tt.text).Canonical(Org)
			if !slices.Equal(got, tt.want) {
				t.Errorf("organizations %q, want %q", got, tt.want)
			}
		})
	}
}

// TestRecognizer_Find_taggedOrgRunsOn: an organization the tagger reads
// goes on over "de", "of" and the capitalized words after them, as the
// rules' organizations do, rather than leaving its country as a place.
func TestRecognizer_Find_taggedOrgRunsOn(t *testing.T) {
	m, err := LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	r, err := NewRecognizer(m)
	if err != nil {
		t.Fatal(err)
	}
	text := "Paramilitaries of the Autodefensas Unidas de Colombia killed three farmers."
	ns := r.Find(text)
	if got := ns.Canonical(Org); !slices.Equal(got, []string{"Autodefensas Unidas de Colombia"}) {
		t.Errorf("organizations %q, want the whole name", got)
	}
	if got := ns.Canonical(Place); len(got) != 0 {
		t.Errorf("places %q, want none: the country is part of the name", got)
	}
}

// TestRecognizer_Find_shortLines: no name runs from a short line onto the
// next (a contact block, a letterhead), while a name wrapped inside prose
// is one name.
func TestRecognizer_Find_shortLines(t *testing.T) {
	r, err := NewRecognizer(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"For more information contact:\nCentro Vasco\nPhone: 555 0100", []string{"Centro Vasco"}},
		{"The statement was drafted by lawyers working with the Asian Legal Resource\nCentre and other groups in the region.", []string{"Asian Legal Resource Centre"}},
	} {
		if got := r.Find(tt.text).Canonical(Org); !slices.Equal(got, tt.want) {
			t.Errorf("%q: organizations %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestRecognizer_Find_companyHeads: companies' names end in words like
// "Technologies" or "Partners", and some bodies' in "Confederation".
func TestRecognizer_Find_companyHeads(t *testing.T) {
	r, err := NewRecognizer(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ text, want string }{
		{"The group sued Verano Technologies on Monday.", "Verano Technologies"},
		{"Workers joined the strike called by the Korean Confederation of Trade Unions.", "Korean Confederation of Trade Unions"},
		{"The mine is owned by Northgate Holdings, the report said.", "Northgate Holdings"},
	} {
		if got := r.Find(tt.text).Canonical(Org); !slices.Equal(got, []string{tt.want}) {
			t.Errorf("%q: organizations %q, want [%q]", tt.text, got, tt.want)
		}
	}
}

// TestRecognizer_Find_honorificIsNoOrganization: a name the tagger reads
// as an organization is none when an honorific opens it.
func TestRecognizer_Find_honorificIsNoOrganization(t *testing.T) {
	m, err := LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	r, err := NewRecognizer(m)
	if err != nil {
		t.Fatal(err)
	}
	text := "The actions of whistleblowers like Mr Assange and the Wikileaks organisation continue to expose governments."
	if got := r.Find(text).Canonical(Org); !slices.Equal(got, []string{"Wikileaks"}) {
		t.Errorf("organizations %q, want only Wikileaks", got)
	}
}

// TestRecognizer_Find_orgsWithAndAndLists reads names that hold "and"
// before their head word or a list closed by "and" after a connector, and
// keeps two names joined by "and" apart.
func TestRecognizer_Find_orgsWithAndAndLists(t *testing.T) {
	r, err := NewRecognizer(nil)
	if err != nil {
		t.Fatalf("NewRecognizer: %v", err)
	}
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
