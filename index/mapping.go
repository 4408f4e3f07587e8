package index

import (
	"fmt"

	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/de"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/lang/es"
	"github.com/blevesearch/bleve/v2/analysis/lang/fr"
	"github.com/blevesearch/bleve/v2/analysis/lang/it"
	"github.com/blevesearch/bleve/v2/analysis/lang/nl"
	"github.com/blevesearch/bleve/v2/analysis/lang/pt"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/ngram"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
	"github.com/blevesearch/bleve/v2/analysis/token/shingle"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/whitespace"
	"github.com/blevesearch/bleve/v2/mapping"
)

// MappingVersion changes whenever the mapping or the analyzers change in a way
// that makes an existing index read differently. Open refuses an index built
// by another version instead of silently mis-reading it.
const MappingVersion = 9

// Field names, shared by the writer and the readers.
const (
	FieldTitle      = "title"
	FieldTitleExact = "title_exact"
	FieldBody       = "body"
	FieldBodyExact  = "body_exact"
	// Word pairs of title and body, for phrases (see AnalyzerPairs).
	FieldTitlePairs    = "title_pairs"
	FieldBodyPairs     = "body_pairs"
	FieldURL           = "url"
	FieldSource        = "source"
	FieldPublished     = "published"
	FieldDates         = "dates"
	FieldOrganizations = "organizations"
	FieldPeople        = "people"
	FieldPlaces        = "places"
	FieldLang          = "lang"
	FieldOrigin        = "origin"
	FieldHash          = "hash"
	// FieldKind tells statements from quotes and deletion records, which
	// share the index so a statement, its quotes and its deletion are
	// written in one atomic batch.
	FieldKind = "kind"
	// FieldQuoteCount is how many quotes a statement had when written, so a
	// rewrite can delete the ones it no longer has.
	FieldQuoteCount = "quote_count"
	// Lower-cased names and surface forms of the entities (Statement.Names).
	FieldOrgNames    = "org_names"
	FieldPersonNames = "person_names"
	FieldPlaceNames  = "place_names"

	// Quote documents: the quote, its speaker and sentence, and a copy of
	// the statement's metadata for showing and filtering quotes alone.
	FieldQuote      = "quote"
	FieldQuoteExact = "quote_exact"
	FieldSpeaker    = "speaker"
	FieldSentence   = "sentence"
	FieldStatement  = "statement"
	// A quote's copies of its statement's metadata have names of their own:
	// no statement query can then match a quote document, so statement
	// searches need no kind filter, which cost a quarter of a one-word
	// search (BenchmarkAPISearch/word at 10,000 statements).
	FieldQuoteSource        = "quote_source"
	FieldQuoteOrganizations = "quote_organizations"
	FieldQuotePublished     = "quote_published"
	FieldQuoteURL           = "quote_url"
)

// Kinds of document.
const (
	KindStatement = "statement"
	KindQuote     = "quote"
	// KindDeleted is the record a deleted statement leaves under its ID: the
	// hash of the content deleted, so that the same content read again (a
	// re-run, a feed, a rebuild) stays deleted while changed content comes
	// back. It has only FieldKind and FieldHash, which no statement search
	// reads, so it never shows in searches, counts, facets or suggestions.
	KindDeleted = "deleted"
)

// Analyzer names.
const (
	// AnalyzerStemmed reads English prose: folded punctuation, possessives
	// dropped, lower case, accents off, stop words out, Porter stems.
	// Unquoted words.
	AnalyzerStemmed = "advosearch_en"
	// AnalyzerExact keeps words as written but for case and typographic
	// punctuation, so a quoted phrase means exactly those words.
	AnalyzerExact = "advosearch_exact"
	// AnalyzerPairs indexes each two neighbouring exact words as one term,
	// at the position of the first, without offsets (positionsOnly). A
	// phrase then becomes a query for its pairs: "human rights" one term,
	// "remains a matter of" three pairs in a row. Phrases are mostly
	// common words ("in the", "a matter"), whose single-word postings hold
	// nearly every statement; their pairs are rare, so the phrase is
	// checked on a few documents instead of most.
	AnalyzerPairs = "advosearch_pairs"
	// AnalyzerKhmer cuts Khmer into character n-grams (2 and 3 runes).
	// Khmer writes no spaces between words and Bleve has no Khmer analyzer;
	// its unicode tokenizer drops Khmer script altogether. The whitespace
	// tokenizer keeps each run between spaces whole and the n-grams of the
	// run are its terms, so a word is found by all of its grams (a match
	// query with operator AND). Every gram carries its run's position and
	// offsets, so phrase queries on this field would give false hits.
	AnalyzerKhmer = "advosearch_km"
	// khmerNgramFilter is the n-gram token filter of AnalyzerKhmer.
	khmerNgramFilter = "advosearch_km_ngram"
	// pairsFilter is the shingle token filter of AnalyzerPairs.
	pairsFilter = "advosearch_pairs"
	// positionsOnlyFilter ends AnalyzerPairs: a pair keeps its position,
	// for phrases, and no offsets (positionsOnly).
	positionsOnlyFilter = "advosearch_positions_only"
	// Bleve's filters in the analyzers' chains (stemmedFilters).
	possessiveFilter = en.PossessiveName
	lowercaseFilter  = lowercase.Name
	stopFilter       = en.StopName
	porterFilter     = porter.Name
)

// LangKhmer is the language code of Khmer, which has fields of its own
// (title_km, body_km) filled whenever the text holds Khmer script.
const LangKhmer = "km"

// langAnalyzers are the languages, beside English, whose statements are also
// analysed with Bleve's own analyzer for the language (stemming fit for the
// text), under the fields LangField(FieldTitle, lang) and
// LangField(FieldBody, lang). Bleve has no stemming analyzer for Indonesian
// (lang/id is a stop filter only), so it is not here.
var langAnalyzers = map[string]string{
	"de": de.AnalyzerName,
	"es": es.AnalyzerName,
	"fr": fr.AnalyzerName,
	"it": it.AnalyzerName,
	"nl": nl.AnalyzerName,
	"pt": pt.AnalyzerName,
}

// StemmedLangs lists the languages of langAnalyzers, sorted.
var StemmedLangs = []string{"de", "es", "fr", "it", "nl", "pt"}

// LangField names the language twin of a text field (FieldTitle or
// FieldBody): "body_fr", "title_km". The twin is not stored; its offsets
// point into the stored text of the base field.
func LangField(base, lang string) string { return base + "_" + lang }

// HasLangField reports whether lang has language fields of its own: one of
// StemmedLangs, or LangKhmer.
func HasLangField(lang string) bool {
	_, ok := langAnalyzers[lang]
	return ok || lang == LangKhmer
}

// IsKhmerField reports whether field is a Khmer n-gram field, on which only
// match queries with operator AND make sense.
func IsKhmerField(field string) bool {
	return field == LangField(FieldTitle, LangKhmer) || field == LangField(FieldBody, LangKhmer)
}

// HasKhmer reports whether s holds Khmer script (U+1780–U+17FF, and the
// Khmer symbols U+19E0–U+19FF).
func HasKhmer(s string) bool {
	for _, r := range s {
		if (r >= 0x1780 && r <= 0x17FF) || (r >= 0x19E0 && r <= 0x19FF) {
			return true
		}
	}
	return false
}

// NewMapping returns the explicit mapping of a statement index.
func NewMapping() (*mapping.IndexMappingImpl, error) {
	m := mapping.NewIndexMapping()
	m.ScoringModel = "bm25"
	m.TypeField = FieldKind
	m.DefaultType = KindStatement
	m.DefaultAnalyzer = AnalyzerStemmed
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false

	err := m.AddCustomAnalyzer(AnalyzerStemmed, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": stemmedFilters(),
	})
	if err != nil {
		return nil, fmt.Errorf("index: analyzer %s: %w", AnalyzerStemmed, err)
	}
	err = m.AddCustomAnalyzer(AnalyzerExact, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": exactFilters(),
	})
	if err != nil {
		return nil, fmt.Errorf("index: analyzer %s: %w", AnalyzerExact, err)
	}
	err = m.AddCustomTokenFilter(pairsFilter, map[string]interface{}{
		"type":            shingle.Name,
		"min":             2.0,
		"max":             2.0,
		"output_original": false,
		"separator":       " ",
	})
	if err != nil {
		return nil, fmt.Errorf("index: token filter %s: %w", pairsFilter, err)
	}
	err = m.AddCustomAnalyzer(AnalyzerPairs, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": pairsFilters(),
	})
	if err != nil {
		return nil, fmt.Errorf("index: analyzer %s: %w", AnalyzerPairs, err)
	}
	err = m.AddCustomTokenFilter(khmerNgramFilter, map[string]interface{}{
		"type": ngram.Name,
		"min":  2.0,
		"max":  3.0,
	})
	if err != nil {
		return nil, fmt.Errorf("index: token filter %s: %w", khmerNgramFilter, err)
	}
	err = m.AddCustomAnalyzer(AnalyzerKhmer, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     whitespace.Name,
		"token_filters": []string{lowercase.Name, khmerNgramFilter},
	})
	if err != nil {
		return nil, fmt.Errorf("index: analyzer %s: %w", AnalyzerKhmer, err)
	}

	m.AddDocumentMapping(KindStatement, statementMapping())
	m.AddDocumentMapping(KindQuote, quoteMapping())
	m.AddDocumentMapping(KindDeleted, deletedMapping())
	m.DefaultMapping = mapping.NewDocumentDisabledMapping()
	if err := m.Validate(); err != nil {
		return nil, fmt.Errorf("index: mapping: %w", err)
	}
	return m, nil
}

func statementMapping() *mapping.DocumentMapping {
	doc := mapping.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(FieldKind, keywordField(FieldKind, false))
	// Title and body are stored for snippets and the statement page. Each
	// is indexed three times: stemmed for plain words, exact for quoted
	// words, and as word pairs for phrases. The twins are not stored: the
	// offsets of their term vectors, which phrases and highlighting need,
	// point into the same stored text.
	for _, f := range []struct{ name, exact, pairs string }{
		{FieldTitle, FieldTitleExact, FieldTitlePairs},
		{FieldBody, FieldBodyExact, FieldBodyPairs},
	} {
		// Only the stemmed field goes without term vectors: no phrase is
		// searched in it, and its matches are marked by analysing the
		// page's texts again (search/stemmed.go).
		stemmed := textField(f.name, AnalyzerStemmed, true)
		stemmed.IncludeTermVectors = false
		doc.AddFieldMappingsAt(f.name,
			stemmed,
			textField(f.exact, AnalyzerExact, false),
			textField(f.pairs, AnalyzerPairs, false))
		// Language twins, filled by Statement.fields for statements in
		// that language (Khmer: whenever the text holds Khmer script).
		// Not stored; term vectors for highlighting, offsets into the
		// stored base field.
		for _, lang := range StemmedLangs {
			name := LangField(f.name, lang)
			doc.AddFieldMappingsAt(name, textField(name, langAnalyzers[lang], false))
		}
		km := LangField(f.name, LangKhmer)
		doc.AddFieldMappingsAt(km, textField(km, AnalyzerKhmer, false))
	}
	// Keyword fields: whole values, doc values for facets and sorting.
	for _, name := range []string{FieldSource, FieldOrganizations, FieldPeople, FieldPlaces, FieldLang} {
		doc.AddFieldMappingsAt(name, keywordField(name, true))
	}
	// Looked up by ID, never faceted: no doc values. The origin is also
	// searched by prefix, for the statements of a folder (index --prune).
	for _, name := range []string{FieldURL, FieldOrigin, FieldHash, FieldQuoteCount} {
		doc.AddFieldMappingsAt(name, keywordField(name, false))
	}
	// Matched whole, never shown: not stored, no doc values.
	for _, name := range []string{FieldOrgNames, FieldPersonNames, FieldPlaceNames} {
		fm := keywordField(name, false)
		fm.Store = false
		doc.AddFieldMappingsAt(name, fm)
	}
	doc.AddFieldMappingsAt(FieldPublished, dateField(FieldPublished))
	// Dates mentioned are shown on the statement page, never searched.
	mentioned := dateField(FieldDates)
	mentioned.Index, mentioned.DocValues = false, false
	doc.AddFieldMappingsAt(FieldDates, mentioned)
	return doc
}

// quoteMapping indexes a quote like a body (stemmed, and exact for phrases)
// and its speaker, source and date for filters; the rest is stored to show.
func quoteMapping() *mapping.DocumentMapping {
	doc := mapping.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(FieldKind, keywordField(FieldKind, false))
	doc.AddFieldMappingsAt(FieldQuote,
		textField(FieldQuote, AnalyzerStemmed, true),
		textField(FieldQuoteExact, AnalyzerExact, false))
	for _, name := range []string{FieldSpeaker, FieldQuoteSource, FieldQuoteOrganizations} {
		doc.AddFieldMappingsAt(name, keywordField(name, true))
	}
	for _, name := range []string{FieldStatement, FieldQuoteURL} {
		doc.AddFieldMappingsAt(name, keywordField(name, false))
	}
	for _, name := range []string{FieldSentence, FieldTitle} {
		fm := mapping.NewTextFieldMapping()
		fm.Name = name
		fm.Index = false
		fm.IncludeInAll = false
		fm.IncludeTermVectors = false
		fm.DocValues = false
		doc.AddFieldMappingsAt(name, fm)
	}
	doc.AddFieldMappingsAt(FieldQuotePublished, dateField(FieldQuotePublished))
	return doc
}

// deletedMapping indexes the kind of a deletion record, so that a rebuild
// can find them all (KindQuery), and stores the hash of the deleted content,
// read by ID when the same ID is indexed again.
func deletedMapping() *mapping.DocumentMapping {
	doc := mapping.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(FieldKind, keywordField(FieldKind, false))
	doc.AddFieldMappingsAt(FieldHash, keywordField(FieldHash, false))
	return doc
}

func dateField(name string) *mapping.FieldMapping {
	fm := mapping.NewDateTimeFieldMapping()
	fm.Name = name
	fm.Store = true
	fm.DocValues = true // date sort, date histogram
	fm.IncludeInAll = false
	return fm
}

// PhraseField is the field to search a quoted phrase in, given the exact
// field it is about: the word-pair twin when the phrase has two words or
// more, the exact field itself for one word, which has no pair. terms is
// how many terms of that field the phrase is: one word or one pair is a
// term query, which reads no positions.
func PhraseField(exact, phrase string) (field string, terms int) {
	words := len(unicode.NewUnicodeTokenizer().Tokenize([]byte(phrase)))
	pairs, ok := pairTwins[exact]
	if !ok || words < 2 {
		return exact, words
	}
	return pairs, words - 1
}

// IsPairField reports whether field holds word pairs (AnalyzerPairs).
func IsPairField(field string) bool { return ExactOfPairs(field) != "" }

// ExactOfPairs is the exact field whose words a word-pair field pairs, or
// "" when pairs is not one. A pair keeps no offsets (AnalyzerPairs), so the
// words of a phrase are marked from the exact field's term vectors.
func ExactOfPairs(pairs string) string {
	for exact, p := range pairTwins {
		if p == pairs {
			return exact
		}
	}
	return ""
}

var pairTwins = map[string]string{FieldTitleExact: FieldTitlePairs, FieldBodyExact: FieldBodyPairs}

func textField(name, analyzer string, store bool) *mapping.FieldMapping {
	fm := mapping.NewTextFieldMapping()
	fm.Name = name
	fm.Analyzer = analyzer
	fm.Store = store
	fm.IncludeTermVectors = true
	fm.IncludeInAll = false
	fm.DocValues = false
	return fm
}

func keywordField(name string, docValues bool) *mapping.FieldMapping {
	fm := mapping.NewKeywordFieldMapping()
	fm.Name = name
	fm.Analyzer = keyword.Name
	fm.Store = true
	fm.IncludeTermVectors = false
	fm.IncludeInAll = false
	fm.DocValues = docValues
	return fm
}
