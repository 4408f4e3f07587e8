package indexer

import (
	"errors"
	"github.com/advosearch/advosearch/corpus"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestText_Paragraphs(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{
			name: "pdf hard breaks re-joined",
			text: "threatened the closure as Prime Minister Hun \nSen threatened the closure of the \nCentre.  \n \nNext paragraph.",
			want: []string{"threatened the closure as Prime Minister Hun Sen threatened the closure of the Centre.", "Next paragraph."},
		},
		{
			name: "word broken by a line end loses its hyphen, a compound keeps it",
			text: "the authorities continue to prosecute the sup-\nporters, and the author-\nities said the two-\nyear plan and the Train-\ning programme and Training were fine.",
			want: []string{"the authorities continue to prosecute the sup-porters, and the authorities said the two-year plan and the Training programme and Training were fine."},
		},
		{
			name: "pdf page numbers and running headers dropped",
			text: "LICADHO Briefing Paper      Restricting Assembly\nThe authorities broke up the\n\n                 Page 1 of 2\n\fLICADHO Briefing Paper      Restricting Assembly\ngathering in Phnom Penh.\n\nLICADHO calls for restraint.\n- 2 -\n",
			want: []string{"The authorities broke up the gathering in Phnom Penh.", "LICADHO calls for restraint."},
		},
		{
			name: "a repeated line without page numbers is the author's",
			text: "Breaking: PM says NGO must close\n\nText.\n\nBreaking: PM says NGO must close\n\n12",
			want: []string{"Breaking: PM says NGO must close", "Text.", "Breaking: PM says NGO must close", "12"},
		},
		{
			name: "paragraph split by a page break",
			text: "CCHR has received global \n\n\n\nrecognition for its work.",
			want: []string{"CCHR has received global recognition for its work."},
		},
		{
			name: "new paragraph after a finished sentence stays apart",
			text: "The trial was postponed.\n\nlower-case start of a new paragraph.",
			want: []string{"The trial was postponed.", "lower-case start of a new paragraph."},
		},
		{
			name: "word hyphenated across lines",
			text: "the Law on Associations and Non-\nGovernmental Organisations and a two-\nyear sentence",
			want: []string{"the Law on Associations and Non-Governmental Organisations and a two-year sentence"},
		},
		{
			name: "list items stay separate",
			text: "call on the government to:\n  • Condemn threats\n  • Release all prisoners\n\nThe end.",
			want: []string{"call on the government to:", "• Condemn threats", "• Release all prisoners", "The end."},
		},
		{
			name: "chrome lines dropped",
			text: "Share on facebook\nShare on twitter\n\nContent image - Phnom Penh Post\nStaffers hold up signs. Photo supplied\n\nDownload the statement\u00a0[PDF]\n\nSubscribe our monthly e-newsletter\n\nThe text.\n\n**\n\nEnds///",
			want: []string{"The text."},
		},
		{
			name: "long line that starts like chrome is text",
			text: "Download speeds fell after the government ordered all internet traffic through a single gateway run by the state-owned operator.",
			want: []string{"Download speeds fell after the government ordered all internet traffic through a single gateway run by the state-owned operator."},
		},
		{
			name: "footnotes at the end are text",
			text: "The law breaks the Covenant.[1]\n\n[1] ICCPR Art. 9\n[2] Ibid",
			want: []string{"The law breaks the Covenant.[1]", "[1] ICCPR Art. 9", "[2] Ibid"},
		},
		{
			name: "related stories after a heading are cut",
			text: "The story.\n\nMOST VIEWED\n\n  • New US bill ‘is a violation’\n\n    After a US congressman introduced a bill",
			want: []string{"The story."},
		},
		{
			name: "trailing tag list dropped",
			text: "The story ends here.\n\nPhoto: U.S. Navy\n\n\n  • Asia\n  • Freedom of expression, association and assembly\n  • Cambodia",
			want: []string{"The story ends here."},
		},
		{
			name: "curly quotes and dashes kept",
			text: "Hun Sen’s “colour revolution” – as before.",
			want: []string{"Hun Sen’s “colour revolution” – as before."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := paragraphs(strings.Split(tt.text, "\n"))
			if !slices.Equal(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestText_Title(t *testing.T) {
	tests := []struct {
		name string
		text string
		want string
	}{
		{
			name: "first line",
			text: " Cambodia: Independent human rights NGO threatened with closure \n  \n\nCambodia’s civil society has taken another hit as the Prime Minister threatened the closure of a human rights NGO.",
			want: "Cambodia: Independent human rights NGO threatened with closure",
		},
		{
			name: "site header above the headline",
			text: "At FORUM-ASIA, we employ a range of strategies to achieve our goals.\n\nWho we work with\n\nMultimedia Stories\npublications\n\nSubscribe our monthly e-newsletter\n\nCambodia: Threat to Close Down Cambodian Center for Human Rights (CCHR)\n\nShare on facebook\n\n(Bangkok, 27 November 2017) – FORUM-ASIA strongly condemns the threat to close the Cambodian Center for Human Rights.",
			want: "Cambodia: Threat to Close Down Cambodian Center for Human Rights (CCHR)",
		},
		{
			name: "no headline: first paragraph, shortened",
			text: strings.Repeat("The authorities must release all detained activists without delay and drop the charges. ", 5),
			want: "The authorities must release all detained activists without delay and drop the charges. The authorities must release…",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x, err := extractText(tt.text)
			if err != nil {
				t.Fatalf("extractText: %v", err)
			}
			if x.title != tt.want {
				t.Errorf("got %q, want %q", x.title, tt.want)
			}
			if strings.HasPrefix(x.body, tt.want) {
				t.Errorf("body starts with the title: %q", x.body)
			}
		})
	}
}

func TestText_ShortTitleKeepsRunes(t *testing.T) {
	khmer := strings.Repeat("សិទ្ធិមនុស្ស", 40) // no spaces to cut at
	got := shortTitle(khmer)
	if !utf8.ValidString(got) || textWidth(got) != maxShortTitle+1 || !strings.HasSuffix(got, "…") {
		t.Errorf("shortTitle: got %q, %d characters seen; want %d and an ellipsis", got, textWidth(got), maxShortTitle+1)
	}
}

func TestText_SubheadingIsNoHeadline(t *testing.T) {
	first := "Cambodia’s courageous and outspoken civil society has taken another serious hit as Prime Minister Hun Sen threatened the closure of the Cambodian Centre for Human Rights, a prominent local human rights organization, on 26 November. Threats of closure will have a chilling effect."
	text := first + "\n\nHun Sen and the closure of the Centre\n\nThe Prime Minister called for the closure of the Centre."
	x, err := extractText(text)
	if err != nil {
		t.Fatalf("extractText: %v", err)
	}
	if x.title == "Hun Sen and the closure of the Centre" {
		t.Errorf("took the subheading for the title")
	}
	if !strings.HasPrefix(x.body, first+"\n\n") {
		t.Errorf("body lost the first paragraph: %q", x.body)
	}
}

func TestText_RepeatedHeadlineLeftOut(t *testing.T) {
	text := "Breaking: PM says NGO ‘must close’\n\nContent image - Phnom Penh Post\n\nBreaking: PM says NGO ‘must close’\n\nPrime Minister Hun Sen says the NGO must close."
	x, err := extractText(text)
	if err != nil {
		t.Fatalf("extractText: %v", err)
	}
	if x.body != "Prime Minister Hun Sen says the NGO must close." {
		t.Errorf("body: got %q", x.body)
	}
	if !slices.Equal(x.siteNames, []string{"Phnom Penh Post"}) {
		t.Errorf("site names: got %q, want [Phnom Penh Post]", x.siteNames)
	}
}

func TestText_DecodeText(t *testing.T) {
	const guessed = "not UTF-8 and no character set declared: read as windows-1252"
	tests := []struct {
		name        string
		in          string
		contentType string
		want        string
		note        string
		wantErr     error
	}{
		{"crlf", "a\r\nb\rc", corpus.TypeText, "a\nb\nc", "", nil},
		{"bom", "\uFEFFtext", corpus.TypeText, "text", "", nil},
		{"latin-1 text", "caf\xe9 au lait \x96 cr\xe8me", corpus.TypeText, "café au lait – crème", guessed, nil},
		{"utf-8 with a stray byte", "café \xff crème", corpus.TypeText, "café \uFFFD crème", "", nil},
		{"declared windows-1252", "<meta charset=\"windows-1252\"><p>Libert\xe9 \x93d\x92expression\x94</p>", corpus.TypeHTML,
			`<meta charset="windows-1252"><p>Liberté “d’expression”</p>`, "", nil},
		{"declared in http-equiv", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><p>S\xe3o Paulo</p>", corpus.TypeHTML,
			`<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>São Paulo</p>`, "", nil},
		{"utf-8 wins over a wrong declaration", `<meta charset="iso-8859-1"><p>Liberté</p>`, corpus.TypeHTML, `<meta charset="iso-8859-1"><p>Liberté</p>`, "", nil},
		{"undeclared html", "<p>Libert\xe9</p>", corpus.TypeHTML, "<p>Liberté</p>", guessed, nil},
		{"nul", "text\x00more", corpus.TypeText, "", "", ErrBinary},
		{"mostly control characters", strings.Repeat("\x01\x02 a", 20), corpus.TypeText, "", "", ErrBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, note, err := decodeText([]byte(tt.in), tt.contentType)
			if !errors.Is(err, tt.wantErr) || got != tt.want || note != tt.note {
				t.Errorf("got %q, %q, %v; want %q, %q, %v", got, note, err, tt.want, tt.note, tt.wantErr)
			}
		})
	}
}

func TestText_StripMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"## Free **Tep Vanny** now", "Free Tep Vanny now"},
		{"Home › Hong Kong\n\n# Hong Kong: civic space repressed", "Home › Hong Kong\n\nHong Kong: civic space repressed"},
		{"Read [the letter](https://x.org/l) and _act_.", "Read the letter and act."},
		{"![banner](b.png)Text", "Text"},
		{"> quoted line", "quoted line"},
		{"snake_case_name stays", "snake_case_name stays"},
		{"---", ""},
		{`{{< banner title="Asi es la vida: Socorro" color="#eee" >}}{{< /banner >}}Text`, "Text"},
		{"{% include footer.html %}Text {{ .Title }}", "Text "},
		{"supporters. <!-- E SF -->\n\nNext<!--\nmore\n-->.", "supporters. \n\nNext."},
		// Raw HTML in a post: block elements end paragraphs, inline ones
		// go, references are decoded, and an attribute is no text.
		{`<p style="text-align: justify;"><strong>Ana Lima</strong></p><p>São&nbsp;Paulo &amp; Rio</p>`, "\n\nAna Lima\n\n\n\nSão\u00a0Paulo & Rio\n\n"},
		{"<em>Da Página</em><br><br/>Texto", "Da Página\n\nTexto"},
		{`<img src="a.jpg" alt="Foto" />Texto de Ola Bini<sup>1</sup>.`, "Texto de Ola Bini 1 ."},
		{"no tag: a < b & c > d", "no tag: a < b & c > d"},
		{"mail <ana@example.org> or <https://x.org>", "mail <ana@example.org> or <https://x.org>"},
	}
	for _, tt := range tests {
		if got := stripMarkdown(tt.in); got != tt.want {
			t.Errorf("stripMarkdown(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestContainsFold(t *testing.T) {
	tests := []struct {
		s, word string
		want    bool
	}{
		{"Staffers hold signs. PHOTO supplied", "photo", true},
		{"Photo: Reuters", "photo", true},
		{"pHoTo", "photo", true},
		{"phot", "photo", false},
		{"", "photo", false},
		{"a photograph", "photo", true},
		{"Image credit", "credit", true},
		{"phóto", "photo", false},
	}
	for _, tt := range tests {
		if got := containsFold(tt.s, tt.word); got != tt.want {
			t.Errorf("containsFold(%q, %q) = %v, want %v", tt.s, tt.word, got, tt.want)
		}
	}
}

func TestCollapseSpace(t *testing.T) {
	for _, s := range []string{"", " ", "a", "a b", " a b", "a b ", "a  b", "a\tb", "a\nb", "a\u00a0b", "a\u2003 b", "Hun Sen’s", "\xff b", "a \xff"} {
		if got, want := collapseSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestFindTitle_skipsSalutationsAndAddresses(t *testing.T) {
	tests := []struct {
		paras []string
		want  int
	}{
		{[]string{"To the Members of the Legislative Council:", "Re: The surveillance bill must be withdrawn", "We write to urge you to withdraw the surveillance bill."}, 1},
		{[]string{"Dear colleagues,", "Joint appeal for the release of jailed journalists", "We appeal for the release of the jailed journalists."}, 1},
		{[]string{"# www.example-news.com", "Strike at the port enters its third week", "The strike at the port entered its third week on Monday."}, 1},
		// A press release's contact lines name the groups the headline
		// names, but carry an e-mail address or a telephone number.
		{[]string{"For Immediate Release", "Harbour Defence Committee: Ana Ruiz, ana@example.org, 555.301.4108", "Port Workers Union: Li Wei, +44 20 7946 0958", "Harbour Defence Committee and Port Workers Union Meet UN Expert", "The Harbour Defence Committee and the Port Workers Union met the UN expert on Friday."}, 3},
	}
	for _, tt := range tests {
		if got := findTitle(tt.paras); got != tt.want {
			t.Errorf("findTitle(%q) = %d, want %d", tt.paras, got, tt.want)
		}
	}
}

// A title's tail is cut as the site's name only when its shape says so: a
// word with a capital inside, a host name, or capitalised words after a
// pipe; a tail that may be the headline's own words stays.
func TestSiteTail(t *testing.T) {
	tests := []struct {
		title string
		want  bool
	}{
		{"Minister defends foreign loans for new roads - MediaKhmer", true},
		{"Minister defends foreign loans for new roads – harbourwatch.org", true},
		{"Minister defends foreign loans for new roads | Harbour Times", true},
		{"រដ្ឋមន្ត្រី ការពារ​ប្រាក់កម្ចីបរទេស សម្រាប់​ផ្លូវ​ថ្មី - MediaKhmer", true},
		{"Ukraine | the war in numbers, four years on", false},
		{"Cambodia - Hun Sen", false},
		{"Court jails activist - McDonald", false},
		{"Talks - OpenDemocracy", false},
		{"Minister defends foreign loans for new roads - Harbour Times", false},
		{"Minister defends foreign loans - and critics reply", false},
	}
	for _, tt := range tests {
		head, site, ok := cutSiteName(tt.title)
		if got := ok && siteTail(tt.title, head, site); got != tt.want {
			t.Errorf("siteTail(%q) = %v, want %v", tt.title, got, tt.want)
		}
	}
}
