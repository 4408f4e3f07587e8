// Command nertool trains and evaluates the entities tagger on annotated
// corpora read from the paths it is given; it fetches nothing.
//
//	go run ./entities/internal/nertool train -out entities/model.gz CORPUS...
//	go run ./entities/internal/nertool eval CORPUS...
//	go run ./entities/internal/nertool scale -model IN -scale C -out OUT
//
// Both hold out every tenth document of each corpus (-holdout) and report
// token and entity precision, recall and F1 per kind on the held-out part;
// train fits on the rest. Corpora given with -mentions label every mention
// ("the city", "We") and are read as names only (conll.NamesOnly). scale
// multiplies a model's weights, which keeps its readings and scales its
// margins. The README names the corpora and their licences.
package main

import (
	"compress/gzip"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/advosearch/advosearch/entities"
	"github.com/advosearch/advosearch/entities/internal/conll"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "nertool:", err)
		os.Exit(1)
	}
}

func run(args []string, out io.Writer) error {
	if len(args) == 0 {
		return errors.New("usage: nertool train|eval [flags] CORPUS... | nertool scale -model IN -scale C -out OUT")
	}
	fs := flag.NewFlagSet(args[0], flag.ContinueOnError)
	gazetteer := fs.String("gazetteer", "entities/gazetteer.tsv", "the recognizer's gazetteer, for the known-name features; empty for none")
	holdout := fs.Int("holdout", 10, "hold out every n-th document of each corpus")
	epochs := fs.Int("epochs", entities.DefaultEpochs, "training passes")
	seed := fs.Uint64("seed", 0, "train: orders the sentences of each pass")
	prune := fs.Float64("prune", 0, "train: drop features whose weights all lie within ±prune")
	modelPath := fs.String("out", "entities/model.gz", "train: where to write the gzip-compressed model")
	evalModel := fs.String("model", "", "eval, scale: a gzip-compressed model file; empty for the embedded one")
	mentions := fs.String("mentions", "", "comma-separated corpora that label every mention (re3d, GUM), read as names only (conll.NamesOnly)")
	scale := fs.Float64("scale", 1, "train, scale: multiply the model's weights, and so its margins, by this")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if *scale <= 0 {
		return fmt.Errorf("-scale %v: want a number above 0", *scale)
	}
	if args[0] == "scale" {
		// Rescaling keeps every reading and moves only the margins, so it
		// needs no corpus: see entities.Model.Scale.
		m, err := readModel(*evalModel)
		if err != nil {
			return err
		}
		m.Scale(float32(*scale))
		return writeModel(*modelPath, m)
	}
	var lex *conll.Lexicon
	if *gazetteer != "" {
		var err error
		if lex, err = conll.ReadGazetteer(*gazetteer); err != nil {
			return err
		}
	}
	type heldOut struct {
		name  string
		sents []entities.Sentence
	}
	var train []entities.Sentence
	var tests []heldOut
	type corpus struct {
		path         string
		mentionsOnly bool
	}
	var corpora []corpus
	for _, path := range fs.Args() {
		corpora = append(corpora, corpus{path, false})
	}
	if *mentions != "" {
		for _, path := range strings.Split(*mentions, ",") {
			corpora = append(corpora, corpus{path, true})
		}
	}
	for _, c := range corpora {
		path := c.path
		docs, err := conll.ReadFile(path)
		if err != nil {
			return err
		}
		if c.mentionsOnly {
			docs = conll.NamesOnly(docs, lex)
		}
		tr, te := conll.Split(docs, *holdout)
		a, b := conll.Sentences(tr), conll.Sentences(te)
		fmt.Fprintf(out, "%s: %d documents, %d training and %d held-out sentences\n", path, len(docs), len(a), len(b))
		train = append(train, a...)
		tests = append(tests, heldOut{path, b})
	}
	if lex != nil {
		label := func(ss []entities.Sentence) {
			for i := range ss {
				ss[i].Known = lex.Label(ss[i].Words)
			}
		}
		label(train)
		for _, t := range tests {
			label(t.sents)
		}
	}
	var m *entities.Model
	switch args[0] {
	case "train":
		start := time.Now()
		var err error
		m, err = entities.Train(train, entities.TrainOptions{Epochs: *epochs, Seed: *seed, Prune: float32(*prune), Progress: func(epoch, mistakes int) {
			fmt.Fprintf(out, "epoch %d: %d mistakes\n", epoch, mistakes)
		}})
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "trained in %s: %d features\n", time.Since(start).Round(time.Millisecond), m.Features())
		if *scale != 1 {
			m.Scale(float32(*scale))
		}
		if err := writeModel(*modelPath, m); err != nil {
			return err
		}
	case "eval":
		var err error
		if m, err = readModel(*evalModel); err != nil {
			return err
		}
	default:
		return fmt.Errorf("unknown command %q: want train, eval or scale", args[0])
	}
	all := conll.NewScore()
	n := 0
	for _, t := range tests {
		s := conll.NewScore()
		for _, sent := range t.sents {
			got := m.TagWords(sent.Words, sent.Known)
			s.Add(sent.Labels, got)
			all.Add(sent.Labels, got)
		}
		n += len(t.sents)
		fmt.Fprintf(out, "\nheld out of %s: %d sentences\n", t.name, len(t.sents))
		if err := s.Write(out); err != nil {
			return err
		}
	}
	fmt.Fprintf(out, "\nall held-out sentences: %d\n", n)
	return all.Write(out)
}

func writeModel(path string, m *entities.Model) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		f.Close()
		return err
	}
	if _, err := m.WriteTo(zw); err != nil {
		f.Close()
		return err
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return fmt.Errorf("write model %s: %w", path, err)
	}
	return f.Close()
}

func readModel(path string) (*entities.Model, error) {
	if path == "" {
		return entities.LoadDefault()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("read model %s: %w", path, err)
	}
	return entities.Read(zr)
}
