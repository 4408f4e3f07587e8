package indexer

import (
	"regexp"
	"slices"
	"testing"
	"time"
)

func utc(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestDate_PublishedFromText(t *testing.T) {
	tests := []struct {
		name string
		text string
		want time.Time // zero: the text does not state one
	}{
		{"dateline in parentheses", "Cambodia: Threat to Close CCHR\n\n(Bangkok, 27 November 2017) – The Asian Forum strongly condemns", utc(2017, time.November, 27)},
		{"dateline without parentheses", "Title\n\nGENEVA, 3 May 2019 - ISHR calls on the Council", utc(2019, time.May, 3)},
		{"dateline month first", "Title\n\nPhnom Penh, November 27, 2017 – LICADHO condemns", utc(2017, time.November, 27)},
		{"standalone date line", "Human Rights Now calls for release\n\nDownload the statement\n\nJune 8, 2016\n\n1. Introduction", utc(2016, time.June, 8)},
		{"labelled date line", "Title\n\nPublished: 8 June 2016\n\nText.", utc(2016, time.June, 8)},
		{"iso date line", "Title\n\n2017-11-27\n\nText.", utc(2017, time.November, 27)},
		{"dotted date with a final dot and a time in hours", "Title\n\n27.02.2026. 06:20h\n\nText.", utc(2026, time.February, 27)},
		{"released on", "Title\n\nHuman Rights Now released a statement “Free them” on June 8, 2016.", utc(2016, time.June, 8)},
		{"footnote not taken", "Title\n\nThe arrests violate the Declaration.[2]\n\n[2] UN General Assembly A/RES/53/144, Declaration on Human Rights Defenders, 8 Mar. 1999,", time.Time{}},
		{"year only not taken", "Title\n\nCCHR was founded by Kem Sokha in 2002.", time.Time{}},
		{"month and year not taken", "Title\n\nSince the commune elections in June 2017, the Government has cracked down.", time.Time{}},
		{"day without year not taken", "Title\n\nHun Sen threatened the closure of CCHR on 26 November.", time.Time{}},
		{"mentioned full date not taken", "Title\n\nThe Supreme Court dissolved the CNRP on 16 November 2017, making the election meaningless.", time.Time{}},
		{"place dateline without date not taken", "Title\n\n(Geneva) - International NGOs have lent their voices", time.Time{}},
		{"numeric date with ambiguous order not taken", "Title\n\n05/06/2017\n\nText.", time.Time{}},
		{"impossible date not taken", "Title\n\n31 June 2017\n\nText.", time.Time{}},
		{"french dateline after several places", "Titre\n\nParis, Phnom Penh, le 4 septembre 2018 – La FIDH appelle", utc(2018, time.September, 4)},
		{"french first of the month", "Titre\n\nGenève, le 1er mars 2019 – Les experts", utc(2019, time.March, 1)},
		{"placed date line", "Joint letter\n\nGeneva, 30 August 2018\n\nExcellencies,", utc(2018, time.August, 30)},
		{"placed date line with weekday", "Title\n\nKuala Lumpur, Monday 10 December 2018\n\nSeventy years ago, on 10 December 1948, the Declaration was adopted.", utc(2018, time.December, 10)},
		{"signature date line before a date merely issued", "Press release\n\nThe Ministry takes note of the statement issued on 10 November 2017 by the expert.\n\nPhnom Penh, 13 November 2017", utc(2017, time.November, 13)},
		{"year in passing not taken", "Seventy years after 1948, ASEAN fails\n\nThe 1946 Convention and the 1951 Refugee Convention apply.", time.Time{}},
		{"month and year on the cover not taken", "A Briefing Paper\n\nMarch 2019\n\n1. Introduction", time.Time{}},
		{"spanish date line", "Título\n\nComunicado de prensa – Ciudad de Guatemala, 23 de febrero de 2023\n\nLa Unidad denuncia", utc(2023, time.February, 23)},
		{"portuguese date line", "Título\n\nRio de Janeiro, 5 de março de 2024\n\nA organização", utc(2024, time.March, 5)},
		{"label and dash before the place", "Title\n\nPress statement – Cairo, 6 November 2022\n\nThe authorities", utc(2022, time.November, 6)},
		{"unambiguous US date line", "Title\n\n08/15/2023\n\nText.", utc(2023, time.August, 15)},
		{"date line with a time of day", "Title\n\nJune 3, 2023 10:30 AM EDT\n\nText.", utc(2023, time.June, 3)},
		{"publisher before the date", "Title\n\nHuman Rights Watch, July 14, 2023\n\nText.", utc(2023, time.July, 14)},
		// Written for issue 14: labels, datelines and stamps from anywhere.
		{"a Date label", "Title\n\nDate: 14 March 2024\n\nText.", utc(2024, time.March, 14)},
		{"a bare date label in small letters", "Title\n\ndate 14 March 2024\n\nText.", utc(2024, time.March, 14)},
		{"posted, the date and the writer", "Title\n\nPosted 14 March 2024 by Admin\n\nText.", utc(2024, time.March, 14)},
		{"a label glued to a dotted date", "Title\n\nPublished14.03.2024\n\nText.", utc(2024, time.March, 14)},
		{"a wire dateline with no year is no date", "Title\n\nNAIROBI, March 14 (Reuters) - Police said.", time.Time{}},
		{"Spanish, a place and a hyphenated date ending .-", "Título\n\nCaracas. 19-05-2025.- Hay elementos", utc(2025, time.May, 19)},
		{"Spanish, a dateline ending in a full stop", "Título\n\nBogotá, 14 de marzo de 2024. La organización denunció", utc(2024, time.March, 14)},
		{"French, publié le with a time", "Titre\n\nPublié le 14/03/2024 à 10h30\n\nTexte.", utc(2024, time.March, 14)},
		{"a date and a time after a bar", "Title\n\n14 March 2024 | 10:30 GMT\n\nText.", utc(2024, time.March, 14)},
		{"a weekday with a comma", "Title\n\nThursday, March 14, 2024\n\nText.", utc(2024, time.March, 14)},
		{"an abbreviated month first", "Title\n\nMar 14, 2024\n\nText.", utc(2024, time.March, 14)},
		{"an abbreviated month", "Title\n\n14 Mar 2024\n\nText.", utc(2024, time.March, 14)},
		{"a date line under a byline", "Title\n\nBy Jane Doe\n14 March 2024\n\nText.", utc(2024, time.March, 14)},
		{"Dutch dateline", "Titel\n\nAmsterdam, 14 maart 2024 – De organisatie", utc(2024, time.March, 14)},
		{"Portuguese dateline with a hyphen", "Título\n\nSão Paulo, 14 de março de 2024 - O movimento", utc(2024, time.March, 14)},
		{"a machine timestamp alone", "Title\n\n2024-03-14T10:30:00Z\n\nText.", utc(2024, time.March, 14)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := publishedFromText(tt.text); !got.Equal(tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestDate_MentionedDates(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []time.Time
	}{
		{"written forms in order", "On 26 November 2017 and on November 27, 2017, and 8 Mar. 1999, and 2016-05-02.",
			[]time.Time{utc(2017, time.November, 26), utc(2017, time.November, 27), utc(1999, time.March, 8), utc(2016, time.May, 2)}},
		{"month and year as the first", "Since June 2017 and in early April 2016.",
			[]time.Time{utc(2017, time.June, 1), utc(2016, time.April, 1)}},
		{"full date not counted twice as month", "On 3 September 2017 Kem Sokha was detained.",
			[]time.Time{utc(2017, time.September, 3)}},
		{"repeats once", "27 November 2017; again 27 November 2017.", []time.Time{utc(2017, time.November, 27)}},
		{"day range takes the first day", "Over April 27 and 28, 2016, the ACU summoned them.", []time.Time{utc(2016, time.April, 27)}},
		{"no year, year alone, modal may", "On 4 September, in 2013 and 1946, officials may 2017 act.", nil},
		{"ordinal", "On the 3rd September 2017.", []time.Time{utc(2017, time.September, 3)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mentionedDates(tt.text)
			if !slices.EqualFunc(got, tt.want, time.Time.Equal) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestDate_ParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"2018-03-14T09:30:00+07:00", utc(2018, time.March, 14), true},
		{"2018-03-14T23:30:00-05:00", utc(2018, time.March, 14), true}, // the date as written, not shifted to UTC
		{"2019-02-05", utc(2019, time.February, 5), true},
		{"8 Mar. 1999", utc(1999, time.March, 8), true},
		{"November 6, 1963", utc(1963, time.November, 6), true},
		// Dutch months, weekdays before a date in four more languages, a
		// time with its zone before the date.
		{"3 maart 2024", utc(2024, time.March, 3), true},
		{"dinsdag 11 juni 2019", utc(2019, time.June, 11), true},
		{"martes 3 de marzo de 2024", utc(2024, time.March, 3), true},
		{"el 3 de marzo de 2024", utc(2024, time.March, 3), true},
		{"10:30 AM EAT, March 3, 2024", utc(2024, time.March, 3), true},
		{"Wed, 06 Nov 2019 10:00:00 +0000", utc(2019, time.November, 6), true},
		// Slashes and dots: read where only one order is a date.
		{"27/11/2017", utc(2017, time.November, 27), true},
		{"08/15/2023", utc(2023, time.August, 15), true},
		{"15.08.2023", utc(2023, time.August, 15), true},
		{"05/05/2024", utc(2024, time.May, 5), true},
		{"03/04/2024", time.Time{}, false}, // 3 April or March 4
		{"13/13/2024", time.Time{}, false},
		// A time of day after a written date.
		{"June 3, 2023 10:30 AM", utc(2023, time.June, 3), true},
		{"June 3, 2023, 10:30 a.m. EDT", utc(2023, time.June, 3), true},
		{"14 March 2024 - 09:15 CET", utc(2024, time.March, 14), true},
		{"12 juin 2023 à 14h30", utc(2023, time.June, 12), true},
		{"5th March 2024", utc(2024, time.March, 5), true},
		// A time of day before it, as some news sites stamp a story.
		{"05:08 AM July 25, 2025", utc(2025, time.July, 25), true},
		{"14:30 - 3 March 2024", utc(2024, time.March, 3), true},
		{"05:08 AM", time.Time{}, false},
		{"2017", time.Time{}, false},
		{"last Tuesday", time.Time{}, false},
		{"2017-02-30", time.Time{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := parseDate(tt.in)
			if ok != tt.ok || !got.Equal(tt.want) {
				t.Errorf("got %v, %v; want %v, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

// FuzzFindAllFrom checks findAllFrom against what it stands in for: each
// unanchored date pattern run by regexp's own FindAll.
func FuzzFindAllFrom(f *testing.F) {
	for _, s := range []string{
		"On 26 November 2017 and on November 27, 2017, and 8 Mar. 1999, and 2016-05-02.",
		"Over April 27 and 28, 2016; 27th and 28th September, 2017; le 1er mars 2019",
		"x27 November 2017 _May 2017 12 Sept. 2017 Sep 2017 Sept 2017 Mayday 2017 2017-11-2712",
		"août 2018, décembre 2019, 4 septembre 2018, 3 juin\t2017, 123 May 2017, 1 May 12017",
		"May 5 to 2017 and May 5 – 6 2017 and 1-2 May 2017 and 2017-11-27-2018-01-01",
	} {
		f.Add(s)
	}
	cases := []struct {
		unanchored, at *regexp.Regexp
		canStart       func(string, int) bool
	}{
		{regexp.MustCompile(dayMonthYear), dayMonthYearAt, dayStart},
		{regexp.MustCompile(monthDayYear), monthDayYearAt, monthStart},
		{regexp.MustCompile(isoDate), isoDateAt, isoStart},
		{regexp.MustCompile(monthYear), monthYearAt, monthStart},
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, c := range cases {
			want := c.unanchored.FindAllStringSubmatchIndex(text, -1)
			if got := findAllFrom(c.at, text, c.canStart); !slices.EqualFunc(got, want, slices.Equal) {
				t.Errorf("%s in %q: got %v, want %v", c.unanchored, text, got, want)
			}
		}
	})
}

func TestBylineDate(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Strikes spread\n\nBy Ana Ruiz | May 11, 2001 | Page 7\n\nWorkers walked out.", "2001-05-11"},
		{"Staff reporter · 3 March 2024 · 4 min read", "2024-03-03"},
		{"Home | About | Contact", ""},
		// A table row of events is no byline: no field is a date alone.
		{"1998 | the first strike | 2001 | the second", ""},
		{"By Ana Ruiz | Page 7", ""},
		// A spaced slash parts a publisher from its time stamp.
		{"Editorial\n\nHarbour Daily Times / 05:08 AM July 25, 2025\n\nThe killing", "2025-07-25"},
		{"Harbour Daily Times / Opinion", ""},
	}
	for _, tt := range tests {
		got := ""
		if d := bylineDate(tt.text); !d.IsZero() {
			got = d.Format("2006-01-02")
		}
		if got != tt.want {
			t.Errorf("bylineDate(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
