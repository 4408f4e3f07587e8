// Package indexer turns raw documents into statements and writes them to the
// index: main-text extraction and clean-up (site chrome, PDF line breaks),
// title, source, dates and entities, then batching, change detection by
// content hash, progress and a summary of what was indexed or skipped and why.
//
// It is the only writer of the index. HTML parsing (goquery) stays inside it.
package indexer
