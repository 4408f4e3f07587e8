package query

import (
	"errors"
	"strings"
	"unicode/utf8"
)

// maxRepairs bounds how many syntax errors ParseForgiving mends one by one
// before it reads the whole query as plain words.
const maxRepairs = 8

// ParseForgiving reads q like Parse, but never fails: it is for a search box
// into which people paste sentences, where a lone quotation mark (“We will
// not), a bracket ([sic]) or a slash (and / or) is text, not syntax.
//
// Each syntax error is mended where it stands: the character at fault is
// read as a plain character, as if escaped, and parsing starts again, so
// the rest of the query keeps its meaning ("Hun Sen" “We stays a phrase and
// a word). An error that cannot be mended that way (a query ending in AND,
// more than MaxClauses terms) makes the whole query plain words, joined
// with the default operator, the first MaxClauses of them. The errors come
// back as notices, with their columns in q, for the caller to show; none
// means q parsed as Parse reads it.
func ParseForgiving(q string, opts Options) (Node, []*SyntaxError) {
	var notices []*SyntaxError
	if !utf8.ValidString(q) {
		_, err := Parse(q, opts)
		var se *SyntaxError
		if errors.As(err, &se) {
			notices = append(notices, se)
		}
		q = strings.ToValidUTF8(q, "\uFFFD")
	}
	escaped := map[int]bool{} // byte offsets in q read as plain characters
	for range maxRepairs {
		text, offset := escapeAt(q, escaped)
		n, err := Parse(text, opts)
		if err == nil {
			return n, notices
		}
		var se *SyntaxError
		if !errors.As(err, &se) {
			break
		}
		at := offset[se.Pos]
		notices = append(notices, errorAt(q, at, "%s", se.Msg))
		if at >= len(q) || escaped[at] {
			break
		}
		escaped[at] = true
	}
	return plainWords(q, opts), notices
}

// escapeAt returns q with a backslash before each byte offset in at, and
// for each byte offset of the result the offset in q it came from.
func escapeAt(q string, at map[int]bool) (string, []int) {
	if len(at) == 0 {
		offset := make([]int, len(q)+1)
		for i := range offset {
			offset[i] = i
		}
		return q, offset
	}
	var b strings.Builder
	offset := make([]int, 0, len(q)+len(at)+1)
	for i := 0; i < len(q); i++ {
		if at[i] {
			b.WriteByte('\\')
			offset = append(offset, i)
		}
		b.WriteByte(q[i])
		offset = append(offset, i)
	}
	return b.String(), append(offset, len(q))
}

// plainWords reads q as words and nothing else: every run between spaces is
// a Term, whatever characters it holds; the index's analysis keeps only
// their letters and digits.
func plainWords(q string, opts Options) Node {
	words := strings.Fields(q)
	if len(words) > MaxClauses {
		words = words[:MaxClauses]
	}
	nodes := make([]Node, len(words))
	for i, w := range words {
		nodes[i] = &Term{Text: w}
	}
	switch {
	case len(nodes) == 0:
		return &MatchAll{}
	case len(nodes) == 1:
		return nodes[0]
	case opts.DefaultOr:
		return &Bool{Should: nodes}
	}
	return &Bool{Must: nodes}
}
