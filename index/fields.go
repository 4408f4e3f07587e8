package index

import (
	"strconv"
	"time"
)

// fields is the document Bleve indexes under the mapping's field names.
func (s Statement) fields() map[string]interface{} {
	f := map[string]interface{}{
		FieldKind:       KindStatement,
		FieldTitle:      s.Title,
		FieldBody:       s.Body,
		FieldOrigin:     s.origins(),
		FieldHash:       s.Hash,
		FieldQuoteCount: strconv.Itoa(len(s.Quotes)),
	}
	setString(f, FieldURL, s.URL)
	setString(f, FieldSource, s.Source)
	setString(f, FieldLang, s.Lang)
	setStrings(f, FieldOrganizations, s.Organizations)
	setStrings(f, FieldPeople, s.People)
	setStrings(f, FieldPlaces, s.Places)
	setStrings(f, FieldOrgNames, s.Names.Organizations)
	setStrings(f, FieldPersonNames, s.Names.People)
	setStrings(f, FieldPlaceNames, s.Names.Places)
	if _, ok := langAnalyzers[s.Lang]; ok {
		setString(f, LangField(FieldTitle, s.Lang), s.Title)
		setString(f, LangField(FieldBody, s.Lang), s.Body)
	}
	// Khmer goes to the n-gram fields whatever the detected language:
	// statements mixing English and Khmer exist, and neither the stemmed
	// nor the exact analyzer indexes Khmer script at all.
	if HasKhmer(s.Title) {
		f[LangField(FieldTitle, LangKhmer)] = s.Title
	}
	if HasKhmer(s.Body) {
		f[LangField(FieldBody, LangKhmer)] = s.Body
	}
	if !s.Published.IsZero() {
		f[FieldPublished] = s.Published
	}
	if len(s.Dates) > 0 {
		f[FieldDates] = s.Dates
	}
	return f
}

// origins is the origin field's value: one string, or the statement's
// origin first and then the others.
func (s Statement) origins() interface{} {
	if len(s.AlsoFrom) == 0 {
		return s.Origin
	}
	return append([]string{s.Origin}, s.AlsoFrom...)
}

// quoteFields is the document of the n-th quote of s, carrying what a quote
// search filters on and shows without fetching the statement.
func (s Statement) quoteFields(q Quote) map[string]interface{} {
	f := map[string]interface{}{
		FieldKind:      KindQuote,
		FieldQuote:     q.Text,
		FieldSentence:  q.Sentence,
		FieldStatement: s.ID,
		FieldTitle:     s.Title,
	}
	setString(f, FieldSpeaker, q.Speaker)
	setString(f, FieldQuoteSource, s.Source)
	setString(f, FieldQuoteURL, s.URL)
	setStrings(f, FieldQuoteOrganizations, s.Organizations)
	if !s.Published.IsZero() {
		f[FieldQuotePublished] = s.Published
	}
	return f
}

func setString(f map[string]interface{}, name, v string) {
	if v != "" {
		f[name] = v
	}
}

func setStrings(f map[string]interface{}, name string, v []string) {
	if len(v) > 0 {
		f[name] = v
	}
}

// FromFields rebuilds a statement from the stored fields of a search hit,
// as Bleve returns them: strings, dates as RFC 3339 strings, and a slice when
// a field holds several values.
func FromFields(id string, f map[string]interface{}) Statement {
	s := Statement{
		ID:            id,
		Title:         str(f[FieldTitle]),
		Body:          str(f[FieldBody]),
		URL:           str(f[FieldURL]),
		Source:        str(f[FieldSource]),
		Lang:          str(f[FieldLang]),
		Hash:          str(f[FieldHash]),
		Organizations: strs(f[FieldOrganizations]),
		People:        strs(f[FieldPeople]),
		Places:        strs(f[FieldPlaces]),
	}
	if origins := strs(f[FieldOrigin]); len(origins) > 0 {
		s.Origin = origins[0]
		if len(origins) > 1 {
			s.AlsoFrom = origins[1:]
		}
	}
	if ts := strs(f[FieldPublished]); len(ts) > 0 {
		s.Published = parseTime(ts[0])
	}
	for _, t := range strs(f[FieldDates]) {
		if d := parseTime(t); !d.IsZero() {
			s.Dates = append(s.Dates, d)
		}
	}
	return s
}

func str(v interface{}) string {
	s, _ := v.(string)
	return s
}

func strs(v interface{}) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []interface{}:
		out := make([]string, 0, len(v))
		for _, e := range v {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func parseTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}
	}
	return t.UTC()
}
