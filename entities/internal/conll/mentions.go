package conll

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/advosearch/advosearch/entities"
)

// NamesOnly turns a corpus that labels every mention of a person, an
// organization or a place (re3d, GUM: "the city", "coalition forces",
// "We", "The Foreign Secretary") into one that labels names only, the
// way the tagger's other corpora and the recognizer read them:
//
//   - the words before a name that are not part of it go: articles and
//     possessives ("the United Nations"), lower-case words ("eastern
//     Aleppo"), and a person's titles ("President Hollande");
//   - so do lower-case words after it ("ISIL tactical units");
//   - a mention with no capitalised word left, or a pronoun, is no name
//     and reads O;
//   - a person with a lower-case word left inside ("Minister for the
//     Middle East Tobias Ellwood") cannot be cut with confidence, and its
//     sentence is left out, so that no name is taught as O;
//   - where the gazetteer (lex, may be nil) knows the name as another
//     kind, its kind wins: re3d calls governments by their country's name
//     ("Iraq") organizations, and the recognizer calls them places.
func NamesOnly(docs []Document, lex *Lexicon) []Document {
	var out []Document
	for _, d := range docs {
		var keep []entities.Sentence
		for _, s := range d.Sentences {
			if labels, ok := namesOnly(s.Words, s.Labels, lex); ok {
				keep = append(keep, entities.Sentence{Words: s.Words, Labels: labels})
			}
		}
		if len(keep) > 0 {
			out = append(out, Document{Sentences: keep})
		}
	}
	return out
}

func namesOnly(ws, labels []string, lex *Lexicon) ([]string, bool) {
	out := make([]string, len(labels))
	for i := range out {
		out[i] = "O"
	}
	for _, sp := range mentionSpans(labels) {
		from, to, kind := sp.from, sp.to, sp.kind
		titled := false
		for from < to && (!startsUpper(ws[from]) || leadingWords[ws[from]] ||
			kind == entities.Person && isTitle(ws[from])) {
			if titled && !startsUpper(ws[from]) {
				return nil, false // "Minister for the Middle East Tobias Ellwood"
			}
			titled = titled || kind == entities.Person && isTitle(ws[from])
			from++
		}
		trimmed := false
		for to > from && isLowerWord(ws[to-1]) {
			to--
			trimmed = true
		}
		if from == to || to-from == 1 && pronouns[strings.ToLower(ws[from])] {
			continue
		}
		switch {
		case !startsUpper(ws[to-1]):
			return nil, false // "Da ’ esh", "ISIL - held buildings"
		case trimmed && to-from == 1 && !isCapitals(ws[from]):
			// "Iraqi security forces", "the Asad regime": a demonym or a
			// name used as a modifier, which this corpus does not say.
			return nil, false
		case kind == entities.Person && !plainName(ws[from:to]):
			return nil, false // "Russian Foreign Minister Sergei Lavrov"
		case kind == entities.Org && to-from == 1 && (strings.HasSuffix(ws[from], "ns") || strings.HasSuffix(ws[from], "is")):
			continue // "Syrians", "Iraqis": people, not a body
		}
		if lex != nil {
			if k, ok := lex.kinds[strings.Join(ws[from:to], " ")]; ok {
				kind = k
			}
		}
		out[from] = "B-" + kind.String()
		for j := from + 1; j < to; j++ {
			out[j] = "I-" + kind.String()
		}
	}
	return out, true
}

type mentionSpan struct {
	from, to int
	kind     entities.Kind
}

// mentionSpans reads the person, organization and place spans of BIO or
// IOB1 labels.
func mentionSpans(labels []string) []mentionSpan {
	var out []mentionSpan
	for i := 0; i < len(labels); {
		k := kindOf(labels[i])
		if k == entities.None {
			i++
			continue
		}
		j := i + 1
		for j < len(labels) && labels[j] == "I-"+labels[i][2:] {
			j++
		}
		out = append(out, mentionSpan{i, j, k})
		i = j
	}
	return out
}

// plainName reports whether a person's words are a name and nothing else:
// at most four words, none a title or in small letters.
func plainName(ws []string) bool {
	if len(ws) > 4 {
		return false
	}
	for _, w := range ws {
		if isTitle(w) || (!startsUpper(w) && w != "-" && w != "al" && w != "bin") {
			return false
		}
	}
	return true
}

// isTitle reports whether w is a title or a rank, in any case ("Gen.",
// "SECRETARY").
func isTitle(w string) bool {
	w = strings.TrimSuffix(w, ".")
	if w == "" {
		return false
	}
	return personTitles[w[:1]+strings.ToLower(w[1:])]
}

// isLowerWord reports whether w is a word in small letters ("forces").
func isLowerWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// isCapitals reports whether w is written in capitals ("ISIL", "U.S.").
func isCapitals(w string) bool {
	return strings.ToUpper(w) == w && strings.ToLower(w) != w
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// leadingWords open a mention without being part of the name.
var leadingWords = map[string]bool{
	"The": true, "A": true, "An": true, "This": true, "That": true, "These": true,
	"Those": true, "Our": true, "Their": true, "His": true, "Her": true, "Its": true,
	"My": true, "Your": true, "All": true, "Both": true, "Some": true, "Many": true,
}

var pronouns = map[string]bool{
	"i": true, "we": true, "he": true, "she": true, "it": true, "they": true,
	"you": true, "us": true, "me": true, "him": true, "them": true, "one": true,
}

// personTitles open a person's mention in re3d and GUM ("President
// Hollande", "Gen. Votel"); the recognizer keeps titles out of names.
var personTitles = map[string]bool{
	"President": true, "Minister": true, "Secretary": true, "Prime": true,
	"Foreign": true, "Defence": true, "Defense": true, "General": true, "Gen": true,
	"Lt": true, "Col": true, "Colonel": true, "Maj": true, "Major": true, "Capt": true,
	"Captain": true, "Sgt": true, "Adm": true, "Admiral": true, "Mr": true, "Mrs": true,
	"Ms": true, "Dr": true, "Prof": true, "Sir": true, "Lord": true, "Lady": true,
	"King": true, "Queen": true, "Prince": true, "Sheikh": true, "Ambassador": true,
	"Senator": true, "Governor": true, "Mayor": true, "Judge": true, "Chancellor": true,
	"Vice": true, "Deputy": true, "Commander": true, "Chief": true, "Pope": true,
	"Saint": true, "St": true, "Rev": true, "Father": true, "Brother": true, "Sister": true,
	"Office": true, "Army": true, "Navy": true, "Special": true, "Advisor": true,
	"Spokesperson": true, "Spokesman": true, "Envoy": true, "Representative": true,
	"Senior": true, "Officer": true, "Spc": true, "Pfc": true,
}
