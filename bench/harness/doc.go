// Package harness runs the benchmark of issue 8: one generated corpus and
// one set of queries through advosearch (indexer, search engine and web
// server, as shipped) and through bare Bleve with its defaults, each in a
// process of its own so that peak memory is per system, and writes one
// Markdown table. The SQLite FTS5 peer is a separate module (bench/fts5), so
// the product never depends on SQLite; Run starts it when given its binary.
//
// It is not a test of correctness; the one check it makes is that every
// system counts the same hits for bench.CrossCheckPhrase.
package harness
