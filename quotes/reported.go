package quotes

// This file tells who spoke from who only heard or reported, general
// patterns of wire copy: "Reuters quoted X as saying", "X was quoted as
// saying", "X was told “…”", "police told X: “…”", "X said officers told
// him: “…”", and a claim that is someone's ("Y's allegation that “…”").

// maxQuotedAsWords bounds the words between "quoted" and "as saying":
// "quoted the deputy interior minister Kofi Mensah as saying".
const maxQuotedAsWords = 10

// quotedAs reads "quoted X as saying" and "X was quoted (by Y) as saying"
// at the speech verb words[k], a general pattern of wire copy: X spoke,
// whoever quoted X (a news agency) reported it. ok is false when words[k]
// is not "saying" after "as" and a "quoted" before it.
func (a *attributor) quotedAs(words []word, k int) (resolved, bool) {
	if k < 2 || words[k].text != "saying" || words[k-1].text != "as" {
		return resolved{}, false
	}
	for j := k - 2; j >= 0 && k-j <= maxQuotedAsWords+2; j-- {
		if words[j].text != "quoted" {
			continue
		}
		if j > 0 && passiveAux[words[j-1].text] {
			// X was quoted by Reuters as saying: the subject before.
			from := sentenceStart(a.text, words[j-1].start)
			if m, ok := a.subject(a.mentionsIn(from, words[j-1].start), words[j-1].start); ok {
				return a.asSpeaker(m), true
			}
			return resolved{}, true
		}
		// Reuters quoted X as saying: the first person after "quoted".
		// With no name there ("X concurred, quoted in the article as
		// saying"), the clause's subject spoke, as for any verb.
		if m, ok := firstAfterVerb(a.namesAfterVerb(words[j].end, words[k-1].start)); ok {
			return a.asSpeaker(m), true
		}
		return resolved{}, false
	}
	return resolved{}, false
}

// passiveAux make the participle after them passive: "was quoted".
var passiveAux = map[string]bool{"was": true, "were": true, "is": true, "are": true, "been": true, "being": true}

// possessiveClaim reads a speech noun after a possessive as the words of
// the one whose it is: "rejected Harbour Watch’s allegation that “…”",
// "responded to X’s claim that “…”".
func (a *attributor) possessiveClaim(words []word, k int) (resolved, bool) {
	if k == 0 || !speechNouns[words[k].text] || words[k-1].text != "s" {
		return resolved{}, false
	}
	at := words[k-1].start
	for _, m := range a.mentionsIn(max(0, at-200), at) {
		if m.possessive && at-m.end <= len("’") && m.kind != kindUnknown {
			return a.asSpeaker(m), true
		}
	}
	return resolved{}, false
}

// prevSpeechVerb returns the index of the verb of saying before words[k]
// in the clause ("said" in "X said officers told him"), or -1. Speech
// nouns, "according to" and a statement's nouns are no verbs here.
func prevSpeechVerb(words []word, k int) int {
	for j := k - 1; j >= 0; j-- {
		w := words[j].text
		if isSpeechVerb(words, j) && !speechNouns[w] && !documentNouns[w] && !reports(w) && !statementNouns[w] && !nounUse(words, j) {
			return j
		}
	}
	return -1
}

// coordinatedVerb reports whether the verb words[k] shares its subject
// with a verb before it: "expressed concern and warned that", "expresó su
// preocupación y señaló que".
func coordinatedVerb(words []word, k int) bool {
	j := skipAdverbs(words, k) - 1
	if j >= 0 && auxiliaries[words[j].text] {
		j--
	}
	if j < 0 {
		return false
	}
	switch words[j].text {
	case "and", "y", "et", "e", "but", "pero", "mais", "mas", "en":
		return true
	}
	return false
}

// statementNouns are the speech "verbs" that are nouns for a statement.
var statementNouns = map[string]bool{"communiqué": true, "comunicado": true, "déclaration": true, "declaración": true}

// nounSubject reports whether ws, the words between two verbs of saying,
// hold a subject of the second: a word that is no conjunction, pronoun,
// auxiliary or preposition ("a guard had", "officers", not "that").
func nounSubject(ws []word) bool {
	for _, w := range ws {
		switch w.text {
		case "that", "que", "and", "y", "et", "e", "had", "has", "have", "would", "could", "will", "was", "were",
			"then", "also", "later", "on", "in", "at", "to", "him", "her", "them", "me", "us":
			continue
		}
		if lastPronoun([]word{w}) != "" || prepositions[w.text] {
			continue
		}
		return true
	}
	return false
}
