package search

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a piece of text; Hit marks a piece the query matched. Renderers
// escape Text and wrap hits, so no markup is ever built from stored text.
type Span struct {
	Text string `json:"text"`
	Hit  bool   `json:"hit"`
}

// Snippet is a short passage of a statement, as spans.
type Snippet []Span

// match is a byte range of a field's stored text that the query matched.
type match struct{ start, end int }

const (
	snippetContext = 90  // bytes of context on each side of a match
	snippetMax     = 3   // snippets per hit
	leadLen        = 240 // bytes of the opening shown when nothing matched in the body
)

// snippets picks up to snippetMax passages of text around the matches, the
// passages with the most matches first, each shown in text order.
func snippets(text string, matches []match) []Snippet {
	matches = normalizeMatches(text, matches)
	if len(matches) == 0 {
		if text == "" {
			return nil
		}
		end := cutAfter(text, min(leadLen, len(text)))
		lead := Snippet{{Text: text[:end]}}
		if end < len(text) {
			lead = append(lead, Span{Text: "…"})
		}
		return []Snippet{lead}
	}

	type window struct {
		start, end int
		matches    []match
	}
	var windows []window
	for _, m := range matches {
		start, end := cutBefore(text, m.start-snippetContext), cutAfter(text, m.end+snippetContext)
		if n := len(windows); n > 0 && start <= windows[n-1].end {
			w := &windows[n-1]
			w.end = max(w.end, end)
			w.matches = append(w.matches, m)
			continue
		}
		windows = append(windows, window{start, end, []match{m}})
	}
	sort.SliceStable(windows, func(i, j int) bool { return len(windows[i].matches) > len(windows[j].matches) })
	windows = windows[:min(len(windows), snippetMax)]
	sort.Slice(windows, func(i, j int) bool { return windows[i].start < windows[j].start })

	out := make([]Snippet, 0, len(windows))
	for _, w := range windows {
		var s Snippet
		if w.start > 0 {
			s = append(s, Span{Text: "…"})
		}
		s = append(s, spans(text[:w.end], w.start, w.matches)...)
		if w.end < len(text) {
			s = append(s, Span{Text: "…"})
		}
		out = append(out, s)
	}
	return out
}

// highlight returns the whole text as spans, for a title.
func highlight(text string, matches []match) []Span {
	return spans(text, 0, normalizeMatches(text, matches))
}

// spans splits text[from:] at the sorted, disjoint matches.
func spans(text string, from int, matches []match) []Span {
	var out []Span
	pos := from
	for _, m := range matches {
		if m.start > pos {
			out = append(out, Span{Text: text[pos:m.start]})
		}
		out = append(out, Span{Text: text[m.start:m.end], Hit: true})
		pos = m.end
	}
	if pos < len(text) {
		out = append(out, Span{Text: text[pos:]})
	}
	return out
}

// normalizeMatches sorts the matches, drops those outside the text or not on
// rune boundaries, and merges overlaps (a word found by both the stemmed and
// the exact field) and neighbours with only spaces between them, so a phrase
// is marked as one piece.
func normalizeMatches(text string, ms []match) []match {
	sort.Slice(ms, func(i, j int) bool { return ms[i].start < ms[j].start })
	out := ms[:0]
	for _, m := range ms {
		if m.start < 0 || m.end > len(text) || m.start >= m.end ||
			!utf8.RuneStart(text[m.start]) || (m.end < len(text) && !utf8.RuneStart(text[m.end])) {
			continue
		}
		if n := len(out); n > 0 && (m.start <= out[n-1].end || strings.TrimSpace(text[out[n-1].end:m.start]) == "") {
			out[n-1].end = max(out[n-1].end, m.end)
			continue
		}
		out = append(out, m)
	}
	return out
}

// cutBefore moves i back to the start of a word at or before it.
func cutBefore(text string, i int) int {
	if i <= 0 {
		return 0
	}
	for i > 0 && !utf8.RuneStart(text[i]) {
		i--
	}
	for j := i; j > 0 && i-j < 20; {
		r, size := utf8.DecodeLastRuneInString(text[:j])
		if unicode.IsSpace(r) {
			return j
		}
		j -= size
	}
	return i
}

// cutAfter moves i forward to the end of a word at or after it.
func cutAfter(text string, i int) int {
	if i >= len(text) {
		return len(text)
	}
	for i < len(text) && !utf8.RuneStart(text[i]) {
		i++
	}
	for j := i; j < len(text) && j-i < 20; {
		r, size := utf8.DecodeRuneInString(text[j:])
		if unicode.IsSpace(r) {
			return j
		}
		j += size
	}
	return i
}
