package search

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/advosearch/advosearch/index"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"
)

// Engine runs searches over one index. It is safe for concurrent use.
type Engine struct {
	ix *index.Index
	// allFacets caches the facets of every statement, which the search
	// page shows before anything is typed: counting them visits the doc
	// values of every statement, the most expensive search there is.
	mu        sync.Mutex
	allFacets *cachedFacets
	langs     *cachedLangs
	columns   *facetColumns
	stem      analysis.Analyzer // of the stemmed fields, to mark their matches
	exact     analysis.Analyzer // of the exact fields, to mark phrases (phrasemark.go)
	// stemMemo, when set, keeps the stems of the texts marked: for a
	// percolator's engine, which marks the same statements for many alerts.
	stemMemo *stemMemo
	// admit bounds the searches running at once (Options.Slots) and refuses
	// those that could not get a slot before their deadline (admission.go).
	admit *admission
	rank  ranking
}

type cachedFacets struct {
	writes uint64 // index.Writes when computed
	facets Facets
}

type cachedLangs struct {
	writes uint64
	langs  []string
}

// New returns an engine over ix with the default Options; the caller keeps
// ownership of ix.
func New(ix *index.Index) *Engine {
	return NewWithOptions(ix, Options{})
}

// NewWithOptions returns an engine over ix; the caller keeps ownership of
// ix.
func NewWithOptions(ix *index.Index, o Options) *Engine {
	return &Engine{ix: ix, columns: newFacetColumns(),
		stem:  ix.Mapping().AnalyzerNamed(index.AnalyzerStemmed),
		exact: ix.Mapping().AnalyzerNamed(index.AnalyzerExact),
		admit: newAdmission(o), rank: defaultRanking}
}

// Result is one page of hits with facets over every matching statement.
type Result struct {
	Total  uint64
	Took   time.Duration
	Page   int
	Size   int
	Hits   []Hit
	Facets Facets
	// Exact lists the quoted phrases, searched word for word; Stemmed the
	// unquoted words, searched with their variants. Pages say which was
	// which, so nobody mistakes a stemmed match for an exact one.
	Exact, Stemmed []string
	// Ignored are the small words (of, the, a) left out of the search
	// because the stemmed fields do not index them; quote them to require
	// them.
	Ignored []string
	// Suggestion is the query with misspelled words corrected from the
	// index's own words, when nothing matched all the words and a
	// correction exists.
	Suggestion string
	// Notices say what of the query was read otherwise than typed.
	Notices []Notice
	// Undated is how many statements matching all but the dates have no
	// publication date, and were left out because the request bounds the
	// date without IncludeUndated.
	Undated uint64
	// Partial says that no statement has all Words of the query, and the
	// hits are those with PartialMin of them or more, the most first.
	Partial    bool
	Words      int // the words (clauses) of a query that is an AND of them; 0 otherwise
	PartialMin int
}

// Notice is something the search did otherwise than typed, for the page
// and the API to say: a syntax error read as plain text.
type Notice struct {
	// Column is the 1-based column (in characters) in the query, or 0.
	Column  int
	Message string
}

// Hit is one matching statement.
type Hit struct {
	ID            string
	Title         []Span // the whole title, matches marked
	URL           string
	Source        string
	Published     time.Time // zero when unknown
	Lang          string    // the statement's language code ("en"), "" when unknown
	Score         float64
	Snippets      []Snippet
	Organizations []string
	People        []string
	Places        []string
}

// hitFields are the stored fields a result page shows.
var hitFields = []string{
	index.FieldTitle, index.FieldBody, index.FieldURL, index.FieldSource, index.FieldPublished,
	index.FieldOrganizations, index.FieldPeople, index.FieldPlaces, index.FieldLang,
}

// Search runs the request. Errors caused by the request wrap ErrInvalid; a
// search that outlives ctx returns ErrTimeout; one refused because it could
// not get a slot in time returns an *OverloadError (ErrOverloaded).
func (e *Engine) Search(ctx context.Context, r Request) (Result, error) {
	if err := r.normalize(); err != nil {
		return Result{}, err
	}
	release, err := e.acquire(ctx)
	if err != nil {
		return Result{}, err
	}
	defer release()
	langs, err := e.stemmedLangs()
	if err != nil {
		return Result{}, err
	}
	c, err := newCompiler(e.ix, langs, e.rank).compile(r.Query, compileOptions{defaultOr: r.DefaultOr, strict: r.Strict})
	if err != nil {
		return Result{}, err
	}
	// Facets are counted by the search unless the caller wants none or
	// the facets of every statement are cached and current.
	writes := e.ix.Writes()
	facets, haveFacets := Facets{}, r.NoFacets
	if !haveFacets && r.unfiltered() {
		facets, haveFacets = e.cachedAllFacets()
	}
	// A date range that leaves out the undated statements counts them:
	// the search keeps them in its query and the collector drops them,
	// counted, which costs next to nothing where a second search for them
	// was a third of a date-filtered search.
	fr := r
	var undated *uint64
	if (!r.From.IsZero() || !r.To.IsZero()) && !r.IncludeUndated {
		fr.IncludeUndated, undated = true, new(uint64)
	}
	var tally *facetTally
	run := func(q query.Query) (*bleve.SearchResult, error) {
		req := bleve.NewSearchRequestOptions(filterQuery(q, fr, e.columns), r.Size, (r.Page-1)*r.Size, false)
		req.Fields = hitFields
		switch r.Sort {
		case SortDate:
			req.SortBy([]string{index.FieldPublished, "-_score"})
		case SortDateDesc:
			req.SortBy([]string{"-" + index.FieldPublished, "-_score"})
		}
		searchCtx := ctx
		tally = nil
		if !haveFacets || undated != nil {
			if undated != nil {
				*undated = 0
			}
			searchCtx = context.WithValue(ctx, bsearch.MakeDocumentMatchHandlerKey, e.columns.wrap(&tally, !haveFacets, undated))
		}
		res, err := e.ix.Search(searchCtx, req)
		if err != nil {
			return nil, searchError(err)
		}
		if undated != nil {
			res.Total -= *undated
		}
		return res, nil
	}
	main := c.query
	res, err := run(main)
	if err != nil {
		return Result{}, err
	}
	out := Result{Page: r.Page, Size: r.Size, Words: len(c.words), Ignored: c.ignored}
	for _, n := range c.notices {
		out.Notices = append(out.Notices, Notice{Column: n.Column, Message: n.Msg})
	}
	if res.Total == 0 && len(c.words) > 1 && !r.NoPartial {
		if out.PartialMin, err = e.mostWords(ctx, c, r); err != nil {
			return Result{}, err
		}
		if out.PartialMin > 0 {
			out.Partial, main = true, c.most(out.PartialMin, true)
			if res, err = run(main); err != nil {
				return Result{}, err
			}
		}
	}

	if undated != nil {
		out.Undated = *undated
	}

	var locs map[string]bsearch.FieldTermLocationMap
	lq := main
	if !hasLangTwins(res.Hits) {
		lq = c.locationsQuery(main)
	}
	if lq != nil {
		if locs, err = e.locations(ctx, lq, res.Hits); err != nil {
			return Result{}, err
		}
	}
	if !haveFacets && tally != nil {
		facets = tally.facets()
		if r.unfiltered() {
			e.cacheAllFacets(facets, writes)
		}
	}
	out.Total, out.Took, out.Facets = res.Total, res.Took, facets
	out.Exact, out.Stemmed = interpretation(c.tree)
	if out.Total == 0 || out.Partial {
		if out.Suggestion, err = e.suggest(ctx, r.Query, c.tree); err != nil {
			return Result{}, err
		}
	}
	stems := stemmedTerms(e.stem, c.tree)
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, e.toHit(h, locs[h.ID], stems, c.phrases))
	}
	return out, nil
}

// locations finds where the query matched in the hits of one page: the byte
// offsets of every matched word, from which snippets are cut. Asking for them
// in the main search would decode term positions of every matching
// statement, not only of the page's (on 10,000 statements a common phrase
// took 140 ms that way), so a second search runs over the page's IDs alone.
func (e *Engine) locations(ctx context.Context, main query.Query, hits bsearch.DocumentMatchCollection) (map[string]bsearch.FieldTermLocationMap, error) {
	if len(hits) == 0 {
		return nil, nil
	}
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(bleve.NewDocIDQuery(ids), main), len(ids), 0, false)
	req.IncludeLocations = true
	res, err := e.ix.Search(ctx, req)
	if err != nil {
		return nil, searchError(err)
	}
	locs := make(map[string]bsearch.FieldTermLocationMap, len(res.Hits))
	for _, h := range res.Hits {
		locs[h.ID] = h.Locations
	}
	return locs, nil
}

// hasLangTwins reports whether a hit is in a language whose twin fields
// (index.LangField) keep term vectors that mark words (Engine.matches).
func hasLangTwins(hits bsearch.DocumentMatchCollection) bool {
	for _, h := range hits {
		if index.HasLangField(str(h.Fields[index.FieldLang])) {
			return true
		}
	}
	return false
}

// acquire waits for a search slot, unless the wait would outlast ctx
// (admission.acquire).
func (e *Engine) acquire(ctx context.Context) (release func(), err error) {
	return e.admit.acquire(ctx)
}

func searchError(err error) error {
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		return fmt.Errorf("%w: %w", ErrTimeout, err)
	}
	return fmt.Errorf("search: %w", err)
}

// stemmedLangs returns the languages of index.StemmedLangs that statements
// are in, whose language twins unquoted words are searched in. Most indexes
// hold one or two: each twin searched costs a term searcher per word and
// segment and a child in the word's disjunction, and twelve empty ones made
// a two-word search 15% slower on 10,000 English statements.
func (e *Engine) stemmedLangs() ([]string, error) {
	writes := e.ix.Writes()
	e.mu.Lock()
	cached := e.langs
	e.mu.Unlock()
	if cached != nil && cached.writes == writes {
		return cached.langs, nil
	}
	var langs []string
	err := e.ix.Read(func(r bindex.IndexReader) error {
		terms, err := r.FieldDict(index.FieldLang)
		if err != nil {
			return err
		}
		defer terms.Close()
		for {
			t, err := terms.Next()
			if t == nil || err != nil {
				return err
			}
			if slices.Contains(index.StemmedLangs, t.Term) {
				langs = append(langs, t.Term)
			}
		}
	})
	if err != nil {
		return nil, fmt.Errorf("search: languages in the index: %w", err)
	}
	e.mu.Lock()
	e.langs = &cachedLangs{writes: writes, langs: langs}
	e.mu.Unlock()
	return langs, nil
}

// cachedAllFacets returns the facets of every statement if they were
// counted since the last write.
func (e *Engine) cachedAllFacets() (Facets, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.allFacets == nil || e.allFacets.writes != e.ix.Writes() {
		return Facets{}, false
	}
	return e.allFacets.facets, true
}

// cacheAllFacets keeps facets counted when the index had seen writes
// batches; a write since then makes them stale at once.
func (e *Engine) cacheAllFacets(f Facets, writes uint64) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.allFacets = &cachedFacets{writes: writes, facets: f}
}

func (e *Engine) toHit(h *bsearch.DocumentMatch, locs bsearch.FieldTermLocationMap, stems stems, runs phraseSet) Hit {
	s := index.FromFields(h.ID, h.Fields)
	title, body := e.matches(s, locs, stems, runs)
	return Hit{
		ID:            h.ID,
		Title:         highlight(s.Title, title),
		URL:           s.URL,
		Source:        s.Source,
		Published:     s.Published,
		Lang:          s.Lang,
		Score:         h.Score,
		Snippets:      snippets(s.Body, body),
		Organizations: s.Organizations,
		People:        s.People,
		Places:        s.Places,
	}
}

// matches are the byte ranges of s's title and body that a query matched:
// those of the exact and language fields from their locations, and, by
// analysing the text again, the words of the stemmed fields, which keep no
// term vectors, and the runs of exact words (phrasemark.go).
func (e *Engine) matches(s Statement, locs bsearch.FieldTermLocationMap, stems stems, runs phraseSet) (title, body []match) {
	stemmed := stemmedMatches
	if e.stemMemo != nil {
		stemmed = e.stemMemo.matches
	}
	title = append(matchesIn(locs, index.FieldTitleExact, index.LangField(index.FieldTitle, s.Lang)),
		stemmed(e.stem, s.Title, stems.title)...)
	title = append(title, phraseMatches(e.exact, s.Title, runs.title)...)
	body = append(matchesIn(locs, index.FieldBodyExact, index.LangField(index.FieldBody, s.Lang)),
		stemmed(e.stem, s.Body, stems.body)...)
	body = append(body, phraseMatches(e.exact, s.Body, runs.body)...)
	return title, body
}

// matchesIn collects the byte ranges matched in the given fields. A field and
// its twins index the same stored text, so their offsets agree.
func matchesIn(locs bsearch.FieldTermLocationMap, fields ...string) []match {
	var out []match
	for _, f := range fields {
		for _, terms := range locs[f] {
			for _, l := range terms {
				out = append(out, match{int(l.Start), int(l.End)})
			}
		}
	}
	return out
}

// Statement is a whole stored statement.
type Statement = index.Statement

// ErrNotFound means no statement has the ID.
var ErrNotFound = index.ErrNotFound

// Statement returns one whole statement, or an error wrapping ErrNotFound.
func (e *Engine) Statement(ctx context.Context, id string) (Statement, error) {
	return e.ix.Statement(ctx, id)
}

// Count returns the number of statements in the index.
func (e *Engine) Count() (uint64, error) {
	return e.ix.Count()
}
