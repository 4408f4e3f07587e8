package entities

import "testing"

// The names in these sentences are invented; each case is a general
// pattern of reported speech, family ties or transliterated names.
func TestFind_quoteTagSubjects(t *testing.T) {
	runNameCases(t, rulesRecognizer(t), []nameCase{
		{name: "name said after the quotation",
			text: "“The water is gone,” Tavita Leota said.", people: []string{"Tavita Leota"}},
		{name: "name and appositive before said",
			text: "“We need protection, not speeches,” Tavita Leota, of the Harbour Workers Forum, said.", people: []string{"Tavita Leota"}},
		{name: "a long appositive with an organization's name",
			text: "“It was a gross overreaction,” Tavita Leota, policy director of the Harbour Coalition for Migrant and Refugee Workers Rights, told reporters.", people: []string{"Tavita Leota"}},
		{name: "role then name in commas",
			text: "“Nobody came,” one of the singers, Aroha, said.", people: []string{"Aroha"}},
		{name: "title then one name",
			text: "“The case collapsed,” Pastor Elend, of the eastern district, said.", people: []string{"Elend"}, notPeople: []string{"Pastor Elend"}},
		{name: "initials written apart",
			text: "“Fear spreads,” J. K. Obeng said.", people: []string{"J. K. Obeng"}},
		{name: "one bare word may be an organization",
			text: "“It works,” Harbourlink said.", notPeople: []string{"Harbourlink"}},
		{name: "no quotation before the name",
			text: "In the morning Tavita Leota said nothing.", notPeople: []string{"In the morning Tavita Leota"}},
		{name: "a sentence after the quotation, no tag",
			text: "“It works.” Harbour Road was closed, officials said.", notPeople: []string{"Harbour Road"}},
	})
}

func TestFind_surnameParticle(t *testing.T) {
	runNameCases(t, rulesRecognizer(t), []nameCase{
		{name: "capital particle after a given name",
			text: "“We stayed home,” Rosa D’Arcy said.", people: []string{"Rosa D’Arcy"}, notPeople: []string{"Rosa"}},
		{name: "surname after an honorific resolves",
			text: "“We stayed home,” Rosa D’Arcy said. “We prayed,” Ms D’Arcy said.", people: []string{"Rosa D’Arcy"}, notPeople: []string{"D’Arcy"}},
	})
}

func TestFind_articleSurnames(t *testing.T) {
	runNameCases(t, rulesRecognizer(t), []nameCase{
		{name: "article surname after a role",
			text: "Two activists, Tarek al-Mansouri and Hala el-Badry, were detained.", people: []string{"Tarek al-Mansouri", "Hala el-Badry"}},
		{name: "article surname after an office, then alone",
			text: "He was pardoned by President Omar Fathi al-Hadid. Later, Hadid left.", people: []string{"Omar Fathi al-Hadid"}, notPeople: []string{"Omar Fathi", "Hadid"}},
	})
}

func TestFind_relatives(t *testing.T) {
	runNameCases(t, rulesRecognizer(t), []nameCase{
		{name: "his sister NAME",
			text: "“This is real,” his sister Mira Osei said.", people: []string{"Mira Osei"}},
		{name: "a capital city opening a name after a relative",
			text: "“This is real,” his sister Sanaa Haddad said. She flew to Sanaa later.", people: []string{"Sanaa Haddad"}, places: []string{"Sanaa"}},
		{name: "a comma between the relative and the name",
			text: "She was arrested with her husband, Tomas Alvaro, in May.", people: []string{"Tomas Alvaro"}},
		{name: "French, after a comma",
			text: "La fortune d'Isadora Santos et de son mari, Sindo Dakolo, est en cause.", people: []string{"Sindo Dakolo"}, notPlaces: []string{"Sindo Dakolo"}},
		{name: "Spanish",
			text: "Lo denunció su esposa Ana Ruiz Vela ante la fiscalía.", people: []string{"Ana Ruiz Vela"}},
		{name: "Portuguese",
			text: "O corpo foi reconhecido por seu pai João Pereira Lima.", people: []string{"João Pereira Lima"}},
		{name: "a relative with no possessive introduces no one",
			text: "The sister Cities Forum met.", notPeople: []string{"Cities Forum"}},
	})
}

func TestFind_nicknamed(t *testing.T) {
	runNameCases(t, rulesRecognizer(t), []nameCase{
		{name: "curly quotes",
			text: "The murder of veteran journalist Tomas “Tommy” Alvaro in his hometown shocked the town.", people: []string{"Tomas “Tommy” Alvaro"}, notPeople: []string{"Tommy"}},
		{name: "straight quotes and a nickname of several words",
			text: `Broadcaster Renato "DJ Big Ray" Solis was shot on Monday.`, people: []string{`Renato "DJ Big Ray" Solis`}},
		{name: "a quoted name after an article is no nickname",
			text: "They launched the “Black Monday” Campaign in May.", notPeople: []string{"the “Black Monday” Campaign", "Black Monday"}},
		{name: "quoted words in small letters are no nickname",
			text: "Officials Marta “allegedly” Said nothing.", notPeople: []string{"Marta “allegedly” Said"}},
	})
}

func TestFind_broadcaster(t *testing.T) {
	runNameCases(t, rulesRecognizer(t), []nameCase{
		{name: "a broadcaster is a person",
			text: "The killing of Northern Coast broadcaster Teodoro Lim on Monday.", people: []string{"Teodoro Lim"}},
	})
}

func TestFind_cityIsNoPerson(t *testing.T) {
	runNameCases(t, rulesRecognizer(t), []nameCase{
		{name: "a title's word opening a city's name",
			text: "The activist was killed in June in General Tamar City, the police said.", notPeople: []string{"Tamar City", "Tamar"}},
	})
}
