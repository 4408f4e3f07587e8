package bench

import (
	"slices"
	"time"
)

// Latency summarises the timed searches of one query class on one system.
type Latency struct {
	N      int     `json:"n"`      // searches timed
	Errors int     `json:"errors"` // searches that failed; not in the times
	P50    float64 `json:"p50_ms"`
	P95    float64 `json:"p95_ms"`
	P99    float64 `json:"p99_ms"`
	// Hits adds up the total hit counts the searches reported, a check
	// that the systems found the same statements.
	Hits uint64 `json:"hits"`
}

// Summarize computes the percentiles of the durations (nearest rank).
func Summarize(d []time.Duration) Latency {
	l := Latency{N: len(d)}
	if len(d) == 0 {
		return l
	}
	s := slices.Clone(d)
	slices.Sort(s)
	l.P50, l.P95, l.P99 = ms(percentile(s, 50)), ms(percentile(s, 95)), ms(percentile(s, 99))
	return l
}

func percentile(sorted []time.Duration, p int) time.Duration {
	i := (len(sorted)*p + 99) / 100 // nearest rank, 1-based
	return sorted[max(0, i-1)]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// Timer runs one class's searches until count are done or limit has passed,
// whichever comes first, so that a slow system cannot stall the run.
// search returns the total hits of one search.
func Timer(count int, limit time.Duration, search func(i int) (uint64, error)) Latency {
	var took []time.Duration
	var hits uint64
	errs := 0
	start := time.Now()
	for i := 0; i < count && time.Since(start) < limit; i++ {
		t := time.Now()
		n, err := search(i)
		if err != nil {
			errs++
			continue
		}
		took = append(took, time.Since(t))
		hits += n
	}
	l := Summarize(took)
	l.Errors, l.Hits = errs, hits
	return l
}
