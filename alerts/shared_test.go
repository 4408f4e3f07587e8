package alerts_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/advosearch/advosearch/alerts"
	"github.com/advosearch/advosearch/record"
	"github.com/advosearch/advosearch/record/pgtest"
)

// sharedNode is what one node of serve --store holds of the alerts: the
// record and the alerts in it, over connections of its own.
type sharedNode struct {
	rec    *record.Store
	alerts *alerts.Shared
}

func openShared(t *testing.T, url string) sharedNode {
	t.Helper()
	rec, err := record.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(rec.Close)
	return sharedNode{rec: rec, alerts: alerts.NewShared(rec.Pool(), alerts.Options{})}
}

// percolate runs the jobs waiting on n until none is left, and says how
// many it ran.
func (n sharedNode) percolate(t *testing.T) int {
	t.Helper()
	ran := 0
	for {
		ok, err := n.rec.Percolate(context.Background(), n.alerts.PercolateTx)
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			return ran
		}
		ran++
	}
}

// Two nodes on one record: an alert made on one matches what the other
// ingests, each batch is matched once whichever node runs its job, and
// the matches, their deletion and the feed read the same on both.
func TestShared_alertsAcrossNodes(t *testing.T) {
	pg := pgtest.Start(t)
	url := pg.Database(t)
	a, b := openShared(t, url), openShared(t, url)
	ctx := context.Background()

	alert, err := b.alerts.Create(ctx, alerts.Alert{Name: "Myanmar", Query: "myanmar"})
	if err != nil {
		t.Fatal(err)
	}
	stmts := batch(t)
	if err := a.rec.Put(ctx, stmts); err != nil {
		t.Fatal(err)
	}
	// Both nodes look for the job at once; one runs it.
	var wg sync.WaitGroup
	ran := make([]int, 2)
	for i, n := range []sharedNode{a, b} {
		wg.Go(func() { ran[i] = n.percolate(t) })
	}
	wg.Wait()
	if ran[0]+ran[1] != 1 {
		t.Fatalf("the nodes ran %d and %d jobs for one batch, want 1 in all", ran[0], ran[1])
	}
	ms, next, err := a.alerts.Matches(ctx, alert.ID, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{stmts[0].ID, stmts[2].ID}
	if got := matchIDs(ms); !slices.Equal(got, want) || next != 2 {
		t.Fatalf("matches on node A of the alert made on B: %v, next %d; want %v, next 2", got, next, want)
	}
	if ms[0].Title == "" || ms[0].Snippet == "" {
		t.Errorf("a match keeps its statement's title and where it matched: %+v", ms[0])
	}

	// The same batch sent again, through node B: nothing new.
	if err := b.rec.Put(ctx, stmts); err != nil {
		t.Fatal(err)
	}
	b.percolate(t)
	if n, err := a.alerts.MatchCount(ctx, alert.ID); err != nil || n != 2 {
		t.Errorf("after the same batch again: %d matches (%v), want still 2", n, err)
	}

	if n, err := b.alerts.MarkDeleted(ctx, []string{stmts[0].ID}); err != nil || n != 1 {
		t.Fatalf("MarkDeleted: %d, %v; want 1", n, err)
	}
	ms, _, err = a.alerts.Matches(ctx, alert.ID, 0, 10)
	if err != nil || len(ms) != 2 || !ms[0].Deleted || ms[1].Deleted {
		t.Errorf("after deleting the first, the log reads %+v (%v); want both, the first marked deleted", ms, err)
	}
	f, err := a.alerts.Feed(ctx, alert.ID, "https://advosearch.example", 0)
	if err != nil || len(f.Entries) != 1 {
		t.Errorf("feed after the deletion: %d entries (%v), want 1", len(f.Entries), err)
	}

	if err := a.alerts.Delete(ctx, alert.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := b.alerts.Get(ctx, alert.ID); !errors.Is(err, alerts.ErrNotFound) {
		t.Errorf("Get of an alert deleted on the other node: %v, want ErrNotFound", err)
	}
}

// Deliverers on two nodes send each delivery once: a delivery one has
// claimed is not the other's until it fails or its lease passes.
func TestShared_deliveredOnceAcrossNodes(t *testing.T) {
	pg := pgtest.Start(t)
	url := pg.Database(t)
	a, b := openShared(t, url), openShared(t, url)
	ctx := context.Background()

	var (
		mu  sync.Mutex
		got = map[string]int{}
	)
	rcv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		time.Sleep(20 * time.Millisecond) // long enough for the other node to look
		mu.Lock()
		got[r.Header.Get(alerts.HeaderDelivery)]++
		mu.Unlock()
	}))
	defer rcv.Close()

	// One alert per statement of the batch: four deliveries.
	stmts := batch(t)
	for _, st := range stmts {
		if _, err := a.alerts.Create(ctx, alerts.Alert{Name: st.ID, Query: `"` + st.Title + `"`, WebhookURL: rcv.URL}); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.rec.Put(ctx, stmts); err != nil {
		t.Fatal(err)
	}
	b.percolate(t)

	opts := alerts.DelivererOptions{Secret: []byte("s"), AllowPrivate: true, Workers: 1}
	var wg sync.WaitGroup
	sent := make([]int, 2)
	for i, n := range []sharedNode{a, b} {
		d := alerts.NewDeliverer(n.alerts, opts)
		wg.Go(func() {
			var err error
			if sent[i], err = d.DeliverDue(ctx); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if len(got) != len(stmts) {
		t.Errorf("the receiver got %d distinct deliveries, want %d (one per alert): %v", len(got), len(stmts), got)
	}
	for id, n := range got {
		if n != 1 {
			t.Errorf("delivery %s arrived %d times, want once", id, n)
		}
	}
	if sent[0]+sent[1] != len(stmts) {
		t.Errorf("the nodes sent %d and %d, want %d in all", sent[0], sent[1], len(stmts))
	}
	// Nothing left to send on either node.
	for _, n := range []sharedNode{a, b} {
		if k, err := alerts.NewDeliverer(n.alerts, opts).DeliverDue(ctx); err != nil || k != 0 {
			t.Errorf("a second round sent %d (%v), want 0", k, err)
		}
	}
}

// With PostgreSQL gone, alert writes fail with ErrUnavailable, which the
// web answers 503, not 500.
func TestShared_unavailable(t *testing.T) {
	pg := pgtest.Start(t)
	n := openShared(t, pg.Database(t))
	if err := pg.Stop(); err != nil {
		t.Fatal(err)
	}
	_, err := n.alerts.Create(context.Background(), alerts.Alert{Name: "x", Query: "x"})
	if !errors.Is(err, alerts.ErrUnavailable) {
		t.Errorf("Create with PostgreSQL down: %v, want ErrUnavailable", err)
	}
}
