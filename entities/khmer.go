package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Khmer writes no spaces between words, and its vowel signs and subscript
// consonants are marks, which split the rule tokens inside a word. So names
// in Khmer script are not matched token by token but as written, longest
// first, wherever they stand in the text.

// khmerAlias is one name of the gazetteer written in Khmer script.
type khmerAlias struct {
	name, canonical string
	kind            entityKind
}

// isKhmer reports whether s holds a letter of the Khmer script.
func isKhmer(s string) bool {
	// Khmer (U+1780–U+17FF) is E1 9E xx or E1 9F xx in UTF-8: a text with
	// neither byte pair has none, which is most of them.
	if !strings.Contains(s, "\xe1\x9e") && !strings.Contains(s, "\xe1\x9f") {
		return false
	}
	for _, r := range s {
		if unicode.Is(unicode.Khmer, r) {
			return true
		}
	}
	return false
}

// matchKhmer records the gazetteer's Khmer names in the text, longest
// first, none overlapping another, and marks the tokens inside them taken.
// The text is read without its zero width spaces, which many sites put
// between a name's words ("គណបក្ស\u200bសង្គ្រោះ\u200bជាតិ"); the gazetteer's
// names are written without them.
func (s *entityScan) matchKhmer() {
	if !isKhmer(s.text) {
		return
	}
	k := stripZeroWidth(s.text)
	taken := s.matchKhmerBodies(k)
	defer func() { s.matchKhmerPeople(k, taken) }()
	for _, a := range s.g.khmer {
		for from := 0; ; {
			i := strings.Index(k.plain[from:], a.name)
			if i < 0 {
				break
			}
			start, end := k.orig[from+i], k.orig[from+i+len(a.name)]
			from += i + len(a.name)
			if overlaps(taken, start, end) {
				continue
			}
			taken = append(taken, [2]int{start, end})
			first, last := s.tokensIn(start, end)
			s.add(mention{name: a.canonical, kind: a.kind, start: start, end: end}, first, last)
		}
	}
}

// overlaps reports whether [start, end) overlaps one of the spans.
func overlaps(spans [][2]int, start, end int) bool {
	for _, sp := range spans {
		if start < sp[1] && sp[0] < end {
			return true
		}
	}
	return false
}

// A Khmer person's name that no list holds is found by the word before it:
// an honorific or title (លោក, អ្នកស្រី, ឯកឧត្តម …) or ឈ្មោះ ("named"),
// followed by the name as two words with a space between ("លោក គួច
// ចំរើន", "ឈ្មោះទុន ដារ៉ា"). Longer forms come first, so that លោកស្រី is
// not read as លោក followed by a name ស្រី.
var khmerHonorifics = []string{
	"ព្រះតេជគុណ", "លោកជំទាវ", "លោកស្រី", "អ្នកស្រី", "ឯកឧត្តម", "លោកឧកញ៉ា", "អ្នកឧកញ៉ា",
	"លោកតា", "លោកយាយ", "លោកគ្រូ", "អ្នកគ្រូ", "សម្តេច", "សម្ដេច", "ឧកញ៉ា", "កញ្ញា", "ឈ្មោះ", "លោក",
}

// khmerTitles may stand between the honorific and the name, joined to it
// or not: "លោកឧត្តមសេនីយ៍ត្រី អេង ហ៊ី", "លោកទេសរដ្ឋមន្ត្រី ស៊ុន ចាន់ថុល".
var khmerTitles = []string{
	"ឧត្តមសេនីយ៍ត្រី", "ឧត្តមសេនីយ៍ទោ", "ឧត្តមសេនីយ៍ឯក", "ឧត្តមសេនីយ៍", "វរសេនីយ៍ត្រី", "វរសេនីយ៍ទោ", "វរសេនីយ៍ឯក",
	"ទេសរដ្ឋមន្ត្រី", "រដ្ឋមន្ត្រី", "អនុរដ្ឋលេខាធិការ", "រដ្ឋលេខាធិការ", "បណ្ឌិត", "ឧកញ៉ា", "តេជោ", "ឯកឧត្តម",
}

// khmerNotNames are the words that follow លោក, គាត់'s like, when it is a
// pronoun ("he", "you") or a noun: "លោកបាននិយាយ" (he said), "លោកអ្នក"
// (you), "ពិភពលោក" (the world). A name word starting with one of them is
// no name. Verbs of saying are here too: "លោកបន្តថា" (he went on).
var khmerNotNames = []string{
	"បាន", "និង", "ជា", "នៅ", "ក៏", "ថា", "មាន", "គឺ", "អ្នក", "ត្រូវ", "នឹង", "កំពុង", "ដែល", "មិន", "ពុំ", "ពី",
	"ក្នុង", "ដោយ", "ទៅ", "មក", "ជាមួយ", "ការ", "សេចក្ដី", "សេចក្តី", "បន្ត", "បន្ថែម", "និយាយ", "ថ្លែង", "បញ្ជាក់",
	"អះអាង", "ប្រាប់", "យល់", "លើក", "ចង់", "ធ្លាប់", "សរសេរ", "ឆ្លើយ", "ពន្យល់", "ទាំង", "ខ្លួន", "ផង", "ឯង",
	"នោះ", "នេះ", "ពុក", "ម៉ែ", "ស្រី", "ប្រុស", "ប្រធាន", "មន្ត្រី", "គ្រប់", "ដទៃ", "ទទួល", "សម្តេច", "សម្ដេច",
	"ជំទាវ", "យាយ", "គ្រូ", "ឧកញ៉ា", "ភេទ", "អាយុ", "ម្ចាស់", "ព្រោះ", "អាច", "លក់", "ជឿ", "ទិញ", "រក", "ស្លាប់",
	"រស់", "ធ្វើ", "ឲ្យ", "ឱ្យ", "អោយ",
}

// khmerClosingParticles end a clause, written onto the word before them.
var khmerClosingParticles = []string{"ផងដែរ", "ដែរ", "នោះទេ", "នោះ", "នេះ"}

// khmerNotNameWords are no name when they are the whole word, but start
// names: "លោកតា" (grandfather) is no name, "តាំង" is a surname.
var khmerNotNameWords = map[string]bool{"តា": true}

// khmerSurnamesLikeWords are surnames written as a function word: "លោក ជា
// ស៊ីម" is a name, "លោកជាប្រធាន" (he is the president) is not.
var khmerSurnamesLikeWords = map[string]bool{"ជា": true}

// maxKhmerSurnameBases and maxKhmerGivenBases bound each word of a name, in written syllables (base
// consonants and independent vowels): Khmer text has no spaces between
// words, so the second word of a name may run on into the next ones
// ("សារុនមេបញ្ជាការ"), and a long run is no name.
const (
	maxKhmerSurnameBases = 3
	maxKhmerGivenBases   = 5
)

// matchKhmerPeople adds the people named after an honorific, a title or
// ឈ្មោះ, outside the spans taken by the gazetteer's names. Zero width
// spaces, which some sites put between words and even inside them
// ("អ្នក\u200bស្រី"), are read past: k is the text without them, as
// matchKhmer read it, and they only end a name's last word.
func (s *entityScan) matchKhmerPeople(k zeroWidthFree, taken [][2]int) {
	// A name the text gives a Latin form once ("បូរីស ចនសុន (Boris
	// Johnson)") goes by it at every mention: written is each mention's
	// name as the text writes it, latin the forms found.
	type found struct {
		at      int
		written string
	}
	var mentions []found
	latin := map[string]string{}
	defer func() {
		for _, m := range mentions {
			if l, ok := latin[m.written]; ok {
				s.found[m.at].name = l
			}
		}
	}()
	for _, h := range khmerHonorifics {
		for from := 0; ; {
			i := strings.Index(k.plain[from:], h)
			if i < 0 {
				break
			}
			at := from + i + len(h)
			from = at
			if joinedBefore(k.plain, at-len(h)) {
				continue
			}
			name, start, end, ok := k.nameAt(at)
			if !ok {
				continue
			}
			start, end = k.orig[start], k.orig[end]
			if overlaps(taken, start, end) {
				continue
			}
			taken = append(taken, [2]int{start, end})
			canonical := s.khmerCanonical(name, end)
			if canonical != name && !isKhmer(canonical) {
				latin[name] = canonical
			}
			first, last := s.tokensIn(start, end)
			s.add(mention{name: canonical, kind: kindPerson, start: start, end: end}, first, last)
			mentions = append(mentions, found{at: len(s.found) - 1, written: name})
		}
	}
}

// khmerCanonical is the name a person found after an honorific goes by:
// the gazetteer's, when it lists the name as written ("ហ៊ុន សែន" with zero
// width spaces the gazetteer's match missed), or the Latin form the text
// gives in brackets right after it ("រ៉ូណា ស្មីត (Rhona Smith)").
func (s *entityScan) khmerCanonical(name string, end int) string {
	for _, a := range s.g.khmer {
		if a.kind == kindPerson && a.name == name {
			return a.canonical
		}
	}
	rest := strings.TrimLeft(s.text[end:], " \u200b")
	if strings.HasPrefix(rest, "(") {
		if j := strings.IndexByte(rest, ')'); j > 1 && j < 60 {
			latin := strings.TrimSpace(rest[1:j])
			words := strings.Fields(latin)
			if len(words) >= 2 && len(words) <= 4 && !isKhmer(latin) {
				for _, w := range words {
					if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
						return name
					}
				}
				return strings.Join(words, " ")
			}
		}
	}
	return name
}

// zeroWidthFree is a text without its zero width spaces: orig maps each
// byte offset of plain (and its end) to the text's, and cut marks the
// offsets where one was taken out.
type zeroWidthFree struct {
	plain string
	orig  []int
	cut   []bool
}

func stripZeroWidth(text string) zeroWidthFree {
	const zw = "\u200b"
	var b strings.Builder
	k := zeroWidthFree{orig: make([]int, 0, len(text)+1), cut: make([]bool, 0, len(text)+1)}
	cut := false
	for i := 0; i < len(text); {
		if strings.HasPrefix(text[i:], zw) {
			i += len(zw)
			cut = true
			continue
		}
		b.WriteByte(text[i])
		k.orig = append(k.orig, i)
		k.cut = append(k.cut, cut)
		cut = false
		i++
	}
	k.orig = append(k.orig, len(text))
	k.cut = append(k.cut, cut)
	k.plain = b.String()
	return k
}

// joinedBefore reports whether the honorific at i is the end of a longer
// word: "ពិភពលោក" (world) ends with លោក. In text without spaces it cannot
// be told from "…លោក" after a word, so only a mark or subscript before it
// (inside a syllable) counts, and the nouns that end in លោក.
func joinedBefore(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	if unicode.In(r, unicode.Mn, unicode.Mc) || r == '\u17d2' {
		return true
	}
	for _, w := range []string{"ពិភព", "បរ", "ឥហ", "ទេវ", "មនុស្ស", "ព្រហ្ម"} {
		if strings.HasSuffix(text[:i], w) {
			return true
		}
	}
	return false
}

// nameAt reads a name of two Khmer words at offset at of plain, after an
// honorific: optional titles, then the surname (joined or after spaces),
// one space, and the given name up to the next space, zero width space or
// punctuation.
func (k zeroWidthFree) nameAt(at int) (name string, start, end int, ok bool) {
	text := k.plain
	for {
		rest := strings.TrimLeft(text[at:], " ")
		skipped := false
		for _, t := range khmerTitles {
			if strings.HasPrefix(rest, t) {
				at = len(text) - len(rest) + len(t)
				skipped = true
				break
			}
		}
		if !skipped {
			break
		}
	}
	start = len(text) - len(strings.TrimLeft(text[at:], " "))
	if name, end, ok := latinNameAt(text, start); ok {
		return name, start, end, true
	}
	j := k.wordEnd(start)
	surname := text[start:j]
	if surname == "" || KhmerSyllables(surname) > maxKhmerSurnameBases || notName(surname) {
		return "", 0, 0, false
	}
	// One space between the two words.
	if j+1 >= len(text) || text[j] != ' ' || text[j+1] == ' ' {
		return "", 0, 0, false
	}
	end = k.wordEnd(j + 1)
	// The given name runs on to the next space when words are not spaced:
	// it ends where a zero width space puts a word that is no name
	// ("ហ៊ី\u200bបាន\u200bបដិសេធ"); one may also split a name's syllables
	// ("ប៊ុន\u200bថេ\u200bង"), so a zero width space alone does not end it.
	for c := j + 2; c < end; c++ {
		if k.cut[c] && notName(text[c:end]) {
			end = c
			break
		}
	}
	// Particles that close a clause are no part of a name: "ត្រាំដែរ" (Trump
	// too).
	for _, p := range khmerClosingParticles {
		if strings.HasSuffix(text[j+1:end], p) && KhmerSyllables(text[j+1:end-len(p)]) > 0 {
			end -= len(p)
			break
		}
	}
	given := text[j+1 : end]
	if given == "" || KhmerSyllables(given) > maxKhmerGivenBases || notName(given) {
		return "", 0, 0, false
	}
	return surname + " " + given, start, end, true
}

// maxLatinNameWords bounds a name in Latin letters after a Khmer honorific
// ("ឈ្មោះ Phorn Sophal", "លោក Jean-Claude Juncker").
const maxLatinNameWords = 3

// latinNameAt reads two or three capitalised words in Latin letters at
// offset i, each a capital, then lower-case letters and hyphens, with one
// space between: a company after ឈ្មោះ ("named") is written in capitals
// or with a lower-case word, and is no person.
func latinNameAt(text string, i int) (string, int, bool) {
	var words []string
	end := i
	for j := i; len(words) < maxLatinNameWords; {
		e := j
		for e < len(text) && (text[e] >= 'a' && text[e] <= 'z' || text[e] >= 'A' && text[e] <= 'Z' || text[e] == '-') {
			e++
		}
		w := text[j:e]
		if len(w) < 2 || w[0] < 'A' || w[0] > 'Z' || strings.ToLower(w[1:]) != w[1:] {
			break
		}
		words, end = append(words, w), e
		if e+1 >= len(text) || text[e] != ' ' {
			break
		}
		j = e + 1
	}
	if len(words) < 2 {
		return "", 0, false
	}
	return strings.Join(words, " "), end, true
}

// wordEnd is where the run of Khmer letters and marks at offset i ends:
// at a space, punctuation (។ ៖ ៕), a digit or another script.
func (k zeroWidthFree) wordEnd(i int) int {
	j := i
	for j < len(k.plain) {
		r, w := utf8.DecodeRuneInString(k.plain[j:])
		if r < 0x1780 || r > 0x17DD || r == 0x17D4 || r == 0x17D5 || r == 0x17D6 || r == 0x17DA {
			break
		}
		j += w
	}
	return j
}

// KhmerSyllables counts the written syllables of Khmer text: its
// consonants and independent vowels that are not subscripts (after the
// coeng sign). Khmer writes no spaces between words, so this is what
// measures a name's word, or a quotation's length.
func KhmerSyllables(w string) int {
	n := 0
	prev := rune(0)
	for _, r := range w {
		if r >= 0x1780 && r <= 0x17B3 && prev != 0x17D2 {
			n++
		}
		prev = r
	}
	return n
}

// notName reports whether a name word starts with a word that is no name.
func notName(w string) bool {
	if khmerSurnamesLikeWords[w] {
		return false
	}
	if khmerNotNameWords[w] {
		return true
	}
	for _, f := range khmerNotNames {
		if strings.HasPrefix(w, f) {
			return true
		}
	}
	for _, h := range khmerHonorifics {
		if strings.HasPrefix(w, h) {
			return true
		}
	}
	return false
}
