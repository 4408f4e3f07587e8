// Package record keeps the statements in PostgreSQL, the shared and
// durable record that any number of search nodes follow (serve --store).
//
// Store writes statements and deletions, each change under a sequence
// number taken in commit order, and wakes followers with NOTIFY. Follower
// applies the record to one node's Bleve index in sequence order, woken by
// LISTEN and catching up by sequence after a restart or a missed
// notification; a node's index is derived state that it rebuilds from the
// record when its folder is deleted. Rebuild builds a new generation of the
// index from the record alone, beside the current one, when a new mapping
// version makes the current one unreadable.
//
// It does not extract text (package indexer does, before Store.Put) and
// does not search. Without --store none of it runs: a single server keeps
// its index and alerts in its data folder only.
package record
