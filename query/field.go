package query

import "strings"

// The fields a query may name, as users type them (`org:"CCHR"`). They are
// the user's vocabulary, not the schema's: package search maps them to index
// fields, so the index can be renamed without breaking saved queries.
const (
	FieldTitle     = "title"
	FieldBody      = "body"
	FieldSource    = "source"
	FieldOrg       = "org"
	FieldPerson    = "person"
	FieldPlace     = "place"
	FieldLang      = "lang"
	FieldQuote     = "quote"
	FieldSpeaker   = "speaker"
	FieldPublished = "published"
)

// Fields returns the names a query may use before a colon, in the order the
// help page and error messages list them. The slice is new on every call.
func Fields() []string {
	return []string{
		FieldTitle, FieldBody, FieldSource, FieldOrg, FieldPerson,
		FieldPlace, FieldLang, FieldQuote, FieldSpeaker, FieldPublished,
	}
}

// knownField is a switch rather than a map so the package holds no mutable
// state. Field names are case-sensitive, as in Lucene: "Source: Reuters" in a
// pasted headline stays text.
func knownField(name string) bool {
	switch name {
	case FieldTitle, FieldBody, FieldSource, FieldOrg, FieldPerson,
		FieldPlace, FieldLang, FieldQuote, FieldSpeaker, FieldPublished:
		return true
	}
	return false
}

// isDateField reports whether values of the field are dates, which turns
// `2017` into a range of days rather than a word.
func isDateField(name string) bool { return name == FieldPublished }

func fieldList() string { return strings.Join(Fields(), ", ") }
