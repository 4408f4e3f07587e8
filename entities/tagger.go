package entities

import (
	"math"
	"slices"
	"strings"
)

// Tag finds the names in text. known are names the caller already
// recognised (gazetteer matches, in any order); they guide the tagger as
// features but are not copied into the result, so the caller decides which
// of two readings wins. Spans come in text order and never overlap.
//
// Tag reads text as running prose: give it a statement's main text, not a
// page with its menus and footers.
func (m *Model) Tag(text string, known []Span) []Span {
	toks, sents := tokenize(text)
	labels := knownLabels(toks, known)
	var spans []Span
	var sc scratch
	for s, from := range sents {
		to := len(toks)
		if s+1 < len(sents) {
			to = sents[s+1]
		}
		var kl []string
		if labels != nil {
			kl = labels[from:to]
		}
		em, tags := m.decode(toks[from:to], kl, &sc)
		for i := 0; i < len(tags); i++ {
			if tags[i] == 0 {
				continue
			}
			j := i + 1
			for j < len(tags) && tags[j] == inside(tags[i].kind()) {
				j++
			}
			spans = append(spans, Span{Start: toks[from+i].start, End: toks[from+j-1].end, Kind: tags[i].kind(), Margin: m.margin(em, tags, i, j)})
			i = j - 1
		}
	}
	return spans
}

// TagWords labels words already split into tokens, as a corpus gives them:
// one BIO label ("B-PER", "I-ORG", "O") per word. known, if not nil, holds a
// BIO label per word for the names the caller knows.
func (m *Model) TagWords(ws []string, known []string) []string {
	toks := make([]token, len(ws))
	for i, w := range ws {
		toks[i] = token{text: foldApostrophe(w)}
	}
	var sc scratch
	_, tags := m.decode(toks, known, &sc)
	out := make([]string, len(tags))
	for i, t := range tags {
		out[i] = t.String()
	}
	return out
}

// String returns the BIO label.
func (t tag) String() string {
	switch {
	case t == 0:
		return "O"
	case t.isBegin():
		return "B-" + t.kind().String()
	}
	return "I-" + t.kind().String()
}

// parseTag reads a BIO label; labels of other kinds (MISC) are O.
func parseTag(label string) tag {
	if len(label) < 3 || label[1] != '-' {
		return 0
	}
	k := KindOf(label[2:])
	switch {
	case k == None:
		return 0
	case label[0] == 'B':
		return begin(k)
	case label[0] == 'I':
		return inside(k)
	}
	return 0
}

// knownLabels gives each token the BIO label of the known span covering
// it, or nil when there are none.
func knownLabels(toks []token, known []Span) []string {
	if len(known) == 0 {
		return nil
	}
	spans := slices.Clone(known)
	slices.SortFunc(spans, func(a, b Span) int { return a.Start - b.Start })
	labels := make([]string, len(toks))
	k := 0
	for i, t := range toks {
		for k < len(spans) && spans[k].End <= t.start {
			k++
		}
		if k == len(spans) {
			break
		}
		sp := spans[k]
		if sp.Kind == None || t.start < sp.Start || t.end > sp.End {
			continue
		}
		if i > 0 && toks[i-1].start >= sp.Start {
			labels[i] = inside(sp.Kind).String()
		} else {
			labels[i] = begin(sp.Kind).String()
		}
	}
	return labels
}

// scratch is the working memory of tagging one text, reused from
// sentence to sentence: allocating it per sentence doubled what tagging
// allocated.
type scratch struct {
	ws    []word
	em    [][numTags]float32
	score [][numTags]float32
	back  [][numTags]uint8
	tags  []tag
	feats []uint64
}

// resize returns s with length n, reusing its array when it is big enough;
// the contents are not cleared.
func resize[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]T, n, n+n/2)
}

// decode tags one sentence: the emission scores and the best tags, both
// in sc until the next call.
func (m *Model) decode(toks []token, known []string, sc *scratch) ([][numTags]float32, []tag) {
	sc.ws = wordsInto(resize(sc.ws, len(toks)), toks, known)
	sc.em = m.emissions(sc.ws, resize(sc.em, len(toks)), &sc.feats)
	sc.score, sc.back, sc.tags = resize(sc.score, len(toks)), resize(sc.back, len(toks)), resize(sc.tags, len(toks))
	return sc.em, viterbi(sc.em, &m.trans, sc.score, sc.back, sc.tags)
}

// emissions scores every tag for every word of a sentence into scores.
// feats is scratch space.
func (m *Model) emissions(ws []word, scores [][numTags]float32, feats *[]uint64) [][numTags]float32 {
	title := isTitleLine(ws)
	for i := range ws {
		scores[i] = [numTags]float32{}
		if !m.mayBeName(ws, i) {
			// Only O: a name here would have to be written in lower case.
			for t := 1; t < numTags; t++ {
				scores[i][t] = notAName
			}
			continue
		}
		*feats = features((*feats)[:0], ws, i, title)
		for _, f := range *feats {
			row := m.feats.get(f)
			if row == nil {
				continue
			}
			for t := range numTags {
				scores[i][t] += row[t]
			}
		}
	}
	return scores
}

// margin is the score of the tags minus the score of the same tags with
// [i, j) set to O: both are valid sequences, so the difference is the
// evidence for the name, emissions and transitions around it included.
func (m *Model) margin(em [][numTags]float32, tags []tag, i, j int) float32 {
	start := tag(numTags) // the row of the sentence start
	if i > 0 {
		start = tags[i-1]
	}
	with := m.trans[start][tags[i]]
	without := m.trans[start][0]
	for k := i; k < j; k++ {
		with += em[k][tags[k]]
		without += em[k][0]
		if k > i {
			with += m.trans[tags[k-1]][tags[k]]
			without += m.trans[0][0]
		}
	}
	if j < len(tags) {
		with += m.trans[tags[j-1]][tags[j]]
		without += m.trans[0][tags[j]]
	}
	return with - without
}

// notAName is the emission score of a name tag where mayBeName rules one
// out: low enough that no path through it wins, finite so sums stay sums.
const notAName = -1e6

// mayBeName reports whether word i could be part of a name: it, or a word
// next to it, has a capital letter ("of" in "Bank of America"). Other words
// are taken as O without scoring them, which halves the cost of tagging
// prose; the corpora's few names in lower case ("tampa bay", in web
// comments) are the price.
func (m *Model) mayBeName(ws []word, i int) bool {
	for j := max(i-1, 0); j <= i+1 && j < len(ws); j++ {
		if strings.IndexByte(ws[j].shape, 'X') >= 0 {
			return true
		}
	}
	return false
}

// viterbi returns the best tag sequence under emission and transition
// scores, allowing I-X only after B-X or I-X. score, back and out are its
// working memory, each as long as em; the result is out.
func viterbi[F float32 | float64](em [][numTags]F, trans *[numTags + 1][numTags]F, score [][numTags]F, back [][numTags]uint8, out []tag) []tag {
	n := len(em)
	if n == 0 {
		return nil
	}
	negInf := F(math.Inf(-1))
	for t := range numTags {
		score[0][t] = negInf
		if valid(0, tag(t)) {
			score[0][t] = em[0][t] + trans[numTags][t]
		}
	}
	for i := 1; i < n; i++ {
		for t := range numTags {
			if em[i][t] <= notAName {
				// A word mayBeName ruled out: only O can win here.
				score[i][t] = negInf
				continue
			}
			best, arg := negInf, 0
			for p := range numTags {
				if !validAfter[p][t] || score[i-1][p] == negInf {
					continue
				}
				if s := score[i-1][p] + trans[p][t]; s > best {
					best, arg = s, p
				}
			}
			score[i][t] = best + em[i][t]
			back[i][t] = uint8(arg)
		}
	}
	best := 0
	for t := range numTags {
		if score[n-1][t] > score[n-1][best] {
			best = t
		}
	}
	for i := n - 1; i >= 0; i-- {
		out[i] = tag(best)
		best = int(back[i][best])
	}
	return out
}
