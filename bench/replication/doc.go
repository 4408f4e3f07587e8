// Package replication measures search nodes that follow one PostgreSQL
// record (serve --store): the replication lag, from a statement sent to
// one node until another node's index has it at a steady ingest rate, and
// the time a node takes to rebuild its index from the record against the
// time "advosearch index" takes to read the same files again.
//
// It writes into the record it is given, so it wants an empty database,
// never one in use. It does not compare systems or search speed: package
// bench/harness does.
package replication
