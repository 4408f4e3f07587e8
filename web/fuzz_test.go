package web_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"testing"

	"github.com/advosearch/advosearch/web"
)

// FuzzAPISearch_params sends arbitrary parameters to the search and quote
// APIs: every answer is JSON, and a 500 (our fault) never happens.
func FuzzAPISearch_params(f *testing.F) {
	for _, seed := range [][6]string{
		{`"must close because they follow foreigners"`, "2017-01-01", "2017-12-31", "10", "1", "-date"},
		{`(Hun Sen OR "Prime Minister") AND NOT ADHOC`, "", "", "100", "2", "relevance"},
		{`"Hun Sen CCHR"~10 Sok* /detain(ed)?/ rights^2`, "2017-13-01", "", "0", "-1", "popular"},
		{`title:( published:[2017 TO *] org:"x`, "", "1999-02-30", "abc", "999999999999", ""},
	} {
		f.Add(seed[0], seed[1], seed[2], seed[3], seed[4], seed[5])
	}
	ts := newTestServerWith(f, web.Options{RateLimit: 1e9})
	f.Fuzz(func(t *testing.T, q, from, to, size, page, sort string) {
		v := url.Values{"q": {q}, "from": {from}, "to": {to}, "size": {size}, "page": {page}, "sort": {sort}, "org": {q}}
		for _, path := range []string{"/api/search?", "/api/quotes?"} {
			resp, err := http.Get(ts.URL + path + v.Encode())
			if err != nil {
				t.Fatal(err)
			}
			var body map[string]any
			jsonErr := json.NewDecoder(resp.Body).Decode(&body)
			resp.Body.Close()
			if resp.StatusCode >= 500 && resp.StatusCode != http.StatusServiceUnavailable {
				t.Errorf("%s q=%q from=%q to=%q size=%q page=%q sort=%q: status %d", path, q, from, to, size, page, sort, resp.StatusCode)
			}
			if jsonErr != nil {
				t.Errorf("%s: status %d with a body that is not JSON: %v", path, resp.StatusCode, jsonErr)
			}
		}
	})
}
