package web

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/advosearch/advosearch/search"
)

// The statement page's body is built from byte offsets into the stored
// text: the paragraphs, the quotations found in them and the search's
// matches. Every piece is plain text that the template escapes; no markup
// is ever made from the text, so a statement or a query holding <script>
// shows as those characters.

// paragraph is one paragraph of a statement's body, as runs of plain text
// and of quotation.
type paragraph []bodyRun

// bodyRun is a stretch of a paragraph, either inside one quotation or
// outside all of them, with the search's matches marked.
type bodyRun struct {
	// Quote says the run is (part of) a quotation. Anchor is set on the
	// quotation's first run: the id a quote hit links to (quoteAnchor).
	Quote  bool
	Anchor string
	Pieces []bodyPiece
}

// bodyPiece is text, or one match of the search with its links to the
// matches before and after it, which work as plain anchors.
type bodyPiece struct {
	Text string
	// Match is the match's number from 1, 0 for text between matches.
	Match      int
	Of         int    // the number of matches
	ID         string // "m3"
	Prev, Next string // "#m2", "#m4"; "" at the ends
}

// span is a byte range of the body.
type span struct{ start, end int }

// matchAnchor is the id of the n-th match of the search on the page.
func matchAnchor(n int) string { return "m" + strconv.Itoa(n) }

// quoteAnchor is the id of the n-th quotation of a statement on its page,
// "q3": the part of the quote's ID (index.QuoteID, "ID#q3") after the
// statement's ID, so the quote's ID is its address on the page.
func quoteAnchor(n int) string { return "q" + strconv.Itoa(n) }

// statementBody splits body into paragraphs with its quotations and the
// matches of marked (search.Engine.Mark; nil for none) in place, and counts
// the matches. A match that straddles a paragraph break is left unmarked,
// and a quotation is widened rather than let cut through a match.
func statementBody(body string, marked []search.Span, quotes []search.StatementQuote) ([]paragraph, int) {
	paras := paragraphSpans(body)
	var matches []span
	for _, m := range spanMatches(marked, len(body)) {
		for _, p := range paras {
			if m.start >= p.start && m.end <= p.end {
				matches = append(matches, m)
				break
			}
		}
	}
	placed := placeQuotes(body, quotes, matches)

	out := make([]paragraph, 0, len(paras))
	next := 0 // the first match not yet placed
	for _, p := range paras {
		var para paragraph
		addRun := func(from, to int, quote bool, anchor string) {
			if from >= to {
				return
			}
			run := bodyRun{Quote: quote, Anchor: anchor}
			pos := from
			for ; next < len(matches) && matches[next].end <= to; next++ {
				m := matches[next]
				if m.start > pos {
					run.Pieces = append(run.Pieces, bodyPiece{Text: body[pos:m.start]})
				}
				n := next + 1
				piece := bodyPiece{Text: body[m.start:m.end], Match: n, Of: len(matches), ID: matchAnchor(n)}
				if n > 1 {
					piece.Prev = "#" + matchAnchor(n-1)
				}
				if n < len(matches) {
					piece.Next = "#" + matchAnchor(n+1)
				}
				run.Pieces = append(run.Pieces, piece)
				pos = m.end
			}
			if pos < to {
				run.Pieces = append(run.Pieces, bodyPiece{Text: body[pos:to]})
			}
			para = append(para, run)
		}
		pos := p.start
		for _, q := range placed {
			if q.end <= p.start || q.start >= p.end {
				continue
			}
			start, end := max(q.start, p.start), min(q.end, p.end)
			addRun(pos, start, false, "")
			anchor := ""
			if q.start >= p.start {
				anchor = quoteAnchor(q.n)
			}
			addRun(start, end, true, anchor)
			pos = end
		}
		addRun(pos, p.end, false, "")
		out = append(out, para)
	}
	return out, len(matches)
}

// paragraphSpans are the paragraphs of body: the text between blank lines,
// trimmed, the empty ones left out.
func paragraphSpans(body string) []span {
	var out []span
	add := func(from, to int) {
		text := body[from:to]
		trimmed := strings.TrimLeftFunc(text, unicode.IsSpace)
		from += len(text) - len(trimmed)
		to = from + len(strings.TrimRightFunc(trimmed, unicode.IsSpace))
		if from < to {
			out = append(out, span{from, to})
		}
	}
	pos := 0
	for _, br := range paragraphBreak.FindAllStringIndex(body, -1) {
		add(pos, br[0])
		pos = br[1]
	}
	add(pos, len(body))
	return out
}

// spanMatches turns marked spans back into the byte ranges of the text they
// join to. Spans that do not join to a text of textLen bytes are from
// another text, and mark nothing.
func spanMatches(marked []search.Span, textLen int) []span {
	var out []span
	pos := 0
	for _, sp := range marked {
		if sp.Hit {
			out = append(out, span{pos, pos + len(sp.Text)})
		}
		pos += len(sp.Text)
	}
	if pos != textLen {
		return nil
	}
	return out
}

// placedQuote is where the n-th quotation stands in the body.
type placedQuote struct {
	n          int
	start, end int
}

// placeQuotes finds each quotation in the body, in the order of the text:
// inside its sentence when the sentence is found, so that words quoted
// twice are found where they were said; otherwise the words alone, after
// the quotation before. A quotation not found (the text was read again
// since) is left out. Each is widened to the whole of any match it would
// cut, and one that would then overlap the one before is left out.
func placeQuotes(body string, quotes []search.StatementQuote, matches []span) []placedQuote {
	var out []placedQuote
	sentenceFrom, after := 0, 0 // where to look for the next sentence, the next quotation
	for _, q := range quotes {
		text := strings.TrimSpace(q.Text)
		if text == "" {
			continue
		}
		start := -1
		if sentence := strings.TrimSpace(q.Sentence); sentence != "" {
			if i := strings.Index(body[sentenceFrom:], sentence); i >= 0 {
				s := sentenceFrom + i
				if j := strings.Index(sentence, text); j >= 0 && s+j >= after {
					start = s + j
					// The next quotation may be in the same sentence.
					sentenceFrom = s
				}
			}
		}
		if start < 0 {
			i := strings.Index(body[after:], text)
			if i < 0 {
				continue
			}
			start = after + i
		}
		p := placedQuote{n: q.N, start: start, end: start + len(text)}
		for _, m := range matches {
			if m.start < p.start && p.start < m.end {
				p.start = m.start
			}
			if m.start < p.end && p.end < m.end {
				p.end = m.end
			}
		}
		if len(out) > 0 && p.start < out[len(out)-1].end {
			continue
		}
		out = append(out, p)
		after = p.end
	}
	return out
}
