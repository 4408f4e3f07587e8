package index

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
)

func TestOpen_secondOpenerIsToldTheIndexIsLocked(t *testing.T) {
	dir := t.TempDir()
	first, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	start := time.Now()
	_, err = Open(dir, Options{LockTimeout: 200 * time.Millisecond})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("err = %v, want ErrLocked", err)
	}
	if time.Since(start) > 5*time.Second {
		t.Errorf("Open waited %s for the lock, want about the timeout", time.Since(start))
	}
}

func TestOpen_refusesAnotherMappingVersion(t *testing.T) {
	dir := t.TempDir()
	ix, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.bleve.SetInternal([]byte(versionKey), []byte("0")); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	if _, err := Open(dir, Options{}); !errors.Is(err, ErrVersion) {
		t.Fatalf("err = %v, want ErrVersion", err)
	}
}

func TestIndex_Write_replacesAndRoundTrips(t *testing.T) {
	dir := t.TempDir()
	ix, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	published := time.Date(2017, 11, 27, 0, 0, 0, 0, time.UTC)
	want := Statement{
		ID: "a", Title: "Cambodia: Threat to Close Down CCHR", Body: "Hun Sen’s “threat”.",
		URL: "https://example.org/a", Source: "FORUM-ASIA", Published: published,
		Dates:         []time.Time{published, published.AddDate(0, 0, -1)},
		Organizations: []string{"Cambodian Center for Human Rights", "FORUM-ASIA"},
		People:        []string{"Hun Sen"}, Places: []string{"Cambodia"}, Lang: "en", Origin: "seed:a.txt", Hash: "h1",
	}
	old := want
	old.Title, old.Hash = "old title", "h0"
	if err := ix.Write([]Statement{old}, nil); err != nil {
		t.Fatal(err)
	}
	if err := ix.Write([]Statement{want, {ID: "b", Title: "b", Body: "b", Hash: "hb"}}, nil); err != nil {
		t.Fatal(err)
	}
	ix.Close()

	// Reopen: what was written is on disk, not only in memory.
	ix, err = Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if n, _ := ix.Count(); n != 2 {
		t.Errorf("count = %d, want 2 (the re-written statement replaced, not duplicated)", n)
	}
	got, err := ix.Statement(context.Background(), "a")
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != want.Title || got.Body != want.Body || !got.Published.Equal(want.Published) ||
		!slices.Equal(got.Organizations, want.Organizations) || !slices.Equal(got.People, want.People) ||
		len(got.Dates) != 2 || got.Hash != "h1" || got.Origin != want.Origin || got.URL != want.URL {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, want)
	}
	hashes, err := ix.Hashes(context.Background(), []string{"a", "b", "missing"})
	if err != nil {
		t.Fatal(err)
	}
	if len(hashes) != 2 || hashes["a"] != "h1" || hashes["b"] != "hb" {
		t.Errorf("hashes = %v", hashes)
	}
	if _, err := ix.Statement(context.Background(), "missing"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing: err = %v, want ErrNotFound", err)
	}
	if err := ix.Write(nil, []string{"b"}); err != nil {
		t.Fatal(err)
	}
	if n, _ := ix.Count(); n != 1 {
		t.Errorf("count after delete = %d, want 1", n)
	}
}

func TestIndex_Close_twiceIsSafe(t *testing.T) {
	ix, err := Open(t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Errorf("second Close = %v, want nil", err)
	}
}

func TestIndex_Write_quotesFollowTheirStatement(t *testing.T) {
	ix, err := Open(t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	s := Statement{ID: "s", Title: "t", Body: "b", Quotes: []Quote{
		{Text: "one two three four", Speaker: "Hun Sen"},
		{Text: "five six seven eight"},
		{Text: "nine ten eleven twelve", Speaker: "Sarah M Brooks"},
	}}
	quotes := func() []string {
		req := bleve.NewSearchRequestOptions(KindQuery(KindQuote), 10, 0, false)
		res, err := ix.bleve.Search(req)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		slices.Sort(ids)
		return ids
	}
	if err := ix.Write([]Statement{s}, nil); err != nil {
		t.Fatal(err)
	}
	if got := quotes(); !slices.Equal(got, []string{"s#q1", "s#q2", "s#q3"}) {
		t.Errorf("quotes = %v", got)
	}
	if n, _ := ix.Count(); n != 1 {
		t.Errorf("count = %d, want 1: quotes are not statements", n)
	}
	s.Quotes = s.Quotes[:1]
	if err := ix.Write([]Statement{s}, nil); err != nil {
		t.Fatal(err)
	}
	if got := quotes(); !slices.Equal(got, []string{"s#q1"}) {
		t.Errorf("after rewrite with one quote: %v", got)
	}
	if err := ix.Write(nil, []string{"s"}); err != nil {
		t.Fatal(err)
	}
	if got := quotes(); len(got) != 0 {
		t.Errorf("after delete: %v", got)
	}
}
