package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	bolt "go.etcd.io/bbolt"
	bbolt "go.etcd.io/bbolt/errors"
)

// An index lives in a generation directory, path.YYYYMMDDTHHMMSS.nnnnnnnnn,
// and path itself is a symbolic link to the current one. Replacing a link by
// rename is atomic, so readers see the old generation or the new one, never
// half of a rebuild.

// ErrLayout means path is a directory, not a link to a generation: it was
// made by an older version, and cannot be rebuilt in place.
var ErrLayout = errors.New("index: not a link to an index generation")

// generationLayout is the time in a generation's name.
const generationLayout = "20060102T150405.000000000"

func newGeneration(path string) string {
	return path + "." + time.Now().UTC().Format(generationLayout)
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
// as it was, serving. The deletion records of the current generation are
// written into the new one before build runs, so that statements deleted
// stay deleted when build reads their files again; for that the current
// generation must not be open in another process (a server), and Rebuild
// returns an error wrapping ErrLocked if it is. The previous generation is
// removed after the switch, unless another process opened it meanwhile; it
// then says so in the returned note, and the folder is removed by the first
// Open after that process stops.
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
	removeLeftovers(path, old)
	var deletions map[string]string
	if old != "" {
		deletions, note, err = readDeletions(filepath.Join(filepath.Dir(path), old), config)
		if err != nil {
			return "", err
		}
	}
	gen := newGeneration(path)
	ix, err := create(gen, config)
	if err != nil {
		os.RemoveAll(gen)
		return "", err
	}
	if err := ix.WriteDeletions(deletions); err != nil {
		ix.Close()
		os.RemoveAll(gen)
		return "", fmt.Errorf("index: rebuild %s: carry the deletions over: %w", path, err)
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
		return note, nil
	}
	oldDir := filepath.Join(filepath.Dir(path), old)
	// A server may have opened the old generation since its deletions were
	// read: removing its files under it would break its searches.
	if inUse(oldDir) {
		return joinNotes(note, fmt.Sprintf("the previous index %s is still open in another process; restart it to use the new index (the folder is removed at the next start)", oldDir)), nil
	}
	if err := os.RemoveAll(oldDir); err != nil {
		return "", fmt.Errorf("index: remove previous generation %s: %w", oldDir, err)
	}
	return note, nil
}

// readDeletions reads the deletion records of the generation dir. It
// returns an error wrapping ErrLocked when another process has dir open:
// its deletions cannot be read, and a rebuild without them would bring the
// statements deleted from it back. A generation that does not open for
// another reason (a damaged one, which a rebuild is there to replace)
// yields no records and a note that says so. The mapping version is not
// checked: records are read the same way from any version that has them.
func readDeletions(dir string, config map[string]interface{}) (map[string]string, string, error) {
	b, err := bleve.OpenUsing(dir, config)
	if errors.Is(err, bbolt.ErrTimeout) {
		return nil, "", fmt.Errorf("%w: %s; stop the server (or the other advosearch process) first: a rebuild carries the index's deletions over, so that deleted statements stay deleted, and cannot read them while another process holds it", ErrLocked, dir)
	}
	if err != nil {
		return nil, fmt.Sprintf("the deletions of the previous index %s could not be read, so statements deleted from it may be back: %v", dir, err), nil
	}
	ix := &Index{bleve: b, dir: dir}
	defer ix.Close()
	deletions, err := ix.Deletions(context.Background())
	if err != nil {
		return nil, "", fmt.Errorf("index: rebuild: %w", err)
	}
	return deletions, "", nil
}

func joinNotes(a, b string) string {
	if a == "" {
		return b
	}
	return a + "\n" + b
}

// leftoverAge is how old a generation folder that is not the current one
// must be before Open removes it. Another process creating one (a rebuild)
// holds its lock from a few milliseconds after making the folder; a minute
// keeps Open from removing it in between.
const leftoverAge = time.Minute

// removeLeftovers removes the generations beside path that are not current,
// the one path links to: what a rebuild killed part-way, or the previous
// generation that a server still had open when a rebuild switched, left.
// A generation another process has open (a rebuild under way, a server on
// the previous one) is kept, and so is one younger than leftoverAge. It is
// best effort: a leftover only takes disk space and never changes what is
// served, so one that cannot be removed is left for the next start rather
// than keeping the index from opening.
func removeLeftovers(path, current string) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if name == current || !strings.HasPrefix(name, base+".") {
			continue
		}
		full := filepath.Join(dir, name)
		if name == base+".link" {
			// The new link of a switch that did not finish (see link).
			if info, err := os.Lstat(full); err == nil && time.Since(info.ModTime()) > leftoverAge {
				os.Remove(full)
			}
			continue
		}
		made, err := time.Parse(generationLayout, strings.TrimPrefix(name, base+"."))
		if err != nil || !e.IsDir() || time.Since(made) < leftoverAge || inUse(full) {
			continue
		}
		os.RemoveAll(full)
	}
}

// inUse reports whether another Index, in this process or another, has the
// generation dir open: it holds the lock on the generation's root.bolt,
// which Bleve takes at open and keeps until close.
func inUse(dir string) bool {
	root := filepath.Join(dir, "store", "root.bolt")
	if _, err := os.Stat(root); err != nil {
		return false
	}
	db, err := bolt.Open(root, 0o600, &bolt.Options{Timeout: 50 * time.Millisecond, ReadOnly: true})
	if err != nil {
		// Locked. Any other failure is a file no process could open
		// either, such as one a killed rebuild left half-written.
		return errors.Is(err, bbolt.ErrTimeout)
	}
	db.Close()
	return false
}
