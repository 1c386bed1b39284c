package matching

// A seat left empty at a positive price (after a removal or an unpin) is a
// deficit at its placement, and the sink has the matching excess. A search
// from the sink would begin by reaching every unassigned candidate at
// distance zero, and at city scale explore most of the graph before it
// comes back to the one placement that matters. The reverse search walks
// the residual graph backwards from the placement instead — who could take
// the seat, who could take theirs — and meets the sink (or another excess)
// within the placement's neighbourhood. It needs the pairs by placement,
// built on first use.

// reverse holds the pairs by placement.
type reverse struct {
	start []int32 // the pairs of placement j are pairs[start[j]:start[j+1]]
	pairs []holder
}

// rowMark is a candidate's state in a reverse search, where a candidate can
// be reached along each of its pairs.
type rowMark struct {
	seen uint32 // epoch
	dist int32
	via  int32 // the placement the candidate would move to
}

func (f *flow) reversed() *reverse {
	if f.rev != nil {
		return f.rev
	}
	g := f.g
	rv := &reverse{start: make([]int32, g.cols+1), pairs: make([]holder, len(g.edges))}
	for _, e := range g.edges {
		rv.start[e.col()+1]++
	}
	for j := 1; j <= g.cols; j++ {
		rv.start[j] += rv.start[j-1]
	}
	next := append([]int32(nil), rv.start[:g.cols]...)
	for r := range int32(g.rows) {
		for _, e := range g.of(r) {
			rv.pairs[next[e.col()]] = holder{row: r, score: e.score()}
			next[e.col()]++
		}
	}
	f.rev = rv
	return rv
}

// augmentBack settles one unit of placement dst's deficit: a shortest path
// searched backwards from dst to the nearest node with excess, which must
// include the sink (balT > 0). It moves one unit along the path and raises
// the potentials of the nodes nearer to dst than the path's length, which
// keeps every reduced cost non-negative.
func (f *flow) augmentBack(dst int32) {
	s := &f.search
	s.begin()
	if len(s.rmark) != f.g.rows {
		s.rmark = make([]rowMark, f.g.rows)
	}
	sink := int32(f.g.cols)
	rv := f.reversed()
	s.mark[dst] = colMark{seen: 2 * s.epoch, pred: -1}
	s.q.push(dst, 0)
	f.drain(func(c, d int32) bool {
		s.settled = append(s.settled, c)
		f.expandBack(rv, c, d)
		return true
	})
	dstar := s.best
	if dstar == inf {
		panic("assign: no path back from a deficit; the flow state is inconsistent")
	}
	for _, v := range s.settled {
		if dv := s.mark[v].dist; dv < dstar {
			f.col[v].pot += dstar - dv
			f.potCeil = max(f.potCeil, f.col[v].pot)
		}
	}
	for _, rd := range s.rows {
		if dr := s.rmark[rd.row].dist; dr < dstar {
			f.row[rd.row].pot += dstar - dr
		}
	}
	// Walk from the excess found to dst, which is the order of the path.
	path := s.path[:0]
	v, row := int32(-1), int32(-1) // at placement v, or at candidate row
	switch t := s.target; {
	case t == sink:
		f.balT--
		if next := s.predT; next >= 0 {
			path = append(path, step{stepSinkRow, next, 0})
			row = next
		} else {
			v = -next - 1
		}
	case t >= sinkRowBase: // a pending candidate
		row = t - sinkRowBase
	default: // a placement holding more than its seats
		f.col[t].ph++
		path = append(path, step{stepColRow, s.bestPred, t})
		row = s.bestPred
	}
	for {
		if row >= 0 {
			v = s.rmark[row].via
			path = append(path, step{stepRowCol, row, v})
			row = -1
			continue
		}
		if v == dst {
			break
		}
		row = s.mark[v].pred
		path = append(path, step{stepColRow, row, v})
	}
	f.col[dst].ph--
	f.move(path)
	s.path = path
	// A candidate can be reached along each of its pairs, so the update
	// above may leave the arc that carries its unit slack. Raising its
	// potential to make that arc tight again only makes its other arcs
	// costlier, so it is always allowed, and it keeps every assigned pair
	// tight: the prices then certify the allocation (see Allocation).
	for _, c := range s.settled {
		cs := f.col[c]
		for _, h := range f.holders[f.hbase[c] : f.hbase[c]+cs.hold] {
			f.row[h.row].pot = h.score + cs.pot
		}
	}
	for _, rd := range s.rows {
		if f.row[rd.row].match == rowBypass {
			f.row[rd.row].pot = f.potT
		}
	}
}

// sinkRowBase offsets a pending candidate's index in search.target, so that
// it cannot be taken for a placement or the sink.
const sinkRowBase = 1 << 30

// expandBack scans the residual arcs into a settled placement c, backwards:
// from the sink while c sends it flow, and from every candidate who has a
// pair with c and does not hold a seat there.
func (f *flow) expandBack(rv *reverse, c, d int32) {
	pc := f.col[c].pot
	if cs := f.col[c]; cs.hold+cs.ph > 0 {
		f.backToSink(d+f.potT-pc, -c-1)
	}
	for _, p := range rv.pairs[rv.start[c]:rv.start[c+1]] {
		if m := f.row[p.row].match; m != c && m != rowOut {
			f.backToRow(p.row, d-p.score+f.row[p.row].pot-pc, c)
		}
	}
}

// backToRow reaches candidate r at distance d, r moving to placement via;
// r's own unit then comes from its seat, its bypass, or r is the excess.
func (f *flow) backToRow(r, d, via int32) {
	s := &f.search
	if d >= s.best {
		return
	}
	rm := &s.rmark[r]
	if rm.seen == s.epoch && d >= rm.dist {
		return
	}
	if rm.seen != s.epoch {
		s.rows = append(s.rows, rowDist{row: r})
	}
	*rm = rowMark{seen: s.epoch, dist: d, via: via}
	switch m := f.row[r].match; {
	case m == rowPending:
		s.best, s.target = d, sinkRowBase+r
	case m == rowBypass:
		f.backToSink(d+f.potT-f.row[r].pot, r)
	default:
		f.backToCol(m, d+f.matchScore(r)+f.col[m].pot-f.row[r].pot, r)
	}
}

// backToCol reaches placement m at distance d, candidate r leaving it.
func (f *flow) backToCol(m, d, r int32) {
	s := &f.search
	if d >= s.best {
		return
	}
	if f.col[m].ph < 0 {
		s.best, s.target, s.bestPred = d, m, r
		return
	}
	mk := &s.mark[m]
	if mk.seen>>1 == s.epoch && d >= mk.dist {
		return
	}
	*mk = colMark{seen: 2 * s.epoch, dist: d, pred: r}
	s.q.push(m, d)
}

// backToSink reaches the sink at distance d, along candidate next's bypass
// (next >= 0) or its arc to placement -next-1. The sink has excess here, so
// it ends the search.
func (f *flow) backToSink(d, next int32) {
	s := &f.search
	if d < s.best && f.balT > 0 {
		s.best, s.target, s.predT = d, int32(f.g.cols), next
	}
}
