package matching

import (
	"math/rand/v2"
	"testing"
)

func TestExplain_NamesThePlacementLostItsHolderAndThePointsNeeded(t *testing.T) {
	// A and B both want X, which has one seat. A scores 800 there and 600 at
	// Z; B scores 700 there and 650 at Y. A at X and B at Y make 1450; the
	// other way round makes 1300. So B loses X to A, and would need
	// 1450-1300+1 = 151 tenths more on X to win it.
	const a, b = 0, 1
	const x, y, z = 0, 1, 2
	p := AssignProblem{Candidates: 2, Seats: []int32{1, 1, 1}, Pairs: []Pair{
		{a, x, 800}, {a, z, 600}, {b, x, 700}, {b, y, 650},
	}}
	as := NewAssigner(p)
	al := as.Solve()
	if al.Placement[a] != x || al.Placement[b] != y {
		t.Fatalf("allocation %v, want A at X and B at Y", al.Placement)
	}
	got := as.Explain(b)
	want := Explanation{Candidate: b, Placement: y, Score: 650, Alternative: x, AlternativeScore: 700, Holder: a, PointsNeeded: 151}
	if got != want {
		t.Fatalf("Explain(B) = %+v\nwant          %+v", got, want)
	}
	// With 151 more, B's pair beats A's; with 150 more it only ties.
	p.Pairs[2].Score += 150
	if tie := Assign(p); tie.Total != 1450 {
		t.Fatalf("150 more: total %d, want a tie at 1450", tie.Total)
	}
	p.Pairs[2].Score++
	if Assign(p).Placement[b] != x {
		t.Fatal("151 more does not win X")
	}
}

func TestExplain_CandidateWithoutPairsSaysSo(t *testing.T) {
	p := AssignProblem{Candidates: 2, Seats: []int32{1}, Pairs: []Pair{{0, 0, 500}}}
	got := NewAssigner(p).Explain(1)
	want := Explanation{Candidate: 1, Placement: -1, Alternative: -1, Holder: -1, NoPairs: true}
	if got != want {
		t.Fatalf("got %+v, want %+v", got, want)
	}
}

func TestExplain_PinnedAndRemovedCandidatesSaySo(t *testing.T) {
	p := AssignProblem{Candidates: 2, Seats: []int32{1, 1}, Pairs: []Pair{{0, 0, 500}, {0, 1, 900}, {1, 1, 300}}}
	a := NewAssigner(p)
	if err := a.Pin(0, 0); err != nil {
		t.Fatal(err)
	}
	a.Remove(1)
	if got := a.Explain(0); !got.Pinned || got.Placement != 0 || got.Score != 500 {
		t.Errorf("pinned: %+v", got)
	}
	if got := a.Explain(1); !got.Removed || got.Placement != -1 {
		t.Errorf("removed: %+v", got)
	}
}

// Forcing the alternative with PointsNeeded-1 more must not win it, and with
// PointsNeeded more must, for every explained candidate of random problems.
func TestExplain_PointsNeededIsExactOnRandomProblems(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for k := range 300 {
		p := randomProblem(rng, 1+rng.IntN(8), 1+rng.IntN(5), 2, 0.3+0.7*rng.Float64(), []int32{5, 300}[k%2])
		a := NewAssigner(p)
		base := a.Solve()
		for c, ex := range a.ExplainAll() {
			if ex.Placement != base.Placement[c] {
				t.Fatalf("problem %d: explanation of %d says %d, allocation %d", k, c, ex.Placement, base.Placement[c])
			}
			if ex.Alternative < 0 {
				continue
			}
			// The best total with the alternative forced, by brute force.
			forced := forcedBest(p, int32(c), ex.Alternative)
			if loss := base.Total - forced; int64(ex.PointsNeeded) != loss+1 {
				t.Fatalf("problem %d candidate %d: PointsNeeded %d, forcing costs %d (%+v)", k, c, ex.PointsNeeded, loss, p)
			}
			for _, pr := range p.Pairs {
				if pr.Candidate == int32(c) && pr.Placement != ex.Alternative && pr.Placement != ex.Placement && p.Seats[pr.Placement] > 0 {
					if l := base.Total - forcedBest(p, int32(c), pr.Placement); l < int64(ex.PointsNeeded)-1 {
						t.Fatalf("problem %d candidate %d: placement %d costs %d to force, less than the alternative's %d", k, c, pr.Placement, l, ex.PointsNeeded-1)
					}
				}
			}
		}
	}
}

// forcedBest is the best total of p with candidate c at placement j.
func forcedBest(p AssignProblem, c, j int32) int64 {
	q := AssignProblem{Candidates: p.Candidates, Seats: append([]int32(nil), p.Seats...)}
	var score int32
	for _, pr := range p.Pairs {
		if pr.Candidate == c {
			if pr.Placement == j {
				score = pr.Score
			}
			continue
		}
		q.Pairs = append(q.Pairs, pr)
	}
	q.Seats[j]--
	return bruteForce(q) + int64(score)
}

func TestExplainAll_EqualsExplainingOneByOne(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	p := randomProblem(rng, 2000, 300, 3, 0.02, 1000)
	a := NewAssigner(p)
	all := a.ExplainAll()
	for c := range int32(p.Candidates) {
		if one := a.Explain(c); one != all[c] {
			t.Fatalf("candidate %d: ExplainAll %+v, Explain %+v", c, all[c], one)
		}
	}
}

// Explaining many unassigned candidates reuses what each search learnt of
// the way from a placement to the sink. The explanations must be the ones
// a fresh Assigner, which has learnt nothing yet, gives each candidate:
// before and after pins, and from ExplainAll's parallel workers too.
func TestExplain_KeptPathsGiveTheSameExplanations(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	for k := range 8 {
		p := randomProblem(rng, 100+rng.IntN(150), 15+rng.IntN(30), 2, 0.1, []int32{20, 1000}[k%2])
		var pins [][2]int32
		for range k % 4 {
			pr := p.Pairs[rng.IntN(len(p.Pairs))]
			pins = append(pins, [2]int32{pr.Candidate, pr.Placement})
		}
		fresh := func(c int32) Explanation {
			a := NewAssigner(p)
			a.Solve() // as below, so that the pins warm-start the same way
			for _, pin := range pins {
				_ = a.Pin(pin[0], pin[1])
			}
			return a.Explain(c)
		}
		a := NewAssigner(p)
		a.ExplainAll() // learn before the pins, which must forget it
		for _, pin := range pins {
			_ = a.Pin(pin[0], pin[1])
		}
		all := a.ExplainAll()
		for c := range int32(p.Candidates) {
			want := fresh(c)
			if one := a.Explain(c); one != want || all[c] != want {
				t.Fatalf("problem %d candidate %d: Explain %+v, ExplainAll %+v, fresh %+v", k, c, one, all[c], want)
			}
		}
	}
}
