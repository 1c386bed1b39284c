// Package sqlite is the store on one SQLite file: WAL mode, foreign keys, a
// busy timeout, writes in BEGIN IMMEDIATE transactions, schema migrations
// embedded in the binary. Everything above it speaks data.Store.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"

	"arbeidsboks/data"

	_ "modernc.org/sqlite" // the pure-Go driver
)

// DB is an open database file shared by every session of a process. Views
// of it for one actor come from As.
type DB struct {
	path  string
	write *sql.DB // one connection: writers queue here, in process
	read  *sql.DB // many connections: readers never wait for writers (WAL)
	feed  *feed

	closeOnce sync.Once
}

// Open opens (creating it if needed) the database file at path and brings
// its schema up to date. A schema newer than this program is refused with
// data.ErrSchema.
func Open(ctx context.Context, path string) (*DB, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, err
		}
	}
	write, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return nil, err
	}
	write.SetMaxOpenConns(1)
	write.SetConnMaxIdleTime(0)
	read, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		write.Close()
		return nil, err
	}
	read.SetMaxOpenConns(8)
	db := &DB{path: path, write: write, read: read}
	if err := migrate(ctx, write); err != nil {
		db.Close()
		return nil, mapError(err)
	}
	if err := seedTaxonomy(ctx, write); err != nil {
		db.Close()
		return nil, err
	}
	db.feed = newFeed(read)
	return db, nil
}

// dsn builds the driver's connection string: every connection gets the same
// pragmas; the write pool begins its transactions IMMEDIATE so that a writer
// takes the lock at the start rather than failing at its first write.
func dsn(path string, forWrites bool) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	if forWrites {
		q.Add("_pragma", "secure_delete(1)")
		// A large cache keeps a big import's pages in memory until commit.
		q.Add("_pragma", "cache_size(-65536)")
		q.Set("_txlock", "immediate")
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// Path is the database file.
func (db *DB) Path() string { return db.path }

// Close stops the feed and closes the file.
func (db *DB) Close() error {
	var err error
	db.closeOnce.Do(func() {
		if db.feed != nil {
			db.feed.stop()
		}
		err = errors.Join(db.write.Close(), db.read.Close())
	})
	return err
}

// As is the store as actor sees it.
func (db *DB) As(actor data.Actor) data.Store {
	if actor.Office == "" {
		actor.Office = data.DefaultOffice
	}
	return &store{db: db, reader: reader{q: db.read, actor: actor}}
}

// HasUsers reports whether any user is registered; a database without users
// is used locally as the built-in team lead.
func (db *DB) HasUsers(ctx context.Context) (bool, error) {
	var n int
	err := db.read.QueryRowContext(ctx, `SELECT count(*) FROM users`).Scan(&n)
	return n > 0, err
}

// Backup writes a consistent copy of the database to path while others go
// on writing. The file must not exist; its folder is made if it does not,
// as Open makes the database's.
func (db *DB) Backup(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("%s: %w", path, data.ErrExists)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	_, err := db.read.ExecContext(ctx, `VACUUM INTO ?`, path)
	return err
}

// Checkpoint moves the write-ahead log into the main file and truncates
// it, so that erased text does not linger in the log.
func (db *DB) Checkpoint(ctx context.Context) error {
	_, err := db.write.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
	return err
}
