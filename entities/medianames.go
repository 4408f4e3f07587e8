package entities

import (
	"strings"
	"unicode/utf8"
)

// News outlets are often named by one word the text explains with a noun
// for what they are, or by their web address. General patterns of news
// prose, each with a table test of invented sentences in
// medianames_test.go.

// isMediaKind reports whether w follows a word such as "news" or
// "social" to say what an outlet is ("the news site Siyosat", "the social
// network VKontakte", "the TV channel Rustavi 2"). Alone these words name
// too much ("the site of the attack", "the network of activists"), so
// mediaKindAt needs the modifier. A switch, not a map: every word is
// asked.
func isMediaKind(w string) bool {
	switch w {
	case "site", "website", "portal", "network", "channel", "station", "agency", "outlet", "service":
		return true
	}
	return false
}

// isMediaModifier reports whether lower makes a word of isMediaKind an
// outlet's.
func isMediaModifier(lower string) bool {
	switch lower {
	case "news", "social", "tv", "television", "radio", "online", "media", "satellite", "cable", "broadcast":
		return true
	}
	return false
}

// mediaKindAt reports whether token i is a noun of isMediaKind in small
// letters after a media modifier: "news site", "social network".
func (s *entityScan) mediaKindAt(i int) bool {
	return i > 0 && isMediaKind(s.toks[i].key) && isMediaModifier(s.toks[i-1].lower) && s.joined(i-1)
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

// openingQuotes and closingQuotes set off a publication's or a body's
// name that a text quotes after the noun for its kind: "the newspaper
// “Mwananchi”", "two newspapers, “Mwananchi” and “The Citizen.”", "le
// journal « Le Pays »".
const (
	openingQuotes = "“\"«‘"
	closingQuotes = "”\"»’"
)

// quoteSpaces are the spaces French sets inside « and »: plain, no-break
// and narrow no-break.
const quoteSpaces = " \u00a0\u202f"

// maxQuotedNameWords bounds a quoted name.
const maxQuotedNameWords = 5

// findQuotedKindNames reads the names a text quotes right after a noun
// for a kind of organization (a comma or colon allowed between them), and
// after a plural noun every quoted name of the list that follows: the
// noun is the evidence, and the quotation marks say where each name
// begins and ends. Only a name that opens with a capital, holds no person
// a rule read, and ends at its closing mark is taken. A general pattern of
// how prose names publications, not a list of names.
func (s *entityScan) findQuotedKindNames() {
	for i, t := range s.toks {
		// The cheap tests first: most words have no quotation mark after
		// them, and the word lists cost a map lookup each.
		if t.key != t.lower || t.possessive || !mayOpenQuote(s.text, t.end) {
			continue
		}
		plural := kindPlurals[t.lower]
		if !(plural || isOrgHead(t.lower, orgKindNoun) || kindsAfter[t.lower] || s.mediaKindAt(i)) {
			continue
		}
		at := t.end
		for n := 0; n < maxKindExamples; n++ {
			j, end, ok := s.quotedNameAt(at, n == 0)
			if !ok {
				break
			}
			if !s.holdsOtherName(j, end) && s.at[j] < 0 {
				name := collapseSpace(s.text[s.toks[j].start:s.toks[end-1].end])
				s.absorb(mention{name: s.g.canonicalOrg(name), kind: kindOrg, start: s.toks[j].start, end: s.toks[end-1].end}, j, end)
			}
			if !plural {
				break
			}
			at = s.toks[end-1].end
		}
	}
}

// quotedNameAt reads a quoted name after byte offset at: first after the
// kind noun (spaces, and a comma or colon), later after the name before it
// (its closing mark, then a comma or a conjunction). It returns the name's
// tokens [j, end).
func (s *entityScan) quotedNameAt(at int, first bool) (j, end int, ok bool) {
	rest := s.text[at:]
	gap := len(rest) - len(strings.TrimLeft(rest, " "))
	if !first {
		// The previous name's closing mark (and a full stop inside it).
		trimmed := strings.TrimLeft(rest, ".,"+quoteSpaces)
		r, n := firstRune(trimmed)
		if !strings.ContainsRune(closingQuotes, r) {
			return 0, 0, false
		}
		trimmed = trimmed[n:]
		sep := strings.TrimLeft(trimmed, " ")
		for _, conj := range []string{",", "and", "et", "y", "e", "or", "ou", "o"} {
			if after, ok := strings.CutPrefix(sep, conj); ok && (conj == "," || strings.HasPrefix(after, " ")) {
				sep = strings.TrimLeft(after, " ")
				if conj == "," {
					if a, ok := strings.CutPrefix(sep, "and "); ok {
						sep = a
					}
				}
				break
			}
		}
		if sep == strings.TrimLeft(trimmed, " ") {
			return 0, 0, false // no separator: the list ended
		}
		at += len(rest) - len(sep)
	} else {
		sep := strings.TrimLeft(rest[gap:], ",:")
		sep = strings.TrimLeft(sep, " ")
		if len(rest)-len(sep) > 3 {
			return 0, 0, false
		}
		at += len(rest) - len(sep)
	}
	r, n := firstRune(s.text[at:])
	if !strings.ContainsRune(openingQuotes, r) {
		return 0, 0, false
	}
	start := at + n
	start += len(s.text[start:]) - len(strings.TrimLeft(s.text[start:], quoteSpaces)) // "« Le Phare »"
	j, _ = s.tokensIn(start, len(s.text))
	if j >= len(s.toks) || s.toks[j].start != start || !startsUpper(s.toks[j].key) {
		return 0, 0, false
	}
	for end = j + 1; end-j <= maxQuotedNameWords; end++ {
		after := strings.TrimLeft(s.text[s.toks[end-1].end:], ".,"+quoteSpaces)
		if r, _ := firstRune(after); strings.ContainsRune(closingQuotes, r) && r != '’' || r == '’' && !strings.HasPrefix(after, "’s") {
			return j, end, true
		}
		if end >= len(s.toks) || !s.joined(end-1) || !(startsUpper(s.toks[end].key) || orgConnectors[s.toks[end].lower] || orgArticles[s.toks[end].lower]) {
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// firstRune returns the first rune of s and its length; 0 for none.
func firstRune(s string) (rune, int) {
	if s == "" {
		return 0, 0
	}
	return utf8.DecodeRuneInString(s)
}

// mayOpenQuote reports whether an opening quotation mark may stand at
// offset at of text, after up to three spaces, commas or colons: its first
// byte is '"' or the lead byte of “, ‘ (E2) or « (C2). A byte test, as it
// is asked after every kind noun before the quoted name is read.
func mayOpenQuote(text string, at int) bool {
	for n := 0; at < len(text) && n < 3 && (text[at] == ' ' || text[at] == ',' || text[at] == ':'); n++ {
		at++
	}
	return at < len(text) && (text[at] == '"' || text[at] == 0xE2 || text[at] == 0xC2)
}
