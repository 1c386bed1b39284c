package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"

	"arbeidsboks/data"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

// migrations are the numbered files NNNN_name.sql, in order.
func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, e := range entries {
		number, name, ok := strings.Cut(strings.TrimSuffix(e.Name(), ".sql"), "_")
		v, err := strconv.Atoi(number)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration file %s: want NNNN_name.sql", e.Name())
		}
		text, err := migrationFiles.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: name, sql: string(text)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	return out, nil
}

// migrate applies the migrations the file lacks, all in one IMMEDIATE
// transaction, so that two processes opening a new file at once cannot both
// apply them, and a failure leaves the file as it was. A file with a
// migration this program does not know was made by a newer program, and is
// refused.
//
// A small runner rather than a migration library: the libraries apply each
// file in its own transaction after reading the version outside one, which
// races on SQLite, and none refuses a newer schema by itself.
func migrate(ctx context.Context, db *sql.DB) error {
	all, err := migrations()
	if err != nil {
		return err
	}
	latest := all[len(all)-1].version
	if upToDate(ctx, db, all) {
		return nil // no write lock needed to open an up-to-date file
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)`); err != nil {
		return err
	}
	applied := map[int]bool{}
	rows, err := tx.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			rows.Close()
			return err
		}
		applied[v] = true
	}
	rows.Close()
	known := map[int]bool{}
	for _, m := range all {
		known[m.version] = true
	}
	for v := range applied {
		if !known[v] {
			return fmt.Errorf("%w: the file has schema version %d, this program knows up to %d", data.ErrSchema, v, latest)
		}
	}
	// Every migration the file lacks, in order; a lower number that
	// arrived later is applied too.
	for _, m := range all {
		if applied[m.version] {
			continue
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return fmt.Errorf("migration %04d_%s: %w", m.version, m.name, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied) VALUES (?, ?, ?)`,
			m.version, m.name, time.Now().UTC().Format(time.RFC3339)); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// upToDate reports, from a plain read, whether the file has exactly the
// migrations this program knows. Anything else goes through the locked
// path, which also refuses a newer file.
func upToDate(ctx context.Context, db *sql.DB, all []migration) bool {
	rows, err := db.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return false
	}
	defer rows.Close()
	applied := map[int]bool{}
	for rows.Next() {
		var v int
		if rows.Scan(&v) != nil {
			return false
		}
		applied[v] = true
	}
	if rows.Err() != nil || len(applied) != len(all) {
		return false
	}
	for _, m := range all {
		if !applied[m.version] {
			return false
		}
	}
	return true
}

// SchemaVersion is the newest migration the file has.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := db.read.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&v)
	return v, err
}

// seedTaxonomy fills the skills taxonomy with the built-in one when the
// file has none yet.
func seedTaxonomy(ctx context.Context, db *sql.DB) error {
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM skill_terms`).Scan(&n); err != nil || n > 0 {
		return err // seeded already: no write lock needed
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// Another process may have seeded it since the read above.
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM skill_terms`).Scan(&n); err != nil || n > 0 {
		return err
	}
	terms, err := data.BuiltinSkillTerms()
	if err != nil {
		return err
	}
	if err := insertSkillTerms(ctx, tx, terms); err != nil {
		return err
	}
	return tx.Commit()
}
