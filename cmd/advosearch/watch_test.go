package main

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const testFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>NGO statements</title><link>https://ngo.example/</link>
<item><guid isPermaLink="false">a</guid><title>Land activists detained</title>
<description>&lt;p&gt;Seven land activists from Boeung Kak Lake were detained in Phnom Penh on Monday, their lawyers said.&lt;/p&gt;</description></item>
<item><guid isPermaLink="false">b</guid><title></title><description></description></item>
</channel></rss>
`

// TestWatch_onceSaysWhatCameAndWhatFailed polls a working feed and a
// missing one: each failed feed is named with its reason, each new item is
// listed, the counts are of what was indexed (the empty item was handed on
// but skipped), and the run succeeds because one feed worked. With only
// failing feeds it fails.
func TestWatch_onceSaysWhatCameAndWhatFailed(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/feed.xml" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, testFeed)
	}))
	defer srv.Close()
	good := srv.URL + "/feed.xml"
	// Another host name for the same server: the fetcher keeps requests to
	// one host 2 s apart, and this test need not wait.
	missing := strings.Replace(srv.URL, "127.0.0.1", "localhost", 1) + "/missing.xml"
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	feedsFile := filepath.Join(dir, "feeds.txt")
	if err := os.WriteFile(feedsFile, []byte(good+"\n"+missing+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	err := run(context.Background(), []string{"watch", "--once", "--allow-private-network", "--data", data, feedsFile}, &out, io.Discard)
	if err != nil {
		t.Fatalf("one feed worked, yet: %v\n%s", err, out.String())
	}
	got := out.String()
	for _, want := range []string{
		"feeds 2: 1 with new items, 0 not modified, 1 failed\n",
		"  failed " + missing + ": the site answered 404 Not Found\n",
		"  new " + good + "#a\n",
		"  new " + good + "#b, skipped: no text left once markup and page furniture are removed\n",
		"  2 of the new items read from the feed's own text",
		"indexed 1, unchanged 0, skipped 1 (1 no text) in ",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("watch --once lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "feeds: ") {
		t.Errorf("a Go error chain in the output:\n%s", got)
	}

	// Without --allow-private-network the only feed is refused: the run
	// says why, what to do, and fails.
	if err := os.WriteFile(feedsFile, []byte(good+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	err = run(context.Background(), []string{"watch", "--once", "--data", data, feedsFile}, &out, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "no feed could be read") {
		t.Errorf("every feed failed, yet err = %v", err)
	}
	for _, want := range []string{
		"feeds 1: 0 with new items, 0 not modified, 1 failed\n",
		"  failed " + good + ": refused to connect to 127.0.0.1 (loopback): not a public address; pass --allow-private-network",
		"indexed 0, unchanged 0, skipped 0 in ",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("watch --once lacks %q:\n%s", want, out.String())
		}
	}
}
