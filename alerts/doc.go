// Package alerts keeps saved searches ("alerts") for monitoring programs and
// tells them, without loss or duplicates, about every new statement that
// matches: by polling (Store.Matches, with a cursor per alert), by an Atom
// feed (Store.Feed, WriteAtom) or by signed webhooks delivered from a durable
// outbox (Deliverer).
//
// A statement deleted from the index leaves its matches in the log, marked
// deleted (MarkDeleted), and leaves the feeds.
//
// Everything lives in one bbolt file in the data folder (Open). Each write is
// one bbolt transaction, which bbolt fsyncs before it returns, so what a call
// reported as done survives a crash, and a batch's matches and its webhook
// deliveries are recorded together or not at all.
//
// The package never searches the index. The indexer hands each new batch of
// statements to Store.PercolateBatch, which runs every alert's query against
// that batch only, through package search's Percolator (an index of the
// batch in memory); it also cuts the snippets recorded with each new match,
// which the feed entries and webhook bodies carry. Store.Percolate takes any
// Matcher. Query parsing and validation stay in package search, so alerts
// imports no Bleve and no web code.
//
// Webhook receivers verify a delivery like this (Verify does the same in Go):
//
//  1. Read the raw body and the headers X-Advosearch-Timestamp (Unix
//     seconds) and X-Advosearch-Signature ("sha256=" + hex).
//  2. Reject the delivery if the timestamp is more than 5 minutes away from
//     the receiver's clock: a replayed old request is refused even though
//     its signature is valid.
//  3. Compute HMAC-SHA256 with the alert's secret (Alert.WebhookSecret,
//     shown once when the alert is made or its secret rotated; the
//     server-wide secret for alerts made before per-alert secrets) over
//     timestamp + "." + body and compare it with the signature in constant
//     time. After a rotation, accept the old secret too until the
//     deliveries queued before it have arrived.
//  4. Answer 2xx only after storing the delivery. A retry reuses the same
//     X-Advosearch-Delivery ID and body, so a receiver that has seen the ID
//     answers 2xx again and drops the copy.
package alerts
