package entities

import (
	"strings"
	"testing"
)

// scanOf returns the scan of text before any rule ran: its tokens, and no
// names yet.
func scanOf(t *testing.T, text string) *entityScan {
	t.Helper()
	g, err := loadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	s := &entityScan{g: g, text: text, toks: ruleTokens(text)}
	s.titleCase = titleCaseTokens(text, s.toks)
	s.at = make([]int, len(s.toks))
	for i := range s.at {
		s.at[i] = -1
	}
	return s
}

// TestEntityScan_orgMarginEnough: the tagger's organizations need less
// margin where the words around them say they are bodies. The names are
// invented; the margins stand for the tagger's.
func TestEntityScan_orgMarginEnough(t *testing.T) {
	tests := []struct {
		name, text, org string
		margin          float32
		want            bool
	}{
		{"high margin, two words", "We met Tierra Viva today.", "Tierra Viva", 12, true},
		{"low margin, no context", "We met Tierra Viva today.", "Tierra Viva", 5, false},
		{"a statement after it", "Tierra Viva said the law was unjust.", "Tierra Viva", 5, true},
		{"an auxiliary before the verb", "Tierra Viva has also condemned it.", "Tierra Viva", 5, true},
		{"its staff after it", "the Radyo Vale station manager was shot", "Radyo Vale", 5, true},
		{"member of", "He is a member of the Tierra Viva collective.", "Tierra Viva", 5, true},
		{"spokesperson for", "said a spokesperson for Tierra Viva.", "Tierra Viva", 5, true},
		{"its staff after a possessive", "Tierra Viva's director was held.", "Tierra Viva's", 5, true},
		{"according to", "According to Tierra Viva, ten were held.", "Tierra Viva", 5, true},
		{"a report by", "a report by Tierra Viva found abuses", "Tierra Viva", 5, true},
		{"by after no statement", "he was hit by Tierra Viva staff", "Tierra Viva", 5, true},
		{"by after a verb", "he was driven by Tierra Viva today", "Tierra Viva", 5, false},
		{"below even the context's margin", "Tierra Viva said so.", "Tierra Viva", 2, false},
		{"a sentence fragment", "making next year's National Election meaningless", "National Election", 6.6, false},
		{"one word needs the high margin and context", "Later, Velmora demanded the tapes.", "Velmora", 12, true},
		{"one word, context, low margin", "Later, Velmora demanded the tapes.", "Velmora", 5, false},
		{"one word without context", "They visited Velmora in May.", "Velmora", 30, false},
		{"one organization's word is no name", "Later, the Council demanded the tapes.", "Council", 30, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := scanOf(t, tt.text)
			start := strings.Index(tt.text, tt.org)
			from, to := s.tokensIn(start, start+len(tt.org))
			if got := s.orgMarginEnough(from, to, tt.margin); got != tt.want {
				t.Errorf("%q in %q at margin %v: got %v, want %v", tt.org, tt.text, tt.margin, got, tt.want)
			}
		})
	}
}
