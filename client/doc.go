// Package client sends statements to a running advosearch server through its
// ingest API, for when the index is held open by that server and the
// command line cannot write to it. It does not read or index anything
// itself.
package client
