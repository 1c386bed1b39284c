package matching

import (
	"errors"
	"fmt"
)

// MaxPairScore is the highest score a pair may carry: 100.0 in tenths.
const MaxPairScore = 1000

// Pair is an allowed candidate–placement pair and its score in integer
// tenths (0..MaxPairScore). The caller has already applied the hard
// constraints: a pair that is not given is not allowed.
type Pair struct {
	Candidate, Placement int32
	Score                int32
}

// AssignProblem is one assignment to solve: candidates 0..Candidates-1,
// placements 0..len(Seats)-1 with Seats[p] free seats each, and the allowed
// pairs. At most one pair per (candidate, placement); the order of Pairs
// does not matter.
type AssignProblem struct {
	Candidates int
	Seats      []int32
	Pairs      []Pair
}

// Allocation is an optimal assignment of candidates to seats.
type Allocation struct {
	// Placement[c] is the placement given to candidate c, or -1.
	Placement []int32
	// Total is the exact sum of the scores of the given pairs, pinned pairs
	// included.
	Total int64
	// Price[p] is the dual price of a seat at placement p in tenths: what a
	// candidate gives up elsewhere to take one of its seats. A placement with
	// a free seat left costs nothing.
	Price []int32
	// Profit[c] is candidate c's dual value in tenths: the score of its pair
	// minus the price of the placement, 0 when unassigned. No allowed pair
	// of c scores more than Profit[c]+Price[p]; that is why the allocation
	// is optimal.
	Profit []int32
}

// Assign returns an allocation of candidates to seats that maximises the
// total score: at most one placement per candidate, at most Seats[p]
// candidates per placement, only allowed pairs, and leaving a candidate
// unassigned when that serves the total. It is exact. The result depends
// only on the problem, not on the order of its pairs; among several optimal
// allocations it returns the one NewAssigner(p).Solve describes.
//
// Assign panics on a malformed problem (see Validate); check input that
// does not come from trusted code first. To explain the allocation, or to
// re-solve after pins, use an Assigner instead.
func Assign(p AssignProblem) Allocation {
	return NewAssigner(p).Solve()
}

// Validate reports what is wrong with a problem: indices out of range, a
// score outside 0..MaxPairScore, negative seats or a pair given twice.
func (p AssignProblem) Validate() error {
	if err := p.checkRanges(); err != nil {
		return err
	}
	_, err := buildGraph(p)
	return err
}

// checkRanges is Validate without the search for pairs given twice, which
// building the graph does anyway.
func (p AssignProblem) checkRanges() error {
	if p.Candidates < 0 || p.Candidates > maxNodes || len(p.Seats) > maxCols {
		return errors.New("assign: too many candidates or placements")
	}
	var errs []error
	for j, s := range p.Seats {
		if s < 0 {
			errs = append(errs, fmt.Errorf("assign: placement %d has %d seats", j, s))
		}
	}
	for k, pr := range p.Pairs {
		switch {
		case pr.Candidate < 0 || int(pr.Candidate) >= p.Candidates:
			errs = append(errs, fmt.Errorf("assign: pair %d: candidate %d out of range", k, pr.Candidate))
		case pr.Placement < 0 || int(pr.Placement) >= len(p.Seats):
			errs = append(errs, fmt.Errorf("assign: pair %d: placement %d out of range", k, pr.Placement))
		case pr.Score < 0 || pr.Score > MaxPairScore:
			errs = append(errs, fmt.Errorf("assign: pair %d: score %d outside 0..%d", k, pr.Score, MaxPairScore))
		}
		if len(errs) >= 20 {
			errs = append(errs, errors.New("assign: more errors not shown"))
			break
		}
	}
	return errors.Join(errs...)
}
