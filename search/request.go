package search

import (
	"errors"
	"fmt"
	"time"
)

// Limits on a Request, so that one request cannot take the server down.
const (
	DefaultSize = 10
	MaxSize     = 100
	// MaxDepth bounds page*size: deep pages cost as much as all the pages
	// before them.
	MaxDepth = 10_000
	// MaxQueryLen bounds the query in bytes.
	MaxQueryLen = 2_000
)

// Sort orders hits.
type Sort string

// Sort orders. Statements without a publication date come last in both date
// orders.
const (
	SortRelevance Sort = "relevance"
	SortDate      Sort = "date"  // oldest first
	SortDateDesc  Sort = "-date" // newest first
)

// ParseSort reads a sort order; the empty string means relevance.
func ParseSort(s string) (Sort, error) {
	switch Sort(s) {
	case "", SortRelevance:
		return SortRelevance, nil
	case SortDate, SortDateDesc:
		return Sort(s), nil
	}
	return "", &InvalidError{Field: "sort", Value: s, Reason: "must be relevance, date or -date"}
}

// Request is one search. The zero value (but for Page and Size, which default)
// finds every statement.
type Request struct {
	// Query uses the syntax of package query: words, "exact phrases",
	// AND/OR/NOT, grouping, proximity, field:value. Empty means every
	// statement.
	Query string
	// DefaultOr joins adjacent words with OR instead of AND.
	DefaultOr bool
	// Filters on canonical names; each value must match (AND).
	Organizations []string
	People        []string
	Places        []string
	Sources       []string
	// From and To bound the publication date, both days inclusive; zero is
	// open. Statements without a date are left out when either is set,
	// unless IncludeUndated; Result.Undated then says how many were.
	From, To time.Time
	// IncludeUndated keeps the statements without a publication date in a
	// search bounded by From or To: they cannot be placed in the range,
	// and many corpora have more of them than of any year.
	IncludeUndated bool
	Sort           Sort
	Page           int // from 1; 0 means 1
	Size           int // 0 means DefaultSize
	// Strict answers a syntax error with an InvalidError (HTTP 400), for
	// programs. Otherwise the query is read forgivingly, as people paste
	// it: what cannot be parsed is searched as plain words, and
	// Result.Notices say where it was.
	Strict bool
	// NoPartial keeps a search whose words no statement has all of
	// empty, instead of answering with the statements that have most of
	// them: for feeds, which announce matches.
	NoPartial bool
	// NoFacets skips counting facets, the costliest part of most searches,
	// for callers that show none (exports, programs).
	NoFacets bool
	// IDs, if set, keeps only the statements with these IDs: a page that
	// lists statements it knows (an alert's matches) gets their snippets
	// for the query from one search rather than one per statement.
	IDs []string
}

// ErrInvalid is wrapped by every error caused by the request rather than by
// the engine: the caller should answer 400.
var ErrInvalid = errors.New("search: invalid request")

// InvalidError says which part of a request is wrong and why.
type InvalidError struct {
	Field, Value, Reason string
	// Column is the 1-based rune column in the query of a syntax error, or 0.
	Column int
}

func (e *InvalidError) Error() string {
	if e.Column > 0 {
		return fmt.Sprintf("search: %s: %s at column %d", e.Field, e.Reason, e.Column)
	}
	return fmt.Sprintf("search: %s %q %s", e.Field, e.Value, e.Reason)
}

func (e *InvalidError) Unwrap() error { return ErrInvalid }

// ErrTimeout means the search ran out of time: the caller should answer 503.
var ErrTimeout = errors.New("search: timed out")

// unfiltered reports whether the request is for every statement: no words,
// no filters, no dates.
func (r Request) unfiltered() bool {
	return r.Query == "" && r.From.IsZero() && r.To.IsZero() &&
		len(r.Organizations)+len(r.People)+len(r.Places)+len(r.Sources)+len(r.IDs) == 0
}

// normalize applies defaults and checks bounds.
func (r *Request) normalize() error {
	if r.Page == 0 {
		r.Page = 1
	}
	if r.Size == 0 {
		r.Size = DefaultSize
	}
	if r.Sort == "" {
		r.Sort = SortRelevance
	}
	switch {
	case len(r.Query) > MaxQueryLen:
		return &InvalidError{Field: "q", Value: r.Query[:40] + "…", Reason: fmt.Sprintf("is longer than %d bytes", MaxQueryLen)}
	case r.Page < 1:
		return &InvalidError{Field: "page", Value: fmt.Sprint(r.Page), Reason: "must be 1 or more"}
	case r.Size < 1 || r.Size > MaxSize:
		return &InvalidError{Field: "size", Value: fmt.Sprint(r.Size), Reason: fmt.Sprintf("must be between 1 and %d", MaxSize)}
	case r.Page*r.Size > MaxDepth:
		return &InvalidError{Field: "page", Value: fmt.Sprint(r.Page), Reason: fmt.Sprintf("is too deep: page × size must stay within %d; narrow the search instead", MaxDepth)}
	case !r.From.IsZero() && !r.To.IsZero() && r.To.Before(r.From):
		return &InvalidError{Field: "to", Value: r.To.Format(time.DateOnly), Reason: "is before from"}
	}
	if _, err := ParseSort(string(r.Sort)); err != nil {
		return err
	}
	return nil
}
