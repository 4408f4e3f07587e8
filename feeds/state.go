package feeds

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// State is what the caller keeps about one feed between polls.
type State struct {
	// ETag and LastModified are the validators of the last 200 response,
	// sent back as If-None-Match and If-Modified-Since.
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	// Seen holds the keys (Item.GUID) of the items already handed on, the
	// current feed's first; at most MaxSeen, unless the feed itself lists
	// more items than that (forgetting one still listed would emit it again).
	Seen []string `json:"seen,omitempty"`
}

// LoadState reads a state file written by SaveState: feed URL → State. A
// missing file is an empty map and no error (the first run).
func LoadState(path string) (map[string]State, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return make(map[string]State), nil
	}
	if err != nil {
		return nil, fmt.Errorf("feeds: load state: %w", err)
	}
	m := make(map[string]State)
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("feeds: load state %s: %w", path, err)
	}
	return m, nil
}

// SaveState writes states to path atomically: a temporary file in the same
// directory, synced, then renamed over path, then the directory synced. A
// crash leaves either the old file or the new one, never half of one.
func SaveState(path string, states map[string]State) (err error) {
	b, err := json.MarshalIndent(states, "", "  ")
	if err != nil {
		return fmt.Errorf("feeds: save state: %w", err)
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("feeds: save state: %w", err)
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()           // may already be closed; the write error is the one to report
			_ = os.Remove(tmp.Name()) // best effort: a stray temp file is harmless
		}
	}()
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		return fmt.Errorf("feeds: save state: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("feeds: save state: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("feeds: save state: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("feeds: save state: %w", err)
	}
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("feeds: save state: sync dir: %w", err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("feeds: save state: sync dir: %w", err)
	}
	return nil
}
