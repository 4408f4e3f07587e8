package search

import "github.com/advosearch/advosearch/query"

// interpretation lists the phrases and the words a query searches for, as
// the user typed them; excluded clauses are left out, as nothing of them is
// matched.
func interpretation(n query.Node) (exact, stemmed []string) {
	switch n := n.(type) {
	case *query.Phrase:
		return []string{n.Text}, nil
	case *query.Term:
		return nil, []string{n.Text}
	case *query.Bool:
		for _, c := range append(append([]query.Node(nil), n.Must...), n.Should...) {
			e, s := interpretation(c)
			exact, stemmed = append(exact, e...), append(stemmed, s...)
		}
	}
	return exact, stemmed
}
