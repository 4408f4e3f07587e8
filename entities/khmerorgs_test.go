package entities

import (
	"slices"
	"testing"
)

// TestRecognizer_Find_khmerBodies reads Cambodian state bodies from their
// Khmer kind word: a ministry by its portfolio (in full or by its first
// word, spaced or not, ដ typed for ត), a provincial court or department by
// ខេត្ត and the province, and nothing where the kind word stands alone or
// another country's ministry is meant. The sentences are invented.
func TestRecognizer_Find_khmerBodies(t *testing.T) {
	r := rulesRecognizer(t)
	for _, c := range []struct {
		text         string
		orgs, places []string
	}{
		{"ក្រសួងសុខាភិបាល បានប្រកាសថា មានករណីថ្មី។", []string{"Ministry of Health"}, nil},
		{"ក្រសួងការងារ និងបណ្ដុះបណ្ដាលវិជ្ជាជីវៈ បានចេញសេចក្ដីណែនាំ។", []string{"Ministry of Labour and Vocational Training"}, nil},
		{"ក្រសួងសាធារណការនិងដឹកជញ្ជូន បានជួសជុលផ្លូវ។", []string{"Ministry of Public Works and Transport"}, nil},
		{"ក្រសួងកសិកម្ម បានឱ្យដឹងថា ស្រូវខូចខាត។", []string{"Ministry of Agriculture, Forestry and Fisheries"}, nil},
		{"ក្រសួងមហាផ្ទៃ បានព្រមាន។", []string{"Ministry of Interior"}, nil},
		{"ក្រសួងការបរទេសសហរដ្ឋអាមេរិក បានថ្លែងថា ខ្លួនព្រួយបារម្ភ។", nil, []string{"United States"}},
		{"តុលាការខេត្តកំពត បានកាត់ទោសគាត់។", []string{"Kampot Provincial Court"}, nil},
		{"សាលាដំបូង\u200bខេត្ត\u200bតាកែវ បានកោះហៅគាត់ ។ គាត់រស់នៅតាកែវ។", []string{"Takeo Provincial Court"}, []string{"Takeo"}},
		{"មន្ទីរសុខាភិបាល ខេត្តក្រចេះ បានបិទសាលា។", []string{"Kratie Provincial Department of Health"}, nil},
		{"តុលាការ បានចេញដីកាចាប់ខ្លួន។", nil, nil},
		{"គាត់សម្រាកនៅមន្ទីរពេទ្យខេត្តកំពត។", nil, []string{"Kampot"}},
		{"គាត់ជាប់ពន្ធនាគារខេត្តពោធិ៍សាត់។", nil, []string{"Pursat"}},
		{"ធនាគារពិភពលោក និងធនាគារអភិវឌ្ឍន៍អាស៊ី ផ្ដល់ប្រាក់កម្ចី។", []string{"Asian Development Bank", "World Bank"}, nil},
		{"កងរាជអាវុធហត្ថ និងរដ្ឋបាលព្រៃឈើ បានឃាត់ខ្លួនគាត់។", []string{"Forestry Administration", "Royal Gendarmerie"}, nil},
	} {
		ns := r.Find(c.text)
		got := ns.Canonical(Org)
		slices.Sort(got)
		if !slices.Equal(got, c.orgs) {
			t.Errorf("Find(%q) organizations: got %q, want %q", c.text, got, c.orgs)
		}
		if got := ns.Canonical(Place); !slices.Equal(got, c.places) {
			t.Errorf("Find(%q) places: got %q, want %q", c.text, got, c.places)
		}
	}
}
