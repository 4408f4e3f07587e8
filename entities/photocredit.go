package entities

import "strings"

// maxCreditNameWords is how many words a photographer's name in a credit
// takes: a given name and a surname. The capitals after them open the
// caption ("UN Photo/Loey Felipe Lisa Doughten, Director of …").
const maxCreditNameWords = 2

// maxCreditLead bounds the words before the slash of a credit ("UN
// Photo", "UN News").
const maxCreditLead = 3

// markPhotoCredits reads the credit that opens a photo caption, written
// "Agency/Photographer" with no space around the slash ("UN Photo/Loey
// Felipe", "UN News/Anton Uspensky"), and sets the photographer's name
// aside: it names no one the statement is about, and run together with
// the caption it would swallow the name there. A general pattern of
// caption credits, not a list of agencies or photographers.
func (s *entityScan) markPhotoCredits() {
	for i := 1; i+1 < len(s.toks); i++ {
		if s.text[s.toks[i-1].end:s.toks[i].start] != "/" || !startsUpper(s.toks[i-1].key) || !startsUpper(s.toks[i].key) {
			continue
		}
		// The credit opens its line: only capitalised words before the
		// slash, at most a few.
		lineStart := strings.LastIndexByte(s.text[:s.toks[i-1].start], '\n') + 1
		lead := strings.Fields(s.text[lineStart:s.toks[i-1].end])
		if len(lead) > maxCreditLead || !allCapitalised(lead) {
			continue
		}
		n := 0
		for j := i; j < len(s.toks) && n < maxCreditNameWords && s.isNameTok(j) && s.at[j] < 0; j++ {
			n++
			if !s.adjacent(j) {
				break
			}
		}
		if n < maxCreditNameWords {
			continue
		}
		s.add(mention{kind: kindOther, start: s.toks[i].start, end: s.toks[i+n-1].end}, i, i+n)
		i += n - 1
	}
}

// allCapitalised reports whether every word of ws starts with a capital.
func allCapitalised(ws []string) bool {
	for _, w := range ws {
		if !startsUpper(w) {
			return false
		}
	}
	return true
}
