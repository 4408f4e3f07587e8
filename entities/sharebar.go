package entities

import "strings"

// minBarNames is how many names a line must list, and nothing else, to be
// a bar of links rather than a sentence.
const minBarNames = 2

// dropLinkBars sets aside the organizations of a line that only lists
// one-word names between separators, after an optional label ("Share
// this: Twitter · Facebook · LinkedIn", "Follow us | YouTube | Instagram"):
// a share or follow bar is site chrome, and names no organization the
// statement is about. A platform named in a sentence ("posted on
// Facebook") stays. A general pattern of page chrome, not a list of
// platforms.
func (s *entityScan) dropLinkBars() {
	// Most texts name fewer than two organizations of one word; they
	// need no look at their lines.
	single := 0
	for _, m := range s.found {
		if m.kind == kindOrg && !strings.ContainsAny(s.text[m.start:m.end], " \n") {
			single++
		}
	}
	if single < minBarNames {
		return
	}
	for _, ln := range textLines(s.text) {
		start := ln[0]
		if c := strings.LastIndexByte(s.text[ln[0]:ln[1]], ':'); c >= 0 {
			start = ln[0] + c + 1
		}
		from, to := s.tokensIn(start, ln[1])
		if to-from < minBarNames || !s.linkBar(from, to) {
			continue
		}
		for i := from; i < to; i++ {
			s.found[s.at[i]].kind = kindOther
		}
	}
}

// linkBar reports whether tokens [from, to) are one-word organizations
// each, with separators and no words between them.
func (s *entityScan) linkBar(from, to int) bool {
	for i := from; i < to; i++ {
		m := s.at[i]
		if m < 0 || s.found[m].kind != kindOrg || s.found[m].start != s.toks[i].start || s.found[m].end != s.toks[i].end {
			return false
		}
		if i+1 < to && strings.Trim(s.text[s.toks[i].end:s.toks[i+1].start], " \t·•|/,") != "" {
			return false
		}
	}
	return true
}
