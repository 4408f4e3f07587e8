package conll

import (
	"fmt"
	"os"
	"strings"

	"github.com/advosearch/advosearch/entities"
)

// Lexicon is a list of known names, matched on words as a corpus split
// them, longest name first.
type Lexicon struct {
	byFirst map[string][][]string
	kinds   map[string]entities.Kind // joined words → kind
}

// ReadGazetteer reads the indexer's gazetteer.tsv (kind, canonical name,
// aliases separated by "|"): org, platform (an organization), person,
// place and country names; templates ("{country}"), web domains and
// "other" names are left out.
func ReadGazetteer(path string) (*Lexicon, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("conll: gazetteer: %w", err)
	}
	l := &Lexicon{byFirst: map[string][][]string{}, kinds: map[string]entities.Kind{}}
	for _, line := range strings.Split(string(raw), "\n") {
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		fields := strings.Split(line, "\t")
		var kind entities.Kind
		switch fields[0] {
		case "org", "platform":
			kind = entities.Org
		case "person":
			kind = entities.Person
		case "place", "country":
			kind = entities.Place
		default:
			continue
		}
		names := fields[1:2]
		if len(fields) > 2 {
			names = append(names, strings.Split(fields[2], "|")...)
		}
		for _, name := range names {
			if strings.Contains(name, "{") || (!strings.Contains(name, " ") && strings.Contains(name, ".") && strings.ToLower(name) == name) {
				continue
			}
			l.add(splitWords(name), kind)
		}
	}
	return l, nil
}

func (l *Lexicon) add(ws []string, kind entities.Kind) {
	if len(ws) == 0 {
		return
	}
	key := strings.Join(ws, " ")
	if _, dup := l.kinds[key]; dup {
		return
	}
	l.kinds[key] = kind
	l.byFirst[ws[0]] = append(l.byFirst[ws[0]], ws)
}

// splitWords splits a name the way the corpora do: punctuation apart.
func splitWords(name string) []string {
	var out []string
	for _, f := range strings.Fields(strings.ReplaceAll(name, "’", "'")) {
		if strings.HasSuffix(f, "'s") && len(f) > 2 {
			out = append(out, f[:len(f)-2], "'s")
			continue
		}
		trimmed := strings.TrimRight(f, ",;:()")
		if strings.HasPrefix(trimmed, "(") {
			out = append(out, "(")
			trimmed = trimmed[1:]
		}
		if trimmed != "" {
			out = append(out, trimmed)
		}
	}
	return out
}

// Label gives each word the BIO label of the known name covering it, the
// longest match winning.
func (l *Lexicon) Label(ws []string) []string {
	out := make([]string, len(ws))
	for i := 0; i < len(ws); i++ {
		best := 0
		var kind entities.Kind
		for _, name := range l.byFirst[ws[i]] {
			if len(name) <= best || i+len(name) > len(ws) {
				continue
			}
			match := true
			for k := range name {
				if ws[i+k] != name[k] {
					match = false
					break
				}
			}
			if match {
				best, kind = len(name), l.kinds[strings.Join(name, " ")]
			}
		}
		if best == 0 {
			continue
		}
		out[i] = "B-" + kind.String()
		for k := 1; k < best; k++ {
			out[i+k] = "I-" + kind.String()
		}
		i += best - 1
	}
	return out
}
