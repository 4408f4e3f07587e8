package index

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// An index lives in a generation directory, path.YYYYMMDDTHHMMSS.nnnnnnnnn,
// and path itself is a symbolic link to the current one. Replacing a link by
// rename is atomic, so readers see the old generation or the new one, never
// half of a rebuild.

// ErrLayout means path is a directory, not a link to a generation: it was
// made by an older version, and cannot be rebuilt in place.
var ErrLayout = errors.New("index: not a link to an index generation")

func newGeneration(path string) string {
	return path + "." + time.Now().UTC().Format("20060102T150405.000000000")
}

// createCurrent creates a first generation and links path to it once it is
// complete, so a crash while creating leaves no half-made index at path.
func createCurrent(path string, config map[string]interface{}) (*Index, error) {
	gen := newGeneration(path)
	ix, err := create(gen, config)
	if err != nil {
		os.RemoveAll(gen)
		return nil, err
	}
	if err := link(path, gen); err != nil {
		ix.Close()
		os.RemoveAll(gen)
		return nil, err
	}
	return ix, nil
}

// link points path at the generation gen, atomically.
func link(path, gen string) error {
	tmp := path + ".link"
	os.Remove(tmp)
	if err := os.Symlink(filepath.Base(gen), tmp); err != nil {
		return fmt.Errorf("index: link %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("index: link %s: %w", path, err)
	}
	return syncDir(filepath.Dir(path))
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("index: sync %s: %w", dir, err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("index: sync %s: %w", dir, err)
	}
	return nil
}

// Rebuild builds a new generation of the index at path beside the current
// one: build fills it, and only when build succeeds does path switch to it.
// When build fails, the new generation is removed and the current one stays
// as it was, serving. The previous generation is removed after the switch,
// unless another process still has it open; it then says so in the returned
// note, and the folder can be removed once that process stops.
func Rebuild(path string, opts Options, build func(*Index) error) (note string, err error) {
	opts.setDefaults()
	config := opts.bleveConfig()
	old, err := os.Readlink(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		old = ""
	case err != nil:
		return "", fmt.Errorf("%w: %s; move it away and index again", ErrLayout, path)
	}
	gen := newGeneration(path)
	ix, err := create(gen, config)
	if err != nil {
		os.RemoveAll(gen)
		return "", err
	}
	if err := build(ix); err != nil {
		ix.Close()
		os.RemoveAll(gen)
		return "", fmt.Errorf("index: rebuild %s: %w", path, err)
	}
	if err := ix.Close(); err != nil {
		os.RemoveAll(gen)
		return "", err
	}
	if err := link(path, gen); err != nil {
		os.RemoveAll(gen)
		return "", err
	}
	if old == "" {
		return "", nil
	}
	oldDir := filepath.Join(filepath.Dir(path), old)
	// A server may still be reading the old generation: removing its files
	// under it would break its searches.
	if prev, err := open(oldDir, map[string]interface{}{"bolt_timeout": "50ms"}); errors.Is(err, ErrLocked) {
		return fmt.Sprintf("the previous index %s is still open in another process; restart it to use the new index, then remove that folder", oldDir), nil
	} else if err == nil {
		prev.Close()
	}
	if err := os.RemoveAll(oldDir); err != nil {
		return "", fmt.Errorf("index: remove previous generation %s: %w", oldDir, err)
	}
	return "", nil
}
