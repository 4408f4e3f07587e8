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

// mediumPrepositions put a platform as the medium something is posted or
// said on, in English, French, Spanish and Portuguese: "leaked on
// Facebook", "a indiqué sur Twitter", "publicó en TikTok", "postou no
// Instagram".
var mediumPrepositions = wordSet(`on sur en em no na via`)

// mediumBefore reports whether the platform written at tokens [i, end) is
// the medium of what the text reports ("a video leaked on Facebook") rather
// than a company that acts ("Facebook removed the video", "a YouTube
// review"): a medium preposition before it, and no possessive on it. The
// gold set's seeds label a platform so named as no entity.
func (s *entityScan) mediumBefore(i, end int) bool {
	return i > 0 && mediumPrepositions[s.toks[i-1].lower] && s.toks[i-1].key == s.toks[i-1].lower &&
		!s.toks[end-1].possessive && nameGap(s.text[s.toks[i-1].end:s.toks[i].start])
}
