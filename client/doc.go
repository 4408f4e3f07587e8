// Package client talks to a running advosearch server through its API, for
// when the index and the alerts are held open by that server and the command
// line cannot open them: it sends statements to the ingest API, asks for a
// backup, and lists, adds and removes saved searches. It does not read or
// index anything itself.
package client
