package record_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/record"
	"github.com/advosearch/advosearch/record/pgtest"
)

// cluster is the PostgreSQL the package's tests share, each with a
// database of its own; nil when PostgreSQL is not installed.
var cluster *pgtest.Cluster

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m, &cluster)) }

// newDatabase returns the URL of an empty database for t.
func newDatabase(t *testing.T) string {
	t.Helper()
	pgtest.Need(t, cluster)
	return cluster.Database(t)
}

// pgtestStart starts a cluster of the test's own, for a test that stops
// it: the others share theirs.
func pgtestStart(t *testing.T) *pgtest.Cluster {
	t.Helper()
	pgtest.Need(t, cluster)
	return pgtest.Start(t)
}

func openStore(t *testing.T, url string) *record.Store {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	st, err := record.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(st.Close)
	return st
}

func statement(id, body string) index.Statement {
	return index.Statement{
		ID: id, Title: "Title of " + id, Body: body, URL: "https://example.org/" + id,
		Origin: "https://example.org/" + id, Hash: "h-" + body, Lang: "en",
	}
}

func TestStore_PutChanges_roundTrip(t *testing.T) {
	url := newDatabase(t)
	st := openStore(t, url)
	// Opening again finds the schema migrated and changes nothing.
	openStore(t, url)
	ctx := context.Background()
	published := time.Date(2026, 3, 8, 0, 0, 0, 0, time.UTC)
	want := index.Statement{
		ID: "s1", Title: "Release <script>", Body: "“Free them,” said Sok.", URL: "https://example.org/s1",
		Source: "CCHR", Published: published, Dates: []time.Time{published},
		Organizations: []string{"CCHR"}, People: []string{"Sok"}, Places: []string{"Phnom Penh"},
		Names: index.Names{Organizations: []string{"cchr"}}, Lang: "en",
		Origin: "upload/a.pdf", AlsoFrom: []string{"upload/b.pdf"}, Hash: "abc",
		Quotes: []index.Quote{{Text: "Free them", Speaker: "Sok", Sentence: "“Free them,” said Sok."}},
	}
	if err := st.Put(ctx, []index.Statement{want}); err != nil {
		t.Fatal(err)
	}
	got, err := st.Changes(ctx, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Deleted || got[0].Seq <= 0 {
		t.Fatalf("got %+v, want one live change", got)
	}
	g := got[0].Statement
	if !g.Published.Equal(want.Published) || !slices.EqualFunc(g.Dates, want.Dates, time.Time.Equal) {
		t.Errorf("dates: got %v %v, want %v %v", g.Published, g.Dates, want.Published, want.Dates)
	}
	g.Published, g.Dates = want.Published, want.Dates
	if fmt.Sprintf("%#v", g) != fmt.Sprintf("%#v", want) {
		t.Errorf("got  %#v\nwant %#v", g, want)
	}

	// The same statement again is no change: followers are not woken.
	if err := st.Put(ctx, []index.Statement{want}); err != nil {
		t.Fatal(err)
	}
	if n, err := st.Behind(ctx, got[0].Seq); err != nil || n != 0 {
		t.Errorf("after an unchanged put: behind %d, %v; want 0", n, err)
	}
	// A deletion is a change with a higher number, keeping the hash.
	if err := st.Delete(ctx, []string{"s1", "unknown"}); err != nil {
		t.Fatal(err)
	}
	del, err := st.Changes(ctx, got[0].Seq, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(del) != 1 || !del[0].Deleted || del[0].Statement.Hash != "abc" {
		t.Errorf("got %+v, want s1 deleted with its hash", del)
	}
}

// A follower reading while many transactions commit at once must see every
// statement: no transaction may commit a lower sequence number after the
// follower has read past it.
func TestStore_Changes_concurrentWritersMissNothing(t *testing.T) {
	st := openStore(t, newDatabase(t))
	ctx := context.Background()
	const writers, each = 8, 25
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for w := range writers {
		wg.Go(func() {
			for i := range each {
				id := fmt.Sprintf("w%d-%d", w, i)
				if err := st.Put(ctx, []index.Statement{statement(id, id)}); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	seen := map[string]bool{}
	var after int64
	for finished := false; !finished; {
		select {
		case <-done:
			finished = true // one more read, after the last commit
		default:
		}
		changes, err := st.Changes(ctx, after, 7)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range changes {
			if c.Seq <= after {
				t.Fatalf("sequence went back: %d after %d", c.Seq, after)
			}
			after = c.Seq
			seen[c.Statement.ID] = true
		}
		if len(changes) == 7 {
			finished = false // more to read
		}
	}
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if len(seen) != writers*each {
		t.Errorf("a reader following by sequence saw %d statements, want %d", len(seen), writers*each)
	}
}

func TestStore_unavailable(t *testing.T) {
	pg := pgtestStart(t)
	st := openStore(t, pg.URL)
	if err := pg.Stop(); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	start := time.Now()
	err := st.Put(ctx, []index.Statement{statement("s1", "body")})
	if !errors.Is(err, record.ErrUnavailable) {
		t.Errorf("put with PostgreSQL down: got %v, want ErrUnavailable", err)
	}
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("put with PostgreSQL down took %v; an ingest must fail fast", took)
	}
	if _, err := st.Changes(ctx, 0, 1); !errors.Is(err, record.ErrUnavailable) {
		t.Errorf("changes with PostgreSQL down: got %v, want ErrUnavailable", err)
	}
	if err := pg.Start(); err != nil {
		t.Fatal(err)
	}
	if err := st.Put(ctx, []index.Statement{statement("s1", "body")}); err != nil {
		t.Errorf("put once PostgreSQL is back: %v", err)
	}
	// An error the database answers is no outage.
	if _, err := record.Open(ctx, pg.URL+"&dbname=nosuchdb"); err == nil || errors.Is(err, record.ErrUnavailable) {
		t.Errorf("open of a missing database: got %v, want a plain error", err)
	}
}

// Nodes started together on a new database migrate it once: the others
// wait for the advisory lock and find the schema there.
func TestOpen_concurrentMigrations(t *testing.T) {
	url := newDatabase(t)
	errs := make(chan error, 4)
	for range cap(errs) {
		go func() {
			st, err := record.Open(context.Background(), url)
			if err == nil {
				st.Close()
			}
			errs <- err
		}()
	}
	for range cap(errs) {
		if err := <-errs; err != nil {
			t.Errorf("open: %v", err)
		}
	}
	st := openStore(t, url)
	if err := st.Put(context.Background(), []index.Statement{statement("s1", "body")}); err != nil {
		t.Error(err)
	}
}
