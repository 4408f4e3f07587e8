package entities

import (
	"slices"
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
