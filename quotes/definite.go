package quotes

import "strings"

// This file resolves a speaker the text refers to by a definite noun for an
// organization: “…,” the group said; the ministry said that “…”; which the
// institution said … “…”. A general pattern of reported speech: the noun
// stands for an organization the text has named, as a pronoun would.

// orgNounsAny stand for any organization: the one the text last named.
var orgNounsAny = map[string]bool{
	"group": true, "organisation": true, "organization": true, "ngo": true, "institution": true,
	"body": true, "watchdog": true, "charity": true,
}

// orgNounsNamed stand for an organization whose name holds the noun: "the
// ministry" is the Ministry of the Interior named before, and no other.
var orgNounsNamed = map[string]bool{
	"ministry": true, "court": true, "union": true, "party": true, "council": true, "commission": true,
	"committee": true, "agency": true, "movement": true, "coalition": true, "network": true,
	"association": true, "federation": true, "department": true, "government": true, "mission": true,
}

// prepositions put the noun after them in an object's place.
var prepositions = map[string]bool{"in": true, "of": true, "to": true, "for": true, "with": true, "by": true, "on": true, "at": true, "from": true, "about": true, "against": true, "into": true}

// definiteOrg resolves "the NOUN" right before the speech verb words[k].
// ok says whether the words there are such a noun; the speaker is then the
// organization it stands for, or no one named when the text named none.
func (a *attributor) definiteOrg(words []word, k int) (resolved, bool) {
	if k < 2 || words[k-2].text != "the" || strings.TrimSpace(a.text[words[k-1].end:words[k].start]) != "" {
		return resolved{}, false
	}
	if k >= 3 && prepositions[words[k-3].text] {
		// "influence in the NGO, telling …": the noun is an object, not
		// who speaks.
		return resolved{}, false
	}
	noun := words[k-1].text
	at := words[k-2].start
	switch {
	case orgNounsAny[noun]:
		return a.pronoun("it", at), true
	case orgNounsNamed[noun]:
		ms := a.mentionsIn(max(0, at-pronounReach), at)
		for j := len(ms) - 1; j >= 0; j-- {
			if m := ms[j]; m.kind == kindOrg && strings.Contains(strings.ToLower(m.name), noun) {
				return resolved{name: m.name, kind: m.kind}, true
			}
		}
		return resolved{}, true
	}
	return resolved{}, false
}
