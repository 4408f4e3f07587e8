package indexer

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
)

// Delete deletes the statements with the IDs, with their quotes, and
// returns the IDs that were statements, in the order given; the others
// (unknown, already deleted) are passed over. Options.BeforeDelete sees the
// IDs first. A deleted statement stays deleted when the same content is
// read again, by a re-run, a feed or a rebuild: the summary counts it in
// Deleted. Changed content brings it back. Delete waits for a run under way.
func (in *Indexer) Delete(ctx context.Context, ids []string) ([]string, error) {
	in.mu.Lock()
	defer in.mu.Unlock()
	stored, err := in.ix.Lookup(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("indexer: delete: %w", err)
	}
	var live []string
	for _, id := range ids {
		if st, ok := stored[id]; ok && !st.Deleted && !slices.Contains(live, id) {
			live = append(live, id)
		}
	}
	if len(live) == 0 {
		return nil, nil
	}
	if before := in.opts.BeforeDelete; before != nil {
		if err := before(ctx, live); err != nil {
			return nil, fmt.Errorf("indexer: before deleting %d statements: %w", len(live), err)
		}
	}
	deleted, err := in.ix.Delete(ctx, live)
	if err != nil {
		return nil, fmt.Errorf("indexer: delete: %w", err)
	}
	return deleted, nil
}

// Prune indexes the files and folders at paths as Files does, then removes
// the statements read from a file under paths that is gone, or from a JSONL
// record that its file no longer holds: each statement whose origin is
// under paths and whose ID the run did not read. It counts them in Pruned.
//
// Only a run that read everything prunes: one cut short by an error or by
// ctx removes nothing. Nor does it remove what it could not read: the
// statements of a file, a line or a folder the run skipped (unreadable,
// too large, malformed) stay, since the file is still there. Pruning is
// not Delete: a pruned statement leaves no deletion record, so the file put
// back brings it back.
func (in *Indexer) Prune(ctx context.Context, paths []string) (Summary, error) {
	in.mu.Lock()
	defer in.mu.Unlock()
	r, err := in.files(ctx, paths, true)
	if err != nil {
		return r.stop(err)
	}
	sum, err := r.finish(ctx)
	if err != nil {
		return sum, err
	}
	if err := ctx.Err(); err != nil {
		return sum, err
	}
	gone, err := in.gone(ctx, paths, r.seen, skippedNames(sum))
	if err != nil {
		return sum, err
	}
	for batch := range slices.Chunk(gone, in.opts.BatchSize) {
		if before := in.opts.BeforeDelete; before != nil {
			if err := before(ctx, batch); err != nil {
				return sum, fmt.Errorf("indexer: before pruning %d statements: %w", len(batch), err)
			}
		}
		if err := in.ix.Write(nil, batch); err != nil {
			return sum, fmt.Errorf("indexer: prune: %w", err)
		}
		sum.Pruned += len(batch)
	}
	return sum, nil
}

// gone returns the IDs, sorted, of the statements whose origins are all
// under paths, that the run did not see, and that do not come from a file or
// folder in skipped.
func (in *Indexer) gone(ctx context.Context, paths []string, seen, skipped map[string]bool) ([]string, error) {
	var gone []string
	for _, p := range paths {
		root, err := filepath.Abs(p)
		if err != nil {
			return nil, fmt.Errorf("indexer: prune %s: %w", p, err)
		}
		origins, err := in.ix.Origins(ctx, root)
		if err != nil {
			return nil, fmt.Errorf("indexer: prune: %w", err)
		}
		for id, from := range origins {
			// A statement read from several origins is gone when every
			// one of them is: a copy outside root, or one passed over
			// for an error, may still hold it.
			kept := seen[id] || slices.ContainsFunc(from, func(origin string) bool {
				return !under(origin, root) || within(origin, skipped)
			})
			if !kept {
				gone = append(gone, id)
			}
		}
	}
	slices.Sort(gone)
	return slices.Compact(gone), nil
}

// skippedNames are the absolute names of the files, lines and folders a
// run skipped.
func skippedNames(sum Summary) map[string]bool {
	names := make(map[string]bool, len(sum.Skipped))
	for _, s := range sum.Skipped {
		if abs, err := filepath.Abs(s.Name); err == nil {
			names[abs] = true
		}
	}
	return names
}

// under reports whether origin, a statement's, names root, a file or folder
// under it, or a record of a JSONL file that is one of those (origin
// "path:line", corpus.ReadJSONL).
func under(origin, root string) bool {
	for _, o := range []string{origin, recordFile(origin)} {
		if o == root || strings.HasPrefix(o, strings.TrimSuffix(root, string(filepath.Separator))+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// within reports whether origin, or the JSONL file of a record, or a folder
// above either, is among names.
func within(origin string, names map[string]bool) bool {
	for _, o := range []string{origin, recordFile(origin)} {
		for p := o; ; p = filepath.Dir(p) {
			if names[p] {
				return true
			}
			if p == filepath.Dir(p) {
				break
			}
		}
	}
	return false
}

// recordFile is the file of a JSONL record's origin, "path:line"; for any
// other origin, the origin itself.
func recordFile(origin string) string {
	i := strings.LastIndexByte(origin, ':')
	if i < 0 || i == len(origin)-1 {
		return origin
	}
	for _, c := range origin[i+1:] {
		if c < '0' || c > '9' {
			return origin
		}
	}
	return origin[:i]
}
