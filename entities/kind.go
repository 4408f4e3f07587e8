package entities

// Kind is what a name names.
type Kind uint8

// The kinds the tagger knows. None is the zero value: no name.
const (
	None Kind = iota
	Person
	Org
	Place
)

// String returns the CoNLL label of the kind (PER, ORG, LOC), "O" for None.
func (k Kind) String() string {
	switch k {
	case Person:
		return "PER"
	case Org:
		return "ORG"
	case Place:
		return "LOC"
	}
	return "O"
}

// KindOf reads a CoNLL label (PER, ORG, LOC; other labels such as MISC are
// None).
func KindOf(label string) Kind {
	switch label {
	case "PER", "PERSON":
		return Person
	case "ORG", "ORGANIZATION":
		return Org
	case "LOC", "GPE", "LOCATION":
		return Place
	}
	return None
}

// Span is a name found in a text: bytes [Start, End) of the text.
type Span struct {
	Start, End int
	Kind       Kind
	// Margin says how sure the tagger is: how much better the best
	// reading scores than the same reading with this name taken away (its
	// words tagged O). Near 0 the name is a coin toss. Known spans leave
	// it zero.
	Margin float32
}

// tag is one BIO label: kind*2-1 is B-kind, kind*2 is I-kind, 0 is O.
type tag uint8

const numTags = 7 // O, B-PER, I-PER, B-ORG, I-ORG, B-LOC, I-LOC

func begin(k Kind) tag  { return tag(2*k - 1) }
func inside(k Kind) tag { return tag(2 * k) }

func (t tag) kind() Kind    { return Kind((t + 1) / 2) }
func (t tag) isBegin() bool { return t%2 == 1 }

// validAfter[p][t] is valid(p, t), looked up in decoding's inner loop.
var validAfter = func() (v [numTags][numTags]bool) {
	for p := range numTags {
		for t := range numTags {
			v[p][t] = valid(tag(p), tag(t))
		}
	}
	return v
}()

// valid reports whether tag t may follow prev: I-X only after B-X or I-X.
func valid(prev, t tag) bool {
	if t == 0 || t.isBegin() {
		return true
	}
	return prev != 0 && prev.kind() == t.kind()
}
