package main

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/advosearch/advosearch/bench"
	"github.com/advosearch/advosearch/corpus"
	"github.com/advosearch/advosearch/index"
)

// buildBinary builds advosearch as a user would run it. The test binary
// itself could play the child, but under -race extraction runs many times
// slower and the kills would land before the first batch.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "advosearch")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

var indexedLine = regexp.MustCompile(`  indexed (\d+)  `)

// TestIndex_SIGKILL kills "advosearch index" at random points of a run, 20
// times. After every kill the index opens, still holds every statement it
// held before, and holds every statement the run reported as indexed; and
// running the same command again carries on. The last run completes with
// every statement once.
func TestIndex_SIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("kills 20 indexing processes")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "statements.jsonl")
	f, err := os.Create(src)
	if err != nil {
		t.Fatal(err)
	}
	const statements = 2500
	if err := bench.Generate(f, statements, 7); err != nil {
		t.Fatal(err)
	}
	f.Close()
	var ids []string
	err = corpus.ReadFile(src, 1<<20, func(d corpus.Document) error { ids = append(ids, d.ID); return nil }, nil)
	if err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(dir, "data")
	args := []string{"index", "--data", data, "--batch", "20", "--progress", "1ms", src}
	bin := buildBinary(t)
	rng := rand.New(rand.NewPCG(1, 2))

	held := map[string]bool{}
	for kill := 1; kill <= 20; kill++ {
		cmd := exec.Command(bin, args...)
		stderr, err := cmd.StderrPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		reported := make(chan int, 1)
		go func() {
			last := 0
			lines := bufio.NewScanner(stderr)
			for lines.Scan() {
				if m := indexedLine.FindStringSubmatch(lines.Text()); m != nil {
					last, _ = strconv.Atoi(m[1])
				}
			}
			reported <- last
		}()
		time.Sleep(time.Duration(100+rng.IntN(500)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		n := <-reported
		cmd.Wait()

		ix, err := index.Open(filepath.Join(data, "index"), index.Options{})
		if err != nil {
			t.Fatalf("kill %d: the index does not open: %v", kill, err)
		}
		count, err := ix.Count()
		if err != nil {
			t.Fatal(err)
		}
		if int(count) < len(held)+n {
			t.Errorf("kill %d: %d statements, but %d were held before and %d more reported", kill, count, len(held), n)
		}
		stored, err := ix.Hashes(context.Background(), ids)
		if err != nil {
			t.Fatal(err)
		}
		if len(stored) != int(count) {
			t.Errorf("kill %d: %d statements, of which %d are from the file", kill, count, len(stored))
		}
		for id := range held {
			if _, ok := stored[id]; !ok {
				t.Errorf("kill %d: %s was in the index before and is lost", kill, id)
			}
		}
		ix.Close()
		for id := range stored {
			held[id] = true
		}
	}
	t.Logf("after 20 kills the index held %d of %d statements", len(held), statements)
	if len(held) == statements {
		t.Errorf("every kill came after the run had finished; the test proves nothing")
	}

	r := runBinary(t, bin, args...)
	if r.code != 0 {
		t.Fatalf("final run: exit %d, stderr %q", r.code, r.stderr)
	}
	if want := fmt.Sprintf("indexed %d, unchanged %d, skipped 0", statements-len(held), len(held)); !strings.HasPrefix(r.stdout, want) {
		t.Errorf("final run: %q, want %q", r.stdout, want)
	}
	ix, err := index.Open(filepath.Join(data, "index"), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if n, _ := ix.Count(); n != statements {
		t.Errorf("after the final run: %d statements, want %d, each once", n, statements)
	}
}
