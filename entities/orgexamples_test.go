package entities

import "testing"

// The names are invented; each case is a way prose gives examples of a
// kind of organization.
func TestFind_kindExamples(t *testing.T) {
	r := rulesRecognizer(t)
	tests := []struct {
		name, text string
		want, not  []string // organizations
	}{
		{"including, a serial comma and a number",
			"The crackdown reached other independent outlets including Kestrel TV, Vale Post, and Kanal 9, all of which have staff in jail.",
			[]string{"Kestrel TV", "Vale Post", "Kanal 9"}, nil},
		{"a capitalised noun opening the sentence",
			"Companies like Velmora and Orsk have left the country.",
			[]string{"Velmora", "Orsk"}, nil},
		{"Portuguese, an adjective and a comma before the cue",
			"O ato foi organizado por movimentos sociais, como a Via Nova e o Levante Sul da Juventude.",
			[]string{"Via Nova", "Levante Sul da Juventude"}, nil},
		{"French",
			"Des syndicats comme Solvar et la Tessera ont appelé à la grève.",
			[]string{"Solvar", "Tessera"}, nil},
		{"the conjunction closes the examples",
			"It was backed by groups such as Tierra Nueva and Vale Fishers, Ruiz wrote in his blog.",
			[]string{"Tierra Nueva", "Vale Fishers"}, []string{"Ruiz"}},
		{"examples in small letters name nothing",
			"Groups such as women and children suffered most.",
			nil, []string{"women"}},
		{"no cue, no examples",
			"The outlets Kestrel and Vale were closed.",
			nil, []string{"Vale"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantNames(t, "organizations", r.Find(tt.text).Canonical(Org), tt.want, tt.not)
		})
	}
}
