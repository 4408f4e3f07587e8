package query

import "testing"

func TestParseForgiving(t *testing.T) {
	tests := []struct {
		q    string
		want string
		// cols are the columns of the notices, in order; none means the
		// query parsed as it stands.
		cols []int
	}{
		{q: `"hun sen" AND cchr`, want: `(and (phrase "hun sen") (term "cchr"))`},
		{q: `“We will not be silenced`, want: `(and (term "“We") (term "will") (term "not") (term "be") (term "silenced"))`, cols: []int{1}},
		{q: `"Hun Sen" said «non`, want: `(and (phrase "Hun Sen") (term "said") (term "«non"))`, cols: []int{16}},
		{q: `(CCHR and ADHOC`, want: `(and (term "(CCHR") (term "and") (term "ADHOC"))`, cols: []int{1}},
		{q: `rights) defenders`, want: `(and (term "rights)") (term "defenders"))`, cols: []int{7}},
		{q: `the text [sic] was`, want: `(and (term "the") (term "text") (term "[sic]") (term "was"))`, cols: []int{10, 14}},
		{q: `about ~200 people`, want: `(and (term "about") (term "~200") (term "people"))`, cols: []int{7}},
		{q: `and / or`, want: `(and (term "and") (term "/") (term "or"))`, cols: []int{5}},
		{q: `note:the cat`, want: `(and (term "note:the") (term "cat"))`, cols: []int{1}},
		// An operator with nothing after it is read as a word.
		{q: `"hun sen" rights AND`, want: `(and (phrase "hun sen") (term "rights") (term "AND"))`, cols: []int{18}},
		{q: `rights (`, want: `(and (term "rights") (term "("))`, cols: []int{8}},
		// Columns count characters in the query as typed, not bytes and
		// not the backslashes of the repair.
		{q: `“é” « x`, want: `(and (phrase "é") (term "«") (term "x"))`, cols: []int{5}},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			n, notices := ParseForgiving(tt.q, Options{})
			if got := n.String(); got != tt.want {
				t.Errorf("tree %s, want %s", got, tt.want)
			}
			var cols []int
			for _, e := range notices {
				cols = append(cols, e.Column)
			}
			if len(cols) != len(tt.cols) {
				t.Fatalf("notices at %v (%v), want %v", cols, notices, tt.cols)
			}
			for i := range cols {
				if cols[i] != tt.cols[i] {
					t.Errorf("notices at %v (%v), want %v", cols, notices, tt.cols)
				}
			}
		})
	}
}

func TestParseForgiving_tooManyTerms(t *testing.T) {
	q := ""
	for range MaxClauses + 20 {
		q += "word "
	}
	n, notices := ParseForgiving(q, Options{})
	b, ok := n.(*Bool)
	if !ok || len(b.Must) != MaxClauses {
		t.Fatalf("got %T with %d clauses, want the first %d words", n, len(b.Must), MaxClauses)
	}
	if len(notices) == 0 {
		t.Error("no notice that words were left out")
	}
}

func TestParse_pastedPunctuation(t *testing.T) {
	tests := []struct{ q, want string }{
		// A spaced sign is punctuation, not an operator on the next word.
		{q: "the group - which includes", want: `(and (term "the") (term "group") (term "-") (term "which") (term "includes"))`},
		{q: "a -", want: `(and (term "a") (term "-"))`},
		{q: "stop ! now", want: `(and (term "stop") (term "!") (term "now"))`},
		{q: "a -b", want: `(and (term "a") (not (term "b")))`},
		// A ? that ends a word is a question mark; inside one, a wildcard.
		{q: "Is journalism a crime?", want: `(and (term "Is") (term "journalism") (term "a") (term "crime?"))`},
		{q: "why?!", want: `(term "why?!")`},
		{q: "“a crime?”", want: `(phrase "a crime?")`},
		{q: "te?m", want: `(wildcard "te?m")`},
		{q: "te?m?", want: `(wildcard "te?m?")`},
	}
	for _, tt := range tests {
		n, err := Parse(tt.q, Options{})
		if err != nil {
			t.Errorf("%q: %v", tt.q, err)
			continue
		}
		if got := n.String(); got != tt.want {
			t.Errorf("%q: got %s, want %s", tt.q, got, tt.want)
		}
	}
}
