package index

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/advosearch/advosearch/bench"
	"github.com/advosearch/advosearch/corpus"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"
)

// awkward are texts where analysing once could go wrong: possessives in
// capitals and after non-ASCII letters (the Greek final sigma is lower-cased
// by its place in the word), typographic apostrophes and dashes, letters
// whose lower case is longer, scripts the tokenizer drops or splits, and
// bytes that are not UTF-8.
var awkward = []string{
	"", " ", "rights", "a b", "NGO's NGOS'S NGO’s NGO＇S Sokha’s",
	"ΟΔΟΣ's ΟΔΟΣ’S ΟΔΟΣ Σ's ΣΑΣ", "Ⱥ's ȺȾ ȺS's İstanbul's",
	"arrêté Tuấn's Đà Nẵng café's e\u0301t\u00e9 naïve",
	"e-mail — dash – en‑dash ‐ and ‑ co‐operation", "don't won't isn’t it‘s",
	"សួស្តី ពិភពលោក ក្រុមហ៊ុន's", "人権 団体の声明 2026年", "👍🏽 ok 👩‍👩‍👧 family",
	"3.5% of 1,000 people; 2026-12-05 at 10:30", "\xff\xfe abc \xc3 def",
	"The the THE tHe. A a. Of of's", "U.S. U.N.'s Dr. Kem Sokha's party",
	strings.Repeat("word's ", 300),
}

// sampleTexts are the texts the tests analyse both ways: the awkward ones,
// the embedded seeds, the extraction test data (real statements in several
// languages, with their markup) and generated statements.
func sampleTexts(t testing.TB) []string {
	t.Helper()
	texts := append([]string(nil), awkward...)
	seeds, err := corpus.Seeds()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range seeds {
		texts = append(texts, string(d.Body))
	}
	for _, dir := range []string{"gold", "heldout", "realdev", "realtest"} {
		files, err := filepath.Glob(filepath.Join("..", "indexer", "testdata", dir, "*"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			body, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(body))
		}
	}
	var gen bytes.Buffer
	if err := bench.Generate(&gen, 200, 1); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(&gen)
	lines.Buffer(nil, 1<<20)
	for lines.Scan() {
		texts = append(texts, lines.Text())
	}
	if len(texts) < 250 {
		t.Fatalf("only %d sample texts", len(texts))
	}
	return texts
}

// sampleStatement makes a statement of text: its first line the title, the
// rest the body (a text of one line is also the body, its first sentence
// the title), a quote of the body's first sentence.
func sampleStatement(i int, text string) Statement {
	title, body, _ := strings.Cut(text, "\n")
	if body == "" {
		body = text
		title, _, _ = strings.Cut(text, ".")
	}
	sentence, _, _ := strings.Cut(body, ".")
	langs := []string{"en", "fr", "km", "de", ""}
	orgs := []string{"LICADHO", "ADHOC", "Amnesty International", "FORUM-ASIA"}
	return Statement{
		ID: fmt.Sprint("s", i), Title: title, Body: body, Source: orgs[i%3], Lang: langs[i%len(langs)],
		Organizations: orgs[i%2 : i%2+1+i%3], Hash: "h",
		Quotes: []Quote{{Text: sentence, Speaker: "Kem Sokha", Sentence: sentence}},
	}
}

// analysed runs Bleve's analysis of a document as scorch does (index/scorch
// analyze): each indexed field, then the composite fields composed of them.
func analysed(doc *document.Document) *document.Document {
	doc.AddIDField()
	doc.VisitFields(func(f bindex.Field) {
		if !f.Options().IsIndexed() {
			return
		}
		f.Analyze()
		if doc.HasComposite() && f.Name() != "_id" {
			doc.VisitComposite(func(cf bindex.CompositeField) {
				cf.Compose(f.Name(), f.AnalyzedLength(), f.AnalyzedTokenFrequencies())
			})
		}
	})
	return doc
}

// sameField reports how two analysed fields differ, or "".
func sameField(a, b bindex.Field) string {
	switch {
	case a.Name() != b.Name():
		return fmt.Sprintf("name %s, want %s", b.Name(), a.Name())
	case a.Options() != b.Options():
		return fmt.Sprintf("options %v, want %v", b.Options(), a.Options())
	case fmt.Sprint(a.ArrayPositions()) != fmt.Sprint(b.ArrayPositions()):
		return fmt.Sprintf("array positions %v, want %v", b.ArrayPositions(), a.ArrayPositions())
	// Bleve's analyzers lower-case the value of a field that is not
	// stored in place (document.TextField.Analyze copies only stored
	// values); no one reads it after.
	case a.Options().IsStored() && !bytes.Equal(a.Value(), b.Value()):
		return fmt.Sprintf("value %.80q, want %.80q", b.Value(), a.Value())
	case a.EncodedFieldType() != b.EncodedFieldType():
		return fmt.Sprintf("type %c, want %c", b.EncodedFieldType(), a.EncodedFieldType())
	case a.NumPlainTextBytes() != b.NumPlainTextBytes():
		return fmt.Sprintf("plain text bytes %d, want %d", b.NumPlainTextBytes(), a.NumPlainTextBytes())
	case a.AnalyzedLength() != b.AnalyzedLength():
		return fmt.Sprintf("analysed length %d, want %d", b.AnalyzedLength(), a.AnalyzedLength())
	}
	want, got := a.AnalyzedTokenFrequencies(), b.AnalyzedTokenFrequencies()
	if sf, ok := b.(*sharedField); ok && sf.frequenciesSize != want.Size() {
		return fmt.Sprintf("frequencies of size %d, want %d", sf.frequenciesSize, want.Size())
	}
	if len(got) != len(want) {
		return fmt.Sprintf("%d terms, want %d", len(got), len(want))
	}
	for term, w := range want {
		g, ok := got[term]
		switch {
		case !ok:
			return fmt.Sprintf("term %q missing", term)
		case !bytes.Equal(g.Term, w.Term) || g.Frequency() != w.Frequency() || len(g.Locations) != len(w.Locations):
			return fmt.Sprintf("term %q: %q ×%d at %d places, want %q ×%d at %d",
				term, g.Term, g.Frequency(), len(g.Locations), w.Term, w.Frequency(), len(w.Locations))
		}
		for i, wl := range w.Locations {
			gl := g.Locations[i]
			if gl.Field != wl.Field || gl.Start != wl.Start || gl.End != wl.End || gl.Position != wl.Position ||
				fmt.Sprint(gl.ArrayPositions) != fmt.Sprint(wl.ArrayPositions) {
				return fmt.Sprintf("term %q location %d: %+v, want %+v", term, i, *gl, *wl)
			}
		}
	}
	return ""
}

// sameDocument reports how the document analysed once differs from the
// one the mapping analyses field by field, or "". MapDocument adds the
// fields in the order of a map's keys, so they are compared by name.
func sameDocument(want, got *document.Document) string {
	for _, d := range []*document.Document{want, got} {
		slices.SortFunc(d.Fields, func(a, b document.Field) int {
			return cmp.Or(strings.Compare(a.Name(), b.Name()), slices.Compare(a.ArrayPositions(), b.ArrayPositions()))
		})
	}
	if len(got.Fields) != len(want.Fields) {
		return fmt.Sprintf("%d fields, want %d", len(got.Fields), len(want.Fields))
	}
	for i := range want.Fields {
		if diff := sameField(want.Fields[i], got.Fields[i]); diff != "" {
			return fmt.Sprintf("field %s: %s", want.Fields[i].Name(), diff)
		}
	}
	if len(got.CompositeFields) != len(want.CompositeFields) {
		return fmt.Sprintf("%d composite fields, want %d", len(got.CompositeFields), len(want.CompositeFields))
	}
	for i := range want.CompositeFields {
		if diff := sameField(want.CompositeFields[i], got.CompositeFields[i]); diff != "" {
			return fmt.Sprintf("composite field %s: %s", want.CompositeFields[i].Name(), diff)
		}
	}
	return ""
}

// shared counts the fields of doc that take their stream from a shared
// analysis, so a test cannot pass by sharing nothing.
func shared(doc *document.Document) int {
	n := 0
	for _, f := range doc.Fields {
		if _, ok := f.(*sharedField); ok {
			n++
		}
	}
	return n
}

func testMapping(t testing.TB) (*mapping.IndexMappingImpl, *textAnalyser) {
	t.Helper()
	m, err := NewMapping()
	if err != nil {
		t.Fatal(err)
	}
	a, err := newTextAnalyser(m)
	if err != nil {
		t.Fatal(err)
	}
	return m, a
}

// TestAnalyseOnce_sameDocumentsAsMapping checks that a statement and its
// quote analysed once are indexed exactly as the mapping's analyzers index
// them field by field: every field's options, stored value, length, terms,
// frequencies, positions and offsets.
func TestAnalyseOnce_sameDocumentsAsMapping(t *testing.T) {
	m, a := testMapping(t)
	for i, text := range sampleTexts(t) {
		s := sampleStatement(i, text)
		docs := []struct {
			id     string
			data   map[string]interface{}
			shared int
		}{
			{s.ID, s.fields(), 6},
			{QuoteID(s.ID, 1), s.quoteFields(s.Quotes[0]), 2},
		}
		for _, d := range docs {
			want := document.NewDocument(d.id)
			if err := m.MapDocument(want, d.data); err != nil {
				t.Fatal(err)
			}
			got, err := a.document(m, d.id, d.data)
			if err != nil {
				t.Fatal(err)
			}
			if n := shared(got); n != d.shared {
				t.Fatalf("%s: %d fields share an analysis, want %d", d.id, n, d.shared)
			}
			if diff := sameDocument(analysed(want), analysed(got)); diff != "" {
				t.Errorf("%s (text %.60q): %s", d.id, text, diff)
			}
		}
	}
}

// sameStreams reports how the streams analysed once differ from the
// mapping's analyzers on text, or "".
func sameStreams(m mapping.IndexMapping, a *textAnalyser, text string) string {
	st := &sharedText{analyser: a, text: []byte(text)}
	for role, name := range [3]string{AnalyzerStemmed, AnalyzerExact, AnalyzerPairs} {
		want := m.AnalyzerNamed(name).Analyze([]byte(text))
		got := st.stream(textRole(role))
		if len(got) != len(want) {
			return fmt.Sprintf("%s: %d tokens, want %d", name, len(got), len(want))
		}
		for i := range want {
			w, g := want[i], got[i]
			if !bytes.Equal(g.Term, w.Term) || g.Start != w.Start || g.End != w.End || g.Position != w.Position {
				return fmt.Sprintf("%s: token %d is %q [%d:%d] at %d, want %q [%d:%d] at %d",
					name, i, g.Term, g.Start, g.End, g.Position, w.Term, w.Start, w.End, w.Position)
			}
		}
	}
	return ""
}

func TestAnalyseOnce_sameStreamsAsAnalyzers(t *testing.T) {
	m, a := testMapping(t)
	for _, text := range awkward {
		if diff := sameStreams(m, a, text); diff != "" {
			t.Errorf("%q: %s", text, diff)
		}
	}
}

// TestAnalyseOnce_secondAnalysisOfAFieldIsTheMappings checks the fallback
// for a field analysed twice: the same stream again, from the mapping.
func TestAnalyseOnce_secondAnalysisOfAFieldIsTheMappings(t *testing.T) {
	m, a := testMapping(t)
	text := "Kem Sokha's party"
	st := &sharedText{analyser: a, text: []byte(text)}
	first := st.stream(rolePairs)
	second := st.stream(rolePairs)
	want := m.AnalyzerNamed(AnalyzerPairs).Analyze([]byte(text))
	if len(first) != len(want) || len(second) != len(want) {
		t.Fatalf("%d and %d pairs, want %d", len(first), len(second), len(want))
	}
	for i := range want {
		if !bytes.Equal(first[i].Term, want[i].Term) || !bytes.Equal(second[i].Term, want[i].Term) {
			t.Errorf("pair %d: %q then %q, want %q", i, first[i].Term, second[i].Term, want[i].Term)
		}
	}
}

// TestTokenFrequencies_asBleves compares tokenFrequencies with Bleve's
// analysis.TokenFrequency under each option that changes what it counts.
func TestTokenFrequencies_asBleves(t *testing.T) {
	m, _ := testMapping(t)
	text := "the rights of the people, the rights of the land: rights"
	for _, tc := range []struct {
		name           string
		options        bindex.FieldIndexingOptions
		arrayPositions []uint64
	}{
		{"counts only", bindex.IndexField, nil},
		{"term vectors", bindex.IndexField | bindex.IncludeTermVectors, nil},
		{"array positions", bindex.IndexField | bindex.IncludeTermVectors, []uint64{2}},
		{"no norms", bindex.IndexField | bindex.IncludeTermVectors | bindex.SkipFreqNorm, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, name := range []string{AnalyzerExact, AnalyzerPairs} {
				tokens := m.AnalyzerNamed(name).Analyze([]byte(text))
				a := document.NewTextFieldCustom("f", tc.arrayPositions, []byte(text), tc.options, m.AnalyzerNamed(name))
				a.Analyze()
				b := &sharedField{name: "f", arrayPositions: tc.arrayPositions, options: tc.options, value: []byte(text),
					text: &sharedText{streams: [3]analysis.TokenStream{tokens}, taken: [3]bool{}}, role: roleStemmed}
				b.text.once.Do(func() {})
				b.Analyze()
				if diff := sameField(a, b); diff != "" {
					t.Errorf("%s: %s", name, diff)
				}
			}
		})
	}
}

func FuzzAnalyseOnce(f *testing.F) {
	for _, text := range awkward {
		f.Add(text)
	}
	m, a := testMapping(f)
	f.Fuzz(func(t *testing.T, text string) {
		if diff := sameStreams(m, a, text); diff != "" {
			t.Errorf("%q: %s", text, diff)
		}
	})
}

// writeMapped writes stmts as Write did before analysing once: each
// document handed to the mapping, each field analysed on its own.
func writeMapped(t *testing.T, ix *Index, stmts []Statement) {
	t.Helper()
	batch := ix.bleve.NewBatch()
	for _, s := range stmts {
		if err := batch.Index(s.ID, s.fields()); err != nil {
			t.Fatal(err)
		}
		for i, q := range s.Quotes {
			if err := batch.Index(QuoteID(s.ID, i+1), s.quoteFields(q)); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := ix.bleve.Batch(batch); err != nil {
		t.Fatal(err)
	}
}

// TestWrite_searchesAsWhenEachFieldWasAnalysed indexes the sample texts
// with Write and field by field, and checks that searches of every kind
// the search package makes (stemmed words, exact words, phrases as pairs
// and positions, proximity, quotes, facets, highlights) find the same
// documents with the same scores, term locations and fragments.
func TestWrite_searchesAsWhenEachFieldWasAnalysed(t *testing.T) {
	var stmts []Statement
	for i, text := range sampleTexts(t) {
		stmts = append(stmts, sampleStatement(i, text))
	}
	once, err := OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer once.Close()
	if err := once.Write(stmts, nil); err != nil {
		t.Fatal(err)
	}
	mapped, err := OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer mapped.Close()
	writeMapped(t, mapped, stmts)

	match := func(field, text string) query.Query {
		q := bleve.NewMatchQuery(text)
		q.SetField(field)
		return q
	}
	term := func(field, text string) query.Query {
		q := bleve.NewTermQuery(text)
		q.SetField(field)
		return q
	}
	phrase := func(field string, terms ...string) query.Query {
		q := bleve.NewPhraseQuery(terms, field)
		return q
	}
	matchPhrase := func(field, text string) query.Query {
		q := bleve.NewMatchPhraseQuery(text)
		q.SetField(field)
		return q
	}
	queries := map[string]query.Query{
		"stemmed":            match(FieldBody, "detained activists"),
		"stemmed possessive": match(FieldBody, "country's"),
		"stemmed accents":    match(FieldBody, "arrete"),
		"exact":              term(FieldBodyExact, "detained"),
		"exact title":        term(FieldTitleExact, "cambodia"),
		"pair":               term(FieldBodyPairs, "early morning"),
		"pairs in a row":     phrase(FieldBodyPairs, "remains a", "a matter", "matter of"),
		"phrase positions":   matchPhrase(FieldBodyExact, "human rights council"),
		// Proximity is checked by search on the words' locations.
		"near":        bleve.NewConjunctionQuery(term(FieldBodyExact, "rights"), term(FieldBodyExact, "detention")),
		"title pair":  term(FieldTitlePairs, "joint statement"),
		"quote":       match(FieldQuote, "release"),
		"quote exact": matchPhrase(FieldQuoteExact, "told reporters in"),
		"french":      match(LangField(FieldBody, "fr"), "arrestations des défenseurs"),
		"khmer":       match(LangField(FieldBody, LangKhmer), "ក្រុមហ៊ុន"),
	}
	for name, q := range queries {
		t.Run(name, func(t *testing.T) {
			search := func(ix *Index) *bleve.SearchResult {
				req := bleve.NewSearchRequestOptions(q, 50, 0, true)
				req.Highlight = bleve.NewHighlight()
				req.Highlight.AddField(FieldBody)
				req.Fields = []string{FieldTitle}
				req.IncludeLocations = true
				// Equal scores come in the order of the documents in their
				// segment, which a batch does not keep.
				req.SortBy([]string{"-_score", "_id"})
				req.AddFacet("source", bleve.NewFacetRequest(FieldSource, 5))
				req.AddFacet("orgs", bleve.NewFacetRequest(FieldOrganizations, 5))
				res, err := ix.Search(context.Background(), req)
				if err != nil {
					t.Fatal(err)
				}
				return res
			}
			want, got := search(mapped), search(once)
			if want.Total == 0 {
				t.Fatalf("no hits at all: the query tests nothing")
			}
			if got.Total != want.Total || len(got.Hits) != len(want.Hits) {
				t.Fatalf("%d hits (%d shown), want %d (%d)", got.Total, len(got.Hits), want.Total, len(want.Hits))
			}
			for i, w := range want.Hits {
				g := got.Hits[i]
				// A score is a sum of floats, which two indexes may add in
				// another order as their segments are merged differently:
				// the last bit may differ (5.334598069364564 against
				// …563 once in CI), nothing more.
				if g.ID != w.ID || math.Abs(g.Score-w.Score) > 1e-12*math.Abs(w.Score) {
					t.Fatalf("hit %d: %s %v, want %s %v", i, g.ID, g.Score, w.ID, w.Score)
				}
				if gl, wl := asJSON(t, g.Locations), asJSON(t, w.Locations); gl != wl {
					t.Errorf("hit %d (%s) locations: %.200s, want %.200s", i, w.ID, gl, wl)
				}
				if gf, wf := asJSON(t, g.Fragments), asJSON(t, w.Fragments); gf != wf {
					t.Errorf("hit %d (%s) fragments: %.200s, want %.200s", i, w.ID, gf, wf)
				}
				if gf, wf := asJSON(t, g.Fields), asJSON(t, w.Fields); gf != wf {
					t.Errorf("hit %d (%s) fields: %.200s, want %.200s", i, w.ID, gf, wf)
				}
			}
			for name, wf := range want.Facets {
				if gf, wf := asJSON(t, got.Facets[name]), asJSON(t, wf); gf != wf {
					t.Errorf("facet %s: %s, want %s", name, gf, wf)
				}
			}
		})
	}
}

func asJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// BenchmarkAnalyse maps and analyses 200 generated statements and their
// quotes as scorch does before building a segment, field by field with the
// mapping's analyzers and analysed once. It isolates the work analysing
// once changes from segment building, merges and the neighbours' load:
//
//	go test ./index -run '^$' -bench Analyse -count 5
func BenchmarkAnalyse(b *testing.B) {
	m, a := testMapping(b)
	var gen bytes.Buffer
	if err := bench.Generate(&gen, 200, 1); err != nil {
		b.Fatal(err)
	}
	var stmts []Statement
	for i, line := range strings.Split(strings.TrimSpace(gen.String()), "\n") {
		s := sampleStatement(i, line)
		s.Lang = "en" // as the generated corpus is
		stmts = append(stmts, s)
	}
	for _, tc := range []struct {
		name string
		doc  func(id string, data map[string]interface{}) (*document.Document, error)
	}{
		{"mapping", func(id string, data map[string]interface{}) (*document.Document, error) {
			doc := document.NewDocument(id)
			return doc, m.MapDocument(doc, data)
		}},
		{"once", func(id string, data map[string]interface{}) (*document.Document, error) {
			return a.document(m, id, data)
		}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			before := CPUTime(b)
			for b.Loop() {
				for _, s := range stmts {
					doc, err := tc.doc(s.ID, s.fields())
					if err != nil {
						b.Fatal(err)
					}
					analysed(doc)
					doc, err = tc.doc(QuoteID(s.ID, 1), s.quoteFields(s.Quotes[0]))
					if err != nil {
						b.Fatal(err)
					}
					analysed(doc)
				}
			}
			cpu := CPUTime(b) - before
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(stmts)), "µs/statement")
			b.ReportMetric(float64(cpu.Microseconds())/float64(b.N*len(stmts)), "cpu-µs/statement")
		})
	}
}

// CPUTime is the CPU time (user and system) of the whole test process so
// far. The machine is shared, so wall-clock rates say more about the
// neighbours than about the code; benchmarks report CPU time beside them.
// Exported for the benchmarks of package index_test.
func CPUTime(tb testing.TB) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
