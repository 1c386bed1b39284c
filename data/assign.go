package data

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"

	"arbeidsboks/matching"
)

// AssignOptions tune an assignment.
type AssignOptions struct {
	Weights matching.Weights
	Today   Date
	// Revise lets unpinned proposals (foreslått) move; pinned ones and those
	// further along never do.
	Revise bool
	// TopK is how many of each candidate's best placements the solver
	// considers (0: every pair up to a few million, else 20).
	TopK int
	// Only, when set, limits the candidates to these (a meeting's queue).
	Only []int64
}

// denseLimit is the most pairs an assignment considers in full; above it
// each candidate keeps their best placements only.
const denseLimit = 4_000_000

// AssignPlan is a proposed allocation of the free seats, with what it keeps
// and why the others got nothing.
type AssignPlan struct {
	Assignments []PlannedAssignment
	Kept        []Utplassering
	Unassigned  []Unassigned
	// Total is the exact sum of the assignments' scores, in tenths.
	Total int64
	// Replaced are the revisable proposals the plan moves or ends.
	Replaced []Utplassering
}

// PlannedAssignment is one candidate placed by the plan.
type PlannedAssignment struct {
	CandidateID, PlacementID   int64
	CandidateRef, PlacementRef string
	Score                      int // tenths
}

// Unassigned is an eligible candidate the plan gives nothing, and why: a
// code and its values ("assign.outscored": the placement they came closest
// to, who holds it, the points they would need).
type Unassigned struct {
	CandidateRef string
	Code         string
	Args         []string
}

// The codes of why a candidate is unassigned.
const (
	UnassignedNoPlacement = "assign.no_placement" // every placement is excluded or full
	UnassignedOutscored   = "assign.outscored"    // placement, holder, points needed
)

// PlanAssignment proposes the allocation of free seats to eligible
// candidates that maximises the total score, keeping every seat-holding
// utplassering (but revisable proposals with Revise).
func PlanAssignment(ctx context.Context, r Reader, opt AssignOptions) (*AssignPlan, error) {
	if opt.Today == "" {
		opt.Today = Today()
	}
	// The records only: the index is built below, of the eligible
	// candidates and the free seats.
	m, terms, err := loadRecords(ctx, r)
	if err != nil {
		return nil, err
	}
	plan := &AssignPlan{}
	revisable := map[int64]Utplassering{} // by candidate id
	taken := map[int64]int{}              // kept seats by placement id
	for _, c := range m.Candidates {
		u, holds := m.SeatHolders[c.ID]
		if !holds {
			continue
		}
		if opt.Revise && !u.Pinned && u.Status == StatusProposed {
			revisable[c.ID] = u
			continue
		}
		plan.Kept = append(plan.Kept, u)
		taken[u.PlacementID]++
	}

	var eligible []*Candidate
	var mcands []matching.Candidate
	for _, c := range m.Candidates {
		_, holds := m.SeatHolders[c.ID]
		_, revise := revisable[c.ID]
		if (!holds || revise) && eligibleStatus(*c, opt.Today) && (opt.Only == nil || slices.Contains(opt.Only, c.ID)) {
			eligible = append(eligible, c)
			mcands = append(mcands, m.matchCandidate(*c, Utplassering{}))
		}
	}
	mplaces := make([]matching.Placement, len(m.Placements))
	seats := make([]int32, len(m.Placements))
	for i, p := range m.Placements {
		mplaces[i] = m.matchPlacement(*p)
		free := 0
		if p.Status == PlacementActive {
			free = max(p.Seats-taken[p.ID], 0)
		}
		mplaces[i].FreeSeats, seats[i] = free, int32(free)
	}
	ix := matching.NewIndex(Taxonomy(terms), mcands, mplaces, m.options(opt.Weights, opt.Today))
	k := opt.TopK
	if k == 0 && len(eligible)*len(mplaces) > denseLimit {
		k = 20
	}
	problem := matching.AssignProblem{Candidates: len(eligible), Seats: seats, Pairs: ix.TopPairs(k)}
	solver := matching.NewAssigner(problem)
	alloc := solver.Solve()
	for ci, pi := range alloc.Placement {
		c := eligible[ci]
		if pi >= 0 {
			p := m.Placements[pi]
			score := pairScore(problem.Pairs, int32(ci), pi)
			plan.Assignments = append(plan.Assignments, PlannedAssignment{CandidateID: c.ID, PlacementID: p.ID,
				CandidateRef: c.Ref, PlacementRef: p.Ref, Score: int(score)})
			plan.Total += int64(score)
			if old, ok := revisable[c.ID]; ok && old.PlacementID == p.ID {
				continue
			}
		} else {
			plan.Unassigned = append(plan.Unassigned, unassigned(solver.Explain(int32(ci)), c, eligible, m.Placements))
		}
		if old, ok := revisable[c.ID]; ok {
			plan.Replaced = append(plan.Replaced, old)
		}
	}
	return plan, nil
}

func eligibleStatus(c Candidate, today Date) bool {
	switch c.Status {
	case CandidateNew, CandidateAssessment, CandidateReady:
		return !c.UnavailableOn(today)
	}
	return false
}

// pairScore finds a pair's score; TopPairs sorts by candidate, then placement.
func pairScore(pairs []matching.Pair, c, p int32) int32 {
	i := sort.Search(len(pairs), func(i int) bool {
		return pairs[i].Candidate > c || pairs[i].Candidate == c && pairs[i].Placement >= p
	})
	if i < len(pairs) && pairs[i].Candidate == c && pairs[i].Placement == p {
		return pairs[i].Score
	}
	return 0
}

func unassigned(e matching.Explanation, c *Candidate, eligible []*Candidate, placements []*Placement) Unassigned {
	if e.NoPairs || e.Alternative < 0 {
		return Unassigned{CandidateRef: c.Ref, Code: UnassignedNoPlacement}
	}
	holder := ""
	if e.Holder >= 0 {
		holder = eligible[e.Holder].Ref
	}
	return Unassigned{CandidateRef: c.Ref, Code: UnassignedOutscored, Args: []string{
		placements[e.Alternative].Ref, holder, strconv.FormatFloat(float64(e.PointsNeeded)/10, 'f', 1, 64)}}
}

// ApplyAssignment records the plan in one audited transaction: every
// assignment becomes a proposal (foreslått), and revised proposals that the
// plan moves or drops end as "ikke aktuell".
func ApplyAssignment(ctx context.Context, s Store, plan *AssignPlan) error {
	return s.WithTx(ctx, func(tx Tx) error {
		for _, old := range plan.Replaced {
			if _, err := tx.Move(ctx, old.ID, old.Version, StatusNotSuitable, ReasonOther, "assign --revise"); err != nil {
				return fmt.Errorf("%s → %s: %w", old.CandidateRef, old.PlacementRef, err)
			}
		}
		for _, a := range plan.Assignments {
			held, err := tx.Utplasseringer(ctx, UtplasseringFilter{CandidateID: a.CandidateID, SeatHolding: true})
			if err != nil {
				return err
			}
			if len(held) == 1 && held[0].PlacementID == a.PlacementID {
				continue // a revised proposal the plan keeps where it is
			}
			if _, err := tx.Propose(ctx, a.CandidateID, a.PlacementID, a.Score); err != nil {
				return fmt.Errorf("%s → %s: %w", a.CandidateRef, a.PlacementRef, err)
			}
		}
		return nil
	})
}
