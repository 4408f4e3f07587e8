package web

import (
	"strings"
	"testing"

	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/search"
)

// bodyShape writes paragraphs compactly: paragraphs joined by " / ", a
// quotation in [brackets] after its anchor ("q2:"), a match in {braces}.
func bodyShape(paras []paragraph) string {
	var b strings.Builder
	for i, p := range paras {
		if i > 0 {
			b.WriteString(" / ")
		}
		for _, r := range p {
			if r.Quote {
				b.WriteString("[")
				if r.Anchor != "" {
					b.WriteString(r.Anchor + ":")
				}
			}
			for _, piece := range r.Pieces {
				if piece.Match > 0 {
					b.WriteString("{" + piece.Text + "}")
				} else {
					b.WriteString(piece.Text)
				}
			}
			if r.Quote {
				b.WriteString("]")
			}
		}
	}
	return b.String()
}

// marks marks the words of text in spans, as search.Engine.Mark would.
func marks(text string, words ...string) []search.Span {
	var out []search.Span
	pos := 0
	for _, w := range words {
		i := strings.Index(text[pos:], w)
		if i < 0 {
			panic("no " + w)
		}
		if i > 0 {
			out = append(out, search.Span{Text: text[pos : pos+i]})
		}
		out = append(out, search.Span{Text: w, Hit: true})
		pos += i + len(w)
	}
	if pos < len(text) {
		out = append(out, search.Span{Text: text[pos:]})
	}
	return out
}

func quote(n int, text, sentence string) search.StatementQuote {
	return search.StatementQuote{N: n, Quote: index.Quote{Text: text, Sentence: sentence}}
}

const twiceQuoted = "“We will stay,” she said. He said: “We will stay.”\n\n“We will stay,” they said."

func TestStatementBody(t *testing.T) {
	tests := []struct {
		name   string
		body   string
		marked func(body string) []search.Span
		quotes []search.StatementQuote
		want   string
	}{
		{"paragraphs on blank lines, trimmed", "  One\nline two.\n \n\n Three. ", nil, nil, "One\nline two. / Three."},
		{"no text", "", nil, nil, ""},
		{"matches", "Land activists were jailed.\n\nThe activist was freed.",
			func(b string) []search.Span { return marks(b, "activists", "activist") }, nil,
			"Land {activists} were jailed. / The {activist} was freed."},
		{"spans of another text mark nothing", "Land activists",
			func(string) []search.Span { return marks("Other activists", "activists") }, nil, "Land activists"},
		{"a quotation in its sentence", "Intro. “We will not close,” he said. Outro.", nil,
			[]search.StatementQuote{quote(1, "We will not close", "“We will not close,” he said.")},
			"Intro. “[q1:We will not close],” he said. Outro."},
		{"the same words quoted twice, found where each was said", twiceQuoted, nil,
			[]search.StatementQuote{
				quote(1, "We will stay", "“We will stay,” she said."),
				quote(2, "We will stay.", "He said: “We will stay.”"),
				quote(3, "We will stay", "“We will stay,” they said."),
			},
			"“[q1:We will stay],” she said. He said: “[q2:We will stay.]” / “[q3:We will stay],” they said."},
		{"two quotations in one sentence", "“Go,” he said, “now.”", nil,
			[]search.StatementQuote{quote(1, "Go", "“Go,” he said, “now.”"), quote(2, "now.", "“Go,” he said, “now.”")},
			"“[q1:Go],” he said, “[q2:now.]”"},
		{"without its sentence, the words alone", "A “free press” matters.", nil,
			[]search.StatementQuote{quote(4, "free press", "")}, "A “[q4:free press]” matters."},
		{"a quotation not in the text is left out", "Nothing quoted here.", nil,
			[]search.StatementQuote{quote(1, "elsewhere", "“elsewhere,” he said.")}, "Nothing quoted here."},
		{"matches inside a quotation", "He said “land activists were jailed” today.",
			func(b string) []search.Span { return marks(b, "activists", "today") },
			[]search.StatementQuote{quote(1, "land activists were jailed", "")},
			"He said “[q1:land {activists} were jailed]” {today}."},
		{"a quotation widens to a match it would cut", "The land-rights activists met.",
			func(b string) []search.Span { return marks(b, "land-rights") },
			[]search.StatementQuote{quote(1, "rights activists", "")},
			"The [q1:{land-rights} activists] met."},
		{"a quotation across paragraphs is anchored once", "He said “first\n\nsecond” then.", nil,
			[]search.StatementQuote{quote(1, "first\n\nsecond", "")},
			"He said “[q1:first] / [second]” then."},
		{"markup is text", "<b>bold</b> <script>x</script>",
			func(b string) []search.Span { return marks(b, "<script>") },
			[]search.StatementQuote{quote(1, "<b>bold</b>", "")},
			"[q1:<b>bold</b>] {<script>}x</script>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var marked []search.Span
			if tt.marked != nil {
				marked = tt.marked(tt.body)
			}
			paras, n := statementBody(tt.body, marked, tt.quotes)
			if got := bodyShape(paras); got != tt.want {
				t.Errorf("\n got %q\nwant %q", got, tt.want)
			}
			if want := strings.Count(tt.want, "{"); n != want {
				t.Errorf("%d matches, want %d", n, want)
			}
		})
	}
}

func TestStatementBody_matchLinks(t *testing.T) {
	body := "one two\n\none three one"
	paras, _ := statementBody(body, marks(body, "one", "one", "one"), nil)
	var got []bodyPiece
	for _, p := range paras {
		for _, r := range p {
			for _, piece := range r.Pieces {
				if piece.Match > 0 {
					got = append(got, piece)
				}
			}
		}
	}
	want := []bodyPiece{
		{Text: "one", Match: 1, Of: 3, ID: "m1", Next: "#m2"},
		{Text: "one", Match: 2, Of: 3, ID: "m2", Prev: "#m1", Next: "#m3"},
		{Text: "one", Match: 3, Of: 3, ID: "m3", Prev: "#m2"},
	}
	if len(got) != len(want) {
		t.Fatalf("matches %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("match %d: %+v, want %+v", i+1, got[i], want[i])
		}
	}
}

// FuzzStatementBody checks that whatever the text, its marks and its
// quotations, the page's paragraphs hold the text exactly, once, in order,
// and the matches are numbered 1, 2, 3 … with links to their neighbours.
func FuzzStatementBody(f *testing.F) {
	f.Add("Three land activists.\n\n“We stay,” she said.", "activists", "We stay", "“We stay,” she said.")
	f.Add(twiceQuoted, "stay", "We will stay", "“We will stay,” they said.")
	f.Add("a\n\n\n\nb “c\n\nd” e", "d", "c\n\nd", "")
	f.Fuzz(func(t *testing.T, body, word, quoted, sentence string) {
		var marked []search.Span
		if word != "" {
			pos := 0
			for {
				i := strings.Index(body[pos:], word)
				if i < 0 {
					break
				}
				marked = append(marked, search.Span{Text: body[pos : pos+i]}, search.Span{Text: word, Hit: true})
				pos += i + len(word)
			}
			marked = append(marked, search.Span{Text: body[pos:]})
		}
		quotes := []search.StatementQuote{quote(1, quoted, sentence), quote(2, quoted, "")}
		paras, n := statementBody(body, marked, quotes)
		want := paragraphSpans(body)
		if len(paras) != len(want) {
			t.Fatalf("%d paragraphs, want %d", len(paras), len(want))
		}
		seen := 0
		for i, p := range paras {
			var b strings.Builder
			for _, r := range p {
				for _, piece := range r.Pieces {
					b.WriteString(piece.Text)
					if piece.Match == 0 {
						continue
					}
					seen++
					if piece.Match != seen || piece.Of != n || piece.ID != matchAnchor(seen) {
						t.Fatalf("match %+v, want number %d of %d", piece, seen, n)
					}
					if (piece.Prev == "") != (seen == 1) || (piece.Next == "") != (seen == n) {
						t.Fatalf("match %d of %d links %q and %q", seen, n, piece.Prev, piece.Next)
					}
				}
			}
			if got := b.String(); got != body[want[i].start:want[i].end] {
				t.Fatalf("paragraph %d is %q, want %q", i, got, body[want[i].start:want[i].end])
			}
		}
		if seen != n {
			t.Fatalf("%d matches placed, %d counted", seen, n)
		}
	})
}
