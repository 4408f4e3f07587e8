package bench

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"time"
)

// ErrNegativeCount is returned by Generate for n < 0.
var ErrNegativeCount = errors.New("bench: negative statement count")

// Statement is one generated record, written as a line of JSON.
type Statement struct {
	Title  string `json:"title"`
	Body   string `json:"body"`
	URL    string `json:"url"`
	Source string `json:"source"`
	// Published is YYYY-MM-DD, or empty (and left out of the JSON) for the
	// statements that, like some real ones, carry no date.
	Published string `json:"published,omitempty"`
}

// Entity lists are small on purpose: real statements name the same few
// organisations, people and places again and again.
var (
	orgs = []string{"Amnesty International", "Human Rights Watch", "the Cambodian Center for Human Rights (CCHR)",
		"FORUM-ASIA", "LICADHO", "ADHOC", "the UN Human Rights Council", "the UN Special Rapporteur on Cambodia"}
	people = []string{"Hun Sen", "Hun Manet", "Kem Sokha", "Tep Vanny", "Sam Rainsy", "Mu Sochua",
		"Chhim Sithar", "Mech Dara", "Theary Seng", "Kem Ley"}
	places = []string{"Cambodia", "Phnom Penh", "Geneva", "Bangkok", "Siem Reap", "Battambang",
		"Boeung Kak Lake", "Koh Kong", "Preah Vihear", "Kuala Lumpur"}
	roles = []string{"director", "spokesperson", "researcher", "president", "monitoring officer"}
)

// Vocabulary lists are in frequency order: Generate draws an index from a
// Zipf distribution, so the first words are far more common than the last.
var (
	nouns = []string{"rights", "authorities", "government", "activists", "land", "people", "court",
		"families", "community", "police", "freedom", "journalists", "defenders", "union", "workers",
		"election", "opposition", "villagers", "protest", "charges", "prison", "release", "investigation",
		"law", "media", "detention", "trial", "evictions", "expression", "assembly", "association",
		"violence", "harassment", "members", "monks", "students", "residents", "compensation",
		"development", "company", "concession", "forest", "report", "crackdown", "surveillance",
		"petition", "verdict", "lawyers", "judiciary", "torture", "impunity", "sentence", "bail",
		"newspaper", "broadcaster", "licence", "dam", "fishermen", "garment", "strike"}
	adjs = []string{"human", "political", "arbitrary", "peaceful", "independent", "international",
		"local", "civil", "serious", "unlawful", "immediate", "ongoing", "forced", "excessive", "fair",
		"legal", "national", "public", "repressive", "credible", "vague", "systematic", "baseless",
		"prolonged", "transparent", "draconian", "unconditional", "impartial"}
	past = []string{"detained", "arrested", "charged", "evicted", "threatened", "released", "sentenced",
		"banned", "dissolved", "harassed", "summoned", "convicted", "beaten", "followed", "fined",
		"silenced", "pardoned", "acquitted"}
	verbs = []string{"release", "respect", "protect", "investigate", "end", "drop", "guarantee",
		"ensure", "allow", "restore", "review", "repeal", "halt", "uphold", "compensate"}
	says = []string{"said", "stated", "warned", "noted", "reported", "documented", "stressed", "recalled"}
)

var sentences = []string{
	"{Org} {says} that the {noun} in {place} {past} {n} {noun} {prep}.",
	"On {date}, {person} was {past} in {place} after {adj} {noun} by the {noun}.",
	"The {adj} {noun} of {noun} and {noun} in {place} remains a matter of {adj} concern.",
	"{Org} urged the {noun} to {verb} the {adj} {noun} and {verb} all {adj} {noun}.",
	"“{quote},” said {person}, {role} at {org}.",
	"In a statement dated {date}, {org} {says} that {n} {noun} had been {past} since {year}.",
	"The {noun} must {verb} the {noun} of {noun}, {noun} and {noun} without {adj} {noun}.",
	"According to {org}, the {noun} {past} {person} on {date} and again on {date}.",
	"Since {year}, the country’s {noun} has {past} {adj} {noun}, {adj} {noun} and {noun} alike.",
	"{Person} told reporters in {place} that the {noun} was “{adj} and {adj}”.",
	"This is not the first time the {noun} has {past} {noun} for {adj} {noun}.",
}

// quotes have no final stop: the sentence template adds the comma.
var quotes = []string{
	"The {noun} must {verb} the {adj} {noun} now",
	"We will not accept the ‘{adj} {noun}’ the {noun} keeps talking about",
	"Every {noun} has the right to {adj} {noun} and {adj} {noun}",
	"They call it ‘{noun}’, but for the {noun} of {place} it means {noun} and {noun}",
	"The {adj} {noun} against {person} should be dropped at once",
}

var titles = []string{
	"{Place}: {Org} condemns {adj} {noun} of {person}",
	"{Place}: {adj} {noun} must end, says {org}",
	"Joint statement on the {noun} of {person}",
	"{Place}: {noun} {past} ahead of {noun} hearing",
	"Open letter to {person} on {adj} {noun}",
}

var prepPhrases = []string{"without a warrant", "in the early morning", "during a peaceful protest",
	"outside the court", "near the provincial office", "in front of their homes"}

// dateLayouts are the ways statements write dates in running text.
var dateLayouts = []string{"2 January 2006", "January 2, 2006", "2006-01-02", "02/01/2006",
	"Monday, 2 January 2006", "2 Jan. 2006"}

var (
	firstDay = time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC)
	lastDay  = time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)
)

// gen holds one generation run's random source; it is not safe for
// concurrent use, and there is one per Generate call.
type gen struct {
	r                     *rand.Rand
	noun, adj, past, verb *rand.Zipf
	published             time.Time // of the statement being written
}

func newGen(seed int64) *gen {
	r := rand.New(rand.NewPCG(uint64(seed), 0x5eedadd5))
	zipf := func(words []string) *rand.Zipf { return rand.NewZipf(r, 1.1, 2, uint64(len(words)-1)) }
	return &gen{r: r, noun: zipf(nouns), adj: zipf(adjs), past: zipf(past), verb: zipf(verbs)}
}

// Generate writes n statements to w as JSON Lines. The output depends only on
// n and seed, so benchmarks can be rerun on identical data; URLs are
// https://example.org/statements/1 … /n. Bodies average about 4,000
// characters; about 5% of statements have no published date.
func Generate(w io.Writer, n int, seed int64) error {
	if n < 0 {
		return fmt.Errorf("%w: %d", ErrNegativeCount, n)
	}
	g := newGen(seed)
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false) // keep the text as a crawler would store it
	for i := 1; i <= n; i++ {
		if err := enc.Encode(g.statement(i)); err != nil {
			return fmt.Errorf("bench: write statement %d: %w", i, err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("bench: flush: %w", err)
	}
	return nil
}

func (g *gen) statement(i int) Statement {
	days := int(lastDay.Sub(firstDay).Hours() / 24)
	g.published = firstDay.AddDate(0, 0, g.r.IntN(days+1))
	s := Statement{
		Title:     g.expand(pick(g.r, titles)),
		URL:       fmt.Sprintf("https://example.org/statements/%d", i),
		Source:    strings.TrimPrefix(pick(g.r, orgs), "the "),
		Published: g.published.Format(time.DateOnly),
	}
	if g.r.IntN(100) < 5 {
		s.Published = ""
	}
	// Targets are uniform in 1,500–6,500; the last paragraph overshoots a
	// little, which brings the mean close to 4,000.
	target := 1500 + g.r.IntN(5000)
	var b strings.Builder
	for b.Len() < target {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		for j, k := 0, 3+g.r.IntN(4); j < k; j++ {
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(g.expand(pick(g.r, sentences)))
		}
	}
	s.Body = b.String()
	return s
}

// expand fills each {slot} of a template with a fresh random choice. A
// capitalised slot ({Org}) gets a capital first letter.
func (g *gen) expand(tmpl string) string {
	var b strings.Builder
	for {
		open := strings.IndexByte(tmpl, '{')
		if open < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		end := open + strings.IndexByte(tmpl[open:], '}')
		b.WriteString(tmpl[:open])
		slot := tmpl[open+1 : end]
		word := g.slot(strings.ToLower(slot))
		if slot[0] >= 'A' && slot[0] <= 'Z' {
			word = strings.ToUpper(word[:1]) + word[1:]
		}
		b.WriteString(word)
		tmpl = tmpl[end+1:]
	}
}

func (g *gen) slot(name string) string {
	switch name {
	case "org":
		return pick(g.r, orgs)
	case "person":
		return pick(g.r, people)
	case "place":
		return pick(g.r, places)
	case "role":
		return pick(g.r, roles)
	case "says":
		return pick(g.r, says)
	case "prep":
		return pick(g.r, prepPhrases)
	case "quote":
		return g.expand(pick(g.r, quotes))
	case "noun":
		return nouns[g.noun.Uint64()]
	case "adj":
		return adjs[g.adj.Uint64()]
	case "past":
		return past[g.past.Uint64()]
	case "verb":
		return verbs[g.verb.Uint64()]
	case "n":
		return fmt.Sprint(2 + g.r.IntN(200))
	case "date":
		// Events happen up to three years before the statement.
		d := g.published.AddDate(0, 0, -g.r.IntN(3*365))
		return d.Format(pick(g.r, dateLayouts))
	case "year":
		return fmt.Sprint(g.published.Year() - g.r.IntN(10))
	}
	panic("bench: unknown template slot " + name) // templates are constants above
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }
