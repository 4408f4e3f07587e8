package quotes

import "strings"

// This file attributes a quotation that opens a paragraph with no tag of
// its own to the speaker of the reported speech that closes the paragraph
// before it, a general pattern of wire copy:
//
//	Wang … said that it was "very, very clear" that …
//
//	"I don't know the truth, like you, at the moment …"

// paragraphLead returns the speaker for spans[i] when it opens a paragraph
// and the last sentence of the paragraph before reports speech: the
// subject of its first speech verb, a person named or a pronoun. A
// paragraph that holds a quotation of its own is left to continued().
func (a *attributor) paragraphLead(i int) resolved {
	sp := a.spans[i]
	start := sentenceStart(a.text, sp.open)
	if strings.TrimSpace(a.text[start:sp.open]) != "" || start == 0 {
		return resolved{}
	}
	prevEnd := len(strings.TrimRight(a.text[:start], " \t\r\n\u00a0"))
	if prevEnd == 0 || strings.Count(a.text[prevEnd:start], "\n") < 2 {
		// The quotation follows a sentence of its own paragraph.
		return resolved{}
	}
	if para := paragraphStart(a.text, prevEnd); isHeading(a.text[para:prevEnd]) && para > 0 {
		// "Installations hit": a subheading stands between the
		// quotation and the paragraph it goes on from.
		prevEnd = len(strings.TrimRight(a.text[:para], " \t\r\n\u00a0"))
		if prevEnd == 0 {
			return resolved{}
		}
	}
	from := sentenceStart(a.text, prevEnd-1)
	if i > 0 && a.spans[i-1].close > paragraphStart(a.text, prevEnd) {
		return resolved{}
	}
	words := wordsIn(a.text, from, prevEnd)
	for k := range words {
		if !isSpeechVerb(words, k) || reports(words[k].text) || nounUse(words, k) {
			continue
		}
		if pr := lastPronoun(tail(words[:k], 2)); pr == "he" || pr == "she" {
			return a.pronoun(pr, words[k].start)
		}
		if m, ok := a.subject(a.mentionsIn(from, words[k].start), words[k].start); ok && m.kind == kindPerson {
			return a.asSpeaker(m)
		}
		return resolved{}
	}
	return resolved{}
}

// paragraphStart returns the offset where the paragraph holding offset at
// starts: after the last blank line before it, at most sentenceReach bytes
// back, so that text without breaks costs linear time.
func paragraphStart(text string, at int) int {
	floor := max(0, at-sentenceReach)
	for j := min(at, len(text)) - 1; j > floor; j-- {
		if text[j] == '\n' && blankLineBefore(text, j) {
			return j + 1
		}
	}
	return floor
}

// maxHeadingWords bounds a subheading.
const maxHeadingWords = 8

// isHeading reports whether a paragraph is a subheading: a few words on one
// line, with no sentence end.
func isHeading(para string) bool {
	para = strings.TrimSpace(para)
	return para != "" && !strings.Contains(para, "\n") && countWords(para) <= maxHeadingWords &&
		!strings.ContainsAny(para[len(para)-1:], ".!?:;,”\"»")
}

// relativeTag reads "who" before the speech verb words[k] as the speaker
// of the quotation just before, whose tag it continues: “…,” said the
// Ambassador, who also insisted that “…”. clauseStart must be that
// quotation's close, so that only its tag lies between.
func (a *attributor) relativeTag(words []word, k, clauseStart int) (resolved, bool) {
	n := len(a.said)
	if n == 0 || a.spans[n-1].close != clauseStart || a.said[n-1].name == "" {
		return resolved{}, false
	}
	for j := k - 1; j >= 0 && k-j <= 2; j-- {
		if w := words[j].text; w == "who" || w == "qui" || w == "quien" {
			return a.said[n-1], true
		}
	}
	return resolved{}, false
}
