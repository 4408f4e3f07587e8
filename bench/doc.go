// Package bench generates synthetic advocacy statements for benchmarks and
// load tests: as many as wanted, the same bytes for the same seed, with the
// shape of the real corpus (length, Zipf-skewed vocabulary, names of
// organisations, people and places, curly quotes, dates written several ways,
// some statements without a publication date).
//
// The text reads like English but means nothing. Use it to measure speed and
// size, never relevance or extraction: those are tested on real statements
// with hand-written expectations (see STYLE.md, section 8).
package bench
