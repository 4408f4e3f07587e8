// Command countrynames adds to the gazetteer's countries their names in
// French, Spanish, Portuguese, German, Dutch and Italian ("Algérie",
// "Argelia", "Argélia", "Algerien", "Algerije"), read from the Unicode CLDR
// tables of golang.org/x/text, and in Khmer, so that statements in those
// languages name the same country as English ones. A name whose first
// letter is an accented capital is added as writers type it without the
// accent too ("Etats-Unis", "Egypte").
//
//	go run ./entities/internal/countrynames            # rewrite entities/gazetteer.tsv
//	go run ./entities/internal/countrynames -check     # fail if it is not up to date
//	go run ./entities/internal/countrynames -words DIR # list the names that are common words
//	                                                   # in DIR's word lists (see commonWords)
//
// A country is found in CLDR by its canonical name or one of its aliases
// as CLDR writes them in English; the few it cannot find are listed and
// left as they are. The gazetteer matches a one-word alias wherever the
// word is written with its capital, in a text of any language, so a name
// is never added when it is also a common given name (Maurice, Mauricio),
// a common word of one of the seven languages (Island, German for
// Iceland), or another place or body the gazetteer lists (Granada): see
// leftOut.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "countrynames:", err)
		os.Exit(1)
	}
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("countrynames", flag.ContinueOnError)
	path := fs.String("gazetteer", "entities/gazetteer.tsv", "the gazetteer to complete")
	check := fs.Bool("check", false, "only report whether the gazetteer is up to date")
	words := fs.String("words", "", "a folder of word lists, one word a line (Debian's /usr/share/dict): only list the names the command would add that are words there")
	if err := fs.Parse(args); err != nil {
		return err
	}
	old, err := os.ReadFile(*path)
	if err != nil {
		return fmt.Errorf("read gazetteer: %w", err)
	}
	if *words != "" {
		list, err := readWords(*words)
		if err != nil {
			return err
		}
		found := audit(string(old), list)
		for _, n := range found {
			fmt.Fprintf(out, "a common word: %s\n", n)
		}
		if len(found) > 0 {
			return fmt.Errorf("%d names CLDR gives are common words: add them to commonWords if they are", len(found))
		}
		return nil
	}
	updated, missing := complete(string(old))
	for _, c := range missing {
		fmt.Fprintf(out, "not in CLDR under its English names: %s\n", c)
	}
	if *check {
		if updated != string(old) {
			return errors.New(*path + " lacks country names in other languages: run go run ./entities/internal/countrynames")
		}
		return nil
	}
	if updated == string(old) {
		return nil
	}
	return os.WriteFile(*path, []byte(updated), 0o644)
}

// languages are the languages whose names are added, besides English and
// Khmer: those of the statements the project reads (French, Spanish,
// Portuguese) and the other ones the index stems (German, Dutch, Italian).
var languages = []language.Tag{
	language.French, language.Spanish, language.Portuguese,
	language.German, language.Dutch, language.Italian,
}

// personNames are country names that are also common given names,
// well-known surnames or other places (Maurice and Mauricio are Mauritius,
// Granada and Grenade are Grenada and a Spanish city, Salvador is El
// Salvador and a Brazilian city, Dominique is Dominica and a French given
// name, Luxemburg is Luxembourg in German and Dutch and Rosa Luxemburg,
// whom foundations and prizes statements cite are named after, Kuba is
// Cuba in German and a common Polish given name).
var personNames = map[string]bool{
	"Maurice": true, "Mauricio": true, "Maurício": true, "Granada": true, "Grenade": true, "Salvador": true, "Dominique": true,
	"Luxemburg": true, "Kuba": true,
}

// commonWords are the names CLDR gives that are also common words, which
// would match wherever a sentence or a heading starts with the word
// ("Island", German for Iceland). All but the last two are what
// "-words DIR" lists, DIR holding Debian's word lists of English, French,
// European Portuguese, German, Dutch and Italian (wamerican, wfrench,
// wportuguese, wngerman, wdutch, witalian: /usr/share/dict/american-english,
// french, portuguese, ngerman, dutch, italian) and Hunspell's Spanish
// dictionary (hunspell-es: /usr/share/hunspell/es_ES.dic). Debian's
// wspanish and wbrazilian are not used: they write countries' names in
// small letters too ("españa", "frança"). German capitalises its nouns, so
// its names were read by hand for nouns: only Schweden is one. Run the
// audit again after an update of golang.org/x/text.
//
// A name French writes in small letters as an adjective is a person where
// it is capitalised ("un Syrien", a Syrian), so German loses Indien (Dutch
// "indien", if, too), Italien and Syrien; a Dutch or German plural of
// nationality is written as the country is ("de Polen", the Poles).
var commonWords = map[string]bool{
	"Island": true, // German, Iceland: English "island"
	// German: French nouns of nationality.
	"Australien": true, "Bolivien": true, "Indien": true, "Italien": true, "Jordanien": true, "Libyen": true, "Syrien": true,
	// German and Dutch: Dutch "polen" (poles, Poles), Spanish "polen" (pollen).
	"Polen":  true,
	"Zweden": true, // Dutch, Sweden: "zweden", Swedes
	// Italian: Dutch "filippine", Italian "svizzera" (Swiss).
	"Filippine": true, "Svizzera": true,
	"Equateur": true, // French without its accent: "équateur" (equator)
	// Read by hand, as no list holds them: German Sweden, "die Schweden"
	// (the Swedes), as Dutch "Zweden"; Italian Cyprus, the antibiotic that
	// statements on access to medicines name.
	"Schweden": true, "Cipro": true,
}

// leftOut reports whether n, a name CLDR gives a country, is no name to
// add: a given name, a common word, or a name another line of the
// gazetteer holds (a city, a region, a body). A name that is also the
// territory's status ("R.A.S. chinoise de Hong Kong", "Hongkong SAR van
// China") or is written with brackets, commas or a spaced dash ("Congo -
// Kinshasa") is no name a statement writes.
func leftOut(n string, others map[string]bool) bool {
	return n == "" || personNames[n] || commonWords[n] || others[strings.ToLower(n)] ||
		strings.ContainsAny(n, "(),") || strings.Contains(n, " - ") || hasStatusAbbreviation(n)
}

// hasStatusAbbreviation reports whether a word of n is an abbreviation in
// capitals (SAR, RAS, RAE, R.A.S.), which CLDR writes for a territory's
// status and no country's name holds.
func hasStatusAbbreviation(n string) bool {
	for _, w := range strings.Fields(n) {
		letters := strings.ReplaceAll(w, ".", "")
		if len([]rune(letters)) >= 2 && strings.ToUpper(letters) == letters && strings.ToLower(letters) != letters {
			return true
		}
	}
	return false
}

// complete returns the gazetteer with each country line's aliases
// completed, and the countries it could not find in CLDR.
func complete(tsv string) (string, []string) {
	out, missing, _ := completeWith(tsv, nil)
	return out, missing
}

// audit returns the names complete would add that words holds in small
// letters. A name the gazetteer already holds is not looked at again: run
// it on the gazetteer as it was before a new language or CLDR update.
func audit(tsv string, words map[string]bool) []string {
	_, _, found := completeWith(tsv, words)
	return found
}

// completeWith is complete; with words, it also returns the names it adds
// (CLDR's, and their forms without an accent) that words holds in small
// letters, a form without an accent also when words holds it with one
// ("équateur").
func completeWith(tsv string, words map[string]bool) (string, []string, []string) {
	regions := englishRegions()
	lines := strings.Split(tsv, "\n")
	var missing, common []string
	for i, line := range lines {
		fields := strings.Split(line, "\t")
		if len(fields) < 2 || fields[0] != "country" {
			continue
		}
		names := []string{fields[1]}
		if len(fields) == 3 && fields[2] != "" {
			names = append(names, strings.Split(fields[2], "|")...)
		}
		r, ok := language.Region{}, false
		for _, n := range names {
			if r, ok = regions[n]; ok {
				break
			}
		}
		if !ok {
			missing = append(missing, fields[1])
			continue
		}
		others := otherNames(lines, i)
		aliases := names[1:]
		// add adds n, a name or the form without an accent of name written.
		add := func(n, written string) {
			if slices.ContainsFunc(names, func(o string) bool { return strings.EqualFold(o, n) }) {
				return
			}
			if leftOut(n, others) {
				return
			}
			if words != nil && (words[strings.ToLower(n)] || words[strings.ToLower(written)]) {
				common = append(common, n)
			}
			names = append(names, n)
			aliases = append(aliases, n)
		}
		for _, t := range languages {
			for _, n := range cldrNames(display.Regions(t).Name(r)) {
				add(n, n)
			}
		}
		for _, n := range khmerNames(r) {
			if !slices.Contains(names, n) {
				names = append(names, n)
				aliases = append(aliases, n)
			}
		}
		// After the others, so that a line written before keeps its order.
		for _, n := range slices.Clone(names) {
			if u, ok := unaccented(n); ok {
				add(u, n)
			}
		}
		if len(aliases) > 0 {
			lines[i] = fields[0] + "\t" + fields[1] + "\t" + strings.Join(aliases, "|")
		}
	}
	return strings.Join(lines, "\n"), missing, common
}

// cldrNames returns the names in one CLDR name: "Myanmar (Birma)" is
// Myanmar and Birma, "Hongkong SAR van China" is Hongkong (and the status,
// which leftOut leaves out), as englishRegions reads CLDR's English.
func cldrNames(n string) []string {
	if i := strings.Index(n, " SAR "); i > 0 {
		return []string{n, n[:i]}
	}
	i := strings.Index(n, " (")
	if i <= 0 || !strings.HasSuffix(n, ")") {
		return []string{n}
	}
	inner := n[i+2 : len(n)-1]
	if r, _ := firstRune(inner); !unicode.IsUpper(r) {
		return []string{n[:i]} // "Saint-Martin (partie néerlandaise)"
	}
	return []string{n[:i], inner}
}

// otherNames returns the names, in small letters, of every gazetteer line
// but line skip: a country's name in one language that is another
// country's, a city's or a body's name in another is left to that line.
func otherNames(lines []string, skip int) map[string]bool {
	out := map[string]bool{}
	for i, line := range lines {
		fields := strings.Split(line, "\t")
		if i == skip || len(fields) < 2 || strings.HasPrefix(line, "#") {
			continue
		}
		out[strings.ToLower(fields[1])] = true
		if len(fields) == 3 {
			for _, a := range strings.Split(fields[2], "|") {
				out[strings.ToLower(a)] = true
			}
		}
	}
	return out
}

// unaccented returns n as French and Spanish writers often type a name
// whose first letter is an accented capital: without the accent
// ("Etats-Unis", "Egypte", "Ile Maurice"). German writers type an umlaut
// they drop as a following e ("Oesterreich", "Aegypten"). Other letters
// keep their accents: the writers drop them on capitals only.
func unaccented(n string) (string, bool) {
	first, rest := firstRune(n)
	if !unicode.IsUpper(first) {
		return "", false
	}
	if s, ok := map[rune]string{'Ä': "Ae", 'Ö': "Oe", 'Ü': "Ue"}[first]; ok {
		return s + rest, true
	}
	base, ok := map[rune]rune{
		'À': 'A', 'Á': 'A', 'Â': 'A', 'Å': 'A',
		'É': 'E', 'È': 'E', 'Ê': 'E', 'Ë': 'E',
		'Í': 'I', 'Î': 'I', 'Ï': 'I',
		'Ó': 'O', 'Ô': 'O',
		'Ú': 'U', 'Û': 'U',
	}[first]
	if !ok {
		return "", false
	}
	return string(base) + rest, true
}

func firstRune(s string) (rune, string) {
	for _, r := range s {
		return r, s[len(string(r)):]
	}
	return 0, ""
}

// readWords reads every file of dir as a word list, one word a line, and
// returns the words in small letters.
func readWords(dir string) (map[string]bool, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read word lists: %w", err)
	}
	words := map[string]bool{}
	for _, e := range entries {
		if !e.Type().IsRegular() && e.Type()&os.ModeSymlink == 0 {
			continue
		}
		path := filepath.Join(dir, e.Name())
		if err := readWordList(path, words); err != nil {
			return nil, err
		}
	}
	return words, nil
}

// readWordList adds the words of one list, those written in small letters
// only: a list's capitalised entries are names (its "Island" is Iceland).
// A Hunspell dictionary (.dic) is read as a list: its flags after "/" are
// cut.
func readWordList(path string, words map[string]bool) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("read word list: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w, _, _ := strings.Cut(strings.TrimSpace(sc.Text()), "/")
		if w != "" && strings.ToLower(w) == w {
			words[w] = true
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read word list %s: %w", path, err)
	}
	return nil
}

// khmerNames are the country's names in Khmer: "ប្រទេស" (country) and its
// CLDR name, and the name alone when it has three consonants or more. The
// gazetteer's Khmer names match inside the text's words, which Khmer does
// not part with spaces, so a name of two consonants ("ថៃ", Thailand; "ចិន",
// China) alone would match inside other words. Zero width spaces, which
// CLDR writes between some names' words, are left out: matching reads the
// text without them. A territory's status after its name ("ម៉ាកាវ
// តំបន់រដ្ឋបាលពិសេសចិន", Macau Special Administrative Region of China) is
// left out, as in the other languages: statements write the name alone.
func khmerNames(r language.Region) []string {
	n := strings.ReplaceAll(display.Regions(language.Khmer).Name(r), "\u200b", "")
	if i := strings.Index(n, " តំបន់រដ្ឋបាលពិសេស"); i > 0 {
		n = n[:i]
	}
	if n == "" || strings.ContainsAny(n, "(),") {
		return nil
	}
	out := []string{"ប្រទេស" + n}
	consonants := 0
	for _, c := range n {
		if c >= 'ក' && c <= 'អ' {
			consonants++
		}
	}
	if consonants >= 3 {
		out = append(out, n)
	}
	return out
}

// englishRegions maps the English CLDR name of every two-letter region, and
// the short forms CLDR gives in brackets ("Myanmar (Burma)" also gives
// "Myanmar"), to the region.
func englishRegions() map[string]language.Region {
	out := map[string]language.Region{}
	names := display.English.Regions()
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			r, err := language.ParseRegion(string([]rune{a, b}))
			if err != nil || !r.IsCountry() {
				continue
			}
			n := names.Name(r)
			if n == "" {
				continue
			}
			out[n] = r
			// CLDR writes "Bosnia & Herzegovina", "St. Lucia", "Côte d’Ivoire",
			// "São Tomé & Príncipe".
			out[strings.NewReplacer(" & ", " and ", "St. ", "Saint ", "’", "'", "ã", "a", "é", "e", "í", "i").Replace(n)] = r
			if i := strings.Index(n, " ("); i > 0 {
				out[n[:i]] = r
			}
			if i := strings.Index(n, " SAR "); i > 0 {
				out[n[:i]] = r // Hong Kong SAR China
			}
		}
	}
	// The names CLDR gives otherwise: "Congo - Kinshasa", "Palestinian
	// Territories", "Vatican City".
	for name, code := range map[string]string{
		"Democratic Republic of the Congo": "CD", "Congo": "CG", "Palestine": "PS", "Vatican": "VA",
		"Saint Vincent and the Grenadines": "VC",
	} {
		out[name] = language.MustParseRegion(code)
	}
	return out
}
