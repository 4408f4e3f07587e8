package entities

import (
	"strings"
	"unicode/utf8"
)

// Cambodian state bodies are named in Khmer by a kind word and what they
// are for, and the provincial ones by the province after ខេត្ត
// ("province"): ក្រសួងយុត្តិធម៌ is the Ministry of Justice, តុលាការខេត្ត
// រតនគិរី the Ratanakiri Provincial Court, មន្ទីរសាធារណការ និងដឹកជញ្ជូន
// ខេត្តរតនគិរី the ministry's department in Ratanakiri. No list holds every
// province's court and department, so they are composed here from the
// ministries' portfolios and the gazetteer's Khmer place names, and named
// as English-language Cambodian media name them.

// khmerPortfolio is one ministry of the Royal Government of Cambodia: what
// it is for in Khmer, as the ministry writes it after ក្រសួង (ministry) or
// មន្ទីរ (its provincial department), and in its official English name
// after "Ministry of".
type khmerPortfolio struct{ khmer, english string }

// khmerPortfolios are the ministries of the Royal Government of Cambodia
// (the 7th legislature's government, 2023, as the Council of Ministers
// lists them), longest first so that no portfolio is read as the start of
// another. The Interior and Foreign Affairs ones keep the names the
// gazetteer gives them.
var khmerPortfolios = sortedPortfolios([]khmerPortfolio{
	{"មហាផ្ទៃ", "Interior"},
	{"ការពារជាតិ", "National Defence"},
	{"ការបរទេស និងសហប្រតិបត្តិការអន្តរជាតិ", "Foreign Affairs and International Cooperation"},
	{"សេដ្ឋកិច្ច និងហិរញ្ញវត្ថុ", "Economy and Finance"},
	{"កសិកម្ម រុក្ខាប្រមាញ់ និងនេសាទ", "Agriculture, Forestry and Fisheries"},
	{"អភិវឌ្ឍន៍ជនបទ", "Rural Development"},
	{"ពាណិជ្ជកម្ម", "Commerce"},
	{"ឧស្សាហកម្ម វិទ្យាសាស្ត្រ បច្ចេកវិទ្យា និងនវានុវត្តន៍", "Industry, Science, Technology and Innovation"},
	{"ផែនការ", "Planning"},
	{"អប់រំ យុវជន និងកីឡា", "Education, Youth and Sport"},
	{"សង្គមកិច្ច អតីតយុទ្ធជន និងយុវនីតិសម្បទា", "Social Affairs, Veterans and Youth Rehabilitation"},
	{"រៀបចំដែនដី នគរូបនីយកម្ម និងសំណង់", "Land Management, Urban Planning and Construction"},
	{"បរិស្ថាន", "Environment"},
	{"ធនធានទឹក និងឧតុនិយម", "Water Resources and Meteorology"},
	{"ព័ត៌មាន", "Information"},
	{"យុត្តិធម៌", "Justice"},
	{"ទំនាក់ទំនងជាមួយរដ្ឋសភា ព្រឹទ្ធសភា និងអធិការកិច្ច", "Parliamentary Affairs and Inspection"},
	{"ប្រៃសណីយ៍ និងទូរគមនាគមន៍", "Posts and Telecommunications"},
	{"សុខាភិបាល", "Health"},
	{"សាធារណការ និងដឹកជញ្ជូន", "Public Works and Transport"},
	{"វប្បធម៌ និងវិចិត្រសិល្បៈ", "Culture and Fine Arts"},
	{"ទេសចរណ៍", "Tourism"},
	{"ធម្មការ និងសាសនា", "Cults and Religion"},
	{"កិច្ចការនារី", "Women's Affairs"},
	{"ការងារ និងបណ្តុះបណ្តាលវិជ្ជាជីវៈ", "Labour and Vocational Training"},
	{"រ៉ែ និងថាមពល", "Mines and Energy"},
	{"មុខងារសាធារណៈ", "Civil Service"},
	{"ព្រះបរមរាជវាំង", "Royal Palace"},
})

// sortedPortfolios orders portfolios longest first.
func sortedPortfolios(ps []khmerPortfolio) []khmerPortfolio {
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && len(ps[j].khmer) > len(ps[j-1].khmer); j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
	return ps
}

// Khmer kind words of state bodies.
const (
	khmerMinistry   = "ក្រសួង"
	khmerDepartment = "មន្ទីរ"
	khmerProvince   = "ខេត្ត"
)

// khmerCourts name a court; before ខេត្ត and a province, its provincial
// court (the court of first instance, សាលាដំបូង, is the provincial court).
var khmerCourts = []string{"សាលាដំបូង", "តុលាការ"}

// matchKhmerBodies finds the ministries, provincial courts and provincial
// departments named by a Khmer kind word, and returns their spans for
// matchKhmer to keep the gazetteer's shorter names (the province alone)
// out of. A ministry followed by another country's name ("ក្រសួង
// ការបរទេសអាមេរិក") is that country's, which no portfolio here names. A
// kind word with nothing the rule reads after it ("តុលាការ", the courts)
// is left alone: Khmer writes no spaces between words, so where an unknown
// name ends cannot be told.
func (s *entityScan) matchKhmerBodies(k zeroWidthFree) (taken [][2]int) {
	for _, kind := range khmerKindWords {
		for from := 0; ; {
			i := strings.Index(k.plain[from:], kind)
			if i < 0 {
				break
			}
			start := from + i
			from = start + len(kind)
			if overlaps(taken, k.orig[start], k.orig[from]) {
				continue
			}
			name, end, ok := s.khmerBodyAfter(kind, k.plain, from)
			if !ok {
				continue
			}
			start, end = k.orig[start], k.orig[end]
			taken = append(taken, [2]int{start, end})
			first, last := s.tokensIn(start, end)
			s.add(mention{name: name, kind: kindOrg, start: start, end: end}, first, last)
		}
	}
	return taken
}

// khmerKindWords are the kind words matchKhmerBodies reads, the ministry
// and its departments before the courts.
var khmerKindWords = append([]string{khmerMinistry, khmerDepartment}, khmerCourts...)

// khmerBodyAfter reads what follows the kind word at offset at of text:
// a ministry's portfolio (no other country's name after it), a
// department's portfolio and province, or a court's province. It returns
// the body's name and where it ends.
func (s *entityScan) khmerBodyAfter(kind, text string, at int) (string, int, bool) {
	switch kind {
	case khmerMinistry, khmerDepartment:
		p, end, ok := portfolioAt(text, at)
		if !ok {
			return "", 0, false
		}
		if kind == khmerMinistry {
			if _, country := s.khmerPlaceAt(text, end, true); country {
				return "", 0, false
			}
			return s.ministryName(p), end, true
		}
		place, end, ok := s.khmerProvinceAt(text, end)
		return place + " Provincial Department of " + p.english, end, ok
	}
	place, end, ok := s.khmerProvinceAt(text, at)
	return place + " Provincial Court", end, ok
}

// ministryName is the name of the ministry of portfolio p: the
// gazetteer's, where it lists the ministry under another form.
func (s *entityScan) ministryName(p khmerPortfolio) string {
	name := "Ministry of " + p.english
	if canonical, ok := s.g.orgs[OrgKey(name)]; ok {
		return canonical
	}
	return name
}

// portfolioAt reads a portfolio at offset at of text, in full or by its
// first word ("ក្រសួងសាធារណការ" for Public Works and Transport), with or
// without the spaces between its words.
func portfolioAt(text string, at int) (khmerPortfolio, int, bool) {
	for _, p := range khmerPortfolios {
		if end, ok := khmerPrefix(text, at, p.khmer); ok {
			return p, end, true
		}
	}
	for _, p := range khmerPortfolios {
		first, _, more := strings.Cut(p.khmer, " ")
		if !more {
			continue
		}
		if end, ok := khmerPrefix(text, at, first); ok {
			return p, end, true
		}
	}
	return khmerPortfolio{}, 0, false
}

// khmerProvinceAt reads ខេត្ត and a place the gazetteer names in Khmer at
// offset at of text, spaces allowed between them, and returns the place's
// name and where it ends.
func (s *entityScan) khmerProvinceAt(text string, at int) (string, int, bool) {
	at = skipSpaces(text, at)
	if !strings.HasPrefix(text[at:], khmerProvince) {
		// The gazetteer spells some provinces with ខេត្ត ("ខេត្តកណ្ដាល"),
		// where the name alone is a common word.
		a, ok := s.khmerPlaceAliasAt(text, at)
		if !ok || !strings.HasPrefix(a.name, khmerProvince) {
			return "", 0, false
		}
		return a.canonical, at + len(a.name), true
	}
	a, ok := s.khmerPlaceAliasAt(text, at)
	if !ok {
		a, ok = s.khmerPlaceAliasAt(text, skipSpaces(text, at+len(khmerProvince)))
		if !ok {
			return "", 0, false
		}
		return a.canonical, skipSpaces(text, at+len(khmerProvince)) + len(a.name), true
	}
	return a.canonical, at + len(a.name), true
}

// khmerPlaceAt reports whether a place the gazetteer names in Khmer starts
// at offset at of text (after spaces), and whether it is a country other
// than Cambodia when countryOnly is set.
func (s *entityScan) khmerPlaceAt(text string, at int, countryOnly bool) (string, bool) {
	a, ok := s.khmerPlaceAliasAt(text, skipSpaces(text, at))
	if !ok {
		return "", false
	}
	if _, country := s.g.countries[a.canonical]; countryOnly && (!country || a.canonical == "Cambodia") {
		return "", false
	}
	return a.canonical, true
}

// khmerPlaceAliasAt returns the longest Khmer place name of the gazetteer
// written at offset at of text.
func (s *entityScan) khmerPlaceAliasAt(text string, at int) (khmerAlias, bool) {
	for _, a := range s.g.khmer { // longest first
		if a.kind == kindPlace && strings.HasPrefix(text[at:], a.name) {
			return a, true
		}
	}
	return khmerAlias{}, false
}

// skipSpaces returns the offset of the first byte at or after at that is
// not a space.
func skipSpaces(text string, at int) int {
	for at < len(text) && text[at] == ' ' {
		at++
	}
	return at
}

// khmerPrefix reports whether word is written at offset at of text, and
// where it ends there. Spaces are read past on both sides, as Khmer
// writers put them between a name's words or not ("សាធារណការនិង
// ដឹកជញ្ជូន", "សាធារណការ និងដឹកជញ្ជូន"), and ដ and ត are one letter: under
// the subscript sign they look alike, and texts type either.
func khmerPrefix(text string, at int, word string) (int, bool) {
	i := at
	for _, want := range word {
		if want == ' ' {
			continue
		}
		if want != '\u17d2' { // a subscript's sign is never spaced off its letter
			i = skipSpaces(text, i)
		}
		if i >= len(text) {
			return 0, false
		}
		got, n := utf8.DecodeRuneInString(text[i:])
		if khmerFold(got) != khmerFold(want) {
			return 0, false
		}
		i += n
	}
	return i, true
}

// khmerFold reads ដ (da) as ត (ta), for khmerPrefix.
func khmerFold(r rune) rune {
	if r == 'ដ' {
		return 'ត'
	}
	return r
}
