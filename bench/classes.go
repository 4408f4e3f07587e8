package bench

import (
	"context"
	"time"
)

// DefaultClassLimit bounds the time spent on one query class.
const DefaultClassLimit = time.Minute

// warmUp is how many searches of a class run untimed first, so that the
// first touch of the index files is not counted as a search.
const warmUp = 3

// SearchFunc runs one benchmark query and returns its total hits.
type SearchFunc func(ctx context.Context, q Query) (uint64, error)

// TimeClasses times the queries of every class the system can express
// (supports), each class stopping after its queries or cfg.ClassLimit,
// profiled when cfg.ProfileDir is set; then it searches CrossCheckPhrase
// once for the cross-check hit count.
func TimeClasses(ctx context.Context, cfg Config, supports func(Class) bool, search SearchFunc) (map[Class]Latency, uint64, error) {
	limit := cfg.ClassLimit
	if limit <= 0 {
		limit = DefaultClassLimit
	}
	out := map[Class]Latency{}
	for _, c := range Classes() {
		qs := cfg.QueriesOf(c)
		if !supports(c) || len(qs) == 0 {
			continue
		}
		for _, q := range qs[:min(warmUp, len(qs))] {
			if _, err := search(ctx, q); err != nil {
				return nil, 0, err
			}
		}
		stop, err := StartProfile(cfg.ProfileDir, cfg.System, string(c))
		if err != nil {
			return nil, 0, err
		}
		out[c] = Timer(len(qs), limit, func(i int) (uint64, error) { return search(ctx, qs[i]) })
		if err := stop(); err != nil {
			return nil, 0, err
		}
	}
	hits, err := search(ctx, Query{Class: ClassPhrase, Words: CrossCheckPhrase})
	return out, hits, err
}
