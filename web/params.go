package web

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/advosearch/advosearch/search"
)

// Parameter names, shared by URLs, JSON bodies and templates.
const (
	paramQuery  = "q"
	paramOrg    = "org"
	paramPerson = "person"
	paramPlace  = "place"
	paramSource = "source"
	paramFrom   = "from"
	paramTo     = "to"
	paramSort   = "sort"
	paramPage   = "page"
	paramSize   = "size"
	paramOp     = "op"
	// paramStrict=1 answers a syntax error with 400, for programs; the
	// default reads pasted text forgivingly and says what it read past.
	paramStrict = "strict"
	// paramUndated=1 (or include) keeps the statements without a date in
	// a search bounded by from or to.
	paramUndated = "undated"
	// paramSpeaker filters quotations by who said them; only the quotes
	// tab reads it.
	paramSpeaker = "speaker"
	// paramBack is the results page a statement page was opened from.
	paramBack = "back"
)

// Values of the op parameter: how adjacent words are combined.
const (
	opAnd = "and"
	opOr  = "or"
)

// filterParams are the repeatable facet filters, in the order pages show them.
var filterParams = []string{paramOrg, paramPerson, paramPlace, paramSource}

// quoteFilterParams are the repeatable filters of the quotes tab, in the
// order it shows them.
var quoteFilterParams = []string{paramSpeaker, paramOrg}

// allFilterParams are every repeatable filter, for copying and writing back.
var allFilterParams = []string{paramOrg, paramPerson, paramPlace, paramSource, paramSpeaker}

// params is the whole state of one search, as the user gave it: the page and
// the API read it from the URL (or a JSON body) and the page writes it back
// into every link, so a search is a URL that can be shared.
type params struct {
	Q      string   `json:"q"`
	Org    []string `json:"org"`
	Person []string `json:"person"`
	Place  []string `json:"place"`
	Source []string `json:"source"`
	From   string   `json:"from"` // YYYY-MM-DD, inclusive
	To     string   `json:"to"`   // YYYY-MM-DD, inclusive
	Sort   string   `json:"sort"` // "", relevance, date, -date
	// Op combines adjacent words: "and" or "or"; "" is the server's
	// default (Options.DefaultOr).
	Op string `json:"op"`
	// Strict makes a syntax error a 400 instead of a notice.
	Strict bool `json:"strict"`
	// Undated keeps the statements without a date when From or To is set.
	Undated bool `json:"undated"`
	Page    int  `json:"-"` // 0: the first page
	Size    int  `json:"-"` // 0: search.DefaultSize
	// Speaker filters quotations (quoteParamsFromQuery); the statement
	// search has no such filter and never sets it.
	Speaker []string `json:"-"`
	// path is the page the links go to: "" for the search page, or
	// pathQuotes for the quotes tab.
	path string
}

// pathQuotes is the quotes tab, the quote search page.
const pathQuotes = "/quotes"

// paramsFromQuery reads the URL query. Unknown parameters are ignored, so a
// link that carries a tracking parameter still works; a parameter we know
// with a bad value is an error wrapping search.ErrInvalid.
func paramsFromQuery(v url.Values) (params, error) {
	p := params{
		Q:      v.Get(paramQuery),
		Org:    nonEmpty(v[paramOrg]),
		Person: nonEmpty(v[paramPerson]),
		Place:  nonEmpty(v[paramPlace]),
		Source: nonEmpty(v[paramSource]),
		From:   strings.TrimSpace(v.Get(paramFrom)),
		To:     strings.TrimSpace(v.Get(paramTo)),
		Sort:   v.Get(paramSort),
		Op:     strings.TrimSpace(v.Get(paramOp)),
	}
	var err error
	if p.Strict, err = flag(paramStrict, v.Get(paramStrict)); err != nil {
		return p, err
	}
	if p.Undated, err = undatedFlag(v.Get(paramUndated)); err != nil {
		return p, err
	}
	if p.Page, err = positive(paramPage, v.Get(paramPage)); err != nil {
		return p, err
	}
	if p.Size, err = positive(paramSize, v.Get(paramSize)); err != nil {
		return p, err
	}
	return p, nil
}

// quoteParamsFromQuery reads the URL query of a quote search: the query, the
// speaker and organization filters, the dates and the page. The statement
// search's other parameters mean nothing to it and are dropped, so its links
// do not carry them.
func quoteParamsFromQuery(v url.Values) (params, error) {
	all, err := paramsFromQuery(v)
	p := params{
		Q:       all.Q,
		Org:     all.Org,
		Speaker: nonEmpty(v[paramSpeaker]),
		From:    all.From,
		To:      all.To,
		Page:    all.Page,
		Size:    all.Size,
		path:    pathQuotes,
	}
	return p, err
}

// quoteRequest checks the parameters of a quote search and turns them into
// a request. Errors wrap search.ErrInvalid; the search checks the rest
// (query length, page depth, a range that ends before it starts).
func (p params) quoteRequest() (search.QuoteRequest, error) {
	r := search.QuoteRequest{
		Query:         p.Q,
		Speakers:      p.Speaker,
		Organizations: p.Org,
		Page:          p.Page,
		Size:          p.Size,
	}
	var err error
	if r.From, err = parseDate(paramFrom, p.From); err != nil {
		return r, err
	}
	if r.To, err = parseDate(paramTo, p.To); err != nil {
		return r, err
	}
	return r, nil
}

// positive reads an optional whole number of 1 or more; "" is 0, the default.
func positive(name, s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, &search.InvalidError{Field: name, Value: s, Reason: "is not a whole number"}
	}
	return n, checkPositive(name, n)
}

// flag reads an optional yes or no: 1 or true, 0 or false; "" is no.
func flag(name, s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "0", "false":
		return false, nil
	case "1", "true":
		return true, nil
	}
	return false, &search.InvalidError{Field: name, Value: s, Reason: "must be 1 or 0"}
}

// undatedFlag reads paramUndated: a flag, or the words of the page's
// switch, "include" and "exclude", which the issue that asked for the
// switch named and which read better in a URL.
func undatedFlag(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "include":
		return true, nil
	case "exclude":
		return false, nil
	}
	b, err := flag(paramUndated, s)
	if err != nil {
		return false, &search.InvalidError{Field: paramUndated, Value: s, Reason: "must be include, exclude, 1 or 0"}
	}
	return b, nil
}

func checkPositive(name string, n int) error {
	if n < 1 {
		return &search.InvalidError{Field: name, Value: strconv.Itoa(n), Reason: "must be 1 or more"}
	}
	return nil
}

func nonEmpty(vs []string) []string {
	var out []string
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// request checks the parameters and turns them into a search request;
// defaultOr applies when the parameters name no operator. Errors wrap
// search.ErrInvalid; the search checks the rest (query syntax, depth).
func (p params) request(defaultOr bool) (search.Request, error) {
	r := search.Request{
		Query:          p.Q,
		Organizations:  p.Org,
		People:         p.Person,
		Places:         p.Place,
		Sources:        p.Source,
		Page:           p.Page,
		Size:           p.Size,
		Strict:         p.Strict,
		IncludeUndated: p.Undated,
	}
	var err error
	if r.DefaultOr, err = p.defaultOr(defaultOr); err != nil {
		return r, err
	}
	if r.From, err = parseDate(paramFrom, p.From); err != nil {
		return r, err
	}
	if r.To, err = parseDate(paramTo, p.To); err != nil {
		return r, err
	}
	if r.Sort, err = search.ParseSort(p.Sort); err != nil {
		return r, err
	}
	if p.Size > search.MaxSize {
		return r, &search.InvalidError{Field: paramSize, Value: strconv.Itoa(p.Size), Reason: "must be between 1 and " + strconv.Itoa(search.MaxSize)}
	}
	return r, nil
}

// defaultOr tells whether adjacent words are combined with OR: as the op
// parameter says, or as the server's default when it is empty. Case does not
// matter, since the operators themselves are written in capitals.
func (p params) defaultOr(serverDefault bool) (bool, error) {
	switch strings.ToLower(p.Op) {
	case "":
		return serverDefault, nil
	case opAnd:
		return false, nil
	case opOr:
		return true, nil
	}
	return false, &search.InvalidError{Field: paramOp, Value: p.Op, Reason: "must be and or or"}
}

func parseDate(name, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, &search.InvalidError{Field: name, Value: s, Reason: "is not a date of the form YYYY-MM-DD"}
	}
	return t, nil
}

// filter returns the values of one filter parameter; a name that is not a
// filter has none.
func (p *params) filter(name string) *[]string {
	switch name {
	case paramOrg:
		return &p.Org
	case paramPerson:
		return &p.Person
	case paramPlace:
		return &p.Place
	case paramSource:
		return &p.Source
	case paramSpeaker:
		return &p.Speaker
	}
	return new([]string)
}

// clone copies p so that its filter slices can change without touching p's.
func (p params) clone() params {
	for _, name := range allFilterParams {
		f := p.filter(name)
		*f = slices.Clone(*f)
	}
	return p
}

// with adds a filter value and goes back to the first page.
func (p params) with(name, value string) params {
	p = p.clone()
	if f := p.filter(name); !slices.Contains(*f, value) {
		*f = append(*f, value)
	}
	p.Page = 0
	return p
}

// without removes a filter value and goes back to the first page.
func (p params) without(name, value string) params {
	p = p.clone()
	f := p.filter(name)
	*f = slices.DeleteFunc(*f, func(v string) bool { return v == value })
	p.Page = 0
	return p
}

func (p params) has(name, value string) bool {
	return slices.Contains(*p.filter(name), value)
}

func (p params) withPage(n int) params {
	p.Page = n
	return p
}

func (p params) withSort(s search.Sort) params {
	p.Sort = string(s)
	p.Page = 0
	return p
}

// withQuery replaces the query, keeping the filters, and goes back to the
// first page.
func (p params) withQuery(q string) params {
	p.Q = q
	p.Page = 0
	return p
}

func (p params) withDates(from, to string) params {
	p.From, p.To = from, to
	p.Page = 0
	return p
}

// values writes the parameters back, leaving out defaults so URLs stay short.
func (p params) values() url.Values {
	v := url.Values{}
	if p.Q != "" {
		v.Set(paramQuery, p.Q)
	}
	for _, name := range allFilterParams {
		for _, value := range *p.filter(name) {
			v.Add(name, value)
		}
	}
	if p.From != "" {
		v.Set(paramFrom, p.From)
	}
	if p.To != "" {
		v.Set(paramTo, p.To)
	}
	if p.Undated && (p.From != "" || p.To != "") {
		v.Set(paramUndated, "1")
	}
	if p.Sort != "" {
		v.Set(paramSort, p.Sort)
	}
	if p.Op != "" {
		v.Set(paramOp, p.Op)
	}
	if p.Page > 1 {
		v.Set(paramPage, strconv.Itoa(p.Page))
	}
	if p.Size != 0 && p.Size != search.DefaultSize {
		v.Set(paramSize, strconv.Itoa(p.Size))
	}
	return v
}

// href is the URL of these parameters on their page: the search page, or
// the quotes tab.
func (p params) href() string {
	path := p.path
	if path == "" {
		path = "/"
	}
	v := p.values()
	if len(v) == 0 {
		return path
	}
	return path + "?" + v.Encode()
}

// tabs link the statement search and the quotes tab, each with the query
// and the dates of this one; the filters differ between the two and stay
// behind.
func (p params) tabs() []link {
	common := params{Q: p.Q, From: p.From, To: p.To}
	quotes := common
	quotes.path = pathQuotes
	return []link{
		{Label: "Statements", URL: common.href(), Current: p.path == ""},
		{Label: "Quotes", URL: quotes.href(), Current: p.path == pathQuotes},
	}
}
