package indexer

import (
	"testing"

	"github.com/advosearch/advosearch/index"
)

// A quotation counts as found at 80% word overlap, and each extracted one
// answers one labelled quotation at most; a speaker counts only when exact.
func TestScoreQuotes(t *testing.T) {
	want := []goldQuote{
		{Text: "We will not stop until every detainee is free", Speaker: "Ana Pérez"},
		{Text: "The court has ignored the evidence again", Speaker: "Front Line Defenders"},
		{Text: "Nous nous sommes mutinés", Speaker: ""},
	}
	tests := []struct {
		name string
		got  []index.Quote
		want QuoteScore
	}{
		{"all found, speakers right", []index.Quote{
			{Text: "We will not stop until every detainee is free,", Speaker: "Ana Pérez"},
			{Text: "The court has ignored the evidence again.", Speaker: "Front Line Defenders"},
			{Text: "Nous nous sommes mutinés"},
		}, QuoteScore{Gold: 3, Got: 3, Matched: 3, Speakers: 3}},
		{"a surname is not the speaker", []index.Quote{
			{Text: "We will not stop until every detainee is free", Speaker: "Pérez"},
		}, QuoteScore{Gold: 3, Got: 1, Matched: 1}},
		{"half a quotation is not found", []index.Quote{
			{Text: "We will not stop", Speaker: "Ana Pérez"},
		}, QuoteScore{Gold: 3, Got: 1}},
		{"one extraction answers one quotation", []index.Quote{
			{Text: "Nous nous sommes mutinés"},
		}, QuoteScore{Gold: 3, Got: 1, Matched: 1, Speakers: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := scoreQuotes(tt.got, want)
			if got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

// A wrong title that keeps most of the headline is partial; any other line
// taken as the title (a caption, front matter, a site name) is counted apart,
// as the issue counts caption and chrome titles.
func TestReport_titleFaults(t *testing.T) {
	g := goldRecord{File: "x.html", Title: "Activists detained after peaceful march in Hebron"}
	tests := []struct {
		got  string
		want Report
	}{
		{"Activists detained after peaceful march in Hebron", Report{Titles: 1}},
		{"Activists detained after peaceful march in Hebron 12 March 2024", Report{WrongTitles: TitleScore{Partial: 1}}},
		{"Photo: Reuters", Report{WrongTitles: TitleScore{OtherLine: 1}}},
		{"layout: post.njk tags:", Report{WrongTitles: TitleScore{OtherLine: 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.got, func(t *testing.T) {
			r := Report{Errors: map[string][]string{}}
			r.score(g, index.Statement{Title: tt.got})
			if r.Titles != tt.want.Titles || r.WrongTitles != tt.want.WrongTitles {
				t.Errorf("titles %d, faults %+v; want %d, %+v", r.Titles, r.WrongTitles, tt.want.Titles, tt.want.WrongTitles)
			}
		})
	}
}
