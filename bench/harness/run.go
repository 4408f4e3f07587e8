package harness

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"time"

	"github.com/advosearch/advosearch/bench"
)

// Options of a whole run. The zero value of a field means its default.
type Options struct {
	N    int   // statements to generate; default 10,000
	Seed int64 // generator and query seed
	// Queries is how many queries of each class are timed; default 200.
	Queries int
	// Self is the command line that runs this program's "bench run"; Run
	// appends "--child CONFIG" to start each system in a process of its own.
	Self []string
	// FTS5 is the SQLite FTS5 program built from bench/fts5; "" leaves the
	// FTS5 peer out.
	FTS5 string
	// Systems limits the run to these systems; default all.
	Systems []string
	// Dir holds the corpus and the indexes; default a new temporary folder,
	// removed at the end.
	Dir        string
	ProfileDir string // CPU profiles, see bench.Config
	ClassLimit time.Duration
	// HTTPLevels, HTTPRequests and HTTPDuration bound the HTTP load; default
	// 1, 4, 16 and 64 workers, each level stopping after 2,000 requests or
	// 20 s.
	HTTPLevels   []int
	HTTPRequests int
	HTTPDuration time.Duration
	// NoSplit skips timing advosearch's extraction and index writes apart,
	// which indexes the corpus a second time.
	NoSplit bool
	// Keep keeps each system's index in Dir, and Reuse searches the
	// advosearch index kept there instead of generating and indexing the
	// corpus again; Reuse runs advosearch alone.
	Keep, Reuse bool
	// Log receives progress and the children's standard error.
	Log io.Writer
}

func (o *Options) setDefaults() {
	if o.N <= 0 {
		o.N = 10_000
	}
	if o.Queries <= 0 {
		o.Queries = 200
	}
	if o.ClassLimit <= 0 {
		o.ClassLimit = bench.DefaultClassLimit
	}
	if len(o.HTTPLevels) == 0 {
		o.HTTPLevels = []int{1, 4, 16, 64}
	}
	if o.HTTPRequests <= 0 {
		o.HTTPRequests = 2_000
	}
	if o.HTTPDuration <= 0 {
		o.HTTPDuration = 20 * time.Second
	}
	all := []string{bench.SystemAdvosearch, bench.SystemBleve}
	if o.FTS5 != "" {
		all = append(all, bench.SystemFTS5)
	}
	if len(o.Systems) == 0 {
		o.Systems = all
	}
	// Report order is advosearch, then its peers, whatever order was asked.
	slices.SortStableFunc(o.Systems, func(a, b string) int {
		return cmp.Compare(systemRank(a), systemRank(b))
	})
	if o.Log == nil {
		o.Log = io.Discard
	}
}

// Run generates the corpus and the queries, runs each system in a child
// process, one after the other so that they do not compete for the cores, and
// returns their results in report order. A system that fails is reported
// with a note, not as an error, so the others' numbers are not lost.
func Run(ctx context.Context, opts Options) ([]bench.Result, error) {
	opts.setDefaults()
	dir := opts.Dir
	if dir == "" {
		tmp, err := os.MkdirTemp("", "advosearch-bench-")
		if err != nil {
			return nil, fmt.Errorf("harness: %w", err)
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("harness: %w", err)
	}
	corpusPath := filepath.Join(dir, "statements.jsonl")
	if opts.Reuse {
		if !slices.Equal(opts.Systems, []string{bench.SystemAdvosearch}) {
			return nil, fmt.Errorf("harness: only advosearch can reuse its index; run it alone")
		}
		fmt.Fprintf(opts.Log, "searching the index kept in %s\n", dir)
	} else {
		fmt.Fprintf(opts.Log, "generating %d statements (seed %d) in %s\n", opts.N, opts.Seed, corpusPath)
		if err := writeCorpus(corpusPath, opts.N, opts.Seed); err != nil {
			return nil, err
		}
	}
	queries := bench.Queries(opts.Queries, opts.Seed)

	var results []bench.Result
	for _, system := range opts.Systems {
		cfg := bench.Config{
			System: system, Corpus: corpusPath, Dir: filepath.Join(dir, system), Queries: queries,
			ClassLimit: opts.ClassLimit, ProfileDir: opts.ProfileDir, Split: !opts.NoSplit && !opts.Reuse,
			Reuse: opts.Reuse,
		}
		if system == bench.SystemAdvosearch {
			cfg.HTTPLevels, cfg.HTTPRequests, cfg.HTTPDuration = opts.HTTPLevels, opts.HTTPRequests, opts.HTTPDuration
		}
		var cmd []string
		switch system {
		case bench.SystemAdvosearch, bench.SystemBleve:
			cmd = opts.Self
		case bench.SystemFTS5:
			cmd = []string{opts.FTS5}
		default:
			return nil, fmt.Errorf("harness: unknown system %q", system)
		}
		fmt.Fprintf(opts.Log, "running %s\n", system)
		start, loadBefore := time.Now(), bench.LoadAverage()
		r, err := runChild(ctx, cmd, cfg, dir, opts.Log)
		if err != nil {
			if ctx.Err() != nil {
				return results, ctx.Err()
			}
			r = bench.Result{System: system, Notes: []string{"failed: " + err.Error()}}
		}
		// Other work on the machine skews the numbers; say how much there was.
		r.Notes = append(r.Notes, fmt.Sprintf("ran %s; 1-minute load average %s before, %s after",
			time.Since(start).Round(time.Second), loadBefore, bench.LoadAverage()))
		fmt.Fprintf(opts.Log, "%s done in %s\n", system, time.Since(start).Round(time.Second))
		results = append(results, r)
		if !opts.Keep && !opts.Reuse {
			os.RemoveAll(cfg.Dir) // the next system gets the disk cache to itself
		}
	}
	return results, nil
}

func systemRank(s string) int {
	switch s {
	case bench.SystemAdvosearch:
		return 0
	case bench.SystemBleve:
		return 1
	case bench.SystemFTS5:
		return 2
	}
	return 3
}

func writeCorpus(path string, n int, seed int64) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("harness: %w", err)
	}
	if err := bench.Generate(f, n, seed); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("harness: %w", err)
	}
	return nil
}

// runChild writes cfg beside the corpus, runs cmd with "--child CONFIG"
// appended and reads the JSON result from its standard output.
func runChild(ctx context.Context, cmd []string, cfg bench.Config, dir string, log io.Writer) (bench.Result, error) {
	if err := os.MkdirAll(cfg.Dir, 0o755); err != nil {
		return bench.Result{}, fmt.Errorf("harness: %w", err)
	}
	b, err := json.Marshal(cfg)
	if err != nil {
		return bench.Result{}, fmt.Errorf("harness: %w", err)
	}
	cfgPath := filepath.Join(dir, cfg.System+".json")
	if err := os.WriteFile(cfgPath, b, 0o644); err != nil {
		return bench.Result{}, fmt.Errorf("harness: %w", err)
	}
	c := exec.CommandContext(ctx, cmd[0], append(cmd[1:], "--child", cfgPath)...)
	var out bytes.Buffer
	c.Stdout, c.Stderr = &out, log
	if err := c.Run(); err != nil {
		return bench.Result{}, fmt.Errorf("harness: %s: %w", cfg.System, err)
	}
	var r bench.Result
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		return bench.Result{}, fmt.Errorf("harness: %s result: %w", cfg.System, err)
	}
	return r, nil
}

// RunChild is the child's side of Run: it runs the system the config at
// configPath names and writes its result as JSON to w.
func RunChild(ctx context.Context, configPath string, w io.Writer) error {
	cfg, err := bench.ReadConfig(configPath)
	if err != nil {
		return err
	}
	var r bench.Result
	switch cfg.System {
	case bench.SystemAdvosearch:
		r, err = RunAdvosearch(ctx, cfg)
	case bench.SystemBleve:
		r, err = RunBleve(ctx, cfg)
	default:
		return fmt.Errorf("harness: %q is not run by this program", cfg.System)
	}
	if err != nil {
		return err
	}
	return json.NewEncoder(w).Encode(r)
}
