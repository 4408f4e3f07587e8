package quotes

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

const (
	// MinWords is the shortest quotation Extract reports. Shorter quoted
	// phrases are scare quotes or names (‘colour revolution’, “Black
	// Monday”), not something a journalist would cite as a statement.
	MinWords = 4
	// MinSentenceWords is the shortest quotation reported when it is a
	// sentence of its own (“We will appeal,” tweeted X; “They were
	// tortured.”) and a speaker is named for it: shorter than MinWords,
	// only such quotations are statements rather than scare quotes.
	MinSentenceWords = 2
	// maxQuoteBytes bounds a quotation. An opening mark that is still open
	// this far on is taken to be unbalanced, so that one stray “ cannot
	// swallow the rest of a document.
	maxQuoteBytes = 1500
	// maxDepth bounds nesting. Real quotations nest two or three deep; a
	// deeper stack is a run of stray marks, and bounding it keeps each mark
	// constant work.
	maxDepth = 8
)

// markKind is the family of an opening quotation mark; a closing mark only
// closes an opening mark of its own family.
type markKind uint8

const (
	kindCurlyDouble markKind = iota + 1 // “ … ”
	kindCurlySingle                     // ‘ … ’
	kindStraightDbl                     // " … "
	kindStraightSgl                     // ' … '
	kindGuillemet                       // « … »
	kindLowDouble                       // „ … “ (or „ … ”)
)

// span is one closed quotation: open and close are the byte offsets of the
// opening mark and just past the closing mark; start and end delimit the
// quoted words (trimmed of white space) between them.
type span struct {
	open, start, end, close int
	// short: fewer than MinWords words, kept for being a sentence; it
	// stands only with a named speaker.
	short bool
	// runsOn: left open at a paragraph's end because the quotation goes
	// on in the next paragraph, which opens with a mark again.
	runsOn bool
}

// openMark is an opening mark still waiting for its closing mark. inner holds
// the quotations nested in it that have closed: they are dropped when it
// closes (the outer quotation carries their words) and promoted when it turns
// out to be unbalanced.
type openMark struct {
	kind  markKind
	pos   int // offset of the mark
	after int // offset just past the mark
	inner []span
	// khmer: the quotation is in Khmer, which goes on over paragraph
	// breaks without opening each paragraph again, and takes three bytes
	// a letter (see khmerQuote).
	khmer bool
}

// scanner pairs quotation marks in one pass over the text.
type scanner struct {
	text  string
	stack []openMark
	out   []span
}

// scan returns the balanced quotations of MinWords words or more, outermost
// only, in text order.
func scan(text string) []span {
	s := &scanner{text: text}
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		// Too old: the mark was never closed. Drop it but keep what closed
		// inside it.
		for len(s.stack) > 0 && i-s.stack[0].pos > s.stack[0].maxBytes() {
			s.abandon(0)
		}
		switch r {
		case '\n':
			if paragraphBreakAt(text, i) && !s.khmerOpen() {
				// A quotation that runs on into the next paragraph opens it
				// again and leaves this one unclosed: “… detention.
				//
				// “We have to fight,” he said.
				if len(s.stack) == 1 && atLineStart(text, s.stack[0].pos) && opensNextParagraph(text, i) {
					if s.closeAt(0, i, i) {
						s.out[len(s.out)-1].runsOn = true
					}
				}
				for len(s.stack) > 0 {
					s.abandon(len(s.stack) - 1)
				}
			}
		case '“':
			// In German „…“ the same character closes.
			if k := s.find(kindLowDouble); k >= 0 && k == len(s.stack)-1 {
				s.closeAt(k, i, i+w)
			} else {
				s.push(kindCurlyDouble, i, i+w)
			}
		case '”':
			if k := s.find(kindCurlyDouble, kindLowDouble); k >= 0 {
				s.closeAt(k, i, i+w)
			} else if k := s.find(kindStraightDbl); k >= 0 {
				// "… mixed marks,” it said: a straight opening mark.
				s.closeAt(k, i, i+w)
			}
		case '„':
			s.push(kindLowDouble, i, i+w)
		case ',':
			// Dutch papers open with two commas and close with two
			// apostrophes: ,,zijn regime wordt uitgeschakeld''.
			if opensDoubleComma(text, i) {
				w = 2
				s.push(kindLowDouble, i, i+w)
			}
		case '«':
			s.push(kindGuillemet, i, i+w)
		case '»':
			if k := s.find(kindGuillemet); k >= 0 {
				s.closeAt(k, i, i+w)
			}
		case '‘':
			if opensQuote(text, i, w) {
				s.push(kindCurlySingle, i, i+w)
			}
		case '’':
			if k := s.find(kindCurlySingle); k >= 0 && closesQuote(text, i, w, '’') {
				s.closeAt(k, i, i+w)
			}
			// Otherwise an apostrophe: Sen’s, it’s, NGOs’.
		case '"':
			k := s.find(kindStraightDbl)
			prev, _ := utf8.DecodeLastRuneInString(text[:i])
			next, _ := utf8.DecodeRuneInString(text[i+w:])
			closer := i > 0 && !unicode.IsSpace(prev) && (i+w == len(text) || unicode.IsSpace(next) || unicode.IsPunct(next))
			switch {
			case k >= 0 && (i > 0 && !unicode.IsSpace(prev) || i+w == len(text) || unicode.IsSpace(next)):
				s.closeAt(k, i, i+w)
			case k < 0 && closer && s.find(kindCurlyDouble, kindLowDouble) >= 0:
				// “… mixed marks," she said: a straight closing mark.
				s.closeAt(s.find(kindCurlyDouble, kindLowDouble), i, i+w)
			case k < 0 && i+w < len(text) && !unicode.IsSpace(next) && (i == 0 || !isWordRune(prev)):
				s.push(kindStraightDbl, i, i+w)
			}
		case '\'':
			if k := s.find(kindLowDouble); k >= 0 && k == len(s.stack)-1 && strings.HasPrefix(text[i:], "''") && i > 0 && text[i-1] != ' ' {
				// The two apostrophes that close ,,…''.
				w = 2
				s.closeAt(k, i, i+w)
			} else if k := s.find(kindStraightSgl); k >= 0 && closesQuote(text, i, w, '\'') {
				s.closeAt(k, i, i+w)
			} else if opensQuote(text, i, w) {
				s.push(kindStraightSgl, i, i+w)
			}
		}
		i += w
	}
	for len(s.stack) > 0 {
		s.abandon(len(s.stack) - 1)
	}
	sortSpans(s.out)
	return s.out
}

func (s *scanner) push(k markKind, pos, after int) {
	if len(s.stack) == maxDepth {
		s.abandon(0)
	}
	s.stack = append(s.stack, openMark{kind: k, pos: pos, after: after, khmer: khmerQuote(s.text, after)})
}

// find returns the index of the innermost open mark of one of kinds, or -1.
func (s *scanner) find(kinds ...markKind) int {
	for i := len(s.stack) - 1; i >= 0; i-- {
		for _, k := range kinds {
			if s.stack[i].kind == k {
				return i
			}
		}
	}
	return -1
}

// abandon drops the open mark at index i as unbalanced; the quotations that
// closed inside it go to its parent, or out when it has none.
func (s *scanner) abandon(i int) {
	m := s.stack[i]
	if i > 0 {
		s.stack[i-1].inner = append(s.stack[i-1].inner, m.inner...)
	} else {
		s.out = append(s.out, m.inner...)
	}
	s.stack = append(s.stack[:i], s.stack[i+1:]...)
}

// closeAt closes the open mark at index k with the closing mark at
// [pos, after). Marks opened after it and still open are nested in it, so
// they are dropped with everything else inside.
// It reports whether a quotation went out (k == 0 and long enough).
func (s *scanner) closeAt(k, pos, after int) bool {
	m := s.stack[k]
	s.stack = s.stack[:k]
	start, end := trimSpan(s.text, m.after, pos)
	if end-start > m.maxBytes() {
		return false
	}
	n := countWords(s.text[start:end])
	short := n < MinWords
	if short && (n < MinSentenceWords || !sentenceShaped(s.text[start:end])) {
		return false
	}
	sp := span{open: m.pos, start: start, end: end, close: after, short: short}
	if k > 0 {
		s.stack[k-1].inner = append(s.stack[k-1].inner, sp)
		return false
	}
	s.out = append(s.out, sp)
	return true
}

// opensQuote reports whether the single mark at [i, i+w) opens a quotation:
// it follows a non-letter (so not the ’ of "rock ’n’ roll" mid-word) and
// is followed by a word rather than space or a digit (’90s).
func opensQuote(text string, i, w int) bool {
	if i > 0 {
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		if isWordRune(prev) {
			return false
		}
	}
	if i+w >= len(text) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(text[i+w:])
	return !unicode.IsSpace(next) && !unicode.IsDigit(next)
}

// closesQuote reports whether the single mark at [i, i+w) can close a
// quotation rather than be an apostrophe: it follows a non-space and is not
// followed by a letter (Sen’s, don’t). The plural possessive (the NGOs’
// reports) looks like a closing mark; when another possible closing mark
// follows in the same paragraph, it is taken to be the apostrophe.
func closesQuote(text string, i, w int, mark rune) bool {
	if i == 0 {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	if unicode.IsSpace(prev) {
		return false
	}
	if i+w < len(text) {
		next, _ := utf8.DecodeRuneInString(text[i+w:])
		if isWordRune(next) {
			return false
		}
	}
	if (prev == 's' || prev == 'S') && possessiveFollows(text[i+w:]) {
		return !laterCloser(text, i+w, mark)
	}
	return true
}

// possessiveFollows reports whether rest starts with a space and a lower-case
// word, as after the plural possessive ("NGOs’ reports").
func possessiveFollows(rest string) bool {
	if len(rest) < 2 || rest[0] != ' ' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest[1:])
	return unicode.IsLower(r)
}

// laterCloser reports whether another mark that could close a quotation
// follows from offset from, before a paragraph break or the length limit.
func laterCloser(text string, from int, mark rune) bool {
	limit := min(len(text), from+maxQuoteBytes)
	for j := from; j < limit; {
		r, w := utf8.DecodeRuneInString(text[j:])
		if r == '\n' && paragraphBreakAt(text, j) {
			return false
		}
		if r == mark && j > 0 {
			prev, _ := utf8.DecodeLastRuneInString(text[:j])
			next := ' '
			if j+w < len(text) {
				next, _ = utf8.DecodeRuneInString(text[j+w:])
			}
			if !unicode.IsSpace(prev) && !isWordRune(next) {
				return true
			}
		}
		j += w
	}
	return false
}

// atLineStart reports whether only spaces stand between the start of its
// line and offset pos.
func atLineStart(text string, pos int) bool {
	return strings.TrimLeft(text[strings.LastIndexByte(text[:pos], '\n')+1:pos], " \t\u00a0") == ""
}

// opensNextParagraph reports whether the paragraph after the break at
// offset i starts with an opening quotation mark.
func opensNextParagraph(text string, i int) bool {
	rest := strings.TrimLeft(text[i:], " \t\r\n\u00a0")
	r, _ := utf8.DecodeRuneInString(rest)
	return strings.ContainsRune("“\"«‘'„", r) || strings.HasPrefix(rest, ",,")
}

// opensDoubleComma reports whether the two commas at i open a quotation
// as Dutch print does (two commas, closed by two apostrophes): after a
// space, an opening bracket or the text's start, and before a word.
func opensDoubleComma(text string, i int) bool {
	if !strings.HasPrefix(text[i:], ",,") || i+2 >= len(text) {
		return false
	}
	if i > 0 {
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		if !unicode.IsSpace(prev) && !strings.ContainsRune("(>[", prev) {
			return false
		}
	}
	next, _ := utf8.DecodeRuneInString(text[i+2:])
	return isWordRune(next) || next == '.'
}

// paragraphBreakAt reports whether the newline at i starts a blank line:
// another newline follows with only white space between.
func paragraphBreakAt(text string, i int) bool {
	for j := i + 1; j < len(text); {
		r, w := utf8.DecodeRuneInString(text[j:])
		if r == '\n' {
			return true
		}
		if !unicode.IsSpace(r) {
			return false
		}
		j += w
	}
	return false
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// trimSpan narrows [start, end) to exclude white space at both ends.
func trimSpan(text string, start, end int) (int, int) {
	for start < end {
		r, w := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += w
	}
	for end > start {
		r, w := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= w
	}
	return start, end
}

// countWords counts the white-space separated fields holding a letter or a
// digit, so that a dash or "..." alone is not a word.
func countWords(s string) int {
	n := 0
	for f := range strings.FieldsFuncSeq(s, unicode.IsSpace) {
		if strings.IndexFunc(f, isWordRune) >= 0 {
			n += khmerWords(f)
		}
	}
	return n
}

// sentenceShaped reports whether quoted words are a sentence or the clause
// before a tag: a capital first and a full stop, question or exclamation
// mark or comma last (“They were tortured.”, “We will appeal,”), where a
// name or a scare quote (“Black Monday”, “a disgrace”) has neither.
func sentenceShaped(q string) bool {
	r, _ := utf8.DecodeRuneInString(q)
	if !unicode.IsUpper(r) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(q)
	return strings.ContainsRune(".!?,", last)
}

func sortSpans(sp []span) {
	slices.SortFunc(sp, func(a, b span) int { return a.open - b.open })
}
