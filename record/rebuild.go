package record

import (
	"context"
	"errors"
	"time"

	"github.com/advosearch/advosearch/index"
)

// Rebuild builds a new generation of the index at path from the record
// alone, beside the current one, and switches path to it once it holds
// every change the record had: what a node does when its index was built
// by another mapping version (index.ErrVersion), which this build cannot
// open. No file is read again, and the current generation is left as it
// is until the switch, then removed (index.Rebuild). cursor is the
// follower's cursor file: it ends naming the new generation, so the
// follower started on path afterwards goes on from where the rebuild
// stopped.
//
// started, if not nil, is called with the follower that fills the new
// generation before it starts, so that the caller can tell how far it is:
// its Status says Rebuilding. While PostgreSQL cannot be reached the
// rebuild waits, every opts.Retry, rather than fail: the node has nothing
// else to serve, and what it applied so far is kept. It stops when ctx
// ends, removing the new generation. The note is index.Rebuild's.
func Rebuild(ctx context.Context, store *Store, path, cursor string, opts FollowerOptions, started func(*Follower)) (note string, err error) {
	return index.Rebuild(path, index.Options{}, func(ix *index.Index) error {
		f, err := NewFollower(store, ix, cursor, opts)
		if err != nil {
			return err
		}
		f.rebuilding = true
		if started != nil {
			started(f)
		}
		for {
			_, err := f.CatchUp(ctx)
			if err == nil || !errors.Is(err, ErrUnavailable) || ctx.Err() != nil {
				return err
			}
			f.failed(err)
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(f.opts.Retry):
			}
		}
	})
}
