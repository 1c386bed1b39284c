package matching

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"
)

// reference is the problem an Assigner solves after its pins and removals,
// built afresh: pinned and removed candidates lose their pairs, pinned
// seats are taken off.
type reference struct {
	p       AssignProblem
	pinned  map[int32]int32
	removed map[int32]bool
}

func (r reference) reduced() (AssignProblem, int64) {
	q := AssignProblem{Candidates: r.p.Candidates, Seats: append([]int32(nil), r.p.Seats...)}
	var pinnedTotal int64
	for _, pr := range r.p.Pairs {
		if pl, ok := r.pinned[pr.Candidate]; ok {
			if pl == pr.Placement {
				pinnedTotal += int64(pr.Score)
				q.Seats[pl]--
			}
			continue
		}
		if !r.removed[pr.Candidate] {
			q.Pairs = append(q.Pairs, pr)
		}
	}
	return q, pinnedTotal
}

func TestAssigner_WarmResolveEqualsFreshSolve(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for k := range 300 {
		p := randomProblem(rng, 1+rng.IntN(25), 1+rng.IntN(8), 4, 0.1+0.6*rng.Float64(), []int32{4, 1000}[k%2])
		a := NewAssigner(p)
		ref := reference{p: p, pinned: map[int32]int32{}, removed: map[int32]bool{}}
		a.Solve()
		for step := range 12 {
			c := int32(rng.IntN(p.Candidates))
			switch op := rng.IntN(6); {
			case op <= 2 && len(p.Pairs) > 0: // pin
				pr := p.Pairs[rng.IntN(len(p.Pairs))]
				pins := int32(0)
				for _, pl := range ref.pinned {
					if pl == pr.Placement {
						pins++
					}
				}
				err := a.Pin(pr.Candidate, pr.Placement)
				cur, isPinned := ref.pinned[pr.Candidate]
				samePin := isPinned && cur == pr.Placement
				switch {
				case ref.removed[pr.Candidate]:
					if !errors.Is(err, ErrRemoved) {
						t.Fatalf("pinning a removed candidate: %v", err)
					}
				case !samePin && pins >= p.Seats[pr.Placement]:
					if !errors.Is(err, ErrPlacementFull) {
						t.Fatalf("pinning into a placement full of pins: %v", err)
					}
				case err != nil:
					t.Fatalf("pin %+v: %v", pr, err)
				default:
					ref.pinned[pr.Candidate] = pr.Placement
				}
			case op == 3:
				a.Unpin(c)
				delete(ref.pinned, c)
			case op == 4:
				a.Remove(c)
				delete(ref.pinned, c)
				ref.removed[c] = true
			default:
				a.Restore(c)
				delete(ref.removed, c)
			}
			if rng.IntN(3) == 0 && step < 11 {
				continue // let changes pile up before some solves
			}
			got := a.Solve()
			q, pinnedTotal := ref.reduced()
			want := Assign(q)
			if got.Total != want.Total+pinnedTotal {
				t.Fatalf("problem %d step %d: warm total %d, fresh %d + pinned %d", k, step, got.Total, want.Total, pinnedTotal)
			}
			checkFeasible(t, p, got)
			for c, pl := range ref.pinned {
				if got.Placement[c] != pl {
					t.Fatalf("pinned candidate %d got %d, not %d", c, got.Placement[c], pl)
				}
			}
			for c := range ref.removed {
				if got.Placement[c] != -1 {
					t.Fatalf("removed candidate %d got placement %d", c, got.Placement[c])
				}
			}
			if fault := flowFault(a.f); fault != "" {
				t.Fatalf("problem %d step %d: %s", k, step, fault)
			}
			checkDuals(t, q, got, ref)
		}
	}
}

// checkDuals fails unless the allocation's prices and profits prove it
// optimal for the reduced problem q.
func checkDuals(t *testing.T, q AssignProblem, a Allocation, ref reference) {
	t.Helper()
	var dual, primal int64
	for c, v := range a.Profit {
		if _, ok := ref.pinned[int32(c)]; !ok && !ref.removed[int32(c)] {
			dual += int64(v)
		}
	}
	for j, v := range a.Price {
		dual += int64(v) * int64(q.Seats[j])
	}
	for _, pr := range q.Pairs {
		if a.Profit[pr.Candidate]+a.Price[pr.Placement] < pr.Score {
			t.Fatalf("pair %+v scores more than profit %d + price %d", pr, a.Profit[pr.Candidate], a.Price[pr.Placement])
		}
		if a.Placement[pr.Candidate] == pr.Placement {
			primal += int64(pr.Score)
		}
	}
	if dual != primal {
		t.Fatalf("dual bound %d differs from the total %d of the unpinned pairs", dual, primal)
	}
}

func TestAssigner_PinRefusesWhatCannotBePinned(t *testing.T) {
	p := AssignProblem{Candidates: 3, Seats: []int32{1, 1}, Pairs: []Pair{{0, 0, 500}, {1, 0, 600}, {2, 1, 400}}}
	a := NewAssigner(p)
	if err := a.Pin(0, 1); !errors.Is(err, ErrPairNotAllowed) {
		t.Errorf("pin of a pair not allowed: %v", err)
	}
	if err := a.Pin(0, 0); err != nil {
		t.Fatalf("pin: %v", err)
	}
	if err := a.Pin(1, 0); !errors.Is(err, ErrPlacementFull) {
		t.Errorf("pin into a placement full of pins: %v", err)
	}
	a.Remove(2)
	if err := a.Pin(2, 1); !errors.Is(err, ErrRemoved) {
		t.Errorf("pin of a removed candidate: %v", err)
	}
	got := a.Solve()
	if got.Placement[0] != 0 || got.Placement[1] != -1 || got.Placement[2] != -1 || got.Total != 500 {
		t.Errorf("got %v total %d, want [0 -1 -1] total 500", got.Placement, got.Total)
	}
}

// flowFault returns what breaks the solver's optimality conditions, or "":
// every arc with room at a non-negative reduced cost, every arc carrying a
// candidate's unit tight, potCeil above every placement's potential.
func flowFault(f *flow) string {
	for r := range int32(f.g.rows) {
		rs := f.row[r]
		if rs.match == rowOut || rs.match == rowPending {
			continue
		}
		for _, e := range f.g.of(r) {
			if e.col() == rs.match {
				if rc := e.score() + f.col[e.col()].pot - rs.pot; rc != 0 {
					return fmt.Sprintf("candidate %d's pair with its placement %d is slack by %d", r, e.col(), rc)
				}
				continue
			}
			if rc := -e.score() + rs.pot - f.col[e.col()].pot; rc < 0 {
				return fmt.Sprintf("candidate %d's pair with placement %d has reduced cost %d", r, e.col(), rc)
			}
		}
		if rs.match >= 0 && rs.pot-f.potT < 0 {
			return fmt.Sprintf("candidate %d's bypass has reduced cost %d", r, rs.pot-f.potT)
		}
		if rs.match == rowBypass && f.potT-rs.pot != 0 {
			return fmt.Sprintf("unassigned candidate %d's bypass is slack by %d", r, f.potT-rs.pot)
		}
	}
	for j := range int32(f.g.cols) {
		c := f.col[j]
		fl := c.hold + c.ph
		if fl < c.cap && c.pot-f.potT < 0 {
			return fmt.Sprintf("placement %d's room to the sink has reduced cost %d", j, c.pot-f.potT)
		}
		if fl > 0 && f.potT-c.pot < 0 {
			return fmt.Sprintf("placement %d's flow to the sink has reduced cost %d backwards", j, f.potT-c.pot)
		}
		if c.pot > f.potCeil {
			return fmt.Sprintf("placement %d's potential is above potCeil", j)
		}
	}
	return ""
}
