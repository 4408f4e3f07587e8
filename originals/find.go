package originals

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/advosearch/advosearch/corpus"
	"github.com/advosearch/advosearch/index"
)

// File is an original ready to serve.
type File struct {
	// Name is the file's own name, without its folder: "report.pdf".
	Name        string
	ContentType string // a corpus type
	ModTime     time.Time
	Content     io.ReadSeeker
	close       func() error
}

// Close releases the file.
func (f File) Close() error {
	if f.close == nil {
		return nil
	}
	return f.close()
}

// Finder finds the file a statement was read from: the copy the store keeps
// of a file sent to the server, or the file on this machine's disk that it
// was indexed from, as long as it still holds the very content indexed.
type Finder struct {
	store *Store
	// hash is the indexer's content hash (indexer.ContentHash): a file
	// whose hash is not the statement's has changed since, and is not its
	// original any more.
	hash     func(corpus.Document) string
	maxBytes int64
}

// NewFinder returns a Finder over store, checking files on disk of at most
// maxBytes with hash.
func NewFinder(store *Store, hash func(corpus.Document) string, maxBytes int64) *Finder {
	return &Finder{store: store, hash: hash, maxBytes: maxBytes}
}

// Available reports, without reading a file, whether Open may find one: a
// file is kept, or one of the statement's origins is a file on disk.
func (f *Finder) Available(st index.Statement) bool {
	if file, _, err := f.store.Open(st.Hash); err == nil {
		file.Close()
		return true
	}
	for _, origin := range localFiles(st) {
		if info, err := os.Stat(origin); err == nil && info.Mode().IsRegular() {
			return true
		}
	}
	return false
}

// Open opens the original of st; the error wraps ErrNotKept when there is
// none, or the files it was read from have changed or gone.
func (f *Finder) Open(st index.Statement) (File, error) {
	name := corpus.ProvenanceOf(st.Origin).Name
	if file, ctype, err := f.store.Open(st.Hash); err == nil {
		info, err := file.Stat()
		if err != nil {
			file.Close()
			return File{}, fmt.Errorf("originals: %w", err)
		}
		if ext, _ := corpus.ExtensionOf(ctype); name == "" || filepath.Ext(name) != ext {
			name = "original" + ext
		}
		return File{Name: name, ContentType: ctype, ModTime: info.ModTime(), Content: file, close: file.Close}, nil
	} else if !errors.Is(err, ErrNotKept) {
		return File{}, err
	}
	for _, origin := range localFiles(st) {
		body, ctype, mod, err := f.read(origin)
		if err != nil {
			continue
		}
		if f.hash(corpus.Document{ContentType: ctype, Body: body}) != st.Hash {
			continue // changed since it was indexed
		}
		return File{Name: filepath.Base(origin), ContentType: ctype, ModTime: mod, Content: bytes.NewReader(body)}, nil
	}
	return File{}, fmt.Errorf("%w for statement %s", ErrNotKept, st.ID)
}

func (f *Finder) read(path string) (body []byte, ctype string, mod time.Time, err error) {
	ctype, ok := corpus.TypeOfName(path)
	if !ok {
		return nil, "", mod, corpus.ErrUnsupported
	}
	file, err := os.Open(path)
	if err != nil {
		return nil, "", mod, err
	}
	defer file.Close()
	info, err := file.Stat()
	if err != nil {
		return nil, "", mod, err
	}
	if info.Size() > f.maxBytes {
		return nil, "", mod, corpus.ErrTooLarge
	}
	body, err = io.ReadAll(io.LimitReader(file, f.maxBytes))
	return body, ctype, info.ModTime(), err
}

// localFiles are the statement's origins that are whole files on this
// machine: not records of a JSONL file, which are no file of their own.
func localFiles(st index.Statement) []string {
	var out []string
	for _, origin := range append([]string{st.Origin}, st.AlsoFrom...) {
		if p := corpus.ProvenanceOf(origin); p.Kind == corpus.FromFile {
			out = append(out, corpus.CanonicalOrigin(origin))
		}
	}
	return out
}
