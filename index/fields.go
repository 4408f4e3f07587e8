package index

import "time"

// fields is the document Bleve indexes under the mapping's field names.
func (s Statement) fields() map[string]interface{} {
	f := map[string]interface{}{
		FieldTitle:  s.Title,
		FieldBody:   s.Body,
		FieldOrigin: s.Origin,
		FieldHash:   s.Hash,
	}
	setString(f, FieldURL, s.URL)
	setString(f, FieldSource, s.Source)
	setString(f, FieldLang, s.Lang)
	setStrings(f, FieldOrganizations, s.Organizations)
	setStrings(f, FieldPeople, s.People)
	setStrings(f, FieldPlaces, s.Places)
	if !s.Published.IsZero() {
		f[FieldPublished] = s.Published
	}
	if len(s.Dates) > 0 {
		f[FieldDates] = s.Dates
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
		Origin:        str(f[FieldOrigin]),
		Hash:          str(f[FieldHash]),
		Organizations: strs(f[FieldOrganizations]),
		People:        strs(f[FieldPeople]),
		Places:        strs(f[FieldPlaces]),
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
