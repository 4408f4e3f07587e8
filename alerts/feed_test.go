package alerts_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed/atom"

	"github.com/advosearch/advosearch/alerts"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// testFeed has a title that must be escaped and an entry without a source or
// a date.
func testFeed() alerts.Feed {
	return alerts.Feed{
		ID:           alerts.TagPrefix + "alert/7",
		Title:        "advosearch alert: Myanmar & <Rohingya>",
		SelfURL:      "https://advosearch.example/alerts/7/feed.atom",
		AlternateURL: "https://advosearch.example/?q=myanmar&sort=-date",
		Entries: []alerts.Entry{
			{
				ID:        alerts.TagPrefix + "statement/amnesty-1",
				Title:     `Statement on <script>alert("x")</script> & "quotes"`,
				URL:       "https://www.amnesty.org/en/latest/news/2026/03/x/?a=1&b=2",
				Summary:   "Amnesty International, published 1 March 2026.",
				Source:    "Amnesty International",
				Published: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC),
				Updated:   time.Date(2026, 3, 5, 9, 0, 0, 0, time.UTC),
			},
			{
				ID:      alerts.TagPrefix + "statement/fidh-2",
				Title:   "Joint letter",
				URL:     "https://advosearch.example/statements/fidh-2",
				Summary: "Unknown source.",
				Updated: time.Date(2026, 3, 4, 9, 0, 0, 0, time.UTC),
			},
		},
	}
}

func TestWriteAtom(t *testing.T) {
	f := testFeed()
	var buf bytes.Buffer
	if err := alerts.WriteAtom(&buf, f); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.Contains(out, "<script>") || !strings.Contains(out, "&lt;script&gt;") || !strings.Contains(out, "&amp;") {
		t.Errorf("title not escaped:\n%s", out)
	}

	parsed, err := (&atom.Parser{}).Parse(strings.NewReader(out))
	if err != nil {
		t.Fatalf("gofeed cannot parse the feed: %v\n%s", err, out)
	}
	if parsed.Title != f.Title || parsed.ID != f.ID {
		t.Errorf("feed: got title %q id %q, want %q %q", parsed.Title, parsed.ID, f.Title, f.ID)
	}
	// Updated defaults to the newest entry's.
	if parsed.UpdatedParsed == nil || !parsed.UpdatedParsed.Equal(f.Entries[0].Updated) {
		t.Errorf("feed updated: got %v, want %v", parsed.UpdatedParsed, f.Entries[0].Updated)
	}
	links := map[string]string{}
	for _, l := range parsed.Links {
		links[l.Rel] = l.Href
	}
	if links["self"] != f.SelfURL || links["alternate"] != f.AlternateURL {
		t.Errorf("feed links: got %v", links)
	}
	if len(parsed.Entries) != len(f.Entries) {
		t.Fatalf("entries: got %d, want %d", len(parsed.Entries), len(f.Entries))
	}
	for i, e := range parsed.Entries {
		want := f.Entries[i]
		if e.Title != want.Title || e.ID != want.ID || e.Summary != want.Summary {
			t.Errorf("entry %d: got title %q id %q summary %q, want %q %q %q", i, e.Title, e.ID, e.Summary, want.Title, want.ID, want.Summary)
		}
		if len(e.Links) != 1 || e.Links[0].Href != want.URL {
			t.Errorf("entry %d links: got %+v, want %q", i, e.Links, want.URL)
		}
		wantAuthor := want.Source
		if wantAuthor == "" {
			wantAuthor = "advosearch"
		}
		if len(e.Authors) != 1 || e.Authors[0].Name != wantAuthor {
			t.Errorf("entry %d authors: got %+v, want %q", i, e.Authors, wantAuthor)
		}
		if e.UpdatedParsed == nil || !e.UpdatedParsed.Equal(want.Updated) {
			t.Errorf("entry %d updated: got %v, want %v", i, e.UpdatedParsed, want.Updated)
		}
	}
	if parsed.Entries[1].Published != "" {
		t.Errorf("entry without a date has published %q", parsed.Entries[1].Published)
	}

	golden := filepath.Join("testdata", "feed.golden")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if out != string(want) {
		t.Errorf("feed differs from %s (run go test -update to accept):\ngot\n%s\nwant\n%s", golden, out, want)
	}
}

func TestWriteAtom_invalid(t *testing.T) {
	for name, mutate := range map[string]func(*alerts.Feed){
		"no id":         func(f *alerts.Feed) { f.ID = "" },
		"no title":      func(f *alerts.Feed) { f.Title = "" },
		"no self":       func(f *alerts.Feed) { f.SelfURL = "" },
		"no date":       func(f *alerts.Feed) { f.Entries = nil },
		"entry no id":   func(f *alerts.Feed) { f.Entries[1].ID = "" },
		"entry no link": func(f *alerts.Feed) { f.Entries[0].URL = "" },
	} {
		f := testFeed()
		mutate(&f)
		if err := alerts.WriteAtom(&bytes.Buffer{}, f); !errors.Is(err, alerts.ErrInvalid) {
			t.Errorf("%s: got %v, want ErrInvalid", name, err)
		}
	}
}

func TestStore_Feed(t *testing.T) {
	ctx := context.Background()
	c := newClock()
	s, _ := openStore(t, c)
	a := mustCreate(t, s, alerts.Alert{Name: "Myanmar <all>", Query: "myanmar", Places: []string{"Myanmar"}})
	stmts := batch(t)
	mustPercolate(t, s, stmts[:1])
	c.Advance(time.Hour)
	mustPercolate(t, s, stmts[1:])

	f, err := s.Feed(ctx, a.ID, "https://advosearch.example/", 0)
	if err != nil {
		t.Fatal(err)
	}
	if f.ID != "tag:advosearch,2026:alert/"+a.ID || f.SelfURL != "https://advosearch.example/alerts/1/feed.atom" {
		t.Errorf("feed: got id %q self %q", f.ID, f.SelfURL)
	}
	if !strings.HasPrefix(f.AlternateURL, "https://advosearch.example/?") || !strings.Contains(f.AlternateURL, "place=Myanmar") || !strings.Contains(f.AlternateURL, "q=myanmar") {
		t.Errorf("alternate: got %q", f.AlternateURL)
	}
	if !f.Updated.Equal(c.Now()) {
		t.Errorf("updated: got %v, want the newest match %v", f.Updated, c.Now())
	}
	var got []string
	for _, e := range f.Entries {
		got = append(got, e.Title)
	}
	// Newest first.
	if want := []string{stmts[2].Title, stmts[0].Title}; !reflect.DeepEqual(got, want) {
		t.Errorf("entries: got %q, want %q", got, want)
	}
	// The FIDH statement has no URL of its own: it links to its page here.
	if f.Entries[0].URL != "https://advosearch.example/statements/"+stmts[2].ID || f.Entries[1].URL != stmts[0].URL {
		t.Errorf("entry links: got %q, %q", f.Entries[0].URL, f.Entries[1].URL)
	}

	var buf bytes.Buffer
	if err := alerts.WriteAtom(&buf, f); err != nil {
		t.Fatal(err)
	}
	parsed, err := (&atom.Parser{}).Parse(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if parsed.Title != "advosearch alert: Myanmar <all>" || len(parsed.Entries) != 2 {
		t.Errorf("parsed: got title %q and %d entries", parsed.Title, len(parsed.Entries))
	}

	if f, err := s.Feed(ctx, a.ID, "https://advosearch.example", 1); err != nil || len(f.Entries) != 1 {
		t.Errorf("limit 1: got %d entries, err %v", len(f.Entries), err)
	}
	if _, err := s.Feed(ctx, "9", "https://advosearch.example", 0); !errors.Is(err, alerts.ErrNotFound) {
		t.Errorf("unknown alert: got %v, want ErrNotFound", err)
	}
	if _, err := s.Feed(ctx, a.ID, "https://advosearch.example", alerts.MaxMatchesLimit+1); !errors.Is(err, alerts.ErrInvalid) {
		t.Errorf("limit too large: got %v, want ErrInvalid", err)
	}
	// An alert without matches still makes a valid feed.
	empty := mustCreate(t, s, alerts.Alert{Name: "Nothing yet", Query: "antarctica"})
	f, err = s.Feed(ctx, empty.ID, "https://advosearch.example", 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := alerts.WriteAtom(&bytes.Buffer{}, f); err != nil {
		t.Errorf("empty feed: %v", err)
	}
}

// TestStore_Feed_saysWhy percolates a batch with the real matcher and
// reads the feed entries as a reader would: each says where the search
// matched (the snippet recorded with the match, which the webhook body
// and the matches API carry too), where the statement is from, and which
// alert it matched, with what that alert asks for.
func TestStore_Feed_saysWhy(t *testing.T) {
	ctx := context.Background()
	s, _ := openStore(t, newClock())
	words := mustCreate(t, s, alerts.Alert{Name: "Strikes", Query: "air strikes", Sources: []string{"Amnesty International"}})
	every := mustCreate(t, s, alerts.Alert{Name: "Everything"})
	if _, err := s.PercolateBatch(ctx, batch(t)); err != nil {
		t.Fatal(err)
	}

	f, err := s.Feed(ctx, words.ID, "https://advosearch.example", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Entries) != 1 {
		t.Fatalf("%d entries, want the Amnesty statement alone", len(f.Entries))
	}
	want := "Amnesty International calls on the military to end air strikes on villages.\n" +
		"Amnesty International, published 1 March 2026.\n" +
		"Matched alert “Strikes”: the words “air strikes”, source Amnesty International."
	if got := f.Entries[0].Summary; got != want {
		t.Errorf("summary\n got %q\nwant %q", got, want)
	}
	ms, _, err := s.Matches(ctx, words.ID, 0, 10)
	if err != nil || len(ms) != 1 || !strings.Contains(ms[0].Snippet, "air strikes") {
		t.Errorf("matches %+v (%v), want the snippet recorded with the match", ms, err)
	}

	f, err = s.Feed(ctx, every.ID, "https://advosearch.example", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Entries) != 4 {
		t.Fatalf("%d entries, want the whole batch", len(f.Entries))
	}
	for _, e := range f.Entries {
		if !strings.HasSuffix(e.Summary, "Matched alert “Everything”, which takes every new statement.") {
			t.Errorf("summary %q does not say which alert it matched", e.Summary)
		}
		if e.ID == alerts.TagPrefix+"statement/fidh-2026-03-03-rohingya" && !strings.HasPrefix(e.Summary, "Twenty organisations write") {
			t.Errorf("summary %q: want the opening of the text for an alert without words", e.Summary)
		}
	}

	// The batch indexed again matches again, but nothing is new: no match
	// is recorded twice.
	if n, err := s.PercolateBatch(ctx, batch(t)); err != nil || n != 0 {
		t.Errorf("second run: %d new matches, %v; want none", n, err)
	}
}
