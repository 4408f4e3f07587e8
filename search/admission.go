package search

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"
)

// DefaultQueuePerSlot is how many searches may wait in line per slot when
// Options.MaxQueue is 0. The deadline decides first in practice (at 1M
// statements 64 searches in line for 2 slots already wait about 10 s); the
// bound only keeps a flood of clients without deadlines from piling up
// goroutines.
const DefaultQueuePerSlot = 64

// Options tune an Engine. The zero value is the default.
type Options struct {
	// Slots bounds the searches running at once. Default
	// runtime.GOMAXPROCS(0): more at once only share the cores, so every
	// search then takes many times longer and slow ones outlive their
	// timeout, while one that waits for a slot runs at full speed.
	Slots int
	// MaxQueue bounds the searches waiting for a slot; one more is refused
	// at once with an *OverloadError. Default DefaultQueuePerSlot per slot.
	MaxQueue int
	// InSlot, when set, is called by every search (and quote search) once
	// it holds its slot and before it runs, with the search's context; the
	// slot stays taken until it returns. Tests use it to keep slots busy
	// for exactly as long as they need; leave it nil otherwise.
	InSlot func(ctx context.Context)
}

// ErrOverloaded means a search was refused without running, because the
// wait for a slot would outlast its deadline or the line was full. The
// caller should answer 503 and tell the client to retry after the wait that
// the *OverloadError in the chain gives.
var ErrOverloaded = errors.New("search: overloaded")

// ShedReason says why a search was refused.
type ShedReason string

const (
	// ShedDeadline: the expected wait for a slot, plus the search itself,
	// would outlast the context's deadline.
	ShedDeadline ShedReason = "deadline"
	// ShedQueue: Options.MaxQueue searches were waiting already.
	ShedQueue ShedReason = "queue"
)

// OverloadError is the error of a refused search; it unwraps to
// ErrOverloaded.
type OverloadError struct {
	Reason ShedReason
	// Waiting is how many searches were in line.
	Waiting int
	// RetryAfter is the expected wait for a slot when the search was
	// refused, at least a second: when to come back.
	RetryAfter time.Duration
}

func (e *OverloadError) Error() string {
	return fmt.Sprintf("search: overloaded (%s): %d searches waiting, expected wait %s", e.Reason, e.Waiting, e.RetryAfter)
}

func (e *OverloadError) Unwrap() error { return ErrOverloaded }

// admission hands out the search slots. A search that finds none free
// waits in line, but only if it can expect to be served before its
// deadline: otherwise it is refused at once, so that under overload a
// client hears "busy, retry in N s" in a millisecond instead of a timeout
// after 10 s in line (issue 17: at 1M statements and 64 clients, 25 of
// 1,000 requests waited 10 s and then failed anyway).
type admission struct {
	slots    chan struct{}
	maxQueue int
	inSlot   func(context.Context)

	mu      sync.Mutex
	waiting int
	// service is a moving average of how long a search holds its slot; 0
	// until the first search has ended, and then nothing is refused for
	// its deadline, since nothing is known about the wait.
	service time.Duration
}

// serviceWeight is the weight of the newest search in the moving average
// of the service time: 1/8 follows a change of load within a few dozen
// searches without swinging on one slow query.
const serviceWeight = 8

func newAdmission(o Options) *admission {
	slots := o.Slots
	if slots <= 0 {
		slots = runtime.GOMAXPROCS(0)
	}
	maxQueue := o.MaxQueue
	if maxQueue <= 0 {
		maxQueue = DefaultQueuePerSlot * slots
	}
	return &admission{slots: make(chan struct{}, slots), maxQueue: maxQueue, inSlot: o.InSlot}
}

// acquire takes a search slot, or refuses with an *OverloadError when the
// wait would outlast ctx's deadline or the line is full, or gives up with
// ErrTimeout when ctx ends first. release must be called once the search
// is done.
func (a *admission) acquire(ctx context.Context) (release func(), err error) {
	select {
	case a.slots <- struct{}{}:
		return a.hold(ctx), nil
	default:
	}

	a.mu.Lock()
	service, ahead := a.service, a.waiting
	wait := a.expectedWait(ahead)
	deadline, hasDeadline := ctx.Deadline()
	switch {
	case ahead >= a.maxQueue:
		a.mu.Unlock()
		return nil, a.refuse(ShedQueue, ahead, wait)
	case hasDeadline && service > 0 && time.Until(deadline) < wait+service:
		a.mu.Unlock()
		return nil, a.refuse(ShedDeadline, ahead, wait)
	}
	a.waiting++
	a.mu.Unlock()
	// leave takes the search out of the line, and says how many others
	// are in it and how long one more would wait.
	leave := func() (ahead int, wait time.Duration) {
		a.mu.Lock()
		defer a.mu.Unlock()
		a.waiting--
		return a.waiting, a.expectedWait(a.waiting)
	}

	// The estimate can be wrong (a burst of slow searches ahead): a search
	// still in line when only its own service time is left is refused then,
	// rather than started too late to finish.
	var giveUp <-chan time.Time
	if hasDeadline && service > 0 {
		t := time.NewTimer(time.Until(deadline) - service)
		defer t.Stop()
		giveUp = t.C
	}
	select {
	case a.slots <- struct{}{}:
		leave()
		return a.hold(ctx), nil
	case <-giveUp:
		ahead, wait := leave()
		return nil, a.refuse(ShedDeadline, ahead, wait)
	case <-ctx.Done():
		leave()
		return nil, searchError(ctx.Err())
	}
}

// expectedWait is how long a search with ahead others in line before it can
// expect to wait for a slot: its turn comes once those ahead and one more
// have been served, slots at a time. a.mu must be held.
func (a *admission) expectedWait(ahead int) time.Duration {
	return time.Duration(ahead+1) * a.service / time.Duration(cap(a.slots))
}

func (a *admission) refuse(reason ShedReason, ahead int, wait time.Duration) error {
	return &OverloadError{Reason: reason, Waiting: ahead, RetryAfter: max(wait, time.Second)}
}

// hold runs the InSlot hook and returns the release of the slot just
// taken, which also counts the time the slot was held into the service
// time.
func (a *admission) hold(ctx context.Context) (release func()) {
	start := time.Now()
	if a.inSlot != nil {
		a.inSlot(ctx)
	}
	return func() {
		took := time.Since(start)
		a.mu.Lock()
		if a.service == 0 {
			a.service = took
		} else {
			a.service += (took - a.service) / serviceWeight
		}
		a.mu.Unlock()
		<-a.slots
	}
}
