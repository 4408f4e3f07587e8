package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Feature templates. Each feature is a 64-bit FNV-1a hash of its template
// and its values, so that features need no vocabulary: a model stores only
// the hashes training gave a weight. The numbers are part of the model
// format; change them only with a retrained model.
const (
	fBias byte = iota + 1
	fLower
	fShape
	fPrefix
	fSuffix
	fPrev1
	fNext1
	fPrev2
	fNext2
	fPrevShape
	fNextShape
	fPrevBigram
	fNextBigram
	fShapeTrigram
	fFirstShape
	fKnown
	fKnownPrev
	fKnownNext
	fTitleLineShape
	fCased
)

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	// A separator, so that ("ab", "c") and ("a", "bc") differ.
	h ^= 0xff
	h *= fnvPrime
	return h
}

func feature(t byte, a string) uint64 {
	h := uint64(fnvOffset)
	h ^= uint64(t)
	h *= fnvPrime
	return hashString(h, a)
}

func feature2(t byte, a, b string) uint64 { return hashString(feature(t, a), b) }

func feature3(t byte, a, b, c string) uint64 { return hashString(feature2(t, a, b), c) }

// word is a token as the features see it.
type word struct {
	lower, shape, cased string
	known               string // "B-ORG", "I-PER" … for a known name, "" else
}

// Boundary words stand before the first and after the last word of a
// sentence.
var (
	sentenceStart = word{lower: "<s>", shape: "<s>"}
	sentenceEnd   = word{lower: "</s>", shape: "</s>"}
)

// shape maps a word to its pattern: capitals to X, small letters to x,
// digits to d, other characters kept, repeats collapsed ("Sokha" → "Xx",
// "U.S." → "X.X.", "2023-06-14" → "d-d-d", "McDonald" → "XxXx").
func shape(w string) string {
	var buf [32]byte
	b := buf[:0]
	var last rune
	for _, r := range w {
		c := r
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r) || unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		}
		if c != last {
			b = utf8.AppendRune(b, c)
			last = c
		}
	}
	// The common shapes come back as constants: a shape is made for every
	// word, and allocating each was a third of Tag's allocations.
	switch string(b) {
	case "x":
		return "x"
	case "Xx":
		return "Xx"
	case "X":
		return "X"
	case "d":
		return "d"
	case ".":
		return "."
	case ",":
		return ","
	}
	return string(b)
}

// affixes are the prefix and suffix lengths, in runes, that are features.
var affixes = [...]int{1, 2, 3, 4}

// features appends the feature hashes of word i of sentence ws to dst.
// titleLine says that the sentence is a heading written in title case,
// where capitals prove little.
func features(dst []uint64, ws []word, i int, titleLine bool) []uint64 {
	at := func(j int) word {
		switch {
		case j < 0:
			return sentenceStart
		case j >= len(ws):
			return sentenceEnd
		}
		return ws[j]
	}
	w, p1, n1, p2, n2 := ws[i], at(i-1), at(i+1), at(i-2), at(i+2)
	dst = append(dst,
		feature(fBias, ""),
		feature(fLower, w.lower),
		feature(fCased, w.cased),
		feature(fShape, w.shape),
		feature(fPrev1, p1.lower),
		feature(fNext1, n1.lower),
		feature(fPrev2, p2.lower),
		feature(fNext2, n2.lower),
		feature(fPrevShape, p1.shape),
		feature(fNextShape, n1.shape),
		feature2(fPrevBigram, p1.lower, w.lower),
		feature2(fNextBigram, w.lower, n1.lower),
		feature3(fShapeTrigram, p1.shape, w.shape, n1.shape),
		feature(fKnown, w.known),
		feature2(fKnownPrev, p1.known, w.shape),
		feature2(fKnownNext, n1.known, w.shape),
	)
	if i == 0 {
		dst = append(dst, feature(fFirstShape, w.shape))
	}
	if titleLine {
		dst = append(dst, feature(fTitleLineShape, w.shape))
	}
	n := utf8.RuneCountInString(w.lower)
	for _, k := range affixes {
		if k >= n {
			break
		}
		dst = append(dst, feature2(fPrefix, string(rune('0'+k)), prefixRunes(w.lower, k)), feature2(fSuffix, string(rune('0'+k)), suffixRunes(w.lower, k)))
	}
	return dst
}

func prefixRunes(s string, k int) string {
	for i := range s {
		if k == 0 {
			return s[:i]
		}
		k--
	}
	return s
}

func suffixRunes(s string, k int) string {
	i := len(s)
	for ; k > 0 && i > 0; k-- {
		_, n := utf8.DecodeLastRuneInString(s[:i])
		i -= n
	}
	return s[i:]
}

// isTitleLine reports whether a sentence is a heading in title case: at
// least four words of four letters or more, all capitalised.
func isTitleLine(ws []word) bool {
	long := 0
	for _, w := range ws {
		if len(w.lower) < 4 || !strings.ContainsAny(w.shape, "Xx") {
			continue
		}
		if w.shape[0] != 'X' {
			return false
		}
		long++
	}
	return long >= 4
}

// words prepares the tokens of one sentence for the features; known holds
// the BIO label of a known name per token, "" for none.
func words(toks []token, known []string) []word {
	return wordsInto(make([]word, len(toks)), toks, known)
}

// wordsInto is words writing into ws, which is as long as toks.
func wordsInto(ws []word, toks []token, known []string) []word {
	for i, t := range toks {
		ws[i] = word{lower: strings.ToLower(t.text), shape: shape(t.text), cased: t.text}
		if known != nil {
			ws[i].known = known[i]
		}
	}
	return ws
}
