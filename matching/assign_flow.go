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
// settled by shortest paths in reduced costs (Dijkstra) that move the
// excess to the sink or to a deficit, each followed by the usual potential
// update; seats left empty are repaired by searches backwards from the seat
// (assign_reverse.go). That is successive shortest paths; warm starts after
// a pin or a removal are the same steps with other imbalances.
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

// flow is the solver's state. What a search touches for one node sits
// together in one small struct: at city scale the searches are bound by
// memory latency, not by arithmetic.
type flow struct {
	g       *graph
	col     []colState
	row     []rowState
	hbase   []int32  // placement j's holder slots are holders[hbase[j]:hbase[j+1]]
	holders []holder // the first col[j].hold of them are taken
	pos     []int32  // a candidate's index among its placement's holders or in bypass
	bypass  []int32  // candidates on the bypass
	pending []int32  // candidates to route (stale entries are skipped)
	potT    int32    // the sink's potential
	potCeil int32    // no placement's potential is higher: potentials only fall
	balT    int32    // the sink's excess (>0) or deficit (<0)
	search  search
	rev     *reverse // pairs by placement, for augmentBack; built on first use
}

type colState struct {
	pot  int32
	cap  int32 // free seats: seats minus pins
	hold int32 // candidates holding a seat
	ph   int32 // flow on j→sink beyond hold: >0 a deficit, <0 an excess
}

type rowState struct {
	lo, hi int32 // the candidate's pairs are g.edges[lo:hi]
	match  int32 // a placement, or rowBypass, rowOut, rowPending
	pot    int32
}

type holder struct{ row, score, lo int32 }

// search is the scratch space of one shortest-path search, reused.
type search struct {
	epoch   uint32
	mark    []colMark // per placement, and the sink at index cols
	settled []int32   // settled placements and the sink, in order
	rows    []rowDist // candidates reached
	q       bucketQueue

	best     int32 // distance of the nearest deficit found so far
	target   int32 // that deficit: a placement, or cols for the sink
	bestPred int32 // how the target was reached (see colMark.pred, predT)
	predT    int32 // how the sink was reached: a candidate along its bypass, or -j-1 from placement j
	path     []step
	hdist    []int32   // expandCol's scratch
	touch    int32     // keeps the prefetching loads alive
	rmark    []rowMark // per candidate, for augmentBack; allocated on first use
	sinkEnds bool      // the sink ends a path even without a deficit
}

type colMark struct {
	seen uint32 // 2·epoch: reached in this search; 2·epoch+1: settled
	dist int32
	pred int32 // the candidate whose pair reached the placement, or -1 from the sink
}

type rowDist struct{ row, dist int32 }

func newFlow(g *graph) *flow {
	n, m := g.rows, g.cols
	f := &flow{
		g:     g,
		col:   make([]colState, m),
		row:   make([]rowState, n),
		hbase: make([]int32, m+1),
		pos:   make([]int32, n),
	}
	// A placement holds no more candidates than have a pair with it, which
	// bounds its holder slots however many seats it has.
	pairs := make([]int32, m)
	for _, e := range g.edges {
		pairs[e.col()]++
	}
	for j := range m {
		f.col[j].cap = g.seats[j]
		f.hbase[j+1] = f.hbase[j] + min(g.seats[j], pairs[j])
	}
	f.holders = make([]holder, f.hbase[m])
	for r := range n {
		f.row[r] = rowState{lo: g.start[r], hi: g.start[r+1], match: rowOut}
	}
	f.search.mark = make([]colMark, m+1)
	return f
}

func (f *flow) addHolder(j, r, score int32) {
	c := &f.col[j]
	f.holders[f.hbase[j]+c.hold] = holder{r, score, f.row[r].lo}
	f.pos[r] = c.hold
	c.hold++
	f.row[r].match = j
}

func (f *flow) removeHolder(j, r int32) {
	c := &f.col[j]
	c.hold--
	moved := f.holders[f.hbase[j]+c.hold]
	f.holders[f.hbase[j]+f.pos[r]] = moved
	f.pos[moved.row] = f.pos[r]
	f.row[r].match = rowOut
}

// matchScore is the score of candidate r's pair, 0 when unassigned.
func (f *flow) matchScore(r int32) int32 {
	if j := f.row[r].match; j >= 0 {
		return f.holders[f.hbase[j]+f.pos[r]].score
	}
	return 0
}

func (f *flow) addBypass(r int32) {
	f.pos[r] = int32(len(f.bypass))
	f.bypass = append(f.bypass, r)
	f.row[r].match = rowBypass
}

func (f *flow) removeBypass(r int32) {
	last := f.bypass[len(f.bypass)-1]
	f.bypass[f.pos[r]] = last
	f.pos[last] = f.pos[r]
	f.bypass = f.bypass[:len(f.bypass)-1]
	f.row[r].match = rowOut
}

// solve settles every imbalance, pending candidates first, in a fixed order.
func (f *flow) solve() {
	for k := 0; k < len(f.pending); k++ {
		if r := f.pending[k]; f.row[r].match == rowPending {
			f.routeRow(r)
		}
	}
	f.pending = f.pending[:0]
	for j := range f.g.cols {
		for f.col[j].ph < 0 {
			f.augment(int32(j), -1)
		}
	}
	// What is left are seats vacated at a price, each with its unit of
	// excess at the sink: repaired backwards from the seat.
	for j := range f.g.cols {
		for f.col[j].ph > 0 && f.balT > 0 {
			f.augmentBack(int32(j))
		}
	}
	if f.balT != 0 {
		panic("assign: the flow is out of balance")
	}
	f.normalize()
}

// routeRow routes a pending candidate. Most candidates meet a placement
// with a free seat at zero reduced cost, or are best left unassigned; those
// need no search.
func (f *flow) routeRow(r int32) {
	es := f.g.edges[f.row[r].lo:f.row[r].hi]
	top := f.potT
	for _, e := range es {
		if v := e.score() + f.col[e.col()].pot; v > top {
			top = v
		}
	}
	f.row[r].pot = top
	for _, e := range es {
		c := &f.col[e.col()]
		if e.score()+c.pot == top && c.pot == f.potT && c.hold+c.ph < c.cap {
			f.addHolder(e.col(), r, e.score())
			f.balT++
			return
		}
	}
	if top == f.potT {
		f.addBypass(r)
		f.balT++
		return
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
	for j := range f.col {
		f.col[j].pot -= d
	}
	f.potCeil -= d
	for r := range f.row {
		f.row[r].pot -= d
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
	f.row[r].match = rowPending
	f.pending = append(f.pending, r)
	f.balT--
}

// removeRow takes candidate r out of the flow.
func (f *flow) removeRow(r int32) {
	switch j := f.row[r].match; {
	case j == rowPending:
		f.balT++
	case j == rowBypass:
		f.removeBypass(r)
	case j >= 0:
		f.removeHolder(j, r)
		// The seat r leaves behind keeps its unit towards the sink for now:
		// if the seat had a price, someone may want it.
		f.col[j].ph++
		f.balT++
		f.settleFree(j)
	}
	f.row[r].match = rowOut
}

// seatToPin turns candidate r's seat into a pinned one: r leaves the flow
// together with one seat of its placement, so nothing else changes.
func (f *flow) seatToPin(r int32) {
	j := f.row[r].match
	f.removeHolder(j, r)
	f.col[j].cap--
}

// capDown removes one free seat from placement j. If j was full, one unit
// must leave it.
func (f *flow) capDown(j int32) {
	c := &f.col[j]
	c.cap--
	if c.hold+c.ph > c.cap {
		c.ph--
		f.balT--
	}
}

// capUp adds one free seat to placement j. A seat with a price must not
// stay free with room towards the sink at a negative reduced cost: it gets
// a phantom unit that a later path takes back or fills.
func (f *flow) capUp(j int32) {
	c := &f.col[j]
	c.cap++
	if c.ph < 0 { // a unit still waiting to leave j may stay after all
		c.ph++
		f.balT++
		return
	}
	if c.hold+c.ph == c.cap-1 && c.pot < f.potT {
		c.ph++
		f.balT++
	}
	f.settleFree(j)
}

// settleFree cancels phantom units on a placement whose seats cost nothing:
// there an empty seat breaks no optimality condition.
func (f *flow) settleFree(j int32) {
	for c := &f.col[j]; c.ph > 0 && c.pot == f.potT; {
		c.ph--
		f.balT--
	}
}
