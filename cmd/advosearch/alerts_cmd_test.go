package main

import (
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/advosearch/advosearch/alerts"
	"github.com/advosearch/advosearch/index"
)

// TestCommands_helpCreatesNothing runs each way of asking for help, and each
// mistake made before anything is done, in an empty folder: none may leave a
// file behind (./advosearch-data/alerts.db used to appear), and help is no
// failure.
func TestCommands_helpCreatesNothing(t *testing.T) {
	bin := buildBinary(t)
	for _, tt := range []struct {
		args []string
		// ok: exits 0; say: in stdout or stderr.
		ok  bool
		say string
	}{
		{[]string{"help"}, true, "usage: advosearch COMMAND"},
		{[]string{"--help"}, true, "usage: advosearch COMMAND"},
		{[]string{"alerts", "--help"}, true, "alerts list|add|rm|secret"},
		{[]string{"alerts", "-h"}, true, "alerts list|add|rm|secret"},
		{[]string{"alerts", "help"}, true, "alerts list|add|rm|secret"},
		{[]string{"alerts"}, false, "name a command: list, add, rm or secret"},
		{[]string{"alerts", "frobnicate"}, false, `unknown command "frobnicate"`},
		{[]string{"alerts", "list", "--help"}, true, "-server"},
		{[]string{"alerts", "add", "help"}, true, "-name"},
		{[]string{"alerts", "list"}, false, "no data folder advosearch-data"},
		{[]string{"alerts", "rm", "1"}, false, "no data folder advosearch-data"},
		{[]string{"index", "--help"}, true, "-rebuild"},
		{[]string{"index", "help"}, true, "-rebuild"},
		{[]string{"index", "missing"}, false, "index: missing: no such file or folder"},
		{[]string{"serve", "--help"}, true, "-addr"},
		{[]string{"serve", "help"}, true, "-addr"},
		{[]string{"serve", "oops"}, false, `unexpected argument "oops"`},
		{[]string{"watch", "--help"}, true, "-once"},
		{[]string{"watch", "help"}, true, "-once"},
		{[]string{"watch", "--once", "feeds.txt"}, false, "watch: feeds.txt: no such file"},
		{[]string{"backup", "--help"}, true, "-server"},
		{[]string{"backup", "help"}, true, "-server"},
		{[]string{"bench", "--help"}, false, "bench gen"},
		{[]string{"eval", "--help"}, true, "-gold"},
	} {
		dir := t.TempDir()
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		cmd := exec.CommandContext(ctx, bin, tt.args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "ADVOSEARCH_TOKEN=", "ADVOSEARCH_WEBHOOK_SECRET=")
		out, err := cmd.CombinedOutput()
		if ctx.Err() != nil {
			t.Fatalf("advosearch %s was still running after a minute", strings.Join(tt.args, " "))
		}
		cancel()
		var exit *exec.ExitError
		if err != nil && !errors.As(err, &exit) {
			t.Fatal(err)
		}
		if ok := err == nil; ok != tt.ok {
			t.Errorf("advosearch %s: exit error %v, want success %v\n%s", strings.Join(tt.args, " "), err, tt.ok, out)
		}
		if !strings.Contains(string(out), tt.say) {
			t.Errorf("advosearch %s does not say %q:\n%s", strings.Join(tt.args, " "), tt.say, out)
		}
		left, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		if len(left) > 0 {
			t.Errorf("advosearch %s left %s behind", strings.Join(tt.args, " "), left[0].Name())
		}
	}
}

// TestIndex_inUseSaysToGoThroughTheServer holds the index as a server does
// and runs index, alerts and backup on the same folder: each is told at
// once, and pointed to the same command with --server.
func TestIndex_inUseSaysToGoThroughTheServer(t *testing.T) {
	bin := buildBinary(t)
	data, docs := t.TempDir(), t.TempDir()
	writeFiles(t, docs, map[string]string{"a.txt": "Title\n\nSome statement text.\n"})
	store, err := alerts.Open(filepath.Join(data, "alerts.db"), alerts.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ix, err := index.Open(filepath.Join(data, "index"), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"index", "--data", data, docs}, "advosearch: while a server runs it holds the data folder: send the files to it with advosearch index --server URL --token T PATH..."},
		{[]string{"alerts", "list", "--data", data}, "advosearch alerts list|add|rm --server URL --token T"},
		{[]string{"backup", "--data", data, filepath.Join(t.TempDir(), "copy")}, "advosearch backup --server URL --token T DEST"},
	} {
		r := runBinary(t, bin, tt.args...)
		if r.code != 1 || !strings.Contains(r.stderr, "in use by another process") || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("advosearch %s: exit %d, stderr:\n%s\nwant it to say %q", strings.Join(tt.args, " "), r.code, r.stderr, tt.want)
		}
	}
}

var feedURL = regexp.MustCompile(`http://127\.0\.0\.1:\d+/alerts/1/feed\.atom\?key=[0-9a-f]+`)

// TestAlerts_throughTheServer adds, lists and removes alerts while a server
// holds them. The list shows the filters, the matches so far and the feed
// URL with its key, which a feed reader can fetch as it is.
func TestAlerts_throughTheServer(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	base := serveInBackground(t, data, "--token", "s3cret")
	ctx := context.Background()
	server := []string{"--server", base, "--token", "s3cret"}

	var out strings.Builder
	args := append([]string{"alerts", "add"}, server...)
	args = append(args, "--name", "Land", "--q", "land activists", "--place", "Phnom Penh", "--from", "2020-01-01")
	if err := run(ctx, args, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), `added alert 1 "Land"; its feed: `) || !feedURL.MatchString(out.String()) {
		t.Errorf("add said %q", out.String())
	}

	docs := t.TempDir()
	writeFiles(t, docs, map[string]string{"a.jsonl": `{"title":"Land activists detained","body":"Seven land activists were detained in Phnom Penh on Monday.","url":"https://example.org/land","published":"2024-05-06"}` + "\n"})
	if err := run(ctx, append(append([]string{"index"}, server...), docs), io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}

	out.Reset()
	if err := run(ctx, append([]string{"alerts", "list"}, server...), &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 || strings.Join(strings.Fields(lines[0]), " ") != "ID NAME QUERY FILTERS MATCHES WEBHOOK FEED" {
		t.Fatalf("list:\n%s", out.String())
	}
	for _, want := range []string{"1  ", "Land", "land activists", `place:"Phnom Penh" published:>=2020-01-01`, "  1  ", "  -  "} {
		if !strings.Contains(lines[1], want) {
			t.Errorf("the alert's line lacks %q:\n%s", want, out.String())
		}
	}
	feed := feedURL.FindString(lines[1])
	resp, err := http.Get(feed)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "Land activists detained") {
		t.Errorf("the listed feed URL answers %d:\n%s", resp.StatusCode, body)
	}

	// The server holds the alerts: without --server the list says what to do.
	err = run(ctx, []string{"alerts", "list", "--data", data}, io.Discard, io.Discard)
	if !errors.Is(err, alerts.ErrLocked) || !strings.Contains(hint([]string{"alerts"}, err), "--server URL --token T") {
		t.Errorf("local list while the server runs: %v", err)
	}

	out.Reset()
	if err := run(ctx, append(append([]string{"alerts", "rm"}, server...), "1"), &out, io.Discard); err != nil || out.String() != "removed alert 1\n" {
		t.Errorf("rm: %v, %q", err, out.String())
	}
	if err := run(ctx, append(append([]string{"alerts", "rm"}, server...), "1"), io.Discard, io.Discard); err == nil || !strings.Contains(err.Error(), "404") {
		t.Errorf("removing it again: %v, want the server's 404", err)
	}
	out.Reset()
	if err := run(ctx, append([]string{"alerts", "list"}, server...), &out, io.Discard); err != nil || !strings.Contains(out.String(), "no saved alerts") {
		t.Errorf("list after rm: %v, %q", err, out.String())
	}
}

// TestAlerts_listOnTheDataFolder: without a server, the list shows the same
// filters and matches, and says where the feed URLs come from.
func TestAlerts_listOnTheDataFolder(t *testing.T) {
	data, docs := t.TempDir(), t.TempDir()
	ctx := context.Background()
	var out strings.Builder
	if err := run(ctx, []string{"alerts", "list", "--data", data}, &out, io.Discard); err != nil || !strings.Contains(out.String(), "no saved alerts") {
		t.Errorf("list of a data folder without alerts: %v, %q", err, out.String())
	}
	if _, err := os.Stat(filepath.Join(data, "alerts.db")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("listing created alerts.db (%v)", err)
	}
	for _, args := range [][]string{
		{"--name", "CCHR", "--q", "cchr", "--webhook", "https://hooks.example.org/a"},
		{"--name", "Filtered", "--q", "rights", "--org", "CCHR", "--person", "Hun Sen", "--from", "2024-01-01"},
	} {
		if err := run(ctx, append([]string{"alerts", "add", "--data", data}, args...), io.Discard, io.Discard); err != nil {
			t.Fatal(err)
		}
	}
	writeFiles(t, docs, map[string]string{
		"a.txt": "CCHR closed\n\nThe CCHR was ordered closed by Hun Sen.\n",
		"b.txt": "CCHR appeals\n\nThe CCHR appealed the order of Hun Sen.\n",
	})
	if err := run(ctx, []string{"index", "--data", data, docs}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := run(ctx, []string{"alerts", "list", "--data", data}, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 4 {
		t.Fatalf("list:\n%s", out.String())
	}
	for _, want := range []string{"CCHR", "  2  ", "https://hooks.example.org/a"} {
		if !strings.Contains(lines[1], want) {
			t.Errorf("the first alert's line lacks %q:\n%s", want, out.String())
		}
	}
	for _, want := range []string{"Filtered", `org:CCHR person:"Hun Sen" published:>=2024-01-01`, "  0  "} {
		if !strings.Contains(lines[2], want) {
			t.Errorf("the second alert's line lacks %q:\n%s", want, out.String())
		}
	}
	if !strings.Contains(lines[3], "alerts list --server URL --token T") {
		t.Errorf("the list does not say where feed URLs come from:\n%s", out.String())
	}
}

var printedSecret = regexp.MustCompile(`webhook secret \(shown once[^)]*\): ([0-9a-f]{64})\n`)

// TestAlerts_secretCommand: alerts add prints a webhook alert's secret once,
// and alerts secret rotates it, on the data folder and through a server.
func TestAlerts_secretCommand(t *testing.T) {
	ctx := context.Background()
	for _, where := range []string{"data", "server"} {
		t.Run(where, func(t *testing.T) {
			data := filepath.Join(t.TempDir(), "data")
			loc := []string{"--data", data}
			if where == "server" {
				loc = []string{"--server", serveInBackground(t, data, "--token", "s3cret"), "--token", "s3cret"}
			}
			var out strings.Builder
			args := append(append([]string{"alerts", "add"}, loc...), "--name", "Land", "--q", "land", "--webhook", "https://hooks.example.org/land")
			if err := run(ctx, args, &out, io.Discard); err != nil {
				t.Fatal(err)
			}
			first := printedSecret.FindStringSubmatch(out.String())
			if first == nil {
				t.Fatalf("add said %q, want the webhook secret", out.String())
			}
			out.Reset()
			if err := run(ctx, append([]string{"alerts", "list"}, loc...), &out, io.Discard); err != nil {
				t.Fatal(err)
			}
			if strings.Contains(out.String(), first[1]) {
				t.Errorf("list shows the webhook secret: %q", out.String())
			}
			out.Reset()
			if err := run(ctx, append(append([]string{"alerts", "secret"}, loc...), "1"), &out, io.Discard); err != nil {
				t.Fatal(err)
			}
			second := printedSecret.FindStringSubmatch(out.String())
			if second == nil || second[1] == first[1] {
				t.Errorf("secret said %q, want a new webhook secret", out.String())
			}
			if err := run(ctx, append(append([]string{"alerts", "secret"}, loc...), "99"), io.Discard, io.Discard); err == nil {
				t.Error("rotating the secret of an unknown alert succeeded")
			}
		})
	}
}
