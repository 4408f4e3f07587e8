package index

import (
	"bytes"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
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

// Bleve resolves analyzers by name when an index is opened, so the filter has
// to be in its registry before any index is created or opened; registration is
// the one piece of package state, and it never changes after init.
func init() {
	err := registry.RegisterTokenFilter(FoldFilterName,
		func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
			return foldFilter{}, nil
		})
	if err != nil {
		panic(err)
	}
}
