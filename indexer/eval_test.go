package indexer_test

import (
	"strings"
	"testing"

	"github.com/advosearch/advosearch/indexer"
)

// floors are the scores a gold set must keep, set from measurement. Raise
// them as extraction improves; lowering one hides a regression.
type floors struct {
	orgF1, personF1, placeF1 float64
	sources, exactDates      int
	maxWrongDates            int
	mainTextP, mainTextR     float64
	// titles counts exact titles; speakers is the share of found
	// quotations given the right speaker (sets that label quotations).
	titles   int
	speakers float64
}

func TestEvaluate_GoldSets(t *testing.T) {
	sets := []struct {
		dir string
		min floors
	}{
		// The gold set the rules were developed against.
		{"testdata/gold", floors{orgF1: 0.98, personF1: 0.99, placeF1: 0.98, sources: 20, exactDates: 20, maxWrongDates: 0, mainTextP: 0.97, mainTextR: 0.99, titles: 20}},
		// Labelled after the rules were written and measured blind once
		// (see testdata/heldout/README.md); generic faults it showed were
		// fixed since, its own names were not added to the gazetteer.
		// Places rose from 0.88 to 0.97 with the entities tagger, which
		// reads towns no list holds (Vavuniya, Jayapura).
		{"testdata/heldout", floors{orgF1: 0.96, personF1: 0.93, placeF1: 0.96, sources: 4, exactDates: 5, maxWrongDates: 0, mainTextP: 0.99, mainTextR: 0.96, titles: 5}},
		// Real pages and posts from other repositories (testdata/realdev/
		// README.md), scored and never tuned on; floors just under the
		// first measurement (December 2026: organizations 0.36, people
		// 0.78, places 0.72, 7 sources, 7 exact dates, 6 titles, speakers
		// 0.48), so they can only rise. The targets are 0.85, 0.90,
		// 0.85, 95% titles, no wrong date and 90% of stated ones, 0.90
		// speakers. testdata/realdev is for tuning and has no floors.
		// Front matter, bylines and headline rules (all tuned on realdev)
		// then raised titles to 20, exact dates to 21 and sources to 13;
		// countries' French, Spanish and Portuguese names raised places to
		// 0.750, and organizations read from their first word in those
		// languages ("Procuraduría Agraria") organizations to 0.509 and
		// people to 0.792. The rules of the next session (signatory
		// lists, kinds of organization, repeated acronyms, the bodies the
		// gazetteer gained, places after locatives, titles and roles in
		// four languages, credit lines, dates with times) raised
		// organizations to 0.585, people to 0.871, places to 0.793,
		// sources to 15 and exact dates to 22. The round after (bodies'
		// forms linked in a text, lists of organizations, offices standing
		// for the person who holds them, quotations continued across
		// paragraphs) raised organizations to 0.641 and speakers to 0.667.
		// The third (states and provinces from ISO 3166-2, countries in
		// seven languages, organizations confirmed by their context,
		// publications and signatures naming the source) raised places to
		// 0.843, organizations to 0.651 and sources to 18. The fourth
		// (wire credits naming no one, one-word people resolved to a full
		// name, religious titles, places inside names and quoted titles;
		// Khmer and Romance bodies; more quotation styles) raised people to
		// 0.898 and places to 0.852.
		{"testdata/realtest", floors{orgF1: 0.64, personF1: 0.89, placeF1: 0.85, sources: 18, exactDates: 22, maxWrongDates: 0, titles: 20, speakers: 0.66}},
	}
	for _, set := range sets {
		t.Run(set.dir, func(t *testing.T) {
			r, err := indexer.Evaluate(set.dir)
			if err != nil {
				t.Fatalf("Evaluate: %v", err)
			}
			var table, errs strings.Builder
			if err := r.WriteTable(&table); err != nil {
				t.Fatal(err)
			}
			if err := r.WriteErrors(&errs); err != nil {
				t.Fatal(err)
			}
			t.Logf("\n%s", table.String())
			if testing.Verbose() {
				t.Logf("errors by document:\n%s", errs.String())
			}
			checks := []struct {
				name      string
				got, want float64
				atMost    bool
			}{
				{"organizations F1", r.Organizations.F1(), set.min.orgF1, false},
				{"people F1", r.People.F1(), set.min.personF1, false},
				{"places F1", r.Places.F1(), set.min.placeF1, false},
				{"correct sources", float64(r.Sources), float64(set.min.sources), false},
				{"exact dates", float64(r.Dates.Exact), float64(set.min.exactDates), false},
				{"wrong dates", float64(r.Dates.Wrong), float64(set.min.maxWrongDates), true},
				{"main text precision", r.MainText.Precision(), set.min.mainTextP, false},
				{"main text recall", r.MainText.Recall(), set.min.mainTextR, false},
				{"exact titles", float64(r.Titles), float64(set.min.titles), false},
				{"speaker accuracy", r.Quotes.SpeakerAccuracy(), set.min.speakers, false},
			}
			for _, c := range checks {
				if (!c.atMost && c.got < c.want) || (c.atMost && c.got > c.want) {
					t.Errorf("%s: got %.3f, floor %.3f", c.name, c.got, c.want)
				}
			}
		})
	}
}

func TestScore_Arithmetic(t *testing.T) {
	tests := []struct {
		name     string
		s        indexer.Score
		p, r, f1 float64
	}{
		{"perfect", indexer.Score{TP: 4}, 1, 1, 1},
		{"nothing found, nothing to find", indexer.Score{}, 1, 1, 1},
		{"half right", indexer.Score{TP: 1, FP: 1, FN: 1}, 0.5, 0.5, 0.5},
		{"all wrong", indexer.Score{FP: 2, FN: 3}, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.s.Precision() != tt.p || tt.s.Recall() != tt.r || tt.s.F1() != tt.f1 {
				t.Errorf("got P %v R %v F1 %v, want %v %v %v", tt.s.Precision(), tt.s.Recall(), tt.s.F1(), tt.p, tt.r, tt.f1)
			}
		})
	}
}
