package index

import (
	"fmt"

	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
)

// MappingVersion changes whenever the mapping or the analyzers change in a way
// that makes an existing index read differently. Open refuses an index built
// by another version instead of silently mis-reading it.
const MappingVersion = 2

// Field names, shared by the writer and the readers.
const (
	FieldTitle         = "title"
	FieldTitleExact    = "title_exact"
	FieldBody          = "body"
	FieldBodyExact     = "body_exact"
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
	// FieldKind tells statements from quotes, which share the index so a
	// statement and its quotes are written in one atomic batch.
	FieldKind = "kind"
	// FieldQuoteCount is how many quotes a statement had when written, so a
	// rewrite can delete the ones it no longer has.
	FieldQuoteCount = "quote_count"

	// Quote documents: the quote, its speaker and sentence, and a copy of
	// the statement's metadata for showing and filtering quotes alone.
	FieldQuote      = "quote"
	FieldQuoteExact = "quote_exact"
	FieldSpeaker    = "speaker"
	FieldSentence   = "sentence"
	FieldStatement  = "statement"
)

// Kinds of document.
const (
	KindStatement = "statement"
	KindQuote     = "quote"
)

// Analyzer names.
const (
	// AnalyzerStemmed reads English prose: folded punctuation, possessives
	// dropped, lower case, stop words out, Porter stems. Unquoted words.
	AnalyzerStemmed = "advosearch_en"
	// AnalyzerExact keeps words as written but for case and typographic
	// punctuation, so a quoted phrase means exactly those words.
	AnalyzerExact = "advosearch_exact"
)

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
		"token_filters": []string{FoldFilterName, en.PossessiveName, lowercase.Name, en.StopName, porter.Name},
	})
	if err != nil {
		return nil, fmt.Errorf("index: analyzer %s: %w", AnalyzerStemmed, err)
	}
	err = m.AddCustomAnalyzer(AnalyzerExact, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []string{FoldFilterName, lowercase.Name},
	})
	if err != nil {
		return nil, fmt.Errorf("index: analyzer %s: %w", AnalyzerExact, err)
	}

	m.AddDocumentMapping(KindStatement, statementMapping())
	m.AddDocumentMapping(KindQuote, quoteMapping())
	m.DefaultMapping = mapping.NewDocumentDisabledMapping()
	if err := m.Validate(); err != nil {
		return nil, fmt.Errorf("index: mapping: %w", err)
	}
	return m, nil
}

func statementMapping() *mapping.DocumentMapping {
	doc := mapping.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(FieldKind, keywordField(FieldKind, false))
	// Title and body are stored for snippets and the statement page, and
	// carry term vectors because phrase queries and highlighting need term
	// positions and offsets. Each is indexed twice: stemmed for plain words,
	// exact for quoted phrases. The exact twin is not stored: its offsets
	// point into the same stored text.
	for _, f := range []struct{ name, exact string }{{FieldTitle, FieldTitleExact}, {FieldBody, FieldBodyExact}} {
		doc.AddFieldMappingsAt(f.name,
			textField(f.name, AnalyzerStemmed, true),
			textField(f.exact, AnalyzerExact, false))
	}
	// Keyword fields: whole values, doc values for facets and sorting.
	for _, name := range []string{FieldSource, FieldOrganizations, FieldPeople, FieldPlaces, FieldLang} {
		doc.AddFieldMappingsAt(name, keywordField(name, true))
	}
	// Looked up by ID only, never faceted: no doc values.
	for _, name := range []string{FieldURL, FieldOrigin, FieldHash, FieldQuoteCount} {
		doc.AddFieldMappingsAt(name, keywordField(name, false))
	}
	for _, name := range []string{FieldPublished, FieldDates} {
		doc.AddFieldMappingsAt(name, dateField(name))
	}
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
	for _, name := range []string{FieldSpeaker, FieldSource, FieldOrganizations} {
		doc.AddFieldMappingsAt(name, keywordField(name, true))
	}
	for _, name := range []string{FieldStatement, FieldURL} {
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
	doc.AddFieldMappingsAt(FieldPublished, dateField(FieldPublished))
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
