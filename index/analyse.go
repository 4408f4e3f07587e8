package index

import (
	"bytes"
	"fmt"
	"sync"
	"unsafe"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/bleve/v2/size"
	bindex "github.com/blevesearch/bleve_index_api"
)

// Analysing once.
//
// The mapping indexes a statement's title and body three times, stemmed,
// exact and as word pairs, and a quote twice, stemmed and exact. Left to
// Bleve, each of those fields runs its analyzer from scratch: the text is
// tokenised (Unicode word segmentation, the costliest step) and folded
// three times. All three analyzers begin with the same tokenizer and the
// fold filter, and the pairs are the exact words taken two at a time, so
// one pass can feed all three streams.
//
// The documents are still built by the mapping (MapDocument), so stored
// fields, doc values, options and the _all exclusions are Bleve's own; only
// the text fields are swapped for fields (sharedField) that take their
// share of a single analysis. The terms, positions and offsets are the same
// as the mapping's analyzers give: TestAnalyseOnce_sameDocumentsAsMapping
// compares every field, TestWrite_searchesAsWhenEachFieldWasAnalysed the
// searches, and FuzzAnalyseOnce the token streams of any text.
//
// BenchmarkIndex_Write (2,000 extracted statements, CPU time, old and new
// side by side on a busy machine): +18% to +27% statements per CPU-second
// of index writes, 46% fewer allocations; the README's benchmark notes.

// textRole is which analyzer of a text a field is indexed with.
type textRole int

const (
	roleStemmed textRole = iota
	roleExact
	rolePairs
)

// sharedRole says which text a field indexes (its group, named for the
// stemmed field) and with which analyzer, for the fields that share an
// analysis.
func sharedRole(field string) (group string, role textRole, ok bool) {
	switch field {
	case FieldTitle:
		return FieldTitle, roleStemmed, true
	case FieldTitleExact:
		return FieldTitle, roleExact, true
	case FieldTitlePairs:
		return FieldTitle, rolePairs, true
	case FieldBody:
		return FieldBody, roleStemmed, true
	case FieldBodyExact:
		return FieldBody, roleExact, true
	case FieldBodyPairs:
		return FieldBody, rolePairs, true
	case FieldQuote:
		return FieldQuote, roleStemmed, true
	case FieldQuoteExact:
		return FieldQuote, roleExact, true
	}
	return "", 0, false
}

// Token filter chains of the analyzers, after the unicode tokenizer. Both
// NewMapping and textAnalyser read them, so the analysis done once is the
// mapping's by construction: all three chains start with the fold filter,
// the exact chain is fold and lower case, and the pair chain is the exact
// chain plus the pairs filter and positionsOnly.
func stemmedFilters() []string {
	return []string{FoldFilterName, possessiveFilter, lowercaseFilter, UnaccentFilterName, stopFilter, porterFilter}
}

func exactFilters() []string { return []string{FoldFilterName, lowercaseFilter} }

func pairsFilters() []string { return append(exactFilters(), pairsFilter, positionsOnlyFilter) }

// textAnalyser analyses each shared text once. It is safe for concurrent
// use: Bleve analyses documents on several goroutines.
type textAnalyser struct {
	tokenizer analysis.Tokenizer
	// fold is the first filter of every chain; stem and exact are the
	// rest of the stemmed and the exact chains.
	fold        analysis.TokenFilter
	stem, exact []analysis.TokenFilter
	// mapped are the mapping's analyzers of the roles: a field is only
	// taken over when the mapping gave it the analyzer its role stands
	// for, so a field moved to another analyzer is left to Bleve.
	mapped [3]analysis.Analyzer
}

// newTextAnalyser builds the shared analysis for the analyzers of m.
func newTextAnalyser(m mapping.IndexMapping) (*textAnalyser, error) {
	cache := registry.NewCache()
	chain := func(names []string) ([]analysis.TokenFilter, error) {
		filters := make([]analysis.TokenFilter, len(names))
		for i, name := range names {
			f, err := cache.TokenFilterNamed(name)
			if err != nil {
				return nil, fmt.Errorf("index: token filter %s: %w", name, err)
			}
			filters[i] = f
		}
		return filters, nil
	}
	stem, err := chain(stemmedFilters())
	if err != nil {
		return nil, err
	}
	exact, err := chain(exactFilters())
	if err != nil {
		return nil, err
	}
	a := &textAnalyser{
		tokenizer: unicode.NewUnicodeTokenizer(),
		fold:      stem[0],
		stem:      stem[1:],
		exact:     exact[1:],
	}
	for role, name := range [3]string{AnalyzerStemmed, AnalyzerExact, AnalyzerPairs} {
		if a.mapped[role] = m.AnalyzerNamed(name); a.mapped[role] == nil {
			return nil, fmt.Errorf("index: the mapping has no analyzer %s", name)
		}
	}
	return a, nil
}

// document maps data into a document with m, then lets the text fields
// that share a text share its analysis.
func (a *textAnalyser) document(m mapping.IndexMapping, id string, data interface{}) (*document.Document, error) {
	doc := document.NewDocument(id)
	if err := m.MapDocument(doc, data); err != nil {
		return nil, err
	}
	var texts map[string]*sharedText
	for i, f := range doc.Fields {
		tf, ok := f.(*document.TextField)
		if !ok {
			continue
		}
		group, role, ok := sharedRole(tf.Name())
		if !ok || !tf.Options().IsIndexed() || tf.Analyzer() != a.mapped[role] || len(tf.ArrayPositions()) > 0 {
			continue
		}
		if texts == nil {
			texts = make(map[string]*sharedText, 3)
		}
		text := texts[group]
		if text == nil {
			text = &sharedText{analyser: a, text: tf.Value()}
			texts[group] = text
		} else if !bytes.Equal(text.text, tf.Value()) {
			continue
		}
		doc.Fields[i] = &sharedField{name: tf.Name(), arrayPositions: tf.ArrayPositions(),
			options: tf.Options(), value: tf.Value(), text: text, role: role}
	}
	return doc, nil
}

// sharedText is one text analysed once for all its fields.
type sharedText struct {
	analyser *textAnalyser
	text     []byte
	once     sync.Once
	streams  [3]analysis.TokenStream
	taken    [3]bool
}

// stream returns the tokens of a role and forgets them, so the text's
// analysis is garbage once all its fields have taken theirs. Bleve analyses
// each field of a document once; were a field analysed again, its text goes
// through the mapping's analyzer, as it would without sharing.
func (t *sharedText) stream(role textRole) analysis.TokenStream {
	t.once.Do(t.analyse)
	if t.taken[role] {
		return t.analyser.mapped[role].Analyze(bytes.Clone(t.text))
	}
	t.taken[role] = true
	stream := t.streams[role]
	t.streams[role] = nil
	return stream
}

// analyse tokenises and folds the text once, then lower-cases a copy for
// the exact words and their pairs and runs the rest of the stemmed chain on
// the original tokens.
func (t *sharedText) analyse() {
	a := t.analyser
	// A copy: the filters change terms in place, and the terms of the
	// tokens point into the text, which may be a stored field's value.
	folded := a.fold.Filter(a.tokenizer.Tokenize(bytes.Clone(t.text)))
	exact := cloneTokens(folded)
	for _, f := range a.exact {
		exact = f.Filter(exact)
	}
	t.streams[roleExact] = exact
	t.streams[rolePairs] = pairsOf(exact)
	stemmed := folded
	for _, f := range a.stem {
		stemmed = f.Filter(stemmed)
	}
	t.streams[roleStemmed] = stemmed
}

// cloneTokens copies tokens and their terms, the terms into one buffer.
func cloneTokens(tokens analysis.TokenStream) analysis.TokenStream {
	size := 0
	for _, tok := range tokens {
		size += len(tok.Term)
	}
	buf := make([]byte, 0, size)
	slab := make([]analysis.Token, len(tokens))
	out := make(analysis.TokenStream, len(tokens))
	for i, tok := range tokens {
		slab[i] = *tok
		start := len(buf)
		buf = append(buf, tok.Term...)
		// Capped, so that a filter appending to one term cannot write over
		// the next.
		slab[i].Term = buf[start:len(buf):len(buf)]
		out[i] = &slab[i]
	}
	return out
}

// pairsOf is what the pairs filter (Bleve's shingle filter, two words, a
// space between, no single words) and positionsOnly make of a stream whose
// positions follow one another, as the unicode tokenizer's do: each word
// with the next, at the first's position, without offsets. It allocates
// three times per text, where the shingle filter allocates several times
// per pair.
func pairsOf(words analysis.TokenStream) analysis.TokenStream {
	if len(words) < 2 {
		return analysis.TokenStream{}
	}
	size := 0
	for i := 1; i < len(words); i++ {
		size += len(words[i-1].Term) + 1 + len(words[i].Term)
	}
	buf := make([]byte, 0, size)
	slab := make([]analysis.Token, len(words)-1)
	out := make(analysis.TokenStream, len(words)-1)
	for i := range slab {
		first, second := words[i], words[i+1]
		start := len(buf)
		buf = append(buf, first.Term...)
		buf = append(buf, ' ')
		buf = append(buf, second.Term...)
		slab[i] = analysis.Token{
			Term:     buf[start:len(buf):len(buf)],
			Position: first.Position,
			Type:     analysis.Shingle,
		}
		out[i] = &slab[i]
	}
	return out
}

// positionsOnly drops the offsets of the tokens, keeping their positions.
// Pairs are read for their positions alone: a phrase's words are marked
// from the exact field, on the page's hits only (search's pairPhraseQuery).
// Their offsets were a seventh of the pairs' share of the index, two
// varints of each of their locations: 233 → 221 MB on 10,000 generated
// statements.
type positionsOnly struct{}

func (positionsOnly) Filter(tokens analysis.TokenStream) analysis.TokenStream {
	for _, t := range tokens {
		t.Start, t.End = 0, 0
	}
	return tokens
}

// sharedField is a text field indexed from a shared analysis. It is
// Bleve's document.TextField but for where its tokens come from and how
// their frequencies are counted (tokenFrequencies).
type sharedField struct {
	name           string
	arrayPositions []uint64
	options        bindex.FieldIndexingOptions
	value          []byte
	text           *sharedText
	role           textRole
	length         int
	frequencies    bindex.TokenFrequencies
	// frequenciesSize is frequencies.Size(), known without walking every
	// location: scorch asks each document's size after analysis, for its
	// memory statistics only, and the walk was 1.3% of indexing's CPU.
	frequenciesSize int
}

var _ document.Field = (*sharedField)(nil)

func (f *sharedField) Name() string                         { return f.name }
func (f *sharedField) ArrayPositions() []uint64             { return f.arrayPositions }
func (f *sharedField) Options() bindex.FieldIndexingOptions { return f.options }
func (f *sharedField) Value() []byte                        { return f.value }
func (f *sharedField) Text() string                         { return string(f.value) }
func (f *sharedField) NumPlainTextBytes() uint64            { return uint64(len(f.value)) }
func (f *sharedField) EncodedFieldType() byte               { return 't' }
func (f *sharedField) AnalyzedLength() int                  { return f.length }

func (f *sharedField) AnalyzedTokenFrequencies() bindex.TokenFrequencies { return f.frequencies }

// Size is what document.TextField reports, for Bleve's memory accounting.
func (f *sharedField) Size() int {
	return int(unsafe.Sizeof(*f)) + size.SizeOfPtr + len(f.name) + len(f.arrayPositions)*size.SizeOfUint64 +
		len(f.value) + f.frequenciesSize
}

func (f *sharedField) Analyze() {
	tokens := f.text.stream(f.role)
	f.length = len(tokens)
	var termBytes int
	f.frequencies, termBytes = tokenFrequencies(tokens, f.arrayPositions, f.options)
	f.frequenciesSize = frequenciesSize(len(f.frequencies), termBytes, len(tokens), len(f.arrayPositions), f.options)
}

// frequenciesSize is TokenFrequencies.Size() (bleve_index_api) of the
// frequencies of n tokens, with terms distinct terms of termBytes bytes in
// all: each term counts as a map key and in its TokenFreq, and each
// location, one a token with term vectors, is the same size.
func frequenciesSize(terms, termBytes, n, arrayPositions int, options bindex.FieldIndexingOptions) int {
	const sizeOfMap = 8 // a map value is one pointer
	total := sizeOfMap + 2*termBytes + terms*(size.SizeOfString+size.SizeOfPtr+int(unsafe.Sizeof(bindex.TokenFreq{})))
	if options.IncludeTermVectors() {
		total += n * (int(unsafe.Sizeof(bindex.TokenLocation{})) + arrayPositions*size.SizeOfUint64)
	}
	return total
}

// tokenFrequencies is analysis.TokenFrequency (the same terms, counts and
// locations, in the same order) in about ten allocations per field, where
// that makes two or more per distinct term: one for the term, and one for each
// time its list of locations grows. A body has some 700 words, most of them
// distinct as pairs, and was indexed three times: those allocations were
// the largest share of indexing's garbage.
//
// It also returns the bytes of the distinct terms, for frequenciesSize.
func tokenFrequencies(tokens analysis.TokenStream, arrayPositions []uint64, options bindex.FieldIndexingOptions) (freqs bindex.TokenFrequencies, termBytes int) {
	freqs = make(bindex.TokenFrequencies, len(tokens))
	// The terms are made in chunks, each never grown past its capacity so
	// that the pointers into it stay valid: one chunk as long as the stream
	// would be mostly empty, as words repeat.
	var chunks [][]bindex.TokenFreq
	var chunk []bindex.TokenFreq
	of := make([]*bindex.TokenFreq, len(tokens)) // the term of each token
	for i, tok := range tokens {
		tf, ok := freqs[string(tok.Term)]
		if !ok {
			if len(chunk) == cap(chunk) {
				chunk = make([]bindex.TokenFreq, 0, min(max(len(tokens)/4, 16), len(tokens)-i))
				chunks = append(chunks, nil)
			}
			chunk = append(chunk, bindex.TokenFreq{Term: tok.Term})
			chunks[len(chunks)-1] = chunk
			tf = &chunk[len(chunk)-1]
			freqs[string(tok.Term)] = tf
			termBytes += len(tok.Term)
		}
		tf.SetFrequency(tf.Frequency() + 1)
		of[i] = tf
	}
	if options.IncludeTermVectors() {
		// Each term's locations are a slice of one array, cut to its count.
		locations := make([]bindex.TokenLocation, len(tokens))
		pointers := make([]*bindex.TokenLocation, len(tokens))
		next := 0
		for _, chunk := range chunks {
			for i := range chunk {
				n := chunk[i].Frequency()
				chunk[i].Locations = pointers[next : next : next+n]
				next += n
			}
		}
		for i, tok := range tokens {
			locations[i] = bindex.TokenLocation{
				ArrayPositions: arrayPositions,
				Start:          tok.Start,
				End:            tok.End,
				Position:       tok.Position,
			}
			of[i].Locations = append(of[i].Locations, &locations[i])
		}
	}
	if options.SkipFreqNorm() {
		for _, chunk := range chunks {
			for i := range chunk {
				chunk[i].SetFrequency(0)
			}
		}
	}
	return freqs, termBytes
}
