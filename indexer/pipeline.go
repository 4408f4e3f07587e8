package indexer

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/advosearch/advosearch/corpus"
	"github.com/advosearch/advosearch/index"
)

// Version names the extraction rules. It is part of every content hash, so
// statements read by older rules are extracted again, not skipped as
// unchanged.
const Version = "3"

// DefaultMaxDocumentBytes is the default of Options.MaxDocumentBytes.
const DefaultMaxDocumentBytes = 20 << 20

// Options tune an Indexer. The zero value is the default.
type Options struct {
	// BatchSize is how many documents are written to the index at once.
	// Default 500.
	BatchSize int
	// MaxDocumentBytes bounds one document (a file, or a JSONL line).
	// Default 20 MiB.
	MaxDocumentBytes int64
	// BeforeWrite, if set, sees each batch of new or changed statements
	// before it is written; an error stops the run with nothing of the batch
	// written. Saved searches are matched here: a crash after matching and
	// before writing only means the batch is matched again on the next run,
	// whereas the other order could lose matches.
	BeforeWrite func(context.Context, []index.Statement) error
	// BeforeDelete, if set, sees the IDs of statements about to be deleted
	// (Delete) or removed (Prune); an error stops the deletion with nothing
	// deleted. Saved searches mark their matches deleted here, in the same
	// order as BeforeWrite and for the same reason: a crash in between
	// leaves matches marked for a statement still there, which deleting it
	// again finishes, never a statement gone with its matches unmarked.
	BeforeDelete func(context.Context, []string) error
	// Progress receives a line every ProgressEvery while files are indexed;
	// nil means no progress is shown.
	Progress      io.Writer
	ProgressEvery time.Duration
}

func (o *Options) setDefaults() {
	if o.BatchSize <= 0 {
		o.BatchSize = 500
	}
	if o.MaxDocumentBytes <= 0 {
		o.MaxDocumentBytes = DefaultMaxDocumentBytes
	}
	if o.ProgressEvery <= 0 {
		o.ProgressEvery = 2 * time.Second
	}
}

// Indexer writes statements into one index. It is safe for concurrent use:
// runs take turns, as the server may ingest several requests at once.
type Indexer struct {
	ix   *index.Index
	ex   *Extractor
	opts Options
	mu   sync.Mutex // one run at a time
}

// New returns an indexer writing to ix.
func New(ix *index.Index, opts Options) (*Indexer, error) {
	opts.setDefaults()
	ex, err := NewExtractor()
	if err != nil {
		return nil, err
	}
	return &Indexer{ix: ix, ex: ex, opts: opts}, nil
}

// Summary says what a run did.
type Summary struct {
	Indexed   int
	Unchanged int
	// Deleted names the documents passed over because their statement was
	// deleted (Delete) and they are what it was: only changed content
	// brings a deleted statement back.
	Deleted []string
	// Duplicates names the documents whose content a statement already
	// had, read from another origin: each was added to that statement's
	// origins (AlsoFrom), and none is a statement of its own.
	Duplicates []string
	// Pruned counts the statements Prune removed, their file or record gone.
	Pruned  int
	Skipped []corpus.Skipped
	// Ignored counts the files inside the folders of a Files call that
	// were passed over for their type, by extension (see corpus.Listing).
	Ignored map[string]int
	// Warnings are documents indexed with a guess their indexer should
	// know of, such as a character set read as windows-1252.
	Warnings []Warning
	Elapsed  time.Duration
	// IDs are the IDs of the records a JSONL call read, in order, so a
	// client that sent them can refer to its statements; other calls, which
	// may read millions, leave it empty.
	IDs []string
}

// Warning is a document indexed with a guess: Note says which.
type Warning struct {
	Name string // where the document came from, as in corpus.Skipped
	Note string
}

// Documents indexes documents already in memory, such as the embedded seeds.
func (in *Indexer) Documents(ctx context.Context, docs []corpus.Document) (Summary, error) {
	in.mu.Lock()
	defer in.mu.Unlock()
	r := in.newRun(0)
	for _, d := range docs {
		r.sum.IDs = append(r.sum.IDs, d.ID)
		if err := r.add(ctx, d); err != nil {
			return r.stop(err)
		}
	}
	return r.finish(ctx)
}

// Files indexes the files and folders at paths. A file that cannot be read or
// extracted is skipped with its reason and the run goes on; an error is
// returned only when the index cannot be written or ctx ends, and then every
// batch written before it stays in the index.
func (in *Indexer) Files(ctx context.Context, paths []string) (Summary, error) {
	in.mu.Lock()
	defer in.mu.Unlock()
	r, err := in.files(ctx, paths, false)
	if err != nil {
		return r.stop(err)
	}
	return r.finish(ctx)
}

// files reads and indexes the files at paths, up to the last batch, which
// the caller flushes with finish, or stop on an error. With seen, the run
// keeps the ID of every document read, for prune.
func (in *Indexer) files(ctx context.Context, paths []string, seen bool) (*run, error) {
	listing, err := corpus.List(paths)
	if err != nil {
		return in.newRun(0), fmt.Errorf("indexer: %w", err)
	}
	files := listing.Files
	r := in.newRun(len(files))
	if seen {
		r.seen = map[string]bool{}
	}
	r.sum.Skipped, r.sum.Ignored = listing.Skipped, listing.Ignored
	for _, f := range files {
		if info, err := os.Stat(f); err == nil {
			r.bytesTotal += info.Size()
		}
	}
	for _, f := range files {
		err := corpus.ReadFile(f, in.opts.MaxDocumentBytes,
			func(d corpus.Document) error { return r.add(ctx, d) },
			func(s corpus.Skipped) { r.sum.Skipped = append(r.sum.Skipped, s) })
		var failed *batchError
		switch {
		case errors.As(err, &failed) || ctx.Err() != nil:
			return r, cmp.Or(err, ctx.Err())
		case err != nil:
			r.sum.Skipped = append(r.sum.Skipped, corpus.Skipped{Name: f, Err: err})
		}
		r.filesDone++
		r.report(false)
	}
	return r, nil
}

// JSONL indexes a stream of JSON records, one a line, named name in skip
// reasons (a record with a URL takes its ID from the URL).
func (in *Indexer) JSONL(ctx context.Context, jsonl io.Reader, name string) (Summary, error) {
	return in.JSONLPart(ctx, jsonl, name, 1)
}

// JSONLPart is JSONL for a part of a file, whose first line is firstLine of
// the file: its records get the IDs and names they have when the whole file
// is read.
func (in *Indexer) JSONLPart(ctx context.Context, jsonl io.Reader, name string, firstLine int) (Summary, error) {
	in.mu.Lock()
	defer in.mu.Unlock()
	r := in.newRun(0)
	err := corpus.ReadJSONL(jsonl, name, firstLine, time.Now(), in.opts.MaxDocumentBytes,
		func(d corpus.Document) error {
			r.sum.IDs = append(r.sum.IDs, d.ID)
			return r.add(ctx, d)
		},
		func(s corpus.Skipped) { r.sum.Skipped = append(r.sum.Skipped, s) })
	if err != nil {
		return r.stop(err)
	}
	return r.finish(ctx)
}

// run is the state of one Documents, Files or JSONL call.
type run struct {
	in         *Indexer
	pending    []pendingDoc
	sum        Summary
	start      time.Time
	lastReport time.Time
	filesTotal int
	filesDone  int
	// writes writes the extracted batches; nil until the first one.
	writes *writer
	// seen holds the ID of every document read, when the run prunes, and
	// of the statements they turned out to be (resolve).
	seen map[string]bool
	// sameAs maps the ID of a document that was a statement already,
	// read from another origin, to that statement's ID.
	sameAs map[string]string
	// originsAdded counts the statements written again only to list one
	// more origin, which Summary.Indexed does not count.
	originsAdded int
	// Bytes read estimate the time left: one JSONL file may hold a million
	// statements, so files done alone would say nothing until the end.
	bytesTotal int64
	bytesDone  int64
}

type pendingDoc struct {
	doc  corpus.Document
	hash string
	// origID is the ID the document was read under, when it is written
	// under the ID of the statement that already had its content.
	origID string
}

// batchError is a failure to write to the index, which ends the run.
type batchError struct{ err error }

func (e *batchError) Error() string { return e.err.Error() }
func (e *batchError) Unwrap() error { return e.err }

func (in *Indexer) newRun(files int) *run {
	now := time.Now()
	return &run{in: in, start: now, lastReport: now, filesTotal: files}
}

func (r *run) add(ctx context.Context, d corpus.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	r.bytesDone += int64(len(d.Body)) + 1
	if r.seen != nil {
		r.seen[d.ID] = true
	}
	r.pending = append(r.pending, pendingDoc{doc: d, hash: ContentHash(d)})
	if len(r.pending) < r.in.opts.BatchSize {
		return nil
	}
	err := r.flush(ctx)
	r.report(false)
	return err
}

// flush extracts the pending documents whose content changed and writes them
// in one batch. Unchanged ones are not even extracted.
func (r *run) flush(ctx context.Context) error {
	if len(r.pending) == 0 {
		return nil
	}
	ids := make([]string, len(r.pending))
	for i, p := range r.pending {
		ids[i] = p.doc.ID
	}
	stored, err := r.in.ix.Lookup(ctx, ids)
	if err != nil {
		return &batchError{fmt.Errorf("indexer: %w", err)}
	}
	// The last version of an ID within one batch wins, as it would across
	// batches.
	latest := make(map[string]int, len(r.pending))
	for i, p := range r.pending {
		latest[p.doc.ID] = i
	}
	var changed []pendingDoc
	for i, p := range r.pending {
		st, known := stored[p.doc.ID]
		switch {
		case latest[p.doc.ID] != i:
			continue
		case known && st.Hash == p.hash && st.Deleted:
			// Deleted as it is: a re-run, a feed or a rebuild reading it
			// again must not undo the deletion.
			r.sum.Deleted = append(r.sum.Deleted, p.doc.Name)
			continue
		case known && st.Hash == p.hash:
			r.sum.Unchanged++
			continue
		}
		changed = append(changed, p)
	}
	changed, m, err := r.mergeSameContent(ctx, changed, stored)
	if err != nil {
		return &batchError{err}
	}
	rewrites := 0
	stmts := make([]index.Statement, 0, len(changed))
	for i, x := range r.in.extractAll(changed) {
		// The documents merged into this one share its fate: unreadable
		// bytes are no duplicate of anything.
		added := m.added[changed[i].doc.ID]
		if x.err != nil {
			if changed[i].origID == "" {
				r.sum.Skipped = append(r.sum.Skipped, corpus.Skipped{Name: changed[i].doc.Name, Err: x.err})
			}
			for _, name := range added {
				r.sum.Skipped = append(r.sum.Skipped, corpus.Skipped{Name: name, Err: x.err})
			}
			continue
		}
		r.sum.Duplicates = append(r.sum.Duplicates, added...)
		if o, ok := m.origins[x.stmt.ID]; ok {
			x.stmt.Origin, x.stmt.AlsoFrom = o[0], o[1:]
			if changed[i].origID != "" {
				rewrites++ // an origin added, nothing new indexed
			}
		}
		if x.note != "" {
			r.sum.Warnings = append(r.sum.Warnings, Warning{Name: changed[i].doc.Name, Note: x.note})
		}
		stmts = append(stmts, x.stmt)
	}
	r.pending = r.pending[:0]
	if len(stmts) == 0 {
		return nil
	}
	if before := r.in.opts.BeforeWrite; before != nil {
		if err := before(ctx, stmts); err != nil {
			return &batchError{fmt.Errorf("indexer: before writing a batch: %w", err)}
		}
	}
	if r.writes == nil {
		r.writes = newWriter(r.in.ix)
	}
	r.originsAdded += rewrites
	return r.writes.add(stmts)
}

// merged says what mergeSameContent merged in a batch, by statement ID.
type merged struct {
	// origins are every origin of a statement that gains one, its own
	// first.
	origins map[string][]string
	// added are the names of the documents merged into a statement.
	added map[string][]string
}

// mergeSameContent finds, among the changed documents with IDs the index
// does not hold, those whose content a statement already has, or an earlier
// document of the batch: the same file copied to another folder, the same
// PDF sent under two names. Each is that statement read from one more
// origin, not a second statement. It returns the documents to extract, and
// what each statement that gains an origin gains; a statement that already
// lists the origin is unchanged.
func (r *run) mergeSameContent(ctx context.Context, changed []pendingDoc, stored map[string]index.Stored) ([]pendingDoc, merged, error) {
	m := merged{origins: map[string][]string{}, added: map[string][]string{}}
	var hashes []string
	for _, p := range changed {
		if _, known := stored[p.doc.ID]; !known {
			hashes = append(hashes, p.hash)
		}
	}
	same, err := r.in.ix.ByHash(ctx, hashes)
	if err != nil {
		return nil, m, fmt.Errorf("indexer: %w", err)
	}
	// firstOf is where in keep the statement of a hash is extracted.
	firstOf := map[string]int{}
	keep := make([]pendingDoc, 0, len(changed))
	for _, p := range changed {
		if _, known := stored[p.doc.ID]; known {
			keep = append(keep, p)
			continue
		}
		s, inIndex := same[p.hash]
		if i, inBatch := firstOf[p.hash]; inBatch {
			s = index.SameContent{ID: keep[i].doc.ID, Origins: m.origins[keep[i].doc.ID]}
		} else if !inIndex || s.ID == p.doc.ID || movedRecord(p.doc.Name, s.Origins) {
			firstOf[p.hash] = len(keep)
			m.origins[p.doc.ID] = []string{p.doc.Name}
			keep = append(keep, p)
			continue
		}
		r.resolve(p.doc.ID, s.ID)
		if slices.Contains(s.Origins, p.doc.Name) {
			r.sum.Unchanged++
			continue
		}
		m.added[s.ID] = append(m.added[s.ID], p.doc.Name)
		m.origins[s.ID] = append(slices.Clip(s.Origins), p.doc.Name)
		if _, inBatch := firstOf[p.hash]; !inBatch {
			// Written again under its own ID and first origin, with one
			// origin more; its content is this document's.
			firstOf[p.hash] = len(keep)
			p.origID = p.doc.ID
			p.doc.ID, p.doc.Name = s.ID, s.Origins[0]
			keep = append(keep, p)
		}
	}
	for id, o := range m.origins {
		if len(o) == 1 {
			delete(m.origins, id)
		}
	}
	return keep, m, nil
}

// movedRecord reports whether origin is a line of a JSONL file that one of
// origins names too: a record without a URL that moved to another line is
// a record of its own there, and the one on its old line is gone.
func movedRecord(origin string, origins []string) bool {
	file, _, ok := strings.Cut(origin, ".jsonl:")
	return ok && slices.ContainsFunc(origins, func(o string) bool { return strings.HasPrefix(o, file+".jsonl:") })
}

// resolve records that the document read under docID is the statement
// stmtID: a prune must keep that statement, and a client that sent the
// document is told its ID.
func (r *run) resolve(docID, stmtID string) {
	if r.seen != nil {
		r.seen[stmtID] = true
	}
	if r.sameAs == nil {
		r.sameAs = map[string]string{}
	}
	r.sameAs[docID] = stmtID
}

// stop ends a run cut short by err, once the batches queued or being
// written are on disk: what the summary counts as indexed is then in the
// index.
func (r *run) stop(err error) (Summary, error) {
	if werr := r.waitWrites(); werr != nil {
		// A failed write is the cause: a lookup beside it may have
		// failed only because of it (index.Index.heal).
		err = werr
	}
	r.done()
	return r.sum, err
}

// done completes the summary: the time taken, and the IDs of documents
// that turned out to be statements already known under other IDs.
func (r *run) done() {
	r.sum.Elapsed = time.Since(r.start)
	for i, id := range r.sum.IDs {
		if to, ok := r.sameAs[id]; ok {
			r.sum.IDs[i] = to
		}
	}
}

// waitWrites waits for the batches queued and being written, and counts
// what is on disk.
func (r *run) waitWrites() error {
	if r.writes == nil {
		return nil
	}
	err := r.writes.close()
	r.sum.Indexed = max(0, r.writes.indexed()-r.originsAdded)
	return err
}

type extracted struct {
	stmt index.Statement
	note string
	err  error
}

// extractAll extracts the documents on every core, keeping their order:
// extraction, not the index, is the larger part of indexing time.
func (in *Indexer) extractAll(docs []pendingDoc) []extracted {
	out := make([]extracted, len(docs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(docs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				p := docs[i]
				s, note, err := in.ex.Extract(p.doc)
				if err == nil {
					s.ID, s.Origin, s.Hash = p.doc.ID, p.doc.Name, p.hash
					s.URL = publicURL(s.URL, p.doc.Name)
				}
				out[i] = extracted{s, note, err}
			}
		}()
	}
	for i := range docs {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// publicURL is the link a statement is cited by: the address its text or
// record gives, if it is a web address, else the address it was fetched
// from. A local path or file: URL is provenance, never a link. A feed item
// without a link of its own is named by its feed's URL and a fragment, which
// is no page to link to.
func publicURL(stated, origin string) string {
	if u := corpus.PublicURL(stated); u != "" {
		return u
	}
	if !strings.Contains(origin, "#") {
		return corpus.PublicURL(origin)
	}
	return ""
}

func (r *run) finish(ctx context.Context) (Summary, error) {
	err := r.flush(ctx)
	if werr := r.waitWrites(); err == nil {
		err = werr
	}
	r.done()
	r.report(true)
	return r.sum, err
}

// report prints progress when it is due: files done of total, statements
// indexed (and unchanged, when there are), statements indexed per second and
// the time left, estimated from the bytes still to read. The rate is of new
// work only: a run that finds everything unchanged writes nothing, and a
// rate counting what it passed over would say it is fast at doing nothing.
func (r *run) report(final bool) {
	w := r.in.opts.Progress
	now := time.Now()
	if w == nil || r.filesTotal == 0 || (!final && now.Sub(r.lastReport) < r.in.opts.ProgressEvery) {
		return
	}
	r.lastReport = now
	if r.writes != nil {
		r.sum.Indexed = max(0, r.writes.indexed()-r.originsAdded)
	}
	elapsed := now.Sub(r.start)
	left := "?"
	if r.bytesDone > 0 {
		toRead := max(0, r.bytesTotal-r.bytesDone)
		left = time.Duration(float64(elapsed) * float64(toRead) / float64(r.bytesDone)).Round(time.Second).String()
	}
	// "indexed" counts statements whose batch is on disk: a run stopped after
	// this line has them all.
	line := fmt.Sprintf("files %d/%d  indexed %d  ", r.filesDone, r.filesTotal, r.sum.Indexed)
	if r.sum.Unchanged > 0 {
		line += fmt.Sprintf("unchanged %d  ", r.sum.Unchanged)
	}
	if r.sum.Indexed > 0 {
		line += fmt.Sprintf("%.0f statements/s  ", float64(r.sum.Indexed)/elapsed.Seconds())
	}
	fmt.Fprintln(w, line+left+" left")
}

// ContentHash identifies a document's content as read by this Version of the
// extraction rules: the Hash of the statement read from it.
func ContentHash(d corpus.Document) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00", Version, d.ContentType)
	h.Write(d.Body)
	return hex.EncodeToString(h.Sum(nil)[:16])
}
