package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

func TestComplete(t *testing.T) {
	tsv := "# comment\ncountry\tAlgeria\ncountry\tMauritius\ncountry\tSpain\tEspagne\ncountry\tThailand\nperson\tHun Sen\ncountry\tAtlantis\n"
	got, missing := complete(tsv)
	for _, want := range []string{
		"country\tAlgeria\tAlgérie|Argelia|Argélia|ប្រទេសអាល់ហ្សេរី|អាល់ហ្សេរី\n",
		"country\tSpain\tEspagne|España|Espanha|ប្រទេសអេស្ប៉ាញ|អេស្ប៉ាញ\n",
		// Two consonants are too short to match alone inside Khmer words.
		"country\tThailand\tThaïlande|Tailandia|Tailândia|ប្រទេសថៃ\n",
		"person\tHun Sen\n",
		"# comment\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("got\n%s\nwant a line %q", got, want)
		}
	}
	// Maurice and Mauricio are given names more often than Mauritius.
	if strings.Contains(got, "Maurice") || strings.Contains(got, "Mauricio") {
		t.Errorf("got\n%s\nwant no Maurice nor Mauricio", got)
	}
	if len(missing) != 1 || missing[0] != "Atlantis" {
		t.Errorf("missing = %q, want [Atlantis]", missing)
	}
	if again, _ := complete(got); again != got {
		t.Errorf("a second run changed the gazetteer:\n%s", again)
	}
}

// TestGazetteerUpToDate fails when entities/gazetteer.tsv lacks a
// country's French, Spanish or Portuguese name: run the command.
func TestGazetteerUpToDate(t *testing.T) {
	var out bytes.Buffer
	if err := run([]string{"-check", "-gazetteer", filepath.Join("..", "..", "gazetteer.tsv")}, &out); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
}
