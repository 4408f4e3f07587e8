package entities

import (
	"slices"
	"testing"
)

// TestRecognizer_Find_locatives: a place no list knows is read from the
// preposition or the noun for a town before it, in English, French,
// Spanish and Portuguese, and what such a word puts after it that is no
// place (a language, a month, an article of a law, the inside of an
// organization's name) is left alone. Rules only: the sentences are
// invented, the towns' names too.
func TestRecognizer_Find_locatives(t *testing.T) {
	r, err := NewRecognizer(nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text string
		want, not  []string
	}{
		{"in", "Police fired on protesters in Valdoria on Friday.", []string{"Valdoria"}, nil},
		{"French à, two words", "Les mutins ont défilé à Santa Olvera (est) vendredi.", []string{"Santa Olvera"}, nil},
		{"Spanish en, with a region", "Vive en Tamora, Arauquilla, desde hace años.", []string{"Tamora"}, nil},
		{"Portuguese em", "A marcha terminou em Fortelina na sexta-feira.", []string{"Fortelina"}, nil},
		{"article opens the name", "Los manifestantes marcharon en La Pazuela el lunes.", []string{"La Pazuela"}, nil},
		{"city of", "Tanks entered the city of Hebrona in July.", []string{"Hebrona"}, nil},
		{"ville de", "Un étudiant de la ville de Lyonnet a été blessé.", []string{"Lyonnet"}, nil},
		{"gouvernorat de", "Les paysans du gouvernorat de Sidi Bouzar manquent d'eau.", []string{"Sidi Bouzar"}, nil},
		{"list after a place", "Eles marcharam do município de Camaral à Salvadora.", []string{"Salvadora"}, nil},
		{"a list a locative opens", "Talks were held in Geneva, Valdor Bay and Miramonte last week.", []string{"Valdor Bay", "Miramonte"}, nil},
		{"a list of people each with a place", "It named the cases of Amir Talebi in Egypt, Fikret Olcay in Turkey and others.", []string{"Egypt", "Turkey"}, []string{"Fikret Olcay"}},
		{"dateline", "Unrest spreads\n\nLa Pazuela - Le président a dénoncé vendredi un coup d'Etat en cours dans le pays.", []string{"La Pazuela"}, nil},
		{"dateline with an agency", "Tiarona (AFP) – Des milliers de manifestants ont marché vendredi dans les rues de la ville.", []string{"Tiarona"}, nil},
		{"a headline is no dateline", "Kem Valdor - the end of an era\n\nThe story begins.", nil, []string{"Kem Valdor"}},
		{"a person's caption is no dateline", "The activist Ola Binar was held.\n\nOla Binar - The programmer was detained at the airport on Thursday.", nil, []string{"Ola Binar"}},
		{"a country after a comma", "Fue detenido en el aeropuerto de Quitora, Ecuador a las 15h20.", []string{"Quitora"}, nil},
		{"a sentence's first word before a country", "“Usually, Israel is used to very short wars,” he said.", nil, []string{"Usually"}},
		{"based", "A Texanna-based fund bought the assets.", []string{"Texanna"}, nil},
		{"the office of a town", "El Gobernador de Narilla ratificó su apoyo a la iniciativa.", []string{"Narilla"}, nil},
		{"the office of a state", "The Governor of Ohara vetoed the bill on Monday.", []string{"Ohara"}, nil},
		{"where someone comes from", "L'étudiant, originaire de Saint-Etiennet, a été blessé.", []string{"Saint-Etiennet"}, nil},
		{"a known place and City", "They were passing through the area in Dhaka City on a motorbike.", []string{"Dhaka"}, []string{"Dhaka City"}},
		{"a country and City is the capital", "The march reached Mexico City at noon.", []string{"Mexico City"}, nil},
		{"a shouted acronym running into a name", "Fundación Surtigas, GANA Nariño y otras organizaciones participaron.", nil, []string{"Ghana"}},
		{"a shouted country alone on its line", "ISRAEL/PALESTINE\nPalestinians face increased repression in the region.", []string{"Palestine"}, nil},
		{"a capital by its French name", "Des milliers de manifestants ont marché à Alger vendredi.", []string{"Algiers"}, []string{"Alger"}},
		{"a capital by its Spanish name", "La delegación viajó a Varsovia y luego a Pekín.", []string{"Warsaw", "Beijing"}, nil},
		{"language", "The statement was published in English and in Khmer.", nil, []string{"English", "Khmer"}},
		{"month abbreviation", "The rally was held in Feb and again in Sept.", nil, []string{"Feb", "Sept"}},
		{"article of a law", "The rights set out in Article 19 were ignored.", nil, []string{"Article"}},
		{"inside an organization's name", "El Centro de Documentación en Derechos Humanos lo denunció.", nil, []string{"Derechos Humanos"}},
		{"longer capitalised name", "He was held in Valdoria Central Prison for a year.", nil, []string{"Valdoria"}},
		{"title-case heading", "Protesters Gather in Valdoria Despite Curfew Orders", nil, []string{"Valdoria"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := r.Find(tt.text).Canonical(Place)
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("places %q: want %q", got, w)
				}
			}
			for _, n := range tt.not {
				if slices.Contains(got, n) {
					t.Errorf("places %q: do not want %q", got, n)
				}
			}
		})
	}
}

// TestRecognizer_Find_taggedPeople: the tagger reads any capitalised pair
// in French, Spanish or Portuguese as a person; common words capitalised
// in a phrase, a preposition opening a line, a number and a place after a
// preposition are none. The sentences are invented.
func TestRecognizer_Find_taggedPeople(t *testing.T) {
	m, err := LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	r, err := NewRecognizer(m)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text  string
		people, not []string
		places      []string
	}{
		{"common words capitalised",
			"A juventude lembrou o levante popular de 1968 e a ditadura militar. Para o Levante Popular, a Ditadura Militar não acabou, disse Mariana Coutinho.",
			[]string{"Mariana Coutinho"}, []string{"Levante Popular"}, nil},
		{"a preposition opens the line",
			"Da Página do Movimento\n\nO militante Rogério Alvim foi preso ontem.",
			[]string{"Rogério Alvim"}, []string{"Da Página"}, nil},
		{"a number opens the sentence after a speech verb",
			"« Nous resterons », a-t-il déclaré.\n\nDix-sept jours après le début des manifestations, Javier Tolosa a démissionné.",
			[]string{"Javier Tolosa"}, []string{"Dix-sept"}, nil},
		{"a speech verb ends its sentence",
			"« Nous resterons », a-t-il déclaré. Quinta Feira Santa começou ontem, disse Javier Tolosa.",
			[]string{"Javier Tolosa"}, []string{"Quinta Feira Santa"}, nil},
		{"the end of a name after de",
			"Ella recibió el premio. Fue galardonada en el Premio Nacional a la Defensa de los Derechos Humanos.",
			nil, []string{"Derechos Humanos"}, nil},
		{"a sentence adverb",
			"Gonzalo Herrera won. So Khatami has tried to popularize his program by meeting workers.",
			[]string{"Gonzalo Herrera"}, []string{"So Khatami"}, nil},
		{"a firm is a firm wherever it is named",
			"Workers at Guacimal supply oranges used by the French firm Rémy Cointreau to make liqueur.\n\nSend protest letters to Dominique Hériard Dubreuil, Rémy Cointreau, 152, avenue des Champs-Élysées.",
			[]string{"Dominique Hériard Dubreuil"}, []string{"Rémy Cointreau"}, nil},
		{"a place in a list after a preposition",
			"No progress was made in talks in Geneva, Abu Dhabi and Miami on a peace deal, said Javier Tolosa.",
			[]string{"Javier Tolosa"}, []string{"Abu Dhabi"}, []string{"Abu Dhabi"}},
		{"a name that is a place here is a place everywhere",
			"Les paysans du gouvernorat de Sidi Bouzar manquent d'eau. Forages, pompes à moteur diesel, Sidi Bouzar déploie les grands moyens.",
			nil, []string{"Sidi Bouzar"}, []string{"Sidi Bouzar"}},
		{"a place after a preposition",
			"Les mutins ont défilé vendredi à Santa Olvera, a annoncé Javier Tolosa.",
			[]string{"Javier Tolosa"}, []string{"Santa Olvera"}, []string{"Santa Olvera"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ns := r.Find(tt.text)
			people, places := ns.Canonical(Person), ns.Canonical(Place)
			for _, p := range tt.people {
				if !slices.Contains(people, p) {
					t.Errorf("people %q: want %q", people, p)
				}
			}
			for _, p := range tt.not {
				if slices.Contains(people, p) {
					t.Errorf("people %q: do not want %q", people, p)
				}
			}
			for _, p := range tt.places {
				if !slices.Contains(places, p) {
					t.Errorf("places %q: want %q", places, p)
				}
			}
		})
	}
}

// TestRecognizer_Find_taggedOfficesAndNationalities: with the tagger, the
// field of an office ("Secretary of Labor") is no part of the name after
// it, and a nationality before a noun is no place. Invented sentences.
func TestRecognizer_Find_taggedOfficesAndNationalities(t *testing.T) {
	m, err := LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	r, err := NewRecognizer(m)
	if err != nil {
		t.Fatal(err)
	}
	ns := r.Find("Outgoing ambassador Martin Brandt and Secretary of State Colin Powell increased pressure on the envoy Kirill Morozov. " +
		"The talks stalled again this week. U.S., Russian and Ukrainian officials have made no progress in recent weeks in talks in Vienna on a peace deal.")
	people, places := ns.Canonical(Person), ns.Canonical(Place)
	if !slices.Contains(places, "Vienna") {
		t.Errorf("places %q: want Vienna", places)
	}
	if !slices.Contains(people, "Colin Powell") || slices.Contains(people, "State Colin Powell") {
		t.Errorf("people %q: want Colin Powell, not State Colin Powell", people)
	}
	for _, p := range []string{"Russian", "Ukrainian"} {
		if slices.Contains(places, p) {
			t.Errorf("places %q: do not want %q", places, p)
		}
	}
}
