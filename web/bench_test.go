package web_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"testing"
	"time"

	"github.com/advosearch/advosearch/bench"
	"github.com/advosearch/advosearch/corpus"
	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/indexer"
	"github.com/advosearch/advosearch/search"
	"github.com/advosearch/advosearch/web"
)

// benchStatements is the size of the generated corpus the API benchmarks
// search; building it takes about half a minute, so run them with a fixed
// count: go test -run '^$' -bench API -benchtime 300x ./web/
const benchStatements = 10_000

func generatedServer(b *testing.B) *httptest.Server {
	b.Helper()
	var buf bytes.Buffer
	if err := bench.Generate(&buf, benchStatements, 1); err != nil {
		b.Fatal(err)
	}
	var docs []corpus.Document
	lines := bufio.NewScanner(&buf)
	lines.Buffer(nil, 1<<20)
	for i := 0; lines.Scan(); i++ {
		docs = append(docs, corpus.Document{ID: fmt.Sprint("gen-", i), Name: fmt.Sprint("gen:", i),
			ContentType: corpus.TypeJSONL, Body: bytes.Clone(lines.Bytes())})
	}
	ix, err := index.Open(b.TempDir(), index.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ix.Close() })
	in, err := indexer.New(ix, indexer.Options{BatchSize: 1000})
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	if _, err := in.Documents(context.Background(), docs); err != nil {
		b.Fatal(err)
	}
	b.Logf("indexed %d statements in %s", len(docs), time.Since(start).Round(time.Millisecond))
	// A benchmark is one client asking as fast as it can: no rate limit,
	// no request log.
	srv, err := web.New(search.New(ix), web.Options{RateLimit: 1e9, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	b.Cleanup(ts.Close)
	return ts
}

// BenchmarkAPISearch measures /api/search over HTTP, facets and snippets
// included, and reports the median and 99th percentile latency.
func BenchmarkAPISearch(b *testing.B) {
	ts := generatedServer(b)
	for _, q := range []struct{ name, query string }{
		{"phrase", `?q=%22human+rights%22`},
		{"phrase+org+dates", `?q=%22human+rights%22&org=Amnesty+International&from=2014-01-01&to=2020-12-31`},
		{"word", `?q=detained`},
		{"and", `?q=human+rights+defenders`},
		// As people type: a small word, a pasted sentence, and words no
		// statement has all of (the partial fallback's counting searches).
		{"small-words", `?q=freedom+of+expression+in+Cambodia`},
		{"sentence", `?q=` + url.QueryEscape(`The authorities must release the human rights defenders detained for their peaceful work, the organization said on Monday.`)},
		{"partial", `?q=human+rights+defenders+zanzibar`},
		{"all", ``},
	} {
		b.Run(q.name, func(b *testing.B) {
			lat := make([]time.Duration, 0, b.N)
			for i := 0; i < b.N; i++ {
				start := time.Now()
				resp, err := http.Get(ts.URL + "/api/search" + q.query)
				if err != nil {
					b.Fatal(err)
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					b.Fatalf("status %d", resp.StatusCode)
				}
				lat = append(lat, time.Since(start))
			}
			slices.Sort(lat)
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
		})
	}
}
