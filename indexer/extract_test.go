package indexer_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/advosearch/advosearch/corpus"
	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/indexer"
)

// seedGold is the hand-labelled truth for one seed statement, written from
// the seed text in testdata/seeds.json.
type seedGold struct {
	ID            string   `json:"id"`
	Title         string   `json:"title"`
	Source        string   `json:"source"`
	Published     *string  `json:"published"`
	Lang          string   `json:"lang"`
	DatesInclude  []string `json:"dates_include"`
	DatesExclude  []string `json:"dates_exclude"`
	Organizations []string `json:"organizations"`
	People        []string `json:"people"`
	Places        []string `json:"places"`
	NotEntities   []string `json:"not_entities"`
	BodyContains  []string `json:"body_contains"`
	BodyExcludes  []string `json:"body_excludes"`
}

func newExtractor(t testing.TB) *indexer.Extractor {
	t.Helper()
	e, err := indexer.NewExtractor()
	if err != nil {
		t.Fatalf("NewExtractor: %v", err)
	}
	return e
}

func day(t testing.TB, s string) time.Time {
	t.Helper()
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		t.Fatalf("bad date %q in test data: %v", s, err)
	}
	return d
}

func TestExtract_Seeds(t *testing.T) {
	raw, err := os.ReadFile("testdata/seeds.json")
	if err != nil {
		t.Fatal(err)
	}
	var gold []seedGold
	if err := json.Unmarshal(raw, &gold); err != nil {
		t.Fatalf("testdata/seeds.json: %v", err)
	}
	docs, err := corpus.Seeds()
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != len(gold) {
		t.Fatalf("got %d seeds, gold has %d", len(docs), len(gold))
	}
	e := newExtractor(t)
	for i, doc := range docs {
		g := gold[i]
		t.Run(g.ID, func(t *testing.T) {
			if doc.ID != g.ID {
				t.Fatalf("seed %d is %s, gold is for %s", i, doc.ID, g.ID)
			}
			st, _, err := e.Extract(doc)
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			checkSeed(t, st, g)
		})
	}
}

func checkSeed(t *testing.T, st index.Statement, g seedGold) {
	t.Helper()
	if st.Title != g.Title {
		t.Errorf("title: got %q, want %q", st.Title, g.Title)
	}
	if st.Source != g.Source {
		t.Errorf("source: got %q, want %q", st.Source, g.Source)
	}
	if st.Lang != g.Lang {
		t.Errorf("lang: got %q, want %q", st.Lang, g.Lang)
	}
	switch {
	case g.Published == nil && !st.Published.IsZero():
		t.Errorf("published: got %v, want none (the text does not state it)", st.Published)
	case g.Published != nil && !st.Published.Equal(day(t, *g.Published)):
		t.Errorf("published: got %v, want %s", st.Published, *g.Published)
	}
	for _, d := range g.DatesInclude {
		if !slices.ContainsFunc(st.Dates, day(t, d).Equal) {
			t.Errorf("dates: %s missing from %v", d, st.Dates)
		}
	}
	for _, d := range g.DatesExclude {
		if slices.ContainsFunc(st.Dates, day(t, d).Equal) {
			t.Errorf("dates: %s is not in the text but was found: %v", d, st.Dates)
		}
	}
	checkNames(t, "organizations", st.Organizations, g.Organizations)
	checkNames(t, "people", st.People, g.People)
	checkNames(t, "places", st.Places, g.Places)
	all := slices.Concat(st.Organizations, st.People, st.Places)
	for _, bad := range g.NotEntities {
		if slices.Contains(all, bad) {
			t.Errorf("%q is not an entity, found in %q", bad, all)
		}
	}
	for _, want := range g.BodyContains {
		if !strings.Contains(st.Body, want) {
			t.Errorf("body lacks %q", want)
		}
	}
	for _, bad := range g.BodyExcludes {
		if strings.Contains(st.Body, bad) {
			t.Errorf("body holds chrome %q", bad)
		}
	}
}

// checkNames wants every gold name, and each found name once.
func checkNames(t *testing.T, field string, got, want []string) {
	t.Helper()
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("%s: %q missing from %q", field, w, got)
		}
	}
	seen := map[string]bool{}
	for _, n := range got {
		if seen[n] {
			t.Errorf("%s: %q listed twice in %q", field, n, got)
		}
		seen[n] = true
	}
}

func TestExtract_BadInput(t *testing.T) {
	e := newExtractor(t)
	tests := []struct {
		name        string
		contentType string
		body        []byte
		want        error
	}{
		{"nul bytes", corpus.TypeText, []byte("PK\x03\x04\x00\x00 statement"), indexer.ErrBinary},
		{"control characters", corpus.TypeText, []byte(strings.Repeat("\x01\x02\x03ab", 50)), indexer.ErrBinary},
		{"empty html", corpus.TypeHTML, []byte("<html><head></head><body>  </body></html>"), indexer.ErrEmpty},
		{"html of chrome only", corpus.TypeHTML, []byte("<body><nav>Home | About</nav><footer>© 2020</footer></body>"), indexer.ErrEmpty},
		{"empty text", corpus.TypeText, []byte(" \n\n \t\n"), indexer.ErrEmpty},
		{"bad jsonl", corpus.TypeJSONL, []byte(`{"title": "x", "body": `), indexer.ErrMalformedRecord},
		{"jsonl not an object", corpus.TypeJSONL, []byte(`["a", "b"]`), indexer.ErrMalformedRecord},
		{"jsonl bad date", corpus.TypeJSONL, []byte(`{"body": "Amnesty International urges the release of activists.", "published": "last Tuesday"}`), indexer.ErrMalformedRecord},
		{"jsonl without text", corpus.TypeJSONL, []byte(`{"title": "only a title"}`), indexer.ErrEmpty},
		{"jsonl with binary body", corpus.TypeJSONL, []byte(`{"body": "PK\u0003\u0004\u0000\u0000"}`), indexer.ErrBinary},
		{"unknown type", "image/png", []byte("\x89PNG"), indexer.ErrUnknownType},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := e.Extract(corpus.Document{ID: "bad", ContentType: tt.contentType, Body: tt.body})
			if !errors.Is(err, tt.want) {
				t.Fatalf("got error %v, want %v", err, tt.want)
			}
			if !strings.HasPrefix(err.Error(), "indexer: extract bad: ") {
				t.Errorf("error %q does not say what failed on which document", err)
			}
		})
	}
}

func TestExtract_characterSets(t *testing.T) {
	e := newExtractor(t)
	body := []byte("Amnesty International urges the release of Tep Vanny\n\nThe activist was jailed in 2016 \xff for a protest in Phnom Penh’s Boeung Kak.")
	st, note, err := e.Extract(corpus.Document{ID: "utf8", ContentType: corpus.TypeText, Body: body})
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	if !strings.Contains(st.Body, "2016 \uFFFD for a protest") || note != "" {
		t.Errorf("body %q, note %q: a stray byte in UTF-8 text not replaced by U+FFFD", st.Body, note)
	}
	if st.Title != "Amnesty International urges the release of Tep Vanny" {
		t.Errorf("title: got %q", st.Title)
	}

	// Text in windows-1252, as Word exports it: read as such, and said.
	latin := []byte("D\xe9claration de la FIDH\n\nLa FIDH d\xe9nonce l\x92arrestation de d\xe9fenseurs \x96 \xab lib\xe9rez-les \xbb.")
	st, note, err = e.Extract(corpus.Document{ID: "latin", ContentType: corpus.TypeText, Body: latin})
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	if st.Title != "Déclaration de la FIDH" || !strings.Contains(st.Body, "dénonce l’arrestation de défenseurs – « libérez-les »") {
		t.Errorf("title %q body %q: windows-1252 not decoded", st.Title, st.Body)
	}
	if !strings.Contains(note, "windows-1252") {
		t.Errorf("note %q, want one saying the text was read as windows-1252", note)
	}

	line := []byte("{\"title\": \"Caf\xe9 statement\", \"body\": \"Human Rights Watch urges the release of all detained activists.\"}")
	st, _, err = e.Extract(corpus.Document{ID: "utf8-jsonl", ContentType: corpus.TypeJSONL, Body: line})
	if err != nil {
		t.Fatalf("Extract JSONL: %v", err)
	}
	if st.Title != "Caf\uFFFD statement" {
		t.Errorf("JSONL title: got %q, want the invalid byte replaced by U+FFFD", st.Title)
	}
}

func TestExtract_DeeplyNestedHTML(t *testing.T) {
	e := newExtractor(t)
	nested := func(depth int) []byte {
		return []byte("<html><body>" + strings.Repeat("<div>", depth) +
			"<p>Human Rights Watch urges the release of detained journalists in Cambodia.</p>" +
			strings.Repeat("</div>", depth) + "</body></html>")
	}
	t.Run("deep but parseable", func(t *testing.T) {
		st, _, err := e.Extract(corpus.Document{ID: "deep", ContentType: corpus.TypeHTML, Body: nested(400)})
		if err != nil {
			t.Fatalf("Extract: %v", err)
		}
		if !strings.Contains(st.Title+st.Body, "urges the release of detained journalists") {
			t.Errorf("text lost: title %q, body %q", st.Title, st.Body)
		}
	})
	t.Run("deeper than the parser allows", func(t *testing.T) {
		_, _, err := e.Extract(corpus.Document{ID: "deep", ContentType: corpus.TypeHTML, Body: nested(20000)})
		if !errors.Is(err, indexer.ErrMalformedHTML) {
			t.Fatalf("got error %v, want %v", err, indexer.ErrMalformedHTML)
		}
	})
}

func TestExtract_JSONL(t *testing.T) {
	e := newExtractor(t)
	tests := []struct {
		name string
		line string
		want index.Statement
	}{
		{
			name: "record fields win",
			line: `{"title": "Given title", "body": "(Geneva, 3 May 2019) – ISHR calls for the release of Tep Vanny.\n\nShe was jailed in Phnom Penh.", "url": "https://ishr.ch/x", "source": "ISHR", "published": "2019-05-04"}`,
			want: index.Statement{Title: "Given title", URL: "https://ishr.ch/x", Source: "International Service for Human Rights", Published: day(t, "2019-05-04")},
		},
		{
			name: "html goes through the page extractor",
			line: `{"html": "<html><head><meta property=\"og:site_name\" content=\"Human Rights Watch\"><title>Cambodia: Free Kem Sokha</title></head><body><nav>Menu</nav><article><p>June 8, 2018</p><p>The authorities should drop the treason case against Kem Sokha.</p></article></body></html>"}`,
			want: index.Statement{Title: "Cambodia: Free Kem Sokha", Source: "Human Rights Watch", Published: day(t, "2018-06-08")},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, _, err := e.Extract(corpus.Document{ID: "rec", ContentType: corpus.TypeJSONL, Body: []byte(tt.line)})
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			if st.Title != tt.want.Title || st.URL != tt.want.URL || st.Source != tt.want.Source || !st.Published.Equal(tt.want.Published) {
				t.Errorf("got title %q url %q source %q published %v,\nwant title %q url %q source %q published %v",
					st.Title, st.URL, st.Source, st.Published, tt.want.Title, tt.want.URL, tt.want.Source, tt.want.Published)
			}
			if strings.Contains(st.Body, "Menu") {
				t.Errorf("body holds navigation: %q", st.Body)
			}
		})
	}
}

func TestExtract_Markdown(t *testing.T) {
	e := newExtractor(t)
	md := "# Cambodia: **Free** the ADHOC Five\n\n" +
		"*June 8, 2016*\n\n" +
		"Human Rights Now [urges](https://hrn.or.jp/x) the release of the five human rights defenders held in Phnom Penh.\n\n" +
		"![photo](img.jpg)\n\n" +
		"- Drop all charges against the defenders\n- Respect the right to freedom of association\n"
	st, _, err := e.Extract(corpus.Document{ID: "md", ContentType: corpus.TypeMD, Body: []byte(md)})
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	if st.Title != "Cambodia: Free the ADHOC Five" {
		t.Errorf("title: got %q", st.Title)
	}
	if !st.Published.Equal(day(t, "2016-06-08")) {
		t.Errorf("published: got %v, want 2016-06-08", st.Published)
	}
	if !strings.Contains(st.Body, "Human Rights Now urges the release") {
		t.Errorf("link markup left in body %q", st.Body)
	}
	for _, markup := range []string{"**", "](", "![", "*June"} {
		if strings.Contains(st.Body, markup) {
			t.Errorf("markup %q left in body %q", markup, st.Body)
		}
	}
	if st.Source != "Human Rights Now" {
		t.Errorf("source: got %q, want Human Rights Now", st.Source)
	}
}

func TestExtract_Lang(t *testing.T) {
	e := newExtractor(t)
	tests := []struct {
		name, text, want string
	}{
		{"english", "Cambodia: NGO threatened\n\nThe authorities must stop the harassment of human rights defenders and release all detained activists immediately.", "en"},
		{"french", "Cambodge : une ONG menacée\n\nLes autorités doivent cesser le harcèlement des défenseurs des droits humains et libérer immédiatement tous les militants détenus.", "fr"},
		{"khmer", "សេចក្តីថ្លែងការណ៍\n\nសិទ្ធិមនុស្ស", "km"},
		{"too short", "Statement\n\nRelease them", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, _, err := e.Extract(corpus.Document{ID: "lang", ContentType: corpus.TypeText, Body: []byte(tt.text)})
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			if st.Lang != tt.want {
				t.Errorf("lang: got %q, want %q", st.Lang, tt.want)
			}
		})
	}
}

// A plain-text statement's header: the headline, then a date line right
// under it with no blank line between, in the many ways people write one.
// The date line is the publication date and never the end of the title; a
// photo caption above the headline is never the title; a publisher before
// the date is the source.
// TestExtract_recordBodyKeptWhole: a JSONL record that names its title
// keeps all of its body; no paragraph of it is taken for a headline and
// cut with what stands above it (a phrase search lost a statement so).
func TestExtract_recordBodyKeptWhole(t *testing.T) {
	e := newExtractor(t)
	first := "This is not the first time the police have charged activists. Villagers were detained in the early morning. The lawyers have appealed."
	rec, err := json.Marshal(corpus.Record{
		Title: "Siem Reap: villagers detained",
		Body:  first + "\n\nThe court has not set a date\n\nThe families asked for the release of all those held, their lawyers said.",
	})
	if err != nil {
		t.Fatal(err)
	}
	st, _, err := e.Extract(corpus.Document{ID: "r", ContentType: corpus.TypeJSONL, Body: rec})
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	if st.Title != "Siem Reap: villagers detained" || !strings.HasPrefix(st.Body, first+"\n\n") || !strings.Contains(st.Body, "The court has not set a date") {
		t.Errorf("title %q, body %q: want the record's title and its whole body", st.Title, st.Body)
	}
}

// TestExtract_creditLines: a line crediting the publisher, at the top or
// the foot of the text, names the source when nothing else does.
func TestExtract_creditLines(t *testing.T) {
	e := newExtractor(t)
	const story = "The activist was killed outside his home on Tuesday, his colleagues said. Nobody has been arrested for the killing so far.\n\n"
	for _, tt := range []struct{ name, text, source string }{
		{"page of", "Brasil: militante assassinado\n\nDa Página do Coletivo Terra Livre\n\n" + story, "Coletivo Terra Livre"},
		{"source label at the foot", "Activist killed in Nairobi\n\n" + story + "Source: Haki Rights Centre", "Haki Rights Centre"},
		{"newspaper before its reporter", "Asesinan a activista\n\nLa Gaceta del Sur/MARÍA LÓPEZ\n\n" + story, "La Gaceta del Sur"},
		{"first published on", "Activist killed\n\n" + story + "This article was first published on Rights Monitor on 8 December 2021.", "Rights Monitor"},
		{"a source that is no name", "Activist killed\n\n" + story + "Source: interviews with the family.", ""},
		// A scraper's header block, whose fields Markdown runs together.
		{"publisher field", "Activist killed\n\nCategory: World\n\nPublisher: Harbour Times\n\n" + story, "Harbour Times"},
		{"publisher field run together with others", "Activist killed\n\nCategory: World Source: https://example.org/news/2026/01/10/3 Publisher: Harbour Times Authors: Ana Ruiz\n\n" + story, "Harbour Times"},
		{"a copy published via another site", "Activist killed\n\nPublisher: Rights Wire via Harbour Times\n\n" + story, "Harbour Times"},
		{"a wire dateline", "Activists detained\n\nHARARE, March 12 (Harbour Wire) - " + story, "Harbour Wire"},
		{"a bracket in a sentence is no dateline", "Activists detained\n\nThe lawyers said (Harbour Wire) - " + story, ""},
		{"a publisher's byline with its time stamp", "Activist killed\n\nHarbour Daily Times / 05:08 AM July 25, 2025\n\n" + story, "Harbour Daily Times"},
		{"a slash before no date names no publisher", "Activist killed\n\nHarbour Daily Times / Opinion and Analysis\n\n" + story, ""},
		{"a remark in brackets after the publisher", "Activist killed\n\nPublisher: Harbour Times (citing Rights Wire)\n\n" + story, "Harbour Times"},
		// A publication names itself: "as X went to press", a letter to
		// the editor. A letter to a person, an office or a body, and a
		// paper someone "told", name no source.
		{"went to press", "Dockers strike\n\n" + story + "As Harbour Worker went to press, the union was demanding a raise.\n\n" + story, "Harbour Worker"},
		{"went to press, with the", "Dockers strike\n\n" + story + "The strike was still on as the Coastal Herald went to press.", "Coastal Herald"},
		{"a letter to the editor", "Should we eat stones?\n\nDear Harbour Worker,\n\n" + story, "Harbour Worker"},
		{"a letter to an office", "Open letter on the killing\n\nDear Prime Minister,\n\n" + story, ""},
		{"a letter to a body", "Open letter on the killing\n\nDear Members of the Harbour Council,\n\n" + story, ""},
		{"told a paper", "Activist killed\n\n" + story + "“We are afraid,” his brother told the Coastal Herald.", ""},
		// The foot of a press release: a signature, the boilerplate
		// about the issuer, a copyright line; a list of signatories
		// signs nothing.
		{"a signature after a dash", "Activist killed\n\n" + story + story + story + "— Harbour Freedom Network", "Harbour Freedom Network"},
		{"a signature alone under the text", "Activist killed\n\n" + story + story + story + "Harbour Freedom Network", "Harbour Freedom Network"},
		{"the last of a list of signatories", "Joint letter on the killing\n\n" + story + story + "Signed:\n\nHarbour Freedom Network\n\nCoastal Rights Centre", ""},
		{"boilerplate about the issuer", "Activist killed\n\n" + story + story + story + "Harbour Freedom Network (HFN) is an independent organisation defending rights in the region.", "Harbour Freedom Network"},
		{"French boilerplate", "Militant tué\n\n" + story + story + story + "Le Réseau Harbour Liberté est une organisation indépendante.", "Réseau Harbour Liberté"},
		{"a copyright line with all rights reserved", "Activist killed\n\n" + story + "© 2024 Harbour Freedom Network. All rights reserved.", "Harbour Freedom Network"},
		// A letterhead beside a release label, on its line, after a
		// separator or before it.
		{"a letterhead over a label", "Harbour Freedom Network\nPress release\n\nActivist killed\n\n" + story + story, "Harbour Freedom Network"},
		{"a letterhead and a label after a pipe", "Harbour Freedom Network | Press release\n\nActivist killed\n\n" + story + story, "Harbour Freedom Network"},
		{"a label and a letterhead after a dash", "Press release – Harbour Freedom Network\n\nActivist killed\n\n" + story + story, "Harbour Freedom Network"},
		{"a copyright line with the year after the name", "Activist killed\n\n" + story + "© Harbour Freedom Network 2024", "Harbour Freedom Network"},
		// A credit that gives the publisher's address: the site's host,
		// or the organization the gazetteer knows by it.
		{"a source label with an address", "Activista asesinado\n\n" + story + "Fuente: https://www.harbourdaily.com/el-drama/", "harbourdaily.com"},
		{"a source label with a known site's address", "Activist killed\n\n" + story + "Source: https://www.voanews.com/a/activist-killed/123.html", "Voice of America"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			st, _, err := e.Extract(corpus.Document{ID: "c", ContentType: corpus.TypeText, Body: []byte(tt.text)})
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			if st.Source != tt.source {
				t.Errorf("source %q, want %q", st.Source, tt.source)
			}
		})
	}
}

// TestExtract_authorField: a front matter author that is an organization
// names the source: an acronym, or a site's handle in small letters that
// spells the initials of a name the text prints; a person's name, a
// newsroom credit or a handle spelling nothing names none.
func TestExtract_authorField(t *testing.T) {
	e := newExtractor(t)
	const story = "---\ntitle: Statement on the arrest of a publisher\n%s\n---\n\"We do not support detention without due process,\" said Harbour Freedom Network Chair Lena Brook on Monday.\n"
	for _, tt := range []struct{ name, field, source string }{
		{"a handle in a list", "authors: [hfn]", "Harbour Freedom Network"},
		{"a handle", "author: hfn", "Harbour Freedom Network"},
		{"a handle spelling nothing printed", "author: xyz", ""},
		{"a person", "author: Lena Brook", ""},
		{"a publication's name, with its article", "author: La Gaceta del Puerto", "La Gaceta del Puerto"},
		{"a publication's name in English", "author: The Harbour Times", "The Harbour Times"},
		{"a newsroom credit", "author: Staff Writer", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			text := fmt.Sprintf(story, tt.field)
			st, _, err := e.Extract(corpus.Document{ID: "a", ContentType: corpus.TypeMD, Body: []byte(text)})
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			if st.Source != tt.source {
				t.Errorf("source %q, want %q", st.Source, tt.source)
			}
		})
	}
}

func TestExtract_headerLines(t *testing.T) {
	e := newExtractor(t)
	const body = "\n\nThe authorities must drop all charges against the protest leaders, the organization said. " +
		"A hearing was held on 12 January 2023 and another is set for 20 May 2025.\n"
	tests := []struct {
		name, text, title, published, source string
	}{
		{"iso", "Thailand: Drop charges against protest leaders\n2023-06-14" + body, "Thailand: Drop charges against protest leaders", "2023-06-14", ""},
		{"ordinal", "Guatemala: Release the journalist\n5th March 2024" + body, "Guatemala: Release the journalist", "2024-03-05", ""},
		{"month first", "Kenya: Police must end abductions\nFebruary 12, 2024" + body, "Kenya: Police must end abductions", "2024-02-12", ""},
		{"french", "Sénégal : libérez les journalistes\n12 juin 2023" + body, "Sénégal : libérez les journalistes", "2023-06-12", ""},
		{"us numeric", "US: Stop surveillance of activists\n08/15/2023" + body, "US: Stop surveillance of activists", "2023-08-15", ""},
		{"time of day", "Thailand: Drop charges against protest leaders\nJune 3, 2023 10:30 AM" + body, "Thailand: Drop charges against protest leaders", "2023-06-03", ""},
		{"glued label", "Nicaragua: Stop stripping nationality\nPublished on14 March 2024" + body, "Nicaragua: Stop stripping nationality", "2024-03-14", ""},
		{"publisher dateline", "Egypt: Free Alaa Abd El-Fattah\nHuman Rights Watch, July 14, 2023" + body, "Egypt: Free Alaa Abd El-Fattah", "2023-07-14", "Human Rights Watch"},
		{"caption above the headline", "Photo: Protesters in Bangkok. © Reuters\nThailand: Drop charges against protest leaders\nJune 3, 2023" + body,
			"Thailand: Drop charges against protest leaders", "2023-06-03", ""},
		{"letterhead with an acronym", "Sénégal : libérez Pape Alé Niang\n\nLigue sénégalaise des droits humains (LSDH)\n\nDakar, le 2 décembre 2022" + body,
			"Sénégal : libérez Pape Alé Niang", "2022-12-02", "Ligue sénégalaise des droits humains"},
		{"a headline ending in an acronym is no letterhead", "Threat to close the Cambodian Center for Human Rights (CCHR)\n2017-09-02" + body,
			"Threat to close the Cambodian Center for Human Rights (CCHR)", "2017-09-02", ""},
		// 3 April or March 4: no date rather than a wrong one, and still
		// not part of the title.
		{"ambiguous numeric date", "Kenya: Police must end abductions\n03/04/2024" + body, "Kenya: Police must end abductions", "", ""},
		{"release label above the headline", "FOR IMMEDIATE RELEASE\nMarch 3, 2024\n\nArgentina: Court upholds conviction of former officers" + body,
			"Argentina: Court upholds conviction of former officers", "2024-03-03", ""},
		{"french label", "Tunisie : un militant condamné en appel\nPublié le 12 juin 2023" + body, "Tunisie : un militant condamné en appel", "2023-06-12", ""},
		{"spanish label", "Perú: liberen a los detenidos\nPublicado el 5 de mayo de 2022" + body, "Perú: liberen a los detenidos", "2022-05-05", ""},
		{"a posted line between headline and text, no blank lines", "Zimbabwe: Release opposition activists now\nPosted on March 3, 2024 by Staff\nThe authorities in Zimbabwe must release the opposition activists detained on Monday, the organization said.\n",
			"Zimbabwe: Release opposition activists now", "2024-03-03", ""},
		{"a photo credit line above the headline, no blank lines", "Photo credit: Reuters\nZimbabwe: Release opposition activists now\nThe authorities in Zimbabwe must release the opposition activists detained on Monday, the organization said.\n",
			"Zimbabwe: Release opposition activists now", "", ""},
		{"a credit line with the photographer and the paper, no blank lines", "Credit: Jane Doe/Harbour Times\nZimbabwe: Release opposition activists now\nThe authorities in Zimbabwe must release the opposition activists detained on Monday, the organization said.\n",
			"Zimbabwe: Release opposition activists now", "", ""},
		{"a French photo credit above the headline", "Crédit photo : Jane Doe\nZimbabwe : libérez les militants\nLes autorités du Zimbabwe doivent libérer les militants de l’opposition arrêtés lundi, a déclaré l’organisation.\n",
			"Zimbabwe : libérez les militants", "", ""},
		{"a kicker and a label on lines of their own", "Statement\nZimbabwe\nRelease opposition activists now\nMarch 3, 2024\n\nThe authorities in Zimbabwe must release the opposition activists detained on Monday, the organization said.\n",
			"Release opposition activists now", "2024-03-03", ""},
		{"khmer: a press-statement label, a dateline with Khmer digits", "សេចក្តីថ្លែងការណ៍សារព័ត៌មាន\n\nលីកាដូ ថ្កោលទោសការចាប់ខ្លួនសកម្មជន\n\nភ្នំពេញ ថ្ងៃទី១៥ ខែមិថុនា ឆ្នាំ២០២៣\n\nសកម្មជនចំនួនបីនាក់ ត្រូវបានចាប់ខ្លួននៅខេត្តកោះកុង កាលពីថ្ងៃទី១២ ខែមិថុនា ឆ្នាំ២០២៣។",
			"លីកាដូ ថ្កោលទោសការចាប់ខ្លួនសកម្មជន", "2023-06-15", ""},
		{"khmer: a date line alone under the headline", "លីកាដូ ថ្កោលទោសការចាប់ខ្លួនសកម្មជន\nថ្ងៃទី ១៥ ខែ មិថុនា ឆ្នាំ ២០២៣\n\nសកម្មជនចំនួនបីនាក់ ត្រូវបានចាប់ខ្លួននៅខេត្តកោះកុង។",
			"លីកាដូ ថ្កោលទោសការចាប់ខ្លួនសកម្មជន", "2023-06-15", ""},
		{"a label whose sentence runs on under it, below a letterhead", "REPUBLIC OF PALAU\nOFFICE OF THE PRESIDENT\n\nPRESS RELEASE\n\non the visit of the Special Rapporteur on freedom of expression\n\nKoror, 3 May 2024" + body,
			"PRESS RELEASE on the visit of the Special Rapporteur on freedom of expression", "2024-05-03", ""},
		{"a french label whose sentence runs on", "Déclaration conjointe\nsur la détention des défenseurs au Burundi" + body,
			"Déclaration conjointe sur la détention des défenseurs au Burundi", "", ""},
		{"byline above the headline", "By Maria Lopez | 14 March 2023\n\nPeru: Protesters killed in Juliaca" + body, "Peru: Protesters killed in Juliaca", "2023-03-14", ""},
		// Navigation above the headline is never the title.
		{"breadcrumb above the headline", "Home > News > Statements\n\nPeru: Protesters killed in Juliaca\n\n14 March 2023" + body, "Peru: Protesters killed in Juliaca", "2023-03-14", ""},
		{"language switcher above the headline", "English | Français | Español\n\nPeru: Protesters killed in Juliaca\n\n14 March 2023" + body, "Peru: Protesters killed in Juliaca", "2023-03-14", ""},
		{"language codes above the headline", "EN FR ES\n\nPeru: Protesters killed in Juliaca\n\n14 March 2023" + body, "Peru: Protesters killed in Juliaca", "2023-03-14", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, _, err := e.Extract(corpus.Document{ID: "h", ContentType: corpus.TypeText, Body: []byte(tt.text)})
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			if st.Title != tt.title {
				t.Errorf("title %q, want %q", st.Title, tt.title)
			}
			got := ""
			if !st.Published.IsZero() {
				got = st.Published.Format(time.DateOnly)
			}
			if got != tt.published {
				t.Errorf("published %q, want %q", got, tt.published)
			}
			if st.Source != tt.source {
				t.Errorf("source %q, want %q", st.Source, tt.source)
			}
		})
	}
}

// TestExtract_khmerTitles reads real Khmer news articles, one paragraph a
// line, and wants each one's headline whole: Khmer has no capitals to mark
// a paragraph's start, writes its vowels as combining marks (a headline of
// 80 characters is 450 bytes) and ends sentences with "។", and each of
// these once cut the title or took a sentence of the story instead
// (38 of 100 such articles right before, 96 after).
func TestExtract_khmerTitles(t *testing.T) {
	e := newExtractor(t)
	dir := filepath.Join("testdata", "khmer")
	raw, err := os.ReadFile(filepath.Join(dir, "titles.json"))
	if err != nil {
		t.Fatal(err)
	}
	var titles map[string]string
	if err := json.Unmarshal(raw, &titles); err != nil {
		t.Fatal(err)
	}
	if len(titles) < 10 {
		t.Fatalf("%d labelled titles, want the 10 in %s", len(titles), dir)
	}
	for name, want := range titles {
		body, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		st, _, err := e.Extract(corpus.Document{ID: name, Name: name, ContentType: "text/plain", Body: body})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if st.Title != want {
			t.Errorf("%s: title\n%q, want\n%q", name, st.Title, want)
		}
	}
}
