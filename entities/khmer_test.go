package entities

import (
	"slices"
	"strings"
	"testing"
)

// TestRecognizer_Find_khmer reads names written in Khmer script, which has
// no spaces between words: the longest name wins ("Cambodia" inside
// ADHOC's full name is no place of its own), and every mention is found.
func TestRecognizer_Find_khmer(t *testing.T) {
	r := rulesRecognizer(t)
	text := "សមាគមការពារសិទ្ធិមនុស្ស និងអភិវឌ្ឍន៍នៅកម្ពុជា (អាដហុក) និងលីកាដូ បានថ្កោលទោសការចាប់ខ្លួនសកម្មជនចំនួនបីនាក់ នៅខេត្តកោះកុង។ សម្ដេច ហ៊ុន សែន បាននិយាយនៅភ្នំពេញ។ អាដហុក"
	ns := r.Find(text)
	for _, c := range []struct {
		kind Kind
		want []string
	}{
		{Org, []string{"Cambodian Human Rights and Development Association", "Cambodian League for the Promotion and Defense of Human Rights"}},
		{Person, []string{"Hun Sen"}},
		{Place, []string{"Koh Kong", "Phnom Penh"}},
	} {
		if got := ns.Canonical(c.kind); !slices.Equal(got, c.want) {
			t.Errorf("%s: got %q, want %q", c.kind, got, c.want)
		}
	}
	adhoc := 0
	for _, n := range ns {
		if n.Canonical == "Cambodian Human Rights and Development Association" {
			adhoc++
			if text[n.Start:n.End] == "" {
				t.Errorf("empty span for %q", n.Canonical)
			}
		}
	}
	if adhoc != 3 {
		t.Errorf("ADHOC named %d times, want 3 (full name, acronym in brackets, acronym at the end)", adhoc)
	}
}

// TestRecognizer_Find_khmerKandal: Kandal is named with the word for
// province; the same letters alone are the common word "middle".
func TestRecognizer_Find_khmerKandal(t *testing.T) {
	r := rulesRecognizer(t)
	for text, want := range map[string][]string{
		"ពលរដ្ឋនៅខេត្តកណ្ដាល បានតវ៉ា។":         {"Kandal"},
		"គាត់ជាអ្នកជាតិនិយមនៅកណ្ដាល នៃនយោបាយ។": nil,
	} {
		if got := r.Find(text).Canonical(Place); !slices.Equal(got, want) {
			t.Errorf("Find(%q) places: got %q, want %q", text, got, want)
		}
	}
}

// TestRecognizer_Find_khmerPeople reads Khmer names no list holds from the
// word before them, and no name where លោក is a pronoun or part of a noun.
// TestRecognizer_Find_khmerPastZeroWidth finds the gazetteer's Khmer names
// where the text puts zero width spaces between their words, and a
// country by its Khmer name (CLDR's, see internal/countrynames).
func TestRecognizer_Find_khmerPastZeroWidth(t *testing.T) {
	r := rulesRecognizer(t)
	text := "អ្នកនាំពាក្យ\u200bគណបក្ស\u200bសង្គ្រោះ\u200bជាតិ បាន\u200bស្នាក់នៅ\u200bប្រទេស\u200bបារាំង និងជប៉ុន។"
	ns := r.Find(text)
	if got, want := ns.Canonical(Org), []string{"Cambodia National Rescue Party"}; !slices.Equal(got, want) {
		t.Errorf("organizations: got %q, want %q", got, want)
	}
	if got, want := ns.Canonical(Place), []string{"France", "Japan"}; !slices.Equal(got, want) {
		t.Errorf("places: got %q, want %q", got, want)
	}
	for _, n := range ns {
		if n.Canonical == "Cambodia National Rescue Party" && !strings.HasPrefix(text[n.Start:n.End], "គណបក្ស") {
			t.Errorf("the party's span is %q, want it to start at the name", text[n.Start:n.End])
		}
	}
}

func TestRecognizer_Find_khmerPeople(t *testing.T) {
	r := rulesRecognizer(t)
	for _, c := range []struct {
		name, text string
		want       []string
	}{
		{"after an honorific", "លោក កែវ សុផល បាននិយាយថា ការងារនេះល្អ។", []string{"កែវ សុផល"}},
		{"after ឈ្មោះ joined", "ប៉ូលិសបានឃាត់ខ្លួនឈ្មោះទុន ដារ៉ា ជាប្រធានការិយាល័យ។", []string{"ទុន ដារ៉ា"}},
		{"a woman's honorific", "អ្នកស្រី ឌី រិន ប្រាប់អ្នកកាសែតថា គាត់មិនព្រម។", []string{"ឌី រិន"}},
		{"after a title", "លោកឧត្តមសេនីយ៍ត្រី អេង ហ៊ី បានបដិសេធ។", []string{"អេង ហ៊ី"}},
		{"an honorific and a title joined", "ឯកឧត្តមរដ្ឋមន្ត្រី គួច ចំរើន បានថ្លែងថា ត្រូវតែការពារ។", []string{"គួច ចំរើន"}},
		{"zero width spaces between words", "លោក\u200b ហេង\u200b ដូននី\u200b មិនឆ្លើយ\u200bទេ។", []string{"ហេង ដូននី"}},
		{"zero width spaces inside the honorific", "អ្នក\u200bស្រី ឌី\u200b រិន\u200bប្រាប់\u200bអាស៊ីសេរី។", []string{"ឌី រិន"}},
		{"a title with zero width spaces", "លោក\u200bឧត្ត\u200bម\u200bសេនីយ៍\u200bត្រី អេង ហ៊ី\u200bបាន\u200bបដិសេធ។", []string{"អេង ហ៊ី"}},
		{"the Latin form in brackets", "អ្នកស្រី រ៉ូណា ស្មីត (Rhona Smith) អ្នករាយការណ៍ពិសេស។", []string{"Rhona Smith"}},
		{"the Latin form in brackets names every mention", "លោក បូរីស ចនសុន (Boris Johnson) បាននិយាយ។ បើតាមលោក បូរីស ចនសុន អង់គ្លេសនឹងចាកចេញ។", []string{"Boris Johnson"}},
		{"the gazetteer's name past zero width spaces", "លោក ហ៊ុន\u200b សែន\u200b បាននិយាយ។", []string{"Hun Sen"}},
		{"a Latin name after ឈ្មោះ", "គណនីហ្វេសប៊ុកមួយមានឈ្មោះ Phorn Sophal បានបង្ហោះ។", []string{"Phorn Sophal"}},
		{"a company after ឈ្មោះ", "ក្រុមហ៊ុនឈ្មោះ ABC Trading បានប្ដឹង។", nil},
		{"a particle after the name", "លោក ដូណាល់ ត្រាំដែរ។", []string{"ដូណាល់ ត្រាំ"}},
		{"a zero width space inside a given name", "លោក\u200bតែ ប៊ុន\u200bថេ\u200bង បាន\u200bមក។", []string{"តែ ប៊ុនថេង"}},
		{"a verb after a zero width space", "លោក អេង ហ៊ី\u200bបាន\u200bបដិសេធ។", []string{"អេង ហ៊ី"}},
		{"sex after ឈ្មោះ", "ជនរងគ្រោះឈ្មោះ រតនា ភេទប្រុស អាយុ២០ឆ្នាំ។", nil},
		{"a surname that is also a word", "លោក ជា ស៊ីម ជាប្រធានព្រឹទ្ធសភា។", []string{"ជា ស៊ីម"}},
		{"he said", "លោកបាននិយាយថា លោក នឹងមកវិញ។", nil},
		{"he went on", "លោកបន្តថា ការចាប់ខ្លួន គឺខុសច្បាប់។", nil},
		{"he is the president", "លោកជាប្រធាន គណបក្ស។", nil},
		{"you", "លោកអ្នក អាចទាក់ទងមកយើង។", nil},
		{"the world", "ធនាគារពិភពលោក និងធនាគារ អាស៊ី", nil},
		{"grandfather", "លោកតា ម៉ៅ ប៊ិន នៅតែប៉ះកង់។", []string{"ម៉ៅ ប៊ិន"}},
		{"a name that runs on", "លោក សាក់ សារុនមេបញ្ជាការកងរាជអាវុធហត្ថស្រុក ត្រូវឃាត់ខ្លួន។", nil},
		{"the gazetteer's form wins", "សម្ដេច ហ៊ុន សែន បាននិយាយ។", []string{"Hun Sen"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := r.Find(c.text).Canonical(Person); !slices.Equal(got, c.want) {
				t.Errorf("Find(%q) people: got %q, want %q", c.text, got, c.want)
			}
		})
	}
}
