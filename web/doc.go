// Package web serves advosearch over HTTP: the server-rendered search,
// quotes and statement pages (embedded html/template templates, one
// stylesheet and no JavaScript needed: one small script, statement.js, only
// adds keys for stepping through a statement's matches), the JSON API under /api, an Atom feed of any search
// (/feed.atom), and saved searches ("alerts", package alerts) for holders of
// the server's token: /api/alerts to manage and poll them, a feed per
// alert whose URL carries a key derived from the token, and the same for
// people in the pages ("Follow this search" on results, /alerts), behind
// the token typed once into a form (alertspage.go). Results pages draw the
// matches over time as an SVG histogram whose bars set the dates. Each
// person, organization, place and source has a page (/people/:name and
// so on): its statements over time, the names mentioned with it, its
// quotations, and a follow form. Token holders can
// also add statements (POST /api/documents, through Options.Ingest, so that
// web does not import the indexer); any search can be exported as CSV or
// JSON lines (GET /api/search?format=csv); /api/openapi.json describes the
// whole API.
//
// It reads the request, checks and bounds the parameters, runs the search
// through the small searcher interface it declares itself, and renders the
// result. It does not parse the query language, touch the index or know the
// index library: those belong to package search. Highlighting is done with
// spans from package search that the templates wrap in <mark>, so no HTML is
// ever built from stored text except in the one API function that escapes it.
package web
