package matching

import "fmt"

// maxNodes bounds the candidates of one problem so that every index and
// count fits an int32, and maxCols its placements so that a pair fits in 32
// bits together with its score.
const (
	maxNodes  = 1 << 30
	maxCols   = 1 << (32 - scoreBits)
	scoreBits = 10 // MaxPairScore < 1<<scoreBits
)

// edge is an allowed pair seen from its candidate: the placement and the
// score packed into one word, so that a candidate's pairs take half the
// cache lines they would as two words.
type edge uint32

func makeEdge(col, score int32) edge { return edge(uint32(col)<<scoreBits | uint32(score)) }
func (e edge) col() int32            { return int32(uint32(e) >> scoreBits) }
func (e edge) score() int32          { return int32(uint32(e) & (1<<scoreBits - 1)) }

// graph holds the allowed pairs by candidate, each candidate's pairs sorted
// by placement. Sorting makes the solver's choices, and so its result,
// independent of the order in which the pairs were given.
//
// Inside the solver candidates are renumbered by their best placement (the
// one they score highest, the lowest index on ties), then by index, and
// routed in that order. Candidates who want the same placement then sit
// side by side in memory and are routed one after the other, so that
// consecutive searches find what they touch still in cache: a quarter
// faster at city scale.
type graph struct {
	rows, cols int
	start      []int32 // pairs of candidate r are edges[start[r]:start[r+1]]
	edges      []edge
	seats      []int32
	ext        []int32 // ext[r] is the caller's index of candidate r
	in         []int32 // in[c] is the solver's index of the caller's candidate c
}

// buildGraph sorts the pairs into a graph with two counting sorts, first by
// placement and then, stably, by candidate: linear time, no comparisons.
func buildGraph(p AssignProblem) (*graph, error) {
	n, m := p.Candidates, len(p.Seats)
	g := &graph{rows: n, cols: m, seats: append([]int32(nil), p.Seats...)}
	if sortedPairs(p.Pairs) {
		// Pairs that come in order already (as a scorer writes them,
		// candidate by candidate) need no sorting, and hold no duplicate.
		g.start = make([]int32, n+1)
		g.edges = make([]edge, len(p.Pairs))
		for k, pr := range p.Pairs {
			g.start[pr.Candidate+1]++
			g.edges[k] = makeEdge(pr.Placement, pr.Score)
		}
		for r := 1; r <= n; r++ {
			g.start[r] += g.start[r-1]
		}
		g.renumber()
		return g, nil
	}
	byCol := make([]int32, m+1)
	for _, pr := range p.Pairs {
		byCol[pr.Placement+1]++
	}
	for j := 1; j <= m; j++ {
		byCol[j] += byCol[j-1]
	}
	order := make([]int32, len(p.Pairs))
	for k, pr := range p.Pairs {
		order[byCol[pr.Placement]] = int32(k)
		byCol[pr.Placement]++
	}
	g.start = make([]int32, n+1)
	for _, pr := range p.Pairs {
		g.start[pr.Candidate+1]++
	}
	for r := 1; r <= n; r++ {
		g.start[r] += g.start[r-1]
	}
	next := append([]int32(nil), g.start[:n]...)
	g.edges = make([]edge, len(p.Pairs))
	for _, k := range order {
		pr := p.Pairs[k]
		g.edges[next[pr.Candidate]] = makeEdge(pr.Placement, pr.Score)
		next[pr.Candidate]++
	}
	for r := range n {
		es := g.edges[g.start[r]:g.start[r+1]]
		for k := 1; k < len(es); k++ {
			if es[k].col() == es[k-1].col() {
				return nil, fmt.Errorf("assign: candidate %d and placement %d are paired twice", r, es[k].col())
			}
		}
	}
	g.renumber()
	return g, nil
}

// renumber orders the candidates by best placement (see graph).
func (g *graph) renumber() {
	n, m := g.rows, g.cols
	best := make([]int32, n)
	next := make([]int32, m+2) // candidates without pairs come last
	for r := range n {
		b, bs := int32(m), int32(-1)
		for _, e := range g.of(int32(r)) {
			if e.score() > bs {
				b, bs = e.col(), e.score()
			}
		}
		best[r] = b
		next[b+1]++
	}
	for j := 1; j < len(next); j++ {
		next[j] += next[j-1]
	}
	g.ext = make([]int32, n)
	g.in = make([]int32, n)
	for r := range n {
		i := next[best[r]]
		next[best[r]]++
		g.ext[i], g.in[r] = int32(r), i
	}
	start := make([]int32, n+1)
	edges := make([]edge, 0, len(g.edges))
	for i, r := range g.ext {
		edges = append(edges, g.of(r)...)
		start[i+1] = int32(len(edges))
	}
	g.start, g.edges = start, edges
}

// sortedPairs reports whether the pairs are in strictly increasing order of
// candidate, then placement.
func sortedPairs(ps []Pair) bool {
	for k := 1; k < len(ps); k++ {
		a, b := ps[k-1], ps[k]
		if a.Candidate > b.Candidate || a.Candidate == b.Candidate && a.Placement >= b.Placement {
			return false
		}
	}
	return true
}

// of returns the pairs of candidate r.
func (g *graph) of(r int32) []edge { return g.edges[g.start[r]:g.start[r+1]] }

// score returns the score of the pair (r, col) and whether it is allowed.
func (g *graph) score(r, col int32) (int32, bool) {
	es := g.of(r)
	lo, hi := 0, len(es)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if es[mid].col() < col {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(es) && es[lo].col() == col {
		return es[lo].score(), true
	}
	return 0, false
}
