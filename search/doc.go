// Package search answers a Request with a Result: it turns the user's query
// and filters into a Bleve query over the schema of package index, counts
// facets over every matching statement, builds highlighted snippets and pages
// through the hits. Its types carry no Bleve types, so package web never
// sees the index library.
//
// It does not write to the index, and it does not render anything.
package search
