// Package bench generates synthetic advocacy statements for benchmarks and
// load tests: as many as wanted, the same bytes for the same seed, with the
// shape of the real corpus (length, Zipf-skewed vocabulary, names of
// organisations, people and places, curly quotes, dates written several ways,
// some statements without a publication date).
//
// It also holds what every system of the comparison benchmark shares,
// without depending on any of them, so that the SQLite FTS5 peer (its own
// module, bench/fts5) can import it: the query classes and the queries drawn
// from the generator's vocabulary (Queries), the per-class timer
// (TimeClasses), a bounded HTTP load generator reusable for load tests
// (Load), the result a system reports (Result) and the Markdown table
// (Report). Package bench/harness runs advosearch and bare Bleve.
//
// The text reads like English but means nothing. Use it to measure speed and
// size, never relevance or extraction: those are tested on real statements
// with hand-written expectations (see STYLE.md, section 8).
package bench
