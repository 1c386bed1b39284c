package server

import (
	"sync"
	"time"
)

// authLimiter counts failed logins per address. An address past the limit
// within the window is slowed until the window has passed since its last
// failure. Only failures count: a whole office behind one NAT address logs
// in freely with its registered keys, while someone trying keys is slowed.
type authLimiter struct {
	limit  int
	window time.Duration

	mu       sync.Mutex
	failures map[string]*failures
}

type failures struct {
	count int
	last  time.Time
}

func newAuthLimiter(limit int, window time.Duration) *authLimiter {
	return &authLimiter{limit: limit, window: window, failures: map[string]*failures{}}
}

func (l *authLimiter) failed(addr string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	f := l.failures[addr]
	if f == nil || time.Since(f.last) > l.window {
		f = &failures{}
		l.failures[addr] = f
	}
	f.count++
	f.last = time.Now()
	if len(l.failures) > 10_000 { // forget old addresses
		for a, g := range l.failures {
			if time.Since(g.last) > l.window {
				delete(l.failures, a)
			}
		}
	}
}

func (l *authLimiter) blocked(addr string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	f := l.failures[addr]
	return f != nil && f.count >= l.limit && time.Since(f.last) <= l.window
}
