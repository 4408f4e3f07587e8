package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/advosearch/advosearch/corpus"
	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/internal/disktest"
	"github.com/advosearch/advosearch/search"
)

// TestIndex_DiskFault runs "advosearch index" on a data folder that fills up
// or cannot be written, on a tmpfs of its own: the command fails with the
// hint that says what to do, and the index keeps every statement it held.
func TestIndex_DiskFault(t *testing.T) {
	bin := buildBinary(t)

	t.Run("DiskFull", func(t *testing.T) {
		// 2 MiB holds the first five statements (about 120 KiB with the
		// alerts) but not the 200 larger ones, which take about 20 KiB each
		// once indexed: the runs measured here wrote 100 to 160 of them
		// before the disk was full.
		mnt := disktest.Mount(t, "2m")
		data := filepath.Join(mnt, "data")
		first := writeFirstRun(t)
		r := runBinary(t, bin, "index", "--data", data, first.dir)
		if r.code != 0 || !strings.HasPrefix(r.stdout, "indexed 5, ") {
			t.Fatalf("first run: exit %d, stdout %q, stderr %q; want exit 0, indexed 5", r.code, r.stdout, r.stderr)
		}
		if n := first.check(t, data); n != 5 {
			t.Fatalf("after the first run: %d statements, want 5", n)
		}

		const batch, files = 20, 200
		big := writeBigRun(t, files)
		args := []string{"index", "--data", data, "--batch", strconv.Itoa(batch), big.dir}
		r = runBinary(t, bin, args...)
		t.Logf("disk full, exit %d:\nstdout: %sstderr (end): %s", r.code, r.stdout, lastLines(r.stderr, 2))
		if r.code == 0 {
			t.Fatalf("the run completed on a %s tmpfs (%d bytes free); make the corpus larger so the disk fills up", "2m", free(t, mnt))
		}
		r.wantError(t, "the disk is full", syscall.ENOSPC)
		reported := indexedCount(t, r.stdout)

		n := first.check(t, data)
		written := int(n) - 5
		if written < reported {
			t.Errorf("%d statements after the run, want at least the 5 of the first run and the %d it reported", n, reported)
		}
		if written%batch != 0 || written >= files {
			t.Errorf("%d statements of the second run are in the index, want whole batches of %d and fewer than %d", written, batch, files)
		}
		big.checkWholeBatches(t, data, batch)

		// Once there is space again, the same command carries on.
		disktest.Remount(t, mnt, "size=32m")
		r = runBinary(t, bin, args...)
		want := fmt.Sprintf("indexed %d, unchanged %d, skipped 0", files-written, written)
		if r.code != 0 || !strings.HasPrefix(r.stdout, want) {
			t.Fatalf("run with free space: exit %d, stdout %q, stderr %q; want exit 0 and %q", r.code, r.stdout, lastLines(r.stderr, 2), want)
		}
		if n := first.check(t, data); n != 5+files {
			t.Errorf("after the run with free space: %d statements, want %d", n, 5+files)
		}
		big.checkWholeBatches(t, data, batch)
	})

	t.Run("ServerIngest", func(t *testing.T) {
		// The server holds the index: a POST that fills the disk answers
		// 507 with what to do, the server goes on answering searches, and
		// the same request sent once there is space is indexed.
		mnt := disktest.Mount(t, "2m")
		base := serveInBackground(t, filepath.Join(mnt, "data"), "--token", "tok")
		// Stopping the server persists its last batch: give it room first.
		t.Cleanup(func() { disktest.Remount(t, mnt, "size=32m") })
		post := func(from int) (int, string) {
			var b strings.Builder
			for i := from; i < from+20; i++ {
				body, _ := json.Marshal(map[string]string{
					"title": fmt.Sprintf("Statement %d", i), "url": fmt.Sprintf("https://example.org/%d", i),
					"body": strings.Repeat(fmt.Sprintf("The coalition condemns detention number %d of the journalist. ", i), 60)})
				b.Write(append(body, '\n'))
			}
			req, _ := http.NewRequest(http.MethodPost, base+"/api/documents", strings.NewReader(b.String()))
			req.Header.Set("Authorization", "Bearer tok")
			req.Header.Set("Content-Type", "application/x-ndjson")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var e struct{ Error string }
			json.NewDecoder(resp.Body).Decode(&e)
			return resp.StatusCode, e.Error
		}
		failed := -1
		for from := 0; from < 2000 && failed < 0; from += 20 {
			switch code, msg := post(from); code {
			case http.StatusOK:
			case http.StatusInsufficientStorage:
				t.Logf("statements %d-%d: %d %s", from, from+19, code, msg)
				if !strings.Contains(msg, "disk is full") {
					t.Errorf("507 says %q, want that the disk is full", msg)
				}
				failed = from
			default:
				t.Fatalf("statements %d-%d: %d %q, want 200 or 507", from, from+19, code, msg)
			}
		}
		if failed < 0 {
			t.Fatal("2,000 statements fit on the 2 MiB disk; make them larger")
		}
		total := func(q string) int {
			resp, err := http.Get(base + "/api/search?q=" + url.QueryEscape(q))
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var res struct{ Total int }
			if resp.StatusCode != http.StatusOK || json.NewDecoder(resp.Body).Decode(&res) != nil {
				t.Fatalf("search %s on a full disk: %d", q, resp.StatusCode)
			}
			return res.Total
		}
		if n := total(`"detention number 0 of"`); n != 1 {
			t.Errorf("the first statement sent: %d hits on a full disk, want 1", n)
		}
		if n := total("Hun Sen"); n == 0 {
			t.Error("the seeds are not found on a full disk")
		}
		disktest.Remount(t, mnt, "size=32m")
		if code, msg := post(failed); code != http.StatusOK {
			t.Fatalf("the refused statements again, with space: %d %q", code, msg)
		}
		if n := total(fmt.Sprintf(`"detention number %d of"`, failed)); n != 1 {
			t.Errorf("the statement refused, then sent again: %d hits, want 1", n)
		}
	})

	t.Run("ReadOnly", func(t *testing.T) {
		mnt := disktest.Mount(t, "8m")
		data := filepath.Join(mnt, "data")
		first := writeFirstRun(t)
		if r := runBinary(t, bin, "index", "--data", data, first.dir); r.code != 0 {
			t.Fatalf("first run: exit %d, stderr %q", r.code, r.stderr)
		}
		later := filepath.Join(t.TempDir(), "later.txt")
		if err := os.WriteFile(later, []byte("Statement on foxtrot\n\nThe coalition condemns the raid, codeword kestrelfoxtrot.\n"), 0o644); err != nil {
			t.Fatal(err)
		}

		disktest.Remount(t, mnt, "ro")
		for _, args := range [][]string{
			{"index", "--data", data, later},
			{"serve", "--data", data, "--addr", "127.0.0.1:0"},
			// A data folder that does not exist yet cannot be made either.
			{"index", "--data", filepath.Join(mnt, "new"), later},
		} {
			r := runBinary(t, bin, args...)
			t.Logf("%s, exit %d:\n%s", strings.Join(args[:3], " "), r.code, r.stderr)
			if r.code == 0 {
				t.Errorf("%v on a read-only disk: exit 0, want an error", args)
				continue
			}
			r.wantError(t, "the data folder cannot be written", syscall.EROFS)
		}

		disktest.Remount(t, mnt, "rw")
		if n := first.check(t, data); n != 5 {
			t.Errorf("after the read-only runs: %d statements, want the 5 of the first run", n)
		}
		if r := runBinary(t, bin, "index", "--data", data, later); r.code != 0 || !strings.HasPrefix(r.stdout, "indexed 1, ") {
			t.Errorf("run on the writable disk again: exit %d, stdout %q, stderr %q; want indexed 1", r.code, r.stdout, r.stderr)
		}
	})
}

// free returns the bytes free on the file system holding dir, for failure
// messages.
func free(t *testing.T, dir string) uint64 {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		t.Logf("statfs %s: %v", dir, err)
		return 0
	}
	return st.Bavail * uint64(st.Bsize)
}

type result struct {
	stdout, stderr string
	code           int
}

// runBinary runs advosearch and waits for it to exit. The time limit only
// keeps a server that wrongly started from holding the test until go test
// gives up; nothing here is measured.
func runBinary(t *testing.T, bin string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("advosearch %v still ran after 2 minutes; stderr:\n%s", args, stderr.String())
	}
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("advosearch %v: %v", args, err)
	}
	return result{stdout: stdout.String(), stderr: stderr.String(), code: cmd.ProcessState.ExitCode()}
}

// wantError checks that a failed run ended as an error, not a crash, naming
// the file system's error and followed by the hint.
func (r result) wantError(t *testing.T, hint string, errno syscall.Errno) {
	t.Helper()
	if r.code < 0 || strings.Contains(r.stderr, "panic:") {
		t.Errorf("exit %d, want an error, not a crash; stderr:\n%s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, errno.Error()) {
		t.Errorf("stderr does not say %q:\n%s", errno.Error(), r.stderr)
	}
	if !strings.Contains(r.stderr, "advosearch: "+hint) {
		t.Errorf("stderr has no hint saying %q:\n%s", hint, r.stderr)
	}
}

var summaryLine = regexp.MustCompile(`^indexed (\d+), `)

// indexedCount returns how many statements a run reported as indexed.
func indexedCount(t *testing.T, stdout string) int {
	t.Helper()
	m := summaryLine.FindStringSubmatch(stdout)
	if m == nil {
		t.Fatalf("no summary in stdout %q", stdout)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n") + "\n"
}

// statements is a folder of generated statements and their IDs in the
// order advosearch indexes them.
type statements struct {
	dir string
	ids []string
	// words holds, for each ID, a word that only that statement contains.
	words map[string]string
}

// writeFirstRun writes five short statements, each with a word of its own.
func writeFirstRun(t *testing.T) statements {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "first")
	var words []string
	for _, name := range []string{"alpha", "bravo", "charlie", "delta", "echo"} {
		words = append(words, "kestrel"+name)
	}
	return writeStatements(t, dir, len(words), func(i int) (string, string) {
		return fmt.Sprintf("Statement on %s\n\nThe coalition condemns the detention of the journalist, codeword %s, and calls for her release.\n",
			words[i], words[i]), words[i]
	})
}

// writeBigRun writes n statements of 600 words each.
func writeBigRun(t *testing.T, n int) statements {
	t.Helper()
	vocabulary := statementWords()
	rng := rand.New(rand.NewPCG(7, 7))
	return writeStatements(t, filepath.Join(t.TempDir(), "big"), n, func(i int) (string, string) {
		var b strings.Builder
		fmt.Fprintf(&b, "Statement %d on the situation\n\n", i)
		for w := range 600 {
			if w > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(vocabulary[rng.IntN(len(vocabulary))])
			if rng.IntN(10) == 0 {
				b.WriteByte('.')
			}
		}
		b.WriteByte('\n')
		return b.String(), ""
	})
}

// statementWords are the words generated statements are made of.
func statementWords() []string {
	return strings.Fields(`rights detention journalist release tribunal protest torture
		court minister freedom assembly press election refugee camp border police arrest lawyer
		trial coalition statement condemns calls government forces village witnesses report`)
}

func writeStatements(t *testing.T, dir string, n int, text func(i int) (body, word string)) statements {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	s := statements{dir: dir, words: map[string]string{}}
	words := map[string]string{}
	for i := range n {
		body, word := text(i)
		path := filepath.Join(dir, fmt.Sprintf("s%04d.txt", i))
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		words[path] = word
	}
	files, _, err := corpus.Scan([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		err := corpus.ReadFile(f, 1<<20, func(d corpus.Document) error {
			s.ids = append(s.ids, d.ID)
			if w := words[f]; w != "" {
				s.words[d.ID] = w
			}
			return nil
		}, nil)
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(s.ids) != n {
		t.Fatalf("%d statements read back from %s, want %d", len(s.ids), dir, n)
	}
	return s
}

// check opens the index in data and fails the test unless every statement
// of s is there, and found by a search for its own word, and only by it. It
// returns how many statements the index holds.
func (s statements) check(t *testing.T, data string) uint64 {
	t.Helper()
	ix, err := index.Open(indexPath(data), index.Options{})
	if err != nil {
		t.Fatalf("the index does not open: %v", err)
	}
	defer ix.Close()
	ctx := context.Background()
	engine := search.New(ix)
	for _, id := range s.ids {
		if _, err := ix.Statement(ctx, id); err != nil {
			t.Errorf("statement %s: %v", id, err)
			continue
		}
		res, err := engine.Search(ctx, search.Request{Query: s.words[id], NoFacets: true})
		if err != nil {
			t.Fatalf("search %q: %v", s.words[id], err)
		}
		if len(res.Hits) != 1 || res.Hits[0].ID != id {
			var got []string
			for _, h := range res.Hits {
				got = append(got, h.ID)
			}
			t.Errorf("search %q: hits %v, want [%s]", s.words[id], got, id)
		}
	}
	n, err := ix.Count()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// checkWholeBatches fails the test unless each batch of s, in the order the
// indexer reads them, is in the index whole or not at all. Batches are
// written two at a time, so the one beside a failed batch may be there.
func (s statements) checkWholeBatches(t *testing.T, data string, batch int) {
	t.Helper()
	ix, err := index.Open(indexPath(data), index.Options{})
	if err != nil {
		t.Fatalf("the index does not open: %v", err)
	}
	defer ix.Close()
	stored, err := ix.Hashes(context.Background(), s.ids)
	if err != nil {
		t.Fatal(err)
	}
	for start := 0; start < len(s.ids); start += batch {
		ids := s.ids[start:min(start+batch, len(s.ids))]
		in := 0
		for _, id := range ids {
			if _, ok := stored[id]; ok {
				in++
			}
		}
		if in != 0 && in != len(ids) {
			t.Errorf("batch of statements %d to %d: %d of %d in the index, want all or none", start+1, start+len(ids), in, len(ids))
		}
	}
}
