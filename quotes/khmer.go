package quotes

import (
	"strings"
	"unicode"

	"github.com/advosearch/advosearch/entities"
)

// Khmer reports speech with a verb that ends in ថា ("that") before the
// quotation: "លោក គឹម សុខ យល់ថា … ៖ «…»", "X បានមានប្រសាសន៍ថា «…»", or
// with "… ដូច្នេះ" ("thus"), and names the speaker first, as the verb's
// subject. A pronoun subject (លោក he, អ្នកស្រី she, គាត់) or "this
// official" (… រូបនេះ) is the last person named before it. After the
// quotation, "… បញ្ជាក់ដូច្នេះ" (X stated thus) or "នេះបើតាម X" (according
// to X) names the speaker instead. There are no spaces between Khmer words,
// so verbs are matched as written.

// khmerSpeechVerbs come before ថា or ដូច្នេះ when someone is reported.
var khmerSpeechVerbs = []string{
	"និយាយ", "មានប្រសាសន៍", "ថ្លែង", "បញ្ជាក់", "សរសេរ", "អះអាង", "បន្ត", "បន្ថែម", "ប្រាប់", "លើកឡើង",
	"យល់", "ពន្យល់", "បដិសេធ", "ឆ្លើយ", "ព្រមាន", "ទាមទារ", "អំពាវនាវ", "សារភាព", "រៀបរាប់", "ស្នើ",
	"ប្រកាស", "សរសើរ", "រិះគន់", "ថ្កោលទោស", "ចោទ", "សួរ", "ឆ្លើយតប", "បញ្ចេញមតិ", "ពោល", "ដូច្នេះ",
}

// khmerPronouns stand for a person named before; the first four are a
// woman.
var khmerPronouns = []string{"អ្នកស្រី", "លោកស្រី", "នាង", "កញ្ញា", "លោក", "គាត់", "រូបនេះ", "រូបនោះ"}

const (
	khmerFemalePronouns = 4
	// maxKhmerLookBack bounds, in bytes, how far before a quotation its
	// reporting clause is looked for (Khmer letters are three bytes).
	maxKhmerLookBack = 1500
	// maxKhmerSentencesBack is how many sentences before the quotation's
	// own may hold the verb: "X បន្តថា …។ ផ្ទុយទៅវិញ … ៖ «…»".
	maxKhmerSentencesBack = 2
)

// khmerSpeaker attributes spans[i] when the words before it are Khmer; ok
// is false for other text.
func (a *attributor) khmerSpeaker(i int) (resolved, bool) {
	sp := a.spans[i]
	lo := max(0, sp.open-maxKhmerLookBack)
	if i > 0 {
		lo = max(lo, a.spans[i-1].close)
	}
	if !hasKhmer(a.text[max(lo, sp.open-300):sp.open]) && !hasKhmer(a.text[sp.close:min(len(a.text), sp.close+120)]) {
		return resolved{}, false
	}
	end := sp.open
	for n := 0; n <= maxKhmerSentencesBack && end > lo; {
		start := khmerSentenceStart(a.text, lo, end)
		if cue := khmerCue(a.text[start:end]); cue >= 0 {
			return a.khmerSubject(start, start+cue), true
		}
		if strings.TrimSpace(strings.ReplaceAll(a.text[start:end], "\u200b", "")) != "" {
			n++ // blank lines between paragraphs are no sentence
		}
		end = khmerStepBack(a.text, lo, start)
	}
	return a.khmerAfter(sp.close), true
}

func hasKhmer(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Khmer, r) {
			return true
		}
	}
	return false
}

// khmerStepBack is the end of the sentence before the one starting at
// start: before its ។ or ៕, or its line break; lo when there is none.
func khmerStepBack(text string, lo, start int) int {
	for _, sep := range []string{"។", "៕", "\n"} {
		if start-len(sep) >= lo && strings.HasSuffix(text[:start], sep) {
			return start - len(sep)
		}
	}
	return lo
}

// khmerSentenceStart is where the sentence holding offset end starts, not
// before lo.
func khmerSentenceStart(text string, lo, end int) int {
	start := lo
	for _, sep := range []string{"\n", "។", "៕"} {
		if k := strings.LastIndex(text[lo:end], sep); k >= 0 {
			start = max(start, lo+k+len(sep))
		}
	}
	return start
}

// khmerCue is the offset in s of the first verb of saying that reports
// (a known verb before ថា or ដូច្នេះ, or ថា ending a word), or -1.
func khmerCue(text string) int {
	// Verbs are matched without the zero width spaces some sites put
	// inside words ("មាន\u200bប្រសាសន៍").
	var b strings.Builder
	orig := make([]int, 0, len(text))
	for i := 0; i < len(text); {
		if strings.HasPrefix(text[i:], "\u200b") {
			i += len("\u200b")
			continue
		}
		b.WriteByte(text[i])
		orig = append(orig, i)
		i++
	}
	s := b.String()
	if cue := khmerCueIn(s); cue >= 0 {
		return orig[cue]
	}
	return -1
}

// khmerCueIn is khmerCue over text without zero width spaces.
func khmerCueIn(s string) int {
	best := -1
	for _, v := range khmerSpeechVerbs {
		for from := 0; ; {
			k := strings.Index(s[from:], v)
			if k < 0 {
				break
			}
			at := from + k
			from = at + len(v)
			rest := strings.TrimLeft(s[from:], " ")
			rest = strings.TrimPrefix(rest, "យ៉ាង")
			if v == "ដូច្នេះ" || strings.HasPrefix(rest, "ថា") || strings.HasPrefix(rest, "ដូច្នេះ") {
				if best < 0 || at < best {
					best = at
				}
				break
			}
		}
	}
	// ថា ending a word: "… ក្នុងគណនីហ្វេសប៊ុករបស់អ្នកស្រីថា “…”".
	for from := 0; ; {
		k := strings.Index(s[from:], "ថា")
		if k < 0 {
			break
		}
		at := from + k
		from = at + len("ថា")
		next := s[from:]
		if next == "" || strings.HasPrefix(next, " ") || strings.HasPrefix(next, "៖") || strings.HasPrefix(next, ":") {
			if best < 0 || at < best {
				best = at
			}
			break
		}
	}
	return best
}

// khmerSubject is the speaker named as the subject in text[start:verb]: the
// first person there, else the person a pronoun stands for, else the
// first organization; unnamed when the subject is a noun ("the memo").
func (a *attributor) khmerSubject(start, verb int) resolved {
	ms := a.mentionsIn(start, verb)
	for _, m := range ms {
		if m.kind == kindPerson {
			return resolved{name: m.name, kind: m.kind}
		}
	}
	subject := strings.ReplaceAll(a.text[start:verb], "\u200b", "")
	for k, p := range khmerPronouns {
		if strings.Contains(subject, p) {
			if m, ok := a.lastPersonBefore(start, k < khmerFemalePronouns); ok {
				return resolved{name: m.name, kind: m.kind}
			}
			break
		}
	}
	for _, m := range ms {
		if m.kind == kindOrg {
			return resolved{name: m.name, kind: m.kind}
		}
	}
	return resolved{unnamed: true}
}

// lastPersonBefore is the last person named before offset at outside
// quotations; for a woman's pronoun, the last one named as a woman.
func (a *attributor) lastPersonBefore(at int, female bool) (mention, bool) {
	for k := len(a.mentions) - 1; k >= 0; k-- {
		m := a.mentions[k]
		if m.start >= at || m.inQuote || m.kind != kindPerson {
			continue
		}
		if female == a.namedAsWoman(m) {
			return m, true
		}
	}
	return mention{}, false
}

// namedAsWoman reports whether a woman's honorific stands right before m.
func (a *attributor) namedAsWoman(m mention) bool {
	before := strings.TrimRight(strings.ReplaceAll(a.text[max(0, m.start-40):m.start], "\u200b", ""), " ")
	for _, p := range khmerPronouns[:khmerFemalePronouns] {
		if strings.HasSuffix(before, p) {
			return true
		}
	}
	return false
}

// khmerAfter reads the sentence after a quotation: "«…»។ ក្រសួង…
// បញ្ជាក់ដូច្នេះ។" or "«…» នេះបើតាម X".
func (a *attributor) khmerAfter(close int) resolved {
	rest := a.text[close:min(len(a.text), close+600)]
	trimmed := strings.TrimLeft(rest, " \u200b\n។")
	from := close + len(rest) - len(trimmed)
	end := from + len(trimmed)
	for _, sep := range []string{"។", "\n", "«", "“"} {
		if k := strings.Index(trimmed, sep); k >= 0 {
			end = min(end, from+k)
		}
	}
	s := a.text[from:end]
	if k := strings.Index(s, "បើតាម"); k >= 0 {
		for _, m := range a.mentionsIn(from+k, end) {
			return resolved{name: m.name, kind: m.kind}
		}
	}
	if strings.Contains(s, "ដូច្នេះ") {
		if ms := a.mentionsIn(from, end); len(ms) > 0 {
			return resolved{name: ms[0].name, kind: ms[0].kind}
		}
	}
	return resolved{}
}

// khmerQuote reports whether the quotation opened just before offset after
// is in Khmer: a Khmer letter comes within its first words.
func khmerQuote(text string, after int) bool {
	// A Latin acronym may come first: "« WTO\u200bត្រូវ\u200bចប់ …».
	for _, r := range text[after:min(len(text), after+64)] {
		if unicode.Is(unicode.Khmer, r) {
			return true
		}
	}
	return false
}

// khmerQuoteFactor widens maxQuoteBytes for a Khmer quotation: its letters
// take three bytes where Latin ones take one or two.
const khmerQuoteFactor = 3

// maxBytes is how far on a mark may still be closed.
func (m openMark) maxBytes() int {
	if m.khmer {
		return khmerQuoteFactor * maxQuoteBytes
	}
	return maxQuoteBytes
}

// khmerOpen reports whether the only open mark opened a Khmer quotation,
// which a paragraph break does not end: Khmer news runs a quotation over
// several paragraphs and closes it once, after the last.
func (s *scanner) khmerOpen() bool {
	return len(s.stack) == 1 && s.stack[0].khmer
}

// khmerSyllablesPerWord is about how many written syllables a Khmer word
// has, to count the words of text written without spaces between them.
const khmerSyllablesPerWord = 2

// khmerWords counts the words of one space-separated field: 1, unless it
// is Khmer, which runs words together: then the pieces between zero width
// spaces when the text has them, else its syllables over
// khmerSyllablesPerWord.
func khmerWords(f string) int {
	if !hasKhmer(f) {
		return 1
	}
	if strings.Contains(f, "\u200b") {
		n := 0
		for _, piece := range strings.Split(f, "\u200b") {
			if strings.IndexFunc(piece, isWordRune) >= 0 {
				n++
			}
		}
		return max(1, n)
	}
	return max(1, entities.KhmerSyllables(f)/khmerSyllablesPerWord)
}
