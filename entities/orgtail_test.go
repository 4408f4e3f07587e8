package entities

import "testing"

// TestRecognizer_Find_romanceTails reads French, Spanish and Portuguese
// institutions whose names end in small letters after a head word and an
// institutional adjective, and stops where the sentence goes on: a verb,
// a determiner, a nationality, a comma. The sentences are invented.
func TestRecognizer_Find_romanceTails(t *testing.T) {
	runOrgCases(t, rulesRecognizer(t), []orgCase{
		{"French tail", "Les agents de la Direction générale des finances publiques ont fait grève.", []string{"Direction générale des finances publiques"}},
		{"article and noun", "Le Conseil supérieur de la magistrature a rendu son avis.", []string{"Conseil supérieur de la magistrature"}},
		{"comma ends it", "La présidente de la Commission nationale des marchés, Anne Roux, a démissionné.", []string{"Commission nationale des marchés"}},
		{"two steps", "L'Office national des forêts et de la chasse recrute.", []string{"Office national des forêts"}},
		{"Spanish", "La Fiscalía general de la nación abrió una investigación.", []string{"Fiscalía general de la nación"}},
		{"Portuguese", "O Conselho nacional de justiça decidiu ontem.", []string{"Conselho nacional de justiça"}},
		{"determiner stops", "Le Conseil constitutionnel de son côté a validé la loi.", []string{"Conseil constitutionnel"}},
		{"time noun stops", "La Cour suprême du mois dernier a jugé.", []string{"Cour suprême"}},
		{"ministry adjective", "Un employé du ministère de la Santé publique malgache a parlé.", []string{"ministère de la Santé publique"}},
		{"legal form after the name", "Le marché a été attribué à l’Agence générale SARL sans appel d’offres.", []string{"Agence générale SARL"}},
		{"English head, no adjective", "The Commission of inquiry met on Monday.", nil},
		{"English head, English order", "The Direction of the project changed.", nil},
	})
}

// TestRecognizer_Find_kindModifiers reads the name after a Romance noun
// for an outlet or a company and the adjectives in small letters after
// it, and nothing where no capitalised name follows them. The sentences
// are invented.
func TestRecognizer_Find_kindModifiers(t *testing.T) {
	runOrgCases(t, rulesRecognizer(t), []orgCase{
		{"nationality and de noticias", "El canal colombiano de noticias KTN24 fue sacado del aire.", []string{"KTN24"}},
		{"feminine nationality", "La empresa colombiana Kestrel Energía firmó el contrato.", []string{"Kestrel Energía"}},
		{"adjective", "Lo publicó el periódico digital El Faro ayer.", []string{"El Faro"}},
		{"French, d’information", "La chaîne d’information Kanal Sept a diffusé la vidéo.", []string{"Kanal Sept"}},
		{"French nationality", "Le quotidien algérien Al Khabar a publié la lettre.", []string{"Al Khabar"}},
		{"no name after", "El diario oficial de la federación lo publicó.", nil},
	})
}
