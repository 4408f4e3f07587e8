package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

const (
	// maxSentenceBytes bounds Quote.Sentence: enough context to check a
	// quotation, short enough for a result page.
	maxSentenceBytes = 400
	// sentenceReach bounds the search for a sentence's ends, so that text
	// without full stops (lists, tables) costs linear time.
	sentenceReach = 1000
)

// sentenceStart returns the offset where the sentence holding offset at
// starts: after the last full stop, ! or ? followed by space, a paragraph
// break or a list bullet, at most sentenceReach bytes back.
func sentenceStart(text string, at int) int {
	floor := max(0, at-sentenceReach)
	for j := min(at, len(text)) - 1; j >= floor; j-- {
		switch text[j] {
		case '\n':
			if blankLineBefore(text, j) {
				return j + 1
			}
		case '.', '!', '?':
			if end, ok := sentenceStop(text, j); ok && end <= at {
				return end
			}
		}
		if strings.HasPrefix(text[j:], "•") {
			return j + len("•")
		}
	}
	return floor
}

// sentenceEnd returns the offset where the sentence running at offset from
// ends, at most sentenceReach bytes on.
func sentenceEnd(text string, from int) int {
	ceil := min(len(text), from+sentenceReach)
	for j := from; j < ceil; j++ {
		switch text[j] {
		case '\n':
			if paragraphBreakAt(text, j) {
				return j
			}
		case '.', '!', '?':
			if end, ok := sentenceStop(text, j); ok {
				return end
			}
		}
	}
	return ceil
}

// sentenceStop reports whether the punctuation at j ends a sentence, and
// where the sentence ends (after any closing marks): it must be followed by
// white space or the end of text, and a full stop must not end an
// abbreviation or an initial ("Mr.", "Sarah M. Brooks").
func sentenceStop(text string, j int) (int, bool) {
	end := j + 1
	for end < len(text) {
		r, w := utf8.DecodeRuneInString(text[end:])
		if r == '[' {
			// A footnote mark: "freedoms.[2] Their".
			if k := strings.IndexByte(text[end:min(len(text), end+6)], ']'); k > 1 {
				end += k + 1
				continue
			}
		}
		if r != '”' && r != '’' && r != '"' && r != '\'' && r != '»' && r != ')' {
			break
		}
		end += w
	}
	if end < len(text) {
		r, _ := utf8.DecodeRuneInString(text[end:])
		if !unicode.IsSpace(r) {
			return 0, false
		}
	}
	if text[j] == '.' && isAbbreviation(text[:j]) {
		return 0, false
	}
	return end, true
}

// isAbbreviation reports whether before ends with a word that takes a full
// stop without ending a sentence.
func isAbbreviation(before string) bool {
	i := len(before)
	for i > 0 {
		r, w := utf8.DecodeLastRuneInString(before[:i])
		if !unicode.IsLetter(r) {
			break
		}
		i -= w
	}
	w := before[i:]
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	switch w {
	case "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Sr", "Jr", "No", "Art", "Arts", "Gen", "Col", "Lt", "Rev",
		"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
		"vs", "etc", "Inc", "Co", "para", "al":
		return true
	}
	return false
}

// blankLineBefore reports whether the newline at j ends a line that holds
// only white space, that is, j is the second newline of a paragraph break.
func blankLineBefore(text string, j int) bool {
	for k := j; k > 0; {
		r, w := utf8.DecodeLastRuneInString(text[:k])
		if r == '\n' {
			return true
		}
		if !unicode.IsSpace(r) {
			return false
		}
		k -= w
	}
	return false
}

// sentenceAround returns the sentence holding the quotation sp, trimmed. A
// longer one is cut to a window of about maxSentenceBytes around the
// quotation's start, at spaces.
func sentenceAround(text string, sp span) string {
	from := sentenceStart(text, sp.open)
	to := sentenceEnd(text, sp.close)
	if endsSentence(text[sp.start:sp.end]) {
		// “… this.’ His comments …: the sentence ended inside the quotation.
		rest := strings.TrimLeft(text[sp.close:min(len(text), sp.close+8)], " ")
		if rest == "" || startsUpper(rest) || strings.HasPrefix(rest, "\n") {
			to = sp.close
		}
	}
	to = max(to, sp.close)
	if to-from > maxSentenceBytes {
		from = max(from, sp.open-maxSentenceBytes/4)
		to = min(to, from+maxSentenceBytes)
		if i := strings.IndexByte(text[from:sp.open+1], ' '); i >= 0 && from > sentenceStart(text, sp.open) {
			from += i + 1
		}
		if i := strings.LastIndexByte(text[from:to], ' '); i > 0 && to < len(text) {
			to = from + i
		}
		for from < to && !utf8.RuneStart(text[from]) {
			from++
		}
		for to > from && to < len(text) && !utf8.RuneStart(text[to]) {
			to--
		}
	}
	return strings.TrimSpace(text[from:to])
}
