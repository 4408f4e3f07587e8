package index

import (
	"testing"
)

const khmerRights = "មនុស្សទាំងអស់កើតមកមានសេរីភាព និងភាពស្មើៗគ្នាក្នុងសិទ្ធិ និងសេចក្ដីថ្លៃថ្នូរ។"

func TestStatementFields_languageTwins(t *testing.T) {
	for _, tc := range []struct {
		name string
		s    Statement
		want []string // language fields present
		not  []string // language fields absent
	}{
		{"french", Statement{Lang: "fr", Title: "Défenseurs arrêtés", Body: "Les autorités ont arrêté quatre défenseurs."},
			[]string{"title_fr", "body_fr"}, []string{"title_km", "body_km", "body_es"}},
		{"english", Statement{Lang: "en", Title: "Defenders detained", Body: "Four defenders were detained."},
			nil, []string{"title_fr", "body_fr", "title_km", "body_km", "title_en", "body_en"}},
		{"unknown", Statement{Lang: "", Body: "Texte court."}, nil, []string{"body_fr", "body_km"}},
		{"khmer", Statement{Lang: "km", Title: "UDHR Article 1", Body: khmerRights},
			[]string{"body_km"}, []string{"title_km", "body_fr"}},
		// Khmer script goes to the Khmer fields whatever the detected
		// language of a mixed statement.
		{"mixed", Statement{Lang: "en", Title: "Article 1 — " + khmerRights, Body: "In Khmer: " + khmerRights},
			[]string{"title_km", "body_km"}, []string{"body_fr"}},
	} {
		f := tc.s.fields()
		for _, name := range tc.want {
			if _, ok := f[name]; !ok {
				t.Errorf("%s: no %s in %v", tc.name, name, f)
			}
		}
		for _, name := range tc.not {
			if _, ok := f[name]; ok {
				t.Errorf("%s: unexpected %s", tc.name, name)
			}
		}
	}
}

func TestMapping_khmerAnalyzer(t *testing.T) {
	m, err := NewMapping()
	if err != nil {
		t.Fatal(err)
	}
	// The exact analyzer (unicode tokenizer) drops Khmer: that is why
	// Khmer has fields of its own.
	if toks := m.AnalyzerNamed(AnalyzerExact).Analyze([]byte(khmerRights)); len(toks) != 0 {
		t.Errorf("exact analyzer kept %d Khmer tokens; if Bleve indexes Khmer now, rethink the n-gram fields", len(toks))
	}
	terms := map[string]bool{}
	for _, tok := range m.AnalyzerNamed(AnalyzerKhmer).Analyze([]byte(khmerRights)) {
		terms[string(tok.Term)] = true
	}
	for _, gram := range []string{"សេ", "សេរ", "ភា", "ភាព"} {
		if !terms[gram] {
			t.Errorf("Khmer analyzer: no gram %q", gram)
		}
	}
	for _, lang := range StemmedLangs {
		if m.AnalyzerNamed(langAnalyzers[lang]) == nil {
			t.Errorf("%s: no analyzer %q", lang, langAnalyzers[lang])
		}
	}
	if !HasKhmer("abc ស") || HasKhmer("abc é") {
		t.Error("HasKhmer")
	}
}
