package matching

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// Explanation says why a candidate got what they got in the allocation the
// Assigner's last Solve returned. Explanations come from an Assigner, which
// keeps the flow and its dual prices; an Allocation alone does not carry
// enough to explain with.
type Explanation struct {
	Candidate int32 // the caller's index
	Placement int32 // -1 when unassigned
	Score     int32 // of the pair given, 0 when unassigned
	Pinned    bool  // the team pinned the pair; it was not the solver's choice
	Removed   bool  // the candidate was taken out of the problem
	NoPairs   bool  // the candidate had no allowed pair at all

	// The best alternative: the allowed placement, other than the one
	// given, that the candidate is closest to winning.
	Alternative      int32 // -1 if none
	AlternativeScore int32
	// Holder is the candidate whose seat at Alternative the cheapest change
	// would take, or -1 when Alternative has a free seat (the candidate then
	// stays out of it because its own seat, or someone else's, is worth more
	// to the total).
	Holder int32
	// PointsNeeded is how many tenths more the candidate's score for
	// Alternative would have to be for every optimal allocation to give it
	// to them: one more than what the total loses when the pair is forced.
	// It may go past what the score scale allows; then no score wins it.
	PointsNeeded int32
}

// Explain says why candidate c got what they got. It solves first if the
// problem changed since the last Solve. The figures are exact: what forcing
// a pair costs the total is the cheapest cycle through that pair in the
// flow's residual graph, found with the dual prices as potentials.
func (a *Assigner) Explain(c int32) Explanation {
	a.prepareExplain()
	return a.explain(a.f, c)
}

// ExplainAll explains every candidate, in index order. The explanations
// are independent of each other, so it spreads them over the processors,
// each with its own search space; the result does not depend on how.
func (a *Assigner) ExplainAll() []Explanation {
	a.prepareExplain()
	n := a.f.g.rows
	out := make([]Explanation, n)
	const chunk = 256
	var next atomic.Int64
	var wg sync.WaitGroup
	flows := []*flow{a.f}
	for len(flows) < min(runtime.GOMAXPROCS(0), (n+chunk-1)/chunk) {
		// A shallow copy shares the (now read-only) flow state and gets its
		// own scratch.
		cp := *a.f
		cp.search = search{mark: make([]colMark, len(a.f.search.mark))}
		flows = append(flows, &cp)
	}
	for _, f := range flows {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				lo := int(next.Add(chunk)) - chunk
				if lo >= n {
					return
				}
				for c := lo; c < min(n, lo+chunk); c++ {
					out[c] = a.explain(f, int32(c))
				}
			}
		}()
	}
	wg.Wait()
	return out
}

// prepareExplain solves pending changes and computes, once per solution,
// the distance from the sink to every placement: the cost of the cheapest
// chain of moves that ends with a seat of that placement vacated.
func (a *Assigner) prepareExplain() {
	f := a.f
	if a.fromSink == nil {
		f.solve()
		a.fromSink = f.distancesFromSink(a.fromSink)
		a.toSink = make([]atomic.Uint64, f.g.cols)
	}
}

// forcingCostUnassigned is forcingCost for a candidate c on the bypass.
// Its search from placement j ends at the sink and never meets c, so it is
// the same for every unassigned candidate: what it finds is kept per
// placement (a.toSink), and a search runs only when what is kept cannot
// answer, with no more room than the one it replaces. A search finds the
// same path whatever its limit, as long as the path is shorter: a limit
// only keeps longer paths from being offered. So the answers are the ones
// a search per candidate gives.
func (a *Assigner) forcingCostUnassigned(f *flow, c, j, limit int32) (int32, int32) {
	rcIn := f.potT - f.row[c].pot
	room := limit - rcIn // the path to the sink must be shorter than this
	if room <= 0 {
		return inf, -1
	}
	kept := &a.toSink[j]
	old := kept.Load()
	if old&sinkExact != 0 {
		if d := int32(uint32(old)); d < room {
			return d + rcIn, int32(old>>32&0x7fffffff) - 1
		}
		return inf, -1
	}
	if room <= int32(uint32(old)) { // no path is shorter than that
		return inf, -1
	}
	d, holder := f.forcingSearch(rowBypass, 0, j, room, nil)
	if d == inf {
		// Keep the longer limit, unless another worker learnt more
		// meanwhile; losing it costs only a search.
		kept.CompareAndSwap(old, uint64(uint32(room)))
		return inf, -1
	}
	kept.Store(sinkExact | uint64(uint32(holder+1))<<32 | uint64(uint32(d)))
	return d + rcIn, holder
}

// sinkExact marks a kept path to the sink as found: its length in the low
// 32 bits, the candidate it displaces plus one above. Without it the low
// bits are a length no path to the sink is shorter than.
const sinkExact = 1 << 63

// explain explains the caller's candidate ext, searching with f: a.f or a
// copy of it with its own scratch.
func (a *Assigner) explain(f *flow, ext int32) Explanation {
	ex := Explanation{Candidate: ext, Placement: -1, Alternative: -1, Holder: -1}
	c := f.g.in[ext] // the solver's index
	es := f.g.of(c)
	ex.NoPairs = len(es) == 0
	switch {
	case a.removed[c]:
		ex.Removed = true
		return ex
	case a.pinned[c] >= 0:
		ex.Pinned, ex.Placement = true, a.pinned[c]
		ex.Score, _ = f.g.score(c, ex.Placement)
		return ex
	}
	m := f.row[c].match
	if m >= 0 {
		ex.Placement, ex.Score = m, f.matchScore(c)
	}
	// A pair's reduced cost is a lower bound of what forcing it costs, so
	// the pairs are tried cheapest bound first and the rest skipped once
	// the bound passes the best cost found.
	type option struct{ lb, score, col int32 }
	opts := make([]option, 0, len(es))
	for _, e := range es {
		if j := e.col(); j != m && f.col[j].cap > 0 {
			opts = append(opts, option{f.row[c].pot - e.score() - f.col[j].pot, e.score(), j})
		}
	}
	slices.SortFunc(opts, func(x, y option) int {
		if x.lb != y.lb {
			return int(x.lb - y.lb)
		}
		if x.score != y.score {
			return int(y.score - x.score)
		}
		return int(x.col - y.col)
	})
	// An upper bound from the simplest repair: the lowest-scored holder of
	// the alternative goes unassigned (or a free seat is taken), and c's own
	// seat is refilled along the cheapest chain from the sink. Searching
	// below it keeps each search small.
	bound := int32(inf)
	if vac := f.vacateCost(c, a.fromSink); vac < inf {
		for _, o := range opts {
			bound = min(bound, o.lb+f.displaceCost(o.col)+vac)
		}
	}
	best := int32(inf)
	for _, o := range opts {
		top := min(best, bound)
		if o.lb > top {
			break
		}
		limit := top - o.lb
		if top < inf {
			limit++ // an equal cost may still win the tie-break
		}
		var loss, holder int32
		if m == rowBypass {
			loss, holder = a.forcingCostUnassigned(f, c, o.col, limit)
		} else {
			loss, holder = f.forcingCost(c, o.col, limit, a.fromSink)
		}
		if loss == inf {
			continue
		}
		total := o.lb + loss
		if total < best || total == best && (o.score > ex.AlternativeScore ||
			o.score == ex.AlternativeScore && o.col < ex.Alternative) {
			best = total
			ex.Alternative, ex.AlternativeScore, ex.Holder = o.col, o.score, holder
			if holder >= 0 {
				ex.Holder = f.g.ext[holder]
			}
			ex.PointsNeeded = total + 1
		}
	}
	return ex
}

// vacateCost is the cost, in reduced terms, of the cheapest way to take
// candidate c out of its place: refilling its seat from the sink, or
// leaving the bypass. inf when there is none.
func (f *flow) vacateCost(c int32, fromSink []int32) int32 {
	m := f.row[c].match
	if m < 0 {
		return f.potT - f.row[c].pot
	}
	if fromSink[m] == inf {
		return inf
	}
	return fromSink[m] + f.matchScore(c) + f.col[m].pot - f.row[c].pot
}

// displaceCost is the reduced cost of making room at placement j: taking a
// free seat, or sending its lowest-scored holder to the bypass.
func (f *flow) displaceCost(j int32) int32 {
	c := f.col[j]
	if c.hold+c.ph < c.cap {
		return c.pot - f.potT
	}
	low := int32(inf)
	for _, h := range f.holders[f.hbase[j] : f.hbase[j]+c.hold] {
		low = min(low, h.score)
	}
	if low == inf {
		return inf
	}
	return low + c.pot - f.potT
}

// distancesFromSink returns, per placement, the length of the shortest path
// from the sink in reduced costs (inf where none), reusing buf.
func (f *flow) distancesFromSink(buf []int32) []int32 {
	m := f.g.cols
	out := slices.Grow(buf[:0], m)[:m]
	for j := range out {
		out[j] = inf
	}
	s := &f.search
	s.begin()
	sink := int32(m)
	f.seed(sink, -1)
	f.drain(func(v, d int32) bool {
		if v == sink {
			f.expandSink(d)
		} else {
			out[v] = d
			f.expandCol(v, d)
		}
		return true
	})
	return out
}

// forcingCost returns the length of the shortest path from placement j back
// to candidate c, who is to leave their place for j: what the total loses
// beyond the pair's reduced cost. Paths through the sink are completed with
// fromSink rather than searched. It gives up at limit (returning inf), and
// also names the candidate the path displaces from j, or -1.
func (f *flow) forcingCost(c, j, limit int32, fromSink []int32) (int32, int32) {
	m := f.row[c].match
	var rcIn int32 // reduced cost of the arc that carries c's unit
	if m >= 0 {
		rcIn = f.matchScore(c) + f.col[m].pot - f.row[c].pot
	} else {
		rcIn = f.potT - f.row[c].pot
	}
	return f.forcingSearch(m, rcIn, j, limit, fromSink)
}

// forcingSearch is forcingCost's search for a candidate whose unit comes
// from m (its placement, or rowBypass) at reduced cost rcIn.
func (f *flow) forcingSearch(m, rcIn, j, limit int32, fromSink []int32) (int32, int32) {
	s := &f.search
	s.begin()
	s.best = limit
	sink := int32(f.g.cols)
	found, via := int32(inf), int32(-1) // via: the placement or sink the path reaches c from
	f.seed(j, -2)
	f.drain(func(v, d int32) bool {
		switch {
		case v == m: // c's own seat is vacated: c is reached
			if d+rcIn < found {
				found, via = d+rcIn, v
			}
			s.best = min(s.best, found)
			return true
		case v == sink:
			if m == rowBypass {
				if d+rcIn < found {
					found, via = d+rcIn, sink
				}
			} else if fs := fromSink[m]; fs != inf && d+fs+rcIn < found {
				found, via = d+fs+rcIn, sink
			}
			s.best = min(s.best, found)
			return true
		}
		f.expandCol(v, d)
		return true
	})
	if found == inf || found >= limit {
		return inf, -1
	}
	return found, f.displaced(j, via)
}

// displaced walks the last search's path back from node v to placement j
// and returns the candidate it moved out of j, or -1.
func (f *flow) displaced(j, v int32) int32 {
	s := &f.search
	sink := int32(f.g.cols)
	for v != j {
		var r int32
		if v == sink {
			if s.predT < 0 {
				v = -s.predT - 1 // from a placement with room
				continue
			}
			r = s.predT
		} else {
			r = s.mark[v].pred
			if r < 0 { // from the sink
				v = sink
				continue
			}
		}
		// r was reached from its own placement, or from the sink.
		if f.row[r].match == j {
			return r
		}
		if f.row[r].match >= 0 {
			v = f.row[r].match
		} else {
			v = sink
		}
	}
	return -1
}
