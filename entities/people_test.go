package entities

import (
	"slices"
	"testing"
)

// TestRecognizer_Find_roles: the titles, ranks and roles of French,
// Spanish and Portuguese introduce a name as the English ones do, and a
// capitalised run that stops at an organization's head word is the start
// of that name, not a person. Rules only; the sentences are invented.
func TestRecognizer_Find_roles(t *testing.T) {
	r, err := NewRecognizer(nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text  string
		people, not []string
	}{
		{"Spanish governor", "Lo ratificó el gobernador Camilo Rivera en la reunión.", []string{"Camilo Rivera"}, nil},
		{"Portuguese rank", "Após o escracho do Coronel Brilhante Ortiz, os jovens voltaram.", []string{"Brilhante Ortiz"}, nil},
		{"abbreviated rank", "O grupo escrachou o Cel. Brilhante Ortiz em março.", []string{"Brilhante Ortiz"}, nil},
		{"French minister", "Le ministre Gérard Malvaux a démissionné.", []string{"Gérard Malvaux"}, nil},
		{"Spanish spokeswoman", "La vocera Emilia Pescador explicó la propuesta.", []string{"Emilia Pescador"}, nil},
		{"commissioner", "It was confirmed by the Deputy Commissioner Masud Rahimi.", []string{"Masud Rahimi"}, nil},
		{"a surname after an office", "The strike opposed the cuts proposed by President Pastrana.", []string{"Pastrana"}, nil},
		{"a French surname after an office", "Les syndicats ont reçu une lettre du président Macron hier.", []string{"Macron"}, nil},
		{"a surname after an office names the full name", "The candidate Andrés Pastrana won in 1998. The cuts were proposed by President Pastrana.", []string{"Andrés Pastrana"}, []string{"Pastrana"}},
		{"a given name before a nickname", "Protesters loyal to former President Joseph \"Erap\" Estrada marched.", nil, []string{"Joseph"}},
		{"a second title word", "Bini es el Director Técnico del Centro de Autonomía Digital.", nil, []string{"Técnico"}},
		{"a role ends its sentence", "“It will decide wages,” said one union leader. Unions across Mexico pledged support.", nil, []string{"Unions"}},
		{"a byline in capitals after by", "Volkswagen workers strike for wage hike by TODD CHRETIEN | August 31, 2001 | Page 7", []string{"Todd Chretien"}, nil},
		{"a translator in capitals", "His article was translated by SOPHIE HANDEL.", []string{"Sophie Handel"}, nil},
		{"a writer in capitals before writes", "HASSAN BERBERI writes from France on the unrest.", []string{"Hassan Berberi"}, nil},
		{"a publisher's slash", "La Jornada Zacatecas/ALMA ALEJANDRA TAPIAS\n\nDiputados de la Legislatura ignoraron la invitación.", []string{"Alma Alejandra Tapias"}, nil},
		{"a shouted headline after by", "Protests were broken up by RIOT POLICE FORCES IN THE CAPITAL", nil, []string{"Riot Police Forces"}},
		{"an organization in capitals after by", "The report was published by HUMAN RIGHTS WATCH on Monday.", nil, []string{"Human Rights Watch"}},
		{"an organization after said", "“Revoking these protections is a worrying development,” said Digital Rights Watch Chair Tim Holloway.", nil, []string{"Digital Rights"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := r.Find(tt.text).Canonical(Person)
			for _, p := range tt.people {
				if !slices.Contains(got, p) {
					t.Errorf("people %q: want %q", got, p)
				}
			}
			for _, p := range tt.not {
				if slices.Contains(got, p) {
					t.Errorf("people %q: do not want %q", got, p)
				}
			}
		})
	}
}
