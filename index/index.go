package index

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"
	bbolt "go.etcd.io/bbolt/errors"
)

var (
	// ErrLocked means another process holds the index open.
	ErrLocked = errors.New("index: in use by another process")
	// ErrVersion means the index was built by another mapping version.
	ErrVersion = errors.New("index: built by another version of advosearch")
	// ErrNotFound means no statement has the ID.
	ErrNotFound = errors.New("index: statement not found")
)

const versionKey = "advosearch.mapping_version"

// Options tune Open. The zero value is the default.
type Options struct {
	// LockTimeout is how long Open waits for another process to release the
	// index before it returns ErrLocked. Default 1s.
	LockTimeout time.Duration
}

func (o *Options) setDefaults() {
	if o.LockTimeout <= 0 {
		o.LockTimeout = time.Second
	}
}

// maxSegmentDocs caps the documents of a segment that Bleve's merges make.
// Its default, 5 million, lets one merge read most of a large index through
// mmap: indexing a million statements (4.7 million documents with their
// quotes) peaked at 12.9 GB RSS, while the Go heap stayed under 1.5 GB and
// the file pages mapped in rose by a gigabyte at each large merge. A
// quarter of a million documents is about 1.2 GB of segment.
const maxSegmentDocs = 250_000

// bleveConfig is how Bleve opens the index.
func (o Options) bleveConfig() map[string]interface{} {
	return map[string]interface{}{
		// Scorch keeps its state in root.bolt; bolt's file lock would
		// otherwise block forever when another process holds it.
		"bolt_timeout":           o.LockTimeout.String(),
		"scorchMergePlanOptions": map[string]interface{}{"MaxSegmentSize": maxSegmentDocs},
		// Segments go to disk one file per batch, never merged in memory
		// first: a threshold of 0 blocked writers counts as memory
		// pressure at all times. When a batch fails to persist (a full
		// disk), Bleve's Batch closes its segment although the segment is
		// already in the index snapshot (index/scorch/scorch.go, Batch, in
		// v2.6.3), and the persister, retrying at once, merges it with the
		// other batch in flight and panics in its own goroutine ("assignment
		// to entry in nil map" in zapx's inverted index cache), which no
		// recover of ours can catch: 1 of 15 disk-full runs crashed so
		// (TestIndex_DiskFault/DiskFull), none of 66 once persisted
		// directly.
		// Persisting a segment directly only copies its bytes, which Close
		// leaves alone. The file merger combines the small files later, as
		// it does anyway. It costs nothing measurable: 2,000 generated
		// statements indexed in a median of 18.9 s of CPU (user + sys, 3
		// runs) against 19.0 s with the in-memory merge, both ending with 5
		// segment files.
		"scorchPersisterOptions": map[string]interface{}{"MemoryPressurePauseThreshold": 0},
	}
}

// Index is an open statement index. It is safe for concurrent use: searches
// run while batches are written. Close must be called to release the lock.
type Index struct {
	// mu is held to read by everything that uses bleve, and to write by
	// reopen, which replaces it.
	mu     sync.RWMutex
	bleve  bleve.Index
	closed bool // bleve is closed: reopen failed
	dir    string
	config map[string]interface{} // how bleve was opened; nil in memory
	// Bleve panics on a second Close; callers defer Close and also close
	// explicitly to see the error, so Close runs once.
	closeOnce sync.Once
	closeErr  error
	// writes counts the batches written through this Index, so readers
	// can tell whether something they computed once is still current.
	writes atomic.Uint64
	// written counts the statements written, for an indexing rate.
	written atomic.Uint64
	// broken is set by a write whose batch failed, before it releases the
	// read lock, and cleared by reopen: until then Bleve's snapshot holds
	// the failed batch, which is not on disk (see heal).
	broken atomic.Bool
}

// Written returns how many statements have been written through this Index.
func (ix *Index) Written() uint64 { return ix.written.Load() }

// Size returns the bytes the index takes on disk.
func (ix *Index) Size() (int64, error) {
	// The index path is a link to its current generation.
	dir, err := filepath.EvalSymlinks(ix.dir)
	if err != nil {
		return 0, fmt.Errorf("index: size of %s: %w", ix.dir, err)
	}
	var size int64
	err = filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if info, err := d.Info(); err == nil && d.Type().IsRegular() {
			size += info.Size()
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("index: size of %s: %w", ix.dir, err)
	}
	return size, nil
}

// Writes returns how many batches have been written through this Index; it
// changes whenever the statements may have.
func (ix *Index) Writes() uint64 { return ix.writes.Load() }

// Open opens the index at path, or creates an empty one there if there is
// none. path is a symbolic link to the current generation of the index (a
// Bleve directory beside it), so that Rebuild can swap in a new generation
// atomically. It returns an error wrapping ErrLocked if another process has
// the index open, and ErrVersion if it was built by another mapping version.
//
// Generations beside the current one that no process has open, left by a
// rebuild that was killed or that switched while a server held the previous
// generation, are removed once the index is open.
func Open(path string, opts Options) (*Index, error) {
	ix, err := openOrCreate(path, opts)
	if err != nil {
		return nil, err
	}
	if current, err := os.Readlink(path); err == nil {
		removeLeftovers(path, current)
	}
	return ix, nil
}

func openOrCreate(path string, opts Options) (*Index, error) {
	opts.setDefaults()
	config := opts.bleveConfig()
	if _, err := os.Lstat(path); errors.Is(err, os.ErrNotExist) {
		return createCurrent(path, config)
	}
	// An empty folder holds no index yet: it becomes the link.
	if entries, err := os.ReadDir(path); err == nil && len(entries) == 0 {
		if err := os.Remove(path); err != nil {
			return nil, fmt.Errorf("index: create %s: %w", path, err)
		}
		return createCurrent(path, config)
	}
	return open(path, config)
}

// accessRWX asks access(2) for R_OK|W_OK|X_OK, which package syscall does
// not name.
const accessRWX = 4 | 2 | 1

func open(dir string, config map[string]interface{}) (*Index, error) {
	// Bleve takes any failure to read index_meta.json for "metadata
	// missing", which sends the user looking for a broken index when the
	// folder is only not theirs (a data folder made by root, a server run
	// as nobody) or on a read-only disk. The index is written as well as
	// read, so both are asked for first, with the errno kept.
	if err := syscall.Access(dir, accessRWX); err != nil {
		return nil, fmt.Errorf("index: open %s: %w", dir, &fs.PathError{Op: "access", Path: dir, Err: err})
	}
	b, err := bleve.OpenUsing(dir, config)
	if errors.Is(err, bbolt.ErrTimeout) {
		return nil, fmt.Errorf("%w: %s (stop the other advosearch process, or pass --data with another folder)", ErrLocked, dir)
	}
	if err != nil {
		return nil, fmt.Errorf("index: open %s: %w", dir, err)
	}
	ix := &Index{bleve: b, dir: dir, config: config}
	got, err := b.GetInternal([]byte(versionKey))
	if err != nil {
		ix.Close()
		return nil, fmt.Errorf("index: read version of %s: %w", dir, err)
	}
	if len(got) == 0 {
		// Created, but stopped before its version was written: nothing can
		// have been indexed into it yet.
		if n, err := b.DocCount(); err == nil && n == 0 {
			return ix, ix.writeVersion()
		}
	}
	if string(got) != strconv.Itoa(MappingVersion) {
		ix.Close()
		return nil, fmt.Errorf("%w: %s has mapping version %q, this build reads %d; delete the folder and index again",
			ErrVersion, dir, got, MappingVersion)
	}
	return ix, nil
}

func (ix *Index) writeVersion() error {
	if err := ix.bleve.SetInternal([]byte(versionKey), []byte(strconv.Itoa(MappingVersion))); err != nil {
		ix.Close()
		return fmt.Errorf("index: write version of %s: %w", ix.dir, err)
	}
	return nil
}

// OpenMemory returns an empty index held in memory, with the same schema:
// saved searches run against a batch of new statements in one before the
// batch is forgotten.
func OpenMemory() (*Index, error) {
	m, err := NewMapping()
	if err != nil {
		return nil, err
	}
	// Scorch with no path keeps its segments in memory; bleve.NewMemOnly
	// would use the older upsidedown index over a treap, which the
	// percolation profile showed spending most of its time comparing keys.
	b, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("index: in memory: %w", err)
	}
	return &Index{bleve: b, dir: ":memory:"}, nil
}

func create(dir string, config map[string]interface{}) (*Index, error) {
	m, err := NewMapping()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return nil, fmt.Errorf("index: create %s: %w", dir, err)
	}
	b, err := bleve.NewUsing(dir, m, bleve.Config.DefaultIndexType, bleve.Config.DefaultKVStore, config)
	if err != nil {
		return nil, fmt.Errorf("index: create %s: %w", dir, err)
	}
	ix := &Index{bleve: b, dir: dir, config: config}
	return ix, ix.writeVersion()
}

// Search runs a Bleve search request; Write is the way to change the index.
func (ix *Index) Search(ctx context.Context, req *bleve.SearchRequest) (*bleve.SearchResult, error) {
	if err := ix.heal(); err != nil {
		return nil, err
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.bleve.SearchInContext(ctx, req)
}

// Read runs fn on one snapshot of the index, for what a search request
// cannot ask, such as the terms of a field.
func (ix *Index) Read(fn func(bindex.IndexReader) error) error {
	if err := ix.heal(); err != nil {
		return err
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	adv, err := ix.bleve.Advanced()
	if err != nil {
		return fmt.Errorf("index: read %s: %w", ix.dir, err)
	}
	r, err := adv.Reader()
	if err != nil {
		return fmt.Errorf("index: read %s: %w", ix.dir, err)
	}
	defer r.Close()
	return fn(r)
}

// Mapping is the index's schema, with its analyzers.
func (ix *Index) Mapping() mapping.IndexMapping {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.bleve.Mapping()
}

// Dir is the index directory.
func (ix *Index) Dir() string { return ix.dir }

// Close releases the index. It is safe to call more than once.
func (ix *Index) Close() error {
	ix.closeOnce.Do(func() {
		ix.mu.Lock()
		defer ix.mu.Unlock()
		if ix.closed {
			return
		}
		if err := ix.bleve.Close(); err != nil {
			ix.closeErr = fmt.Errorf("index: close %s: %w", ix.dir, err)
		}
	})
	return ix.closeErr
}

// reopen replaces bleve by the index as it is on disk. When a batch fails
// to persist (a full disk), Bleve's Batch closes its segment although the
// in-memory snapshot still holds it, and reading it panics; what is on
// disk is whole, every batch before the failed one.
func (ix *Index) reopen() error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.reopenLocked()
}

func (ix *Index) reopenLocked() error {
	ix.broken.Store(false)
	if ix.config == nil {
		return nil // in memory, nothing to go back to
	}
	if !ix.closed {
		ix.bleve.Close() // the state being dropped; its error says nothing more
	}
	b, err := bleve.OpenUsing(ix.dir, ix.config)
	if err != nil {
		ix.closed = true
		return fmt.Errorf("index: open %s again after a failed write: %w", ix.dir, err)
	}
	ix.bleve, ix.closed = b, false
	return nil
}

// heal reopens the index if a failed write left it broken, so that readers
// see what is on disk, not a snapshot holding the failed batch. Bleve reads
// a snapshot's segments in goroutines of its own (a search by ID, a field's
// terms), where zapx panicked on the segment Bleve closed and no recover of
// ours could catch it; keepOpenPlugin now leaves it open, for a reader
// already under way when the write fails.
func (ix *Index) heal() error {
	if !ix.broken.Load() {
		return nil
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if !ix.broken.Load() {
		return nil // another reader healed it meanwhile
	}
	return ix.reopenLocked()
}

// Backup writes a consistent copy of the index into dir, which must not
// exist yet, while searches and writes go on: Bleve copies one snapshot of
// its segments. The copy opens with Open like any index.
func (ix *Index) Backup(dir string) error {
	if _, err := os.Lstat(dir); !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("index: backup to %s: the folder must not exist yet", dir)
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	c, ok := ix.bleve.(bleve.IndexCopyable)
	if !ok {
		return fmt.Errorf("index: backup: %T cannot be copied while open", ix.bleve)
	}
	if err := c.CopyTo(bleve.FileSystemDirectory(dir)); err != nil {
		os.RemoveAll(dir)
		return fmt.Errorf("index: backup to %s: %w", dir, err)
	}
	return nil
}

// Count returns the number of statements, quotes not counted.
func (ix *Index) Count() (uint64, error) {
	req := bleve.NewSearchRequestOptions(KindQuery(KindStatement), 0, 0, false)
	res, err := ix.Search(context.Background(), req)
	if err != nil {
		return 0, fmt.Errorf("index: count: %w", err)
	}
	return res.Total, nil
}

// KindQuery matches the documents of one kind: every statement search is
// limited to statements, every quote search to quotes.
func KindQuery(kind string) *query.TermQuery {
	q := bleve.NewTermQuery(kind)
	q.SetField(FieldKind)
	return q
}

// Write adds or replaces statements with their quotes, and deletes the
// statements (and their quotes) whose IDs are in remove, in one batch: after
// a crash the index holds all of it or none of it. A statement written under
// the ID of a deleted one replaces its deletion record. Removing leaves no
// record, unlike Delete: the same statement indexed again comes back.
func (ix *Index) Write(stmts []Statement, remove []string) error {
	return ix.write(stmts, remove, nil)
}

// write is Write that also replaces the statements whose IDs are keys of
// deleted by deletion records holding the hashes they map to.
func (ix *Index) write(stmts []Statement, remove []string, deleted map[string]string) error {
	n := len(stmts) + len(remove) + len(deleted)
	ids := make([]string, 0, n)
	for _, s := range stmts {
		ids = append(ids, s.ID)
	}
	ids = append(ids, remove...)
	for id := range deleted {
		ids = append(ids, id)
	}
	before, err := ix.stored(context.Background(), ids, FieldQuoteCount)
	if err != nil {
		return err
	}
	ix.mu.RLock()
	batch := ix.bleve.NewBatch()
	m := ix.bleve.Mapping()
	ix.mu.RUnlock()
	texts, err := newTextAnalyser(m)
	if err != nil {
		return err
	}
	add := func(id string, data map[string]interface{}) error {
		doc, err := texts.document(m, id, data)
		if err != nil {
			return err
		}
		return batch.IndexAdvanced(doc)
	}
	for _, s := range stmts {
		if err := add(s.ID, s.fields()); err != nil {
			return fmt.Errorf("index: add %s: %w", s.ID, err)
		}
		for i, q := range s.Quotes {
			if err := add(QuoteID(s.ID, i+1), s.quoteFields(q)); err != nil {
				return fmt.Errorf("index: add quote %d of %s: %w", i+1, s.ID, err)
			}
		}
		deleteQuotes(batch, s.ID, len(s.Quotes), before[s.ID])
	}
	for _, id := range remove {
		batch.Delete(id)
		deleteQuotes(batch, id, 0, before[id])
	}
	for id, hash := range deleted {
		// Indexed under the statement's own ID, the record replaces the
		// statement in the same batch as its quotes go.
		if err := batch.Index(id, map[string]interface{}{FieldKind: KindDeleted, FieldHash: hash}); err != nil {
			return fmt.Errorf("index: delete %s: %w", id, err)
		}
		deleteQuotes(batch, id, 0, before[id])
	}
	// Counted before the batch too: a reader that saw the old count while
	// the batch was applied must not keep its result.
	ix.writes.Add(1)
	defer ix.writes.Add(1)
	if err := ix.heal(); err != nil {
		return fmt.Errorf("index: write batch of %d: %w", n, err)
	}
	if err := ix.apply(batch); err != nil {
		err = fmt.Errorf("index: write batch of %d: %w", n, err)
		return errors.Join(err, ix.heal())
	}
	ix.written.Add(uint64(len(stmts)))
	return nil
}

// apply writes batch; a failure marks the index broken before the read
// lock is released, so that the next reader or writer reopens it.
func (ix *Index) apply(batch *bleve.Batch) error {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if err := ix.bleve.Batch(batch); err != nil {
		ix.broken.Store(true)
		return withErrno(err)
	}
	return nil
}

// deleteQuotes deletes the quotes a statement had beyond the ones it keeps.
func deleteQuotes(batch *bleve.Batch, id string, keep int, hadCount string) {
	had, _ := strconv.Atoi(hadCount)
	for n := keep + 1; n <= had; n++ {
		batch.Delete(QuoteID(id, n))
	}
}

// Hashes returns the stored content hash of each ID that is a statement in
// the index; deleted statements are left out (see Lookup).
func (ix *Index) Hashes(ctx context.Context, ids []string) (map[string]string, error) {
	found, err := ix.Lookup(ctx, ids)
	if err != nil {
		return nil, err
	}
	hashes := make(map[string]string, len(found))
	for id, st := range found {
		if !st.Deleted {
			hashes[id] = st.Hash
		}
	}
	return hashes, nil
}

// stored returns one stored field of each ID that is in the index.
func (ix *Index) stored(ctx context.Context, ids []string, field string) (map[string]string, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(ids), len(ids), 0, false)
	req.Fields = []string{field}
	res, err := ix.Search(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("index: look up %s: %w", field, err)
	}
	values := make(map[string]string, len(res.Hits))
	for _, h := range res.Hits {
		values[h.ID], _ = h.Fields[field].(string)
	}
	return values, nil
}

// Statement returns the stored statement with the ID, or an error wrapping
// ErrNotFound.
func (ix *Index) Statement(ctx context.Context, id string) (Statement, error) {
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery([]string{id}), 1, 0, false)
	req.Fields = []string{"*"}
	res, err := ix.Search(ctx, req)
	if err != nil {
		return Statement{}, fmt.Errorf("index: get %s: %w", id, err)
	}
	// The ID of a quote, or of a deleted statement's record, is no
	// statement's.
	if len(res.Hits) == 0 || res.Hits[0].Fields[FieldKind] != KindStatement {
		return Statement{}, fmt.Errorf("%w: %s", ErrNotFound, id)
	}
	return FromFields(id, res.Hits[0].Fields), nil
}

// storageErrnos are the file-system failures a caller can tell its user how
// to fix. EFBIG is a file grown past the size limit the process was given
// (RLIMIT_FSIZE, ulimit -f); Go ignores the SIGXFSZ that would otherwise
// kill it, so the write fails with EFBIG instead.
var storageErrnos = []syscall.Errno{syscall.ENOSPC, syscall.EDQUOT, syscall.EFBIG, syscall.EROFS, syscall.EACCES}

// withErrno gives back the errno that Bleve flattened into text: it formats
// a failed segment write with %v ("segment: ... persist err: write ...: no
// space left on device", index/scorch/persister.go), so errors.Is(err,
// syscall.ENOSPC) would be false for a disk that fills up mid-batch.
func withErrno(err error) error {
	for _, errno := range storageErrnos {
		if errors.Is(err, errno) {
			return err
		}
		if strings.Contains(err.Error(), errno.Error()) {
			return errors.Join(err, errno)
		}
	}
	return err
}
