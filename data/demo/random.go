package demo

import (
	"math/rand/v2"
	"slices"
)

// rng is one stream of the demo's random choices. Every stream is a PCG
// seeded from Options.Seed, so that a seed gives the same office every time;
// placements, candidates and the pipeline draw from streams of their own, so
// that asking for more candidates leaves the placements as they were.
type rng struct{ *rand.Rand }

// The streams, one per part of the office.
const (
	streamPlacements uint64 = 0x9ea1 + iota
	streamCandidates
	streamPipeline
)

func newRNG(seed int64, stream uint64) rng {
	return rng{rand.New(rand.NewPCG(uint64(seed), stream))}
}

// chance is true with probability p.
func (r rng) chance(p float64) bool { return r.Float64() < p }

// between draws an integer in [lo, hi].
func (r rng) between(lo, hi int) int { return lo + r.IntN(hi-lo+1) }

// pick draws one item of a non-empty list.
func pick[T any](r rng, list []T) T { return list[r.IntN(len(list))] }

// sample draws n different items of list (all of them when it is shorter),
// in the order drawn. It leaves list as it was.
func sample[T any](r rng, list []T, n int) []T {
	n = min(n, len(list))
	if n <= 0 {
		return nil
	}
	idx := make([]int, len(list))
	for i := range idx {
		idx[i] = i
	}
	out := make([]T, n)
	for i := range n {
		j := i + r.IntN(len(idx)-i)
		idx[i], idx[j] = idx[j], idx[i]
		out[i] = list[idx[i]]
	}
	return out
}

// weights draws indexes with probability proportional to their weights.
type weights struct{ cumulative []int }

func newWeights(ws ...int) weights {
	cum := make([]int, len(ws))
	total := 0
	for i, w := range ws {
		total += w
		cum[i] = total
	}
	return weights{cum}
}

func (w weights) pick(r rng) int {
	x := r.IntN(w.cumulative[len(w.cumulative)-1])
	i, _ := slices.BinarySearch(w.cumulative, x+1)
	return i
}
