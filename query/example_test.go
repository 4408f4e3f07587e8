package query_test

import (
	"errors"
	"fmt"

	"github.com/advosearch/advosearch/query"
)

func ExampleParse() {
	n, err := query.Parse(`(Hun Sen OR "Prime Minister") AND NOT ADHOC published:>=2017`, query.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(n)
	fmt.Println(query.Format(n))

	_, err = query.Parse(`Sokha~1 AND`, query.Options{})
	var se *query.SyntaxError
	fmt.Println(err, errors.As(err, &se), se.Column)
	// Output:
	// (and (or (and (term "Hun") (term "Sen")) (phrase "Prime Minister")) (date published 2017-01-01 *) (not (term "ADHOC")))
	// ((Hun AND Sen) OR "Prime Minister") AND published:[2017-01-01 TO *] AND -ADHOC
	// query: expected a term after AND at column 9 true 9
}
