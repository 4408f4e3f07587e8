package feeds

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"html"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/advosearch/advosearch/corpus"
)

// DefaultWorkers is how many feeds a Watcher polls at once.
const DefaultWorkers = 4

// WatchOptions configure a Watcher. The zero value of each field means its
// default.
type WatchOptions struct {
	// Workers is how many feeds are polled at once. Requests to one host
	// are still PerHostDelay apart, whatever the number. Default 4.
	Workers int
	// Report, if set, is called by Run after each round with its summary
	// and error, so the caller can log them. RunOnce does not call it.
	Report func(Summary, error)
}

// Summary counts one round of a Watcher.
type Summary struct {
	Feeds       int // feeds polled (including failed ones)
	NotModified int // feeds with nothing new: a 304, or only items already seen
	NewItems    int // items not seen before
	Pages       int // item pages fetched
	Fallbacks   int // items whose page failed, emitted from the feed's own content
	Emitted     int // documents handed to emit successfully
	// Errors maps a feed URL (or a bad line of the feeds file) to what went
	// wrong with it. One failing feed does not stop the others; its state
	// is not advanced, so its items come again next round.
	Errors map[string]error
}

// Watcher polls the feeds listed in a file and hands new statements on. A
// Watcher is not meant for concurrent RunOnce calls: they would race on the
// state file.
type Watcher struct {
	fetcher   *Fetcher
	feedsFile string
	statePath string
	emit      func(ctx context.Context, docs []corpus.Document) error
	opts      WatchOptions

	mu     sync.Mutex // serialises emit and state updates across workers
	states map[string]State
}

// NewWatcher returns a Watcher that reads feed URLs from feedsFile (one a
// line; blank lines and lines starting with "#" are ignored), keeps its
// state in statePath (see LoadState), and passes each feed's new documents
// to emit. emit is never called concurrently, and is called once per feed
// that has new items; if it fails, the feed's state is not advanced and the
// same documents are offered again on the next round, so emit should be
// idempotent (Document IDs are stable, so indexing by ID is).
func NewWatcher(f *Fetcher, feedsFile, statePath string, emit func(ctx context.Context, docs []corpus.Document) error, opts WatchOptions) *Watcher {
	if opts.Workers <= 0 {
		opts.Workers = DefaultWorkers
	}
	return &Watcher{fetcher: f, feedsFile: feedsFile, statePath: statePath, emit: emit, opts: opts}
}

// RunOnce polls every feed once. For each feed with new items it fetches
// each item's page (falling back to the item's own content when that
// fails), calls emit with the documents, and then, and only then, saves the
// feed's new state. A crash between emit and the save re-fetches the items
// next time instead of losing them.
//
// The error is for the round as a whole: the feeds or state file cannot be
// read, or ctx ended. Per-feed failures are in Summary.Errors.
func (w *Watcher) RunOnce(ctx context.Context) (Summary, error) {
	sum := Summary{Errors: make(map[string]error)}
	feeds, bad, err := readFeeds(w.feedsFile)
	if err != nil {
		return sum, err
	}
	for line, err := range bad {
		sum.Errors[line] = err
	}
	states, err := LoadState(w.statePath)
	if err != nil {
		return sum, err
	}
	w.mu.Lock()
	w.states = states
	w.mu.Unlock()

	jobs := make(chan string)
	var wg sync.WaitGroup
	var sumMu sync.Mutex
	for range min(w.opts.Workers, len(feeds)) {
		wg.Go(func() {
			for feedURL := range jobs {
				fs, err := w.pollFeed(ctx, feedURL)
				sumMu.Lock()
				sum.add(fs)
				if err != nil {
					sum.Errors[feedURL] = err
				}
				sumMu.Unlock()
			}
		})
	}
	for _, u := range feeds {
		if ctx.Err() != nil {
			break
		}
		jobs <- u
	}
	close(jobs)
	wg.Wait()
	return sum, ctx.Err()
}

// Run calls RunOnce now and then every interval until ctx ends, passing
// each round's result to WatchOptions.Report. It returns ctx.Err() when ctx
// ends, or at once the error of a first round that could not start (no
// feeds file, a corrupt state file): that is a configuration mistake, while
// a later one (the file being edited) is reported and retried.
func (w *Watcher) Run(ctx context.Context, interval time.Duration) error {
	if interval <= 0 {
		return errors.New("feeds: watch interval must be positive")
	}
	for round := 0; ; round++ {
		sum, err := w.RunOnce(ctx)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if w.opts.Report != nil {
			w.opts.Report(sum, err)
		}
		if err != nil && round == 0 {
			return err
		}
		if err := w.fetcher.opts.Sleep(ctx, interval); err != nil {
			return err
		}
	}
}

// pollFeed handles one feed. The returned Summary counts this feed only.
func (w *Watcher) pollFeed(ctx context.Context, feedURL string) (Summary, error) {
	sum := Summary{Feeds: 1}
	w.mu.Lock()
	st := w.states[feedURL]
	w.mu.Unlock()

	items, next, err := w.fetcher.Poll(ctx, feedURL, st)
	if err != nil {
		return sum, err
	}
	if len(items) == 0 && next.ETag == st.ETag && next.LastModified == st.LastModified && slices.Equal(next.Seen, st.Seen) {
		// A 304, or a 200 with nothing new: no state to save either.
		sum.NotModified++
		return sum, nil
	}
	sum.NewItems = len(items)
	docs := make([]corpus.Document, 0, len(items))
	for _, it := range items {
		if it.Link != "" {
			doc, err := w.fetcher.Page(ctx, it.Link)
			if err == nil {
				sum.Pages++
				docs = append(docs, doc)
				continue
			}
			if ctx.Err() != nil {
				return sum, ctx.Err()
			}
		}
		sum.Fallbacks++
		docs = append(docs, itemDocument(feedURL, it, w.fetcher.opts.Now()))
	}

	w.mu.Lock()
	defer w.mu.Unlock()
	if len(docs) > 0 {
		if err := w.emit(ctx, docs); err != nil {
			return sum, fmt.Errorf("feeds: emit %s: %w", feedURL, err)
		}
		sum.Emitted = len(docs)
	}
	w.states[feedURL] = next
	if err := SaveState(w.statePath, w.states); err != nil {
		return sum, err
	}
	return sum, nil
}

func (s *Summary) add(o Summary) {
	s.Feeds += o.Feeds
	s.NotModified += o.NotModified
	s.NewItems += o.NewItems
	s.Pages += o.Pages
	s.Fallbacks += o.Fallbacks
	s.Emitted += o.Emitted
}

// itemDocument builds a page from a feed item when its own page cannot be
// fetched: a minimal HTML document whose <title>, og:url and
// article:published_time the indexer's HTML extractor reads like any
// page's, and whose <article> is the item's content (already HTML, so it is
// not escaped; it is parsed by the indexer, never served as it is).
func itemDocument(feedURL string, it Item, now time.Time) corpus.Document {
	name := it.Link
	if name == "" {
		name = feedURL + "#" + it.GUID
	}
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n")
	fmt.Fprintf(&b, "<title>%s</title>\n", html.EscapeString(it.Title))
	if it.Link != "" {
		fmt.Fprintf(&b, "<meta property=\"og:url\" content=\"%s\">\n", html.EscapeString(it.Link))
	}
	if !it.Published.IsZero() {
		fmt.Fprintf(&b, "<meta property=\"article:published_time\" content=\"%s\">\n", it.Published.Format(time.RFC3339))
	}
	fmt.Fprintf(&b, "</head><body>\n<article>\n<h1>%s</h1>\n%s\n</article>\n</body></html>\n", html.EscapeString(it.Title), it.Content)
	return corpus.Document{
		ID:          corpus.ID(name),
		Name:        name,
		ContentType: corpus.TypeHTML,
		Body:        []byte(b.String()),
		Fetched:     now,
	}
}

// readFeeds reads the feeds file. Lines that are not http(s) URLs come back
// in bad, keyed by "file:line", rather than failing the whole file.
func readFeeds(path string) (feeds []string, bad map[string]error, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("feeds: read feeds file: %w", err)
	}
	defer f.Close()
	bad = make(map[string]error)
	seen := make(map[string]bool)
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if _, err := parseURL(line); err != nil {
			bad[fmt.Sprintf("%s:%d", path, n)] = err
			continue
		}
		if !seen[line] {
			seen[line] = true
			feeds = append(feeds, line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("feeds: read feeds file %s: %w", path, err)
	}
	return feeds, bad, nil
}
