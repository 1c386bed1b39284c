package matching

import (
	"sync"
	"testing"

	"arbeidsboks/matching/bench/instance"
)

// benchProblems caches the generated instances: generating city takes
// longer than solving it.
var benchProblems sync.Map

func benchProblem(b *testing.B, name string) AssignProblem {
	b.Helper()
	if p, ok := benchProblems.Load(name); ok {
		return p.(AssignProblem)
	}
	spec, ok := instance.ByName(name)
	if !ok {
		b.Fatalf("no instance %q", name)
	}
	p := fromInstance(instance.Generate(spec))
	benchProblems.Store(name, p)
	return p
}

func fromInstance(in instance.Instance) AssignProblem {
	p := AssignProblem{Candidates: in.Candidates, Seats: in.Seats, Pairs: make([]Pair, len(in.Pairs))}
	for k, pr := range in.Pairs {
		p.Pairs[k] = Pair{pr.Candidate, pr.Placement, pr.Score}
	}
	return p
}

// BenchmarkAssign solves each instance from scratch, sorting the pairs
// included.
func BenchmarkAssign(b *testing.B) {
	for _, spec := range instance.Specs {
		b.Run(spec.Name, func(b *testing.B) {
			p := benchProblem(b, spec.Name)
			b.ResetTimer()
			var total int64
			for b.Loop() {
				total = Assign(p).Total
			}
			b.ReportMetric(float64(total), "total")
		})
	}
}

// BenchmarkAssignRepin measures the warm re-solve after pinning one
// candidate at a placement it did not get, and after unpinning it again.
func BenchmarkAssignRepin(b *testing.B) {
	for _, name := range []string{"office", "mid", "city", "city-skewed"} {
		b.Run(name, func(b *testing.B) {
			p := benchProblem(b, name)
			a := NewAssigner(p)
			base := a.Solve()
			moves := repinMoves(p, base, 64)
			if len(moves) == 0 {
				b.Skip("no candidate with a pair it did not get")
			}
			b.ResetTimer()
			k := 0
			for b.Loop() {
				mv := moves[k%len(moves)]
				k++
				if err := a.Pin(mv.Candidate, mv.Placement); err != nil {
					b.Fatal(err)
				}
				a.Solve()
				a.Unpin(mv.Candidate)
				a.Solve()
			}
		})
	}
}

// repinMoves picks up to k pins that change the allocation: a candidate and
// an allowed placement other than the one it got, spread over the problem.
func repinMoves(p AssignProblem, a Allocation, k int) []Pair {
	var moves []Pair
	step := max(1, len(p.Pairs)/k)
	for i := 0; i < len(p.Pairs) && len(moves) < k; i += step {
		pr := p.Pairs[i]
		if a.Placement[pr.Candidate] != pr.Placement && p.Seats[pr.Placement] > 0 {
			moves = append(moves, pr)
		}
	}
	return moves
}

// BenchmarkAssignExplainAll measures explaining every candidate of a solved
// instance.
func BenchmarkAssignExplainAll(b *testing.B) {
	for _, name := range []string{"office", "mid", "city"} {
		b.Run(name, func(b *testing.B) {
			a := NewAssigner(benchProblem(b, name))
			a.Solve()
			b.ResetTimer()
			for b.Loop() {
				a.fromSink = nil // as after a change: recompute everything
				a.ExplainAll()
			}
		})
	}
}
