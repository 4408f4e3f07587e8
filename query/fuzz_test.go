package query_test

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/advosearch/advosearch/query"
)

// FuzzParse checks that any input gives either a tree that Format writes
// back to the same tree, or a *SyntaxError that points inside the input.
// Seeds are the table tests plus testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	for _, tt := range parseTests {
		f.Add(tt.q)
	}
	for _, tt := range errorTests {
		f.Add(tt.q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		for _, opts := range []query.Options{{}, {DefaultOr: true, AllowLeadingWildcard: true}} {
			checkForgiving(t, q, opts)
			n, err := query.Parse(q, opts)
			if err != nil {
				checkError(t, q, err)
				continue
			}
			if n == nil {
				t.Fatalf("Parse(%q) = nil, nil", q)
			}
			f := query.Format(n)
			back, err := query.Parse(f, opts)
			if err != nil {
				// Format spells out nesting that precedence left implicit
				// (a OR b AND c is a OR (b AND c)), so a query near MaxDepth
				// may come back deeper than the limit.
				if strings.Contains(err.Error(), "nested deeper than") {
					continue
				}
				t.Fatalf("Parse(%q) = %s\nFormat = %q, which does not parse: %v", q, n, f, err)
			}
			if got, want := back.String(), n.String(); got != want {
				t.Fatalf("Parse(%q) with %+v\n    tree %s\n  Format %q\nreparsed %s", q, opts, want, f, got)
			}
		}
	})
}

// checkForgiving checks that ParseForgiving always gives a tree, with
// notices exactly when Parse fails, each pointing inside the input.
func checkForgiving(t *testing.T, q string, opts query.Options) {
	t.Helper()
	n, notices := query.ParseForgiving(q, opts)
	if n == nil {
		t.Fatalf("ParseForgiving(%q) = nil", q)
	}
	_, err := query.Parse(q, opts)
	if (err != nil) != (len(notices) > 0) {
		t.Fatalf("ParseForgiving(%q): notices %v, but Parse says %v", q, notices, err)
	}
	for _, se := range notices {
		if r := utf8.RuneCountInString(q); se.Column < 1 || se.Column > r+1 {
			t.Fatalf("ParseForgiving(%q): notice column %d outside 1..%d", q, se.Column, r+1)
		}
	}
}

func checkError(t *testing.T, q string, err error) {
	t.Helper()
	var se *query.SyntaxError
	if !errors.As(err, &se) || !errors.Is(err, query.ErrSyntax) {
		t.Fatalf("Parse(%q) error %T %v, want a *SyntaxError wrapping ErrSyntax", q, err, err)
	}
	if se.Pos < 0 || se.Pos > len(q) {
		t.Fatalf("Parse(%q): Pos %d outside the query (%v)", q, se.Pos, err)
	}
	if n := utf8.RuneCountInString(q); se.Column < 1 || se.Column > n+1 {
		t.Fatalf("Parse(%q): Column %d outside 1..%d (%v)", q, se.Column, n+1, err)
	}
	if want := utf8.RuneCountInString(q[:se.Pos]) + 1; se.Column != want {
		t.Fatalf("Parse(%q): Column %d, want %d for Pos %d", q, se.Column, want, se.Pos)
	}
	if msg := err.Error(); !strings.HasPrefix(msg, "query: ") || msg != strings.ToLower(msg[:7])+msg[7:] || se.Msg == "" {
		t.Fatalf("Parse(%q): error %q, want query: <msg> at column N", q, msg)
	}
}

func BenchmarkParse(b *testing.B) {
	q := `(Hun Sen OR "Prime Minister") AND NOT ADHOC org:"Cambodian Center for Human Rights" published:[2016-01-01 TO 2017-12-31] Sokha~1 Sok* title:"must close"^2`
	b.ReportAllocs()
	for b.Loop() {
		if _, err := query.Parse(q, query.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
