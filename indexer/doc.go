// Package indexer turns raw documents into statements and writes them to the
// index: main-text extraction and clean-up (site chrome; the text layer of
// PDFs, their line breaks, hyphenation, page numbers and running headers;
// the paragraphs, tables and styles of Word and OpenDocument files), title,
// source, dates and entities, then batching, change detection by
// content hash (a deleted statement's content is passed over), deleting and
// pruning, progress and a summary of what was indexed or skipped and why.
//
// Extraction is measured against hand-labelled gold sets in testdata/gold
// and testdata/heldout (Evaluate, "advosearch eval").
//
// It is the only writer of the index. HTML parsing (goquery) stays inside it.
package indexer
