package query_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/advosearch/advosearch/query"
)

// parseTests are query → tree, with the default Options unless opts is set.
var parseTests = []struct {
	q    string
	want string
	opts query.Options
}{
	// Empty and match-all.
	{q: "", want: `(all)`},
	{q: " \t\n ", want: `(all)`},
	{q: "*", want: `(all)`},

	// Words and phrases.
	{q: "detained", want: `(term "detained")`},
	{q: "Hun Sen", want: `(and (term "Hun") (term "Sen"))`},
	{q: `"must close"`, want: `(phrase "must close")`},
	{q: `"  must   close "`, want: `(phrase "must close")`},
	{q: `“must close because they follow foreigners”`, want: `(phrase "must close because they follow foreigners")`},
	{q: `„Menschenrechte“ «droits humains»`, want: `(and (phrase "Menschenrechte") (phrase "droits humains"))`},
	{q: `don’t`, want: `(term "don’t")`},
	{q: `well-known and/or a<b`, want: `(and (term "well-known") (term "and/or") (term "a<b"))`},
	{q: `and or not`, want: `(and (term "and") (term "or") (term "not"))`},
	{q: `\AND \(x\) 10\:30`, want: `(and (term "AND") (term "(x)") (term "10:30"))`},
	{q: `"say \"no\""`, want: `(phrase "say \"no\"")`},

	// Colons that are not fields.
	{q: "10:30", want: `(term "10:30")`},
	{q: "https://cchrcambodia.org/x", want: `(term "https://cchrcambodia.org/x")`},
	{q: "Cambodia: arrests", want: `(and (term "Cambodia:") (term "arrests"))`},
	{q: "source:http://x.org/a:b", want: `(term source "http://x.org/a:b")`},

	// Boolean operators and precedence.
	{q: "a AND b", want: `(and (term "a") (term "b"))`},
	{q: "a OR b", want: `(or (term "a") (term "b"))`},
	{q: "a OR b AND c", want: `(or (term "a") (and (term "b") (term "c")))`},
	{q: "a b OR c", want: `(or (and (term "a") (term "b")) (term "c"))`},
	{q: "a b OR c", opts: query.Options{DefaultOr: true}, want: `(or (term "a") (term "b") (term "c"))`},
	{q: "a b AND c", opts: query.Options{DefaultOr: true}, want: `(or (term "a") (and (term "b") (term "c")))`},
	{q: "NOT a AND b", want: `(and (term "b") (not (term "a")))`},
	{q: "NOT a", want: `(not (term "a"))`},
	{q: "NOT NOT a", want: `(term "a")`},
	{q: "-(-a)", want: `(term "a")`},
	{q: "a AND NOT b", want: `(and (term "a") (not (term "b")))`},
	{q: "detained && !released || arrested", want: `(or (and (term "detained") (not (term "released"))) (term "arrested"))`},
	{q: "+cchr -adhoc close", want: `(and (term "cchr") (term "close") (not (term "adhoc")))`},
	{q: "+cchr -adhoc close", opts: query.Options{DefaultOr: true}, want: `(or (term "close") (must (term "cchr")) (not (term "adhoc")))`},
	{q: "a OR -b", want: `(or (term "a") (not (term "b")))`},
	{q: "a OR (NOT b)", want: `(or (term "a") (not (term "b")))`},
	{q: "(Hun Sen OR \"Prime Minister\") AND NOT ADHOC", want: `(and (or (and (term "Hun") (term "Sen")) (phrase "Prime Minister")) (not (term "ADHOC")))`},

	// Parentheses.
	{q: "(a)", want: `(term "a")`},
	{q: "((((a))))", want: `(term "a")`},
	{q: "a AND (b OR (c AND (d OR e)))", want: `(and (term "a") (or (term "b") (and (term "c") (or (term "d") (term "e")))))`},
	{q: "a AND (b AND NOT c)", want: `(and (term "a") (term "b") (not (term "c")))`},
	{q: "a OR (b OR c)", want: `(or (term "a") (term "b") (term "c"))`},
	{q: "(a OR b)(c)", want: `(and (or (term "a") (term "b")) (term "c"))`},

	// Fields.
	{q: "title:rights", want: `(term title "rights")`},
	{q: "title: rights", want: `(term title "rights")`},
	{q: `org:"Cambodian Center for Human Rights" AND published:[2016-01-01 TO 2017-12-31]`, want: `(and (phrase org "Cambodian Center for Human Rights") (date published 2016-01-01 2018-01-01))`},
	{q: `org:(CCHR OR LICADHO) lang:en`, want: `(and (or (term org "CCHR") (term org "LICADHO")) (term lang "en"))`},
	{q: `title:(a body:b)`, want: `(and (term title "a") (term body "b"))`},
	{q: `speaker:"Kem Sokha" quote:closure`, want: `(and (phrase speaker "Kem Sokha") (term quote "closure"))`},

	// Dates.
	{q: "published:2017", want: `(date published 2017-01-01 2018-01-01)`},
	{q: "published:2016-02", want: `(date published 2016-02-01 2016-03-01)`},
	{q: "published:2016-02-29", want: `(date published 2016-02-29 2016-03-01)`},
	{q: "published:>=2017", want: `(date published 2017-01-01 *)`},
	{q: "published:>2017-03", want: `(date published 2017-04-01 *)`},
	{q: "published:<=2017", want: `(date published * 2018-01-01)`},
	{q: "published:<2017-03-05", want: `(date published * 2017-03-05)`},
	{q: "published:{2016 TO 2018}", want: `(date published 2017-01-01 2018-01-01)`},
	{q: "published:[2016-06 TO *]", want: `(date published 2016-06-01 *)`},
	{q: "published:[* TO 2016}", want: `(date published * 2016-01-01)`},
	{q: "published:[* TO *]", want: `(date published * *)`},
	{q: "published:(2016 OR 2018)", want: `(or (date published 2016-01-01 2017-01-01) (date published 2018-01-01 2019-01-01))`},

	// Proximity, fuzzy, wildcards, regexps, boosts.
	{q: `"Hun Sen CCHR"~10`, want: `(phrase "Hun Sen CCHR" ~10)`},
	{q: `"Hun Sen"~0`, want: `(phrase "Hun Sen" ~0)`},
	{q: "Sokha~1", want: `(fuzzy "Sokha" ~1)`},
	{q: "Sokha~", want: `(fuzzy "Sokha" ~2)`},
	{q: "Sok*", want: `(wildcard "Sok*")`},
	{q: "te?m* body:de\\*t*", want: `(and (wildcard "te?m*") (wildcard body "de\\*t*"))`},
	{q: "*rights", opts: query.Options{AllowLeadingWildcard: true}, want: `(wildcard "*rights")`},
	{q: `/sok(ha|h)/`, want: `(regexp "sok(ha|h)")`},
	{q: `title:/a\/b\d/`, want: `(regexp title "a/b\\d")`},
	{q: `title:"must close"^2`, want: `(phrase title "must close" ^2)`},
	{q: `rights^0.5 (a OR b)^3`, want: `(and (term "rights" ^0.5) (or (term "a") (term "b") ^3))`},
	{q: `"a b"~3^2 c^2~1`, want: `(and (phrase "a b" ~3 ^2) (fuzzy "c" ~1 ^2))`},
	{q: `(a^2)^3`, want: `(term "a" ^6)`},
	{q: `published:2017^2`, want: `(date published 2017-01-01 2018-01-01 ^2)`},
}

func TestParse(t *testing.T) {
	for _, tt := range parseTests {
		t.Run(tt.q, func(t *testing.T) {
			n, err := query.Parse(tt.q, tt.opts)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.q, err)
			}
			if got := n.String(); got != tt.want {
				t.Errorf("Parse(%q)\n got %s\nwant %s", tt.q, got, tt.want)
			}
		})
	}
}

// TestFormat_roundTrip checks that Format writes a query that parses back to
// the same tree, under either default operator.
func TestFormat_roundTrip(t *testing.T) {
	for _, tt := range parseTests {
		n, err := query.Parse(tt.q, tt.opts)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.q, err)
		}
		f := query.Format(n)
		for _, opts := range []query.Options{{AllowLeadingWildcard: true}, {DefaultOr: true, AllowLeadingWildcard: true}} {
			back, err := query.Parse(f, opts)
			if err != nil {
				t.Errorf("Parse(Format(%q)) = Parse(%q): %v", tt.q, f, err)
				continue
			}
			if got, want := back.String(), n.String(); got != want {
				t.Errorf("Parse(Format(%q)) = Parse(%q) with %+v\n got %s\nwant %s", tt.q, f, opts, got, want)
			}
		}
	}
}

func TestFormat(t *testing.T) {
	for q, want := range map[string]string{
		`(Hun Sen OR "Prime Minister") AND NOT ADHOC`: `((Hun AND Sen) OR "Prime Minister") AND -ADHOC`,
		`+cchr -adhoc close`:                          `cchr AND close AND -adhoc`,
		`published:2017`:                              `published:[2017-01-01 TO 2018-01-01}`,
		`published:<=9999`:                            `published:[* TO 9999-12-31]`,
		`10\:30 \AND -x`:                              `10\:30 AND \AND AND -x`,
	} {
		n, err := query.Parse(q, query.Options{})
		if err != nil {
			t.Fatalf("Parse(%q): %v", q, err)
		}
		if got := query.Format(n); got != want {
			t.Errorf("Format(Parse(%q)) = %s, want %s", q, got, want)
		}
	}
}

var errorTests = []struct {
	q    string
	col  int
	frag string
}{
	{q: "(a OR b", col: 1, frag: `unbalanced parenthesis, missing ")"`},
	{q: "a AND (b OR (c)", col: 7, frag: `unbalanced parenthesis`},
	{q: "a)", col: 2, frag: `unbalanced parenthesis, ")" without "("`},
	{q: "()", col: 1, frag: "empty parentheses"},
	{q: `a "must close`, col: 3, frag: "missing closing quote for the phrase"},
	{q: `“must close`, col: 1, frag: "missing closing quote"},
	{q: `""`, col: 1, frag: "empty phrase"},
	{q: "detained AND", col: 10, frag: "expected a term after AND"},
	{q: "a AND OR b", col: 3, frag: "expected a term after AND"},
	{q: "a || ", col: 3, frag: "expected a term after ||"},
	{q: "OR b", col: 1, frag: "expected a term before OR"},
	{q: "(AND b)", col: 2, frag: "expected a term before AND"},
	{q: "NOT", col: 1, frag: "expected a term after NOT"},
	{q: "title:", col: 1, frag: "expected a value after title:"},
	{q: "x title:)", col: 3, frag: "expected a value after title:"},
	{q: "foo:bar", col: 1, frag: `unknown field "foo" (fields: title, body, source, org, person, place, lang, quote, speaker, published)`},
	{q: "a Title:b", col: 3, frag: `unknown field "Title"`},
	{q: "Sokha~3", col: 6, frag: "fuzzy distance must be 0, 1 or 2"},
	{q: "Sokha~0.8", col: 6, frag: "fuzzy distance must be 0, 1 or 2"},
	{q: `"a b"~101`, col: 6, frag: "proximity must be between 0 and 100"},
	{q: `"a b"~`, col: 6, frag: `expected a number after "~"`},
	{q: "Sok*~1", col: 5, frag: "cannot also be fuzzy"},
	{q: "(a b)~2", col: 6, frag: `"~" must follow a word or a phrase`},
	{q: "a~1~1", col: 4, frag: `"~" given twice`},
	{q: "published:[2016-01-01 TO 2017-13]", col: 26, frag: `invalid date "2017-13"`},
	{q: "published:2017-02-30", col: 11, frag: `invalid date "2017-02-30"`},
	{q: "published:0000", col: 11, frag: `invalid date`},
	{q: "published:soon", col: 11, frag: `invalid date "soon", expected YYYY, YYYY-MM or YYYY-MM-DD`},
	{q: `published:"2017"`, col: 11, frag: "published takes a date"},
	{q: "published:[2018 TO 2017]", col: 11, frag: "the date range is empty"},
	{q: "published:{2017 TO 2018}", col: 11, frag: "the date range is empty"},
	{q: "published:[2016 2017]", col: 17, frag: `expected "TO"`},
	{q: "published:[2016 TO 2017", col: 11, frag: `missing "]" or "}" to close the range`},
	{q: "published:>", col: 12, frag: "expected a date"},
	{q: "published:>*", col: 12, frag: "expected a date"},
	{q: "title:[a TO b]", col: 7, frag: "ranges only work on dates"},
	{q: ">=2017", col: 1, frag: `">=" only works on dates, as in published:>=2017`},
	{q: "a]", col: 2, frag: `"]" without an opening bracket`},
	{q: "*rights", col: 1, frag: "a pattern must start with at least 2 letters"},
	{q: "title:s?ha", col: 7, frag: "a pattern must start with at least 2 letters"},
	{q: "/(a/", col: 1, frag: "invalid regular expression: missing closing )"},
	{q: "a /abc", col: 3, frag: `missing closing "/" for the regular expression`},
	{q: "//", col: 1, frag: "empty regular expression"},
	{q: "/" + strings.Repeat("a", 201) + "/", col: 1, frag: "regular expression longer than 200 bytes"},
	{q: "a^", col: 2, frag: "boost must be a positive number"},
	{q: "a^0", col: 2, frag: "boost must be a positive number"},
	{q: "^2", col: 1, frag: `"^" must follow a term`},
	{q: `ab\`, col: 3, frag: `"\" must be followed by the character it escapes`},
	{q: "é \xff", col: 3, frag: "invalid UTF-8"},
	{q: "a " + strings.Repeat("(", 33) + "b" + strings.Repeat(")", 33), col: 35, frag: "query nested deeper than 32 levels"},
	{q: strings.Repeat("a ", 201), col: 401, frag: "query has more than 200 terms"},
	// The first problem in the text wins, even if it is found by the lexer.
	{q: `a AND "unclosed`, col: 7, frag: "missing closing quote"},
	{q: `a AND ) "unclosed`, col: 3, frag: "expected a term after AND"},
}

func TestParse_errors(t *testing.T) {
	for _, tt := range errorTests {
		t.Run(tt.q, func(t *testing.T) {
			n, err := query.Parse(tt.q, query.Options{})
			if err == nil {
				t.Fatalf("Parse(%q) = %s, want an error", tt.q, n)
			}
			var se *query.SyntaxError
			if !errors.As(err, &se) || !errors.Is(err, query.ErrSyntax) {
				t.Fatalf("Parse(%q) error %T %v, want a *SyntaxError wrapping ErrSyntax", tt.q, err, err)
			}
			if !strings.Contains(se.Msg, tt.frag) {
				t.Errorf("Parse(%q) message %q, want it to contain %q", tt.q, se.Msg, tt.frag)
			}
			if se.Column != tt.col {
				t.Errorf("Parse(%q) column %d, want %d (%v)", tt.q, se.Column, tt.col, err)
			}
			if want := " at column "; !strings.HasPrefix(err.Error(), "query: ") || !strings.Contains(err.Error(), want) {
				t.Errorf("Error() = %q, want query: <msg> at column N", err.Error())
			}
		})
	}
}

func TestSyntaxError_Error(t *testing.T) {
	_, err := query.Parse("a AND", query.Options{})
	if got, want := err.Error(), "query: expected a term after AND at column 3"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	_, err = query.Parse("ñandú AND (x", query.Options{})
	var se *query.SyntaxError
	if !errors.As(err, &se) || se.Pos != 12 || se.Column != 11 {
		t.Errorf("got %#v, want Pos 12 (bytes) and Column 11 (runes)", se)
	}
}

func TestParse_dateRangeTimes(t *testing.T) {
	n, err := query.Parse("published:[2016-02 TO 2016-02-29]", query.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d, ok := n.(*query.DateRange)
	if !ok {
		t.Fatalf("got %T, want *query.DateRange", n)
	}
	if want := time.Date(2016, 2, 1, 0, 0, 0, 0, time.UTC); !d.From.Equal(want) || d.From.Location() != time.UTC {
		t.Errorf("From = %v, want %v", d.From, want)
	}
	if want := time.Date(2016, 3, 1, 0, 0, 0, 0, time.UTC); !d.To.Equal(want) {
		t.Errorf("To = %v, want %v", d.To, want)
	}
}

func TestParse_limits(t *testing.T) {
	// MaxDepth levels are fine; MaxClauses terms are fine.
	deep := strings.Repeat("(", query.MaxDepth) + "a" + strings.Repeat(")", query.MaxDepth)
	if _, err := query.Parse(deep, query.Options{}); err != nil {
		t.Errorf("%d levels: %v", query.MaxDepth, err)
	}
	if _, err := query.Parse(strings.Repeat("a ", query.MaxClauses), query.Options{}); err != nil {
		t.Errorf("%d terms: %v", query.MaxClauses, err)
	}
	// 10 KB of operators ends in an error, without deep recursion.
	if _, err := query.Parse(strings.Repeat("NOT ", 2500)+"a", query.Options{}); err != nil {
		t.Errorf("2500 NOTs: %v", err)
	}
	for _, q := range []string{
		strings.Repeat("(", 10000),
		strings.Repeat("a OR ", 2000),
		strings.Repeat(`"a" `, 2500),
		strings.Repeat("-", 10000) + ")",
	} {
		if _, err := query.Parse(q, query.Options{}); err == nil {
			t.Errorf("Parse(%.20q…) succeeded, want an error", q)
		}
	}
}

func TestWalk(t *testing.T) {
	n, err := query.Parse(`a OR (b AND NOT "c d") title:ex*`, query.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	query.Walk(n, func(n query.Node) bool {
		if _, ok := n.(*query.Bool); !ok {
			got = append(got, n.String())
		}
		return true
	})
	want := `(term "a") (term "b") (wildcard title "ex*") (phrase "c d")`
	if strings.Join(got, " ") != want {
		t.Errorf("Walk visited %v, want %s", got, want)
	}

	var visited int
	query.Walk(n, func(query.Node) bool { visited++; return false })
	if visited != 1 {
		t.Errorf("Walk visited %d nodes after fn returned false, want 1", visited)
	}
}

func TestFields(t *testing.T) {
	f := query.Fields()
	f[0] = "changed"
	if query.Fields()[0] != query.FieldTitle {
		t.Error("Fields returns shared state")
	}
}
