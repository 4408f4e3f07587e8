// Package query reads the search-box syntax of advosearch into a small tree
// that package search compiles to index queries. The syntax is the Lucene /
// Elasticsearch query string that OCCRP Aleph and ICIJ Datashare users
// already type, with a few bounds and clearer errors.
//
// The package only parses: it imports no index library and nothing else of
// advosearch, knows no index field names (search maps the user's field
// names), and does no analysis (stemming and case folding happen in the
// index). Parse is a hand-written lexer plus a recursive-descent parser,
// after zoekt's query/parse.go; errors are *SyntaxError with the column.
//
// # Syntax
//
//	detained                  a word, stemmed: also finds detention
//	"must close"              exact words, in order, not stemmed;
//	                          “…” „…“ «…» also work as quotes
//	"Hun Sen CCHR"~10         the words within 10 positions, any order (0..100)
//	Sokha~1                   words within 1 edit of Sokha (0, 1 or 2;
//	                          Sokha~ means ~2, Lucene's default)
//	Sok*  te?m                * any characters, ? one character; at least
//	                          2 letters before the first * or ?; a ? that
//	                          ends a word is a question mark (a crime?)
//	/sok(ha|h)/               a regular expression (Go syntax, at most 200
//	                          bytes) matched against whole words
//	a AND b   a && b   a b    both (adjacent words: AND unless DefaultOr)
//	a OR b    a || b          either
//	NOT a   !a   -a           without a; a alone means "everything but a";
//	                          a sign before a space is punctuation (a - b)
//	+a                        a is required (matters with OR: +cchr adhoc)
//	( … )                     grouping, up to 32 levels deep
//	title:rights              a field; also title:"must close" and
//	                          org:(CCHR OR LICADHO)
//	published:2017            a date: YYYY, YYYY-MM or YYYY-MM-DD
//	published:[2016 TO 2017]  a date range, ends included; {…} excludes
//	                          them; * is an open end
//	published:>=2017-03       also >, <=, <
//	rights^2                  weigh a clause (any clause, incl. groups) more
//	*                         every statement; so is an empty query
//	\( \: \AND                a backslash makes the next character plain
//
// Fields: title, body, source, org, person, place, lang, quote, speaker,
// published. Field names are lower case; `a:b` with an unknown name is an
// error, while a colon in a number, a URL or before a space (10:30,
// https://…, "Cambodia: arrests") is part of the word.
//
// Operators are upper case only (and, or, not are words). NOT binds
// tighter than AND, and AND tighter than OR: a OR b AND NOT c is
// a OR (b AND (NOT c)). In an OR group, +x and -x keep their Lucene meaning
// (required, excluded) instead of being alternatives: a OR -b is "a, but not
// b"; write a OR (NOT b) for "a, or anything but b". Two negations cancel.
//
// ParseForgiving is Parse for a search box that takes pasted text: it
// never fails, reads what it cannot parse as plain characters, and returns
// the errors as notices with their columns.
//
// A query has at most 200 terms. An operator with nothing to apply to (a AND,
// OR b, NOT) is an error, not silently dropped.
//
// # Tree
//
// Parse returns a Node: *Bool{Must, Should, MustNot}, *Term, *Phrase,
// *Fuzzy, *Wildcard, *Regexp, *DateRange (half-open [From, To) in UTC) or
// *MatchAll. Node.String gives a Lisp-like form for tests and logs, e.g.
//
//	(and (term "hun") (not (phrase body "kem sokha")))
//
// and Format gives query syntax that parses back to the same tree.
package query
