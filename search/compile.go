package search

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/query"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	bquery "github.com/blevesearch/bleve/v2/search/query"
)

// textFields maps a text field the user names to its stemmed and exact
// index fields. No field means title and body.
var textFields = map[string]struct{ stemmed, exact string }{
	query.FieldTitle: {index.FieldTitle, index.FieldTitleExact},
	query.FieldBody:  {index.FieldBody, index.FieldBodyExact},
}

// keywordFields maps the fields whose values are whole names.
var keywordFields = map[string]string{
	query.FieldSource: index.FieldSource,
	query.FieldOrg:    index.FieldOrganizations,
	query.FieldPerson: index.FieldPeople,
	query.FieldPlace:  index.FieldPlaces,
	query.FieldLang:   index.FieldLang,
}

// quoteFolder turns the typographic quotes a pasted sentence carries into the
// straight ones; the parser takes both, but a lone curly quote inside a
// straight-quoted phrase would otherwise end it.
var quoteFolder = strings.NewReplacer("“", `"`, "”", `"`, "„", `"`, "‟", `"`)

// compiled is a user's query made ready for Bleve.
type compiled struct {
	// tree is the parsed query, stop words dropped (see natural.go).
	tree query.Node
	// notices are the syntax errors a forgiving parse read past.
	notices []*query.SyntaxError
	// ignored are the small words left out of the search.
	ignored []string
	// query is what a statement must match, with the adjacency boost.
	query bquery.Query
	// words are the clauses of a top-level AND of two or more, and
	// excluded its NOT clauses: a search that finds nothing can be run
	// again with most of the words (compiled.most). nil otherwise.
	words, excluded []bquery.Query
	boost           bquery.Query // adjacency, or nil
	// phrases are the runs of words marked by analysing a page's texts
	// (phrasemark.go); analysed says that they and the stems are all the
	// marks, so no locations search is needed.
	phrases  phraseSet
	analysed bool
}

// compileOptions say how to read a query.
type compileOptions struct {
	defaultOr bool
	// strict answers a syntax error with InvalidError; otherwise the
	// query is read forgivingly (query.ParseForgiving) and the errors
	// become notices.
	strict bool
}

// compile parses the user's query and turns the tree into a Bleve query over
// the schema. Syntax errors become InvalidError with the column.
func (c compiler) compile(q string, o compileOptions) (compiled, error) {
	var out compiled
	opts := query.Options{DefaultOr: o.defaultOr}
	q = quoteFolder.Replace(q)
	var tree query.Node
	if o.strict {
		var err error
		if tree, err = query.Parse(q, opts); err != nil {
			var se *query.SyntaxError
			if errors.As(err, &se) {
				return compiled{}, &InvalidError{Field: "q", Value: q, Reason: se.Msg, Column: se.Column}
			}
			return compiled{}, &InvalidError{Field: "q", Value: q, Reason: err.Error()}
		}
	} else {
		tree, out.notices = query.ParseForgiving(q, opts)
	}
	out.boost = c.boost(tree)
	stop := stopWords{stem: c.stem}
	out.tree, out.ignored = stop.rewrite(tree), stop.dropped
	out.phrases, out.analysed = c.phrases(out.tree, tree)
	var main bquery.Query
	var err error
	if b, ok := out.tree.(*query.Bool); ok && len(b.Must) > 1 && len(b.Should) == 0 {
		// An AND of words: its clauses, compiled once, also serve the
		// partial fallback (compiled.most).
		main, out.words, out.excluded, err = c.boolParts(b)
	} else {
		main, err = c.node(out.tree)
	}
	if err != nil {
		return compiled{}, err
	}
	out.query = out.boosted(main)
	return out, nil
}

// boosted adds the adjacency boost to a query that must match.
func (c compiled) boosted(main bquery.Query) bquery.Query {
	if c.boost == nil {
		return main
	}
	return bquery.NewBooleanQuery([]bquery.Query{main}, []bquery.Query{c.boost}, nil)
}

// most matches the statements with at least min of the query's words
// (compiled.words) and none of its excluded clauses, scored by how many
// they have: Bleve's disjunction weighs each statement's score by the share
// of its clauses that match. boost adds the adjacency boost.
func (c compiled) most(min int, boost bool) bquery.Query {
	d := bleve.NewDisjunctionQuery(c.words...)
	d.SetMin(float64(min))
	q := bquery.NewBooleanQuery([]bquery.Query{d}, nil, c.excluded)
	if boost {
		return c.boosted(q)
	}
	return q
}

// locationsQuery returns q, the query a page's hits matched, when its
// locations are needed to mark the words of hits in languages without twin
// fields (hasLangTwins), or nil when analysing the texts again finds every
// mark: a query of words and quoted phrases only (phrasemark.go).
func (c compiled) locationsQuery(q bquery.Query) bquery.Query {
	if c.analysed {
		return nil
	}
	return q
}

// compiler turns a query tree into a Bleve query.
type compiler struct {
	langs []string          // of the stemmed language twins to search
	stem  analysis.Analyzer // of the stemmed fields, to tell stop words
	exact analysis.Analyzer // of the exact fields, for words as typed
	pairs analysis.Analyzer // of the pair fields, for the adjacency boost
	rank  ranking
}

// newCompiler compiles for ix, searching unquoted words in the language
// twins of langs (of index.StemmedLangs) beside title and body.
func newCompiler(ix *index.Index, langs []string, rank ranking) compiler {
	m := ix.Mapping()
	return compiler{langs: langs, rank: rank,
		stem:  m.AnalyzerNamed(index.AnalyzerStemmed),
		exact: m.AnalyzerNamed(index.AnalyzerExact),
		pairs: m.AnalyzerNamed(index.AnalyzerPairs)}
}

func (c compiler) node(n query.Node) (bquery.Query, error) {
	switch n := n.(type) {
	case *query.MatchAll:
		// Every statement, not every document: quotes share the index.
		return index.KindQuery(index.KindStatement), nil
	case *query.Bool:
		return c.bool(n)
	case *query.Term:
		if q, ok := nameClause(n.Field, n.Text, n.Boost); ok {
			return q, nil
		}
		// Every word of a hyphenated or apostrophised term must match; on
		// the Khmer n-gram fields, every gram of the word.
		return onFields(n.Field, n.Boost, false, func(field string) bquery.Query {
			q := matchAll(field, n.Text)
			if c.rank.titleBoost > 0 && strings.HasPrefix(field, index.FieldTitle) {
				boostBy(q, c.rank.titleBoost)
			}
			return q
		}, c.langTwins(n.Field, true, n.Text)...)
	case *query.Phrase:
		if q, ok := nameClause(n.Field, n.Text, n.Boost); ok {
			return q, nil
		}
		// The exact fields drop Khmer script, so a Khmer phrase is also
		// looked for on the n-gram fields, as all of its grams: n-grams
		// carry no word positions, so this finds the words, not the phrase.
		khmer := c.langTwins(n.Field, false, n.Text)
		if n.Slop >= 0 {
			return onFields(n.Field, n.Boost, true, func(field string) bquery.Query {
				if index.IsKhmerField(field) {
					return matchAll(field, n.Text)
				}
				var q bquery.Query = &proximityQuery{field: field, text: n.Text, slop: n.Slop}
				if p, ok := possessive(n.Text); ok {
					q = bleve.NewDisjunctionQuery(q, &proximityQuery{field: field, text: p, slop: n.Slop})
				}
				return q
			}, khmer...)
		}
		return onFields(n.Field, n.Boost, true, func(field string) bquery.Query {
			if index.IsKhmerField(field) {
				return matchAll(field, n.Text)
			}
			q := exactPhrase(field, n.Text)
			if p, ok := possessive(n.Text); ok {
				// "Hun Sen" finds "Hun Sen’s government" too: a name
				// is quoted without the possessive the text gives it.
				q = bleve.NewDisjunctionQuery(q, exactPhrase(field, p))
			}
			return q
		}, khmer...)
	case *query.Fuzzy:
		return onFields(n.Field, n.Boost, true, func(field string) bquery.Query {
			return &expansionQuery{field: field, what: fmt.Sprintf("%s~%d", n.Text, n.Distance),
				fuzzy: asIndexed(field, n.Text), distance: n.Distance}
		})
	case *query.Wildcard:
		return onFields(n.Field, n.Boost, true, func(field string) bquery.Query {
			return &expansionQuery{field: field, what: n.Pattern, pattern: wildcardRegexp(asIndexed(field, n.Pattern))}
		})
	case *query.Regexp:
		return onFields(n.Field, n.Boost, true, func(field string) bquery.Query {
			return &expansionQuery{field: field, what: "/" + n.Pattern + "/", pattern: n.Pattern}
		})
	case *query.DateRange:
		inclusive, exclusive := true, false
		q := bleve.NewDateRangeInclusiveQuery(n.From, n.To, &inclusive, &exclusive)
		q.SetField(index.FieldPublished)
		boostBy(q, n.Boost)
		return q, nil
	}
	return nil, fmt.Errorf("search: no compiler for %T", n)
}

// exactPhrase searches text word for word in an exact field, through its
// word pairs when it has them.
func exactPhrase(exact, text string) bquery.Query {
	field, terms := index.PhraseField(exact, text)
	switch {
	case index.IsPairField(field):
		return &pairPhraseQuery{field: field, text: text}
	case terms == 1:
		q := bleve.NewMatchQuery(text)
		q.SetField(field)
		return q
	}
	q := bleve.NewMatchPhraseQuery(text)
	q.SetField(field)
	return q
}

// possessive returns the phrase with an English possessive on its last
// word ("Hun Sen" → "Hun Sen's"), and whether it can take one: the last
// word is letters, and not a possessive already. The exact fields fold a
// curly apostrophe to a straight one, so one form finds both.
func possessive(phrase string) (string, bool) {
	phrase = strings.TrimSpace(phrase)
	i := strings.LastIndexFunc(phrase, unicode.IsSpace)
	last := phrase[i+1:]
	if last == "" || strings.IndexFunc(last, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
		return "", false
	}
	return phrase + "'s", true
}

// nameFields are the lower-cased names and surface forms beside each entity
// facet, so a name query need not know the canonical spelling.
var nameFields = map[string]string{
	query.FieldOrg:    index.FieldOrgNames,
	query.FieldPerson: index.FieldPersonNames,
	query.FieldPlace:  index.FieldPlaceNames,
}

// nameClause searches a name field: a name is one whole value, so a word or
// a phrase must be the entire name (org:ADHOC, org:"Human Rights Now"): the
// canonical name as written, or any form the statement used for it in any
// case (org:cchr, person:"hun sen").
func nameClause(field, text string, b float64) (bquery.Query, bool) {
	kw, ok := keywordFields[field]
	if !ok {
		return nil, false
	}
	var q bquery.Query = termOn(kw, text)
	if names, ok := nameFields[field]; ok {
		q = bleve.NewDisjunctionQuery(q, termOn(names, strings.ToLower(text)))
	}
	boostBy(q, b)
	return q, true
}

func (c compiler) bool(n *query.Bool) (bquery.Query, error) {
	q, _, _, err := c.boolParts(n)
	return q, err
}

// boolParts compiles n and returns, beside it, its compiled required and
// excluded clauses.
func (c compiler) boolParts(n *query.Bool) (q bquery.Query, must, mustNot []bquery.Query, err error) {
	var groups [3][]bquery.Query
	for i, nodes := range [3][]query.Node{n.Must, n.Should, n.MustNot} {
		for _, child := range nodes {
			cq, err := c.node(child)
			if err != nil {
				return nil, nil, nil, err
			}
			groups[i] = append(groups[i], cq)
		}
	}
	must, should, mustNot := groups[0], groups[1], groups[2]
	required := must
	// "NOT a" alone means every statement but a; Bleve needs the "every".
	if len(must) == 0 && len(should) == 0 {
		required = []bquery.Query{index.KindQuery(index.KindStatement)}
	}
	bq := bquery.NewBooleanQuery(required, should, mustNot)
	boostBy(bq, n.Boost)
	return bq, must, mustNot, nil
}

// matchAll matches text on field, every token of it required.
func matchAll(field, text string) bquery.Query {
	q := bleve.NewMatchQuery(text)
	q.SetField(field)
	q.SetOperator(bquery.MatchQueryOperatorAnd)
	return q
}

// langTwins lists the language fields searched beside the title and body
// fields a clause names (both when it names none): with stemmed, the fields
// of c.langs (a French word meets French stems there); and when text holds
// Khmer script, the Khmer n-gram fields, since no other field indexes
// Khmer. Only Khmer text searches the n-gram fields: short Latin words
// would match grams inside longer ones.
func (c compiler) langTwins(field string, stemmed bool, text string) []string {
	var bases []string
	if tf, ok := textFields[field]; ok {
		bases = []string{tf.stemmed}
	} else if field == "" {
		bases = []string{index.FieldTitle, index.FieldBody}
	}
	khmer := index.HasKhmer(text)
	var out []string
	for _, base := range bases {
		if stemmed {
			for _, lang := range c.langs {
				out = append(out, index.LangField(base, lang))
			}
		}
		if khmer {
			out = append(out, index.LangField(base, index.LangKhmer))
		}
	}
	return out
}

// onFields builds a clause for the field the user named, or for title and
// body when none, and for the extra fields (language twins). exact picks the
// unstemmed twin of a text field: quoted words, fuzzy terms and patterns are
// about the words as written.
func onFields(field string, b float64, exact bool, on func(field string) bquery.Query, extra ...string) (bquery.Query, error) {
	var fields []string
	switch tf, ok := textFields[field]; {
	case keywordFields[field] != "":
		// Names are whole values: a word or phrase must be the entire name.
		fields = []string{keywordFields[field]}
	case ok && exact:
		fields = []string{tf.exact}
	case ok:
		fields = []string{tf.stemmed}
	case field == "" && exact:
		fields = []string{index.FieldTitleExact, index.FieldBodyExact}
	case field == "":
		fields = []string{index.FieldTitle, index.FieldBody}
	default:
		return nil, &InvalidError{Field: "q", Value: field + ":", Reason: "is not searchable yet: quotes and speakers have no index of their own"}
	}
	fields = append(fields, extra...)
	var qs []bquery.Query
	for _, f := range fields {
		q := on(f)
		boostBy(q, b)
		qs = append(qs, q)
	}
	if len(qs) == 1 {
		return qs[0], nil
	}
	return bleve.NewDisjunctionQuery(qs...), nil
}

// asIndexed lower-cases a word or pattern for the text fields, which are
// lower-cased when indexed; names in keyword fields keep their case.
func asIndexed(field, s string) string {
	for _, kw := range keywordFields {
		if field == kw {
			return s
		}
	}
	return strings.ToLower(s)
}

// boost is the weight of our own query types, as Bleve's BoostableQuery
// wants it: zero means none given, which is 1.
type boost float64

func (b *boost) SetBoost(v float64) { *b = boost(v) }

func (b *boost) Boost() float64 {
	if *b == 0 {
		return 1
	}
	return float64(*b)
}

func boostBy(q bquery.Query, b float64) {
	if bq, ok := q.(bquery.BoostableQuery); ok && b > 0 {
		bq.SetBoost(b)
	}
}

// wildcardRegexp turns a wildcard pattern (with backslash escapes) into a
// regular expression over whole terms.
func wildcardRegexp(pattern string) string {
	var b strings.Builder
	escaped := false
	for _, r := range pattern {
		switch {
		case escaped:
			b.WriteString(regexp.QuoteMeta(string(r)))
			escaped = false
		case r == '\\':
			escaped = true
		case r == '*':
			b.WriteString(".*")
		case r == '?':
			b.WriteString(".")
		default:
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	return b.String()
}
