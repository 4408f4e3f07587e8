package entities

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestRecognizer_Find(t *testing.T) {
	r, err := NewRecognizer(nil)
	if err != nil {
		t.Fatalf("NewRecognizer: %v", err)
	}
	tests := []struct {
		name                 string
		text                 string
		orgs, people, places []string
		notOrgs, notPeople   []string
	}{
		{
			name:    "aliases and spelling variants resolve to one canonical name",
			text:    "The Cambodian Centre for Human Rights (CCHR) said CCHR and the Cambodian Center for Human Rights are one.",
			orgs:    []string{"Cambodian Center for Human Rights"},
			notOrgs: []string{"CCHR", "Cambodian Centre for Human Rights"},
		},
		{
			name:      "typographic hyphen and possessive",
			text:      "The Asian Forum for Human Rights and Development (FORUM\u2010ASIA) condemns Hun Sen’s threat; FORUM-ASIA’s call stands.",
			orgs:      []string{"FORUM-ASIA"},
			people:    []string{"Hun Sen"},
			notPeople: []string{"Hun Sen’s"},
		},
		{
			name:    "acronym defined in the text links to the gazetteer name",
			text:    "Members of the Cambodian People’s Party (CCP) met. The CCP denied it.",
			orgs:    []string{"Cambodian People's Party"},
			notOrgs: []string{"CCP"},
		},
		{
			name:    "acronym of an unknown organization",
			text:    "The Cambodian Youth Network (CYN) reported it. CYN said so.",
			orgs:    []string{"Cambodian Youth Network"},
			notOrgs: []string{"CYN"},
		},
		{
			name:    "acronym of a law is no organization",
			text:    "The Law on Trade Unions and Associations Organisations (LTUAO) was passed.",
			notOrgs: []string{"Law on Trade Unions and Associations Organisations", "LTUAO"},
		},
		{
			name:      "titles stripped, surname resolved",
			text:      "Prime Minister Hun Sen spoke. ISHR advocate Sarah M Brooks replied. Later Ms Brooks added more, and Mr Nobody nothing.",
			people:    []string{"Hun Sen", "Sarah M Brooks"},
			notPeople: []string{"Prime Minister Hun Sen", "Brooks", "Ms Brooks", "Nobody"},
		},
		{
			name:   "list after a role word",
			text:   "The ACU summoned four ADHOC staff members – Lim Mony, Nay Vanda, Ny Sokha and Yi Soksan – as well as UN official Soen Sally.",
			people: []string{"Lim Mony", "Nay Vanda", "Ny Sokha", "Yi Soksan", "Soen Sally"},
		},
		{
			name:   "list after a verb",
			text:   "Immediately release Ny Sokha, Nay Vanda, Yi Soksan, Lim Mony, and Ny Chakrya and drop all charges.",
			people: []string{"Ny Sokha", "Nay Vanda", "Yi Soksan", "Lim Mony", "Ny Chakrya"},
		},
		{
			name:      "role word before a lower-case word or an organization finds no one",
			text:      "Activists in Phnom Penh met human rights defenders from Amnesty International. Share this. Photo: Reuters. MOST VIEWED",
			orgs:      []string{"Amnesty International"},
			places:    []string{"Phnom Penh"},
			notPeople: []string{"Amnesty International", "Share", "Photo", "Reuters", "MOST VIEWED"},
		},
		{
			name:   "US as a country but not as a currency",
			text:   "ADHOC gave her US $204. He received advice from the US and the U.S. government.",
			places: []string{"United States"},
		},
		{
			name:    "currency only",
			text:    "ADHOC gave Khom Chandaraty US $204 for expenses.",
			people:  []string{"Khom Chandaraty"},
			notOrgs: []string{"US"},
		},
		{
			name: "places inside names are not places",
			text: "Article 15 of the Paris Peace Accords binds the Phnom Penh Post and the Cambodia National Rescue Party.",
			orgs: []string{"Phnom Penh Post", "Cambodia National Rescue Party"},
		},
		{
			name:   "hyphenated place",
			text:   "Human Rights Now, a Tokyo-based NGO, spoke.",
			orgs:   []string{"Human Rights Now"},
			places: []string{"Tokyo"},
		},
		{
			name:   "lower-case running text is no name",
			text:   "We must defend human rights now and amnesty international law.",
			orgs:   []string{},
			people: []string{},
			places: []string{},
		},
		{
			name:   "organization by its head word takes in the place it starts with",
			text:   "The Phnom Penh Municipal Court charged them. Thai Lawyers for Human Rights and the Uyghur Rights Project objected.",
			orgs:   []string{"Phnom Penh Municipal Court", "Thai Lawyers for Human Rights", "Uyghur Rights Project"},
			places: []string{},
		},
		{
			name: "head word followed by of-phrases",
			text: "The Ministry of Public Security and the Free Trade Union of Workers of the Kingdom of Cambodia met.",
			orgs: []string{"Ministry of Public Security", "Free Trade Union of Workers of the Kingdom of Cambodia"},
		},
		{
			name:    "laws, headings and lone heads are no organizations",
			text:    "Restricting Assembly: a report\n\nThe Law on Peaceful Assembly and the Trade Union Law apply. The Council met.",
			orgs:    []string{},
			notOrgs: []string{"Restricting Assembly", "Peaceful Assembly", "Trade Union", "Council"},
		},
		{
			name:   "national institutions take the country the text is about",
			text:   "Protesters gathered outside the National Assembly in Bangkok. Thailand must act; Thailand's Senate agreed.",
			orgs:   []string{"National Assembly of Thailand", "Senate of Thailand"},
			places: []string{"Bangkok", "Thailand"},
		},
		{
			name: "of-form of the country",
			text: "The Senate of the Philippines voted. The Philippines' president objected; the Philippines is a party.",
			orgs: []string{"Senate of the Philippines"},
		},
		{
			name: "without a country the institution keeps its bare name",
			text: "The National Assembly voted.",
			orgs: []string{"National Assembly"},
		},
		{
			name: "every country has one government",
			text: "Bangladesh authorities arrested him. The Government of Nepal and the Nepal Government are one; so are the Government of Cambodia and the Cambodian authorities.",
			orgs: []string{"Government of Bangladesh", "Government of Nepal", "Royal Government of Cambodia"},
		},
		{
			name:    "UN prefix belongs to the mechanism",
			text:    "The UN Special Rapporteur on trafficking in persons and the UN Working Group on Arbitrary Detention wrote.",
			orgs:    []string{"Special Rapporteur on trafficking in persons", "UN Working Group on Arbitrary Detention"},
			notOrgs: []string{"United Nations"},
		},
		{
			name:   "places by the word after them, cities by City",
			text:   "Interns in Gifu and Hiroshima prefectures and in Quezon City lost their jobs; in Kampong Speu province too.",
			places: []string{"Gifu", "Hiroshima", "Quezon City", "Kampong Speu"},
		},
		{
			name:   "people after verbs of speech and reporting",
			text:   "“It must stop,” said Phil Robertson. Reporting by Prak Chan Thul; Editing by Robert Birsel. Please contact Naly Pilorge.",
			people: []string{"Phil Robertson", "Prak Chan Thul", "Robert Birsel", "Naly Pilorge"},
		},
		{
			name:   "appositive after a role or an organization",
			text:   "The President of the Human Rights Council, Coly Seck, replied. China's ambassador in Geneva, Chen Xu, disagreed.",
			people: []string{"Coly Seck", "Chen Xu"},
		},
		{
			name:      "a comma list of places is no appositive",
			text:      "Staff in Da Nang, Hoi An and Hue, New Town, were told.",
			people:    []string{},
			notPeople: []string{"Da Nang", "Hoi An", "New Town"},
		},
		{
			name:      "hyphenated lower-case parts of names",
			text:      "Activist Chow Hang-tung was charged. The Hun Sen-led government denied it.",
			people:    []string{"Chow Hang-tung", "Hun Sen"},
			notPeople: []string{"Hun Sen-led"},
		},
		{
			name:    "photo credits are no mentions",
			text:    "Photo: Reuters. Photo by Human Rights Watch.",
			orgs:    []string{},
			notOrgs: []string{"Reuters", "Human Rights Watch"},
		},
		{
			name:   "French: elision, lower-case aliases, places",
			text:   "Paris, le 4 septembre 2018 – L’Union européenne et les autorités cambodgiennes, a déclaré Dimitris Christopoulos à Genève.",
			orgs:   []string{"European Union", "Royal Government of Cambodia"},
			people: []string{"Dimitris Christopoulos"},
			places: []string{"Paris", "Geneva"},
		},
		{
			name:    "places in capitals, acronyms only as written",
			text:    "GENEVA (23 March 2017) – PHILIPPINES: ARTICLE 19 said Article 19 of the Covenant applies.",
			orgs:    []string{"ARTICLE 19"},
			places:  []string{"Geneva", "Philippines"},
			notOrgs: []string{"Article 19"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ns := r.Find(tt.text)
			checkEntities(t, "organizations", ns.Canonical(Org), tt.orgs, tt.notOrgs)
			checkEntities(t, "people", ns.Canonical(Person), tt.people, tt.notPeople)
			checkEntities(t, "places", ns.Canonical(Place), tt.places, nil)
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
		{"said on 3 May ", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := mayBeCredit(tt.before); got != tt.want {
			t.Errorf("mayBeCredit(%q) = %v, want %v", tt.before, got, tt.want)
		}
	}
}
