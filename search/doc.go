// Package search answers a Request with a Result: it turns the user's query
// and filters into a Bleve query over the schema of package index, counts
// facets over every matching statement, builds highlighted snippets and pages
// through the hits. Its types carry no Bleve types, so package web never
// sees the index library.
//
// Queries are read as people type them (natural.go, partial.go): small
// words are dropped from the conjunction rather than required, pasted text
// never fails to parse unless the request is Strict, a query no statement
// has every word of answers with the statements that have most of them,
// and neighbouring words that stand together weigh more.
//
// It does not write to the index, and it does not render anything.
package search
