package index

import (
	"bytes"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	"golang.org/x/text/unicode/norm"
)

// FoldFilterName names the token filter that folds typographic punctuation
// inside tokens to its ASCII twin.
const FoldFilterName = "advosearch_fold"

// typographic maps the characters that differ between what journalists type
// and what statements print. A token filter, not a char filter, does this:
// token offsets then still point into the original text, which highlighting
// needs, whereas a char filter that shortens ’ (3 bytes) to ' (1 byte) would
// shift them.
var typographic = []struct{ from, to []byte }{
	{[]byte("’"), []byte("'")},
	{[]byte("‘"), []byte("'")},
	{[]byte("ʼ"), []byte("'")},
	{[]byte("＇"), []byte("'")},
	{[]byte("‐"), []byte("-")},
	{[]byte("‑"), []byte("-")},
	{[]byte("–"), []byte("-")},
	{[]byte("—"), []byte("-")},
}

type foldFilter struct{}

func (foldFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, token := range input {
		if isASCII(token.Term) {
			continue
		}
		for _, m := range typographic {
			if bytes.Contains(token.Term, m.from) {
				token.Term = bytes.ReplaceAll(token.Term, m.from, m.to)
			}
		}
	}
	return input
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// UnaccentFilterName names the token filter that takes the accents off
// Latin letters (arrêté → arrete, Tuấn → Tuan), so that a word typed with or
// without them finds the other: keyboards and pasted text disagree on
// accents far more often than the accent tells two words apart. Only the
// stemmed analyzer uses it; quoted words keep their accents.
const UnaccentFilterName = "advosearch_unaccent"

// unaccentFilter decomposes a token (NFD) and drops the combining marks of
// Latin script (U+0300–U+036F). Other scripts' marks, such as Khmer vowel
// signs, are letters of the word and stay.
type unaccentFilter struct{}

func (unaccentFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, token := range input {
		if isASCII(token.Term) {
			continue
		}
		decomposed := norm.NFD.Bytes(token.Term)
		out := decomposed[:0]
		for i := 0; i < len(decomposed); {
			r, n := utf8.DecodeRune(decomposed[i:])
			if r < 0x300 || r > 0x36F {
				out = append(out, decomposed[i:i+n]...)
			}
			i += n
		}
		token.Term = norm.NFC.Bytes(out)
	}
	return input
}

// Bleve resolves analyzers by name when an index is opened, so the filters have
// to be in its registry before any index is created or opened; registration is
// the one piece of package state, and it never changes after init.
func init() {
	for name, filter := range map[string]analysis.TokenFilter{
		FoldFilterName:      foldFilter{},
		UnaccentFilterName:  unaccentFilter{},
		positionsOnlyFilter: positionsOnly{},
	} {
		err := registry.RegisterTokenFilter(name,
			func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
				return filter, nil
			})
		if err != nil {
			panic(err)
		}
	}
}
