package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/advosearch/advosearch/corpus"
	"github.com/advosearch/advosearch/search"
	"github.com/labstack/echo/v4"
)

// The JSON API. Field names are part of the contract with API users: change
// them only with a new API version.

// apiResult is the answer to /api/search.
type apiResult struct {
	Total  uint64    `json:"total"`
	TookMS int64     `json:"took_ms"`
	Page   int       `json:"page"`
	Size   int       `json:"size"`
	Hits   []apiHit  `json:"hits"`
	Facets apiFacets `json:"facets"`
	// Exact lists the quoted phrases, matched word for word; Stemmed the
	// unquoted words, matched with their variants (detained also finds
	// detain). Both are always arrays.
	Exact   []string `json:"exact"`
	Stemmed []string `json:"stemmed"`
	// Suggestion is the query with misspelled words corrected, when
	// nothing matched and a correction exists; left out otherwise.
	Suggestion string `json:"suggestion,omitempty"`
	// Ignored are the small words left out of the search (of, the);
	// always an array.
	Ignored []string `json:"ignored"`
	// Notice says what of the query was read otherwise than typed (a lone
	// quotation mark searched as a plain word), and NoticeColumn where
	// the first such spot is; both left out when there is none.
	Notice       string `json:"notice,omitempty"`
	NoticeColumn int    `json:"notice_column,omitempty"`
	// UndatedLeftOut is how many statements without a date the date range
	// left out (undated=1 keeps them); left out when none were.
	UndatedLeftOut uint64 `json:"undated_left_out,omitempty"`
	// Partial says no statement has all Words of the query: the hits have
	// PartialMin of them or more, the most first.
	Partial    bool `json:"partial"`
	Words      int  `json:"words,omitempty"`
	PartialMin int  `json:"partial_min,omitempty"`
}

type apiHit struct {
	ID    string `json:"id"`
	Title string `json:"title"` // plain text
	// TitleHTML is the title as HTML-escaped text with the matched words in
	// <mark>, as the snippets are.
	TitleHTML string  `json:"title_html"`
	URL       string  `json:"url"`
	Source    string  `json:"source"`
	Published *string `json:"published"` // YYYY-MM-DD, null when unknown
	Score     float64 `json:"score"`
	// Snippets are HTML: escaped text with the matched words in <mark>, and
	// no other markup.
	Snippets      []string `json:"snippets"`
	Organizations []string `json:"organizations"`
	People        []string `json:"people"`
	Places        []string `json:"places"`
}

type apiFacets struct {
	Organizations []apiFacetValue `json:"organizations"`
	People        []apiFacetValue `json:"people"`
	Places        []apiFacetValue `json:"places"`
	Source        []apiFacetValue `json:"source"`
	Lang          []apiFacetValue `json:"lang"`
	Published     []apiDateBucket `json:"published"`
}

type apiFacetValue struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// apiDateBucket is one year of the publication-date histogram. From and To
// are both inclusive, so they can be sent back as the from and to
// parameters; From is left out for the bucket of everything before a year.
type apiDateBucket struct {
	Value string `json:"value"`
	From  string `json:"from,omitempty"`
	To    string `json:"to,omitempty"`
	Count int    `json:"count"`
}

// apiQuoteResult is the answer to /api/quotes.
type apiQuoteResult struct {
	Total  uint64         `json:"total"`
	TookMS int64          `json:"took_ms"`
	Page   int            `json:"page"`
	Size   int            `json:"size"`
	Hits   []apiQuoteHit  `json:"hits"`
	Facets apiQuoteFacets `json:"facets"`
}

type apiQuoteHit struct {
	ID    string `json:"id"`
	Quote string `json:"quote"` // plain text
	// QuoteHTML is the quotation as HTML-escaped text with the words of the
	// query in <mark>, and no other markup.
	QuoteHTML string `json:"quote_html"`
	// Exact says the passage occurs in the quotation word for word; the
	// other hits are near matches, listed after every exact one.
	Exact       bool    `json:"exact"`
	Speaker     *string `json:"speaker"` // null when the statement does not say
	Sentence    string  `json:"sentence"`
	StatementID string  `json:"statement_id"`
	Title       string  `json:"title"`
	Source      string  `json:"source"`
	Published   *string `json:"published"` // YYYY-MM-DD, null when unknown
	URL         string  `json:"url"`
	// Citation is plain text, ready to paste, as the quotes tab gives it
	// (citer): speaker, quotation, source, title, date or "n.d.", the URL
	// or else the permalink, and the day of the answer.
	Citation string `json:"citation"`
}

type apiQuoteFacets struct {
	Speaker []apiFacetValue `json:"speaker"`
}

// apiDocument is a whole statement, for /api/documents/:id.
type apiDocument struct {
	ID            string   `json:"id"`
	Title         string   `json:"title"`
	Body          string   `json:"body"`
	URL           string   `json:"url"`
	Source        string   `json:"source"`
	Published     *string  `json:"published"` // YYYY-MM-DD, null when unknown
	Dates         []string `json:"dates"`     // YYYY-MM-DD, the dates the text mentions
	Organizations []string `json:"organizations"`
	People        []string `json:"people"`
	Places        []string `json:"places"`
	Lang          string   `json:"lang"`
	// Origin says where the statement came from in words: a file's name,
	// "batch.jsonl line 5", the URL it was fetched from; never a path on
	// the server's disk.
	Origin string `json:"origin"`
}

type apiHealth struct {
	Status    string `json:"status"`
	Documents uint64 `json:"documents"`
}

// apiSearchGet answers GET /api/search?q=…&org=…&page=…, as JSON or, with
// format=csv or jsonl, as an export of every match (export.go).
func (s *Server) apiSearchGet(c echo.Context) error {
	p, err := paramsFromQuery(c.QueryParams())
	if err != nil {
		return err
	}
	f, err := exportFormat(c)
	if err != nil {
		return err
	}
	if f != "" {
		return s.export(c, p, f)
	}
	return s.apiSearch(c, p)
}

// apiBody is the JSON body of POST /api/search: the parameters of the GET,
// with arrays for the repeatable ones. Page and size are pointers so that an
// explicit 0 is an error, as it is in a URL, rather than the default.
type apiBody struct {
	params
	Page *int `json:"page"`
	Size *int `json:"size"`
}

// apiSearchPost answers POST /api/search with a JSON body. Unknown fields are
// errors, so a misspelt filter is not silently ignored.
func (s *Server) apiSearchPost(c echo.Context) error {
	var body apiBody
	if err := decodeBody(c.Request().Body, &body); err != nil {
		return err
	}
	p := body.params
	for _, n := range []struct {
		name string
		v    *int
		dst  *int
	}{{paramPage, body.Page, &p.Page}, {paramSize, body.Size, &p.Size}} {
		if n.v == nil {
			continue
		}
		if err := checkPositive(n.name, *n.v); err != nil {
			return err
		}
		*n.dst = *n.v
	}
	p.Org, p.Person, p.Place, p.Source = nonEmpty(p.Org), nonEmpty(p.Person), nonEmpty(p.Place), nonEmpty(p.Source)
	p.From, p.To, p.Op = strings.TrimSpace(p.From), strings.TrimSpace(p.To), strings.TrimSpace(p.Op)
	return s.apiSearch(c, p)
}

// decodeBody reads a request body that must be exactly one JSON object into
// v. Unknown fields are errors, so a misspelt field is not silently
// ignored. Errors are 400s that say what is wrong.
func decodeBody(r io.Reader, v any) error {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return bodyError(err)
	}
	var extra json.RawMessage
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		if err != nil {
			return bodyError(err)
		}
		return badRequest("request body must hold one JSON object")
	}
	return nil
}

// bodyError says what is wrong with a request body.
func bodyError(err error) error {
	var tooBig *http.MaxBytesError
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &tooBig):
		return badRequest("request body is larger than %d bytes", tooBig.Limit)
	case errors.Is(err, io.EOF):
		return badRequest("request body is empty; send a JSON object")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return badRequest("request body is malformed JSON: it ends too early")
	case errors.As(err, &syntax):
		return badRequest("request body is malformed JSON at byte %d: %s", syntax.Offset, strings.TrimPrefix(syntax.Error(), "json: "))
	case errors.As(err, &typ):
		if typ.Field == "" {
			return badRequest("request body must be a JSON object, not %s", typ.Value)
		}
		return badRequest("field %q must be %s, not %s", typ.Field, jsonKind(typ.Type.Kind().String()), typ.Value)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return badRequest("request body has an unknown field %s", strings.TrimPrefix(err.Error(), "json: unknown field "))
	}
	return badRequest("request body is not valid: %s", strings.TrimPrefix(err.Error(), "json: "))
}

func jsonKind(goKind string) string {
	switch goKind {
	case "int":
		return "a whole number"
	case "string":
		return "a string"
	case "slice":
		return "an array of strings"
	}
	return goKind
}

func (s *Server) apiSearch(c echo.Context, p params) error {
	req, err := p.request(s.opts.DefaultOr)
	if err != nil {
		return err
	}
	res, err := s.search.Search(c.Request().Context(), req)
	if err != nil {
		return fmt.Errorf("web: api search: %w", err)
	}
	return c.JSON(http.StatusOK, toAPIResult(res))
}

// apiQuotes answers GET /api/quotes?q=…&speaker=…&org=…: quotations of a
// pasted passage, exact ones first; with format=csv or jsonl, an export of
// every one (export.go).
func (s *Server) apiQuotes(c echo.Context) error {
	p, err := quoteParamsFromQuery(c.QueryParams())
	if err != nil {
		return err
	}
	f, err := exportFormat(c)
	if err != nil {
		return err
	}
	if f != "" {
		return s.exportQuotes(c, p, f)
	}
	req, err := p.quoteRequest()
	if err != nil {
		return err
	}
	res, err := s.search.Quotes(c.Request().Context(), req)
	if err != nil {
		return fmt.Errorf("web: api quotes: %w", err)
	}
	out := apiQuoteResult{
		Total:  res.Total,
		TookMS: res.Took.Milliseconds(),
		Page:   res.Page,
		Size:   res.Size,
		Hits:   make([]apiQuoteHit, 0, len(res.Hits)),
		Facets: apiQuoteFacets{Speaker: apiFacetValues(res.Speakers)},
	}
	cites := s.citer(c)
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, toAPIQuoteHit(h, cites))
	}
	return c.JSON(http.StatusOK, out)
}

// toAPIQuoteHit maps a quotation for the API and its exports.
func toAPIQuoteHit(h search.QuoteHit, cites citer) apiQuoteHit {
	hit := apiQuoteHit{
		ID:          h.ID,
		Quote:       spansText(h.Quote),
		QuoteHTML:   spansHTML(h.Quote),
		Exact:       h.Exact,
		Sentence:    h.Sentence,
		StatementID: h.StatementID,
		Title:       h.Title,
		Source:      h.Source,
		Published:   apiDate(h.Published),
		URL:         h.URL,
		Citation:    cites.quote(h).String(),
	}
	if h.Speaker != "" {
		hit.Speaker = &h.Speaker
	}
	return hit
}

func toAPIResult(res search.Result) apiResult {
	out := apiResult{
		Total:  res.Total,
		TookMS: res.Took.Milliseconds(),
		Page:   res.Page,
		Size:   res.Size,
		Hits:   make([]apiHit, 0, len(res.Hits)),
		Facets: apiFacets{
			Organizations: apiFacetValues(res.Facets.Organizations),
			People:        apiFacetValues(res.Facets.People),
			Places:        apiFacetValues(res.Facets.Places),
			Source:        apiFacetValues(res.Facets.Sources),
			Lang:          apiFacetValues(res.Facets.Languages),
			Published:     make([]apiDateBucket, 0, len(res.Facets.Published)),
		},
		Exact:          orEmpty(res.Exact),
		Stemmed:        orEmpty(res.Stemmed),
		Suggestion:     res.Suggestion,
		Ignored:        orEmpty(res.Ignored),
		Notice:         noticeText(res.Notices),
		Partial:        res.Partial,
		PartialMin:     res.PartialMin,
		UndatedLeftOut: res.Undated,
	}
	if len(res.Notices) > 0 {
		out.NoticeColumn = res.Notices[0].Column
	}
	if res.Partial {
		out.Words = res.Words
	}
	for _, h := range res.Hits {
		snippets := make([]string, 0, len(h.Snippets))
		for _, sn := range h.Snippets {
			snippets = append(snippets, spansHTML(sn))
		}
		out.Hits = append(out.Hits, apiHit{
			ID:            h.ID,
			Title:         spansText(h.Title),
			TitleHTML:     spansHTML(h.Title),
			URL:           h.URL,
			Source:        h.Source,
			Published:     apiDate(h.Published),
			Score:         h.Score,
			Snippets:      snippets,
			Organizations: orEmpty(h.Organizations),
			People:        orEmpty(h.People),
			Places:        orEmpty(h.Places),
		})
	}
	for _, b := range res.Facets.Published {
		out.Facets.Published = append(out.Facets.Published, apiDateBucket{
			Value: b.Label, From: dayOf(b.From), To: lastDayBefore(b.To), Count: b.Count,
		})
	}
	return out
}

func apiFacetValues(vs []search.FacetValue) []apiFacetValue {
	out := make([]apiFacetValue, 0, len(vs))
	for _, v := range vs {
		out = append(out, apiFacetValue{Value: v.Value, Count: v.Count})
	}
	return out
}

// spansHTML is the one place where Go builds HTML from stored text, for API
// users who insert snippets as HTML. It is safe because every piece of text
// goes through html.EscapeString (which escapes <, >, &, ' and "), and the
// only markup added is the constant <mark> and </mark>. Pages do not use it:
// their templates wrap the spans themselves.
func spansHTML(spans []search.Span) string {
	var b strings.Builder
	for _, sp := range spans {
		if sp.Hit {
			b.WriteString("<mark>")
			b.WriteString(html.EscapeString(sp.Text))
			b.WriteString("</mark>")
			continue
		}
		b.WriteString(html.EscapeString(sp.Text))
	}
	return b.String()
}

func spansText(spans []search.Span) string {
	var b strings.Builder
	for _, sp := range spans {
		b.WriteString(sp.Text)
	}
	return b.String()
}

// dayOf formats a date as YYYY-MM-DD, or "" when it is unknown.
func dayOf(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.DateOnly)
}

// lastDayBefore turns an exclusive end into the inclusive last day.
func lastDayBefore(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return dayOf(t.AddDate(0, 0, -1))
}

func apiDate(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	d := dayOf(t)
	return &d
}

func orEmpty(vs []string) []string {
	if vs == nil {
		return []string{}
	}
	return vs
}

// apiDocument answers GET /api/documents/:id with the whole statement.
func (s *Server) apiDocument(c echo.Context) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	st, err := s.search.Statement(c.Request().Context(), id)
	if err != nil {
		return fmt.Errorf("web: api document %s: %w", id, err)
	}
	dates := make([]string, 0, len(st.Dates))
	for _, d := range st.Dates {
		dates = append(dates, dayOf(d))
	}
	return c.JSON(http.StatusOK, apiDocument{
		ID:            st.ID,
		Title:         st.Title,
		Body:          st.Body,
		URL:           st.URL,
		Source:        st.Source,
		Published:     apiDate(st.Published),
		Dates:         dates,
		Organizations: orEmpty(st.Organizations),
		People:        orEmpty(st.People),
		Places:        orEmpty(st.Places),
		Lang:          st.Lang,
		Origin:        corpus.ProvenanceOf(st.Origin).String(),
	})
}

// pathID reads the :id parameter. Echo matches the escaped path when the
// client escaped more than needed, and then leaves the value escaped.
func pathID(c echo.Context) (string, error) {
	return pathParam(c, "id", "statement ID")
}

// pathParam is the path parameter key, unescaped; what names it in the
// message of a 400.
func pathParam(c echo.Context, key, what string) (string, error) {
	v := c.Param(key)
	if c.Request().URL.RawPath == "" {
		return v, nil
	}
	unescaped, err := url.PathUnescape(v)
	if err != nil {
		return "", badRequest("%s %q is not a valid path segment", what, v)
	}
	return unescaped, nil
}

// healthz answers GET /healthz: 200 while the index answers, with its size.
func (s *Server) healthz(c echo.Context) error {
	n, err := s.search.Count()
	if err != nil {
		s.log.Error("web: health check", "err", err)
		return c.JSON(http.StatusServiceUnavailable, apiError{Error: "index unavailable"})
	}
	return c.JSON(http.StatusOK, apiHealth{Status: "ok", Documents: n})
}
