// Package originals keeps the bytes of the files sent to a server (POST
// /api/documents), so that a statement's page can offer the file it was
// read from, the PDF a journalist cites rather than our extraction of it.
// Files are kept by the statement's content hash (index.Statement.Hash):
// the same bytes sent from two origins are kept once, and a file is never
// shown for a statement whose content it is not.
package originals

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/advosearch/advosearch/corpus"
)

// ErrNotKept means no original is kept for the hash.
var ErrNotKept = errors.New("originals: no original file kept")

// Store is a folder of original files, one per content hash, named
// HASH.EXT so that its type is known without reading it.
type Store struct {
	dir string
}

// Open opens the store in dir, creating the folder if needed.
func Open(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("originals: %w", err)
	}
	return &Store{dir: dir}, nil
}

// Put keeps body, of the corpus type ctype, under hash, unless it is kept
// already. The file appears whole or not at all: it is written aside, synced,
// then renamed into place.
func (s *Store) Put(hash, ctype string, body []byte) error {
	path, err := s.path(hash, ctype)
	if err != nil {
		return err
	}
	if _, err := os.Stat(path); err == nil {
		return nil
	}
	tmp, err := os.CreateTemp(s.dir, ".put-*")
	if err != nil {
		return fmt.Errorf("originals: %w", err)
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	if _, err := tmp.Write(body); err != nil {
		tmp.Close()
		return fmt.Errorf("originals: write %s: %w", hash, err)
	}
	if err := errors.Join(tmp.Sync(), tmp.Close()); err != nil {
		return fmt.Errorf("originals: write %s: %w", hash, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("originals: %w", err)
	}
	return nil
}

// Open opens the original kept under hash, and says its corpus type; the
// error wraps ErrNotKept when there is none.
func (s *Store) Open(hash string) (f *os.File, ctype string, err error) {
	for _, ctype := range corpus.MediaTypes() {
		path, err := s.path(hash, ctype)
		if err != nil {
			return nil, "", err
		}
		f, err := os.Open(path)
		if err == nil {
			return f, ctype, nil
		}
		if !errors.Is(err, os.ErrNotExist) {
			return nil, "", fmt.Errorf("originals: %w", err)
		}
	}
	return nil, "", fmt.Errorf("%w: %s", ErrNotKept, hash)
}

// Remove forgets the original kept under hash, if any: a statement taken
// down must not stay downloadable.
func (s *Store) Remove(hash string) error {
	for _, ctype := range corpus.MediaTypes() {
		path, err := s.path(hash, ctype)
		if err != nil {
			return err
		}
		if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("originals: %w", err)
		}
	}
	return nil
}

// CopyTo copies the originals kept into dir, a new folder, for a backup
// of the data folder. Kept files never change once in place, so a copy
// made while files are added holds each whole; one added meanwhile may be
// missing, and its statement's page then offers none.
func (s *Store) CopyTo(dir string) error {
	if err := os.Mkdir(dir, 0o755); err != nil {
		return fmt.Errorf("originals: backup: %w", err)
	}
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return fmt.Errorf("originals: backup: %w", err)
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || strings.HasPrefix(e.Name(), ".put-") {
			continue
		}
		if err := copyFile(filepath.Join(s.dir, e.Name()), filepath.Join(dir, e.Name())); err != nil {
			return fmt.Errorf("originals: backup: %w", err)
		}
	}
	return nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return errors.Join(out.Sync(), out.Close())
}

// path is where the original of hash, of type ctype, is kept. A hash is
// hex, never a path: anything else is refused before it reaches the disk.
func (s *Store) path(hash, ctype string) (string, error) {
	if hash == "" || strings.Trim(hash, "0123456789abcdef") != "" {
		return "", fmt.Errorf("originals: %q is not a content hash", hash)
	}
	ext, ok := corpus.ExtensionOf(ctype)
	if !ok {
		return "", fmt.Errorf("originals: no file type for %q", ctype)
	}
	return filepath.Join(s.dir, hash+ext), nil
}
