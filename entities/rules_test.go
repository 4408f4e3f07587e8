package entities

import (
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// findCase is one text of testdata/find.json and the names found in it:
// a nil list leaves that kind unchecked, an empty one wants none, and the
// not_ lists name what must not be found.
type findCase struct {
	Name      string   `json:"name"`
	Text      string   `json:"text"`
	Orgs      []string `json:"orgs"`
	People    []string `json:"people"`
	Places    []string `json:"places"`
	NotOrgs   []string `json:"not_orgs"`
	NotPeople []string `json:"not_people"`
}

// TestRecognizer_Find reads the names of each text of testdata/find.json
// with the gazetteer and the rules: the tagger's part is measured on the
// gold sets (package indexer), where its margins were tuned.
func TestRecognizer_Find(t *testing.T) {
	r, err := NewRecognizer(nil)
	if err != nil {
		t.Fatalf("NewRecognizer: %v", err)
	}
	data, err := os.ReadFile("testdata/find.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []findCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatalf("testdata/find.json: %v", err)
	}
	if len(cases) == 0 {
		t.Fatal("testdata/find.json holds no cases")
	}
	for _, tt := range cases {
		t.Run(tt.Name, func(t *testing.T) {
			ns := r.Find(tt.Text)
			checkEntities(t, "organizations", ns.Canonical(Org), tt.Orgs, tt.NotOrgs)
			checkEntities(t, "people", ns.Canonical(Person), tt.People, tt.NotPeople)
			checkEntities(t, "places", ns.Canonical(Place), tt.Places, nil)
		})
	}
}

// checkEntities wants exactly the listed names, in order of first mention;
// a nil list leaves the field unchecked, an empty one wants none.
func checkEntities(t *testing.T, field string, got, want, never []string) {
	t.Helper()
	if want != nil && !slices.Equal(got, want) && len(got)+len(want) > 0 {
		t.Errorf("%s: got %q, want %q", field, got, want)
	}
	for _, n := range never {
		if slices.Contains(got, n) {
			t.Errorf("%s: %q is no entity, got %q", field, n, got)
		}
	}
}

func TestRecognizer_CanonicalOrg(t *testing.T) {
	r, err := NewRecognizer(nil)
	if err != nil {
		t.Fatalf("NewRecognizer: %v", err)
	}
	tests := []struct{ in, want string }{
		{"LICADHO", "Cambodian League for the Promotion and Defense of Human Rights"},
		{"Forum Asia", "FORUM-ASIA"},
		{"forum-asia.org", "FORUM-ASIA"},
		{"Cambodian People’s Party", "Cambodian People's Party"},
		{"Some New Group", "Some New Group"},
	}
	for _, tt := range tests {
		if got := r.CanonicalOrg(tt.in); got != tt.want {
			t.Errorf("CanonicalOrg(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
	if org, ok := r.KnownOrg("www.amnesty.org"); !ok || org != "Amnesty International" {
		t.Errorf("KnownOrg(www.amnesty.org): got %q, %v", org, ok)
	}
}

// FuzzRuleTokens checks the hand-written tokenizer against the regexps it
// stands in for: words as wordRe finds them, less a leading French elision
// as elisionRe finds it.
func FuzzRuleTokens(f *testing.F) {
	wordRe := regexp.MustCompile(`(?:\p{Lu}\.){2,}|[\pL\pN]+(?:['’][\pL\pN]+|[‐‑-][\p{Lu}\pN][\pL\pN]*)*`)
	elisionRe := regexp.MustCompile(`^(?:[LlDdJjNnSsCc]|[Qq]u)['’]`)
	for _, s := range []string{
		"The U.S. and U.N. (FORUM‐ASIA, Anti-Corruption Unit) met in Tokyo-based Hun Sen-led O'Neill’s talks.",
		"l’Union européenne, d’Amnesty, qu’il, L'ONU, d'", "A.B.cde U.S U.S.A. É.U. x-1 x-é 1‑2 People’s'",
		"Ünïcödé ٣٤ ⅫⅪ ǅ Ǆ ᾈ \xff\xfe abc’", "a'' b'-C c--D e’’s",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var want []ruleToken
		for _, l := range wordRe.FindAllStringIndex(text, -1) {
			if m := elisionRe.FindStringIndex(text[l[0]:l[1]]); m != nil && l[0]+m[1] < l[1] {
				l[0] += m[1]
			}
			key := punctuationFolder.Replace(text[l[0]:l[1]])
			possessive := false
			if k, ok := strings.CutSuffix(key, "'s"); ok && k != "" {
				key, possessive = k, true
			}
			want = append(want, ruleToken{key: key, lower: strings.ToLower(key), start: l[0], end: l[1], possessive: possessive})
		}
		if got := ruleTokens(text); !slices.Equal(got, want) {
			t.Errorf("ruleTokens(%q)\n got %v\nwant %v", text, got, want)
		}
	})
}

func TestIsTitle(t *testing.T) {
	tests := []struct {
		w    string
		want bool
	}{
		{"Mr", true},
		{"Mr.", true},
		{"Minister", true},
		{"Deputy", true},  // a title, though too common to introduce a name
		{"Samdech", true}, // a Khmer honorific
		{"MR", false},     // written in capitals: a heading or an acronym
		{"mr", false},     // lower case: running text
		{"M", false},      // the French "M." introduces a surname, but one letter is no title here
		{"Said", false},   // introduces a name, but is no title
		{"Brooks", false}, // a name
		{"", false},
	}
	for _, tt := range tests {
		if got := IsTitle(tt.w); got != tt.want {
			t.Errorf("IsTitle(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
}

func TestIsHonorific(t *testing.T) {
	for _, w := range []string{"Ms", "Dr", "M", "Mme", "Samdech"} {
		if !isHonorific(w) {
			t.Errorf("isHonorific(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"MS", "ms", "Minister", "Said", ""} {
		if isHonorific(w) {
			t.Errorf("isHonorific(%q) = true, want false", w)
		}
	}
}

func TestMayBeCredit(t *testing.T) {
	tests := []struct {
		before string
		want   bool
	}{
		{"Photo: ", true},
		{"PHOTO BY ", true},
		{"the image ", true},
		{"Credit: ", true},
		{"© ", true},
		{"— Screengrab from ", true},
		{"said on 3 May ", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := mayBeCredit(tt.before); got != tt.want {
			t.Errorf("mayBeCredit(%q) = %v, want %v", tt.before, got, tt.want)
		}
	}
}

// TestRecognizer_Find_shortNameOnce: a surname after an honorific ("Mr
// Assange") is one mention of the full name, not two at the same place.
func TestRecognizer_Find_shortNameOnce(t *testing.T) {
	r, err := NewRecognizer(nil)
	if err != nil {
		t.Fatalf("NewRecognizer: %v", err)
	}
	text := "The activist Julian Assange spoke. Mr Assange left."
	at := strings.Index(text, "Assange left")
	n := 0
	for _, m := range r.Find(text) {
		if m.Start == at {
			n++
			if m.Canonical != "Julian Assange" {
				t.Errorf("Mr Assange: got %q, want %q", m.Canonical, "Julian Assange")
			}
		}
	}
	if n != 1 {
		t.Errorf("Mr Assange: %d mentions, want 1", n)
	}
}

// TestRecognizer_Find_articleOpensNoPerson: with the tagger, a French or
// Spanish article opens a place or a title, never a person's name.
func TestRecognizer_Find_articleOpensNoPerson(t *testing.T) {
	r := taggerRecognizer(t)
	for _, text := range []string{
		"La Paz - Le ministre a démissionné vendredi après les manifestations de la veille.",
		"El Principito es un libro que Los Angeles Times recomienda, dijo el autor.",
	} {
		for _, p := range r.Find(text).Canonical(Person) {
			for _, a := range []string{"La ", "Le ", "El ", "Los "} {
				if strings.HasPrefix(p, a) {
					t.Errorf("%q: person %q", text, p)
				}
			}
		}
	}
}
