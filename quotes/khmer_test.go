package quotes

import (
	"strings"
	"testing"

	"github.com/advosearch/advosearch/entities"
)

// TestExtract_khmer attributes Khmer quotations: the subject of the verb
// of saying before them, a pronoun to the person named before (a woman's
// to a woman), a tag after them, or nobody when the subject is a noun.
func TestExtract_khmer(t *testing.T) {
	r, err := entities.NewRecognizer(nil)
	if err != nil {
		t.Fatalf("NewRecognizer: %v", err)
	}
	for _, c := range []struct {
		name, text, want string
		holds            string // words the quotation must hold, if any
	}{
		{"subject before the verb", "លោក កែវ សុផល បាននិយាយថា «យើង នឹង មិន ចុះចាញ់ ទេ ទោះបីជា យ៉ាងណា»។", "កែវ សុផល", ""},
		{"a title before the name", "លោកឧត្តមសេនីយ៍ត្រី អេង ហ៊ី បានបដិសេធប្រាប់កាសែតថា «រហូតមកដល់ពេលនេះ ពុំទាន់ មានការ ឃាត់ខ្លួន នោះទេ»។", "អេង ហ៊ី", ""},
		{"he, with names after the verb", "អ្នកនាំពាក្យ លោក ជិន ម៉ាលីន ចោទ។\nលោកបន្តថា ការចាប់ខ្លួន យុវជន គង់ រ៉ៃយ៉ា គឺស្របច្បាប់៖ «នេះ មិនមែន ជាការ រឹតត្បិត សិទ្ធិ ទេ»។", "ជិន ម៉ាលីន", ""},
		{"she, past a man named later", "អ្នកស្រី ឌី រិន អះអាងថា គេចាប់ស្វាមី គឺលោក ឡុង ខន ។\nអ្នកស្រីបន្តថា ស្វាមីគ្មានកំហុស៖ «ខ្ញុំ មិន អាច ទទួលយក បាន ទេ»។", "ឌី រិន", ""},
		{"the verb a sentence before", "លោក សោ ចាន់ដេត យល់ថា គេ មិនអាច ធ្វើបាន។\nផ្ទុយទៅវិញ ពលរដ្ឋ ឈប់ គាំទ្រ៖ «ទៅ ធ្វើ ស្អី បាន នៅ ស្រុក គេ»។", "សោ ចាន់ដេត", ""},
		{"a tag after", "«ការ អនុម័ត នេះ នឹង គាំទ្រ គោលនយោបាយ ការបរទេស»។\nលោក កែវ សុផល បញ្ជាក់ដូច្នេះ។", "កែវ សុផល", ""},
		{"according to", "«ប្រទេស នេះ ត្រូវ តែ ផ្លាស់ប្ដូរ ឥឡូវនេះ» នេះបើតាមលោក កែវ សុផល។", "កែវ សុផល", ""},
		{"a noun subject names nobody", "លោក កែវ សុផល មកដល់។\nកំណត់ហេតុបាននិយាយថា«នៅពេល ប្រទេស មាន ទាមទារ ឋានៈ»។", "", ""},
		{"the verb a paragraph before", "លោក សោ ចាន់ដេត យល់ថា គេ មិនអាច ធ្វើបាន។\n\nផ្ទុយទៅវិញ ពលរដ្ឋ ឈប់ គាំទ្រ៖ «ទៅ ធ្វើ ស្អី បាន នៅ ស្រុក គេ»។", "សោ ចាន់ដេត", ""},
		{"a Latin word first, over two paragraphs", "លោក កែវ សុផល បានសរសេរថា « WTO ត្រូវ ចប់ ហើយ។\n\nមិន ត្រូវ មាន រឿង បែប ហ្នឹង ទៀត ទេ!!!»។", "កែវ សុផល", "ហ្នឹង"},
		{"words without spaces", "លោក កែវ សុផល បាននិយាយថា«នៅពេលប្រទេសមានសេដ្ឋកិច្ចមានបំផុតទាមទារឋានៈ»។", "កែវ សុផល", ""},
		{"over two paragraphs", "លោក កែវ សុផល បាននិយាយថា «ខ្ញុំ មិន ព្រម ទេ។\n\nយើង នឹង តស៊ូ ដល់ ទីបញ្ចប់»។", "កែវ សុផល", "តស៊ូ"},
	} {
		t.Run(c.name, func(t *testing.T) {
			qs := Extract(c.text, r.Find(c.text))
			if len(qs) != 1 {
				t.Fatalf("Extract(%q): got %d quotations, want 1: %+v", c.text, len(qs), qs)
			}
			if !strings.Contains(qs[0].Text, c.holds) {
				t.Errorf("Extract(%q) text: got %q, want it to hold %q", c.text, qs[0].Text, c.holds)
			}
			if qs[0].Speaker != c.want {
				t.Errorf("Extract(%q) speaker: got %q, want %q", c.text, qs[0].Speaker, c.want)
			}
		})
	}
}

// TestExtract_khmerTerm keeps a Khmer epithet in quotation marks, a word or
// two, from being taken for words said.
func TestExtract_khmerTerm(t *testing.T) {
	text := "ក្រុមអ្នករិះគន់ចងចាំគាត់ថាជា«មេឃាតករ»នៅទីលាន។"
	if qs := Extract(text, nil); len(qs) != 0 {
		t.Errorf("Extract(%q): got %+v, want no quotation", text, qs)
	}
}
