package entities

import "strings"

// News outlets are often named by one word the text explains with a noun
// for what they are, or by their web address. General patterns of news
// prose, each with a table test of invented sentences in
// medianames_test.go.

// mediaKinds follow a word such as "news" or "social" to say what an
// outlet is ("the news site Siyosat", "the social network VKontakte",
// "the TV channel Rustavi 2"). Alone they name too much ("the site of the
// attack", "the network of activists"), so mediaKindAt needs the modifier.
var mediaKinds = wordSet(`site website portal network channel station agency outlet service`)

// mediaModifiers make a word of mediaKinds an outlet's. Keys are lower
// case.
var mediaModifiers = wordSet(`news social tv television radio online media satellite cable broadcast`)

// mediaKindAt reports whether token i is a noun of mediaKinds in small
// letters after a media modifier: "news site", "social network".
func (s *entityScan) mediaKindAt(i int) bool {
	t := s.toks[i]
	return i > 0 && mediaKinds[t.key] && mediaModifiers[s.toks[i-1].lower] && s.joined(i-1)
}

// maxAppositiveModifiers bounds the words between an appositive's article
// and its noun: "a Swahili daily", "an independent news site", "a
// pan-regional Uzbek-language newspaper" (the tokens split "pan-regional"
// in two).
const maxAppositiveModifiers = 5

// appositiveKindAfterModifiers reports whether the noun at token k, a
// kind of organization, opens with an article and modifiers after a comma
// (", a Swahili daily", ", an independent news site"), and returns the
// token before the comma, where the name it describes ends.
func (s *entityScan) appositiveKindAfterModifiers(k int) (int, bool) {
	for a := k - 2; a >= 1 && k-a-1 <= maxAppositiveModifiers; a-- {
		j := a + 1 // the first modifier
		if !s.joined(j - 1) {
			return 0, false
		}
		if m := s.toks[j]; m.possessive || IsTitle(m.key) || s.at[j] >= 0 && s.found[s.at[j]].kind != kindPlace {
			return 0, false // "Smith, the union's lawyer", "X, a Human Rights Watch group"
		}
		if !appositiveArticles[s.toks[a].lower] || s.toks[a].key != s.toks[a].lower {
			continue
		}
		if strings.TrimSpace(s.text[s.toks[a-1].end:s.toks[a].start]) != "," {
			return 0, false
		}
		return a - 1, true
	}
	return 0, false
}

// topLevelDomains end the web addresses that outlets take as their names
// ("Ferghana.ru", "Rappler.com", "Meduza.io"): the generic ones and the
// country codes of the states whose independent press often publishes
// from a domain named so. Lower case.
var topLevelDomains = wordSet(`com org net info io news media tv fm
	ru ua by kz kg uz tj tm az am ge md ir pk bd lk np mm kh vn ph my id th ng ke ug tz zw za gh
	mx co ve ar pe bo ec br cl cu ni hn gt sv py uy fr es pt it de nl be ch uk ie eu in cn hk tw`)

// findDomainNames reads a capitalised name written as a web address in
// running text, "Ferghana.ru reported", as the outlet it names: a word
// that opens with a capital, a dot and a top-level domain, with no scheme,
// path, "www." or e-mail around it (those are links, not names in prose).
func (s *entityScan) findDomainNames() {
	for i := 0; i+1 < len(s.toks); i++ {
		t, tld := s.toks[i], s.toks[i+1]
		if s.text[t.end:tld.start] != "." || !topLevelDomains[tld.key] || !titleCased(t.key) || s.at[i+1] >= 0 {
			continue
		}
		before, after := s.text[:t.start], s.text[tld.end:]
		if strings.HasSuffix(before, ".") || strings.HasSuffix(before, "/") || strings.HasSuffix(before, "@") ||
			strings.HasPrefix(after, "/") || strings.HasPrefix(after, "@") || len(after) > 1 && after[0] == '.' && isWordRune(rune(after[1])) {
			continue
		}
		if m := s.at[i]; m >= 0 && s.found[m].kind != kindPerson && s.found[m].kind != kindPlace {
			continue // a name another rule read, the gazetteer's domain among them
		}
		name := s.text[t.start:tld.end]
		s.absorb(mention{name: s.g.canonicalOrg(name), kind: kindOrg, start: t.start, end: tld.end}, i, i+2)
		i++
	}
}
