// Package feeds fetches NGO feeds and statement pages politely and turns
// them into corpus.Documents.
//
// A Fetcher does the HTTP work the way miniflux's fetcher does: a real
// User-Agent, timeouts, a body-size cap, conditional GETs
// (If-None-Match/If-Modified-Since, 304), Retry-After, a minimum gap between
// two requests to one host, robots.txt for statement pages, and no
// connections to loopback, private-network or other non-public addresses
// (package netguard, checked when the socket is dialled, so neither a DNS
// answer nor a redirect can smuggle one in).
//
// A Watcher polls a list of feeds, fetches the page of each new item (or
// falls back to the item's own content), hands the documents to a callback
// and only then records the items as seen in a JSON state file.
//
// The package does not extract text or index anything: that is the
// indexer's job. It holds no package-level state; everything hangs off a
// Fetcher or a Watcher.
package feeds
