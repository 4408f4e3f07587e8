package entities

import "testing"

// TestFind_wireCredits: the staff a wire credits in brackets at a story's
// end are no people of the story, the places of the credit stay places,
// and the same words outside a bracketed credit line are read as ever.
// With the tagger, which reads the names; every name is invented.
func TestFind_wireCredits(t *testing.T) {
	runNameCases(t, taggerRecognizer(t), []nameCase{
		{name: "reporters, places and editors",
			text:      "Police detained the reporter Tomas Verhoeven on Sunday, his lawyer said.\n\n(Reporting by Sami Abadi in Dubai and Andrea Shalan in Washington; Editing by Ruth Pilcher and Frances Kell)",
			people:    []string{"Tomas Verhoeven"},
			notPeople: []string{"Sami Abadi", "Andrea Shalan", "Ruth Pilcher", "Frances Kell"},
			places:    []string{"Dubai", "Washington"}},
		{name: "writing and edited, additional reporting",
			text:      "The court fined the editor Maria Lindqvist.\n(Additional reporting by Clara Baldoni; Written by Greg Torrance; Edited by Nick Macfarlane)",
			people:    []string{"Maria Lindqvist"},
			notPeople: []string{"Clara Baldoni", "Greg Torrance", "Nick Macfarlane"}},
		{name: "a credit verb inside a sentence is no credit",
			text:   "The minister said reporting by Anna Varga had exposed the fraud.",
			people: []string{"Anna Varga"}},
	})
}

// TestEntityScan_adjacent: no name runs on over an empty line, from one
// paragraph into the next, while a line wrapped inside a paragraph and a
// space join two words.
func TestEntityScan_adjacent(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       bool
	}{
		{"a space", "Gregorio Jimenez", true},
		{"a wrapped line", "a long line of prose that is wrapped at the column of Gregorio\nJimenez", true},
		{"an empty line", "a long headline about the murder of the reporter Gregorio\n\nJimenez", false},
		{"an empty line with spaces", "a long headline about the murder of the reporter Gregorio\n  \r\nJimenez", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := scanOf(t, tt.text)
			i := len(s.toks) - 2
			if got := s.adjacent(i); got != tt.want {
				t.Errorf("adjacent(%q, %q) = %v, want %v", s.toks[i].key, s.toks[i+1].key, got, tt.want)
			}
		})
	}
}
