package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// aliasesOf returns the aliases of the line for country in tsv.
func aliasesOf(tsv, country string) []string {
	for _, line := range strings.Split(tsv, "\n") {
		fields := strings.Split(line, "\t")
		if len(fields) == 3 && fields[0] == "country" && fields[1] == country {
			return strings.Split(fields[2], "|")
		}
	}
	return nil
}

func TestComplete(t *testing.T) {
	tsv := strings.Join([]string{
		"# comment",
		"country\tAlgeria",
		"country\tMauritius",
		"country\tSpain\tEspagne",
		"country\tThailand",
		"country\tIceland",
		"country\tEgypt",
		"country\tUnited States\tthe United States|États-Unis",
		"country\tAustria",
		"country\tEcuador",
		"country\tSweden",
		"country\tLuxembourg",
		"country\tMyanmar\tBurma",
		"country\tHong Kong",
		"country\tMacau\tMacao",
		"country\tJapan",
		"place\tGiappone", // as if a city of that name were listed
		"person\tHun Sen",
		"country\tAtlantis",
		"",
	}, "\n")
	got, missing := complete(tsv)
	for _, c := range []struct {
		country string
		want    []string // aliases it must have
		not     []string // aliases it must not have
	}{
		{"Algeria", []string{"Algérie", "Argelia", "Argélia", "Algerien", "Algerije", "ប្រទេសអាល់ហ្សេរី", "អាល់ហ្សេរី"}, nil},
		// Two consonants are too short to match alone inside Khmer words.
		{"Thailand", []string{"Thaïlande", "Tailandia", "Tailândia", "Thailandia", "ប្រទេសថៃ"}, []string{"ថៃ"}},
		// Maurice and Mauricio are given names more often than Mauritius.
		{"Mauritius", nil, []string{"Maurice", "Mauricio", "Maurício"}},
		// German "Island" would match every sentence that starts with the
		// English word.
		{"Iceland", []string{"IJsland", "Islanda"}, []string{"Island"}},
		// An accented capital is typed without its accent too; German
		// types an umlaut as a following e.
		{"Egypt", []string{"Égypte", "Egypte", "Ägypten", "Aegypten", "Egitto"}, []string{"Agypten"}},
		{"United States", []string{"États-Unis", "Etats-Unis", "Vereinigte Staaten", "Verenigde Staten", "Stati Uniti"}, nil},
		{"Austria", []string{"Österreich", "Oesterreich", "Oostenrijk"}, []string{"Osterreich"}},
		// "Equateur" is how French types "équateur", the equator.
		{"Ecuador", []string{"Équateur"}, []string{"Equateur"}},
		// A plural of nationality written as the country: "de Zweden",
		// "die Schweden", the Swedes.
		{"Sweden", []string{"Suède", "Svezia"}, []string{"Zweden", "Schweden"}},
		{"Luxembourg", []string{"Luxemburgo", "Lussemburgo"}, []string{"Luxemburg"}},
		// A name in brackets is a name of its own.
		{"Myanmar", []string{"Birmanie", "Birmania", "Birma", "Mianmar", "Birmânia"}, []string{"Myanmar (Birma)"}},
		// A territory's status is no name.
		{"Hong Kong", []string{"Sonderverwaltungsregion Hongkong", "Hongkong"}, []string{"RAS di Hong Kong", "Hongkong SAR van China", "R.A.S. chinoise de Hong Kong"}},
		{"Macau", []string{"ប្រទេសម៉ាកាវ", "ម៉ាកាវ"}, []string{"ម៉ាកាវ តំបន់រដ្ឋបាលពិសេសចិន", "RAS di Macao"}},
		// A name another line holds is left to it.
		{"Japan", []string{"Japon", "Japón"}, []string{"Giappone"}},
	} {
		aliases := aliasesOf(got, c.country)
		for _, w := range c.want {
			if !slices.Contains(aliases, w) {
				t.Errorf("%s: aliases %q lack %q", c.country, aliases, w)
			}
		}
		for _, n := range c.not {
			if slices.Contains(aliases, n) {
				t.Errorf("%s: aliases %q hold %q", c.country, aliases, n)
			}
		}
	}
	// In order: the alias written before, then CLDR's names language by
	// language, then Khmer.
	if got, want := aliasesOf(got, "Spain"), []string{"Espagne", "España", "Espanha", "Spanien", "Spanje", "Spagna", "ប្រទេសអេស្ប៉ាញ", "អេស្ប៉ាញ"}; !slices.Equal(got, want) {
		t.Errorf("Spain: aliases %q, want %q", got, want)
	}
	for _, line := range []string{"# comment\n", "person\tHun Sen\n", "place\tGiappone\n", "country\tAtlantis\n"} {
		if !strings.Contains(got, line) {
			t.Errorf("got\n%s\nwant the line %q unchanged", got, line)
		}
	}
	if len(missing) != 1 || missing[0] != "Atlantis" {
		t.Errorf("missing = %q, want [Atlantis]", missing)
	}
	if again, _ := complete(got); again != got {
		t.Errorf("a second run changed the gazetteer:\n%s", again)
	}
}

func TestUnaccented(t *testing.T) {
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"Égypte", "Egypte", true},
		{"États-Unis", "Etats-Unis", true},
		{"Îles Salomon", "Iles Salomon", true},
		{"Índia", "India", true},
		{"Österreich", "Oesterreich", true},
		{"Äquatorialguinea", "Aequatorialguinea", true},
		// Only the capital: writers keep the other accents.
		{"Érythrée", "Erythrée", true},
		{"Algérie", "", false},
		{"Egypt", "", false},
		{"ប្រទេសថៃ", "", false},
		{"", "", false},
	} {
		got, ok := unaccented(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("unaccented(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestLeftOut(t *testing.T) {
	others := map[string]bool{"granada": true, "giappone": true}
	for _, c := range []struct {
		name string
		want bool
	}{
		{"Algerien", false},
		{"Vereinigte Staaten", false},
		{"Sonderverwaltungsregion Hongkong", false},
		{"St. Lucia", false},
		{"Maurice", true},
		{"Island", true},
		{"Polen", true},
		{"Giappone", true},
		{"Hongkong SAR van China", true},
		{"R.A.S. chinoise de Hong Kong", true},
		{"RAS di Hong Kong", true},
		{"Congo - Kinshasa", true},
		{"Hong Kong, RAE da China", true},
		{"Myanmar (Birma)", true},
		{"", true},
	} {
		if got := leftOut(c.name, others); got != c.want {
			t.Errorf("leftOut(%q) = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestAudit: with word lists, the command lists the names it would add
// that are words of a list in small letters, which it then must leave
// out; capitalised entries of a list are names, not words.
func TestAudit(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		// Hunspell's form: a count, then a word and its flags a line.
		"nl.dic":  "2\nalgerije/S\nkaas/N\n",
		"english": "Algerien\nisland\ncheese\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tsv := "country\tAlgeria\ncountry\tIceland\n"
	var out bytes.Buffer
	err := run([]string{"-words", dir, "-gazetteer", writeTemp(t, tsv)}, &out)
	if err == nil {
		t.Fatalf("run -words: no error, want one for Algerije; output:\n%s", out.String())
	}
	// Island is a word too, but commonWords leaves it out already.
	if got, want := out.String(), "a common word: Algerije\n"; got != want {
		t.Errorf("run -words printed %q, want %q", got, want)
	}
}

func writeTemp(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "gazetteer.tsv")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestGazetteerUpToDate fails when entities/gazetteer.tsv lacks a
// country's name in one of the languages: run the command.
func TestGazetteerUpToDate(t *testing.T) {
	var out bytes.Buffer
	if err := run([]string{"-check", "-gazetteer", filepath.Join("..", "..", "gazetteer.tsv")}, &out); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
}
