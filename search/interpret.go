package search

import "github.com/advosearch/advosearch/query"

// interpretation lists the phrases and the words of a query, excluded ones
// included, as the user typed them.
func interpretation(tree query.Node) (exact, stemmed []string) {
	query.Walk(tree, func(n query.Node) bool {
		switch n := n.(type) {
		case *query.Phrase:
			exact = append(exact, n.Text)
		case *query.Term:
			stemmed = append(stemmed, n.Text)
		}
		return true
	})
	return exact, stemmed
}
