package entities

import "testing"

// TestRecognizer_Find_mediaNames reads outlets named by one word that the
// text explains (an appositive with modifiers, a media noun of two words
// before the name) or writes as a web address in prose, and nothing where
// the words mean something else. The sentences are invented.
func TestRecognizer_Find_mediaNames(t *testing.T) {
	runOrgCases(t, rulesRecognizer(t), []orgCase{
		{"appositive with an adjective", "Kalemo, a Swahili daily, reported the arrest.", []string{"Kalemo"}},
		{"appositive with two modifiers", "He wrote for Varta, an independent news site, until 2019.", []string{"Varta"}},
		{"news site before the name", "He told the independent news site Tarlan that he was threatened.", []string{"Tarlan"}},
		{"social network", "The social network Kvora removed the post.", []string{"Kvora"}},
		{"TV channel", "The TV channel Ortam aired the interview.", []string{"Ortam"}},
		{"web address as a name", "Ferlana.ru reported that he had been shot.", []string{"Ferlana.ru"}},
		{"web address after a comma", "a website that covers Central Asia, Karavan.kg.", []string{"Karavan.kg"}},
		{"a link is no name", "Read more at https://Ferlana.ru/news/1 today.", nil},
		{"an e-mail address is no name", "Write to Info@Ferlana.ru for details.", nil},
		{"a site without a media word", "The site Marvo was bombed.", nil},
		{"an appositive that is a role", "Ana Ruiz, a Swahili daily's editor, spoke.", []string{}},
		{"acronym before TV", "The report was aired on KOLA TV in December.", []string{"KOLA TV"}},
		{"acronym before FM", "She told ZRB FM that she would appeal.", []string{"ZRB FM"}},
		{"shouted heading", "WATCH LIVE TV now.", nil},
		{"name after the noun and a comma", "He started a pan-regional Uzbek-language newspaper, Tarlan, which means the flame.", []string{"Tarlan"}},
		{"name after the noun and a comma, sentence end", "She now edits a weekly, Varta.", []string{"Varta"}},
		{"a person after the noun", "He told the newspaper, Smith said.", nil},
		{"quoted after the noun", "She worked for the newspaper “Kalemo” for ten years.", []string{"Kalemo"}},
		{"quoted list after a plural", "He had been writing for two newspapers, “Kalemo” and “The Harbour.” His latest work.", []string{"Kalemo", "The Harbour"}},
		{"French quotes", "Il écrit pour le journal « Le Phare » depuis 2010.", []string{"Le Phare"}},
		{"quoted words that are no name", "the newspaper “said nothing” about it", nil},
		{"a quoted sentence", "the newspaper wrote: “Kalemo is closed today,” he said.", nil},
		{"The in a newspaper's name", "It was reported by The Harbour Post on Monday.", []string{"The Harbour Post"}},
		{"The opening a sentence", "At the time. The Harbour Post reported that he was held.", []string{"Harbour Post"}},
		{"the in small letters", "It was reported in the Harbour Post on Monday.", []string{"Harbour Post"}},
		{"The before another name", "The Harbour Workers Union said so.", []string{"Harbour Workers Union"}},
		{"a network of people", "He joined the network of activists in Tarlan.", nil},
	})
}
