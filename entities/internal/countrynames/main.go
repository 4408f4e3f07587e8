// Command countrynames adds to the gazetteer's countries their names in
// French, Spanish and Portuguese ("Algérie", "Argelia", "Argélia"), read
// from the Unicode CLDR tables of golang.org/x/text, so that statements in
// those languages name the same country as English ones.
//
//	go run ./entities/internal/countrynames            # rewrite entities/gazetteer.tsv
//	go run ./entities/internal/countrynames -check     # fail if it is not up to date
//
// A country is found in CLDR by its canonical name or one of its aliases
// as CLDR writes them in English; the few it cannot find are listed and
// left as they are. Names that are also common given names or other places
// (Maurice, Mauricio, Granada) are never added: the gazetteer matches a
// one-word alias wherever the word is written.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

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
	if err := fs.Parse(args); err != nil {
		return err
	}
	old, err := os.ReadFile(*path)
	if err != nil {
		return fmt.Errorf("read gazetteer: %w", err)
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

// languages are the languages whose names are added, besides English.
var languages = []language.Tag{language.French, language.Spanish, language.Portuguese}

// never are names left out: given names and places that are not the
// country (Maurice and Mauricio are Mauritius, Granada and Grenade are
// Grenada and a Spanish city, Salvador is El Salvador and a Brazilian
// city, Dominique is Dominica and a French given name).
var never = map[string]bool{"Maurice": true, "Mauricio": true, "Maurício": true, "Granada": true, "Grenade": true, "Salvador": true, "Dominique": true}

// complete returns the gazetteer with each country line's aliases
// completed, and the countries it could not find in CLDR.
func complete(tsv string) (string, []string) {
	regions := englishRegions()
	lines := strings.Split(tsv, "\n")
	var missing []string
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
		aliases := names[1:]
		for _, t := range languages {
			n := display.Regions(t).Name(r)
			// "R.A.S. chinoise de Hong Kong", "Hong Kong, RAE da China": the
			// territory's status, not a name a statement writes.
			if n == "" || never[n] || strings.ContainsAny(n, "(),") || strings.Contains(n, " - ") || strings.Contains(n, "R.A.S.") ||
				slices.ContainsFunc(names, func(o string) bool { return strings.EqualFold(o, n) }) {
				continue
			}
			names = append(names, n)
			aliases = append(aliases, n)
		}
		for _, n := range khmerNames(r) {
			if !slices.Contains(names, n) {
				names = append(names, n)
				aliases = append(aliases, n)
			}
		}
		if len(aliases) > 0 {
			lines[i] = fields[0] + "\t" + fields[1] + "\t" + strings.Join(aliases, "|")
		}
	}
	return strings.Join(lines, "\n"), missing
}

// khmerNames are the country's names in Khmer: "ប្រទេស" (country) and its
// CLDR name, and the name alone when it has three consonants or more. The
// gazetteer's Khmer names match inside the text's words, which Khmer does
// not part with spaces, so a name of two consonants ("ថៃ", Thailand; "ចិន",
// China) alone would match inside other words. Zero width spaces, which
// CLDR writes between some names' words, are left out: matching reads the
// text without them.
func khmerNames(r language.Region) []string {
	n := strings.ReplaceAll(display.Regions(language.Khmer).Name(r), "\u200b", "")
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
