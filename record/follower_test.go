package record_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/advosearch/advosearch/corpus"
	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/indexer"
	"github.com/advosearch/advosearch/record"
	"github.com/advosearch/advosearch/search"
)

// node is one search node as serve --store wires it: its own data folder
// and index, an indexer that writes each batch to the record before the
// index, and a follower.
type node struct {
	t      *testing.T
	data   string
	store  *record.Store
	ix     *index.Index
	in     *indexer.Indexer
	follow *record.Follower
	stop   context.CancelFunc
	done   chan error
}

func startNode(t *testing.T, store *record.Store, data string) *node {
	t.Helper()
	ix, err := index.Open(filepath.Join(data, "index"), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	in, err := indexer.New(ix, indexer.Options{
		BeforeWrite:  store.Put,
		BeforeDelete: store.Delete,
	})
	if err != nil {
		t.Fatal(err)
	}
	f, err := record.NewFollower(store, ix, filepath.Join(data, "record.cursor"),
		record.FollowerOptions{Batch: 3, Poll: 500 * time.Millisecond, Retry: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	n := &node{t: t, data: data, store: store, ix: ix, in: in, follow: f, stop: cancel, done: make(chan error, 1)}
	go func() { n.done <- f.Run(ctx) }()
	t.Cleanup(n.close)
	return n
}

// close stops the follower and closes the index; it is safe to call twice.
func (n *node) close() {
	n.stop()
	select {
	case <-n.done:
	case <-time.After(10 * time.Second):
		n.t.Error("the follower did not stop")
	}
	n.done = closedChan()
	n.ix.Close()
}

func closedChan() chan error {
	c := make(chan error)
	close(c)
	return c
}

func (n *node) ingest(docs ...corpus.Document) {
	n.t.Helper()
	if _, err := n.in.Documents(context.Background(), docs); err != nil {
		n.t.Fatal(err)
	}
}

// hits searches the node's index.
func (n *node) hits(q string) []string {
	n.t.Helper()
	res, err := search.New(n.ix).Search(context.Background(), search.Request{Query: q, Size: 100})
	if err != nil {
		n.t.Fatal(err)
	}
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	return ids
}

// waitFor polls until the search finds want statements, or fails.
func (n *node) waitFor(q string, want int) {
	n.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		got := n.hits(q)
		if len(got) == want {
			return
		}
		if time.Now().After(deadline) {
			n.t.Fatalf("search %q on %s: got %d hits %v, want %d (status %+v)", q, n.data, len(got), got, want, n.follow.Status())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func doc(id, body string) corpus.Document {
	return corpus.Document{
		ID: id, Name: "upload/" + id + ".txt", ContentType: corpus.TypeText,
		Body: []byte("Statement " + id + "\n\n" + body), Fetched: time.Now(),
	}
}

func TestFollower_twoNodes(t *testing.T) {
	store := openStore(t, newDatabase(t))
	a := startNode(t, store, t.TempDir())
	b := startNode(t, store, t.TempDir())

	a.ingest(doc("one", "Defenders in Phnom Penh were released on bail."))
	b.waitFor("released", 1)
	if got := b.hits("released"); got[0] != "one" {
		t.Errorf("node B found %v, want [one]", got)
	}
	// Ingest on B shows on A: every node writes and follows.
	b.ingest(doc("two", "Journalists released after a week."))
	a.waitFor("released", 2)

	// A deletion on A is a deletion on B, and stays one: the same content
	// ingested on B again is passed over.
	if _, err := a.in.Delete(context.Background(), []string{"one"}); err != nil {
		t.Fatal(err)
	}
	b.waitFor("released", 1)
	stored, err := b.ix.Lookup(context.Background(), []string{"one"})
	if err != nil || !stored["one"].Deleted {
		t.Errorf("node B holds %+v (%v), want the deletion record of one", stored, err)
	}
	sum, err := b.in.Documents(context.Background(), []corpus.Document{doc("one", "Defenders in Phnom Penh were released on bail.")})
	if err != nil || sum.Indexed != 0 || len(sum.Deleted) != 1 {
		t.Errorf("re-ingesting deleted content on B: %+v, %v; want it passed over as deleted", sum, err)
	}
	// The status follows the index: it says current once the last batch
	// is written and the cursor past it.
	waitUntil(t, "node B says it is current", func() bool {
		st := b.follow.Status()
		return st.Behind == 0 && st.Err == nil && st.Applied >= 3
	})
}

func TestFollower_restartCatchesUp(t *testing.T) {
	store := openStore(t, newDatabase(t))
	a := startNode(t, store, t.TempDir())
	dataB := t.TempDir()
	b := startNode(t, store, dataB)
	a.ingest(doc("one", "Court hearing postponed."))
	b.waitFor("postponed", 1)
	b.close()

	// Written while B is down; B catches up by sequence when it starts,
	// with no notification to wake it.
	for i := range 7 {
		a.ingest(doc(fmt.Sprintf("later%d", i), "Hearing postponed again."))
	}
	ix, err := index.Open(filepath.Join(dataB, "index"), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	f, err := record.NewFollower(store, ix, filepath.Join(dataB, "record.cursor"), record.FollowerOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if st := f.Status(); st.Applied == 0 {
		t.Fatalf("restarted follower starts at %+v; its cursor was lost", st)
	}
	n, err := f.CatchUp(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if n != 7 {
		t.Errorf("restarted node applied %d changes, want the 7 it missed", n)
	}
	if c, err := ix.Count(); err != nil || c != 8 {
		t.Errorf("restarted node holds %d statements (%v), want 8", c, err)
	}
}

func TestFollower_deletedIndexRebuilds(t *testing.T) {
	data := t.TempDir()
	store := filledNode(t, newDatabase(t), data)
	gen, err := filepath.EvalSymlinks(filepath.Join(data, "index"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(gen); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(data, "index")); err != nil {
		t.Fatal(err)
	}
	b := startNode(t, store, data)
	b.waitFor("Koh Kong", 9)
	// The deletion is the last change: nine hits may come before it.
	waitUntil(t, "the rebuilt node is current", func() bool { return b.follow.Status().Behind == 0 })
	stored, err := b.ix.Lookup(context.Background(), []string{"s3"})
	if err != nil || !stored["s3"].Deleted {
		t.Errorf("rebuilt index holds %+v (%v) for s3, want its deletion record", stored, err)
	}
}

func TestFollower_postgresDown(t *testing.T) {
	pg := pgtestStart(t)
	store := openStore(t, pg.URL)
	a := startNode(t, store, t.TempDir())
	b := startNode(t, store, t.TempDir())
	a.ingest(doc("one", "Protest in Siem Reap."))
	b.waitFor("Siem Reap", 1)

	if err := pg.Stop(); err != nil {
		t.Fatal(err)
	}
	// Searches answer from the index; ingest is refused as unavailable.
	if got := b.hits("Siem Reap"); len(got) != 1 {
		t.Errorf("with PostgreSQL down, node B found %v, want [one]", got)
	}
	_, err := a.in.Documents(context.Background(), []corpus.Document{doc("two", "Second protest in Siem Reap.")})
	if !errors.Is(err, record.ErrUnavailable) {
		t.Errorf("ingest with PostgreSQL down: got %v, want ErrUnavailable", err)
	}
	if got := a.hits("Siem Reap"); len(got) != 1 {
		t.Errorf("a refused ingest reached node A's index: %v", got)
	}
	waitUntil(t, "node B notices the outage", func() bool { return b.follow.Status().Err != nil })

	if err := pg.Start(); err != nil {
		t.Fatal(err)
	}
	a.ingest(doc("two", "Second protest in Siem Reap."))
	b.waitFor("Siem Reap", 2)
	waitUntil(t, "node B says it is current", func() bool {
		st := b.follow.Status()
		return st.Err == nil && st.Behind == 0
	})
}

func waitUntil(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting until %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
