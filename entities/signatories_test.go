package entities

import "testing"

// TestRecognizer_Find_signatories reads the lists that end joint letters,
// with the gazetteer and the rules alone: invented groups no list holds
// are organizations because of the heading above them.
func TestRecognizer_Find_signatories(t *testing.T) {
	r := rulesRecognizer(t)
	for _, tt := range []struct {
		name      string
		text      string
		orgs      []string
		people    []string
		notOrgs   []string
		notPeople []string
	}{
		{
			name: "one group a line, under a Markdown heading",
			text: "We urge the authorities to release them.\n\n### Signatories\n\nAmnesty International\nKorvala Rights Collective\nTerra Libre\n\nMore on our website.",
			orgs: []string{"Amnesty International", "Korvala Rights Collective", "Terra Libre"},
		},
		{
			name: "acronyms, other names and countries",
			text: "Signed by:\n\n- Voces Abiertas (VOA)\n- Lumen - Red de Periodistas del Sur\n- Tessaly Watch, Kenya\n- Observatorio Quellen\n\nThe VOA will follow up.",
			orgs: []string{"Voces Abiertas", "Lumen", "Tessaly Watch", "Observatorio Quellen"},
		},
		{
			// A one-word short form that abbreviates the full name after
			// it: the full name is the canonical one, as the fullest form
			// the text uses.
			name:    "an abbreviation before the full name",
			text:    "Signed by:\n\n- Redpes - Red de Periodistas del Sur\n- Tessaly Watch\n- Observatorio Quellen\n",
			orgs:    []string{"Red de Periodistas del Sur", "Tessaly Watch", "Observatorio Quellen"},
			notOrgs: []string{"Redpes"},
		},
		{
			name:      "a capitalised phrase of the list is the group, not a person",
			text:      "Organizaciones firmantes\n\nDerechos Plenos\nMujeres Libres\n",
			orgs:      []string{"Derechos Plenos", "Mujeres Libres"},
			notPeople: []string{"Derechos Plenos", "Mujeres Libres"},
		},
		{
			name:   "individuals sign after the groups",
			text:   "Signataires :\n\nCollectif Aube\n\nIndividuals\n\nMarta Quiroga\nJonas Brevik\n",
			orgs:   []string{"Collectif Aube"},
			people: []string{"Marta Quiroga", "Jonas Brevik"},
		},
		{
			name:    "the list ends where prose starts again",
			text:    "The undersigned organisations\n\nKestrel Alliance\nThe letter was delivered on Monday, and nobody answered.\nBlue Heron\n",
			orgs:    []string{"Kestrel Alliance"},
			notOrgs: []string{"Blue Heron"},
		},
		{
			name:    "a word like the heading inside a sentence opens no list",
			text:    "Cambodia is a signatory to the Covenant.\nSouthern Lights\n",
			notOrgs: []string{"Southern Lights"},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ns := r.Find(tt.text)
			if tt.orgs != nil {
				checkEntities(t, "organizations", ns.Canonical(Org), tt.orgs, tt.notOrgs)
			} else {
				checkEntities(t, "organizations", ns.Canonical(Org), nil, tt.notOrgs)
			}
			checkEntities(t, "people", ns.Canonical(Person), tt.people, tt.notPeople)
		})
	}
}

// TestRecognizer_Find_demonymGovernments: "the Turkish government" is the
// Government of Turkey, for countries the gazetteer gives no government of
// their own, whichever English ending makes the adjective; "el Gobierno de
// México" is the Government of Mexico, and a region's government keeps its
// own name; "el gobierno venezolano", "le gouvernement malien" are the
// country's government too. The sentences are invented.
func TestRecognizer_Find_demonymGovernments(t *testing.T) {
	runOrgCases(t, rulesRecognizer(t), []orgCase{
		{"-ish", "The Turkish government banned the march.", []string{"Government of Turkey"}},
		{"-ian", "The Ecuadorian Government refused.", []string{"Government of Ecuador"}},
		{"-n, authorities", "Kenyan authorities detained him.", []string{"Government of Kenya"}},
		{"-ese", "the Taiwanese government asked for help", []string{"Government of Taiwan"}},
		{"-i", "The Israeli government said", []string{"Government of Israel"}},
		{"-o to -an", "Mexican authorities said", []string{"Government of Mexico"}},
		{"-istan", "He wrote articles critical of the Uzbek government.", []string{"Government of Uzbekistan"}},
		{"-hstan", "Kazakh authorities detained him.", []string{"Government of Kazakhstan"}},
		{"-zstan", "The Kyrgyz government denied it.", []string{"Government of Kyrgyzstan"}},
		{"Spanish", "El encuentro fue organizado por el Gobierno de México y la ONU.", []string{"Government of Mexico", "United Nations"}},
		{"Spanish, two words", "Lo anunció el Gobierno de Costa Rica ayer.", []string{"Government of Costa Rica"}},
		{"French", "Le Gouvernement du Mali a refusé.", []string{"Government of Mali"}},
		{"Portuguese", "O Governo do Brasil anunciou o plano.", []string{"Government of Brazil"}},
		{"not a country", "El Gobierno de Oaxaca anunció el plan.", []string{"Gobierno de Oaxaca"}},
		{"Spanish adjective, made", "Las protestas contra el gobierno colombiano crecieron.", []string{"Government of Colombia"}},
		{"Spanish adjective, listed", "Las protestas contra el gobierno venezolano crecieron.", []string{"Government of Venezuela"}},
		{"French adjective", "Le gouvernement malien a démenti.", []string{"Government of Mali"}},
		{"French adjective, -ais", "Le gouvernement libanais a démissionné.", []string{"Government of Lebanon"}},
		{"Portuguese adjective", "O governo angolano negou.", []string{"Government of Angola"}},
		{"no country", "El gobierno federal y el gobierno interino negaron.", nil},
	})
}

// TestRecognizer_Find_usDepartmentsRomance: the US departments whose names
// are the United States' own are read in Spanish, French and Portuguese.
// The sentences are invented.
func TestRecognizer_Find_usDepartmentsRomance(t *testing.T) {
	runOrgCases(t, rulesRecognizer(t), []orgCase{
		{"Spanish", "Lo confirmó el Departamento de Estado el lunes.", []string{"US Department of State"}},
		{"Spanish, homeland", "El Departamento de Seguridad Nacional deportó a 40 personas.", []string{"United States Department of Homeland Security"}},
		{"French", "Le Département d’État a réagi.", []string{"US Department of State"}},
		{"Portuguese", "O Departamento do Tesouro anunciou sanções.", []string{"United States Department of the Treasury"}},
	})
}
