package query

import (
	"strconv"
	"strings"
	"time"
)

// Node is one clause of a parsed query. The set of node types is closed
// (Bool, Term, Phrase, Fuzzy, Wildcard, Regexp, DateRange, MatchAll), so a
// compiler can switch over them and treat any other type as a bug.
//
// String renders the tree in the Lisp-like form the tests use; Format
// renders it back to query syntax.
//
// Field is the name the user typed (see Fields), or "" for the default
// fields. Boost is 0 when the user gave none, which means 1.
type Node interface {
	String() string
	isNode()
}

// Bool combines clauses the way Bleve's and Lucene's BooleanQuery do: every
// Must clause matches, no MustNot clause matches, and when there is no Must
// clause at least one Should clause matches (with Must clauses, Should ones
// only add to the score). A Bool with only MustNot clauses matches every
// statement except those.
type Bool struct {
	Must, Should, MustNot []Node
	Boost                 float64
}

// Term is an unquoted word. It is searched like the indexed text, so it is
// stemmed and case-folded: detained also finds detention.
type Term struct {
	Field, Text string
	Boost       float64
}

// Phrase is quoted text, searched word for word without stemming. Slop is -1
// for an exact phrase; from `"a b"~N` it is N (0..100): the words within N
// positions of each other, in any order.
type Phrase struct {
	Field, Text string
	Slop        int
	Boost       float64
}

// Fuzzy is `word~N`: terms within Distance (0..2) single-character edits of
// Text.
type Fuzzy struct {
	Field, Text string
	Distance    int
	Boost       float64
}

// Wildcard is a word with * (any run of characters) or ? (one character).
// In Pattern a backslash escapes the next character: `\*` is a literal star.
type Wildcard struct {
	Field, Pattern string
	Boost          float64
}

// Regexp is `/pattern/` in Go regexp syntax (already validated), matched
// against whole indexed terms.
type Regexp struct {
	Field, Pattern string
	Boost          float64
}

// DateRange is the half-open interval [From, To) in UTC. A zero From or To
// is an open end; both zero means "has a date". Parse always gives
// midnights: published:2017 is [2017-01-01, 2018-01-01).
type DateRange struct {
	Field    string
	From, To time.Time
	Boost    float64
}

// MatchAll matches every statement: the empty query and `*`.
type MatchAll struct {
	Boost float64
}

func (*Bool) isNode()      {}
func (*Term) isNode()      {}
func (*Phrase) isNode()    {}
func (*Fuzzy) isNode()     {}
func (*Wildcard) isNode()  {}
func (*Regexp) isNode()    {}
func (*DateRange) isNode() {}
func (*MatchAll) isNode()  {}

// Walk calls fn for n and then, if fn returns true, for each child of n
// (Must, then Should, then MustNot), depth first.
func Walk(n Node, fn func(Node) bool) {
	if n == nil || !fn(n) {
		return
	}
	if b, ok := n.(*Bool); ok {
		for _, list := range [][]Node{b.Must, b.Should, b.MustNot} {
			for _, c := range list {
				Walk(c, fn)
			}
		}
	}
}

// The String format is one parenthesised form per node:
//
//	(term [field] "text")       (phrase [field] "text" [~slop])
//	(fuzzy [field] "text" ~N)   (wildcard [field] "pattern")
//	(regexp [field] "pattern")  (date field FROM TO)   FROM/TO: 2006-01-02 or *
//	(all)
//	(and A B (not C))           Bool without Should clauses
//	(not C)                     Bool with a single MustNot clause only
//	(or A B (must C) (not D))   Bool with Should clauses
//
// A boost is a last element ^N. Text is Go-quoted.

func (b *Bool) String() string {
	var parts []string
	switch {
	case len(b.Should) == 0 && len(b.Must) == 0 && len(b.MustNot) == 1:
		parts = append(parts, "not", b.MustNot[0].String())
	case len(b.Should) == 0:
		parts = append(parts, "and")
		for _, c := range b.Must {
			parts = append(parts, c.String())
		}
		for _, c := range b.MustNot {
			parts = append(parts, "(not "+c.String()+")")
		}
	default:
		parts = append(parts, "or")
		for _, c := range b.Should {
			parts = append(parts, c.String())
		}
		for _, c := range b.Must {
			parts = append(parts, "(must "+c.String()+")")
		}
		for _, c := range b.MustNot {
			parts = append(parts, "(not "+c.String()+")")
		}
	}
	return form(b.Boost, parts...)
}

func (t *Term) String() string {
	return form(t.Boost, "term", t.Field, strconv.Quote(t.Text))
}

func (p *Phrase) String() string {
	slop := ""
	if p.Slop >= 0 {
		slop = "~" + strconv.Itoa(p.Slop)
	}
	return form(p.Boost, "phrase", p.Field, strconv.Quote(p.Text), slop)
}

func (f *Fuzzy) String() string {
	return form(f.Boost, "fuzzy", f.Field, strconv.Quote(f.Text), "~"+strconv.Itoa(f.Distance))
}

func (w *Wildcard) String() string {
	return form(w.Boost, "wildcard", w.Field, strconv.Quote(w.Pattern))
}

func (r *Regexp) String() string {
	return form(r.Boost, "regexp", r.Field, strconv.Quote(r.Pattern))
}

func (d *DateRange) String() string {
	return form(d.Boost, "date", d.Field, dateString(d.From), dateString(d.To))
}

func (m *MatchAll) String() string { return form(m.Boost, "all") }

// form joins the non-empty parts in parentheses, with the boost last.
func form(boost float64, parts ...string) string {
	var sb strings.Builder
	sb.WriteByte('(')
	first := true
	for _, p := range parts {
		if p == "" {
			continue
		}
		if !first {
			sb.WriteByte(' ')
		}
		first = false
		sb.WriteString(p)
	}
	if boost != 0 {
		sb.WriteString(" ^" + formatBoost(boost))
	}
	sb.WriteByte(')')
	return sb.String()
}

// dateString shows a day when the time is a midnight, as Parse makes them,
// and the full time otherwise, so String never hides a difference.
func dateString(t time.Time) string {
	switch {
	case t.IsZero():
		return "*"
	case t.Equal(t.Truncate(24 * time.Hour)):
		return t.UTC().Format(time.DateOnly)
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// formatBoost never uses an exponent, because the query syntax has none.
func formatBoost(b float64) string { return strconv.FormatFloat(b, 'f', -1, 64) }
