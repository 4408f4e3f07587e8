package bench

import (
	"fmt"
	"math/rand/v2"
	"net/url"
	"strings"
)

// Class is a kind of search the benchmark times separately.
type Class string

// Query classes, in report order.
const (
	ClassTerm   Class = "term"   // one word, frequent or rare
	ClassAnd    Class = "and"    // two or three words, all required
	ClassPhrase Class = "phrase" // an exact phrase
	// ClassFiltered is a phrase limited to one publisher and a date range,
	// with every facet and highlighted snippets: the search page's worst
	// ordinary case.
	ClassFiltered Class = "filtered"
	ClassAll      Class = "all"  // no query: every statement, every facet
	ClassNear     Class = "near" // two words within Slop words of each other
)

// Classes returns the query classes in report order.
func Classes() []Class {
	return []Class{ClassTerm, ClassAnd, ClassPhrase, ClassFiltered, ClassAll, ClassNear}
}

// Query is one benchmark search, described so that every system can express
// it in its own syntax.
type Query struct {
	Class Class `json:"class"`
	// Words are the words of a term, and or near query, or of the phrase.
	Words []string `json:"words,omitempty"`
	// Source is the publishing organisation a filtered query keeps.
	Source string `json:"source,omitempty"`
	// From and To bound the publication date of a filtered query, both
	// YYYY-MM-DD and inclusive.
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
	// Slop is how many words may separate the two words of a near query.
	Slop int `json:"slop,omitempty"`
}

// Text is the query in advosearch's syntax.
func (q Query) Text() string {
	switch q.Class {
	case ClassPhrase, ClassFiltered:
		return `"` + strings.Join(q.Words, " ") + `"`
	case ClassNear:
		return fmt.Sprintf(`"%s"~%d`, strings.Join(q.Words, " "), q.Slop)
	}
	return strings.Join(q.Words, " ")
}

// APIPath is the query as a request to advosearch's JSON API, relative to the
// server's base URL.
func (q Query) APIPath() string {
	v := url.Values{}
	if t := q.Text(); t != "" {
		v.Set("q", t)
	}
	if q.Source != "" {
		v.Set("source", q.Source)
	}
	if q.From != "" {
		v.Set("from", q.From)
	}
	if q.To != "" {
		v.Set("to", q.To)
	}
	return "/api/search?" + v.Encode()
}

// CrossCheckPhrase is a phrase every system must count the same: it has no
// stop word (Bleve's default analyzer drops those), no apostrophe (FTS5's
// unicode61 splits on ’, Bleve does not) and no title word, so its hits are
// the same statements under every analyzer. "in the early morning" is one of
// the generator's prepositional phrases.
var CrossCheckPhrase = []string{"early", "morning"}

// phrases occur in generated text: fixed parts of the templates, names and
// the generator's prepositional phrases. Several contain stop words, which
// the systems treat differently (see CrossCheckPhrase).
var phrases = [][]string{
	CrossCheckPhrase,
	{"told", "reporters", "in"},
	{"remains", "a", "matter", "of"},
	{"this", "is", "not", "the", "first", "time"},
	{"in", "a", "statement", "dated"},
	{"during", "a", "peaceful", "protest"},
	{"without", "a", "warrant"},
	{"outside", "the", "court"},
	{"near", "the", "provincial", "office"},
	{"in", "front", "of", "their", "homes"},
	{"Phnom", "Penh"},
	{"Boeung", "Kak", "Lake"},
	{"Kem", "Sokha"},
	{"human", "rights"},
	{"urged", "the", "authorities"},
	{"Human", "Rights", "Watch"},
}

// Queries returns perClass queries of every class, drawn from the
// generator's vocabulary: half from its most frequent words, half from its
// rarest. The same seed gives the same queries.
func Queries(perClass int, seed int64) []Query {
	r := rand.New(rand.NewPCG(uint64(seed), 0x9e3779b9))
	word := func() string {
		lists := [][]string{nouns, adjs, past, verbs}
		l := lists[r.IntN(len(lists))]
		if r.IntN(2) == 0 {
			return l[r.IntN(min(6, len(l)))] // frequent
		}
		return l[len(l)-1-r.IntN(min(8, len(l)))] // rare
	}
	var out []Query
	for _, c := range Classes() {
		for range perClass {
			q := Query{Class: c}
			switch c {
			case ClassTerm:
				q.Words = []string{word()}
			case ClassAnd:
				q.Words = []string{nouns[r.IntN(10)], word()}
				if r.IntN(2) == 0 {
					q.Words = append(q.Words, word())
				}
			case ClassPhrase:
				q.Words = pick(r, phrases)
			case ClassFiltered:
				q.Words = pick(r, phrases)
				q.Source = strings.TrimPrefix(pick(r, orgs), "the ")
				from := firstDay.Year() + r.IntN(lastDay.Year()-firstDay.Year())
				to := min(lastDay.Year(), from+1+r.IntN(4))
				q.From, q.To = fmt.Sprintf("%d-01-01", from), fmt.Sprintf("%d-12-31", to)
			case ClassNear:
				a, b := r.IntN(12), r.IntN(30)
				if a == b {
					b++
				}
				q.Words = []string{nouns[a], nouns[b]}
				q.Slop = 5
			}
			out = append(out, q)
		}
	}
	return out
}
