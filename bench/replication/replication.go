package replication

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/advosearch/advosearch/bench"
	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/indexer"
	"github.com/advosearch/advosearch/record"
)

// ErrNotEmpty means the record given already holds statements: the
// measurements write into it, and a rebuild would time them too.
var ErrNotEmpty = errors.New("replication: the record is not empty; give the benchmark a database of its own")

// Options say what to measure. The zero value is the default, but for Dir
// and IndexFiles, which must be set.
type Options struct {
	// N is how many generated statements the rebuild is timed on.
	// Default 100,000.
	N int
	// Seed is the corpus generator's seed. Default 1.
	Seed int64
	// Rate is the steady ingest rate of the lag measurement, in
	// statements per second. Default 100.
	Rate int
	// LagFor is how long the lag measurement ingests. Default 30 s.
	LagFor time.Duration
	// Dir is an existing folder for the corpus and the nodes' data
	// folders.
	Dir string
	// IndexFiles indexes the corpus file into an empty data folder as
	// "advosearch index --data data corpus" does; advosearch bench record
	// runs that command.
	IndexFiles func(ctx context.Context, data, corpus string) error
	// Log receives progress; nil discards it.
	Log io.Writer
}

func (o *Options) setDefaults() {
	if o.N <= 0 {
		o.N = 100_000
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Rate <= 0 {
		o.Rate = 100
	}
	if o.LagFor <= 0 {
		o.LagFor = 30 * time.Second
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
}

// Result is what Run measured.
type Result struct {
	// Statements is how many statements the corpus gave, the number the
	// rebuild applied.
	Statements int
	// Files is "advosearch index" reading the corpus into an empty data
	// folder: extraction and index writes.
	Files time.Duration
	// Ingest is node A reading the corpus with every batch written to the
	// record before its own index, as serve --store ingests.
	Ingest time.Duration
	// Rebuild is node B building an empty index from the record alone.
	Rebuild time.Duration
	Lag     Lag
}

// Lag is the replication lag measured: from the moment node A is sent a
// statement until node B's index has it, searchable.
type Lag struct {
	// Sent is how many statements were sent, Rate the rate achieved.
	Sent int
	Rate float64
	// P50, P99 and Max are of the lag; Put is the median time node A
	// took to commit one statement to the record, part of the lag.
	P50, P99, Max, Put time.Duration
}

// Run measures on the empty record store: the files indexed with
// IndexFiles, the same files ingested through the record on node A, node
// B rebuilt from the record, then the lag from A to B at Rate for LagFor.
func Run(ctx context.Context, store *record.Store, opts Options) (Result, error) {
	opts.setDefaults()
	var res Result
	if n, err := store.Behind(ctx, 0); err != nil {
		return res, err
	} else if n > 0 {
		return res, fmt.Errorf("%w (it holds %d changes)", ErrNotEmpty, n)
	}
	corpus := filepath.Join(opts.Dir, "corpus.jsonl")
	fmt.Fprintf(opts.Log, "generating %d statements into %s\n", opts.N, corpus)
	if err := writeCorpus(corpus, opts.N, opts.Seed); err != nil {
		return res, err
	}

	fmt.Fprintln(opts.Log, "indexing the files with advosearch index")
	start := time.Now()
	if err := opts.IndexFiles(ctx, filepath.Join(opts.Dir, "files"), corpus); err != nil {
		return res, fmt.Errorf("replication: advosearch index: %w", err)
	}
	res.Files = time.Since(start)

	fmt.Fprintln(opts.Log, "ingesting the files on node A, through the record")
	a, err := index.Open(filepath.Join(opts.Dir, "a", "index"), index.Options{})
	if err != nil {
		return res, err
	}
	defer a.Close()
	start = time.Now()
	if err := ingest(ctx, store, a, corpus); err != nil {
		return res, err
	}
	res.Ingest = time.Since(start)

	fmt.Fprintln(opts.Log, "rebuilding node B from the record")
	b, err := index.Open(filepath.Join(opts.Dir, "b", "index"), index.Options{})
	if err != nil {
		return res, err
	}
	defer b.Close()
	cursor := filepath.Join(opts.Dir, "b", "record.cursor")
	f, err := record.NewFollower(store, b, cursor, record.FollowerOptions{})
	if err != nil {
		return res, err
	}
	start = time.Now()
	applied, err := f.CatchUp(ctx)
	if err != nil {
		return res, err
	}
	res.Rebuild, res.Statements = time.Since(start), applied

	fmt.Fprintf(opts.Log, "sending %d statements a second to node A for %s, timing until node B has each\n", opts.Rate, opts.LagFor)
	res.Lag, err = lag(ctx, store, b, cursor, opts)
	return res, err
}

func writeCorpus(path string, n int, seed int64) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("replication: corpus: %w", err)
	}
	err = bench.Generate(f, n, seed)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("replication: corpus: %w", err)
	}
	return nil
}

// ingest reads the corpus as serve --store ingests: each batch goes to the
// record first, then to the node's own index.
func ingest(ctx context.Context, store *record.Store, ix *index.Index, corpus string) error {
	in, err := indexer.New(ix, indexer.Options{BeforeWrite: store.Put})
	if err != nil {
		return err
	}
	if _, err := in.Files(ctx, []string{corpus}); err != nil {
		return fmt.Errorf("replication: ingest on node A: %w", err)
	}
	return nil
}

// lag sends statements to the record at opts.Rate, one at a time as a
// node's ingest does, while node B follows it, and times each from the
// moment it is sent until B's follower has written it to B's index.
func lag(ctx context.Context, store *record.Store, b *index.Index, cursor string, opts Options) (Lag, error) {
	var (
		mu   sync.Mutex
		sent = map[string]time.Time{}
		lags []time.Duration
	)
	applied := func(changes []record.Change) {
		now := time.Now()
		mu.Lock()
		defer mu.Unlock()
		for _, c := range changes {
			if t, ok := sent[c.Statement.ID]; ok {
				lags = append(lags, now.Sub(t))
				delete(sent, c.Statement.ID)
			}
		}
	}
	f, err := record.NewFollower(store, b, cursor, record.FollowerOptions{Applied: applied})
	if err != nil {
		return Lag{}, err
	}
	follow, stop := context.WithCancel(ctx)
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		_ = f.Run(follow) // it returns follow's error, once stopped
	}()
	defer func() { stop(); <-stopped }()
	for f.Status().Behind != 0 {
		if err := sleep(ctx, 10*time.Millisecond); err != nil {
			return Lag{}, err
		}
	}

	// Each statement has its moment, i/Rate after the start, and is sent
	// then, or at once if the one before took longer: a ticker would drop
	// the ticks a slow commit missed, and the rate with them.
	var puts []time.Duration
	interval := time.Second / time.Duration(opts.Rate)
	start := time.Now()
	for i := 0; time.Since(start) < opts.LagFor; i++ {
		if err := sleep(ctx, time.Until(start.Add(time.Duration(i)*interval))); err != nil {
			return Lag{}, err
		}
		st := lagStatement(i)
		t := time.Now()
		mu.Lock()
		sent[st.ID] = t
		mu.Unlock()
		if err := store.Put(ctx, []index.Statement{st}); err != nil {
			return Lag{}, err
		}
		puts = append(puts, time.Since(t))
	}
	took := time.Since(start)
	// The last statements sent are still on their way.
	deadline := time.Now().Add(30 * time.Second)
	for {
		mu.Lock()
		left := len(sent)
		mu.Unlock()
		if left == 0 {
			break
		}
		if time.Now().After(deadline) {
			return Lag{}, fmt.Errorf("replication: %d statements sent to node A did not reach node B within 30 s", left)
		}
		if err := sleep(ctx, 10*time.Millisecond); err != nil {
			return Lag{}, err
		}
	}
	mu.Lock()
	defer mu.Unlock()
	return summarize(lags, puts, took), nil
}

func summarize(lags, puts []time.Duration, took time.Duration) Lag {
	l := Lag{Sent: len(lags)}
	if len(lags) == 0 {
		return l
	}
	l.Rate = float64(len(puts)) / took.Seconds()
	s := bench.Summarize(lags)
	l.P50, l.P99 = msDuration(s.P50), msDuration(s.P99)
	l.Max = slices.Max(lags)
	l.Put = msDuration(bench.Summarize(puts).P50)
	return l
}

func msDuration(ms float64) time.Duration { return time.Duration(ms * float64(time.Millisecond)) }

func sleep(ctx context.Context, d time.Duration) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(d):
		return nil
	}
}

// lagStatement is the i-th statement of the lag measurement: short, as a
// press release's extracted fields are small beside the index work.
func lagStatement(i int) index.Statement {
	id := fmt.Sprintf("lag-%06d", i)
	body := fmt.Sprintf("Statement %d of the replication benchmark on the detention of defenders in Phnom Penh and the hearing that followed.", i)
	return index.Statement{
		ID: id, Title: "Replication benchmark " + id, Body: body, Lang: "en",
		URL: "https://example.org/" + id, Origin: "https://example.org/" + id, Hash: "lag-" + id,
	}
}

// Write prints the result as the lines the README quotes.
func (r Result) Write(w io.Writer, opts Options) error {
	opts.setDefaults()
	perSec := func(d time.Duration) float64 { return float64(r.Statements) / d.Seconds() }
	_, err := fmt.Fprintf(w, `%d statements (seed %d); %s
advosearch index, files into an empty data folder:    %8s  (%.0f statements/s)
ingest on node A through the record (PostgreSQL + index): %s  (%.0f statements/s)
rebuild of node B from the record into an empty index: %8s  (%.0f statements/s)
replication lag, %d statements at %.1f/s for %s: p50 %s, p99 %s, max %s (commit on node A: p50 %s)
`,
		r.Statements, opts.Seed, bench.Machine(),
		r.Files.Round(time.Second), perSec(r.Files),
		r.Ingest.Round(time.Second), perSec(r.Ingest),
		r.Rebuild.Round(time.Second), perSec(r.Rebuild),
		r.Lag.Sent, r.Lag.Rate, opts.LagFor, r.Lag.P50.Round(100*time.Microsecond), r.Lag.P99.Round(100*time.Microsecond),
		r.Lag.Max.Round(100*time.Microsecond), r.Lag.Put.Round(100*time.Microsecond))
	return err
}
