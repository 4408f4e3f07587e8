package entities

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// Model is a trained tagger: a weight per feature and tag, and a weight per
// pair of neighbouring tags. It is read-only once built, so one Model may
// be used from many goroutines at once.
type Model struct {
	// feats holds the weights of each feature that training gave any.
	feats *weights
	// trans[p][t] scores tag t after tag p; row numTags is the start of a
	// sentence.
	trans [numTags + 1][numTags]float32
}

// ErrBadModel: the bytes are not a model this package wrote.
var ErrBadModel = errors.New("entities: not a tagger model")

// modelMagic opens a serialized model and names its format version; the
// feature templates in features.go are part of the format.
const modelMagic = "advosearch-ner-1"

//go:embed model.gz
var defaultModel []byte

// LoadDefault reads the model embedded in the binary (see the README for
// the corpora it was trained on). It takes some tens of milliseconds: call
// it once and share the Model. An error means the embedded file is broken,
// which is a build fault.
func LoadDefault() (*Model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(defaultModel))
	if err != nil {
		return nil, fmt.Errorf("entities: embedded model: %w", err)
	}
	m, err := Read(zr)
	if err != nil {
		return nil, fmt.Errorf("entities: embedded model: %w", err)
	}
	return m, nil
}

// Read reads a model written by WriteTo (uncompressed).
func Read(r io.Reader) (*Model, error) {
	br := bufio.NewReader(r)
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != modelMagic {
		return nil, ErrBadModel
	}
	var n uint32
	if err := binary.Read(br, binary.LittleEndian, &n); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadModel, err)
	}
	if n > maxFeatures {
		return nil, fmt.Errorf("%w: %d features", ErrBadModel, n)
	}
	m := &Model{feats: newWeights(int(n))}
	var row [8 + 4*numTags]byte
	for i := range n {
		if _, err := io.ReadFull(br, row[:]); err != nil {
			return nil, fmt.Errorf("%w: feature %d: %w", ErrBadModel, i, err)
		}
		var w [numTags]float32
		for t := range numTags {
			w[t] = math.Float32frombits(binary.LittleEndian.Uint32(row[8+4*t:]))
		}
		m.feats.put(binary.LittleEndian.Uint64(row[:8]), w)
	}
	if err := binary.Read(br, binary.LittleEndian, &m.trans); err != nil {
		return nil, fmt.Errorf("%w: transitions: %w", ErrBadModel, err)
	}
	return m, nil
}

// WriteTo writes the model, uncompressed, features in hash order so that
// the same model gives the same bytes.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	keys := make([]uint64, 0, m.feats.n)
	m.feats.each(func(f uint64, _ *[numTags]float32) { keys = append(keys, f) })
	slices.Sort(keys)
	bw.WriteString(modelMagic)
	binary.Write(bw, binary.LittleEndian, uint32(len(keys)))
	var row [8 + 4*numTags]byte
	for _, k := range keys {
		binary.LittleEndian.PutUint64(row[:8], k)
		w := m.feats.get(k)
		for t := range numTags {
			binary.LittleEndian.PutUint32(row[8+4*t:], math.Float32bits(w[t]))
		}
		bw.Write(row[:])
	}
	binary.Write(bw, binary.LittleEndian, &m.trans)
	n := int64(len(modelMagic) + 4 + len(keys)*len(row) + binary.Size(&m.trans))
	if err := bw.Flush(); err != nil {
		return 0, fmt.Errorf("entities: write model: %w", err)
	}
	return n, nil
}

// Scale multiplies every weight by c (c > 0). The best reading of a
// sentence stays the same, and every margin (Span.Margin) is multiplied
// by c: a model trained on more text scores with larger weights, and
// scaling it back lets the recognizer's margin thresholds, measured on the
// shipped model, mean what they meant. Scale is not safe to call while
// the model tags.
func (m *Model) Scale(c float32) {
	m.feats.each(func(_ uint64, w *[numTags]float32) {
		for t := range w {
			w[t] *= c
		}
	})
	for a := range m.trans {
		for b := range m.trans[a] {
			m.trans[a][b] *= c
		}
	}
}

// Features returns how many features carry weights.
func (m *Model) Features() int { return m.feats.n }

// maxFeatures bounds the table Read allocates, so that a corrupt count
// is an error rather than gigabytes.
const maxFeatures = 1 << 24
