package quotes

import (
	"slices"
	"strings"
)

// This file attributes a quotation that opens a paragraph with no tag of
// its own to the speaker of the reported speech that closes the paragraph
// before it, a general pattern of wire copy:
//
//	Wang … said that it was "very, very clear" that …
//
//	"I don't know the truth, like you, at the moment …"

// paragraphLead returns the speaker for spans[i] when it opens a sentence
// with no tag of its own and the sentence before, ending the paragraph
// before or in the same paragraph, reports speech: the subject of its
// first speech verb, a person named or a pronoun. "X spoke to reporters.
// “…”" is the same general pattern. A sentence that holds a quotation of
// its own is left to continued().
func (a *attributor) paragraphLead(i int) resolved {
	sp := a.spans[i]
	start := sentenceStart(a.text, sp.open)
	if strings.TrimSpace(a.text[start:sp.open]) != "" || start == 0 {
		return resolved{}
	}
	prevEnd := len(strings.TrimRight(a.text[:start], " \t\r\n\u00a0"))
	if prevEnd == 0 {
		return resolved{}
	}
	if strings.Count(a.text[prevEnd:start], "\n") < 2 {
		// The quotation follows a sentence of its own paragraph: only a
		// quotation that is a whole sentence, with no tag of its own,
		// goes on from it.
		from := sentenceStart(a.text, prevEnd-1)
		if i > 0 && a.spans[i-1].close > from || !endsSentence(a.text[sp.start:sp.end]) {
			return resolved{}
		}
		return a.leadSpeaker(from, prevEnd)
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
	para := paragraphStart(a.text, prevEnd)
	if i > 0 && a.spans[i-1].close > para {
		return resolved{}
	}
	if who := a.leadSpeaker(from, prevEnd); who.name != "" {
		return who
	}
	return a.paragraphSpeaker(para, from, prevEnd)
}

// paragraphSpeaker returns the person named as speaking in the paragraph
// text[para:end] when a quoted paragraph follows it and its last sentence
// (from on) reports no speech: "Hoe oprecht dat is, zegt correspondent
// X. De economie is ingestort.¶„…”". The last verb of saying with a named
// subject counts when no other person is named after it in the paragraph.
func (a *attributor) paragraphSpeaker(para, from, end int) resolved {
	if a.speeches == nil {
		a.speeches = a.namedSpeeches()
	}
	k, _ := slices.BinarySearchFunc(a.speeches, from, func(s speech, at int) int { return s.verb - at })
	if k == 0 || a.speeches[k-1].verb < para {
		return resolved{}
	}
	s := a.speeches[k-1]
	for _, m := range a.mentionsIn(s.verb, end) {
		if (m.kind == kindPerson || personLike(m)) && m.name != s.who.name {
			return resolved{}
		}
	}
	return s.who
}

// leadSpeaker returns the person who speaks in the sentence text[from:to]:
// the subject of its first verb of saying or speaking, a person named or
// a pronoun; none when the sentence reports no speech.
func (a *attributor) leadSpeaker(from, to int) resolved {
	words := wordsIn(a.text, from, to)
	for k := range words {
		if !speakingVerbs[words[k].text] && (!isSpeechVerb(words, k) || reports(words[k].text) || nounUse(words, k)) {
			continue
		}
		if pr := lastPronoun(tail(words[:k], 2)); pr == "he" || pr == "she" {
			return a.pronoun(pr, words[k].start)
		}
		before := a.mentionsIn(from, words[k].start)
		if m, ok := a.subject(before, words[k].start); ok && personLike(m) && !a.jointSubject(before, m) {
			// A name the recognizer missed right before the verb
			// ("Kwame Mensah spoke to reporters") counts when it is
			// shaped as a person's.
			if m.kind == kindUnknown && !a.subjectAdjoins([]mention{m}, words[k].start) {
				return resolved{}
			}
			return a.asSpeaker(m)
		}
		return resolved{}
	}
	return resolved{}
}

// jointSubject reports whether the subject m shares its verb with another
// person ("X and Y spoke"): then neither alone is the speaker.
func (a *attributor) jointSubject(before []mention, m mention) bool {
	for _, p := range before {
		if p.kind != kindPerson || p.possessive || p.name == m.name {
			continue
		}
		if p.end <= m.start && coordinated(a.text[p.end:m.start]) || m.end <= p.start && coordinated(a.text[m.end:p.start]) {
			return true
		}
	}
	return false
}

// speakingVerbs say that someone spoke without quoting them; the quotation
// after such a sentence gives the words: "X spoke to reporters. “…”", "X
// addressed the rally.¶“…”".
var speakingVerbs = map[string]bool{
	"spoke": true, "speaks": true, "speaking": true, "addressed": true, "addresses": true,
	"habló": true, "habla": true, "parlé": true, "parle": true, "falou": true, "fala": true,
}

// paragraphStart returns the offset where the paragraph holding offset at
// starts: after the last blank line before it, at most sentenceReach bytes
// back, so that text without breaks costs linear time.
func paragraphStart(text string, at int) int {
	return paragraphStartAbove(text, at, max(0, at-sentenceReach))
}

// paragraphStartAbove is paragraphStart that looks back no further than
// offset floor.
func paragraphStartAbove(text string, at, floor int) int {
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
