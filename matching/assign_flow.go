package matching

import "math"

// The solver is a min-cost flow on source → candidate → placement → sink,
// where the placement → sink arc has the placement's free seats as capacity
// and every candidate also has a bypass arc straight to the sink (being
// unassigned, cost 0). A pair costs minus its score. Every candidate sends
// one unit, so the cheapest flow is the allocation with the highest total.
//
// It keeps node potentials (φ) such that every arc with room left has a
// non-negative reduced cost c(u,v)+φ(u)−φ(v): the flow is then optimal.
// Work arrives as imbalances — a candidate to route, a placement holding
// more than its seats, a seat left empty at a positive price — and each is
// settled by one shortest path in reduced costs (Dijkstra) from a node with
// excess to the nearest node with a deficit, followed by the usual potential
// update. That is successive shortest paths; warm starts after a pin or a
// removal are the same step with other imbalances.
//
// Reduced costs are integers no larger than a few MaxPairScore, so the
// searches use a bucket queue. A candidate is reached only through the one
// arc that carries its unit (from its placement, or from the sink when it is
// unassigned), so its distance is final when that node is settled: the
// searches scan candidates inline and queue only placements and the sink.

const (
	rowBypass  = -1 // unassigned: the unit goes along the bypass
	rowOut     = -2 // not in the flow: pinned, removed
	rowPending = -3 // in the flow but not routed yet: an excess of one
)

const inf = math.MaxInt32

// flow is the solver's state.
type flow struct {
	g *graph

	// per placement
	cap     []int32 // free seats: seats minus pins
	hold    []int32 // holders[hstart[j] : hstart[j]+hold[j]] sit at j
	ph      []int32 // flow on j→sink beyond hold[j]: >0 a deficit, <0 an excess
	potC    []int32
	hbase   []int32
	holders []int32

	// per candidate
	match  []int32 // a placement, or rowBypass, rowOut, rowPending
	mscore []int32 // score of the matched pair
	pos    []int32 // index in holders or in bypass
	potR   []int32

	bypass  []int32 // candidates on the bypass
	pending []int32 // candidates to route (stale entries are skipped)
	potT    int32
	balT    int32 // sink's excess (>0) or deficit (<0)

	search search
}

// search is the scratch space of one shortest-path search, reused.
type search struct {
	epoch   uint32
	seenC   []uint32 // seenC[j]==epoch: distC[j] is set (index cols is the sink)
	doneC   []uint32 // doneC[j]==epoch: j is settled
	distC   []int32
	predC   []int32 // the candidate whose pair reached j, or -1 from the sink
	seenR   []uint32
	distR   []int32
	settled []int32 // settled placements and the sink, in order
	rows    []int32 // candidates reached
	q       bucketQueue

	best     int32 // distance of the nearest deficit found so far
	target   int32 // that deficit: a placement, or cols for the sink
	predT    int32 // how the sink was reached: a candidate (bypass) or cols+j (from placement j)
	bestPred int32 // predecessor recorded for a placement target
	path     []step
}

func newFlow(g *graph) *flow {
	n, m := g.rows, g.cols
	f := &flow{
		g:      g,
		cap:    append([]int32(nil), g.seats...),
		hold:   make([]int32, m),
		ph:     make([]int32, m),
		potC:   make([]int32, m),
		hbase:  make([]int32, m+1),
		match:  make([]int32, n),
		mscore: make([]int32, n),
		pos:    make([]int32, n),
		potR:   make([]int32, n),
	}
	for j := range m {
		f.hbase[j+1] = f.hbase[j] + g.seats[j]
	}
	f.holders = make([]int32, f.hbase[m])
	for r := range n {
		f.match[r] = rowOut
	}
	s := &f.search
	s.seenC = make([]uint32, m+1)
	s.doneC = make([]uint32, m+1)
	s.distC = make([]int32, m+1)
	s.predC = make([]int32, m+1)
	s.seenR = make([]uint32, n)
	s.distR = make([]int32, n)
	return f
}

func (f *flow) addHolder(j, r, score int32) {
	k := f.hbase[j] + f.hold[j]
	f.holders[k] = r
	f.pos[r] = f.hold[j]
	f.hold[j]++
	f.match[r], f.mscore[r] = j, score
}

func (f *flow) removeHolder(j, r int32) {
	last := f.hold[j] - 1
	base := f.hbase[j]
	moved := f.holders[base+last]
	f.holders[base+f.pos[r]] = moved
	f.pos[moved] = f.pos[r]
	f.hold[j] = last
	f.match[r] = rowOut
}

func (f *flow) addBypass(r int32) {
	f.pos[r] = int32(len(f.bypass))
	f.bypass = append(f.bypass, r)
	f.match[r], f.mscore[r] = rowBypass, 0
}

func (f *flow) removeBypass(r int32) {
	last := f.bypass[len(f.bypass)-1]
	f.bypass[f.pos[r]] = last
	f.pos[last] = f.pos[r]
	f.bypass = f.bypass[:len(f.bypass)-1]
	f.match[r] = rowOut
}

// toSink is the flow on j→sink.
func (f *flow) toSink(j int32) int32 { return f.hold[j] + f.ph[j] }

// isDeficit reports whether a path may end at node v (a placement, or the
// sink as index cols).
func (f *flow) isDeficit(v int32) bool {
	if int(v) == f.g.cols {
		return f.balT < 0
	}
	return f.ph[v] > 0
}

// solve settles every imbalance, pending candidates first, in a fixed order.
func (f *flow) solve() {
	for k := 0; k < len(f.pending); k++ {
		if r := f.pending[k]; f.match[r] == rowPending {
			f.routeRow(r)
		}
	}
	f.pending = f.pending[:0]
	for j := range f.g.cols {
		for f.ph[j] < 0 {
			f.augment(int32(j), -1)
		}
	}
	for f.balT > 0 {
		f.augment(int32(f.g.cols), -1)
	}
	f.normalize()
}

// routeRow routes a pending candidate. Most candidates meet a placement
// with a free seat at zero reduced cost, or are best left unassigned; those
// need no search.
func (f *flow) routeRow(r int32) {
	top := f.potT
	for _, e := range f.g.of(r) {
		if v := e.score + f.potC[e.col]; v > top {
			top = v
		}
	}
	f.potR[r] = top
	if f.balT < 0 {
		for _, e := range f.g.of(r) {
			j := e.col
			if e.score+f.potC[j] == top && f.potC[j] == f.potT && f.toSink(j) < f.cap[j] {
				f.addHolder(j, r, e.score)
				f.balT++
				return
			}
		}
		if top == f.potT {
			f.addBypass(r)
			f.balT++
			return
		}
	}
	f.augment(-1, r)
}

// normalize shifts all potentials so that the sink's is 0, keeping them far
// from overflow however many warm starts follow.
func (f *flow) normalize() {
	d := f.potT
	if d == 0 {
		return
	}
	for j := range f.potC {
		f.potC[j] -= d
	}
	for r, m := range f.match {
		if m != rowOut {
			f.potR[r] -= d
		}
	}
	f.potT = 0
}

// The changes below alter the problem and record the imbalances they cause;
// solve settles them. Each keeps every arc with room at a non-negative
// reduced cost, if need be by leaving a unit of "phantom" flow on a
// placement's arc to the sink for a path to take back later.

// addRow brings candidate r into the flow: one unit to route, one more for
// the sink to take.
func (f *flow) addRow(r int32) {
	f.match[r] = rowPending
	f.pending = append(f.pending, r)
	f.balT--
}

// removeRow takes candidate r out of the flow.
func (f *flow) removeRow(r int32) {
	switch j := f.match[r]; {
	case j == rowPending:
		f.balT++
	case j == rowBypass:
		f.removeBypass(r)
	case j >= 0:
		f.removeHolder(j, r)
		// The seat r leaves behind keeps its unit towards the sink for now:
		// if the seat had a price, someone may want it.
		f.ph[j]++
		f.balT++
		f.settleFree(j)
	}
	f.match[r] = rowOut
}

// seatToPin turns candidate r's seat into a pinned one: r leaves the flow
// together with one seat of its placement, so nothing else changes.
func (f *flow) seatToPin(r int32) {
	j := f.match[r]
	f.removeHolder(j, r)
	f.cap[j]--
}

// capDown removes one free seat from placement j. If j was full, one unit
// must leave it.
func (f *flow) capDown(j int32) {
	f.cap[j]--
	if f.toSink(j) > f.cap[j] {
		f.ph[j]--
		f.balT--
	}
}

// capUp adds one free seat to placement j. A seat with a price must not
// stay free with room towards the sink at a negative reduced cost: it gets
// a phantom unit that a later path takes back or fills.
func (f *flow) capUp(j int32) {
	f.cap[j]++
	if f.toSink(j) == f.cap[j]-1 && f.potC[j] < f.potT {
		f.ph[j]++
		f.balT++
	}
	f.settleFree(j)
}

// settleFree cancels phantom units on a placement whose seats cost nothing:
// there an empty seat breaks no optimality condition.
func (f *flow) settleFree(j int32) {
	for f.ph[j] > 0 && f.potC[j] == f.potT {
		f.ph[j]--
		f.balT--
	}
}
