package index

import (
	"strconv"
	"time"
)

// Statement is one indexed advocacy statement: a press release, a joint
// letter, a report. Text fields keep the original characters (curly quotes,
// dashes); folding for search happens in the analyzers, never in storage, so
// a journalist can cite the words exactly as published.
type Statement struct {
	// ID is stable across re-indexing: the seed file name, or derived from the
	// source path or URL. Indexing a statement with an existing ID replaces it.
	ID    string
	Title string
	Body  string
	URL   string
	// Source is the issuing organization (the publisher), kept apart from the
	// organizations the text mentions.
	Source string
	// Published is the publication date; the zero time means the text and its
	// metadata do not give one. It is never guessed.
	Published time.Time
	// Dates are the dates the text mentions, publication date or not.
	Dates []time.Time
	// Organizations, People and Places hold canonical names, one per entity.
	Organizations []string
	People        []string
	Places        []string
	// Names are how the text names its entities, for name queries.
	Names Names
	Lang  string
	// Origin says where the statement came from: a file path, a URL or
	// "seed:NAME", for the user's eyes.
	Origin string
	// AlsoFrom are the other origins of the very same content (a copy of
	// the file in another folder, the same PDF sent twice under two
	// names): one statement, found once, with every place it came from.
	AlsoFrom []string
	// Hash identifies the content and the extractor that read it, so that
	// re-indexing an unchanged file is skipped.
	Hash string
	// Quotes are the quotations in the body. Each is indexed as a document
	// of its own, in the same batch as its statement, so the two never
	// disagree. FromFields does not load them.
	Quotes []Quote
}

// Names holds, per kind of entity, the canonical names and every form the
// text used for them, lower-cased: org:CCHR finds the Cambodian Center for
// Human Rights where the text calls it so. Indexed, not stored.
type Names struct {
	Organizations, People, Places []string
}

// Quote is one quotation, with its speaker when the text names one.
type Quote struct {
	Text     string
	Speaker  string // "" when the text does not attribute it
	Sentence string // the sentence around it, for context
}

// QuoteID is the ID of the n-th (from 1) quote of a statement.
func QuoteID(statementID string, n int) string {
	return statementID + "#q" + strconv.Itoa(n)
}
