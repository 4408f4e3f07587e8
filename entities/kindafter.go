package entities

import "strings"

// kindsAfter are the nouns in small letters that follow an organization's
// name and say what it is: "the Kefaya movement", "the Likud party", "the
// Wagner group". A general pattern of English prose, not a list of names.
var kindsAfter = wordSet(`movement party group network coalition alliance union federation association
	organisation organization collective newspaper magazine website daily weekly`)

// maxKindAfterWords bounds the name read before such a noun.
const maxKindAfterWords = 4

// findNamedBeforeKind reads the capitalised name between "the" (and the
// adjectives in small letters after it) and a noun for a kind of
// organization as an organization: "the pro-democracy Kefaya (Enough)
// movement". A bracketed gloss after the name is no part of it. A name
// another rule read is left as it is, a place's too ("the Gaza group").
func (s *entityScan) findNamedBeforeKind() {
	for i := 0; i+1 < len(s.toks); i++ {
		if !kindsAfter[s.toks[i].lower] || s.toks[i].key != s.toks[i].lower || i == 0 {
			continue
		}
		end := i - 1 // the name's last token
		gap := strings.TrimSpace(s.text[s.toks[end].end:s.toks[i].start])
		if strings.HasPrefix(gap, ")") && end > 0 {
			// "Kefaya (Enough) movement": skip the gloss.
			open := strings.LastIndexByte(s.text[:s.toks[end].start], '(')
			if open < 0 || open < s.toks[max(0, end-3)].start {
				continue
			}
			for end >= 0 && s.toks[end].start > open {
				end--
			}
			if end < 0 || strings.TrimSpace(s.text[s.toks[end].end:open]) != "" {
				continue
			}
		} else if gap != "" {
			continue
		}
		start := end
		for start >= 0 && end-start < maxKindAfterWords && s.at[start] < 0 && (start == end || s.joined(start)) &&
			(isOrgWord(s.toks[start].key) && !commonCapitals[s.toks[start].lower] || s.connectorInName(start, end)) {
			start--
		}
		start++
		if start > end || s.inTitleCase(start) {
			continue
		}
		// The name follows "the" and perhaps adjectives in small letters.
		j := start - 1
		for j >= 0 && start-j <= 3 && s.toks[j].key == s.toks[j].lower && s.toks[j].lower != "the" {
			j--
		}
		if j < 0 || s.toks[j].lower != "the" {
			continue
		}
		if i+1 < len(s.toks) && s.joined(i) && startsUpper(s.toks[i+1].key) {
			continue // "the militant Islamic group Hamas": the name follows the noun
		}
		if start == end && adjectiveShaped(s.toks[start].lower) {
			continue // "the Kurdish party", "the Islamic movement"
		}
		name := collapseSpace(s.text[s.toks[start].start:s.toks[end].end])
		s.add(mention{name: s.g.canonicalOrg(name), kind: kindOrg, start: s.toks[start].start, end: s.toks[end].end}, start, end+1)
	}
}

// connectorInName reports whether token j, read leftwards in a name that
// ends at token end, is a connector between two of its capitalised words:
// "the Sport for Rights coalition", "the Friends of Vale network".
func (s *entityScan) connectorInName(j, end int) bool {
	return j < end && j > 0 && orgConnectors[s.toks[j].key] && s.joined(j-1) && isOrgWord(s.toks[j-1].key) &&
		isOrgWord(s.toks[j+1].key)
}

// adjectiveShaped reports whether a capitalised word has the ending of an
// adjective of nationality, religion or creed ("Islamic", "Kurdish",
// "Palestinian", "Chinese", "Communist"), which describes a kind of
// organization rather than naming one.
func adjectiveShaped(lower string) bool {
	for _, e := range []string{"ic", "ish", "ian", "ese", "ist", "an"} {
		if strings.HasSuffix(lower, e) {
			return true
		}
	}
	return false
}
