package main

import (
	"slices"
	"strings"
	"testing"
)

func TestSubdivisions(t *testing.T) {
	iso := `{"3166-2": [
		{"code": "VE-V", "name": "Zulia", "type": "State"},
		{"code": "PH-SUR", "name": "Surigao del Sur", "parent": "13", "type": "Province"},
		{"code": "UG-101", "name": "Kalangala", "type": "District"},
		{"code": "GH-CP", "name": "Central", "type": "Region"},
		{"code": "GH-UE", "name": "Upper East", "type": "Region"},
		{"code": "VE-M", "name": "Miranda", "type": "State"},
		{"code": "XX-1", "name": "Bruxelles-Capitale, Région de", "type": "Region"},
		{"code": "XX-2", "name": "Abc", "type": "Region"},
		{"code": "PH-06", "name": "Western Visayas", "type": "Region"},
		{"code": "ES-M", "name": "Madrid", "parent": "MD", "type": "Municipality"},
		{"code": "VE-V2", "name": "Zulia", "type": "State"}
	]}`
	common := map[string]bool{"central": true, "upper": true, "east": true, "western": true}
	got, err := subdivisions(strings.NewReader(iso), common)
	if err != nil {
		t.Fatalf("subdivisions: %v", err)
	}
	// Kept: a state, a province under a region, a region with one word
	// no dictionary holds. Left out: districts, second-level
	// municipalities, common words, given names, ISO's alternatives with
	// commas, names of three letters.
	want := []string{"Surigao del Sur", "Western Visayas", "Zulia"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestSubdivisions_badInput(t *testing.T) {
	for _, in := range []string{"", "{}", `{"3166-2": "x"}`} {
		if _, err := subdivisions(strings.NewReader(in), nil); err == nil {
			t.Errorf("subdivisions(%q): no error", in)
		}
	}
}

func TestSmallWords(t *testing.T) {
	got, err := smallWords(strings.NewReader("delta\nTexas\nrivers\n\nMary\n"))
	if err != nil {
		t.Fatalf("smallWords: %v", err)
	}
	if len(got) != 2 || !got["delta"] || !got["rivers"] {
		t.Errorf("got %v, want delta and rivers only", got)
	}
}
