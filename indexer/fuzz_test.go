package indexer

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/advosearch/advosearch/corpus"
)

// FuzzExtract_Text feeds the plain-text extractor arbitrary bytes: the seeds
// and their mess are the starting points. A document is either skipped with
// a reason or yields valid UTF-8 with a body.
func FuzzExtract_Text(f *testing.F) {
	seeds, err := corpus.Seeds()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range seeds {
		f.Add(s.Body)
	}
	f.Add([]byte("\xff\xfe broken \x00 bytes"))
	// Texts that end where a rule looks past a name: a dateline, a
	// locative, "-based", a byline in capitals, a surname after an office.
	f.Add([]byte("Unrest\n\nLa Paz - Le président a dénoncé un coup d'Etat.\nTiaret (AFP) –"))
	f.Add([]byte("Strike in Valdoria, Abu Dhabi and"))
	f.Add([]byte("A Texas-based"))
	f.Add([]byte("Headline\n\nLa Jornada/ALMA TAPIA"))
	f.Add([]byte("Cuts proposed by President Pastrana"))
	e, err := NewExtractor()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		st, _, err := e.Extract(corpus.Document{ID: "fuzz", ContentType: corpus.TypeText, Body: text})
		if err != nil {
			return
		}
		if strings.TrimSpace(st.Body) == "" {
			t.Errorf("no error but an empty body")
		}
		if !utf8.ValidString(st.Title) || !utf8.ValidString(st.Body) {
			t.Errorf("extracted text is not valid UTF-8")
		}
	})
}

// FuzzMentionedDates: whatever the text, the dates read from it are real
// calendar days within the plausible years, and the publication date, if
// any, is one of them or comes from a dateline.
func FuzzMentionedDates(f *testing.F) {
	for _, s := range []string{
		"(Bangkok, 27 November 2017) – FORUM-ASIA condemns",
		"On April 27 and 28, 2016, the ACU summoned",
		"the 1946 Convention, acceded to on November 6, 1963",
		"2017-02-30 and 31 June 2016 and 2016-06-08",
		"27th and 28th September, 2017",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, d := range mentionedDates(text) {
			if d.Year() < minYear || d.Year() > maxYear || d.Hour() != 0 || d.Location().String() != "UTC" {
				t.Errorf("implausible date %v from %q", d, text)
			}
		}
	})
}
