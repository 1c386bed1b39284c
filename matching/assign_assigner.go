package matching

import (
	"errors"
	"fmt"
	"sync/atomic"
)

// Errors Pin returns; callers may branch on them with errors.Is.
var (
	ErrPairNotAllowed = errors.New("assign: the pair is not allowed")
	ErrPlacementFull  = errors.New("assign: every seat of the placement is pinned")
	ErrRemoved        = errors.New("assign: the candidate has been removed")
)

// Assigner keeps an optimal allocation of one problem and re-solves it
// quickly as the team pins pairs and candidates drop out: each change is
// repaired by a few shortest paths from the previous optimum instead of a
// solve from scratch.
//
// Solve after any sequence of changes returns an optimal allocation of the
// problem as changed. Its total is the same as a fresh solve's; where
// several allocations are optimal, a warm start may keep a different one of
// them than a fresh solve would pick. An Assigner is not safe for
// concurrent use.
type Assigner struct {
	f       *flow
	pinned  []int32 // the pinned placement per candidate (the solver's index), or -1
	removed []bool  // by the solver's index
	pins    []int32 // pins per placement

	fromSink []int32 // for Explain; nil when stale
	// toSink keeps, per placement, what explaining unassigned candidates
	// learnt of the shortest path from it to the sink (see
	// forcingCostUnassigned); made afresh with fromSink.
	toSink []atomic.Uint64
}

// NewAssigner prepares a problem for Solve. It panics on a malformed
// problem (see Validate).
//
// Candidates are routed one by one, grouped by the placement they score
// highest (lowest placement index first, then by candidate index), each
// along a shortest augmenting path; ties between equally good paths go to
// the path found first, which depends only on the problem: a candidate
// meeting several free seats of equal value takes the placement with the
// lowest index. That decides which optimal allocation Solve returns.
func NewAssigner(p AssignProblem) *Assigner {
	if err := p.checkRanges(); err != nil {
		panic(err)
	}
	g, err := buildGraph(p)
	if err != nil {
		panic(err)
	}
	a := &Assigner{
		f:       newFlow(g),
		pinned:  make([]int32, g.rows),
		removed: make([]bool, g.rows),
		pins:    make([]int32, g.cols),
	}
	for r := range g.rows {
		a.pinned[r] = -1
		a.f.addRow(int32(r))
	}
	return a
}

// Solve returns an optimal allocation under the current pins and removals.
func (a *Assigner) Solve() Allocation {
	f := a.f
	f.solve()
	n, m := f.g.rows, f.g.cols
	al := Allocation{
		Placement: make([]int32, n),
		Price:     make([]int32, m),
		Profit:    make([]int32, n),
	}
	for r := range n {
		j, c := f.row[r].match, f.g.ext[r]
		switch {
		case j >= 0:
			al.Placement[c] = j
			al.Total += int64(f.matchScore(int32(r)))
			al.Profit[c] = max(0, f.row[r].pot-f.potT)
		case a.pinned[r] >= 0:
			al.Placement[c] = a.pinned[r]
			sc, _ := f.g.score(int32(r), a.pinned[r])
			al.Total += int64(sc)
		default:
			al.Placement[c] = -1
		}
	}
	zero := false
	for j, c := range f.col {
		switch {
		case c.cap == 0:
			zero = true
		case c.hold >= c.cap:
			al.Price[j] = max(0, f.potT-c.pot)
		}
	}
	if zero {
		// A placement without free seats has no potential worth the name:
		// price it just high enough that no candidate would want it.
		for r := range n {
			if f.row[r].match == rowOut {
				continue
			}
			for _, e := range f.g.of(int32(r)) {
				if f.col[e.col()].cap == 0 {
					al.Price[e.col()] = max(al.Price[e.col()], e.score()-al.Profit[f.g.ext[r]])
				}
			}
		}
	}
	return al
}

// Pin fixes candidate c at placement p: every later solution contains the
// pair, which takes one of p's seats. Pinning a candidate pinned elsewhere
// moves the pin. It fails when the pair is not allowed, when every seat of p
// is pinned already, or when c has been removed.
func (a *Assigner) Pin(c, p int32) error {
	a.fromSink = nil
	f := a.f
	if c < 0 || int(c) >= f.g.rows {
		return fmt.Errorf("assign: pin: candidate %d out of range", c)
	}
	r := f.g.in[c]
	if a.removed[r] {
		return fmt.Errorf("assign: pin candidate %d: %w", c, ErrRemoved)
	}
	if p < 0 || int(p) >= f.g.cols {
		return fmt.Errorf("assign: pin: placement %d out of range", p)
	}
	if a.pinned[r] == p {
		return nil
	}
	if _, ok := f.g.score(r, p); !ok {
		return fmt.Errorf("assign: pin candidate %d at placement %d: %w", c, p, ErrPairNotAllowed)
	}
	if a.pins[p] >= f.g.seats[p] {
		return fmt.Errorf("assign: pin candidate %d at placement %d: %w", c, p, ErrPlacementFull)
	}
	a.unpin(r)
	if f.row[r].match == p {
		f.seatToPin(r)
	} else {
		f.removeRow(r)
		f.capDown(p)
	}
	a.pinned[r] = p
	a.pins[p]++
	return nil
}

// Unpin releases candidate c's pin, if any: its seat is free again and c is
// assigned like everybody else at the next Solve.
func (a *Assigner) Unpin(c int32) {
	a.fromSink = nil
	if c >= 0 && int(c) < a.f.g.rows {
		a.unpin(a.f.g.in[c])
	}
}

func (a *Assigner) unpin(r int32) {
	p := a.pinned[r]
	if p < 0 {
		return
	}
	a.pinned[r] = -1
	a.pins[p]--
	a.f.capUp(p)
	a.f.addRow(r)
}

// Remove takes candidate c out of the problem (no longer eligible, for
// instance because they got a job); a pin of theirs goes too.
func (a *Assigner) Remove(c int32) {
	a.fromSink = nil
	if c < 0 || int(c) >= a.f.g.rows {
		return
	}
	r := a.f.g.in[c]
	if a.removed[r] {
		return
	}
	if p := a.pinned[r]; p >= 0 {
		a.pinned[r] = -1
		a.pins[p]--
		a.f.capUp(p)
	} else {
		a.f.removeRow(r)
	}
	a.removed[r] = true
}

// Restore makes a removed candidate eligible again.
func (a *Assigner) Restore(c int32) {
	a.fromSink = nil
	if c < 0 || int(c) >= a.f.g.rows {
		return
	}
	if r := a.f.g.in[c]; a.removed[r] {
		a.removed[r] = false
		a.f.addRow(r)
	}
}
