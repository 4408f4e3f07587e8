package search

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/advosearch/advosearch/index"
	"github.com/blevesearch/bleve/v2/analysis"
)

// stemAnalyzer is the stemmed fields' analyzer, as an engine holds it.
func stemAnalyzer(t testing.TB) analysis.Analyzer {
	t.Helper()
	m, err := index.NewMapping()
	if err != nil {
		t.Fatal(err)
	}
	a := m.AnalyzerNamed(index.AnalyzerStemmed)
	if a == nil {
		t.Fatalf("no analyzer %s", index.AnalyzerStemmed)
	}
	return a
}

// wholeMatches marks text as before the key runs: analysed whole.
func wholeMatches(stem analysis.Analyzer, text string, terms map[string]bool) []match {
	return analysedMatches(stem, text, 0, terms, nil)
}

// stemsOf returns the stems of words, as a query's stemmed terms.
func stemsOf(stem analysis.Analyzer, words ...string) map[string]bool {
	terms := map[string]bool{}
	for _, w := range words {
		for _, tok := range stem.Analyze([]byte(w)) {
			terms[string(tok.Term)] = true
		}
	}
	return terms
}

func TestStemKey(t *testing.T) {
	tests := []struct {
		stem, key string // key "" when the stem has none
	}{
		{"human", "human"},
		{"right", "right"},
		{"activist", "activist"},
		{"relat", "relat"},
		{"conflat", "conflat"},
		{"file", "fil"},       // filing: 1b adds e
		{"happi", "happ"},     // happy: 1c y → i
		{"sensibl", "sensib"}, // sensibility: biliti → ble, e cut
		{"sensible", "sensib"},
		{"peopl", "peopl"},
		{"rule", "rul"},
		{"abl", "ab"},
		{"war", "war"},
		{"un", "un"},
		{"ai", ""}, // one letter left
		{"le", ""},
		{"2024", "2024"},
		{"élan", ""}, // not ASCII: analysed whole
	}
	for _, tt := range tests {
		k, ok := stemKey(tt.stem)
		if got := string(k); got != tt.key || ok != (tt.key != "") {
			t.Errorf("stemKey(%q) = %q, %v; want %q", tt.stem, got, ok, tt.key)
		}
	}
}

// TestStemKey_wordsBeginWithTheirKey checks the claim stemKey rests on, on
// words chosen for the Porter steps that write letters of their own, and
// on every word of the sample statements.
func TestStemKey_wordsBeginWithTheirKey(t *testing.T) {
	stem := stemAnalyzer(t)
	words := strings.Fields(`sensibility sensibilities possibility abilities ability happily happy
		crying conflated conflating filing filed hoping hopping relational conditional valency
		hesitancy digitizer generalization generalizations operator operators feudalism decisiveness
		hopefulness callousness formality sensitivity sensitivities analogy analogies irrevocably
		probably agreed feed fed triplicate formative formalize electricity electrical hopeful goodness
		rule rules ruling ruled people's People’s O’Neill’s CAFÉ Élan ÉLANS naïveté Tuấn arrêté
		KELVIN Kelvin İstanbul ﬁnancial ﬂooding`)
	e := seedEngine(t)
	for _, s := range seedStatements(t, e) {
		words = append(words, strings.Fields(s.Title+" "+s.Body)...)
	}
	var buf []byte
	for _, w := range words {
		for _, tok := range stem.Analyze([]byte(w)) {
			k, ok := stemKey(string(tok.Term))
			if !ok {
				continue
			}
			buf = foldWord(buf[:0], w[tok.Start:tok.End])
			if !strings.HasPrefix(string(buf), string(k)) {
				t.Errorf("word %q, stem %q: folded %q does not begin with key %q", w[tok.Start:tok.End], tok.Term, buf, k)
			}
		}
	}
}

func TestStemmedMatches_sameAsWholeText(t *testing.T) {
	stem := stemAnalyzer(t)
	tests := []struct {
		name, text string
		words      []string
	}{
		{"variants", "Activists, an activist and ACTIVISM: the activists' rights.", []string{"activists"}},
		{"several words", "Human rights defenders; the humane right to a rightful defence.", []string{"human", "rights", "defenders"}},
		{"no match", "Nothing of the kind is here.", []string{"zanzibar"}},
		{"possessive and curly apostrophe", "The People’s Party and people's rights; PEOPLE’S courts.", []string{"people"}},
		{"accents", "Le café, CAFÉ and cafe; arrêté, ARRÊTÉS.", []string{"cafe", "arrete"}},
		{"porter rewrites", "Its sensibility and sensibilities, happily happy, filing files.", []string{"sensible", "happy", "filed"}},
		{"dashes", "A well‐known—and well–known—fact; well-known.", []string{"known", "well"}},
		{"mark after a space", "word \u0301word \u200dword\u00a0word \u0301\u0301xword", []string{"word", "xword"}},
		{"emoji tones", "hand 👋🏽 hand 🏽hand", []string{"hand"}},
		{"line breaks and tabs", "rights\n\nrights\trights\r\nrights\v\frights", []string{"rights"}},
		{"khmer and cjk", "សិទ្ធិ rights 人権 rights の権利", []string{"rights"}},
		{"numbers", "In 2024, 2,024 people; 2024.5 and v2024.", []string{"2024"}},
		{"kelvin sign and dotted I", "KELVIN \u212aelvin İSTANBUL istanbul", []string{"kelvin", "istanbul"}},
		{"a key inside a word", "Unrighteous rights, copyright, rightly.", []string{"right"}},
		{"a short stem is analysed whole", "AI and ai, the A.I.", []string{"ai"}},
		{"empty", "", []string{"rights"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set := newStemSet(stemsOf(stem, tt.words...))
			got := stemmedMatches(stem, tt.text, set)
			want := wholeMatches(stem, tt.text, set.terms)
			if !slices.Equal(got, want) {
				t.Errorf("got %v, want %v (%q)", got, want, texts(tt.text, want))
			}
		})
	}
}

// TestStemmedMatches_seedStatements marks every stem of every sample
// statement both ways.
func TestStemmedMatches_seedStatements(t *testing.T) {
	stem := stemAnalyzer(t)
	e := seedEngine(t)
	for _, s := range seedStatements(t, e) {
		for _, text := range []string{s.Title, s.Body} {
			seen := map[string]bool{}
			for _, tok := range stem.Analyze([]byte(text)) {
				term := string(tok.Term)
				if seen[term] {
					continue
				}
				seen[term] = true
				set := newStemSet(map[string]bool{term: true})
				got, want := stemmedMatches(stem, text, set), wholeMatches(stem, text, set.terms)
				if !slices.Equal(got, want) {
					t.Errorf("%s, stem %q: got %v, want %v", s.ID, term, got, want)
				}
			}
		}
	}
}

func FuzzStemmedMatches(f *testing.F) {
	f.Add("Activists, an activist and ACTIVISM.", "activists")
	f.Add("word \u0301word \u200dword", "word")
	f.Add("The People’s Party; PEOPLE’S courts.", "people")
	f.Add("Its sensibility, happily, filing.", "sensibility")
	f.Add("hand 👋🏽 hand 🏽hand", "hand")
	stem := stemAnalyzer(f)
	f.Fuzz(func(t *testing.T, text, word string) {
		set := newStemSet(stemsOf(stem, strings.Fields(word)...))
		got, want := stemmedMatches(stem, text, set), wholeMatches(stem, text, set.terms)
		if !slices.Equal(got, want) {
			t.Errorf("text %q, word %q: got %v, want %v", text, word, got, want)
		}
	})
}

// seedStatements returns the statements of e, indexed from the samples.
func seedStatements(t testing.TB, e *Engine) []Statement {
	t.Helper()
	res, err := e.Search(context.Background(), Request{Size: 100, NoFacets: true})
	if err != nil {
		t.Fatal(err)
	}
	var out []Statement
	for _, h := range res.Hits {
		s, err := e.Statement(context.Background(), h.ID)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		t.Fatal("no sample statements")
	}
	return out
}

func texts(text string, ms []match) []string {
	var out []string
	for _, m := range ms {
		out = append(out, text[m.start:m.end])
	}
	return out
}

// BenchmarkStemmedMatches marks one word's stems in the sample statements'
// bodies, by analysing them whole as before and by the runs holding a key.
func BenchmarkStemmedMatches(b *testing.B) {
	stem := stemAnalyzer(b)
	var bodies []string
	for _, s := range seedStatements(b, seedEngine(b)) {
		bodies = append(bodies, s.Body)
	}
	set := newStemSet(stemsOf(stem, "rights"))
	b.Run("whole", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, body := range bodies {
				wholeMatches(stem, body, set.terms)
			}
		}
	})
	b.Run("runs", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, body := range bodies {
				stemmedMatches(stem, body, set)
			}
		}
	})
}
