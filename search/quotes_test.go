package search

import (
	"context"
	"testing"

	"github.com/advosearch/advosearch/index"
)

func TestEngine_Quotes(t *testing.T) {
	ix, err := index.Open(t.TempDir(), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	stmts := []index.Statement{
		{ID: "ppp", Title: "PM says NGO ‘must close’", Source: "Phnom Penh Post", Published: day("2017-11-27"),
			Body: "…", Organizations: []string{"Cambodian Center for Human Rights"}, Quotes: []index.Quote{
				{Text: "The Ministry of Interior should check, because they were created by foreigners, not Khmers", Speaker: "Hun Sen",
					Sentence: "“The Ministry of Interior should check, because they were created by foreigners, not Khmers,” he said."},
				{Text: "If it’s an international NGO, and they come to create it and ask our permission, it’s not an issue", Speaker: "Hun Sen"},
			}},
		{ID: "ishr", Title: "NGOs raise alarm", Source: "ISHR", Published: day("2016-05-01"), Body: "…", Quotes: []index.Quote{
			{Text: "The irony is that the foreigners with real influence in Cambodia are those invited there by the ruling elite", Speaker: "Sarah M Brooks"},
			{Text: "They were created by foreigners and must be shut down at once", Speaker: ""},
		}},
	}
	if err := ix.Write(stmts, nil); err != nil {
		t.Fatal(err)
	}
	e := New(ix)
	tests := []struct {
		name      string
		req       QuoteRequest
		wantFirst string
		wantExact bool
		total     uint64
	}{
		{"pasted with straight quotes and apostrophes",
			QuoteRequest{Query: `"If it's an international NGO, and they come to create it"`}, "ppp#q2", true, 1},
		{"a changed word still finds it, not exact",
			QuoteRequest{Query: `The Ministry of Interior must check, because they were created by foreigners`}, "ppp#q1", false, 1},
		{"exact outranks near",
			QuoteRequest{Query: `they were created by foreigners – not Khmers`}, "ppp#q1", true, 2},
		{"speaker filter", QuoteRequest{Speakers: []string{"Sarah M Brooks"}}, "ishr#q1", false, 1},
		{"organization filter matches the publisher", QuoteRequest{Organizations: []string{"ISHR"}}, "", false, 2},
		{"organization filter matches a mentioned organization",
			QuoteRequest{Organizations: []string{"Cambodian Center for Human Rights"}}, "", false, 2},
		{"date range", QuoteRequest{From: day("2017-01-01")}, "", false, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := e.Quotes(context.Background(), tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if res.Total != tt.total {
				t.Fatalf("total %d, want %d: %+v", res.Total, tt.total, res.Hits)
			}
			if tt.wantFirst == "" {
				return
			}
			first := res.Hits[0]
			if first.ID != tt.wantFirst || first.Exact != tt.wantExact {
				t.Errorf("first %s exact %v, want %s exact %v", first.ID, first.Exact, tt.wantFirst, tt.wantExact)
			}
			if first.StatementID != first.ID[:len(first.StatementID)] || first.Title == "" || first.Source == "" {
				t.Errorf("statement metadata missing: %+v", first)
			}
			if tt.req.Query != "" {
				marked := 0
				for _, sp := range first.Quote {
					if sp.Hit {
						marked++
					}
				}
				if marked == 0 {
					t.Errorf("no words marked in %+v", first.Quote)
				}
			}
		})
	}
}
