package entities

import "testing"

// TestRecognizer_Find_locatives: a place no list knows is read from the
// preposition or the noun for a town before it, in English, French,
// Spanish and Portuguese, and what such a word puts after it that is no
// place (a language, a month, an article of a law, the inside of an
// organization's name) is left alone. Rules only: the sentences are
// invented, the towns' names too.
func TestRecognizer_Find_locatives(t *testing.T) {
	runNameCases(t, rulesRecognizer(t), []nameCase{
		{name: "in", text: "Police fired on protesters in Valdoria on Friday.", places: []string{"Valdoria"}},
		{name: "French à, two words", text: "Les mutins ont défilé à Santa Olvera (est) vendredi.", places: []string{"Santa Olvera"}},
		{name: "Spanish en, with a region", text: "Vive en Tamora, Arauquilla, desde hace años.", places: []string{"Tamora"}},
		{name: "Portuguese em", text: "A marcha terminou em Fortelina na sexta-feira.", places: []string{"Fortelina"}},
		{name: "a particle inside the name", text: "O ato terminou em São Bernardino do Campo na sexta-feira.", places: []string{"São Bernardino do Campo"}},
		{name: "an abbreviation's full stop", text: "The family moved to St. Lorin in 1990.", places: []string{"St. Lorin"}, notPlaces: []string{"St"}},
		{name: "a saint's name after de", text: "Una caravana partió de San Pedro Sulana el sábado.", places: []string{"San Pedro Sulana"}, notPeople: []string{"Pedro Sulana"}},
		{name: "a person named after a saint", text: "The activist San Cheyo was released.", notPlaces: []string{"San Cheyo"}},
		{name: "article opens the name", text: "Los manifestantes marcharon en La Pazuela el lunes.", places: []string{"La Pazuela"}},
		{name: "city of", text: "Tanks entered the city of Hebrona in July.", places: []string{"Hebrona"}},
		{name: "ville de", text: "Un étudiant de la ville de Lyonnet a été blessé.", places: []string{"Lyonnet"}},
		{name: "gouvernorat de", text: "Les paysans du gouvernorat de Sidi Bouzar manquent d'eau.", places: []string{"Sidi Bouzar"}},
		{name: "list after a place", text: "Eles marcharam do município de Camaral à Salvadora.", places: []string{"Salvadora"}},
		{name: "a list a locative opens", text: "Talks were held in Geneva, Valdor Bay and Miramonte last week.", places: []string{"Valdor Bay", "Miramonte"}},
		{name: "a clause's subject after a place", text: "Based in the capital city of Ashkara, Ogulsa Muradin reported on human rights.", places: []string{"Ashkara"}, notPlaces: []string{"Ogulsa Muradin"}},
		{name: "a list's items go on", text: "Talks were held in Geneva, Valdor Bay, and Miramonte.", places: []string{"Valdor Bay", "Miramonte"}},
		{name: "a list of people each with a place", text: "It named the cases of Amir Talebi in Egypt, Fikret Olcay in Turkey and others.", places: []string{"Egypt", "Turkey"}, notPlaces: []string{"Fikret Olcay"}},
		{name: "dateline", text: "Unrest spreads\n\nLa Pazuela - Le président a dénoncé vendredi un coup d'Etat en cours dans le pays.", places: []string{"La Pazuela"}},
		{name: "dateline with an agency", text: "Tiarona (AFP) – Des milliers de manifestants ont marché vendredi dans les rues de la ville.", places: []string{"Tiarona"}},
		{name: "a headline is no dateline", text: "Kem Valdor - the end of an era\n\nThe story begins.", notPlaces: []string{"Kem Valdor"}},
		{name: "a person's caption is no dateline", text: "The activist Ola Binar was held.\n\nOla Binar - The programmer was detained at the airport on Thursday.", notPlaces: []string{"Ola Binar"}},
		{name: "a country after a comma", text: "Fue detenido en el aeropuerto de Quitora, Ecuador a las 15h20.", places: []string{"Quitora"}},
		{name: "a sentence's first word before a country", text: "“Usually, Israel is used to very short wars,” he said.", notPlaces: []string{"Usually"}},
		{name: "based", text: "A Texanna-based fund bought the assets.", places: []string{"Texanna"}},
		{name: "the office of a town", text: "El Gobernador de Narilla ratificó su apoyo a la iniciativa.", places: []string{"Narilla"}},
		{name: "the office of a state", text: "The Governor of Ohara vetoed the bill on Monday.", places: []string{"Ohara"}},
		{name: "where someone comes from", text: "L'étudiant, originaire de Saint-Etiennet, a été blessé.", places: []string{"Saint-Etiennet"}},
		{name: "a known place and City", text: "They were passing through the area in Dhaka City on a motorbike.", places: []string{"Dhaka"}, notPlaces: []string{"Dhaka City"}},
		{name: "a country and City is the capital", text: "The march reached Mexico City at noon.", places: []string{"Mexico City"}},
		{name: "a shouted acronym running into a name", text: "Fundación Surtigas, GANA Nariño y otras organizaciones participaron.", notPlaces: []string{"Ghana"}},
		{name: "a shouted country alone on its line", text: "ISRAEL/PALESTINE\nPalestinians face increased repression in the region.", places: []string{"Palestine"}},
		{name: "a capital by its French name", text: "Des milliers de manifestants ont marché à Alger vendredi.", places: []string{"Algiers"}, notPlaces: []string{"Alger"}},
		{name: "a capital by its Spanish name", text: "La delegación viajó a Varsovia y luego a Pekín.", places: []string{"Warsaw", "Beijing"}},
		{name: "America is the United States", text: "Workers in America and Indonesia face the same bosses.", places: []string{"United States"}, notPlaces: []string{"America"}},
		{name: "a continent's part is no United States", text: "Protests spread across South America and Amérique centrale.", places: []string{"South America", "Central America"}, notPlaces: []string{"United States"}},
		{name: "language", text: "The statement was published in English and in Khmer.", notPlaces: []string{"English", "Khmer"}},
		{name: "month abbreviation", text: "The rally was held in Feb and again in Sept.", notPlaces: []string{"Feb", "Sept"}},
		{name: "article of a law", text: "The rights set out in Article 19 were ignored.", notPlaces: []string{"Article"}},
		{name: "inside an organization's name", text: "El Centro de Documentación en Derechos Humanos lo denunció.", notPlaces: []string{"Derechos Humanos"}},
		{name: "longer capitalised name", text: "He was held in Valdoria Central Prison for a year.", notPlaces: []string{"Valdoria"}},
		{name: "title-case heading", text: "Protesters Gather in Valdoria Despite Curfew Orders", notPlaces: []string{"Valdoria"}},
	})
}

// TestRecognizer_Find_taggedPeople: the tagger reads any capitalised pair
// in French, Spanish or Portuguese as a person; common words capitalised
// in a phrase, a preposition opening a line, a number and a place after a
// preposition are none, nor is the field of an office ("Secretary of
// State") part of the name after it, nor a nationality a place. The
// sentences are invented.
func TestRecognizer_Find_taggedPeople(t *testing.T) {
	runNameCases(t, taggerRecognizer(t), []nameCase{
		{name: "common words capitalised", text: "A juventude lembrou o levante popular de 1968 e a ditadura militar. Para o Levante Popular, a Ditadura Militar não acabou, disse Mariana Coutinho.", people: []string{"Mariana Coutinho"}, notPeople: []string{"Levante Popular"}},
		{name: "a preposition opens the line", text: "Da Página do Movimento\n\nO militante Rogério Alvim foi preso ontem.", people: []string{"Rogério Alvim"}, notPeople: []string{"Da Página"}},
		{name: "a number opens the sentence after a speech verb", text: "« Nous resterons », a-t-il déclaré.\n\nDix-sept jours après le début des manifestations, Javier Tolosa a démissionné.", people: []string{"Javier Tolosa"}, notPeople: []string{"Dix-sept"}},
		{name: "a speech verb ends its sentence", text: "« Nous resterons », a-t-il déclaré. Quinta Feira Santa começou ontem, disse Javier Tolosa.", people: []string{"Javier Tolosa"}, notPeople: []string{"Quinta Feira Santa"}},
		{name: "the end of a name after de", text: "Ella recibió el premio. Fue galardonada en el Premio Nacional a la Defensa de los Derechos Humanos.", notPeople: []string{"Derechos Humanos"}},
		{name: "a sentence adverb", text: "Gonzalo Herrera won. So Khatami has tried to popularize his program by meeting workers.", people: []string{"Gonzalo Herrera"}, notPeople: []string{"So Khatami"}},
		{name: "a firm is a firm wherever it is named", text: "Workers at Guacimal supply oranges used by the French firm Rémy Cointreau to make liqueur.\n\nSend protest letters to Dominique Hériard Dubreuil, Rémy Cointreau, 152, avenue des Champs-Élysées.", people: []string{"Dominique Hériard Dubreuil"}, notPeople: []string{"Rémy Cointreau"}},
		{name: "a place in a list after a preposition", text: "No progress was made in talks in Geneva, Abu Dhabi and Miami on a peace deal, said Javier Tolosa.", people: []string{"Javier Tolosa"}, notPeople: []string{"Abu Dhabi"}, places: []string{"Abu Dhabi"}},
		{name: "a name that is a place here is a place everywhere", text: "Les paysans du gouvernorat de Sidi Bouzar manquent d'eau. Forages, pompes à moteur diesel, Sidi Bouzar déploie les grands moyens.", notPeople: []string{"Sidi Bouzar"}, places: []string{"Sidi Bouzar"}},
		{name: "a place after a preposition", text: "Les mutins ont défilé vendredi à Santa Olvera, a annoncé Javier Tolosa.", people: []string{"Javier Tolosa"}, notPeople: []string{"Santa Olvera"}, places: []string{"Santa Olvera"}},
		{name: "an office before the surname makes the full name a person", text: "Soldiers tried to overthrow the first administration of Corazon Valmonte in the late 1980s. It is similar in many ways to the administration of former President Valmonte, who came to power in 1986.",
			people: []string{"Corazon Valmonte"}, notPeople: []string{"Valmonte"}, notPlaces: []string{"Corazon Valmonte"}},
		{name: "a surname before administration makes the full name a person", text: "Anger grew among the poor and the newly installed government of Gloria Macapagal Herrero--and also among the factions of the ruling class. Many politicians are back in power under the Herrero administration.",
			people: []string{"Gloria Macapagal Herrero"}, notPlaces: []string{"Gloria Macapagal Herrero"}},
		{name: "a plural article", text: "Os ataques não surtirão efeito sobre nossa luta pelos Direitos Humanos, de modo que seguiremos, disse Mariana Coutinho.",
			people: []string{"Mariana Coutinho"}, notPeople: []string{"Direitos Humanos"}},
		{name: "English as is no article", text: "Various left-wing groups, such as Ahmed Mansoor and the union, have pointed out the problem.",
			people: []string{"Ahmed Mansoor"}},
		{name: "an office's field", text: "Outgoing ambassador Martin Brandt and Secretary of State Colin Powell increased pressure on the envoy Kirill Morozov.",
			people: []string{"Colin Powell"}, notPeople: []string{"State Colin Powell"}},
		{name: "nationalities", text: "The talks stalled again this week. U.S., Russian and Ukrainian officials have made no progress in recent weeks in talks in Vienna on a peace deal.",
			places: []string{"Vienna"}, notPlaces: []string{"Russian", "Ukrainian"}},
	})
}

// TestRecognizer_Find_regions: a region or district no list holds is read
// from the noun in small letters after it, from a list of places it stands
// in, and from a regional office named after it; a nationality is never a
// place, and "Minister of" alone puts no place after it. Rules only except
// where noted; every name is invented.
func TestRecognizer_Find_regions(t *testing.T) {
	runNameCases(t, rulesRecognizer(t), []nameCase{
		{name: "region after", text: "Shelling hit villages in the north of the Valdorsk region overnight.", places: []string{"Valdorsk"}},
		{name: "province after", text: "The killings in Tamora province went unpunished.", places: []string{"Tamora"}},
		{name: "two regions joined by and", text: "People in the Valdorsk and Mirnohrad regions were evacuated.", places: []string{"Valdorsk", "Mirnohrad"}},
		{name: "a list after two places", text: "Offices in the cities of Kabul, Islamabad, Valdorsk and Mirnohrad were shut.", places: []string{"Valdorsk", "Mirnohrad"}},
		{name: "one place is no list", text: "Officials from Kabul, Ana Valdora and others met.", notPlaces: []string{"Ana Valdora"}},
		{name: "chief minister of", text: "The Chief Minister of Tamora Pradesh apologised.", places: []string{"Tamora Pradesh"}},
		{name: "minister of is an office", text: "The Minister of Justice resigned.", notPlaces: []string{"Justice"}},
		{name: "office after the place, a name after it", text: "Footage showed Tamora Chief Minister Nitin Valdor pulling a veil.", places: []string{"Tamora"}, notPlaces: []string{"Nitin Valdor"}},
		{name: "governor after the place", text: "Critics said Ohara Governor Greg Valdor had lied.", places: []string{"Ohara"}},
		{name: "office with no name after it", text: "He met the Tamora Governor on Monday.", notPlaces: []string{"Tamora"}},
		{name: "state in small letters is left out", text: "They fought the Islamic state in the north.", notPlaces: []string{"Islamic"}},
	})
}

// TestRecognizer_Find_subdivisions: a state, province or region of ISO
// 3166-2 is a place wherever its name stands as a whole, with no word
// around it to say so; the same word as part of a person's or a company's
// name, opening a sentence, or qualifying a noun after an article is none.
// The names are real regions' (the list is what is tested); the sentences
// are invented, and read by the rules only.
func TestRecognizer_Find_subdivisions(t *testing.T) {
	runNameCases(t, rulesRecognizer(t), []nameCase{
		{name: "a state before its noun in small letters", text: "Violence spread to neighbouring Guerrero state on Monday.", places: []string{"Guerrero"}},
		{name: "the kind word is part of the name", text: "They protested the outcome of the Osun State governorship election.", places: []string{"Osun State"}},
		{name: "particles inside the name", text: "Police said two Surigao del Sur broadcasters were shot.", places: []string{"Surigao del Sur"}},
		{name: "a list of states", text: "Los estudiantes marcharon por Táchira, Zulia y Mérida el lunes.", places: []string{"Táchira", "Zulia"}},
		{name: "a province after a town and a comma", text: "He was killed in his hometown of Kalibo, Aklan, last year.", places: []string{"Aklan"}},
		{name: "a person's surname", text: "Ana Guerrero spoke first. Later Guerrero said no.", notPlaces: []string{"Guerrero"}},
		{name: "inside a person's name", text: "The march honoured Vicente Guerrero and his men.", notPlaces: []string{"Guerrero"}},
		{name: "a sentence's first word", text: "Como dijo el ministro, nada cambió.", notPlaces: []string{"Como"}},
		{name: "after an article, before a noun", text: "Fishermen blamed the Formosa steel plant for the spill.", notPlaces: []string{"Formosa"}},
		{name: "a company's first word", text: "Formosa Ha Tinh Steel was fined. Villagers said Formosa paid too little.", notPlaces: []string{"Formosa"}},
		{name: "a region's government is no person", text: "The Sindh administration dropped the case.", notPeople: []string{"Sindh"}},
	})
}

// TestRecognizer_Find_demonyms: a nationality's adjective or a region's
// ("Guatemalan", "Middle Eastern") that the tagger reads as a name is no
// person and no place. With the tagger.
func TestRecognizer_Find_demonyms(t *testing.T) {
	runNameCases(t, taggerRecognizer(t), []nameCase{
		{name: "compass and region", text: "The law targeted people from Middle Eastern and Muslim countries.", notPeople: []string{"Middle Eastern"}, notPlaces: []string{"Middle Eastern"}},
		{name: "a faith and its branch", text: "Most of Valdoria's Shi'ite Muslims and Sunni Arabs marched on Friday.", notPeople: []string{"Shi'ite Muslims", "Sunni Arabs"}, notPlaces: []string{"Shi'ite", "Sunni"}},
		{name: "a faith after by", text: "The protests were led mainly by Shi’ite Muslims demanding reforms.", notPeople: []string{"Shi’ite Muslims", "Shi'ite Muslims"}},
		{name: "the state as an institution", text: "El secretario de Estado, Marcos Valdés, instó al Estado mexicano a actuar.", notPlaces: []string{"Estado"}},
		{name: "a list of people", text: "Fueron asesinados los periodistas Regino Martel, Esteban Ródenas, Irasema Becerril, Guillermo Luna Varón y Noé López Holgado.", people: []string{"Irasema Becerril"}, notPlaces: []string{"Irasema Becerril"}},
		{name: "nationality before an office", text: "He refused an invitation from Guatemalan President Ydor Valdes to visit.", notPlaces: []string{"Guatemalan"}},
	})
}

// TestRecognizer_Find_whereNoPlace: what a locative puts after it that is
// no place (an institution, a network, a nationality before a noun), read
// by the rules and by the tagger; and a city apart from the state or
// territory named like it.
func TestRecognizer_Find_whereNoPlace(t *testing.T) {
	cases := []nameCase{
		{name: "an institution", text: "Opposition leaders raised the matter in Parliament on Tuesday.", notPlaces: []string{"Parliament"}},
		{name: "a network, Spanish", text: "Defiende los derechos digitales y la privacidad en Internet desde hace años.", notPlaces: []string{"Internet"}},
		{name: "a nationality before a noun", text: "Thousands are held in Guatemalan prisons without trial.", notPlaces: []string{"Guatemalan"}},
		{name: "the place without its comma", text: "The delegation flew to Washington DC on Monday.", places: []string{"Washington, D.C."}},
		{name: "a city and its state", text: "She moved from New York City to Albany, New York, and then to New Delhi and Delhi's suburbs.", places: []string{"New York City", "New York", "New Delhi", "Delhi"}},
	}
	t.Run("rules", func(t *testing.T) { runNameCases(t, rulesRecognizer(t), cases) })
	t.Run("tagger", func(t *testing.T) { runNameCases(t, taggerRecognizer(t), cases) })
}
