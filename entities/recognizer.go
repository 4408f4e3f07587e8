package entities

import (
	"slices"
	"strings"
)

// Recognizer finds the people, organizations and places of a text and
// gives each its canonical name. It holds the gazetteer (the embedded
// gazetteer.tsv) and optionally a tagger Model; it is read-only once built,
// so one Recognizer may be used from many goroutines at once.
type Recognizer struct {
	g *gazetteer
	// model finds the names the gazetteer and the rules miss; nil reads
	// with the gazetteer and the rules alone.
	model *Model
}

// NewRecognizer loads the embedded gazetteer (some milliseconds: build one
// Recognizer and share it). m may be nil: then only the gazetteer and the
// rules read names, as for a letterhead, which is no running text. An error
// means the embedded gazetteer is broken, which is a build fault.
func NewRecognizer(m *Model) (*Recognizer, error) {
	g, err := loadGazetteer()
	if err != nil {
		return nil, err
	}
	return &Recognizer{g: g, model: m}, nil
}

// RulesOnly returns a Recognizer that shares r's gazetteer and reads no
// names with the tagger.
func (r *Recognizer) RulesOnly() *Recognizer { return &Recognizer{g: r.g} }

// Name is one mention of a name in a text.
type Name struct {
	// Canonical is the name the mention stands for: the gazetteer's
	// ("CCHR" → "Cambodian Center for Human Rights"), the full name a
	// surname or honorific refers to ("Ms Brooks" → "Sarah M Brooks"), the
	// expansion of an acronym the text defines ("Full Name (ACR)").
	Canonical string
	Kind      Kind
	// Start and End are bytes of the text: the name as written there.
	Start, End int
}

// Names are the names of one text, in order of appearance.
type Names []Name

// Find returns the names of text in order of appearance: gazetteer names
// first (longest match wins), then the names the rules read (organizations
// by their last word, people after a title or role, places before
// "province" or after "in", "à", "en", "em"), then the tagger's where
// neither reads one, and last the
// links inside the text (acronym → its expansion, surname → full name).
// Give it the main text only: the tagger reads site chrome as prose.
func (r *Recognizer) Find(text string) Names {
	ms := r.g.find(text, r.model)
	out := make(Names, len(ms))
	for i, m := range ms {
		out[i] = Name{Canonical: m.name, Kind: m.kind.public(), Start: m.start, End: m.end}
	}
	return out
}

// CanonicalOrg returns the canonical name of an organization the gazetteer
// knows, or name unchanged.
func (r *Recognizer) CanonicalOrg(name string) string { return r.g.canonicalOrg(name) }

// KnownOrg returns the canonical name of an organization the gazetteer
// knows, by any of its names or web domains ("www.amnesty.org").
func (r *Recognizer) KnownOrg(name string) (string, bool) { return r.g.knownOrg(name) }

// Canonical lists the canonical names of one kind, once each, in order of
// first mention.
func (ns Names) Canonical(kind Kind) []string {
	var out []string
	for _, n := range ns {
		if n.Kind == kind && !slices.Contains(out, n.Canonical) {
			out = append(out, n.Canonical)
		}
	}
	return out
}

// Surfaces lists the names of one kind as a reader would search for them:
// each canonical name and every form the text used for it ("CCHR",
// "Cambodian Centre for Human Rights", "Hun Sen’s"), lower-cased, once
// each. text is the text the names were found in.
func (ns Names) Surfaces(kind Kind, text string) []string {
	var out []string
	add := func(name string) {
		if name = strings.ToLower(strings.TrimSpace(name)); name != "" && !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	for _, n := range ns {
		if n.Kind != kind {
			continue
		}
		add(n.Canonical)
		if 0 <= n.Start && n.Start < n.End && n.End <= len(text) {
			add(strings.TrimSuffix(strings.TrimSuffix(text[n.Start:n.End], "’s"), "'s"))
		}
	}
	return out
}

// OrgKey is how organization names are compared: case, spacing and
// typographic apostrophes and hyphens do not matter.
func OrgKey(name string) string {
	return strings.ToLower(collapseSpace(FoldPunctuation(name)))
}

// collapseSpace trims s and turns every run of white space into one space.
// Most names are written so already, and are returned as they are.
func collapseSpace(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' ||
			(c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ')) {
			return strings.Join(strings.Fields(s), " ")
		}
	}
	return s
}
