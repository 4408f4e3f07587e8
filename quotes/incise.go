package quotes

import "strings"

// This file reads a speaker named inside the quotation marks, as French
// and Spanish copy does with an incise: « Nous ne céderons pas, a-t-elle
// martelé. Nous irons jusqu’au bout. », « …, explique Carole Mendès. … »,
// “No vamos —dijo Méndez— a permitir …”. A general pattern of Romance
// reporting: a comma or a dash, a verb of saying (the subject pronoun
// joined to it, or a name after it), and a comma, a dash or a full stop.

// maxInciseWords bounds an incise: verb, auxiliary and a name.
const maxInciseWords = 7

// incise returns the speaker named in an incise inside spans[i], or none.
func (a *attributor) incise(i int) resolved {
	sp := a.spans[i]
	words := wordsIn(a.text, sp.start, sp.end)
	for k, w := range words {
		if k == 0 || !inciseOpens(a.text[words[k-1].end:w.start]) {
			continue
		}
		verb := k
		stem, pr := inverted(w.text)
		if stem == "a" || stem == "" && (w.text == "a" || w.text == "ha") {
			// a-t-elle martelé, a déclaré X, ha dicho X: the participle
			// after the auxiliary is the verb.
			verb = k + 1
		}
		if verb >= len(words) {
			continue
		}
		v := words[verb].text
		if s, p := inverted(v); s != "" {
			v, pr = s, p
		}
		if !romanceSpeechVerbs[v] {
			continue
		}
		end := a.inciseEnd(words, verb)
		if end < 0 {
			continue
		}
		if pr == "he" || pr == "she" {
			return a.pronoun(pr, sp.open)
		}
		if end == words[verb].end {
			// “…, dijo, …”: Spanish and Portuguese leave the subject
			// out, read as a pronoun is.
			return a.pronoun("she", sp.open)
		}
		for _, m := range a.mentions {
			if m.start >= words[verb].end && m.end <= end && len(wordsIn(a.text, words[verb].end, m.start)) <= 2 {
				return a.asSpeaker(m)
			}
		}
	}
	return resolved{}
}

// inciseOpens reports whether the text between two words opens an incise:
// a comma or a dash, and nothing else but spaces.
func inciseOpens(gap string) bool {
	gap = strings.TrimSpace(gap)
	return gap == "," || gap == "—" || gap == "–" || gap == ",—" || gap == ", —" || gap == ", –"
}

// inciseEnd returns where the incise whose verb is words[verb] ends (the
// offset of its closing comma, dash or full stop), within maxInciseWords
// words; -1 when it runs on, so the words are no incise.
func (a *attributor) inciseEnd(words []word, verb int) int {
	for j := verb; j < len(words) && j-verb < maxInciseWords; j++ {
		rest := a.text[words[j].end:]
		if j+1 < len(words) {
			rest = a.text[words[j].end:words[j+1].start]
		}
		if strings.ContainsAny(rest, ",.;—–") {
			return words[j].end
		}
	}
	return -1
}
