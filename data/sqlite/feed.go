package sqlite

import (
	"context"
	"database/sql"
	"sync"
	"time"

	"arbeidsboks/data"
)

// pollInterval bounds how late a change made by another process shows here.
const pollInterval = 250 * time.Millisecond

// feed reads the changes table and hands each new row to every subscriber.
// A commit in this process kicks it at once; other processes' commits are
// found by polling.
type feed struct {
	db   *sql.DB
	kick chan struct{}
	done chan struct{}
	wg   sync.WaitGroup

	mu     sync.Mutex
	subs   map[*subscriber]struct{}
	last   int64
	active bool
}

type subscriber struct {
	ch     chan data.Change
	lagged bool // a change was dropped: send a resync before the next one
}

// Resync is the change a slow subscriber gets after changes were dropped for
// it: reload everything.
var Resync = data.Change{Entity: "*", Action: "resync"}

func newFeed(db *sql.DB) *feed {
	return &feed{db: db, kick: make(chan struct{}, 1), done: make(chan struct{}), subs: map[*subscriber]struct{}{}}
}

// subscribe starts the poller on first use, from the newest change on.
func (f *feed) subscribe(ctx context.Context) <-chan data.Change {
	s := &subscriber{ch: make(chan data.Change, 256)}
	f.mu.Lock()
	if !f.active {
		f.active = true
		_ = f.db.QueryRowContext(ctx, `SELECT coalesce(max(seq), 0) FROM changes`).Scan(&f.last)
		f.wg.Add(1)
		go f.run()
	}
	f.subs[s] = struct{}{}
	f.mu.Unlock()
	go func() {
		select {
		case <-ctx.Done():
		case <-f.done:
		}
		f.mu.Lock()
		if _, ok := f.subs[s]; ok {
			delete(f.subs, s)
			close(s.ch)
		}
		f.mu.Unlock()
	}()
	return s.ch
}

// committed is called after a commit in this process.
func (f *feed) committed() {
	select {
	case f.kick <- struct{}{}:
	default:
	}
}

func (f *feed) run() {
	defer f.wg.Done()
	ticker := time.NewTicker(pollInterval)
	defer ticker.Stop()
	for {
		select {
		case <-f.done:
			return
		case <-ticker.C:
		case <-f.kick:
		}
		f.poll()
	}
}

func (f *feed) poll() {
	for {
		changes, err := f.fetch()
		if err != nil || len(changes) == 0 {
			return
		}
		f.mu.Lock()
		for _, c := range changes {
			for s := range f.subs {
				s.send(c)
			}
			f.last = c.Seq
		}
		f.mu.Unlock()
	}
}

func (f *feed) fetch() ([]data.Change, error) {
	f.mu.Lock()
	last := f.last
	f.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	rows, err := f.db.QueryContext(ctx, `SELECT seq, entity, entity_id, action FROM changes WHERE seq > ? ORDER BY seq LIMIT 1000`, last)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []data.Change
	for rows.Next() {
		var c data.Change
		if err := rows.Scan(&c.Seq, &c.Entity, &c.ID, &c.Action); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// send never blocks the feed: a subscriber too slow to keep up loses the
// changes in between and is told to resync.
func (s *subscriber) send(c data.Change) {
	if s.lagged {
		select {
		case s.ch <- Resync:
			s.lagged = false
		default:
			return
		}
	}
	select {
	case s.ch <- c:
	default:
		s.lagged = true
	}
}

func (f *feed) stop() {
	f.mu.Lock()
	select {
	case <-f.done:
	default:
		close(f.done)
	}
	f.mu.Unlock()
	f.wg.Wait()
}
