package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
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

// Index is an open statement index. It is safe for concurrent use: searches
// run while batches are written. Close must be called to release the lock.
type Index struct {
	bleve bleve.Index
	dir   string
	// Bleve panics on a second Close; callers defer Close and also close
	// explicitly to see the error, so Close runs once.
	closeOnce sync.Once
	closeErr  error
}

// Open opens the index in dir, or creates an empty one there if dir holds
// none. It returns an error wrapping ErrLocked if another process has it open,
// and ErrVersion if it was built by another mapping version.
func Open(dir string, opts Options) (*Index, error) {
	opts.setDefaults()
	// Scorch keeps its state in root.bolt; bolt's file lock would otherwise
	// block forever when another process holds it.
	config := map[string]interface{}{"bolt_timeout": opts.LockTimeout.String()}
	if _, err := os.Stat(filepath.Join(dir, "index_meta.json")); errors.Is(err, os.ErrNotExist) {
		return create(dir, config)
	}
	b, err := bleve.OpenUsing(dir, config)
	if errors.Is(err, bbolt.ErrTimeout) {
		return nil, fmt.Errorf("%w: %s (stop the other advosearch process, or pass --data with another folder)", ErrLocked, dir)
	}
	if err != nil {
		return nil, fmt.Errorf("index: open %s: %w", dir, err)
	}
	got, err := b.GetInternal([]byte(versionKey))
	if err != nil {
		b.Close()
		return nil, fmt.Errorf("index: read version of %s: %w", dir, err)
	}
	if string(got) != strconv.Itoa(MappingVersion) {
		b.Close()
		return nil, fmt.Errorf("%w: %s has mapping version %q, this build reads %d; delete the folder and index again",
			ErrVersion, dir, got, MappingVersion)
	}
	return &Index{bleve: b, dir: dir}, nil
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
	if err := b.SetInternal([]byte(versionKey), []byte(strconv.Itoa(MappingVersion))); err != nil {
		b.Close()
		return nil, fmt.Errorf("index: write version of %s: %w", dir, err)
	}
	return &Index{bleve: b, dir: dir}, nil
}

// Bleve returns the underlying Bleve index for package search. Writers use
// Write, which keeps the schema.
func (ix *Index) Bleve() bleve.Index { return ix.bleve }

// Dir is the index directory.
func (ix *Index) Dir() string { return ix.dir }

// Close releases the index. It is safe to call more than once.
func (ix *Index) Close() error {
	ix.closeOnce.Do(func() {
		if err := ix.bleve.Close(); err != nil {
			ix.closeErr = fmt.Errorf("index: close %s: %w", ix.dir, err)
		}
	})
	return ix.closeErr
}

// Count returns the number of statements.
func (ix *Index) Count() (uint64, error) {
	n, err := ix.bleve.DocCount()
	if err != nil {
		return 0, fmt.Errorf("index: count: %w", err)
	}
	return n, nil
}

// Write adds or replaces statements and deletes the IDs in remove, in one
// batch: after a crash the index holds all of it or none of it.
func (ix *Index) Write(stmts []Statement, remove []string) error {
	batch := ix.bleve.NewBatch()
	for _, s := range stmts {
		if err := batch.Index(s.ID, s.fields()); err != nil {
			return fmt.Errorf("index: add %s: %w", s.ID, err)
		}
	}
	for _, id := range remove {
		batch.Delete(id)
	}
	if err := ix.bleve.Batch(batch); err != nil {
		return fmt.Errorf("index: write batch of %d: %w", len(stmts)+len(remove), err)
	}
	return nil
}

// Hashes returns the stored content hash of each ID that is in the index.
func (ix *Index) Hashes(ctx context.Context, ids []string) (map[string]string, error) {
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(ids), len(ids), 0, false)
	req.Fields = []string{FieldHash}
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("index: look up hashes: %w", err)
	}
	hashes := make(map[string]string, len(res.Hits))
	for _, h := range res.Hits {
		hashes[h.ID], _ = h.Fields[FieldHash].(string)
	}
	return hashes, nil
}

// Statement returns the stored statement with the ID, or an error wrapping
// ErrNotFound.
func (ix *Index) Statement(ctx context.Context, id string) (Statement, error) {
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery([]string{id}), 1, 0, false)
	req.Fields = []string{"*"}
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return Statement{}, fmt.Errorf("index: get %s: %w", id, err)
	}
	if len(res.Hits) == 0 {
		return Statement{}, fmt.Errorf("%w: %s", ErrNotFound, id)
	}
	return FromFields(id, res.Hits[0].Fields), nil
}
