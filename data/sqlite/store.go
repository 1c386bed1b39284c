package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"time"

	"arbeidsboks/data"
)

// store is the database as one actor sees it.
type store struct {
	reader
	db *DB
}

func (s *store) Actor() data.Actor { return s.actor }

// Meeting reads the meeting and its queue in one read transaction: a
// decision and the move to the next candidate are one commit, and a reader
// must not see the one without the other.
func (s *store) Meeting(ctx context.Context, id int64) (data.Meeting, error) {
	tx, err := s.db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return data.Meeting{}, mapError(err)
	}
	defer tx.Rollback()
	return reader{q: tx, actor: s.actor}.Meeting(ctx, id)
}

func (s *store) Location() string { return filepath.Base(s.db.path) }

func (s *store) Subscribe(ctx context.Context) <-chan data.Change { return s.db.feed.subscribe(ctx) }

func (s *store) WithTx(ctx context.Context, fn func(data.Tx) error) error {
	sqlTx, err := s.db.write.BeginTx(ctx, nil)
	if err != nil {
		return mapError(err)
	}
	cache := &stmtCache{tx: sqlTx, stmts: map[string]*sql.Stmt{}}
	t := &tx{reader: reader{q: cache, actor: s.actor}, now: time.Now().UTC()}
	err = fn(t)
	cache.close()
	if err != nil {
		return errors.Join(err, ignoreDone(sqlTx.Rollback()))
	}
	if err := sqlTx.Commit(); err != nil {
		return mapError(err)
	}
	if t.changes > 0 {
		s.db.feed.committed()
	}
	if t.erased {
		// Deleted pages are overwritten (secure_delete); moving the log into
		// the file and truncating it leaves no copy of the erased text.
		if err := s.db.Checkpoint(ctx); err != nil {
			return fmt.Errorf("erased, but the log still holds the old text: %w", err)
		}
	}
	return nil
}

func ignoreDone(err error) error {
	if errors.Is(err, sql.ErrTxDone) {
		return nil
	}
	return err
}

func (s *store) OpenCandidate(ctx context.Context, id int64) (data.Candidate, error) {
	var c data.Candidate
	err := s.WithTx(ctx, func(dtx data.Tx) error {
		t := dtx.(*tx)
		var err error
		if c, err = t.Candidate(ctx, id); err != nil {
			return err
		}
		return t.audit(ctx, data.ActionRead, data.EntityCandidate, id, nil, nil)
	})
	return c, err
}

// stmtCache prepares each statement once per transaction: imports run the
// same few statements thousands of times.
type stmtCache struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
}

func (c *stmtCache) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if s, ok := c.stmts[query]; ok {
		return s, nil
	}
	s, err := c.tx.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	c.stmts[query] = s
	return s, nil
}

func (c *stmtCache) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	s, err := c.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return s.ExecContext(ctx, args...)
}

func (c *stmtCache) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	s, err := c.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return s.QueryContext(ctx, args...)
}

func (c *stmtCache) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	s, err := c.stmt(ctx, query)
	if err != nil {
		return c.tx.QueryRowContext(ctx, query, args...) // reports the same error
	}
	return s.QueryRowContext(ctx, args...)
}

func (c *stmtCache) close() {
	for _, s := range c.stmts {
		s.Close()
	}
}

// tx is one unit of work for one actor.
type tx struct {
	reader
	now     time.Time
	changes int
	// erased is set when a person's data was erased: the commit is followed
	// by a checkpoint.
	erased bool
}

func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

func (t *tx) requireRole(allowed ...data.Role) error {
	if slices.Contains(allowed, t.actor.Role) {
		return nil
	}
	return data.ErrForbidden
}

// fields are the values an audit entry records.
type fields map[string]any

// audit appends an entry: who did what to which record, with the fields
// that changed before and after.
func (t *tx) audit(ctx context.Context, action, entity string, id int64, before, after fields) error {
	encode := func(f fields) (string, error) {
		if len(f) == 0 {
			return "", nil
		}
		b, err := json.Marshal(f)
		return string(b), err
	}
	b, err := encode(before)
	if err != nil {
		return err
	}
	a, err := encode(after)
	if err != nil {
		return err
	}
	_, err = t.q.ExecContext(ctx, `INSERT INTO audit (at, office, user_id, actor, action, entity, entity_id, before, after)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, stamp(t.now), t.actor.Office, t.actor.UserID, t.actor.Name, action, entity, id, b, a)
	return mapError(err)
}

// changed announces a change on the feed once the transaction commits.
func (t *tx) changed(ctx context.Context, entity string, id int64, action string) error {
	_, err := t.q.ExecContext(ctx, `INSERT INTO changes (at, entity, entity_id, action) VALUES (?, ?, ?, ?)`,
		stamp(t.now), entity, id, action)
	t.changes++
	return mapError(err)
}

// diff keeps the fields whose values differ, before and after.
func diff(before, after map[string]any) (fields, fields) {
	b, a := data.DiffValues(before, after)
	return b, a
}

func jsonList[V ~string](items []V) string {
	if len(items) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(items)
	return string(b)
}

func notFound(entity string, id any) error {
	return fmt.Errorf("%s %v: %w", entity, id, data.ErrNotFound)
}
