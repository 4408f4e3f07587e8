package conll

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"github.com/advosearch/advosearch/entities"
)

// Document is a run of sentences the corpus marks as one document
// (-DOCSTART- or "# newdoc"), so that a hold-out split keeps documents
// whole and no test sentence has its neighbours in training.
type Document struct {
	Sentences []entities.Sentence
}

// ReadFile reads one corpus file. Two layouts are understood: "word label"
// per line (WikiGold, CoNLL-2003: the label is the last field), and the
// tab-separated UNER layout ("id<TAB>word<TAB>label…", "#" comment lines).
// Sentences end at blank lines.
func ReadFile(path string) ([]Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("conll: %w", err)
	}
	defer f.Close()
	var docs []Document
	var cur entities.Sentence
	doc := Document{}
	endSentence := func() {
		if len(cur.Words) > 0 {
			doc.Sentences = append(doc.Sentences, cur)
		}
		cur = entities.Sentence{}
	}
	endDoc := func() {
		endSentence()
		if len(doc.Sentences) > 0 {
			docs = append(docs, doc)
		}
		doc = Document{}
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		switch {
		case strings.TrimSpace(line) == "":
			endSentence()
			continue
		case strings.HasPrefix(line, "# newdoc"), strings.HasPrefix(line, "-DOCSTART-"):
			endDoc()
			continue
		case strings.HasPrefix(line, "#"):
			continue
		}
		var word, label string
		if cols := strings.Split(line, "\t"); len(cols) >= 3 {
			word, label = cols[1], cols[2]
		} else {
			fields := strings.Fields(line)
			switch {
			case len(fields) == 1 && strings.Contains(line, "\t"):
				// An empty or blank word (BTC has a few): not a word.
				continue
			case len(fields) < 2:
				return nil, fmt.Errorf("conll: %s:%d: want a word and a label", path, n)
			}
			word, label = fields[0], fields[len(fields)-1]
		}
		cur.Words = append(cur.Words, word)
		cur.Labels = append(cur.Labels, normalLabel(label))
		// A corpus without sentence breaks (Europeana's French newspapers
		// are one run of words) is cut after a full stop once a sentence
		// is long, so that sentences stay the size the tagger sees.
		if len(cur.Words) >= longSentence && (word == "." || word == "!" || word == "?") {
			endSentence()
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("conll: %s: %w", path, err)
	}
	endDoc()
	if len(docs) == 1 {
		// A corpus without document marks (BTC): each sentence stands
		// alone, so that a hold-out split has something to hold out.
		var split []Document
		for _, s := range docs[0].Sentences {
			split = append(split, Document{Sentences: []entities.Sentence{s}})
		}
		docs = split
	}
	return docs, nil
}

// kindNames maps the entity types of corpora with finer or other-named
// types (CrossNER's politician and politicalparty, re3d's Organisation, GUM's
// place) to the tagger's three; a type not listed (MISC, award, election,
// Nationality) reads as O. Keys are lower case.
var kindNames = map[string]string{
	"per": "PER", "person": "PER", "politician": "PER", "writer": "PER",
	"scientist": "PER", "researcher": "PER", "musicalartist": "PER",
	"org": "ORG", "organisation": "ORG", "organization": "ORG",
	"politicalparty": "ORG", "university": "ORG", "band": "ORG",
	"loc": "LOC", "location": "LOC", "country": "LOC", "place": "LOC", "gpe": "LOC",
}

// normalLabel rewrites a BIO label's type with kindNames: "B-politician"
// becomes "B-PER". A label the tagger already reads (B-PER) comes back
// unchanged, so that the corpora trained on before read as they did.
func normalLabel(label string) string {
	if len(label) < 3 || label[1] != '-' {
		return label
	}
	if k, ok := kindNames[strings.ToLower(label[2:])]; ok {
		return label[:2] + k
	}
	return label
}

// longSentence is the length after which a sentence is cut at the next
// full stop: longer than any sentence of the English corpora, so that
// their sentences, and the model trained on them, stay as they are (at 60
// the retrained model differed and moved the gold set's names).
const longSentence = 250

// Split divides documents into training and held-out ones: every
// holdoutEvery-th document (the last of each group) is held out.
func Split(docs []Document, holdoutEvery int) (train, test []Document) {
	for i, d := range docs {
		if holdoutEvery > 0 && i%holdoutEvery == holdoutEvery-1 {
			test = append(test, d)
		} else {
			train = append(train, d)
		}
	}
	return train, test
}

// Sentences flattens documents.
func Sentences(docs []Document) []entities.Sentence {
	var out []entities.Sentence
	for _, d := range docs {
		out = append(out, d.Sentences...)
	}
	return out
}
