package bench

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// LoadResult is what one load run measured.
type LoadResult struct {
	Concurrency int `json:"concurrency"`
	Requests    int `json:"requests"` // completed, failed ones included
	Errors      int `json:"errors"`   // transport errors and non-200 answers but sheds
	// Shed counts the requests the server refused at once as overloaded
	// (503 with Retry-After), which is how it keeps the others within
	// their deadline: no error, but no answer either.
	Shed      int     `json:"shed"`
	Seconds   float64 `json:"seconds"`
	PerSecond float64 `json:"per_second"` // successful requests per second
	P50       float64 `json:"p50_ms"`
	P99       float64 `json:"p99_ms"`
	// Max is the longest any request took, answered, shed or failed: no
	// request should wait past its deadline.
	Max float64 `json:"max_ms"`
	// FirstError describes the first failure, for the log; "" if none.
	FirstError string `json:"first_error,omitempty"`
}

// Load sends GET requests for paths (relative to baseURL, taken in turn) from
// concurrency workers until maxRequests have been sent or maxDuration has
// passed, whichever comes first, and stops when ctx ends. Point it only at a
// server of ours on this machine: it is a load generator. An answer other
// than 200 counts as an error; every body is read to the end, as a browser
// would.
func Load(ctx context.Context, baseURL string, paths []string, concurrency, maxRequests int, maxDuration time.Duration) LoadResult {
	client := &http.Client{
		Timeout: 30 * time.Second,
		// The default keeps 2 idle connections per host: at concurrency 64
		// the rest would reconnect on every request and exhaust ports.
		Transport: &http.Transport{MaxIdleConnsPerHost: concurrency, DisableCompression: true},
	}
	defer client.CloseIdleConnections()
	return LoadFunc(ctx, concurrency, maxRequests, maxDuration, func(ctx context.Context, i int) error {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, baseURL+paths[i%len(paths)], nil)
		if err != nil {
			return err
		}
		res, err := client.Do(req)
		if err != nil {
			return err
		}
		defer res.Body.Close()
		if _, err := io.Copy(io.Discard, res.Body); err != nil {
			return err
		}
		switch {
		case res.StatusCode == http.StatusServiceUnavailable && res.Header.Get("Retry-After") != "":
			return fmt.Errorf("%w: GET %s: %s", ErrShed, paths[i%len(paths)], res.Status)
		case res.StatusCode != http.StatusOK:
			return fmt.Errorf("GET %s: %s", paths[i%len(paths)], res.Status)
		}
		return nil
	})
}

// ErrShed marks a request the server refused as overloaded, at once, with
// a time to retry: LoadFunc counts it apart from errors.
var ErrShed = errors.New("bench: shed")

// LoadFunc is Load for any operation: do(ctx, i) is the i-th request. It
// lets an in-process run be compared with the same load over HTTP.
func LoadFunc(ctx context.Context, concurrency, maxRequests int, maxDuration time.Duration, do func(ctx context.Context, i int) error) LoadResult {
	ctx, cancel := context.WithTimeout(ctx, maxDuration)
	defer cancel()
	var (
		next     atomic.Int64
		mu       sync.Mutex
		took     []time.Duration
		errs     int
		shed     int
		longest  time.Duration
		firstErr string
		wg       sync.WaitGroup
	)
	start := time.Now()
	for range concurrency {
		wg.Go(func() {
			var mine []time.Duration
			for ctx.Err() == nil {
				i := int(next.Add(1)) - 1
				if i >= maxRequests {
					break
				}
				t := time.Now()
				err := do(ctx, i)
				d := time.Since(t)
				if err != nil && ctx.Err() != nil {
					break // cut off by the time limit: not the server's fault
				}
				mu.Lock()
				longest = max(longest, d)
				switch {
				case errors.Is(err, ErrShed):
					shed++
				case err != nil:
					if errs == 0 {
						firstErr = err.Error()
					}
					errs++
				}
				mu.Unlock()
				if err == nil {
					mine = append(mine, d)
				}
			}
			mu.Lock()
			took = append(took, mine...)
			mu.Unlock()
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	slices.Sort(took)
	r := LoadResult{Concurrency: concurrency, Requests: len(took) + errs + shed, Errors: errs, Shed: shed, Max: ms(longest),
		Seconds: elapsed.Seconds(), PerSecond: float64(len(took)) / elapsed.Seconds(), FirstError: firstErr}
	if len(took) > 0 {
		r.P50, r.P99 = ms(percentile(took, 50)), ms(percentile(took, 99))
	}
	return r
}
