// Package index owns the schema of advosearch and its storage: the Statement
// record, the field names, the Bleve mapping with its analyzers, opening or
// creating the index directory and its generations, and the records that
// deleted statements leave so that they stay deleted (Delete, Lookup).
//
// It is the only hand-off between the writer (package indexer) and the
// readers (package search): both import it, neither imports the other. It
// does not extract text, parse queries or rank results.
package index
