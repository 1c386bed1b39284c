package matching

import (
	"errors"
	"math/rand/v2"
	"slices"
	"testing"
)

// bruteForce returns the best total of a problem by trying every choice for
// every candidate.
func bruteForce(p AssignProblem) int64 {
	byCand := make([][]Pair, p.Candidates)
	for _, pr := range p.Pairs {
		byCand[pr.Candidate] = append(byCand[pr.Candidate], pr)
	}
	left := slices.Clone(p.Seats)
	var best int64
	var walk func(c int, total int64)
	walk = func(c int, total int64) {
		if c == p.Candidates {
			best = max(best, total)
			return
		}
		walk(c+1, total)
		for _, pr := range byCand[c] {
			if left[pr.Placement] > 0 {
				left[pr.Placement]--
				walk(c+1, total+int64(pr.Score))
				left[pr.Placement]++
			}
		}
	}
	walk(0, 0)
	return best
}

// randomProblem draws a problem with the given shape; density is the share
// of candidate–placement pairs that are allowed.
func randomProblem(rng *rand.Rand, n, m int, maxSeats int32, density float64, maxScore int32) AssignProblem {
	p := AssignProblem{Candidates: n, Seats: make([]int32, m)}
	for j := range p.Seats {
		p.Seats[j] = rng.Int32N(maxSeats + 1)
	}
	for c := range n {
		for j := range m {
			if rng.Float64() < density {
				p.Pairs = append(p.Pairs, Pair{int32(c), int32(j), rng.Int32N(maxScore + 1)})
			}
		}
	}
	return p
}

// checkFeasible fails the test unless the allocation uses only allowed pairs,
// fills no placement beyond its seats, and adds its scores up to Total.
func checkFeasible(t *testing.T, p AssignProblem, a Allocation) {
	t.Helper()
	score := map[[2]int32]int32{}
	for _, pr := range p.Pairs {
		score[[2]int32{pr.Candidate, pr.Placement}] = pr.Score
	}
	if len(a.Placement) != p.Candidates {
		t.Fatalf("allocation has %d candidates, problem %d", len(a.Placement), p.Candidates)
	}
	used := make([]int32, len(p.Seats))
	var total int64
	for c, j := range a.Placement {
		if j < 0 {
			continue
		}
		s, ok := score[[2]int32{int32(c), j}]
		if !ok {
			t.Fatalf("candidate %d got placement %d without an allowed pair", c, j)
		}
		used[j]++
		total += int64(s)
	}
	for j := range used {
		if used[j] > p.Seats[j] {
			t.Fatalf("placement %d holds %d candidates in %d seats", j, used[j], p.Seats[j])
		}
	}
	if total != a.Total {
		t.Fatalf("Total is %d, the given pairs add up to %d", a.Total, total)
	}
}

func TestAssign_EqualsBruteForceOnSmallRandomProblems(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for k := range 3000 {
		n, m := 1+rng.IntN(7), 1+rng.IntN(4)
		maxScore := []int32{3, 20, 1000}[k%3] // small ranges make many ties
		p := randomProblem(rng, n, m, 3, 0.2+0.8*rng.Float64(), maxScore)
		a := Assign(p)
		checkFeasible(t, p, a)
		if want := bruteForce(p); a.Total != want {
			t.Fatalf("problem %d (%+v): total %d, brute force %d", k, p, a.Total, want)
		}
	}
}

func TestAssign_DualPricesCertifyOptimality(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for k := range 500 {
		p := randomProblem(rng, 1+rng.IntN(30), 1+rng.IntN(12), 4, rng.Float64(), 1000)
		a := Assign(p)
		var dual int64
		for _, v := range a.Profit {
			dual += int64(v)
		}
		for j, v := range a.Price {
			dual += int64(v) * int64(p.Seats[j])
		}
		for _, pr := range p.Pairs {
			if a.Profit[pr.Candidate]+a.Price[pr.Placement] < pr.Score {
				t.Fatalf("problem %d: pair %+v scores more than profit %d + price %d", k, pr, a.Profit[pr.Candidate], a.Price[pr.Placement])
			}
		}
		if dual != a.Total {
			t.Fatalf("problem %d: dual bound %d differs from total %d", k, dual, a.Total)
		}
	}
}

func TestAssign_ShuffledPairOrderGivesTheSameAllocation(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for k := range 200 {
		p := randomProblem(rng, 1+rng.IntN(40), 1+rng.IntN(15), 3, rng.Float64(), []int32{5, 1000}[k%2])
		want := Assign(p)
		for range 3 {
			q := p
			q.Pairs = slices.Clone(p.Pairs)
			rng.Shuffle(len(q.Pairs), func(i, j int) { q.Pairs[i], q.Pairs[j] = q.Pairs[j], q.Pairs[i] })
			got := Assign(q)
			if !slices.Equal(got.Placement, want.Placement) || got.Total != want.Total {
				t.Fatalf("problem %d: shuffled pairs gave %v, the original order %v", k, got.Placement, want.Placement)
			}
		}
	}
}

func TestAssign_EdgeCases(t *testing.T) {
	tests := []struct {
		name string
		p    AssignProblem
		want []int32
	}{
		{"nothing at all", AssignProblem{}, []int32{}},
		{"no pairs", AssignProblem{Candidates: 2, Seats: []int32{1}}, []int32{-1, -1}},
		{"no seats", AssignProblem{Candidates: 1, Seats: []int32{0}, Pairs: []Pair{{0, 0, 500}}}, []int32{-1}},
		{"the better candidate takes the one seat", AssignProblem{Candidates: 2, Seats: []int32{1},
			Pairs: []Pair{{0, 0, 400}, {1, 0, 700}}}, []int32{-1, 0}},
		{"two seats hold two", AssignProblem{Candidates: 2, Seats: []int32{2},
			Pairs: []Pair{{0, 0, 400}, {1, 0, 700}}}, []int32{0, 0}},
		{"the sum beats the single best pair", AssignProblem{Candidates: 2, Seats: []int32{1, 1},
			Pairs: []Pair{{0, 0, 900}, {0, 1, 800}, {1, 0, 850}}}, []int32{1, 0}},
		{"seats far beyond the candidates cost no memory", AssignProblem{Candidates: 2, Seats: []int32{2e9, 2e9},
			Pairs: []Pair{{0, 0, 5}, {1, 0, 6}, {1, 1, 7}}}, []int32{0, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Assign(tt.p)
			checkFeasible(t, tt.p, a)
			if !slices.Equal(a.Placement, tt.want) {
				t.Fatalf("got %v, want %v", a.Placement, tt.want)
			}
		})
	}
}

func TestValidate_RejectsMalformedProblems(t *testing.T) {
	tests := []struct {
		name string
		p    AssignProblem
	}{
		{"candidate out of range", AssignProblem{Candidates: 1, Seats: []int32{1}, Pairs: []Pair{{1, 0, 5}}}},
		{"placement out of range", AssignProblem{Candidates: 1, Seats: []int32{1}, Pairs: []Pair{{0, 1, 5}}}},
		{"score too high", AssignProblem{Candidates: 1, Seats: []int32{1}, Pairs: []Pair{{0, 0, 1001}}}},
		{"negative score", AssignProblem{Candidates: 1, Seats: []int32{1}, Pairs: []Pair{{0, 0, -1}}}},
		{"negative seats", AssignProblem{Candidates: 1, Seats: []int32{-1}}},
		{"pair twice", AssignProblem{Candidates: 1, Seats: []int32{1}, Pairs: []Pair{{0, 0, 5}, {0, 0, 6}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.p.Validate(); err == nil {
				t.Fatal("Validate accepted the problem")
			}
		})
	}
	var err error = ErrPairNotAllowed
	_ = errors.Is(err, ErrPairNotAllowed)
}
