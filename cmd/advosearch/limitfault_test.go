package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/search"
)

// TestIndex_ProcessLimits runs advosearch under the limits a machine sets
// on a process rather than on a disk: a file-size limit (RLIMIT_FSIZE, which
// ulimit -f and LimitFSIZE= in a systemd unit set) that stops writes
// part-way, and a user who may not write the data folder (a folder made by
// root, a server started as nobody). Each run fails with a sentence that
// says what was refused and what to do, the index keeps what it held and
// what was reported, and a run without the limit carries on.
func TestIndex_ProcessLimits(t *testing.T) {
	bin := buildBinary(t)

	t.Run("FileSizeLimit", func(t *testing.T) {
		prlimit := needTool(t, "prlimit")
		data := filepath.Join(t.TempDir(), "data")
		first := writeFirstRun(t)
		if r := runBinary(t, bin, "index", "--data", data, first.dir); r.code != 0 {
			t.Fatalf("first run: exit %d, stderr %q", r.code, r.stderr)
		}

		// A batch of 20 statements of 300 words makes a segment file
		// that fits under a limit of 1 MB, and a batch of 8,000 words
		// one that does not: the first half is written, the second not.
		const batch, files = 20, 200
		grow := writeGrowingRun(t, files, files/2)
		args := []string{"index", "--data", data, "--batch", strconv.Itoa(batch), grow.dir}
		r := runBinary(t, prlimit, append([]string{"--fsize=1000000", "--", bin}, args...)...)
		t.Logf("file-size limit, exit %d:\nstdout: %sstderr (end): %s", r.code, r.stdout, lastLines(r.stderr, 2))
		if r.code == 0 {
			t.Fatal("the run completed under a 1 MB file-size limit; make the statements larger")
		}
		r.wantFailure(t, fmt.Sprintf("cannot write to %s: %s", data, syscall.EFBIG),
			"a file reached the size limit this process was started with (ulimit -f")
		reported := indexedCount(t, r.stdout)
		held := grow.checkHeld(t, data)
		if held < reported || held >= files {
			t.Errorf("%d statements of the run are in the index, want at least the %d it reported and fewer than %d", held, reported, files)
		}
		grow.checkWholeBatches(t, data, batch)
		if n := first.check(t, data); n != uint64(5+held) {
			t.Errorf("%d statements in the index, want the 5 of the first run and the %d held", n, held)
		}

		r = runBinary(t, bin, args...)
		want := fmt.Sprintf("indexed %d, unchanged %d, skipped 0", files-held, held)
		if r.code != 0 || !strings.HasPrefix(r.stdout, want) {
			t.Fatalf("run without the limit: exit %d, stdout %q, stderr %q; want exit 0 and %q", r.code, r.stdout, lastLines(r.stderr, 2), want)
		}
		if held := grow.checkHeld(t, data); held != files {
			t.Errorf("after the run without the limit: %d of %d statements", held, files)
		}
	})

	t.Run("ServeFileSizeLimit", func(t *testing.T) {
		// The server answers the POST that meets the limit with 507 and
		// what to do, goes on answering searches, and indexes the same
		// statements once started again without the limit.
		prlimit := needTool(t, "prlimit")
		data := filepath.Join(t.TempDir(), "data")
		srv := startChild(t, prlimit, "--fsize=1000000", "--", bin, "serve", "--data", data, "--addr", "127.0.0.1:0", "--token", "tok")
		failed := -1
		for from := 0; from < 200 && failed < 0; from += 20 {
			switch code, msg := postStatements(t, srv.base, from, 20); code {
			case http.StatusOK:
			case http.StatusInsufficientStorage:
				t.Logf("statements %d-%d: %d %s", from, from+19, code, msg)
				if !strings.Contains(msg, "file-size limit") {
					t.Errorf("507 says %q, want that the file-size limit was reached", msg)
				}
				failed = from
			default:
				t.Fatalf("statements %d-%d: %d %q, want 200 or 507", from, from+19, code, msg)
			}
		}
		if failed < 0 {
			t.Fatal("200 statements fit under the 1 MB limit; make them larger")
		}
		if n := searchTotal(t, srv.base, `"detention number 0 of"`); n != 1 {
			t.Errorf("the first statement sent: %d hits under the limit, want 1", n)
		}
		srv.stop(t)

		base := serveInBackground(t, data, "--token", "tok")
		if n := searchTotal(t, base, `"detention number 0 of"`); n != 1 {
			t.Errorf("the first statement sent, after a restart: %d hits, want 1", n)
		}
		if code, msg := postStatements(t, base, failed, 20); code != http.StatusOK {
			t.Fatalf("the refused statements again, without the limit: %d %q", code, msg)
		}
		if n := searchTotal(t, base, fmt.Sprintf(`"detention number %d of"`, failed)); n != 1 {
			t.Errorf("the statement refused, then sent again: %d hits, want 1", n)
		}
	})

	t.Run("Unprivileged", func(t *testing.T) {
		if os.Geteuid() != 0 {
			t.Skip("needs root to run advosearch as another user; CI runs the tests as root")
		}
		setpriv := needTool(t, "setpriv")
		// Everything nobody must reach (the binary, the statements, the
		// folder that holds the data folder) lies in a folder anyone may
		// read: t.TempDir makes folders only their owner can enter.
		shared := worldReadableDir(t)
		nobodyBin := filepath.Join(shared, "advosearch")
		copyFile(t, bin, nobodyBin, 0o755)
		data := filepath.Join(shared, "data")
		first := writeFirstRun(t)
		if r := runBinary(t, bin, "index", "--data", data, first.dir); r.code != 0 {
			t.Fatalf("first run, as root: exit %d, stderr %q", r.code, r.stderr)
		}
		later := filepath.Join(shared, "later.txt")
		if err := os.WriteFile(later, []byte("Statement on foxtrot\n\nThe coalition condemns the raid, codeword kestrelfoxtrot.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		before := snapshotTree(t, data)

		asNobody := []string{"--reuid=65534", "--regid=65534", "--clear-groups", "--", nobodyBin}
		for _, args := range [][]string{
			{"index", "--data", data, later},
			{"serve", "--data", data, "--addr", "127.0.0.1:0"},
			{"alerts", "add", "--data", data, "--name", "Raids", "--q", "raid"},
			// A data folder nobody may create.
			{"index", "--data", filepath.Join(data, "new"), later},
		} {
			r := runBinary(t, setpriv, append(asNobody, args...)...)
			t.Logf("%s as nobody, exit %d:\n%s", strings.Join(args[:2], " "), r.code, r.stderr)
			if r.code == 0 {
				t.Errorf("%v as nobody: exit 0, want an error", args)
				continue
			}
			dir := args[slices.Index(args, "--data")+1]
			r.wantFailure(t, fmt.Sprintf("cannot write to %s: %s", dir, syscall.EACCES),
				"the data folder cannot be written: check its permissions")
			if !strings.Contains(r.stderr, "as user nobody") && !strings.Contains(r.stderr, "as user with uid 65534") {
				t.Errorf("stderr does not name the user the process runs as:\n%s", r.stderr)
			}
		}
		// A folder of statements nobody may read is named as such, and
		// not taken for the data folder.
		private := filepath.Join(t.TempDir(), "statements")
		if err := os.MkdirAll(private, 0o700); err != nil {
			t.Fatal(err)
		}
		r := runBinary(t, setpriv, append(asNobody, "index", "--data", filepath.Join(shared, "other"), private)...)
		if msg := strings.TrimSpace(r.stderr); r.code == 0 || msg != fmt.Sprintf("advosearch: cannot read %s: %s", private, syscall.EACCES) {
			t.Errorf("a folder nobody may read: exit %d, stderr %q; want it named as unreadable", r.code, r.stderr)
		}
		if _, err := os.Stat(filepath.Join(shared, "other")); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("a data folder was created for a run that could read nothing: %v", err)
		}
		if after := snapshotTree(t, data); after != before {
			t.Errorf("the runs as nobody changed the data folder:\nbefore:\n%s\nafter:\n%s", before, after)
		}

		if n := first.check(t, data); n != 5 {
			t.Errorf("after the runs as nobody: %d statements, want the 5 of the first run", n)
		}
		if r := runBinary(t, bin, "index", "--data", data, later); r.code != 0 || !strings.HasPrefix(r.stdout, "indexed 1, ") {
			t.Errorf("run as root again: exit %d, stdout %q, stderr %q; want indexed 1", r.code, r.stdout, r.stderr)
		}
	})
}

// needTool returns the path of a util-linux tool the test drives the
// binary with, and skips the test without it.
func needTool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s (util-linux) is not installed: %v", name, err)
	}
	return path
}

// wantFailure checks that a failed run ended as an error, not a crash, and
// said what was refused on its first line and what to do on the next,
// without the Go error chain behind it.
func (r result) wantFailure(t *testing.T, what, hint string) {
	t.Helper()
	if r.code < 0 || strings.Contains(r.stderr, "panic:") {
		t.Errorf("exit %d, want an error, not a crash; stderr:\n%s", r.code, r.stderr)
	}
	msg := lastLines(r.stderr, 2)
	if !strings.HasPrefix(msg, "advosearch: "+what) {
		t.Errorf("stderr does not end saying %q:\n%s", what, msg)
	}
	if !strings.Contains(msg, "\nadvosearch: "+hint) {
		t.Errorf("stderr does not end with the hint %q:\n%s", hint, msg)
	}
	for _, chain := range []string{"index: ", "indexer: ", "alerts: ", "segment: "} {
		if strings.Contains(msg, chain) {
			t.Errorf("stderr ends with a Go error chain (%q):\n%s", chain, msg)
		}
	}
}

// writeGrowingRun writes n statements, the first small ones of 300 words
// and from index big on ten times larger, each with a word of its own.
func writeGrowingRun(t *testing.T, n, big int) statements {
	t.Helper()
	return writeStatements(t, filepath.Join(t.TempDir(), "growing"), n, func(i int) (string, string) {
		word := "kestrel" + letters(i) + "x"
		return fmt.Sprintf("Statement %d on the situation\n\nCodeword %s.%s\n", i, word, filler(i, i >= big)), word
	})
}

// filler is 300 words of statement i, or 8,000 when large: enough text
// that a batch of 20 small ones makes a segment file well under 1 MB, and
// of 20 large ones well over (3,000 words were about 1 MB once word pairs
// kept no offsets).
func filler(i int, large bool) string {
	vocabulary := statementWords()
	size := 300
	if large {
		size = 8000
	}
	var b strings.Builder
	for w := range size {
		b.WriteByte(' ')
		b.WriteString(vocabulary[(i*7+w*13)%len(vocabulary)])
	}
	return b.String()
}

// letters spells i in the letters a to z, so that a codeword stays one
// word to the analyzer.
func letters(i int) string {
	s := ""
	for {
		s = string(rune('a'+i%26)) + s
		i /= 26
		if i == 0 {
			return s
		}
	}
}

// checkHeld fails the test unless every statement of s that the index
// holds is found by a search for its own word, and only by it; it returns
// how many it holds.
func (s statements) checkHeld(t *testing.T, data string) int {
	t.Helper()
	ix, err := index.Open(indexPath(data), index.Options{})
	if err != nil {
		t.Fatalf("the index does not open: %v", err)
	}
	defer ix.Close()
	ctx := context.Background()
	stored, err := ix.Hashes(ctx, s.ids)
	if err != nil {
		t.Fatal(err)
	}
	engine := search.New(ix)
	for _, id := range s.ids {
		if _, ok := stored[id]; !ok {
			continue
		}
		res, err := engine.Search(ctx, search.Request{Query: s.words[id], NoFacets: true})
		if err != nil {
			t.Fatalf("search %q: %v", s.words[id], err)
		}
		if len(res.Hits) != 1 || res.Hits[0].ID != id {
			t.Errorf("search %q: %d hits, want %s alone", s.words[id], len(res.Hits), id)
		}
	}
	return len(stored)
}

// child is advosearch serve running in a process of its own.
type child struct {
	base string
	cmd  *exec.Cmd
	done chan error
}

// startChild starts a command that runs advosearch serve, and waits for
// the address it prints. The child is stopped when the test ends, if stop
// has not stopped it before.
func startChild(t *testing.T, name string, args ...string) *child {
	t.Helper()
	cmd := exec.Command(name, args...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &child{cmd: cmd, done: make(chan error, 1)}
	lines := bufio.NewScanner(out)
	for lines.Scan() {
		if _, u, ok := strings.Cut(lines.Text(), " at "); ok {
			c.base = strings.TrimSuffix(u, "/")
			break
		}
	}
	go func() {
		io.Copy(io.Discard, out)
		c.done <- cmd.Wait()
	}()
	if c.base == "" {
		<-c.done
		t.Fatalf("serve printed no address; stderr:\n%s", stderr.String())
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			<-c.done
		}
	})
	return c
}

// stop ends the server as a user would, with SIGTERM, and waits for it.
func (c *child) stop(t *testing.T) {
	t.Helper()
	if err := c.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-c.done:
		t.Logf("serve stopped: %v", err)
	case <-time.After(time.Minute):
		t.Fatal("serve still runs a minute after SIGTERM")
	}
}

// postStatements sends n statements to a server, from number from on, and
// returns the status and the error message, if any. Statements from number
// 100 on are larger (8,000 words) than those before.
func postStatements(t *testing.T, base string, from, n int) (int, string) {
	t.Helper()
	var b strings.Builder
	for i := from; i < from+n; i++ {
		body, err := json.Marshal(map[string]string{
			"title": fmt.Sprintf("Statement %d", i), "url": fmt.Sprintf("https://example.org/%d", i),
			"body": fmt.Sprintf("The coalition condemns detention number %d of the journalist.%s", i, filler(i, i >= 100))})
		if err != nil {
			t.Fatal(err)
		}
		b.Write(append(body, '\n'))
	}
	req, err := http.NewRequest(http.MethodPost, base+"/api/documents", strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer tok")
	req.Header.Set("Content-Type", "application/x-ndjson")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var e struct{ Error string }
	if resp.StatusCode != http.StatusOK {
		if err := json.NewDecoder(resp.Body).Decode(&e); err != nil {
			t.Errorf("%d answer is not a JSON error: %v", resp.StatusCode, err)
		}
	}
	return resp.StatusCode, e.Error
}

// searchTotal returns how many statements a search through the API finds.
func searchTotal(t *testing.T, base, q string) int {
	t.Helper()
	resp, err := http.Get(base + "/api/search?q=" + url.QueryEscape(q))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var res struct{ Total int }
	if resp.StatusCode != http.StatusOK || json.NewDecoder(resp.Body).Decode(&res) != nil {
		t.Fatalf("search %s: %d", q, resp.StatusCode)
	}
	return res.Total
}

// worldReadableDir is a new folder that every user may enter and read, and
// only root may write; it is removed when the test ends.
func worldReadableDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "advosearch-nobody-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func copyFile(t *testing.T, from, to string, mode os.FileMode) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, mode); err != nil {
		t.Fatal(err)
	}
}

// snapshotTree lists every file under dir with its size and modification
// time, to tell whether anything in it changed.
func snapshotTree(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%s %v %d %s\n", path, info.Mode(), info.Size(), info.ModTime().Format(time.RFC3339Nano))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}
