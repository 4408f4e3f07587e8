package record

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// migrations are the schema's versions, applied in the order of the number
// their file names start with. A shipped file is never edited: a change is
// a new file.
//
//go:embed migrations/*.sql
var migrations embed.FS

// migrationLock is the advisory lock key that lets one node at a time
// migrate, when several start at once on a new database.
const migrationLock = 0x61647630 // "adv0"

type migration struct {
	version int
	name    string
	sql     string
}

// loadMigrations reads the embedded migrations in version order.
func loadMigrations() ([]migration, error) {
	files, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return nil, fmt.Errorf("record: migrations: %w", err)
	}
	var ms []migration
	for _, f := range files {
		name := strings.TrimPrefix(f, "migrations/")
		num, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("record: migration %s: the name must start with its version number and _", name)
		}
		sql, err := migrations.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("record: migration %s: %w", name, err)
		}
		ms = append(ms, migration{version: v, name: name, sql: string(sql)})
	}
	slices.SortFunc(ms, func(a, b migration) int { return a.version - b.version })
	return ms, nil
}

// migrate applies the migrations the database lacks, all in one
// transaction: a node that fails half-way leaves the schema as it was.
func migrate(ctx context.Context, pool *pgxpool.Pool) (err error) {
	ms, err := loadMigrations()
	if err != nil {
		return err
	}
	tx, err := pool.Begin(ctx)
	if err != nil {
		return fail("migrate", err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback(ctx) // the error that made us roll back is the one to report
		}
	}()
	if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", migrationLock); err != nil {
		return fail("migrate", err)
	}
	if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version integer PRIMARY KEY,
		name    text NOT NULL,
		applied timestamptz NOT NULL DEFAULT now())`); err != nil {
		return fail("migrate", err)
	}
	rows, err := tx.Query(ctx, "SELECT version FROM schema_migrations")
	if err != nil {
		return fail("migrate", err)
	}
	applied, err := pgx.CollectRows(rows, pgx.RowTo[int32])
	if err != nil {
		return fail("migrate", err)
	}
	for _, m := range ms {
		if slices.Contains(applied, int32(m.version)) {
			continue
		}
		// No arguments: pgx sends it as a simple query, which may hold
		// several statements.
		if _, err := tx.Exec(ctx, m.sql); err != nil {
			return fail("migrate "+m.name, err)
		}
		if _, err := tx.Exec(ctx, "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", m.version, m.name); err != nil {
			return fail("migrate "+m.name, err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return fail("migrate", err)
	}
	return nil
}
