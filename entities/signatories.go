package entities

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A joint letter ends with the list of those who signed it, one name to a
// line, and most of them are groups no gazetteer lists and no sentence
// introduces: the list's heading is the only evidence that "Karisma" or
// "Derechos Digitales" is an organization.

// signatoryHeading matches the line that opens a list of signatories, in
// English, French, Spanish and Portuguese, with its markup and a count
// removed: "Signatories", "Signed by:", "The undersigned organisations",
// "Organisations signataires", "Organizaciones firmantes", "Assinam".
var signatoryHeading = regexp.MustCompile(`(?i)^(?:list of |liste des |lista de )?(?:the |les |las |los |as |os )?(?:` +
	`(?:co-?)?signatories|(?:co-?)?signatory (?:organi[sz]ations|groups)|(?:co-?)?signed(?: by)?|endorsed by|endorsing organi[sz]ations|` +
	`undersigned(?: organi[sz]ations| groups)?|supporting organi[sz]ations|` +
	`signataires|organisations signataires|(?:organizaciones |entidades )?firmantes|firman|` +
	`(?:organizações |entidades )?(?:signatárias|signatarias)|assinam|assinam esta nota)` +
	`(?: \(\d+\))?\s*:?$`)

// individualsHeading opens the part of a list where people, not groups,
// signed: "Individuals", "Individual signatories", "Personas", "Personnalités".
var individualsHeading = regexp.MustCompile(`(?i)^(?:individual(?:s| signatories| signers)?|in their personal capacity|` +
	`personas|personalidades|personnalités|personnes|pessoas)(?: \(\d+\))?\s*:?$`)

// maxSignatoryWords bounds a line read as one signatory: longer lines are
// the letter going on, which ends the list.
const maxSignatoryWords = 14

// findSignatories reads the lists of signatories: after a heading such as
// "Signatories", each short line that opens with a capital or a digit is
// one organization (or, after "Individuals", one person), until a line
// that reads as prose. A name the gazetteer or the acronym rules read
// over the whole line keeps its canonical name; a place inside the line
// ("Indymedia Ecuador") becomes part of the organization's name.
func (s *entityScan) findSignatories() {
	lines := textLines(s.text)
	for i := 0; i < len(lines); i++ {
		if !signatoryHeading.MatchString(headingText(s.text[lines[i][0]:lines[i][1]])) {
			continue
		}
		kind := kindOrg
		for i++; i < len(lines); i++ {
			line := s.text[lines[i][0]:lines[i][1]]
			if individualsHeading.MatchString(headingText(line)) {
				kind = kindPerson
				continue
			}
			if !s.readSignatory(lines[i][0], lines[i][1], kind) {
				break
			}
		}
	}
}

// readSignatory reads the line text[start:end] as one signatory of kind
// and reports whether it was one. "Name - ACR", "Name – Other Name" and
// "Name, Country" are read as the name, the other part being another name
// of the same organization (or its country).
func (s *entityScan) readSignatory(start, end int, kind entityKind) bool {
	line := s.text[start:end]
	body := strings.TrimLeft(line, "-*•·–—0123456789.) \t")
	if len(body) < len(line) && !strings.ContainsAny(line[:len(line)-len(body)], "-*•·–—.)") {
		body = line // a name that starts with a digit ("350.org"), not a number
	}
	start += len(line) - len(body)
	body = strings.TrimRight(body, ",;. \t")
	end = start + len(body)
	r, _ := utf8.DecodeRuneInString(body)
	if body == "" || !(unicode.IsUpper(r) || unicode.IsDigit(r) || r == '#') || isProse(line) {
		return false
	}
	from, to := s.tokensIn(start, end)
	if from == to {
		return false
	}
	// "Name - Other name": the first part is the name, the second another
	// of its names.
	parts := [][2]int{{from, to}}
	for k := from + 1; k < to; k++ {
		if gap := strings.TrimSpace(s.text[s.toks[k-1].end:s.toks[k].start]); gap == "-" || gap == "–" || gap == "—" {
			if s.text[s.toks[k-1].end] == ' ' {
				parts = [][2]int{{from, k}, {k, to}}
				break
			}
		}
	}
	// "Name (ACR)", "Name (Country)": what the parentheses hold is not
	// part of the name (linkAcronyms reads an acronym there). "Name,
	// Country": the country is where the group works.
	first := &parts[0]
	for k := first[0] + 1; k < first[1]; k++ {
		gap := strings.TrimSpace(s.text[s.toks[k-1].end:s.toks[k].start])
		if strings.HasSuffix(gap, "(") || gap == "," && s.isPlaceAt(k) && s.mentionEnd(k) == first[1] {
			first[1] = k
			break
		}
	}
	nameEnd := s.toks[first[1]-1].end
	if first[1] == to {
		nameEnd = end // a closing quotation mark or bracket is part of it
	}
	name := s.signatoryName(first[0], first[1], nameEnd, kind)
	// "Idec - Instituto Vale de Defesa": a one-word short form that
	// abbreviates the full name after it (its first letter is the name's)
	// puts the full name second; it is the canonical one, as for "Full
	// Name (ACR)". A name of its own ("Lumen - Red de Periodistas") stays
	// first.
	if kind == kindOrg && len(parts) == 2 && first[1]-first[0] == 1 && parts[1][1]-parts[1][0] >= 3 &&
		name.name == collapseSpace(s.text[name.start:name.end]) && startsUpper(s.toks[parts[1][0]].key) && s.at[parts[1][0]] < 0 &&
		sameInitial(s.toks[first[0]].key, s.toks[parts[1][0]].key) {
		long := s.g.canonicalOrg(collapseSpace(s.text[s.toks[parts[1][0]].start:s.toks[parts[1][1]-1].end]))
		s.found[s.at[first[0]]].name = long
		name.name = long
	}
	for _, p := range parts[1:] {
		if s.at[p[0]] >= 0 && s.found[s.at[p[0]]].kind == kindOrg {
			continue // an acronym the text defines elsewhere, or a known name
		}
		s.absorb(mention{name: name.name, kind: name.kind, start: s.toks[p[0]].start, end: s.toks[p[1]-1].end}, p[0], p[1])
	}
	return true
}

// signatoryName records the signatory over tokens [from, to), which ends at
// byte end, and returns its mention. A name already read over exactly those
// tokens stands.
func (s *entityScan) signatoryName(from, to, end int, kind entityKind) mention {
	if m := s.at[from]; m >= 0 && s.at[to-1] == m && s.found[m].kind != kindPlace {
		if f := s.found[m]; f.start == s.toks[from].start && f.end == s.toks[to-1].end {
			return f
		}
	}
	name := collapseSpace(s.text[s.toks[from].start:end])
	if kind == kindOrg {
		name = s.g.canonicalOrg(name)
	}
	m := mention{name: name, kind: kind, start: s.toks[from].start, end: end}
	s.absorb(m, from, to)
	return m
}

// isPlaceAt reports whether token i is part of a place's mention.
func (s *entityScan) isPlaceAt(i int) bool { return s.at[i] >= 0 && s.found[s.at[i]].kind == kindPlace }

// tokensIn returns the tokens that lie within text[start:end].
func (s *entityScan) tokensIn(start, end int) (from, to int) {
	from, _ = slices.BinarySearchFunc(s.toks, start, func(t ruleToken, start int) int { return t.start - start })
	to = from
	for to < len(s.toks) && s.toks[to].end <= end {
		to++
	}
	return from, to
}

// isProse reports whether a line reads as a sentence rather than a name:
// too long, two sentences, a full stop after a word in small letters, or
// two words in small letters that are longer than the small words names
// hold ("of", "de", "pour", "por"): "Reporters without Borders" and
// "Comité Permanente por los Derechos Humanos" are names, "The group will
// follow up" is not.
func isProse(line string) bool {
	words := strings.Fields(line)
	if len(words) > maxSignatoryWords || strings.Contains(line, ". ") {
		return true
	}
	last := words[len(words)-1]
	if r, _ := utf8.DecodeRuneInString(last); strings.HasSuffix(last, ".") && unicode.IsLower(r) {
		return true
	}
	small := 0
	for _, w := range words {
		w = strings.Trim(w, ",;:.()\"“”'’")
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) && utf8.RuneCountInString(w) > 4 {
			small++
		}
	}
	return small >= 2
}

// textLines returns the byte ranges of the non-blank lines of text, without
// their surrounding white space.
func textLines(text string) [][2]int {
	var lines [][2]int
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		line := text[start:end]
		trimmed := strings.TrimSpace(line)
		if trimmed != "" {
			lead := strings.Index(line, trimmed)
			lines = append(lines, [2]int{start + lead, start + lead + len(trimmed)})
		}
		start = end + 1
	}
	return lines
}

// headingText is a line as a heading reads: without Markdown marks and
// emphasis.
func headingText(line string) string {
	return strings.TrimSpace(strings.Trim(line, "#*_ \t"))
}
