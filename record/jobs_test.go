package record_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/advosearch/advosearch/index"
	"github.com/jackc/pgx/v5"
)

// A batch put is a percolation job that one claim runs, with the batch's
// statements as they are now; a job whose matching keeps failing is passed
// over after a few tries, so that the jobs behind it still run.
func TestStore_Percolate(t *testing.T) {
	st := openStore(t, newDatabase(t))
	ctx := context.Background()
	for _, batch := range [][]index.Statement{
		{statement("a", "first batch"), statement("b", "first batch")},
		{statement("c", "second batch")},
	} {
		if err := st.Put(ctx, batch); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Delete(ctx, []string{"b"}); err != nil {
		t.Fatal(err)
	}

	poison := errors.New("no alert can read this batch")
	failing := func(_ context.Context, _ pgx.Tx, stmts []index.Statement, _ time.Time) error {
		if stmts[0].ID == "a" {
			return poison
		}
		return nil
	}
	var ran [][]string
	record := func(_ context.Context, _ pgx.Tx, stmts []index.Statement, _ time.Time) error {
		var ids []string
		for _, s := range stmts {
			ids = append(ids, s.ID)
		}
		ran = append(ran, ids)
		return nil
	}

	// The first job fails each time it is claimed, until it is passed over.
	for range 5 {
		if ok, err := st.Percolate(ctx, failing); ok || !errors.Is(err, poison) {
			t.Fatalf("Percolate of the failing job = %v, %v; want false and its error", ok, err)
		}
	}
	if ok, err := st.Percolate(ctx, record); !ok || err != nil {
		t.Fatalf("Percolate after the failing job was passed over = %v, %v; want the next job", ok, err)
	}
	if ok, err := st.Percolate(ctx, record); ok || err != nil {
		t.Fatalf("Percolate with no job left = %v, %v; want false, nil", ok, err)
	}
	if want := [][]string{{"c"}}; !slices.EqualFunc(ran, want, slices.Equal) {
		t.Errorf("ran %v, want %v", ran, want)
	}

	// A job reads its statements as they are when it runs: e, deleted
	// since it was put, is left out.
	if err := st.Put(ctx, []index.Statement{statement("d", "third batch"), statement("e", "third batch")}); err != nil {
		t.Fatal(err)
	}
	if err := st.Delete(ctx, []string{"e"}); err != nil {
		t.Fatal(err)
	}
	ran = nil
	if ok, err := st.Percolate(ctx, record); !ok || err != nil || !slices.EqualFunc(ran, [][]string{{"d"}}, slices.Equal) {
		t.Errorf("Percolate = %v, %v, ran %v; want the third batch without the deleted e", ok, err, ran)
	}
}
