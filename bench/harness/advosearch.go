package harness

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/advosearch/advosearch/bench"
	"github.com/advosearch/advosearch/corpus"
	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/indexer"
	"github.com/advosearch/advosearch/search"
	"github.com/advosearch/advosearch/web"
)

// RunAdvosearch indexes the corpus with the indexer as `advosearch index`
// does, then times searches through the engine and, when cfg asks for it,
// through the web server on a loopback port.
func RunAdvosearch(ctx context.Context, cfg bench.Config) (bench.Result, error) {
	res := bench.Result{System: bench.SystemAdvosearch}
	path := filepath.Join(cfg.Dir, "advosearch")

	if cfg.Reuse {
		if _, err := os.Stat(path); err != nil {
			return res, fmt.Errorf("harness: no index to reuse (run with --keep first): %w", err)
		}
		res.Notes = append(res.Notes, "the index of an earlier run, searched again: no indexing figures")
	} else if err := indexCorpus(ctx, cfg, path, &res); err != nil {
		return res, err
	}

	// path is a link to the generation folder Open created.
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return res, fmt.Errorf("harness: %w", err)
	}
	if res.IndexBytes, err = bench.DirSize(real); err != nil {
		return res, err
	}
	if cfg.Split {
		if res.ExtractSeconds, res.WriteSeconds, err = splitIndexing(ctx, cfg); err != nil {
			return res, err
		}
	}

	start := time.Now()
	ix, err := index.Open(path, index.Options{})
	if err != nil {
		return res, err
	}
	defer ix.Close()
	eng := search.New(ix)
	all, err := eng.Search(ctx, search.Request{})
	if err != nil {
		return res, err
	}
	res.OpenSeconds = time.Since(start).Seconds()
	if cfg.Reuse {
		res.Statements = int(all.Total)
	}

	res.Classes, res.CrossCheck, err = bench.TimeClasses(ctx, cfg, func(bench.Class) bool { return true },
		func(ctx context.Context, q bench.Query) (uint64, error) {
			r, err := eng.Search(ctx, advosearchRequest(q))
			return r.Total, err
		})
	if err != nil {
		return res, err
	}
	if len(cfg.HTTPLevels) > 0 {
		if err := serveLoad(ctx, cfg, eng, &res); err != nil {
			return res, err
		}
	}
	return res, nil
}

// indexCorpus indexes the corpus into a new index at path, as `advosearch
// index` does, and records the indexing figures.
func indexCorpus(ctx context.Context, cfg bench.Config, path string, res *bench.Result) error {
	stop, err := bench.StartProfile(cfg.ProfileDir, bench.SystemAdvosearch, "index")
	if err != nil {
		return err
	}
	start, cpu := time.Now(), bench.CPUSeconds()
	ix, err := index.Open(path, index.Options{})
	if err != nil {
		return err
	}
	in, err := indexer.New(ix, indexer.Options{})
	if err != nil {
		ix.Close()
		return err
	}
	sum, err := in.Files(ctx, []string{cfg.Corpus})
	if err != nil {
		ix.Close()
		return err
	}
	if err := ix.Close(); err != nil {
		return err
	}
	res.IndexSeconds = time.Since(start).Seconds()
	res.IndexCPUSeconds = bench.CPUSeconds() - cpu
	res.PeakRSSIndexing = bench.PeakRSS()
	if err := stop(); err != nil {
		return err
	}
	res.Statements = sum.Indexed
	if len(sum.Skipped) > 0 {
		res.Notes = append(res.Notes, fmt.Sprintf("%d statements skipped by extraction, first: %v", len(sum.Skipped), sum.Skipped[0].Err))
	}
	return nil
}

func advosearchRequest(q bench.Query) search.Request {
	r := search.Request{Query: q.Text()}
	if q.Source != "" {
		r.Sources = []string{q.Source}
	}
	// The queries are generated, so their dates parse.
	r.From, _ = time.Parse(time.DateOnly, q.From)
	r.To, _ = time.Parse(time.DateOnly, q.To)
	return r
}

// splitIndexing indexes the corpus again into a scratch index in two timed
// steps: extraction of every statement on every core, then the index writes
// alone, in the indexer's batches. The pipeline overlaps the two, so the
// parts add up to more than the whole.
func splitIndexing(ctx context.Context, cfg bench.Config) (extract, write float64, err error) {
	var docs []corpus.Document
	err = corpus.ReadFile(cfg.Corpus, 20<<20, func(d corpus.Document) error { docs = append(docs, d); return nil },
		func(corpus.Skipped) {})
	if err != nil {
		return 0, 0, fmt.Errorf("harness: %w", err)
	}
	ex, err := indexer.NewExtractor()
	if err != nil {
		return 0, 0, err
	}
	start := time.Now()
	stmts := make([]index.Statement, len(docs))
	ok := make([]bool, len(docs))
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(docs); i += workers {
				s, _, err := ex.Extract(docs[i])
				if err != nil {
					continue // counted as skipped by the real run
				}
				// Extract finds the quotations too, as the indexer's run does.
				s.ID, s.Origin = docs[i].ID, docs[i].Name
				stmts[i], ok[i] = s, true
			}
		})
	}
	wg.Wait()
	extract = time.Since(start).Seconds()
	docs = nil

	path := filepath.Join(cfg.Dir, "advosearch-split")
	defer os.RemoveAll(path)
	start = time.Now()
	ix, err := index.Open(path, index.Options{})
	if err != nil {
		return 0, 0, err
	}
	defer ix.Close()
	const batch = 500 // the indexer's default
	var pending []index.Statement
	for i, s := range stmts {
		if ok[i] {
			pending = append(pending, s)
		}
		if len(pending) == batch || (i == len(stmts)-1 && len(pending) > 0) {
			if err := ctx.Err(); err != nil {
				return 0, 0, err
			}
			if err := ix.Write(pending, nil); err != nil {
				return 0, 0, err
			}
			pending = pending[:0]
		}
	}
	if err := ix.Close(); err != nil {
		return 0, 0, err
	}
	return extract, time.Since(start).Seconds(), nil
}

// serveLoad serves the engine through the web server on a loopback port and
// loads it at each concurrency, then runs the same mix in-process at
// bench.HTTPBaseline for comparison.
func serveLoad(ctx context.Context, cfg bench.Config, eng *search.Engine, res *bench.Result) error {
	// The load comes from one address, which the per-client rate limit
	// would answer with 429s: lift it, to measure the server, not the limit.
	srv, err := web.New(eng, web.Options{Logger: slog.New(slog.DiscardHandler), RateLimit: 1e6})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fmt.Errorf("harness: %w", err)
	}
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 5 * time.Second}
	go hs.Serve(ln)
	defer hs.Close()
	base := "http://" + ln.Addr().String()

	mixed := bench.Mixed(cfg.Queries)
	paths := make([]string, len(mixed))
	reqs := make([]search.Request, len(mixed))
	for i, q := range mixed {
		paths[i], reqs[i] = q.APIPath(), advosearchRequest(q)
	}

	sampled := make(chan int64)
	done := make(chan struct{})
	go func() { sampled <- sampleRSS(done) }()
	for _, c := range cfg.HTTPLevels {
		res.HTTP = append(res.HTTP, bench.Load(ctx, base, paths, c, cfg.HTTPRequests, cfg.HTTPDuration))
	}
	close(done)
	res.RSSServing = <-sampled
	in := bench.LoadFunc(ctx, bench.HTTPBaseline, cfg.HTTPRequests, cfg.HTTPDuration, func(ctx context.Context, i int) error {
		_, err := eng.Search(ctx, reqs[i%len(reqs)])
		if errors.Is(err, search.ErrOverloaded) {
			return fmt.Errorf("%w: %w", bench.ErrShed, err)
		}
		return err
	})
	res.InProcess = &in
	for _, h := range append(res.HTTP, in) {
		if h.Errors > 0 {
			res.Notes = append(res.Notes, fmt.Sprintf("c=%d: %d errors, first: %s", h.Concurrency, h.Errors, h.FirstError))
		}
	}
	return nil
}

// sampleRSS returns the largest VmRSS seen every 100 ms until done closes.
func sampleRSS(done <-chan struct{}) int64 {
	peak := bench.RSS()
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-done:
			return max(peak, bench.RSS())
		case <-t.C:
			peak = max(peak, bench.RSS())
		}
	}
}
