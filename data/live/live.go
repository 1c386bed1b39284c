// Package live keeps the office's lists in memory, one copy for every
// session of a process, and keeps it current from the store's change feed.
// Sessions read immutable snapshots and hold only their own view state
// (filter, sort, cursor); a change anywhere produces a new snapshot that
// every session is told about.
package live

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"sync"
	"time"

	"arbeidsboks/data"
	"arbeidsboks/matching"
	"arbeidsboks/matching/occupation"
)

// Snapshot is the office at one moment. It is never changed once
// published: readers may keep it as long as they like.
type Snapshot struct {
	// Generation rises with every snapshot.
	Generation uint64
	// Placements and Candidates are ordered by ref; candidates are full
	// records (shape them with data.ShapeCandidate before showing them).
	Placements     []*data.Placement
	Candidates     []*data.Candidate
	Utplasseringer []*data.Utplassering // ordered by id
	SkillTerms     []data.SkillTerm
	// Occupations is the classification of occupations with its resolver
	// (nil when none is imported): for matching, and for forms to read a
	// title as a code (data.ResolveOccupations).
	Occupations *occupation.Classification

	placementAt map[int64]int
	candidateAt map[int64]int
}

// Placement finds a placement by id.
func (s *Snapshot) Placement(id int64) (*data.Placement, bool) {
	if i, ok := s.placementAt[id]; ok {
		return s.Placements[i], true
	}
	return nil, false
}

// Candidate finds a candidate by id.
func (s *Snapshot) Candidate(id int64) (*data.Candidate, bool) {
	if i, ok := s.candidateAt[id]; ok {
		return s.Candidates[i], true
	}
	return nil, false
}

// Utplassering finds an utplassering by id.
func (s *Snapshot) Utplassering(id int64) (*data.Utplassering, bool) {
	i, ok := slices.BinarySearchFunc(s.Utplasseringer, id, func(u *data.Utplassering, id int64) int { return cmp.Compare(u.ID, id) })
	if !ok {
		return nil, false
	}
	return s.Utplasseringer[i], true
}

// CandidateIndex is a candidate's place in Candidates (and in the
// snapshot's Matching), or -1.
func (s *Snapshot) CandidateIndex(id int64) int {
	if i, ok := s.candidateAt[id]; ok {
		return i
	}
	return -1
}

// PlacementIndex is a placement's place in Placements, or -1.
func (s *Snapshot) PlacementIndex(id int64) int {
	if i, ok := s.placementAt[id]; ok {
		return i
	}
	return -1
}

// UtplasseringerOf lists the utplasseringer of a candidate or a placement
// (give 0 for the other), oldest first.
func (s *Snapshot) UtplasseringerOf(candidateID, placementID int64) []*data.Utplassering {
	var out []*data.Utplassering
	for _, u := range s.Utplasseringer {
		if (candidateID == 0 || u.CandidateID == candidateID) && (placementID == 0 || u.PlacementID == placementID) {
			out = append(out, u)
		}
	}
	return out
}

// NewSnapshot makes a snapshot of records already in memory: for tests and
// benchmarks of what reads snapshots.
func NewSnapshot(placements []*data.Placement, candidates []*data.Candidate, utplasseringer []*data.Utplassering, terms []data.SkillTerm) *Snapshot {
	s := &Snapshot{Generation: 1, Placements: placements, Candidates: candidates, Utplasseringer: utplasseringer, SkillTerms: terms}
	s.index()
	return s
}

func (s *Snapshot) index() {
	s.placementAt = make(map[int64]int, len(s.Placements))
	for i, p := range s.Placements {
		s.placementAt[p.ID] = i
	}
	s.candidateAt = make(map[int64]int, len(s.Candidates))
	for i, c := range s.Candidates {
		s.candidateAt[c.ID] = i
	}
}

// Office is the live read model of one office.
type Office struct {
	store data.Store

	mu       sync.Mutex
	snap     *Snapshot
	watchers map[chan *Snapshot]struct{}
	matching struct {
		generation uint64
		key        matchingKey
		value      *data.Matching
	}
}

type matchingKey struct {
	weights matching.Weights
	today   data.Date
}

// batchWindow gathers the changes of one burst (an import, a meeting
// decision touching three records) into one new snapshot.
const batchWindow = 30 * time.Millisecond

// fullReloadAbove is how many changed records make a full reload cheaper
// than reloading each.
const fullReloadAbove = 500

// Open loads the office and follows the store's feed until ctx ends. The
// store should act for a role that reads everything (a team lead): the
// snapshot is shared, and each session shapes what it shows.
func Open(ctx context.Context, store data.Store) (*Office, error) {
	o := &Office{store: store, watchers: map[chan *Snapshot]struct{}{}}
	changes := store.Subscribe(ctx)
	snap, err := o.load(ctx, 1)
	if err != nil {
		return nil, err
	}
	o.snap = snap
	go o.follow(ctx, changes)
	return o, nil
}

// Start is Open without waiting: the office loads in the background, so
// that a screen can draw at once. Snapshot is nil until the first load
// is done; watchers get it when it is. A failed load is reported to
// failed (which may be nil) and retried on the next change.
func Start(ctx context.Context, store data.Store, failed func(error)) *Office {
	o := &Office{store: store, watchers: map[chan *Snapshot]struct{}{}}
	changes := store.Subscribe(ctx)
	go func() {
		snap, err := o.load(ctx, 1)
		if err != nil {
			if failed != nil {
				failed(err)
			}
			snap = &Snapshot{Generation: 1}
			snap.index()
		}
		o.publish(snap)
		o.follow(ctx, changes)
	}()
	return o
}

// Matching is the snapshot prepared for scoring, built once per snapshot
// and shared by the sessions that ask for it. It can take a while on a big
// office: call it from a tea.Cmd, not from Update.
func (o *Office) Matching(s *Snapshot, weights matching.Weights, today data.Date) *data.Matching {
	key := matchingKey{weights, today}
	o.mu.Lock()
	if o.matching.value != nil && o.matching.generation == s.Generation && o.matching.key == key {
		m := o.matching.value
		o.mu.Unlock()
		return m
	}
	o.mu.Unlock()
	var holding []data.Utplassering
	for _, u := range s.Utplasseringer {
		if u.Status.HoldsSeat() {
			holding = append(holding, *u)
		}
	}
	m := data.NewMatching(s.Candidates, s.Placements, holding, s.SkillTerms, s.Occupations, weights, today)
	o.mu.Lock()
	if s.Generation >= o.matching.generation {
		o.matching.generation, o.matching.key, o.matching.value = s.Generation, key, m
	}
	o.mu.Unlock()
	return m
}

// Snapshot is the newest snapshot.
func (o *Office) Snapshot() *Snapshot {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.snap
}

// Watch delivers each new snapshot until ctx ends. A slow watcher gets the
// newest one and misses those in between.
func (o *Office) Watch(ctx context.Context) <-chan *Snapshot {
	ch := make(chan *Snapshot, 1)
	o.mu.Lock()
	o.watchers[ch] = struct{}{}
	o.mu.Unlock()
	go func() {
		<-ctx.Done()
		o.mu.Lock()
		delete(o.watchers, ch)
		o.mu.Unlock()
	}()
	return ch
}

// load reads the whole office, its lists in parallel.
func (o *Office) load(ctx context.Context, generation uint64) (*Snapshot, error) {
	var (
		placements     []data.Placement
		candidates     []data.Candidate
		utplasseringer []data.Utplassering
		terms          []data.SkillTerm
		occupations    *occupation.Classification
		wg             sync.WaitGroup
		errs           [4]error
	)
	wg.Add(4)
	go func() { defer wg.Done(); placements, errs[0] = o.store.Placements(ctx, data.PlacementFilter{}) }()
	go func() { defer wg.Done(); candidates, errs[1] = o.store.Candidates(ctx, data.CandidateFilter{}) }()
	go func() {
		defer wg.Done()
		utplasseringer, errs[2] = o.store.Utplasseringer(ctx, data.UtplasseringFilter{})
	}()
	go func() {
		// The taxonomy's words are part of the resolver: one read serves both.
		defer wg.Done()
		var items []data.Occupation
		if terms, errs[3] = o.store.SkillTerms(ctx); errs[3] == nil {
			items, errs[3] = o.store.Occupations(ctx)
		}
		occupations = data.ClassificationOf(items, terms)
	}()
	wg.Wait()
	if err := errors.Join(errs[:]...); err != nil {
		return nil, err
	}
	s := &Snapshot{Generation: generation, SkillTerms: terms, Occupations: occupations,
		Placements: pointers(placements), Candidates: pointers(candidates), Utplasseringer: pointers(utplasseringer)}
	s.index()
	return s, nil
}

func pointers[T any](values []T) []*T {
	out := make([]*T, len(values))
	for i := range values {
		out[i] = &values[i]
	}
	return out
}

// retryAfter is how long a batch of changes that could not be read waits
// before it is read again.
const retryAfter = 200 * time.Millisecond

// follow applies the feed's changes in batches.
func (o *Office) follow(ctx context.Context, changes <-chan data.Change) {
	for {
		var batch []data.Change
		select {
		case <-ctx.Done():
			return
		case c, ok := <-changes:
			if !ok {
				return
			}
			batch = append(batch, c)
		}
		timer := time.NewTimer(batchWindow)
	gather:
		for {
			select {
			case c, ok := <-changes:
				if !ok {
					break gather
				}
				batch = append(batch, c)
			case <-timer.C:
				break gather
			}
		}
		timer.Stop()
		next, err := o.apply(ctx, batch)
		for err != nil {
			// A batch that could not be read is tried again, not dropped:
			// later batches name other records, and these would stay stale
			// until a full reload.
			select {
			case <-ctx.Done():
				return
			case <-time.After(retryAfter):
			}
			next, err = o.apply(ctx, batch)
		}
		o.publish(next)
	}
}

func (o *Office) publish(next *Snapshot) {
	o.mu.Lock()
	o.snap = next
	for ch := range o.watchers {
		select {
		case <-ch: // drop the stale one
		default:
		}
		ch <- next
	}
	o.mu.Unlock()
}

// apply makes the snapshot after a batch of changes: each changed record is
// read again; a reset, a resync or a big burst reloads everything.
func (o *Office) apply(ctx context.Context, batch []data.Change) (*Snapshot, error) {
	old := o.Snapshot()
	type key struct {
		entity string
		id     int64
	}
	seen := map[key]bool{}
	for _, c := range batch {
		if c.Entity == "*" || c.Entity == data.EntityTaxonomy || c.Entity == data.EntityOccupations || len(seen) > fullReloadAbove {
			return o.load(ctx, old.Generation+1)
		}
		seen[key{c.Entity, c.ID}] = true
	}
	next := &Snapshot{Generation: old.Generation + 1, SkillTerms: old.SkillTerms, Occupations: old.Occupations,
		Placements: slices.Clone(old.Placements), Candidates: slices.Clone(old.Candidates),
		Utplasseringer: slices.Clone(old.Utplasseringer)}
	for k := range seen {
		var err error
		switch k.entity {
		case data.EntityPlacement:
			next.Placements, err = replace(next.Placements, k.id,
				func(p *data.Placement) int64 { return p.ID },
				func(a, b *data.Placement) int { return cmp.Compare(a.Ref, b.Ref) },
				func() (data.Placement, error) { return o.store.Placement(ctx, k.id) })
		case data.EntityCandidate:
			next.Candidates, err = replace(next.Candidates, k.id,
				func(c *data.Candidate) int64 { return c.ID },
				func(a, b *data.Candidate) int { return cmp.Compare(a.Ref, b.Ref) },
				func() (data.Candidate, error) { return o.store.Candidate(ctx, k.id) })
		case data.EntityUtplassering:
			next.Utplasseringer, err = replace(next.Utplasseringer, k.id,
				func(u *data.Utplassering) int64 { return u.ID },
				func(a, b *data.Utplassering) int { return cmp.Compare(a.ID, b.ID) },
				func() (data.Utplassering, error) { return o.store.Utplassering(ctx, k.id) })
		}
		if err != nil {
			return nil, err
		}
	}
	next.index()
	return next, nil
}

// replace puts the record's current version into the list, or takes it out
// when it no longer exists, keeping the list's order.
func replace[T any](list []*T, id int64, idOf func(*T) int64, order func(a, b *T) int, read func() (T, error)) ([]*T, error) {
	at := slices.IndexFunc(list, func(r *T) bool { return idOf(r) == id })
	rec, err := read()
	switch {
	case errors.Is(err, data.ErrNotFound):
		if at >= 0 {
			list = slices.Delete(list, at, at+1)
		}
		return list, nil
	case err != nil:
		return nil, err
	}
	if at >= 0 {
		list = slices.Delete(list, at, at+1)
	}
	pos, _ := slices.BinarySearchFunc(list, &rec, order)
	return slices.Insert(list, pos, &rec), nil
}
