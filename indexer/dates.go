package indexer

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Only dates whose month is unambiguous are read: ISO (2017-11-27) and
// written months ("27 November 2017", "November 27, 2017", "8 Mar. 1999").
// 27/11/2017 and 11/27/2017 are left alone, since guessing the order wrong
// would file a statement under the wrong day. Month names are matched with
// their capital, so the verb "may" is not a month.
//
// French, Spanish and Portuguese months are written in lower case ("le 4
// septembre 2018", "23 de febrero de 2023", "5 de março de 2024"), and none
// is an English word in lower case, so they match in lower case; Spanish
// and Portuguese put "de" between the parts.
const (
	monthPattern = `January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|` +
		`janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|` +
		`enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|` +
		`janeiro|fevereiro|março|marco|maio|junho|julho|setembro|outubro|novembro|dezembro|` +
		// Dutch, in small letters too ("3 maart 2024"); april,
		// september, november and december are the English words.
		`januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december`
	// ordinal and dayRange allow "27th", "1er" and "27 and 28", "27-28".
	ordinal      = `(?:st|nd|rd|th|er)?`
	dayRange     = `(?:\s*(?:and|&|-|–|to)\s*\d{1,2}` + ordinal + `)?`
	dayMonthYear = `\b(\d{1,2})` + ordinal + dayRange + `\s+(?:de\s+)?(` + monthPattern + `)\.?,?\s+(?:del?\s+)?(\d{4})\b`
	monthDayYear = `\b(` + monthPattern + `)\.?\s+(\d{1,2})` + ordinal + dayRange + `,?\s+(\d{4})\b`
	isoDate      = `\b(\d{4})-(\d{2})-(\d{2})\b`
	monthYear    = `\b(` + monthPattern + `)\.?,?\s+(\d{4})\b`
)

var fullDateRe = regexp.MustCompile(`^(?:` + dayMonthYear + `|` + monthDayYear + `|` + isoDate + `)$`)

// The patterns mentionedDates looks for, anchored: it finds where a date can
// start with a byte test and asks a pattern only there (see findAllFrom).
var (
	dayMonthYearAt = anchored(dayMonthYear)
	monthDayYearAt = anchored(monthDayYear)
	isoDateAt      = anchored(isoDate)
	monthYearAt    = anchored(monthYear)
)

func anchored(pattern string) *regexp.Regexp { return regexp.MustCompile(`^(?:` + pattern + `)`) }

// monthsByInitial lists the alternatives of monthPattern by their first
// byte: a month-first date starts with one of them, and most words can be
// told apart from every month by that byte alone.
var monthsByInitial = func() (by [256][]string) {
	for _, name := range strings.Split(monthPattern, "|") {
		by[name[0]] = append(by[name[0]], name)
	}
	return by
}()

// Plausible years: a four-digit number outside them is a count or an
// article number, not a year.
const (
	minYear = 1900
	maxYear = 2100
)

// dateLayouts are the machine formats that page metadata uses. Only the
// calendar date is kept, as written, whatever the time zone.
var dateLayouts = []string{
	time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05",
	time.RFC1123Z, time.RFC1123, "2006-01-02",
}

// parseDate reads a whole string as one full date (day, month and year) and
// returns it at UTC midnight. A weekday before it and a time of day after it
// ("June 3, 2023 10:30 AM EDT", "14/03/2024 - 09:15") belong to it; a date
// written with slashes is read only where one order makes sense
// (numericDay).
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	s = datePrefixRe.ReplaceAllString(s, "")
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return utcDay(t.Year(), t.Month(), t.Day())
		}
	}
	// Machine formats carry their own times; a written date may be
	// followed by one.
	s = timeOfDayRe.ReplaceAllString(s, "")
	s = leadingTimeRe.ReplaceAllString(s, "")
	if m := slashDateRe.FindStringSubmatch(s); m != nil {
		return numericDay(m[1], m[2], m[3])
	}
	m := fullDateRe.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, false
	}
	switch {
	case m[1] != "":
		return writtenDate(m[3], m[2], m[1])
	case m[4] != "":
		return writtenDate(m[6], m[4], m[5])
	default:
		return isoDay(m[7], m[8], m[9])
	}
}

// timeOfDayRe matches a time of day after a date, with what separates
// them: ", 10:30 AM", " - 09:15 CET", " at 3:00 p.m.", " 14h30".
var timeOfDayRe = regexp.MustCompile(`(?i),?\s*(?:[-–—|]|at|à)?\s*\d{1,2}(?::\d{2}(?::\d{2})?h?|h\d{2})\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,5}(?:[+-]\d{1,2})?)?$`)

// leadingTimeRe matches a time of day written before a date, as some
// news sites stamp a story: "05:08 AM July 25, 2025", "14:30 - 3 March
// 2024", "10:30 AM EAT, March 3, 2024".
var leadingTimeRe = regexp.MustCompile(`(?i)^\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?(?-i:\s*[A-Z]{2,5}(?:[+-]\d{1,2})?\b)?\s*[-–—|,]?\s+`)

// slashDateRe matches a whole date of digits and slashes, dots or
// hyphens: 08/15/2023, 15.08.2023, 19-05-2025, and 27.02.2026. as Balkan
// and Central European sites end it.
var slashDateRe = regexp.MustCompile(`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\.?$`)

// numericDay reads a date written a/b/year. Europe writes day/month and the
// United States month/day; where both readings are possible (03/04/2024)
// and differ, the date is refused rather than guessed, since a wrong
// publication date is worse than none. 15/08/2023 and 08/15/2023 can only
// be one day.
func numericDay(a, b, year string) (time.Time, bool) {
	x, _ := strconv.Atoi(a) // the pattern allows digits only
	y, _ := strconv.Atoi(b)
	yr, _ := strconv.Atoi(year)
	switch {
	case x == y, x > 12:
		return utcDay(yr, time.Month(y), x)
	case y > 12:
		return utcDay(yr, time.Month(x), y)
	}
	return time.Time{}, false
}

func writtenDate(year, month, day string) (time.Time, bool) {
	y, _ := strconv.Atoi(year) // the patterns allow digits only
	d, _ := strconv.Atoi(day)
	return utcDay(y, monthNumber(month), d)
}

func isoDay(year, month, day string) (time.Time, bool) {
	y, _ := strconv.Atoi(year) // the patterns allow digits only
	m, _ := strconv.Atoi(month)
	d, _ := strconv.Atoi(day)
	return utcDay(y, time.Month(m), d)
}

// utcDay builds a date, refusing impossible ones (31 June, month 13) that
// time.Date would silently roll over.
func utcDay(year int, month time.Month, day int) (time.Time, bool) {
	if year < minYear || year > maxYear || month < time.January || month > time.December {
		return time.Time{}, false
	}
	t := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day {
		return time.Time{}, false
	}
	return t, true
}

// romanceMonths maps French, Spanish, Portuguese and Dutch month names,
// with and without accents.
var romanceMonths = map[string]time.Month{
	"janvier": time.January, "février": time.February, "fevrier": time.February, "mars": time.March,
	"avril": time.April, "mai": time.May, "juin": time.June, "juillet": time.July, "août": time.August,
	"aout": time.August, "septembre": time.September, "octobre": time.October, "novembre": time.November,
	"décembre": time.December, "decembre": time.December,
	"enero": time.January, "febrero": time.February, "marzo": time.March, "abril": time.April,
	"mayo": time.May, "junio": time.June, "julio": time.July, "agosto": time.August,
	"septiembre": time.September, "setiembre": time.September, "octubre": time.October,
	"noviembre": time.November, "diciembre": time.December,
	"janeiro": time.January, "fevereiro": time.February, "março": time.March, "marco": time.March,
	"maio": time.May, "junho": time.June, "julho": time.July, "setembro": time.September,
	"outubro": time.October, "novembro": time.November, "dezembro": time.December,
	"januari": time.January, "februari": time.February, "maart": time.March, "april": time.April,
	"mei": time.May, "juni": time.June, "juli": time.July, "augustus": time.August,
	"september": time.September, "oktober": time.October, "november": time.November, "december": time.December,
}

func monthNumber(name string) time.Month {
	if m, ok := romanceMonths[name]; ok {
		return m
	}
	for m := time.January; m <= time.December; m++ {
		if strings.HasPrefix(m.String(), name[:3]) {
			return m
		}
	}
	return 0
}

// datePrefixRe matches what may stand before a date that is still the
// date: a weekday ("Monday 10 December 2018"), the French article
// ("le 4 septembre 2018").
var datePrefixRe = regexp.MustCompile(`^(?i:(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|` +
	`lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo|(?:segunda|terça|terca|quarta|quinta|sexta)(?:-feira)?|` +
	`maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\.?,?\s+|le\s+|el\s+)`)

// datedSpan is one date found in the text, with where it was found.
type datedSpan struct {
	start, end int
	date       time.Time
}

// mentionedDates lists the dates the text mentions, in order of first
// mention, without repeats: full dates, and month-year mentions ("June
// 2017") as the first of the month. A day without a year, or a year alone,
// is not a date one can file under.
func mentionedDates(text string) []time.Time {
	text = latinKhmerDates(text)
	var spans []datedSpan
	// Every date read here has a four-digit year, so the patterns only run
	// around years: on a whole statement they cost more than all the rest of
	// extraction together.
	windows := yearWindows(text)
	for _, w := range windows {
		spans = append(spans, datesIn(text, w)...)
	}
	full := len(spans)
	for _, w := range windows {
		for _, m := range findAllFrom(monthYearAt, text[w.start:w.end], monthStart) {
			m = shift(m, w.start)
			if overlaps(spans[:full], m[0], m[1]) {
				continue // the month and year of a full date already found
			}
			if t, ok := writtenDate(text[m[4]:m[5]], text[m[2]:m[3]], "1"); ok {
				spans = append(spans, datedSpan{m[0], m[1], t})
			}
		}
	}
	slices.SortFunc(spans, func(a, b datedSpan) int { return a.start - b.start })
	var dates []time.Time
	for _, s := range spans {
		if !slices.ContainsFunc(dates, s.date.Equal) {
			dates = append(dates, s.date)
		}
	}
	return dates
}

// datesIn finds the full dates inside one window of text.
func datesIn(text string, w window) []datedSpan {
	var spans []datedSpan
	part := text[w.start:w.end]
	for _, m := range findAllFrom(dayMonthYearAt, part, dayStart) {
		m = shift(m, w.start)
		if t, ok := writtenDate(text[m[6]:m[7]], text[m[4]:m[5]], text[m[2]:m[3]]); ok {
			spans = append(spans, datedSpan{m[0], m[1], t})
		}
	}
	for _, m := range findAllFrom(monthDayYearAt, part, monthStart) {
		m = shift(m, w.start)
		if t, ok := writtenDate(text[m[6]:m[7]], text[m[2]:m[3]], text[m[4]:m[5]]); ok {
			spans = append(spans, datedSpan{m[0], m[1], t})
		}
	}
	for _, m := range findAllFrom(isoDateAt, part, isoStart) {
		m = shift(m, w.start)
		if t, ok := isoDay(text[m[2]:m[3]], text[m[4]:m[5]], text[m[6]:m[7]]); ok {
			spans = append(spans, datedSpan{m[0], m[1], t})
		}
	}
	return spans
}

// findAllFrom returns what re.FindAllStringSubmatchIndex(s, -1) would for
// the unanchored form of the pattern, given that canStart(s, i) holds at
// every i where a match can start. Go's regexp otherwise tries the pattern
// at every byte; trying it only where a date can start is most of the
// speed of date extraction.
//
// The anchored pattern sees s[i:] alone, so a leading \b there cannot look
// at s[i-1]; canStart must check that byte itself.
func findAllFrom(re *regexp.Regexp, s string, canStart func(s string, i int) bool) [][]int {
	var all [][]int
	for i := 0; i < len(s); {
		if !canStart(s, i) {
			i++
			continue
		}
		m := re.FindStringSubmatchIndex(s[i:])
		if m == nil {
			i++
			continue
		}
		m = shift(m, i)
		all = append(all, m)
		i = m[1] // matches never overlap, and none is empty
	}
	return all
}

// dayStart says whether a day-first date can start at s[i]: at a word
// boundary (\b), with a day of one or two digits.
func dayStart(s string, i int) bool {
	n := digitsAt(s, i)
	return (n == 1 || n == 2) && (i == 0 || !isWordByte(s[i-1]))
}

// isoStart says whether an ISO date can start at s[i]: at a word boundary
// (\b), with four digits and a hyphen. Years in running text fail here.
func isoStart(s string, i int) bool {
	n := digitsAt(s, i)
	return n == 4 && i+n < len(s) && s[i+n] == '-' && (i == 0 || !isWordByte(s[i-1]))
}

// digitsAt returns how many ASCII digits stand at s[i:].
func digitsAt(s string, i int) int {
	n := 0
	for i+n < len(s) && isDigit(s[i+n]) {
		n++
	}
	return n
}

// monthStart says whether a month-first date can start at s[i]: at a word
// boundary (\b), with a month name.
func monthStart(s string, i int) bool {
	if i > 0 && isWordByte(s[i-1]) {
		return false
	}
	for _, name := range monthsByInitial[s[i]] {
		if strings.HasPrefix(s[i:], name) {
			return true
		}
	}
	return false
}

// isWordByte is \b's notion of a word character: ASCII letters, digits and
// '_'. A byte of a multi-byte character is never one.
func isWordByte(c byte) bool {
	return isDigit(c) || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
}

// shift moves submatch indexes found in a window back to text positions.
func shift(m []int, by int) []int {
	for i := range m {
		if m[i] >= 0 {
			m[i] += by
		}
	}
	return m
}

// window is a byte range of a text.
type window struct{ start, end int }

// yearContext is how far before a year a date written with it can start:
// "27th and 28th September, 2017" is 30 bytes.
const yearContext = 48

// yearWindows returns the merged ranges around every free-standing run of
// four digits, widened to word boundaries so a pattern's \b sees the real
// start of a word. An ISO date starts with its year, so each window also
// reaches past it.
func yearWindows(text string) []window {
	var out []window
	for i := 0; i+4 <= len(text); i++ {
		if !isDigit(text[i]) || (i > 0 && isDigit(text[i-1])) {
			continue
		}
		j := i
		for j < len(text) && isDigit(text[j]) {
			j++
		}
		if j-i != 4 {
			i = j
			continue
		}
		start, end := max(0, i-yearContext), min(len(text), j+8)
		for start > 0 && text[start-1] != ' ' && text[start-1] != '\n' {
			start--
		}
		for end < len(text) && text[end] != ' ' && text[end] != '\n' {
			end++
		}
		if n := len(out); n > 0 && start <= out[n-1].end {
			out[n-1].end = max(out[n-1].end, end)
		} else {
			out = append(out, window{start, end})
		}
		i = j
	}
	return out
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func overlaps(spans []datedSpan, start, end int) bool {
	for _, s := range spans {
		if start < s.end && s.start < end {
			return true
		}
	}
	return false
}

// publicationHead is how far into a statement its publication date may be
// stated. Press releases give it in the dateline or just under the title;
// a date further down is about events, and one in a footnote is about a
// cited source.
const publicationHead = 2000

var (
	// dateline: "(Bangkok, 27 November 2017) –", "GENEVA, 27 November 2017 -"
	// at the start of a paragraph.
	// Several places may stand before the date: "Paris, Phnom Penh, le 4
	// septembre 2018 –".
	datelineRe = regexp.MustCompile(`(?m)^[ \t]*\(?(?:[^,()\n]{1,40},[ \t]*){0,3}([^()\n–—\s][^()\n–—]{5,39}?)[ \t]*\)?[ \t]*[–—:-][ \t]`)
	// Spanish copy may end the place with a full stop and the dateline
	// with ".-" or a full stop: "Caracas. 19-05-2025.- Hay …", "Bogotá,
	// 14 de marzo de 2024. La organización …".
	datelineStopRe = regexp.MustCompile(`(?m)^[ \t]*(?:[^,.()\n]{1,40}[,.][ \t]*){1,2}([^()\n–—.\s][^()\n–—.]{5,39}?)[ \t]*\.-?[ \t]`)
	// a "Posted" or "Published" line that names the writer after the
	// date: "Posted 14 March 2024 by Admin".
	postedByRe = regexp.MustCompile(`(?im)^[ \t]*(?:posted|published|publicado|publié|publiée)(?:[ \t]+(?:on|le|el|em))?[ \t]*:?[ \t]*([^\n]{6,40}?)[ \t]+(?:by|por|par)[ \t]+[^\n]{1,60}$`)
	// a line that is only a date, possibly labelled or placed: "June 8,
	// 2016", "Published: 8 June 2016", "Geneva, 30 August 2018", "Kuala
	// Lumpur, Monday 10 December 2018", "Press statement – Cairo, 6
	// November 2022", and a dateline whose text starts on the next line
	// ("Nairobi, 3 March 2024 –").
	dateLineRe = regexp.MustCompile(`(?m)^[ \t]*(?i:(?:published|posted|dated?|issued|released|publiée?|mis en ligne|publicad[oa]|fecha|data)(?:[ \t]+(?:on|le|el|em|en))?[ \t]*:?[ \t]*)?(?:\pL[\pL ]{2,40}[ \t][–—-][ \t]+)?(?:\pL[\pL\pM .'’-]{1,39},[ \t]*){0,3}([^\n,]{6,40}?|[^\n]{6,30}?)(?:[ \t]*[–—-])?[ \t]*$`)
	// a labelled date inside a run of header fields, which text
	// extraction joins into one paragraph: "Location: Geneva Date: 7 May
	// 2021 Subject: Myanmar", "Date: 18 March 2021 Index Number: ...".
	labelledDateRe = regexp.MustCompile(`(?:^|[\s(])(?i:date|dated|published|issued|released|posted|publiée?|publicad[oa]|fecha|data)[ \t]*:[ \t]*(` + dayMonthYear + `|` + monthDayYear + `|` + isoDate + `)`)
	// "released a statement … on June 8, 2016"
	releasedOnRe = regexp.MustCompile(`(?i:\b(?:released|issued|published|posted)\b)[^.\n]{0,200}?\bon\s+(` + dayMonthYear + `|` + monthDayYear + `|` + isoDate + `)`)
)

// publishedFromText finds the publication date where a statement states it:
// a dateline, a date line under the title, or "released … on DATE". It
// returns the zero time when the text does not state it; a date merely
// mentioned is never promoted.
func publishedFromText(text string) time.Time {
	head := latinKhmerDates(text)
	if len(head) > publicationHead {
		head = head[:publicationHead]
	}
	for _, re := range []*regexp.Regexp{datelineRe, datelineStopRe, dateLineRe, labelledDateRe, postedByRe, releasedOnRe} {
		for _, m := range re.FindAllStringSubmatch(head, -1) {
			if t, ok := parseDate(m[1]); ok {
				return t
			}
		}
	}
	return bylineDate(head)
}

// bylineSeparators part the fields of a byline.
const bylineSeparators = "|·•"

// bylineDate returns the date of a byline: a short line of fields set
// apart by bars or dots, one of which is a date alone ("By Ana Ruiz |
// May 11, 2001 | Page 7", "Staff · 3 March 2024 · 4 min read").
func bylineDate(text string) time.Time {
	for _, line := range strings.Split(text, "\n") {
		if len(line) > maxDateLine*2 || !(strings.ContainsAny(line, bylineSeparators) || strings.Contains(line, " / ")) || !hasYear(line) {
			continue
		}
		// A slash with spaces around it parts fields too ("Philippine
		// Daily Inquirer / 05:08 AM July 25, 2025"); one inside a date
		// (08/15/2023) has none.
		fields := strings.FieldsFunc(strings.ReplaceAll(line, " / ", " | "), func(r rune) bool { return strings.ContainsRune(bylineSeparators, r) })
		if len(fields) < 2 || len(fields) > 6 {
			continue
		}
		for _, f := range fields {
			if t, ok := parseDate(f); ok {
				return t
			}
		}
	}
	return time.Time{}
}

// isDateLine reports whether a line of text is a date line: a date alone,
// perhaps labelled or after a place or a publisher ("Published on 14 March
// 2024", "Human Rights Watch, July 14, 2023", "2023-06-14", even
// "03/04/2024", whose day parseDate will not guess). Such a line is never
// part of a wrapped paragraph: under a headline it is the date, not the
// end of the title.
func isDateLine(l string) bool {
	_, ok := dateLineStart(l)
	return ok || updatedLine(l)
}

// updatedRe matches a line that dates a change to the page ("Updated:
// March 4, 2024", "Last updated on 4 March 2024", "Mis à jour le …"):
// a date line, which stands alone under a headline, but no publication
// date.
var updatedRe = regexp.MustCompile(`(?i)^(?:last\s+)?(?:updated|modified|mis à jour|actualizado|atualizado|bijgewerkt)(?:\s+(?:on|le|el|em|op))?\s*:?\s*(.{6,40})$`)

// updatedLine reports whether l is an updated line with a date.
func updatedLine(l string) bool {
	if len(l) > maxDateLine || !hasYear(l) {
		return false
	}
	m := updatedRe.FindStringSubmatch(strings.TrimSpace(l))
	if m == nil {
		return false
	}
	_, ok := parseDate(m[1])
	return ok
}

// dateLineStart returns where the date of a date line starts (see
// isDateLine), and whether l is one.
func dateLineStart(l string) (int, bool) {
	if k := latinKhmerDates(l); k != l {
		// A Khmer date line: where its date starts in the Western form
		// says nothing about l, and only whether it is one is asked.
		_, ok := dateLineStart(k)
		return 0, ok
	}
	if len(l) > maxDateLine || !hasYear(l) {
		return 0, false
	}
	m := dateLineRe.FindStringSubmatchIndex(l)
	if m == nil {
		return 0, false
	}
	date := l[m[2]:m[3]]
	if _, ok := parseDate(date); ok || slashDateRe.MatchString(strings.TrimSpace(timeOfDayRe.ReplaceAllString(date, ""))) {
		return m[2], true
	}
	return 0, false
}

// hasYear reports whether s holds four digits in a row: a cheap test that
// most lines fail before any pattern runs.
func hasYear(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			if run++; run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// dateLineIn returns the first date that stands on a line of its own, or
// after a "Date:" label, in text; or the zero time.
func dateLineIn(text string) time.Time {
	text = latinKhmerDates(text)
	for _, re := range []*regexp.Regexp{dateLineRe, labelledDateRe} {
		for _, m := range re.FindAllStringSubmatch(text, -1) {
			if t, ok := parseDate(m[1]); ok {
				return t
			}
		}
	}
	return time.Time{}
}

// khmerDateRe matches a date written in Khmer, with Khmer or Western
// digits: "ថ្ងៃទី១៥ ខែមិថុនា ឆ្នាំ២០២៣" (the 15th day, month of June, year
// 2023), "១៥ មិថុនា ២០២៣".
var khmerDateRe = regexp.MustCompile(`(?:ថ្ងៃទី\s*)?([០-៩0-9]{1,2})\s*(?:ខែ\s*)?(មករា|កុម្ភៈ|មីនា|មេសា|ឧសភា|មិថុនា|កក្កដា|សីហា|កញ្ញា|តុលា|វិច្ឆិកា|ធ្នូ)\s*(?:ឆ្នាំ\s*)?([០-៩0-9]{4})`)

// khmerMonths are the Khmer names of the months, in order.
var khmerMonths = []string{"មករា", "កុម្ភៈ", "មីនា", "មេសា", "ឧសភា", "មិថុនា", "កក្កដា", "សីហា", "កញ្ញា", "តុលា", "វិច្ឆិកា", "ធ្នូ"}

// latinKhmerDates returns text with its Khmer dates written as the date
// rules read them ("15 June 2023"), after a comma where the place of a
// dateline stands before them ("ភ្នំពេញ ថ្ងៃទី១៥ ខែមិថុនា ឆ្នាំ២០២៣"). Text
// without Khmer comes back as it is.
func latinKhmerDates(text string) string {
	if !strings.Contains(text, "ឆ្នាំ") && !strings.Contains(text, "ខែ") {
		return text
	}
	var b strings.Builder
	last := 0
	for _, m := range khmerDateRe.FindAllStringSubmatchIndex(text, -1) {
		b.WriteString(text[last:m[0]])
		lineStart := strings.LastIndexByte(text[:m[0]], '\n') + 1
		if strings.TrimSpace(text[lineStart:m[0]]) != "" {
			b.WriteString(", ")
		}
		month := slices.Index(khmerMonths, text[m[4]:m[5]]) + 1
		b.WriteString(westernDigits(text[m[2]:m[3]]) + " " + time.Month(month).String() + " " + westernDigits(text[m[6]:m[7]]))
		last = m[1]
	}
	b.WriteString(text[last:])
	return b.String()
}

// westernDigits writes Khmer digits (០–៩) as 0–9.
func westernDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '០' && r <= '៩' {
			return '0' + (r - '០')
		}
		return r
	}, s)
}
