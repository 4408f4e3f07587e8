package main

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/advosearch/advosearch/bench"
	_ "modernc.org/sqlite" // registers the "sqlite" driver, FTS5 compiled in
)

// batch is how many rows one transaction inserts, as Bleve's batches.
const batch = 1000

// schema: title and body are searched; the rest is stored alongside,
// unindexed, and filtered or grouped by scanning the matching rows, as an
// FTS5 user would before adding side tables.
const schema = `CREATE VIRTUAL TABLE statements USING fts5(
	title, body, source UNINDEXED, published UNINDEXED, url UNINDEXED,
	tokenize = 'unicode61')`

func benchmark(ctx context.Context, configPath string) (bench.Result, error) {
	cfg, err := bench.ReadConfig(configPath)
	if err != nil {
		return bench.Result{}, err
	}
	res := bench.Result{System: bench.SystemFTS5}
	path := filepath.Join(cfg.Dir, "fts5.db")

	stop, err := bench.StartProfile(cfg.ProfileDir, bench.SystemFTS5, "index")
	if err != nil {
		return res, err
	}
	start := time.Now()
	if res.Statements, err = build(ctx, path, cfg.Corpus); err != nil {
		return res, err
	}
	res.IndexSeconds = time.Since(start).Seconds()
	res.PeakRSSIndexing = bench.PeakRSS()
	if err := stop(); err != nil {
		return res, err
	}
	if res.IndexBytes, err = bench.DirSize(cfg.Dir); err != nil {
		return res, err
	}

	start = time.Now()
	db, err := open(path)
	if err != nil {
		return res, err
	}
	defer db.Close()
	if _, err := search(ctx, db, bench.Query{Class: bench.ClassAll}); err != nil {
		return res, err
	}
	res.OpenSeconds = time.Since(start).Seconds()
	res.Classes, res.CrossCheck, err = bench.TimeClasses(ctx, cfg, func(bench.Class) bool { return true },
		func(ctx context.Context, q bench.Query) (uint64, error) { return search(ctx, db, q) })
	return res, err
}

func open(path string) (*sql.DB, error) {
	db, err := sql.Open("sqlite", path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// One connection: the searches are timed one at a time, and pragmas
	// hold per connection.
	db.SetMaxOpenConns(1)
	for _, p := range []string{"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL"} {
		if _, err := db.Exec(p); err != nil {
			db.Close()
			return nil, fmt.Errorf("%s: %w", p, err)
		}
	}
	return db, nil
}

// build indexes the corpus in transactions of batch rows.
func build(ctx context.Context, path, corpusPath string) (int, error) {
	db, err := open(path)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	if _, err := db.Exec(schema); err != nil {
		return 0, fmt.Errorf("create table (is FTS5 compiled in?): %w", err)
	}
	f, err := os.Open(corpusPath)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 20<<20)
	n := 0
	var tx *sql.Tx
	var ins *sql.Stmt
	for sc.Scan() {
		if tx == nil {
			if err := ctx.Err(); err != nil {
				return n, err
			}
			if tx, err = db.Begin(); err != nil {
				return n, err
			}
			if ins, err = tx.Prepare(`INSERT INTO statements (title, body, source, published, url) VALUES (?, ?, ?, ?, ?)`); err != nil {
				return n, err
			}
		}
		var s bench.Statement
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			return n, fmt.Errorf("%s line %d: %w", corpusPath, n+1, err)
		}
		if _, err := ins.Exec(s.Title, s.Body, s.Source, s.Published, s.URL); err != nil {
			return n, fmt.Errorf("insert line %d: %w", n+1, err)
		}
		n++
		if n%batch == 0 {
			if err := tx.Commit(); err != nil {
				return n, err
			}
			tx = nil
		}
	}
	if err := sc.Err(); err != nil {
		return n, err
	}
	if tx != nil {
		if err := tx.Commit(); err != nil {
			return n, err
		}
	}
	// Merge the b-tree segments as a finished index would be, and fold the
	// WAL into the database file so that its size is counted once.
	if _, err := db.Exec(`INSERT INTO statements(statements) VALUES ('optimize')`); err != nil {
		return n, fmt.Errorf("optimize: %w", err)
	}
	if _, err := db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		return n, fmt.Errorf("checkpoint: %w", err)
	}
	return n, db.Close()
}

// search runs q as an FTS5 user would: the hit count, a page of 10 ranked by
// bm25 (ORDER BY rank), snippet() where the class highlights, and GROUP BY
// counts over the matching rows where it has facets.
func search(ctx context.Context, db *sql.DB, q bench.Query) (uint64, error) {
	where, args := "", []any{}
	if m := matchExpr(q); m != "" {
		where, args = "WHERE statements MATCH ?", append(args, m)
	}
	if q.Source != "" {
		where += " AND source = ?"
		args = append(args, q.Source)
	}
	if q.From != "" {
		where += " AND published BETWEEN ? AND ?"
		args = append(args, q.From, q.To)
	}
	var total uint64
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM statements "+where, args...).Scan(&total); err != nil {
		return 0, fmt.Errorf("count %q: %w", q.Text(), err)
	}
	page := "SELECT rowid, title, source, published, url FROM statements " + where
	if where != "" {
		page += " ORDER BY rank"
	}
	if q.Class == bench.ClassFiltered {
		page = "SELECT rowid, highlight(statements, 0, '<mark>', '</mark>'), source, published, url, " +
			"snippet(statements, 1, '<mark>', '</mark>', '…', 24) FROM statements " + where + " ORDER BY rank"
	}
	if err := drain(ctx, db, page+" LIMIT 10", args); err != nil {
		return 0, fmt.Errorf("page %q: %w", q.Text(), err)
	}
	if q.Class == bench.ClassFiltered || q.Class == bench.ClassAll {
		for _, facet := range []string{
			"SELECT source, count(*) AS n FROM statements " + where + " GROUP BY source ORDER BY n DESC LIMIT 15",
			"SELECT substr(published, 1, 4) AS year, count(*) FROM statements " + where + " GROUP BY year",
		} {
			if err := drain(ctx, db, facet, args); err != nil {
				return 0, fmt.Errorf("facet %q: %w", q.Text(), err)
			}
		}
	}
	return total, nil
}

// matchExpr is q in FTS5's query syntax, every word quoted so that none is
// read as an operator; "" for no query.
func matchExpr(q bench.Query) string {
	quoted := make([]string, len(q.Words))
	for i, w := range q.Words {
		quoted[i] = `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
	}
	switch q.Class {
	case bench.ClassAll:
		return ""
	case bench.ClassPhrase, bench.ClassFiltered:
		return `"` + strings.ReplaceAll(strings.Join(q.Words, " "), `"`, `""`) + `"`
	case bench.ClassNear:
		// NEAR is unordered, a phrase with slop is not quite: close enough
		// for timing, not for comparing hit counts.
		return fmt.Sprintf("NEAR(%s, %d)", strings.Join(quoted, " "), q.Slop)
	}
	return strings.Join(quoted, " AND ")
}

// drain reads every row, so the work of producing them is done and timed.
func drain(ctx context.Context, db *sql.DB, query string, args []any) error {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
	}
	return rows.Err()
}
