package entities

import "testing"

// TestFind_namedAs: the name after "identified (only) as" or "his name
// (only) as" is a person's, one word of it too; a nationality, a common
// noun or a name with no possessive before "name" is none. Rules only;
// every name is invented.
func TestFind_namedAs(t *testing.T) {
	runNameCases(t, rulesRecognizer(t), []nameCase{
		{name: "identified only as, one word",
			text:   "The pistol was given to him by a man identified only as Sharabekov. Later that month, police spoke.",
			people: []string{"Sharabekov"}},
		{name: "his name only as",
			text:   "Permission is needed, said a bishop who would give his name only as Pavlo.",
			people: []string{"Pavlo"}},
		{name: "identified as, a full name",
			text:   "The victim was identified as Ana Maria Ruales, 34.",
			people: []string{"Ana Maria Ruales"}},
		{name: "a nationality",
			text:      "The men were identified as Russian nationals.",
			notPeople: []string{"Russian"}},
		{name: "no possessive before name",
			text:      "The fund is known under the name as Harvest.",
			notPeople: []string{"Harvest"}},
	})
}
