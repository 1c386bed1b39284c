// Package instance generates the deterministic assignment instances that the
// assignment benchmarks share: the Go benchmarks in package matching, the
// instance files that matching/bench/run.sh hands to the peer solvers, and
// the solver harness. It imports nothing of the module, so that package
// matching's own tests can use it.
//
// The scores have structure, so that the instances look like an office's and
// stress an assignment solver the way real data would: every placement
// belongs to an occupational cluster and has a popularity, every candidate
// has a primary and a secondary cluster and a quality, and every pair gets
// some noise. A pair in the candidate's primary cluster scores high, one in
// the secondary cluster less, others little. In the skewed variant a few
// placements are attractive to everybody, so that nearly every candidate's
// best pair competes for the same handful of seats.
package instance

import (
	"cmp"
	"slices"
)

// Spec describes one generated instance.
type Spec struct {
	Name       string
	Candidates int
	Placements int
	TopK       int  // pairs kept per candidate, best first; 0 keeps every pair
	Skewed     bool // a few placements are popular with every candidate
	// Random drops the structure: each candidate gets TopK placements drawn
	// uniformly, with uniform scores. No scorer produces that, but it is
	// the textbook benchmark of sparse assignment.
	Random bool
	Seed   uint64
}

// Specs are the sizes the benchmarks use, in the order run.sh runs them.
var Specs = []Spec{
	{Name: "office", Candidates: 500, Placements: 300, Seed: 1},
	{Name: "office-skewed", Candidates: 500, Placements: 300, Skewed: true, Seed: 2},
	{Name: "mid", Candidates: 5000, Placements: 2000, TopK: 20, Seed: 3},
	{Name: "mid-skewed", Candidates: 5000, Placements: 2000, TopK: 20, Skewed: true, Seed: 4},
	{Name: "city", Candidates: 100000, Placements: 20000, TopK: 10, Seed: 5},
	{Name: "city-skewed", Candidates: 100000, Placements: 20000, TopK: 10, Skewed: true, Seed: 6},
	{Name: "city-random", Candidates: 100000, Placements: 20000, TopK: 10, Random: true, Seed: 7},
}

// ByName returns the spec with that name.
func ByName(name string) (Spec, bool) {
	for _, s := range Specs {
		if s.Name == name {
			return s, true
		}
	}
	return Spec{}, false
}

// Pair is an allowed candidate–placement pair with its score in tenths.
type Pair struct{ Candidate, Placement, Score int32 }

// Instance is a generated problem: free seats per placement and the allowed
// pairs, sorted by candidate and then by placement.
type Instance struct {
	Candidates int
	Seats      []int32
	Pairs      []Pair
}

// Weights of the score parts, in tenths (they add up to 1000 at most).
const (
	wCluster   = 450 // same primary cluster; the secondary cluster gets half
	wPopular   = 50  // the placement's popularity
	wQuality   = 150 // the candidate's quality
	wNoise     = 349 // pair noise
	wSkewBonus = 400 // the popular placements of the skewed variant
	clusterLen = 100 // placements per cluster
)

// Generate builds the instance of a spec. The same spec always gives the
// same instance.
func Generate(s Spec) Instance {
	if s.Random {
		return generateRandom(s)
	}
	m, n := s.Placements, s.Candidates
	clusters := max(1, m/clusterLen)
	seats := make([]int32, m)
	pop := make([]int32, m)
	members := make([][]int32, clusters)
	var popular []int32
	for j := range m {
		h := mix(s.Seed, 1, uint64(j))
		seats[j] = int32(1 + h%10)
		pop[j] = int32((h >> 8) % (wPopular + 1))
		c := int((h >> 24) % uint64(clusters))
		members[c] = append(members[c], int32(j))
		if s.Skewed && (h>>40)%400 == 0 {
			popular = append(popular, int32(j))
		}
	}
	clusterOf := make([]int32, m)
	for c, ms := range members {
		for _, j := range ms {
			clusterOf[j] = int32(c)
		}
	}
	isPopular := make([]bool, m)
	for _, j := range popular {
		isPopular[j] = true
	}
	score := func(i int, qual int32, c1, c2 int32, j int32) int32 {
		v := qual + pop[j] + int32(mix(s.Seed, 2, uint64(i)<<32|uint64(j))%(wNoise+1))
		switch clusterOf[j] {
		case c1:
			v += wCluster
		case c2:
			v += wCluster / 2
		}
		if isPopular[j] {
			v += wSkewBonus
		}
		return min(1000, max(1, v))
	}
	inst := Instance{Candidates: n, Seats: seats}
	var cand []Pair
	for i := range n {
		h := mix(s.Seed, 3, uint64(i))
		qual := int32(h % (wQuality + 1))
		c1 := int32((h >> 16) % uint64(clusters))
		c2 := int32((h >> 40) % uint64(clusters))
		cand = cand[:0]
		if s.TopK == 0 {
			for j := range m {
				cand = append(cand, Pair{int32(i), int32(j), score(i, qual, c1, c2, int32(j))})
			}
		} else {
			// Any placement outside the two clusters and the popular set
			// scores below every placement of the primary cluster, which
			// holds more than TopK placements, so the best TopK lie among
			// these and the list is the exact top-k.
			seen := func(j int32) bool { return clusterOf[j] == c1 || clusterOf[j] == c2 }
			for _, j := range members[c1] {
				cand = append(cand, Pair{int32(i), j, score(i, qual, c1, c2, j)})
			}
			if c2 != c1 {
				for _, j := range members[c2] {
					cand = append(cand, Pair{int32(i), j, score(i, qual, c1, c2, j)})
				}
			}
			for _, j := range popular {
				if !seen(j) {
					cand = append(cand, Pair{int32(i), j, score(i, qual, c1, c2, j)})
				}
			}
			slices.SortFunc(cand, func(a, b Pair) int {
				if a.Score != b.Score {
					return cmp.Compare(b.Score, a.Score)
				}
				return cmp.Compare(a.Placement, b.Placement)
			})
			cand = cand[:min(len(cand), s.TopK)]
			slices.SortFunc(cand, func(a, b Pair) int { return cmp.Compare(a.Placement, b.Placement) })
		}
		inst.Pairs = append(inst.Pairs, cand...)
	}
	return inst
}

// generateRandom gives each candidate TopK distinct placements drawn
// uniformly, each pair a uniform score in 1..1000.
func generateRandom(s Spec) Instance {
	inst := Instance{Candidates: s.Candidates, Seats: make([]int32, s.Placements)}
	for j := range inst.Seats {
		inst.Seats[j] = int32(1 + mix(s.Seed, 1, uint64(j))%10)
	}
	var cand []Pair
	for i := range s.Candidates {
		cand = cand[:0]
		for k := uint64(0); len(cand) < min(s.TopK, s.Placements); k++ {
			h := mix(s.Seed, 4, uint64(i)<<32|k)
			j := int32(h % uint64(s.Placements))
			if !slices.ContainsFunc(cand, func(p Pair) bool { return p.Placement == j }) {
				cand = append(cand, Pair{int32(i), j, int32(1 + (h>>32)%1000)})
			}
		}
		slices.SortFunc(cand, func(a, b Pair) int { return cmp.Compare(a.Placement, b.Placement) })
		inst.Pairs = append(inst.Pairs, cand...)
	}
	return inst
}

// mix hashes a seed, a stream and a key into 64 well-mixed bits
// (splitmix64's finaliser), so that every value depends only on its own key
// and not on the order in which values are drawn.
func mix(seed, stream, key uint64) uint64 {
	z := seed*0x9e3779b97f4a7c15 + stream*0xbf58476d1ce4e5b9 + key + 0x94d049bb133111eb
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}
