package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is one lower-cased word of an attribution window.
type word struct {
	start, end int
	text       string
}

// wordsIn splits text[from:to] into words of letters and hyphens. An
// apostrophe ends a word, so "it’s" gives "it" and "s".
func wordsIn(text string, from, to int) []word {
	var ws []word
	for i := from; i < to; {
		r, w := utf8.DecodeRuneInString(text[i:to])
		if !unicode.IsLetter(r) {
			i += w
			continue
		}
		j := i
		for j < to {
			r2, w2 := utf8.DecodeRuneInString(text[j:to])
			if !unicode.IsLetter(r2) && r2 != '-' {
				break
			}
			j += w2
		}
		ws = append(ws, word{start: i, end: j, text: strings.ToLower(text[i:j])})
		i = j
	}
	return ws
}

// isSpeechVerb reports whether ws[k] introduces or closes a quotation: a verb
// of saying or writing, "statement", "according to", "calls on".
func isSpeechVerb(ws []word, k int) bool {
	next := ""
	if k+1 < len(ws) {
		next = ws[k+1].text
	}
	switch ws[k].text {
	case "according":
		return next == "to"
	case "call", "calls", "called", "calling":
		return next == "on" || next == "for"
	case "say", "says", "said", "saying",
		"tell", "tells", "told", "telling",
		"write", "writes", "wrote", "writing", "written",
		"state", "states", "stated", "stating", "statement",
		"add", "adds", "added", "adding",
		"warn", "warns", "warned", "warning",
		"continue", "continues", "continued",
		"explain", "explains", "explained",
		"note", "notes", "noted",
		"argue", "argues", "argued",
		"insist", "insists", "insisted",
		"ask", "asks", "asked",
		"reply", "replies", "replied",
		"declare", "declares", "declared",
		"announce", "announces", "announced",
		"claim", "claims", "claimed",
		"allege", "alleges", "alleged", "allegation", "allegations",
		"urge", "urges", "urged",
		"conclude", "concludes", "concluded",
		"comment", "comments", "commented",
		"remark", "remarked", "recall", "recalled",
		"stress", "stresses", "stressed",
		"emphasise", "emphasised", "emphasize", "emphasized",
		"tweet", "tweeted", "posted",
		"instruct", "instructs", "instructed",
		"suggest", "suggests", "suggested",
		"dismiss", "dismisses", "dismissed",
		"describe", "describes", "described",
		"branded", "labelled", "labeled",
		"denounce", "denounces", "denounced",
		"concur", "concurs", "concurred",
		"admit", "admits", "admitted", "acknowledged",
		"respond", "responds", "responded", "testified",
		"pledge", "pledged", "vow", "vowed", "promise", "promised":
		return true
	}
	return false
}

// lastPronoun returns the last subject pronoun among ws, lower-cased, or "".
func lastPronoun(ws []word) string {
	for k := len(ws) - 1; k >= 0; k-- {
		switch ws[k].text {
		case "he", "she", "they", "it":
			return ws[k].text
		}
	}
	return ""
}

// isLabel reports whether the clause before a quotation ends with words that
// make the quotation the name of something rather than words someone said:
// charged with ‘colluding with a foreign power’, signs reading ‘…’.
func isLabel(clause string) bool {
	ws := wordsIn(clause, 0, len(clause))
	if len(ws) == 0 {
		return false
	}
	last := ws[len(ws)-1].text
	switch last {
	case "reading", "read", "titled", "entitled", "dubbed", "headlined", "so-called", "hashtag", "slogan", "slogans":
		return true
	}
	if len(ws) < 2 {
		return false
	}
	switch ws[len(ws)-2].text + " " + last {
	case "charges of", "charge of", "charged with", "accused of", "accusation of", "accusations of",
		"convicted of", "guilty of", "crime of", "offence of", "offense of", "concept of", "notion of",
		"count of", "counts of", "crimes of", "offences of":
		return true
	}
	return false
}

// endsSentence reports whether s ends with a full stop, ! or ? (before any
// closing marks).
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "”’\"'» ")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}
