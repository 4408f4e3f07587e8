package search

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/advosearch/advosearch/index"
)

// holdKey marks the context of a search that the InSlot hook of
// holdingEngine keeps in its slot: for a while (warm-up searches, which
// teach the engine a service time), or until a channel closes.
type holdKey struct{}

type hold struct {
	sleep   time.Duration
	entered chan<- struct{} // closed once the search holds its slot
	until   <-chan struct{}
}

func withHold(ctx context.Context, h hold) context.Context {
	return context.WithValue(ctx, holdKey{}, h)
}

// holdingEngine is an engine over a few real statements whose searches
// can be held in their slot by their context (withHold).
func holdingEngine(t *testing.T, o Options) *Engine {
	t.Helper()
	ix, err := index.Open(t.TempDir(), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	err = ix.Write([]index.Statement{
		{ID: "a", Title: "Activists detained in Cambodia", Body: "Four defenders were detained in Phnom Penh.", Lang: "en",
			Quotes: []index.Quote{{Text: "They must close because they follow foreigners", Speaker: "Hun Sen"}}},
		{ID: "b", Title: "Court dissolves party", Body: "The Supreme Court of Cambodia dissolved the opposition.", Lang: "en"},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	o.InSlot = func(ctx context.Context) {
		h, ok := ctx.Value(holdKey{}).(hold)
		if !ok {
			return
		}
		time.Sleep(h.sleep)
		if h.entered != nil {
			close(h.entered)
		}
		if h.until != nil {
			<-h.until
		}
	}
	return NewWithOptions(ix, o)
}

// teach runs n searches that each hold their slot for d, so that the
// engine's service time is at least d.
func teach(t *testing.T, e *Engine, n int, d time.Duration) {
	t.Helper()
	for range n {
		if _, err := e.Search(withHold(context.Background(), hold{sleep: d}), Request{Query: "cambodia"}); err != nil {
			t.Fatalf("warm-up search: %v", err)
		}
	}
}

// block takes a slot with a search that holds it until the returned
// function is called, which then waits for that search to end.
func block(t *testing.T, e *Engine) (unblock func()) {
	t.Helper()
	entered, until, done := make(chan struct{}), make(chan struct{}), make(chan error, 1)
	go func() {
		_, err := e.Search(withHold(context.Background(), hold{entered: entered, until: until}), Request{Query: "cambodia"})
		done <- err
	}()
	<-entered
	return func() {
		close(until)
		if err := <-done; err != nil {
			t.Errorf("blocking search: %v", err)
		}
	}
}

// waitForLine waits until n searches are in line for a slot.
func waitForLine(t *testing.T, e *Engine, n int) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		e.admit.mu.Lock()
		w := e.admit.waiting
		e.admit.mu.Unlock()
		if w == n {
			return
		}
	}
	t.Fatalf("%d searches never got in line", n)
}

func overload(t *testing.T, err error) *OverloadError {
	t.Helper()
	var ov *OverloadError
	if !errors.As(err, &ov) || !errors.Is(err, ErrOverloaded) {
		t.Fatalf("err = %v, want an *OverloadError", err)
	}
	return ov
}

// TestEngine_Search_shedsWhatCannotBeServedInTime fills the only slot and
// puts three searches in line, and checks that a search whose deadline is
// shorter than the expected wait (four service times) is refused at once,
// with a time to come back, while one with time to spare waits and gets
// its answer.
func TestEngine_Search_shedsWhatCannotBeServedInTime(t *testing.T) {
	const (
		service = 100 * time.Millisecond
		ahead   = 3
	)
	for _, tc := range []struct {
		name string
		run  func(context.Context, *Engine) error
	}{
		{"search", func(ctx context.Context, e *Engine) error {
			_, err := e.Search(ctx, Request{Query: "cambodia"})
			return err
		}},
		{"quotes", func(ctx context.Context, e *Engine) error {
			_, err := e.Quotes(ctx, QuoteRequest{Query: "must close"})
			return err
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := holdingEngine(t, Options{Slots: 1})
			teach(t, e, 3, service)
			unblock := block(t, e)
			done := make(chan error, ahead+1)
			for range ahead {
				go func() { done <- tc.run(context.Background(), e) }()
			}
			waitForLine(t, e, ahead)

			// Longer than one service time, so that only the expected
			// wait can refuse it before it waits in line.
			short, cancel := context.WithTimeout(context.Background(), 3*service+service/2)
			defer cancel()
			start := time.Now()
			ov := overload(t, tc.run(short, e))
			if waited := time.Since(start); waited >= service {
				t.Errorf("refused after %v in line, want at once", waited)
			}
			if ov.Reason != ShedDeadline || ov.Waiting != ahead {
				t.Errorf("refused for %q with %d waiting, want %q with %d", ov.Reason, ov.Waiting, ShedDeadline, ahead)
			}
			if ov.RetryAfter < time.Second {
				t.Errorf("RetryAfter = %v, want at least a second", ov.RetryAfter)
			}

			long, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			go func() { done <- tc.run(long, e) }()
			waitForLine(t, e, ahead+1)
			unblock()
			for range ahead + 1 {
				if err := <-done; err != nil {
					t.Fatalf("search with time to wait: %v, want an answer", err)
				}
			}
		})
	}
}

// TestEngine_Search_shedsWhenTheLineIsFull checks MaxQueue: with the slot
// taken and the line full, the next search is refused at once even
// without a deadline, and the searches in line are still served.
func TestEngine_Search_shedsWhenTheLineIsFull(t *testing.T) {
	e := holdingEngine(t, Options{Slots: 1, MaxQueue: 2})
	unblock := block(t, e)
	done := make(chan error, 2)
	for range 2 {
		go func() {
			_, err := e.Search(context.Background(), Request{Query: "cambodia"})
			done <- err
		}()
	}
	waitForLine(t, e, 2)
	_, err := e.Search(context.Background(), Request{Query: "cambodia"})
	if ov := overload(t, err); ov.Reason != ShedQueue || ov.Waiting != 2 {
		t.Errorf("refused for %q with %d waiting, want %q with 2", ov.Reason, ov.Waiting, ShedQueue)
	}
	unblock()
	for range 2 {
		if err := <-done; err != nil {
			t.Errorf("search in line: %v, want an answer", err)
		}
	}
}

// TestEngine_Search_givesUpInLineBeforeItsDeadline checks the case the
// estimate got wrong: a search let into the line because the expected wait
// was short leaves it, refused, once only its service time is left before
// the deadline, rather than waiting the deadline out.
func TestEngine_Search_givesUpInLineBeforeItsDeadline(t *testing.T) {
	const service = 50 * time.Millisecond
	e := holdingEngine(t, Options{Slots: 1})
	teach(t, e, 3, service)
	unblock := block(t, e)
	defer unblock()

	// 500 ms is far more than the expected wait of one service time, so it
	// gets in line; the blocker never leaves while it waits.
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	_, err := e.Search(ctx, Request{Query: "cambodia"})
	if ov := overload(t, err); ov.Reason != ShedDeadline {
		t.Errorf("refused for %q, want %q", ov.Reason, ShedDeadline)
	}
	if ctx.Err() != nil {
		t.Errorf("it waited its whole deadline out (%v); it should leave when only its service time is left", ctx.Err())
	}
}
