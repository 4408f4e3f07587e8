package entities

import (
	"fmt"
	"math/rand/v2"
)

// Sentence is one annotated sentence of a training corpus: its words as the
// corpus split them, a BIO label per word ("B-PER", "I-ORG", "O"; other
// kinds such as MISC read as O), and, optionally, a BIO label per word for
// the names a gazetteer knows.
type Sentence struct {
	Words, Labels, Known []string
}

// TrainOptions tune Train. The zero value means the defaults.
type TrainOptions struct {
	// Epochs is how many passes over the data; 0 means DefaultEpochs.
	Epochs int
	// Seed orders the sentences of each pass; the same seed and data give
	// the same model.
	Seed uint64
	// Progress, if not nil, is called after each pass.
	Progress func(epoch, mistakes int)
	// Prune drops the features whose averaged weights all lie within
	// ±Prune: they barely move a score, and every feature kept costs a
	// slot in the table that decoding looks features up in.
	Prune float32
}

// DefaultEpochs: more passes stopped helping on held-out text.
const DefaultEpochs = 10

// Train fits a model with the averaged structured perceptron (Collins
// 2002): decode each sentence with the current weights and, where the best
// sequence differs from the gold one, move the weights of the gold
// sequence's features up and the decoded one's down. The averaged weights
// are kept, which generalise far better than the last ones.
func Train(sents []Sentence, opts TrainOptions) (*Model, error) {
	if opts.Epochs <= 0 {
		opts.Epochs = DefaultEpochs
	}
	type example struct {
		feats [][]uint64
		gold  []tag
	}
	examples := make([]example, 0, len(sents))
	for n, s := range sents {
		if len(s.Words) != len(s.Labels) || (s.Known != nil && len(s.Known) != len(s.Words)) {
			return nil, fmt.Errorf("entities: train: sentence %d: %d words, %d labels, %d known", n, len(s.Words), len(s.Labels), len(s.Known))
		}
		if len(s.Words) == 0 {
			continue
		}
		toks := make([]token, len(s.Words))
		for i, w := range s.Words {
			toks[i] = token{text: foldApostrophe(w)}
		}
		ws := words(toks, s.Known)
		title := isTitleLine(ws)
		ex := example{feats: make([][]uint64, len(ws)), gold: make([]tag, len(ws))}
		for i := range ws {
			ex.feats[i] = features(nil, ws, i, title)
			ex.gold[i] = parseTag(s.Labels[i])
			// A corpus in IOB1 starts a name with I-; read it as B-.
			if i == 0 || !valid(ex.gold[i-1], ex.gold[i]) {
				if ex.gold[i] != 0 && !ex.gold[i].isBegin() && (i == 0 || ex.gold[i-1].kind() != ex.gold[i].kind()) {
					ex.gold[i] = begin(ex.gold[i].kind())
				}
			}
		}
		examples = append(examples, ex)
	}

	p := newPerceptron()
	rng := rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15))
	order := make([]int, len(examples))
	for i := range order {
		order[i] = i
	}
	for epoch := range opts.Epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		mistakes := 0
		for _, k := range order {
			ex := examples[k]
			em := make([][numTags]float64, len(ex.feats))
			for i, fs := range ex.feats {
				p.score(fs, &em[i])
			}
			n := len(ex.feats)
			guess := viterbi(em, &p.trans, make([][numTags]float64, n), make([][numTags]uint8, n), make([]tag, n))
			p.clock++
			for i := range guess {
				prevG, prevP := tag(numTags), tag(numTags)
				if i > 0 {
					prevG, prevP = ex.gold[i-1], guess[i-1]
				}
				if guess[i] == ex.gold[i] && prevG == prevP {
					continue
				}
				if guess[i] != ex.gold[i] {
					mistakes++
					for _, f := range ex.feats[i] {
						p.update(f, ex.gold[i], 1)
						p.update(f, guess[i], -1)
					}
				}
				p.updateTrans(prevG, ex.gold[i], 1)
				p.updateTrans(prevP, guess[i], -1)
			}
		}
		if opts.Progress != nil {
			opts.Progress(epoch+1, mistakes)
		}
	}
	return p.average(opts.Prune), nil
}

// perceptron holds the weights during training, with the running sums that
// averaging needs, updated lazily: a weight's sum catches up only when the
// weight changes.
type perceptron struct {
	index  map[uint64]int
	w, sum []float64
	stamp  []int
	trans  [numTags + 1][numTags]float64
	tsum   [numTags + 1][numTags]float64
	tstamp [numTags + 1][numTags]int
	clock  int
}

func newPerceptron() *perceptron { return &perceptron{index: map[uint64]int{}} }

func (p *perceptron) score(fs []uint64, out *[numTags]float64) {
	for _, f := range fs {
		r, ok := p.index[f]
		if !ok {
			continue
		}
		for t := range numTags {
			out[t] += p.w[r*numTags+t]
		}
	}
}

func (p *perceptron) update(f uint64, t tag, delta float64) {
	r, ok := p.index[f]
	if !ok {
		r = len(p.index)
		p.index[f] = r
		p.w = append(p.w, make([]float64, numTags)...)
		p.sum = append(p.sum, make([]float64, numTags)...)
		p.stamp = append(p.stamp, make([]int, numTags)...)
	}
	i := r*numTags + int(t)
	p.sum[i] += float64(p.clock-p.stamp[i]) * p.w[i]
	p.stamp[i] = p.clock
	p.w[i] += delta
}

func (p *perceptron) updateTrans(prev, t tag, delta float64) {
	p.tsum[prev][t] += float64(p.clock-p.tstamp[prev][t]) * p.trans[prev][t]
	p.tstamp[prev][t] = p.clock
	p.trans[prev][t] += delta
}

// average returns the model of the averaged weights, dropping features
// whose averaged weights all lie within ±prune.
func (p *perceptron) average(prune float32) *Model {
	c := float64(max(p.clock, 1))
	rows := map[uint64][numTags]float32{}
	for f, r := range p.index {
		var row [numTags]float32
		keep := false
		for t := range numTags {
			i := r*numTags + t
			avg := (p.sum[i] + float64(p.clock-p.stamp[i])*p.w[i]) / c
			row[t] = float32(avg)
			keep = keep || row[t] > prune || row[t] < -prune
		}
		if keep {
			rows[f] = row
		}
	}
	m := &Model{feats: newWeights(len(rows))}
	for f, row := range rows {
		m.feats.put(f, row)
	}
	for a := range numTags + 1 {
		for b := range numTags {
			m.trans[a][b] = float32((p.tsum[a][b] + float64(p.clock-p.tstamp[a][b])*p.trans[a][b]) / c)
		}
	}
	return m
}
