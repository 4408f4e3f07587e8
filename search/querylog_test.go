package search

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/advosearch/advosearch/bench"
	"github.com/advosearch/advosearch/corpus"
	"github.com/advosearch/advosearch/index"
	"github.com/advosearch/advosearch/indexer"
)

// The query log is how people really search: titles typed plainly, pasted
// sentences with their punctuation, possessives, acronyms, small words,
// French and Spanish, misspellings (testdata/querylog/README.md). Each query
// names the statements a right answer has. The dev log is scored on every
// run; the test log, written from documents nobody tuned on, is scored
// when asked for (-querylog.test), so that it stays a fair check.
var (
	scoreTestLog = flag.Bool("querylog.test", false, "also score the held-out test query log")
	// distractors adds generated statements (bench.Generate) around the
	// log's documents in TestQueryLog_ranking: on 34 statements most
	// rankings tie, while a newsroom's index holds many statements on the
	// same cases, in the same words.
	distractors = flag.Int("querylog.distractors", 0, "generated statements to add in TestQueryLog_ranking")
)

// loggedQuery is one line of a query log.
type loggedQuery struct {
	Q    string   `json:"q"`
	Want []string `json:"want"` // file names
	Top  int      `json:"top"`
	Kind string   `json:"kind"`
}

// queryLogDirs hold the documents the query logs search, dev and test
// alike: every query competes with every statement.
var queryLogDirs = []string{
	"../indexer/testdata/gold", "../indexer/testdata/heldout",
	"testdata/querylog/docs/dev", "testdata/querylog/docs/test",
}

// queryLogEngine indexes the query logs' documents, and extra generated
// statements, and returns the engine and the file name of each statement
// ID of the logs' documents.
func queryLogEngine(t testing.TB, extra int) (*Engine, map[string]string) {
	t.Helper()
	ix, err := index.Open(t.TempDir(), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	names := map[string]string{}
	var docs []corpus.Document
	for _, dir := range queryLogDirs {
		files, _, err := corpus.Scan([]string{dir})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if strings.HasPrefix(filepath.Base(f), "README") {
				continue
			}
			err := corpus.ReadFile(f, 1<<20, func(d corpus.Document) error {
				if prev, ok := names[d.ID]; ok {
					return fmt.Errorf("%s and %s have one ID", prev, f)
				}
				names[d.ID] = filepath.Base(f)
				docs = append(docs, d)
				return nil
			}, func(s corpus.Skipped) { t.Errorf("skipped %v", s) })
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	if extra > 0 {
		var buf bytes.Buffer
		if err := bench.Generate(&buf, extra, 1); err != nil {
			t.Fatal(err)
		}
		for i, line := range bytes.Split(bytes.TrimSpace(buf.Bytes()), []byte("\n")) {
			docs = append(docs, corpus.Document{ID: fmt.Sprint("gen-", i), Name: fmt.Sprint("gen:", i),
				ContentType: corpus.TypeJSONL, Body: line})
		}
	}
	in, err := indexer.New(ix, indexer.Options{BatchSize: 1000})
	if err != nil {
		t.Fatal(err)
	}
	sum, err := in.Documents(context.Background(), docs)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Indexed != len(docs) {
		t.Fatalf("indexed %d of %d documents: %+v", sum.Indexed, len(docs), sum)
	}
	return New(ix), names
}

func readQueryLog(t testing.TB, path string) []loggedQuery {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var log []loggedQuery
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var q loggedQuery
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			t.Fatalf("%s:%d: %v", path, line, err)
		}
		log = append(log, q)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return log
}

// logScore counts how a query log fared.
type logScore struct {
	queries, zero, at1, at10 int
	// rr sums the reciprocal rank of the first right answer (0 past 10).
	rr float64
	// allWords are the queries whose every word occurs in one statement,
	// and allWordsZero those of them that found nothing: there must be
	// none.
	allWords, allWordsZero int
}

func (s *logScore) add(o logScore) {
	s.queries += o.queries
	s.zero += o.zero
	s.at1 += o.at1
	s.at10 += o.at10
	s.rr += o.rr
	s.allWords += o.allWords
	s.allWordsZero += o.allWordsZero
}

func rate(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}

func (s logScore) row(name string) string {
	return fmt.Sprintf("| %s | %d | %.3f | %.3f | %.3f | %d of %d |", name, s.queries,
		rate(s.zero, s.queries), rate(s.at1, s.queries), rate(s.at10, s.queries), s.allWordsZero, s.allWords)
}

// runQueryLog searches every query of log as the search box does and
// scores it, by kind; failures lists the queries that missed the top 1.
func runQueryLog(t testing.TB, e *Engine, names map[string]string, log []loggedQuery) (total logScore, byKind map[string]*logScore, failures []string) {
	t.Helper()
	words := statementWords(t, e, names)
	byKind = map[string]*logScore{}
	for _, q := range log {
		res, err := e.Search(context.Background(), Request{Query: q.Q, Size: 10, NoFacets: true})
		if err != nil {
			t.Errorf("%q: %v", q.Q, err)
			continue
		}
		var s logScore
		s.queries = 1
		if res.Total == 0 {
			s.zero = 1
		}
		for rank, h := range res.Hits {
			if slices.Contains(q.Want, names[h.ID]) {
				if rank == 0 {
					s.at1 = 1
				}
				s.at10, s.rr = 1, 1/float64(rank+1)
				break
			}
		}
		if allWordsInOne(e, q.Q, words) {
			s.allWords, s.allWordsZero = 1, s.zero
		}
		if s.at1 == 0 {
			var got []string
			for _, h := range res.Hits {
				got = append(got, names[h.ID])
			}
			failures = append(failures, fmt.Sprintf("%s %q: want %v, got %v", q.Kind, q.Q, q.Want, got))
		}
		if byKind[q.Kind] == nil {
			byKind[q.Kind] = &logScore{}
		}
		byKind[q.Kind].add(s)
		total.add(s)
	}
	return total, byKind, failures
}

// statementWords are the stemmed words of each statement.
func statementWords(t testing.TB, e *Engine, names map[string]string) []map[string]bool {
	t.Helper()
	var out []map[string]bool
	for id := range names {
		st, err := e.Statement(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		words := map[string]bool{}
		for _, tok := range e.stem.Analyze([]byte(st.Title + "\n" + st.Body)) {
			words[string(tok.Term)] = true
		}
		out = append(out, words)
	}
	return out
}

// allWordsInOne reports whether one statement has every stemmed word of q.
func allWordsInOne(e *Engine, q string, statements []map[string]bool) bool {
	toks := e.stem.Analyze([]byte(q))
	for _, words := range statements {
		all := true
		for _, tok := range toks {
			if !words[string(tok.Term)] {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

func queryLogTable(total logScore, byKind map[string]*logScore) string {
	rows := []string{
		"| queries | n | zero-result rate | success@1 | success@10 | zero results where one statement has every word |",
		"|---|---|---|---|---|---|",
	}
	kinds := make([]string, 0, len(byKind))
	for k := range byKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		rows = append(rows, byKind[k].row(k))
	}
	rows = append(rows, total.row("**all**"))
	return strings.Join(rows, "\n")
}

// TestQueryLog scores the dev query log and holds it to the floors of the
// natural-query issue: no query whose words one statement has finds
// nothing, success@10 ≥ 0.95 and success@1 ≥ 0.85. Run with -v for the
// table, and -querylog.test for the held-out log too.
func TestQueryLog(t *testing.T) {
	e, names := queryLogEngine(t, 0)
	logs := []string{"dev"}
	if *scoreTestLog {
		logs = append(logs, "test")
	}
	for _, name := range logs {
		t.Run(name, func(t *testing.T) {
			log := readQueryLog(t, filepath.Join("testdata/querylog", name+".jsonl"))
			if name == "dev" && len(log) < 150 {
				t.Errorf("%d queries in the dev log, want at least 150", len(log))
			}
			total, byKind, failures := runQueryLog(t, e, names, log)
			t.Logf("%s query log:\n%s", name, queryLogTable(total, byKind))
			for _, f := range failures {
				t.Logf("not first: %s", f)
			}
			if total.allWordsZero > 0 {
				t.Errorf("%d queries found nothing although one statement has all their words", total.allWordsZero)
			}
			if r := rate(total.at10, total.queries); r < 0.95 {
				t.Errorf("success@10 %.3f, want ≥ 0.95", r)
			}
			if r := rate(total.at1, total.queries); r < 0.85 {
				t.Errorf("success@1 %.3f, want ≥ 0.85", r)
			}
		})
	}
}

// TestQueryLog_ranking compares what orders the hits, on the dev log: BM25
// alone, and with each boost. defaultRanking keeps the winner; the README
// has the table.
func TestQueryLog_ranking(t *testing.T) {
	e, names := queryLogEngine(t, *distractors)
	log := readQueryLog(t, "testdata/querylog/dev.jsonl")
	rows := []string{"| ranking | success@1 | success@10 | MRR |", "|---|---|---|---|"}
	for _, v := range []struct {
		name string
		rank ranking
	}{
		{"BM25 alone", ranking{}},
		{"+ title ×2", ranking{titleBoost: 2}},
		{"+ words as typed (exact fields)", ranking{exactWords: true}},
		{"+ neighbouring words together (pairs)", ranking{adjacency: true}},
		{"pairs + title ×2", ranking{adjacency: true, titleBoost: 2}},
		{"pairs + words as typed", ranking{adjacency: true, exactWords: true}},
	} {
		e.rank = v.rank
		total, _, _ := runQueryLog(t, e, names, log)
		mark := ""
		if v.rank == defaultRanking {
			mark = " (default)"
		}
		rows = append(rows, fmt.Sprintf("| %s%s | %.3f | %.3f | %.3f |", v.name, mark,
			rate(total.at1, total.queries), rate(total.at10, total.queries), total.rr/float64(total.queries)))
	}
	t.Logf("dev query log, %d queries, %d generated statements beside its documents:\n%s", len(log), *distractors, strings.Join(rows, "\n"))
}
