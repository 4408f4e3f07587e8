package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// ruleToken is one word as the rules read it. Unlike the tagger's token,
// punctuation is no token, and a possessive "’s" stays on its word.
type ruleToken struct {
	// key is the word for matching: typographic apostrophes and hyphens
	// folded to ASCII, a possessive "’s" removed.
	key string
	// lower is the key in lower case, which the gazetteer and the word
	// lists are keyed by; it is lowered once here rather than by each rule.
	lower      string
	start, end int // bytes in the text, possessive included
	possessive bool
}

// ruleTokens splits a text into words: dotted initialisms ("U.S."), and runs
// of letters and digits joined by apostrophes ("People’s") or by hyphens
// before a capital or digit ("FORUM‐ASIA", "Anti-Corruption"). A hyphen
// before a lower-case part splits, so that "Tokyo-based" yields the place
// "Tokyo".
//
// It finds what the regexp
//
//	(?:\p{Lu}\.){2,}|[\pL\pN]+(?:['’][\pL\pN]+|[‐‑-][\p{Lu}\pN][\pL\pN]*)*
//
// finds (FuzzRuleTokens compares the two); scanning by hand is several times
// faster, and tokenizing is the largest part of finding entities.
func ruleTokens(text string) []ruleToken {
	var toks []ruleToken
	for start := 0; start < len(text); {
		r, n := utf8.DecodeRuneInString(text[start:])
		if !isWordRune(r) {
			start += n
			continue
		}
		end := ruleWordEnd(text, start)
		from := start
		// French elision ("l’Union européenne", "d’Amnesty") is not part
		// of the name that follows.
		if e := elisionLen(text[start:end]); e > 0 && start+e < end && !surnameParticle(text, toks, start, e) {
			from += e
		}
		key := FoldPunctuation(text[from:end])
		possessive := false
		if k, ok := strings.CutSuffix(key, "'s"); ok && k != "" {
			key, possessive = k, true
		}
		toks = append(toks, ruleToken{key: key, lower: strings.ToLower(key), start: from, end: end, possessive: possessive})
		start = end
	}
	return toks
}

// ruleWordEnd returns where the word starting at text[start] ends: an initialism
// if one is written there, else a run of letters and digits with its
// apostrophe and hyphen parts.
func ruleWordEnd(text string, start int) int {
	if end := initialismEnd(text, start); end > start {
		return end
	}
	end := runEnd(text, start)
	for {
		r, n := utf8.DecodeRuneInString(text[end:])
		switch r {
		case '\'', '’':
			if e := runEnd(text, end+n); e > end+n {
				end = e
				continue
			}
		case '‐', '‑', '-':
			if r2, n2 := utf8.DecodeRuneInString(text[end+n:]); unicode.IsUpper(r2) || unicode.IsNumber(r2) {
				end = runEnd(text, end+n+n2)
				continue
			}
		}
		return end
	}
}

// surnameParticle reports whether the elided-looking start of the word at
// text[start:] (e letters and apostrophe long) is a surname's particle
// instead: a capital, then a capital after the apostrophe, right after a
// capitalised word ("Maria D’Souza", "Jean D’Costa"). French elides before
// a name in small letters ("l’Union", "d’Amnesty", "de l’Homme") or at a
// sentence's start, so neither is read as one. A general pattern of
// surnames, not a list of them.
func surnameParticle(text string, toks []ruleToken, start, e int) bool {
	if !unicode.IsUpper(rune(text[start])) || start+e >= len(text) || len(toks) == 0 {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(text[start+e:]); !unicode.IsUpper(r) {
		return false
	}
	prev := toks[len(toks)-1]
	return text[prev.end:start] == " " && startsUpper(prev.key) && hasLower(prev.key) && !prev.possessive
}

// elisionLen returns the length of a French elided article or preposition
// at the start of a word ("l’", "d'", "qu’"), or 0.
func elisionLen(w string) int {
	var n int
	switch {
	case w != "" && strings.IndexByte("LlDdJjNnSsCc", w[0]) >= 0:
		n = 1
	case len(w) > 1 && (w[0] == 'Q' || w[0] == 'q') && w[1] == 'u':
		n = 2
	default:
		return 0
	}
	for _, apostrophe := range []string{"'", "’"} {
		if strings.HasPrefix(w[n:], apostrophe) {
			return n + len(apostrophe)
		}
	}
	return 0
}

var punctuationFolder = strings.NewReplacer("’", "'", "‘", "'", "ʼ", "'", "‐", "-", "‑", "-")

// FoldPunctuation folds typographic apostrophes (the modifier letter ʼ
// too) and hyphens to ASCII, as names are compared: "People’s" and
// "People's" are one word.
func FoldPunctuation(s string) string { return foldWith(punctuationFolder, s) }
