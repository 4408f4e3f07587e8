package entities

import "testing"

// The acronyms are invented; each case is a way news reports what a body
// said or did.
func TestFind_actingAcronyms(t *testing.T) {
	r := rulesRecognizer(t)
	tests := []struct {
		name, text string
		want, not  []string // organizations
	}{
		{"the acronym demanded", "Hours later, the KJU demanded tapes of all live programmes.", []string{"KJU"}, nil},
		{"an adverb between", "GNDEM also appeals to international bodies to act.", []string{"GNDEM"}, nil},
		{"French compound tense", "Mardi, la FSTA a dénoncé les arrestations.", []string{"FSTA"}, nil},
		{"Spanish", "La CNDHV exigió una investigación.", []string{"CNDHV"}, nil},
		{"every use once one acts", "The VJU said it would appeal. Members of the VJU marched.", []string{"VJU"}, nil},
		{"the name it spells, written before without brackets", "The Vale Journalists Union met. Later the VJU said it would appeal.", []string{"Vale Journalists Union"}, []string{"VJU"}},
		{"according to", "According to the KJU, ten reporters were held.", []string{"KJU"}, nil},
		{"a report by", "A report by VJTU found abuses.", []string{"VJTU"}, nil},
		{"a law makes no statement", "He was held under the ISAX for two years.", nil, []string{"ISAX"}},
		{"a generic acronym", "The NGO said it would appeal.", nil, []string{"NGO"}},
		{"a shouted word", "STOP said the sign, and they did stop.", nil, []string{"STOP"}},
		{"a heading in capitals", "PRESS RELEASE said nothing new.", nil, []string{"PRESS", "RELEASE"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantNames(t, "organizations", r.Find(tt.text).Canonical(Org), tt.want, tt.not)
		})
	}
}
