package web

import (
	"strings"
	"time"
)

// citation is what a journalist needs to attribute a quotation. Empty
// parts are left out of the text.
type citation struct {
	Speaker   string
	Quote     string
	Source    string
	Title     string
	Published time.Time
	URL       string
}

// String is the citation as plain text, ready to paste:
//
//	Hun Sen, “The Ministry … not Khmers,” Phnom Penh Post, “PM says NGO ‘must close’,” 27 November 2017, https://…
//
// The quotation and the title go in typographic double quotes, with the
// comma that follows them inside (the American convention newsrooms use);
// double quotes inside them become single ones. A missing part is left out
// with its comma, so there is never an empty slot or a dangling separator.
func (c citation) String() string {
	type part struct {
		text   string
		quoted bool
	}
	var parts []part
	add := func(text string, quoted bool) {
		if text = strings.TrimSpace(text); text != "" {
			parts = append(parts, part{text, quoted})
		}
	}
	add(c.Speaker, false)
	add(innerQuotes(c.Quote), true)
	add(c.Source, false)
	add(innerQuotes(c.Title), true)
	add(humanDate(c.Published), false)
	add(c.URL, false)

	var b strings.Builder
	for i, p := range parts {
		last := i == len(parts)-1
		switch {
		case p.quoted && last:
			b.WriteString("“" + p.text + "”")
		case p.quoted && strings.ContainsAny(lastRune(p.text), "?!"):
			// “Why?” needs no comma after it.
			b.WriteString("“" + p.text + "” ")
		case p.quoted:
			b.WriteString("“" + strings.TrimRight(p.text, ".,;:") + ",” ")
		case last:
			b.WriteString(p.text)
		default:
			b.WriteString(p.text + ", ")
		}
	}
	return b.String()
}

// innerQuotes readies text for typographic double quotes: it drops double
// quotes around the whole text (an extractor may keep them) and turns the
// double quotes inside into single ones, curly or straight.
func innerQuotes(s string) string {
	s = strings.TrimSpace(s)
	for _, pair := range [][2]string{{"“", "”"}, {`"`, `"`}, {"„", "“"}} {
		if len(s) > len(pair[0])+len(pair[1]) && strings.HasPrefix(s, pair[0]) && strings.HasSuffix(s, pair[1]) {
			inner := s[len(pair[0]) : len(s)-len(pair[1])]
			// Only when the quotes enclose the whole text, not when it
			// opens with one quotation and ends with another.
			if !strings.ContainsAny(inner, "“”\"") {
				s = strings.TrimSpace(inner)
			}
			break
		}
	}
	s = strings.NewReplacer("“", "‘", "”", "’", "„", "‘").Replace(s)
	// Straight quotes alternate: opening, then closing.
	var b strings.Builder
	open := true
	for _, r := range s {
		if r != '"' {
			b.WriteRune(r)
			continue
		}
		if open {
			b.WriteRune('‘')
		} else {
			b.WriteRune('’')
		}
		open = !open
	}
	return b.String()
}

func lastRune(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return ""
	}
	return string(r[len(r)-1])
}
