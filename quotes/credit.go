package quotes

import "strings"

// maxCreditWords bounds a credit line under a quotation: a name and a
// role, never a sentence.
const maxCreditWords = 14

// creditLine reads the line under a quotation that stands as a paragraph
// of its own as its credit, the way press releases and quote cards sign a
// quotation without a dash: “…”¶Amina Diallo, Director of Harbour Watch.
// The line must open with a name shaped as a person's (or an
// organization's), be short, and hold no verb of saying and no sentence
// end; the person named speaks, else the organization.
func (a *attributor) creditLine(i int) (resolved, bool) {
	sp := a.spans[i]
	lineStart := strings.LastIndexByte(a.text[:sp.open], '\n') + 1
	if strings.TrimSpace(a.text[lineStart:sp.open]) != "" {
		return resolved{}, false
	}
	rest := a.text[sp.close:]
	nl := strings.IndexByte(rest, '\n')
	if nl < 0 || strings.Trim(rest[:nl], " \t\r\u00a0.,") != "" {
		return resolved{}, false
	}
	from := sp.close + nl
	for from < len(a.text) && strings.ContainsRune(" \t\r\n\u00a0", rune(a.text[from])) {
		from++
	}
	end := len(a.text)
	if k := strings.IndexByte(a.text[from:], '\n'); k >= 0 {
		end = from + k
	}
	line := strings.TrimSpace(a.text[from:end])
	if line == "" || endsSentence(line) {
		// "Kofi Mensah was arrested in May.": a sentence, no credit.
		return resolved{}, false
	}
	ws := wordsIn(a.text, from, end)
	if len(ws) == 0 || len(ws) > maxCreditWords || strings.ContainsAny(line, "“”\"«»") {
		return resolved{}, false
	}
	for k := range ws {
		if isSpeechVerb(ws, k) {
			return resolved{}, false
		}
	}
	ms := a.mentionsIn(from, end)
	if len(ms) == 0 || ms[0].start != from || ms[0].possessive {
		return resolved{}, false
	}
	for _, m := range ms {
		if m.kind == kindPerson || personLike(m) {
			if m.start != from {
				// "Harbour Watch director Amina Diallo": a role first
				// is a credit too, but only right before the name.
				if !capitalisedOnly(a.text[ms[0].end:m.start]) && !officesOnly(a.text[ms[0].end:m.start]) {
					return resolved{}, false
				}
			}
			if !creditTail(a.text[m.end:end]) {
				return resolved{}, false
			}
			return resolved{name: m.name, kind: kindPerson}, true
		}
	}
	if ms[0].kind == kindOrg {
		return resolved{name: ms[0].name, kind: kindOrg}, true
	}
	return resolved{}, false
}

// creditTail reports whether rest, what follows the name on a credit
// line, is a role set off from it or nothing: ", Director of X", " – X",
// " (X)", "". "Kofi Mensah was arrested" goes on as a sentence.
func creditTail(rest string) bool {
	rest = strings.TrimLeft(rest, " \t\u00a0")
	return rest == "" || strings.ContainsAny(rest[:1], ",(|/") || strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, "—") || strings.HasPrefix(rest, "-")
}
