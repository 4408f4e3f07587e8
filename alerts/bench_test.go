package alerts

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/advosearch/advosearch/bench"
	"github.com/advosearch/advosearch/index"
)

// BenchmarkStore_PercolateBatch matches a batch of 1,000 new statements
// against 10,000 saved alerts, the scale the issue sets:
// go test -run '^$' -bench PercolateBatch -benchtime 3x ./alerts/
func BenchmarkStore_PercolateBatch(b *testing.B) {
	const statements, savedAlerts = 1_000, 10_000
	var buf bytes.Buffer
	if err := bench.Generate(&buf, statements, 3); err != nil {
		b.Fatal(err)
	}
	var batch []index.Statement
	lines := bufio.NewScanner(&buf)
	lines.Buffer(nil, 1<<20)
	for i := 0; lines.Scan(); i++ {
		var rec bench.Statement
		if err := json.Unmarshal(lines.Bytes(), &rec); err != nil {
			b.Fatal(err)
		}
		s := index.Statement{ID: fmt.Sprint("s", i), Title: rec.Title, Body: rec.Body, URL: rec.URL, Source: rec.Source}
		s.Published, _ = time.Parse(time.DateOnly, rec.Published)
		batch = append(batch, s)
	}

	store, err := Open(filepath.Join(b.TempDir(), "alerts.db"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	// Saved searches of the kinds people keep: a name, a phrase near
	// another, a word with a source filter, a boolean. Each is narrowed by
	// a word of its own, as real watch queries name their case: about one
	// alert in a hundred matches the batch, the rest exercise the engine
	// and find nothing. Written in one transaction: Create's fsync per alert
	// would make the setup the benchmark.
	queries := []Alert{
		{Query: `"Kem Sokha"`},
		{Query: `"Hun Sen" AND detained`},
		{Query: `"arbitrary detention"~3`},
		{Query: `evictions`, Sources: []string{"LICADHO"}},
		{Query: `(torture OR impunity) AND NOT verdict`},
		{Query: `"Boeung Kak Lake"`},
		{Query: `journalists AND (arrested OR charged)`},
		{Query: `union strike`, From: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)},
	}
	err = store.db.Update(func(tx *bolt.Tx) error {
		bucket := tx.Bucket(bucketAlerts)
		for i := range savedAlerts {
			a := queries[i%len(queries)]
			a.Name = fmt.Sprint("alert ", i)
			if i%100 != 0 {
				a.Query = fmt.Sprintf("(%s) AND case%d", a.Query, i)
			}
			seq, err := bucket.NextSequence()
			if err != nil {
				return err
			}
			a.ID, a.Created = formatID(seq), time.Now()
			v, err := encodeAlert(a)
			if err != nil {
				return err
			}
			if err := bucket.Put(u64(seq), v); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	var matched int
	for i := 0; i < b.N; i++ {
		// A new batch each round (other IDs), so every round records anew.
		round := make([]index.Statement, len(batch))
		for j, s := range batch {
			s.ID = fmt.Sprintf("r%d-%s", i, s.ID)
			round[j] = s
		}
		n, err := store.PercolateBatch(context.Background(), round)
		if err != nil {
			b.Fatal(err)
		}
		matched = n
	}
	b.ReportMetric(float64(matched), "matches/batch")
}

// BenchmarkStore_MarkDeleted marks a batch of 500 deleted statements (what
// index --prune hands over at once) against 10,000 alerts that have each
// matched 20 statements: the store has no index from statement to alerts,
// so each ID is looked up in every alert's seen set.
// go test -run '^$' -bench MarkDeleted -benchtime 3x ./alerts/
func BenchmarkStore_MarkDeleted(b *testing.B) {
	const savedAlerts, matchedEach, batch = 10_000, 20, 500
	const pool = savedAlerts * matchedEach
	store, err := Open(filepath.Join(b.TempDir(), "alerts.db"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	// Written in one transaction, as Percolate would have over time.
	err = store.db.Update(func(tx *bolt.Tx) error {
		for k := range savedAlerts {
			seq, err := tx.Bucket(bucketAlerts).NextSequence()
			if err != nil {
				return err
			}
			v, err := encodeAlert(Alert{ID: formatID(seq), Name: fmt.Sprint("alert ", k), Query: "q", Created: time.Now()})
			if err != nil {
				return err
			}
			if err := tx.Bucket(bucketAlerts).Put(u64(seq), v); err != nil {
				return err
			}
			stmts := make([]index.Statement, matchedEach)
			found := map[string]bool{}
			latest := map[string]int{}
			for m := range matchedEach {
				id := fmt.Sprint("s", (k*matchedEach+m)%pool)
				stmts[m] = index.Statement{ID: id, Title: id}
				found[id], latest[id] = true, m
			}
			a := Alert{ID: formatID(seq)}
			if _, err := recordMatches(tx, a, stmts, latest, found, nil, time.Now()); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	marked := 0
	for i := 0; i < b.N; i++ {
		ids := make([]string, batch)
		for j := range ids {
			ids[j] = fmt.Sprint("s", (i*batch+j)%pool)
		}
		n, err := store.MarkDeleted(context.Background(), ids)
		if err != nil {
			b.Fatal(err)
		}
		marked = n
	}
	b.ReportMetric(float64(marked), "marked/batch")
}
