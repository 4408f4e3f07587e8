package indexer

//go:generate go run langprofiles_gen.go

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
)

// minLangLetters is the text length below which language detection is a
// guess; whatlanggo's confidence is unreliable on a few words of Latin
// script. Khmer is detected from its script alone, so it passes earlier.
const minLangLetters = 40

// langSample bounds the text given to whatlanggo: on long texts its trigram
// distances overflow and the confidence turns negative (seen at 5 KB of
// English), and the opening of a statement tells its language anyway.
// 500 bytes is still about 80 words.
const langSample = 500

// detectLang returns an ISO 639-1 code, or "" when the text is too short or
// the detector is unsure.
func detectLang(text string) string {
	if len(text) > langSample {
		cut := strings.LastIndexByte(text[:langSample], ' ')
		if cut <= 0 {
			cut = langSample
		}
		text = strings.ToValidUTF8(text[:cut], "")
	}
	letters, latinOnly := 0, true
	for _, r := range text {
		if isLetter(r) {
			letters++
			latinOnly = latinOnly && r < utf8.RuneSelf
		}
	}
	lang, confidence := language(text, latinOnly)
	if lang == whatlanggo.Khm && letters > 0 {
		return lang.Iso6391()
	}
	if letters < minLangLetters || confidence <= whatlanggo.ReliableConfidenceThreshold {
		return ""
	}
	return lang.Iso6391()
}

// language returns the language and confidence whatlanggo.Detect gives.
// Text in Latin script, nearly all of the corpus, is scored by latinLang,
// which reaches the same result several times faster: on a 500-byte sample
// detection takes about 135 us against whatlanggo.Detect's 750 us, when
// whatlanggo took half of all extraction time. asciiLetters says that every
// letter of text is ASCII, so Latin, without whatlanggo counting scripts.
func language(text string, asciiLetters bool) (whatlanggo.Lang, float64) {
	if asciiLetters || whatlanggo.DetectScript(text) == unicode.Latin {
		return latinLang(text)
	}
	info := whatlanggo.Detect(text)
	return info.Lang, info.Confidence
}

// Constants of whatlanggo's scoring: a profile trigram missing from the
// text counts maxTrigramDistance, and a language's score is
// maxTotalDistance less its distance.
const (
	maxTrigramDistance = 300
	maxTotalDistance   = 90000
)

// trigram is three lower-cased characters, punctuation, symbols and digits
// read as spaces, packed 21 bits each (a rune needs no more), the first
// character highest. Packed, trigrams compare in the order of their
// characters, which is also the order of their UTF-8 bytes, and make cheap
// map keys.
type trigram uint64

func packTrigram(a, b, c rune) trigram { return trigram(a)<<42 | trigram(b)<<21 | trigram(c) }

// langProfile is one language's trigrams, most frequent first.
type langProfile struct {
	lang     whatlanggo.Lang
	trigrams []string
}

// profileRank is where a trigram stands in one of latinProfiles.
type profileRank struct{ profile, rank int }

// latinIndex maps each trigram to where it stands in latinProfiles, so that
// a text's few hundred trigrams are looked up once each instead of every
// language's 300 trigrams being looked up in the text. It is built on first
// use and only read afterwards.
var latinIndex = sync.OnceValue(func() map[trigram][]profileRank {
	index := map[trigram][]profileRank{}
	for p, profile := range latinProfiles {
		for rank, s := range profile.trigrams {
			// A text's trigrams are three characters; another length
			// never matches one, just as in whatlanggo.
			if r := []rune(s); len(r) == 3 {
				t := packTrigram(r[0], r[1], r[2])
				index[t] = append(index[t], profileRank{p, rank})
			}
		}
	}
	return index
})

// latinLang ranks the Latin-script languages as whatlanggo does (its
// detectLangInProfiles and calculateConfidence): a language's distance sums,
// over its profile's trigrams, how far the trigram's rank in the text is
// from its rank in the profile, or maxTrigramDistance when the text lacks
// it; the nearest language wins, with a confidence from how far ahead of
// the next it is. Where whatlanggo breaks a tie for the nearest at random,
// the confidence is 0 either way.
func latinLang(text string) (whatlanggo.Lang, float64) {
	ranked := rankedTrigrams(text)
	dist := make([]int, len(latinProfiles))
	for p, profile := range latinProfiles {
		dist[p] = maxTrigramDistance * len(profile.trigrams)
	}
	index := latinIndex()
	for rank, t := range ranked {
		for _, at := range index[t] {
			dist[at.profile] -= maxTrigramDistance - abs(rank-at.rank)
		}
	}
	best, second := -1, -1
	for p := range dist {
		switch {
		case best < 0 || dist[p] < dist[best]:
			best, second = p, best
		case second < 0 || dist[p] < dist[second]:
			second = p
		}
	}
	score1 := maxTotalDistance - dist[best]
	score2 := maxTotalDistance - dist[second]
	switch {
	case score1 == 0:
		return -1, 0
	case score2 == 0:
		// whatlanggo divides in integers here, so the confidence is 0 or 1.
		return latinProfiles[best].lang, min(float64(score1/500), 1)
	}
	rate := float64(score1-score2) / float64(score2)
	confidentRate := 12.0/float64(len(ranked)) + 0.05
	if rate > confidentRate {
		return latinProfiles[best].lang, 1
	}
	return latinProfiles[best].lang, rate / confidentRate
}

// rankedTrigrams returns the text's distinct trigrams, most frequent first,
// ties in reverse byte order, as whatlanggo's getTrigramsWithPositions ranks
// them.
func rankedTrigrams(text string) []trigram {
	counts := make(map[trigram]int, len(text)) // at most one trigram a byte
	prev2, prev := ' ', ' '
	first := true
	for _, r := range text {
		r = unicode.ToLower(trigramChar(r))
		if first {
			prev, first = r, false
			continue
		}
		countTrigram(counts, prev2, prev, r)
		prev2, prev = prev, r
	}
	if !first {
		countTrigram(counts, prev2, prev, ' ') // whatlanggo pads the end
	}
	type counted struct {
		t trigram
		n int
	}
	byCount := make([]counted, 0, len(counts))
	for t, n := range counts {
		byCount = append(byCount, counted{t, n})
	}
	slices.SortFunc(byCount, func(a, b counted) int {
		if a.n != b.n {
			return b.n - a.n
		}
		return cmp.Compare(b.t, a.t)
	})
	ranked := make([]trigram, len(byCount))
	for i, c := range byCount {
		ranked[i] = c.t
	}
	return ranked
}

// countTrigram counts a trigram unless it is a lone space or a space
// before or after a space, as whatlanggo does.
func countTrigram(counts map[trigram]int, a, b, c rune) {
	if b == ' ' && (a == ' ' || c == ' ') {
		return
	}
	counts[packTrigram(a, b, c)]++
}

// trigramChar reads punctuation, symbols, digits and spaces as a space.
func trigramChar(r rune) rune {
	if unicode.IsSymbol(r) || unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsDigit(r) {
		return ' '
	}
	return r
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
