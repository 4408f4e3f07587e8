package entities

import (
	"regexp"
	"strings"
)

// headerFieldRe finds the label of a scraper's or an archive's metadata
// field that names the page's publisher ("Publisher: UN News via Global
// Issues", "**Publisher:** Church Times"); headerValueEndRe the label of
// the field after it, where the value ends when the fields run together on
// one line ("… Publisher: X Authors: Y Scraped (UTC): …").
var (
	headerFieldRe    = regexp.MustCompile(`(?i)(?:^|[\s*])publisher\s*(?:\*\*)?\s*:\s*(?:\*\*)?`)
	headerValueEndRe = regexp.MustCompile(`\s(?:\*\*)?\p{Lu}\pL*(?: \(\pL+\))?(?:\*\*)?:(?:\s|$)`)
)

// markHeaderFields sets aside the names in such a field: it is the page's
// metadata, not its text, and names the publisher (which package indexer
// reads from the field as the source), not a body the statement is about.
// A name the text itself writes is found there as usual. An "Authors:"
// field is left alone: it names the reporters, whom the text quotes, as
// often as photographers. A general pattern of scraped pages' headers, not
// a list of publishers.
func (s *entityScan) markHeaderFields() {
	if !strings.Contains(s.text, "ublisher") && !strings.Contains(s.text, "UBLISHER") {
		return
	}
	for _, loc := range headerFieldRe.FindAllStringIndex(s.text, -1) {
		start := loc[1]
		end := start + strings.IndexByte(s.text[start:], '\n')
		if end < start {
			end = len(s.text)
		}
		if next := headerValueEndRe.FindStringIndex(s.text[start:end]); next != nil {
			end = start + next[0]
		}
		from, to := s.tokensIn(start, end)
		for i := from; i < to; i++ {
			if m := s.at[i]; m >= 0 {
				s.found[m].kind = kindOther
				continue
			}
			s.add(mention{kind: kindOther, start: s.toks[i].start, end: s.toks[i].end}, i, i+1)
		}
	}
}
