package web

// helpExample is one line of the search page's syntax help: a query that
// runs when followed, and what it finds.
type helpExample struct {
	Query string
	URL   string
	What  string
}

// helpExamples are queries that find something in the sample statements
// (corpus/seeds), so that following one shows what the syntax does. The
// links carry no filters: an example should run the same from any page.
func helpExamples() []helpExample {
	examples := []helpExample{
		{Query: `"must close because they follow foreigners"`, What: "these words in this order, as written (not stemmed); “curly quotes” work too"},
		{Query: `"Hun Sen CCHR"~10`, What: "these words within 10 words of each other, in any order"},
		{Query: `Sokha~1`, What: "fuzzy: words at most 1 letter away, such as Sokha or Sokah"},
		{Query: `detain*`, What: "wildcard: detain, detained, detainee…; ? stands for one letter"},
		{Query: `(Hun Sen OR "Prime Minister") AND NOT ADHOC`, What: "either name, and not the word ADHOC"},
		{Query: `org:"Cambodian Center for Human Rights" AND published:[2017-01-01 TO 2017-12-31]`, What: "statements naming an organization, published in 2017"},
		{Query: `title:"must close"^2`, What: "in the title only; ^2 counts the clause double when ranking"},
		{Query: `published:>=2017`, What: "published in 2017 or later; also >, <, <="},
	}
	for i := range examples {
		examples[i].URL = params{Q: examples[i].Query}.href()
	}
	return examples
}
