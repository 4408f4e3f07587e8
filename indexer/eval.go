package indexer

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/advosearch/advosearch/corpus"
	"github.com/advosearch/advosearch/index"
)

// A gold set is a folder of documents, each beside a hand-labelled record
// <name>.json that names the document's file and says what a reader finds in
// it. The labels are written from the text, never from the extractor's
// output, so that the scores measure the extractor rather than echo it.
type goldRecord struct {
	File          string       `json:"file"`
	Title         string       `json:"title"`
	Source        *string      `json:"source"`
	Published     *string      `json:"published"`
	Organizations []goldEntity `json:"organizations"`
	People        []goldEntity `json:"people"`
	Places        []goldEntity `json:"places"`
	// MainText is the statement's own text on an HTML page, without the
	// headline and without site chrome; empty for other formats.
	MainText string `json:"main_text"`
	// Quotes are the statement's quotations of four words or more, in
	// order, with the speaker the text attributes each to ("" when it does
	// not say), written with the conventions of quotes/testdata. A record
	// without them leaves quotations unscored.
	Quotes []goldQuote `json:"quotes"`
}

// goldQuote is one labelled quotation: the words inside its marks as
// printed, and the canonical name of its speaker.
type goldQuote struct {
	Text    string `json:"text"`
	Speaker string `json:"speaker"`
}

// goldEntity is one entity: the canonical name a facet should show, and the
// other names the text calls it by.
type goldEntity struct {
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
}

// maxGoldBytes bounds a gold document; the set holds short statements.
const maxGoldBytes = 4 << 20

// Score counts how the extracted names of one entity type compare with the
// gold names. Only the canonical name counts as found: a name the gold lists
// as an alias splits a facet, so it is a false positive (counted in Aliases
// too) and the entity stays missing unless its canonical name is found as
// well.
type Score struct {
	TP, FP, FN int
	// Aliases is how many false positives were an entity's other name.
	Aliases int
}

func (s *Score) add(o Score) {
	s.TP += o.TP
	s.FP += o.FP
	s.FN += o.FN
	s.Aliases += o.Aliases
}

// Precision is TP/(TP+FP), 1 when nothing was extracted.
func (s Score) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall is TP/(TP+FN), 1 when there was nothing to find.
func (s Score) Recall() float64 { return ratio(s.TP, s.TP+s.FN) }

// F1 is the harmonic mean of precision and recall.
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// DateScore compares publication dates. A wrong date files a statement under
// another day, which is worse than none, so the two are counted apart.
type DateScore struct {
	// Exact: the date matches, or both the gold and the extraction have none.
	Exact int
	// Missing: the gold has a date, the extraction none.
	Missing int
	// Wrong: the extraction has a date that is not the gold one (the gold
	// may have none).
	Wrong int
	// Stated counts the documents whose text states a date, and Found those
	// of them whose date was extracted exactly: how often a stated date is
	// found, apart from the undated documents that Exact also counts.
	Stated, Found int
}

// TitleScore counts the titles that are not the headline, by kind of fault.
type TitleScore struct {
	// Partial: half or more of the words of the longer of title and
	// headline are shared: the headline cut short, or run together with
	// the next line or the front matter around it.
	Partial int
	// OtherLine: a different line was taken as the title: a caption, a photo
	// credit, a site or section name, an addressee line, menu text, front
	// matter that holds the headline as a small part. The issue's "caption
	// or chrome title" count.
	OtherLine int
}

// QuoteScore compares extracted quotations with the labelled ones. A
// quotation is found when its words overlap a labelled one by 80% or more,
// the rule quotes/gold_test.go uses.
type QuoteScore struct {
	// Gold, Got and Matched count labelled, extracted and found quotations.
	Gold, Got, Matched int
	// Speakers counts the found quotations whose speaker is the labelled one.
	Speakers int
}

func (s *QuoteScore) add(o QuoteScore) {
	s.Gold += o.Gold
	s.Got += o.Got
	s.Matched += o.Matched
	s.Speakers += o.Speakers
}

// SpeakerAccuracy is the share of found quotations given the right speaker.
func (s QuoteScore) SpeakerAccuracy() float64 { return ratio(s.Speakers, s.Matched) }

// Recall is the share of labelled quotations that were found.
func (s QuoteScore) Recall() float64 { return ratio(s.Matched, s.Gold) }

// TextScore is the token overlap of extracted and hand-labelled main text,
// summed over the pages whose gold gives one.
type TextScore struct {
	Pages int
	// Overlap, Got and Want count word tokens: shared (as a multiset),
	// extracted and labelled.
	Overlap, Got, Want int
}

func (s *TextScore) add(o TextScore) {
	s.Pages += o.Pages
	s.Overlap += o.Overlap
	s.Got += o.Got
	s.Want += o.Want
}

// Precision is the share of extracted words that belong to the main text.
func (s TextScore) Precision() float64 { return ratio(s.Overlap, s.Got) }

// Recall is the share of the main text's words that were extracted.
func (s TextScore) Recall() float64 { return ratio(s.Overlap, s.Want) }

// Report is the outcome of Evaluate over a gold set.
type Report struct {
	// Set is the gold set's folder, as given to Evaluate.
	Set                           string
	Documents                     int
	Organizations, People, Places Score
	// Sources and Titles count exact matches out of Documents.
	Sources, Titles int
	// WrongTitles sorts the titles that are not exact.
	WrongTitles TitleScore
	Dates       DateScore
	MainText    TextScore
	// Quotes is summed over the records that label quotations.
	Quotes QuoteScore
	// Errors lists, per document file, what the extractor got wrong.
	Errors map[string][]string
}

// Evaluate extracts every document of the gold set in dir and scores the
// result against the hand-labelled records. An error means the gold set
// cannot be read (a broken record, a missing file, a document the extractor
// refuses); a poor score is no error.
func Evaluate(dir string) (Report, error) {
	e, err := NewExtractor()
	if err != nil {
		return Report{}, err
	}
	golds, err := readGold(dir)
	if err != nil {
		return Report{}, err
	}
	r := Report{Set: dir, Errors: map[string][]string{}}
	for _, g := range golds {
		st, err := e.extractGold(dir, g)
		if err != nil {
			return Report{}, err
		}
		r.score(g, st)
	}
	return r, nil
}

// readGold reads the records of a gold set, in file name order.
func readGold(dir string) ([]goldRecord, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, fmt.Errorf("indexer: gold set %s: %w", dir, err)
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("indexer: gold set %s: %w", dir, os.ErrNotExist)
	}
	slices.Sort(paths)
	var golds []goldRecord
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("indexer: gold record: %w", err)
		}
		var g goldRecord
		dec := json.NewDecoder(bytes.NewReader(raw))
		// A misspelt field would silently drop a label, so unknown fields
		// are an error.
		dec.DisallowUnknownFields()
		if err := dec.Decode(&g); err != nil {
			return nil, fmt.Errorf("indexer: gold record %s: %w", p, err)
		}
		if g.File == "" {
			return nil, fmt.Errorf("indexer: gold record %s: no file named", p)
		}
		golds = append(golds, g)
	}
	return golds, nil
}

// extractGold reads one gold document the way the indexer reads files, so
// that the content type comes from the same extension table.
func (e *Extractor) extractGold(dir string, g goldRecord) (index.Statement, error) {
	var st index.Statement
	var extractErr, skipErr error
	read := false
	err := corpus.ReadFile(filepath.Join(dir, g.File), maxGoldBytes, func(doc corpus.Document) error {
		read = true
		st, _, extractErr = e.Extract(doc)
		return nil
	}, func(s corpus.Skipped) { skipErr = s.Err })
	switch {
	case err != nil:
		return st, fmt.Errorf("indexer: gold document %s: %w", g.File, err)
	case skipErr != nil:
		return st, fmt.Errorf("indexer: gold document %s: %w", g.File, skipErr)
	case extractErr != nil:
		return st, fmt.Errorf("indexer: gold document %s: %w", g.File, extractErr)
	case !read:
		return st, fmt.Errorf("indexer: gold document %s: %w", g.File, ErrEmpty)
	}
	return st, nil
}

func (r *Report) score(g goldRecord, st index.Statement) {
	r.Documents++
	var errs []string
	note := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }

	for _, f := range []struct {
		field string
		total *Score
		got   []string
		want  []goldEntity
	}{
		{"organization", &r.Organizations, st.Organizations, g.Organizations},
		{"person", &r.People, st.People, g.People},
		{"place", &r.Places, st.Places, g.Places},
	} {
		s, extra, missing := scoreNames(f.got, f.want)
		f.total.add(s)
		for _, n := range extra {
			note("%s: extra %q", f.field, n)
		}
		for _, n := range missing {
			note("%s: missing %q", f.field, n)
		}
	}

	wantSource := ""
	if g.Source != nil {
		wantSource = *g.Source
	}
	if st.Source == wantSource {
		r.Sources++
	} else {
		note("source: got %q, want %q", st.Source, wantSource)
	}
	switch {
	case st.Title == g.Title:
		r.Titles++
	case titleOverlap(st.Title, g.Title) >= 0.5:
		r.WrongTitles.Partial++
		note("title: got %q, want %q", st.Title, g.Title)
	default:
		r.WrongTitles.OtherLine++
		note("title: another line, got %q, want %q", st.Title, g.Title)
	}

	var want time.Time
	if g.Published != nil {
		// A bad date in a record is a fault of the gold set; it reads as
		// "no date", and the mismatch shows in the errors.
		want, _ = time.Parse(time.DateOnly, *g.Published)
	}
	if !want.IsZero() {
		r.Dates.Stated++
	}
	switch got := st.Published; {
	case got.Equal(want):
		r.Dates.Exact++
		if !want.IsZero() {
			r.Dates.Found++
		}
	case got.IsZero():
		r.Dates.Missing++
		note("date: missing, want %s", want.Format(time.DateOnly))
	default:
		r.Dates.Wrong++
		w := "none"
		if !want.IsZero() {
			w = want.Format(time.DateOnly)
		}
		note("date: got %s, want %s", got.Format(time.DateOnly), w)
	}

	if g.MainText != "" {
		t := tokenOverlap(st.Body, g.MainText)
		r.MainText.add(t)
		if t.Precision() < 0.9 || t.Recall() < 0.9 {
			note("main text: precision %.2f, recall %.2f", t.Precision(), t.Recall())
		}
	}
	if len(g.Quotes) > 0 {
		q, misses := scoreQuotes(st.Quotes, g.Quotes)
		r.Quotes.add(q)
		errs = append(errs, misses...)
	}
	if len(errs) > 0 {
		r.Errors[g.File] = errs
	}
}

// scoreQuotes matches extracted quotations to labelled ones in order, and
// describes each miss, wrong speaker and quotation found that is none.
func scoreQuotes(got []index.Quote, want []goldQuote) (QuoteScore, []string) {
	s := QuoteScore{Gold: len(want), Got: len(got)}
	var notes []string
	used := make([]bool, len(got))
	for _, w := range want {
		i := -1
		for j, q := range got {
			if !used[j] && quoteOverlap(q.Text, w.Text) >= 0.8 {
				i = j
				break
			}
		}
		if i < 0 {
			notes = append(notes, fmt.Sprintf("quote: missing %q (%s)", clip(w.Text), w.Speaker))
			continue
		}
		used[i] = true
		s.Matched++
		if got[i].Speaker == w.Speaker {
			s.Speakers++
		} else {
			notes = append(notes, fmt.Sprintf("quote: %q: speaker got %q, want %q", clip(w.Text), got[i].Speaker, w.Speaker))
		}
	}
	for j, q := range got {
		if !used[j] {
			notes = append(notes, fmt.Sprintf("quote: extra %q (%s)", clip(q.Text), q.Speaker))
		}
	}
	return s, notes
}

// clip shortens a quotation for an error line.
func clip(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

// words lower-cases s and splits it into words of letters and digits, so
// that punctuation, quote marks and line breaks do not count.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(foldPunctuation(s)), func(r rune) bool { return !isLetter(r) && !('0' <= r && r <= '9') })
}

// sharedWords counts the words of a found in b, as multisets.
func sharedWords(a, b []string) int {
	counts := map[string]int{}
	for _, t := range b {
		counts[t]++
	}
	n := 0
	for _, t := range a {
		if counts[t] > 0 {
			counts[t]--
			n++
		}
	}
	return n
}

// quoteOverlap is the share of words two quotations have in common, over
// the longer one.
func quoteOverlap(a, b string) float64 {
	wa, wb := words(a), words(b)
	if len(wa) == 0 || len(wb) == 0 {
		return 0
	}
	return float64(sharedWords(wa, wb)) / float64(max(len(wa), len(wb)))
}

// titleOverlap is the share of the headline's words that the title keeps,
// over the longer of the two: near 1 for a headline cut short or run into
// the next line, near 0 for another line taken as the title.
func titleOverlap(got, want string) float64 { return quoteOverlap(got, want) }

// scoreNames compares extracted names with gold entities (see Score). It also
// returns the extra names and the canonical names of missed entities.
func scoreNames(got []string, want []goldEntity) (s Score, extra, missing []string) {
	found := make([]bool, len(want))
	for _, name := range got {
		k := orgKey(name)
		i := slices.IndexFunc(want, func(e goldEntity) bool { return orgKey(e.Name) == k })
		if i >= 0 && !found[i] {
			found[i] = true
			s.TP++
			continue
		}
		s.FP++
		if slices.ContainsFunc(want, func(e goldEntity) bool {
			return slices.ContainsFunc(e.Aliases, func(a string) bool { return orgKey(a) == k })
		}) {
			s.Aliases++
			name += " (an alias)"
		}
		extra = append(extra, name)
	}
	for i, e := range want {
		if !found[i] {
			s.FN++
			missing = append(missing, e.Name)
		}
	}
	return s, extra, missing
}

// tokenOverlap counts the word tokens two texts share, as multisets, case
// and punctuation aside.
func tokenOverlap(got, want string) TextScore {
	g, w := words(got), words(want)
	return TextScore{Pages: 1, Overlap: sharedWords(g, w), Got: len(g), Want: len(w)}
}

// WriteTable prints the report as a table.
func (r Report) WriteTable(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d documents\n\n", r.Set, r.Documents)
	fmt.Fprintf(&b, "%-14s %4s %4s %4s %6s %9s %7s %6s\n", "entities", "tp", "fp", "fn", "alias", "precision", "recall", "f1")
	for _, row := range []struct {
		name string
		s    Score
	}{{"organizations", r.Organizations}, {"people", r.People}, {"places", r.Places}} {
		fmt.Fprintf(&b, "%-14s %4d %4d %4d %6d %9.3f %7.3f %6.3f\n", row.name, row.s.TP, row.s.FP, row.s.FN, row.s.Aliases, row.s.Precision(), row.s.Recall(), row.s.F1())
	}
	fmt.Fprintf(&b, "\n%-14s %d/%d correct\n", "source", r.Sources, r.Documents)
	fmt.Fprintf(&b, "%-14s %d/%d correct (%.0f%%); wrong: %d partly the headline, %d another line (caption, chrome, metadata)\n",
		"title", r.Titles, r.Documents, 100*ratio(r.Titles, r.Documents), r.WrongTitles.Partial, r.WrongTitles.OtherLine)
	fmt.Fprintf(&b, "%-14s exact %d/%d, missing %d, wrong %d; found %d/%d stated (%.0f%%)\n",
		"published", r.Dates.Exact, r.Documents, r.Dates.Missing, r.Dates.Wrong, r.Dates.Found, r.Dates.Stated, 100*ratio(r.Dates.Found, r.Dates.Stated))
	if r.Quotes.Gold > 0 {
		fmt.Fprintf(&b, "%-14s %d labelled, %d extracted, %d found (recall %.3f); speaker right %d/%d (%.3f)\n",
			"quotes", r.Quotes.Gold, r.Quotes.Got, r.Quotes.Matched, r.Quotes.Recall(), r.Quotes.Speakers, r.Quotes.Matched, r.Quotes.SpeakerAccuracy())
	}
	if r.MainText.Pages > 0 {
		fmt.Fprintf(&b, "%-14s precision %.3f, recall %.3f over %d HTML pages\n", "main text", r.MainText.Precision(), r.MainText.Recall(), r.MainText.Pages)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteErrors prints what the extractor got wrong, document by document.
func (r Report) WriteErrors(w io.Writer) error {
	files := make([]string, 0, len(r.Errors))
	for f := range r.Errors {
		files = append(files, f)
	}
	slices.Sort(files)
	var b strings.Builder
	for _, f := range files {
		fmt.Fprintf(&b, "%s\n", f)
		for _, e := range r.Errors[f] {
			fmt.Fprintf(&b, "  %s\n", e)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
