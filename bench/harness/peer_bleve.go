package harness

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/advosearch/advosearch/bench"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/highlight/highlighter/html"
	"github.com/blevesearch/bleve/v2/search/query"
)

// bleveBatch is the peer's batch size, as in the measurements.
const bleveBatch = 1000

// RunBleve indexes the corpus's records as they are, with Bleve's default
// mapping (every field dynamic, stored, with term vectors, in _all, standard
// analyzer; dates detected), in batches of 1,000, and times the queries it can
// express: Bleve has no proximity query.
func RunBleve(ctx context.Context, cfg bench.Config) (bench.Result, error) {
	res := bench.Result{System: bench.SystemBleve}
	path := filepath.Join(cfg.Dir, "bleve")

	stop, err := bench.StartProfile(cfg.ProfileDir, bench.SystemBleve, "index")
	if err != nil {
		return res, err
	}
	start, cpu := time.Now(), bench.CPUSeconds()
	if res.Statements, err = bleveIndex(ctx, path, cfg.Corpus); err != nil {
		return res, err
	}
	res.IndexSeconds = time.Since(start).Seconds()
	res.IndexCPUSeconds = bench.CPUSeconds() - cpu
	res.PeakRSSIndexing = bench.PeakRSS()
	if err := stop(); err != nil {
		return res, err
	}
	if res.IndexBytes, err = bench.DirSize(path); err != nil {
		return res, err
	}

	start = time.Now()
	idx, err := bleve.Open(path)
	if err != nil {
		return res, fmt.Errorf("harness: bleve: %w", err)
	}
	defer idx.Close()
	if _, err := bleveSearch(ctx, idx, bench.Query{Class: bench.ClassAll}); err != nil {
		return res, err
	}
	res.OpenSeconds = time.Since(start).Seconds()
	res.Classes, res.CrossCheck, err = bench.TimeClasses(ctx, cfg, func(c bench.Class) bool { return c != bench.ClassNear },
		func(ctx context.Context, q bench.Query) (uint64, error) { return bleveSearch(ctx, idx, q) })
	return res, err
}

func bleveIndex(ctx context.Context, path, corpusPath string) (int, error) {
	idx, err := bleve.New(path, bleve.NewIndexMapping())
	if err != nil {
		return 0, fmt.Errorf("harness: bleve: %w", err)
	}
	n, err := bleveWrite(ctx, idx, corpusPath)
	// Bleve panics on a second Close, so there is exactly one, here.
	if cerr := idx.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("harness: bleve: %w", cerr)
	}
	return n, err
}

func bleveWrite(ctx context.Context, idx bleve.Index, corpusPath string) (int, error) {
	f, err := os.Open(corpusPath)
	if err != nil {
		return 0, fmt.Errorf("harness: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 20<<20)
	batch := idx.NewBatch()
	n := 0
	for sc.Scan() {
		var doc map[string]interface{}
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			return n, fmt.Errorf("harness: %s line %d: %w", corpusPath, n+1, err)
		}
		n++
		if err := batch.Index(strconv.Itoa(n), doc); err != nil {
			return n, fmt.Errorf("harness: bleve: %w", err)
		}
		if batch.Size() >= bleveBatch {
			if err := ctx.Err(); err != nil {
				return n, err
			}
			if err := idx.Batch(batch); err != nil {
				return n, fmt.Errorf("harness: bleve: %w", err)
			}
			batch.Reset()
		}
	}
	if err := sc.Err(); err != nil {
		return n, fmt.Errorf("harness: %w", err)
	}
	if err := idx.Batch(batch); err != nil {
		return n, fmt.Errorf("harness: bleve: %w", err)
	}
	return n, nil
}

// bleveSearch runs q the way a Bleve user would write it: query strings for
// words, a match-phrase query for phrases; a page of 10 with the fields a
// result list shows; facets and HTML highlights where the class has them.
func bleveSearch(ctx context.Context, idx bleve.Index, q bench.Query) (uint64, error) {
	var bq query.Query
	words := strings.Join(q.Words, " ")
	switch q.Class {
	case bench.ClassTerm:
		bq = bleve.NewQueryStringQuery(words)
	case bench.ClassAnd:
		bq = bleve.NewQueryStringQuery("+" + strings.Join(q.Words, " +"))
	case bench.ClassPhrase:
		bq = bleve.NewMatchPhraseQuery(words)
	case bench.ClassFiltered:
		src := bleve.NewMatchPhraseQuery(q.Source)
		src.SetField("source")
		from, _ := time.Parse(time.DateOnly, q.From)
		to, _ := time.Parse(time.DateOnly, q.To)
		inclusive, exclusive := true, false
		dates := bleve.NewDateRangeInclusiveQuery(from, to.AddDate(0, 0, 1), &inclusive, &exclusive)
		dates.SetField("published")
		bq = bleve.NewConjunctionQuery(bleve.NewMatchPhraseQuery(words), src, dates)
	case bench.ClassAll:
		bq = bleve.NewMatchAllQuery()
	default:
		return 0, fmt.Errorf("harness: bleve: no %s query", q.Class)
	}
	req := bleve.NewSearchRequestOptions(bq, 10, 0, false)
	req.Fields = []string{"title", "source", "published", "url"}
	if q.Class == bench.ClassFiltered || q.Class == bench.ClassAll {
		req.AddFacet("source", bleve.NewFacetRequest("source", 15))
		req.AddFacet("published", yearFacet("published"))
	}
	if q.Class == bench.ClassFiltered {
		req.Highlight = bleve.NewHighlightWithStyle(html.Name)
		req.Highlight.AddField("title")
		req.Highlight.AddField("body")
	}
	res, err := idx.SearchInContext(ctx, req)
	if err != nil {
		return 0, fmt.Errorf("harness: bleve: %w", err)
	}
	return res.Total, nil
}

// yearFacet counts hits per publication year over the same years as
// advosearch's histogram.
func yearFacet(field string) *bleve.FacetRequest {
	const first = 1990
	last := time.Now().Year() + 1
	f := bleve.NewFacetRequest(field, last-first+2)
	year := func(y int) time.Time { return time.Date(y, time.January, 1, 0, 0, 0, 0, time.UTC) }
	f.AddDateTimeRange("before "+strconv.Itoa(first), time.Time{}, year(first))
	for y := first; y <= last; y++ {
		f.AddDateTimeRange(strconv.Itoa(y), year(y), year(y+1))
	}
	return f
}
