//go:build htmlcompare

// The comparison pulls go-trafilatura and go-htmldate (and a WebAssembly
// regexp engine under them) into the test binary, so it builds only on
// request: go test -tags htmlcompare -run CompareOnGold -v ./indexer/

package indexer

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	htmldate "github.com/markusmobius/go-htmldate"
	trafilatura "github.com/markusmobius/go-trafilatura"

	"github.com/advosearch/advosearch/corpus"
)

// TestHTMLExtractors_CompareOnGold measures the hand-written goquery
// extractor against go-trafilatura (main text) and go-htmldate (date) on the
// HTML pages of the gold and held-out sets. It decides nothing by itself: it logs the
// numbers behind the choice to keep goquery in product code, and fails only
// if ours falls behind either library, which would reopen that choice.
// The libraries stay in this test file; product code does not import them.
func TestHTMLExtractors_CompareOnGold(t *testing.T) {
	if testing.Short() {
		t.Skip("runs two extraction libraries over the gold set")
	}
	type page struct {
		dir string
		g   goldRecord
	}
	var pages []page
	for _, dir := range []string{"testdata/gold", "testdata/heldout"} {
		golds, err := readGold(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range golds {
			pages = append(pages, page{dir, g})
		}
	}
	e, err := NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	type tally struct {
		text                        TextScore
		exact, missing, wrong, secs int
		elapsed                     time.Duration
	}
	var ours, traf, hd tally
	date := func(tl *tally, got time.Time, want *string) {
		var w time.Time
		if want != nil {
			w, _ = time.Parse(time.DateOnly, *want) // readGold's records are checked by TestEvaluate_GoldSet
		}
		got = time.Date(got.Year(), got.Month(), got.Day(), 0, 0, 0, 0, time.UTC)
		if got.Year() == 1 {
			got = time.Time{}
		}
		switch {
		case got.Equal(w):
			tl.exact++
		case got.IsZero():
			tl.missing++
		default:
			tl.wrong++
		}
	}
	var rows strings.Builder
	for _, p := range pages {
		g := p.g
		if !strings.HasSuffix(g.File, ".html") {
			continue
		}
		src, err := os.ReadFile(filepath.Join(p.dir, g.File))
		if err != nil {
			t.Fatal(err)
		}

		// Timed alone, the page reading that the libraries replace;
		// Extract adds dates from text, entities and language.
		start := time.Now()
		if _, err := extractHTML(string(src)); err != nil {
			t.Fatalf("%s: %v", g.File, err)
		}
		ours.elapsed += time.Since(start)
		st, _, err := e.Extract(corpus.Document{ID: g.File, ContentType: corpus.TypeHTML, Body: src})
		if err != nil {
			t.Fatalf("%s: %v", g.File, err)
		}
		o := tokenOverlap(st.Body, g.MainText)
		ours.text.add(o)
		date(&ours, st.Published, g.Published)

		start = time.Now()
		res, err := trafilatura.Extract(strings.NewReader(string(src)), trafilatura.Options{ExcludeComments: true, EnableFallback: true})
		traf.elapsed += time.Since(start)
		var tr TextScore
		if err != nil {
			t.Logf("%s: trafilatura: %v", g.File, err)
			tr = tokenOverlap("", g.MainText)
			date(&traf, time.Time{}, g.Published)
		} else {
			tr = tokenOverlap(res.ContentText, g.MainText)
			date(&traf, res.Metadata.Date, g.Published)
		}
		traf.text.add(tr)

		start = time.Now()
		d, err := htmldate.FromReader(strings.NewReader(string(src)), htmldate.Options{UseOriginalDate: true})
		hd.elapsed += time.Since(start)
		if err != nil {
			d = htmldate.Result{}
		}
		date(&hd, d.DateTime, g.Published)

		want := "none"
		if g.Published != nil {
			want = *g.Published
		}
		fmt.Fprintf(&rows, "%-40s ours P %.2f R %.2f %s | trafilatura P %.2f R %.2f %s | htmldate %s | gold %s\n",
			g.File, o.Precision(), o.Recall(), st.Published.Format(time.DateOnly),
			tr.Precision(), tr.Recall(), dateOf(res, err), d.DateTime.Format(time.DateOnly), want)
	}
	t.Logf("per page:\n%s", rows.String())
	t.Logf("\n%-22s %9s %7s %6s %8s %6s %10s\n%-22s %9.3f %7.3f %6d %8d %6d %10s\n%-22s %9.3f %7.3f %6d %8d %6d %10s\n%-22s %9s %7s %6d %8d %6d %10s",
		"extractor", "precision", "recall", "exact", "missing", "wrong", "time",
		"goquery (ours)", ours.text.Precision(), ours.text.Recall(), ours.exact, ours.missing, ours.wrong, ours.elapsed.Round(time.Millisecond),
		"go-trafilatura", traf.text.Precision(), traf.text.Recall(), traf.exact, traf.missing, traf.wrong, traf.elapsed.Round(time.Millisecond),
		"go-htmldate", "-", "-", hd.exact, hd.missing, hd.wrong, hd.elapsed.Round(time.Millisecond))
	f1 := func(s TextScore) float64 { return 2 * s.Precision() * s.Recall() / (s.Precision() + s.Recall()) }
	if f1(ours.text) < f1(traf.text) {
		t.Errorf("main text F1: goquery %.3f < trafilatura %.3f: reconsider the extractor", f1(ours.text), f1(traf.text))
	}
	if ours.exact < hd.exact || ours.exact < traf.exact || ours.wrong > hd.wrong {
		t.Errorf("dates: goquery %d exact, %d wrong; htmldate %d exact, %d wrong; trafilatura %d exact: reconsider the date reader",
			ours.exact, ours.wrong, hd.exact, hd.wrong, traf.exact)
	}
}

func dateOf(res *trafilatura.ExtractResult, err error) string {
	if err != nil || res == nil {
		return "error"
	}
	return res.Metadata.Date.Format(time.DateOnly)
}
