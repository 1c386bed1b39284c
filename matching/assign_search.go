package matching

// augment runs one shortest-path search from a node with excess — the
// pending candidate srcRow, or else the placement or sink srcNode (index
// cols is the sink) — to the nearest node with a deficit, moves one unit
// along the path and updates the potentials so that every arc with room
// keeps a non-negative reduced cost.
func (f *flow) augment(srcNode, srcRow int32) {
	s := &f.search
	s.begin()
	// The path may end at the sink even when the sink has no deficit: it
	// then takes the excess over, and the reverse searches of solve bring
	// it to the seats left empty. The searches stay small that way, where
	// passing through the sink would reach every unassigned candidate.
	s.sinkEnds = srcNode != int32(f.g.cols)
	sink := int32(f.g.cols)
	if srcRow >= 0 {
		f.reachRow(srcRow, 0)
	} else {
		f.seed(srcNode, -1)
	}
	f.drain(func(v, d int32) bool {
		s.settled = append(s.settled, v)
		if v == sink {
			f.expandSink(d)
		} else {
			f.expandCol(v, d)
		}
		return true
	})
	dstar := s.best
	if dstar == inf {
		panic("assign: no augmenting path; the flow state is inconsistent")
	}
	f.apply(srcNode, srcRow)
	for _, v := range s.settled {
		if dv := s.mark[v].dist; dv < dstar {
			if v == sink {
				f.potT += dv - dstar
			} else {
				f.col[v].pot += dv - dstar
			}
		}
	}
	for _, rd := range s.rows {
		if rd.dist < dstar {
			f.row[rd.row].pot += rd.dist - dstar
		}
	}
}

// drain pops the search queue in distance order below s.best, skipping
// settled nodes and stale entries, and hands each node it settles to visit,
// until visit returns false.
func (f *flow) drain(visit func(v, d int32) bool) {
	s := &f.search
	for {
		v, d, ok := s.q.pop(s.best)
		if !ok {
			return
		}
		mk := &s.mark[v]
		if mk.seen != 2*s.epoch || d != mk.dist {
			continue
		}
		mk.seen++
		if !visit(v, d) {
			return
		}
	}
}

// begin clears the scratch for a new search.
func (s *search) begin() {
	s.epoch++
	if s.epoch >= 1<<31 { // the marks would wrap: forget them all
		clear(s.mark)
		clear(s.rmark)
		s.epoch = 1
	}
	s.q.reset()
	s.settled = s.settled[:0]
	s.rows = s.rows[:0]
	s.best, s.target = inf, -1
	s.sinkEnds = false
}

// seed starts a search at placement or sink v, recording pred for the
// path walk.
func (f *flow) seed(v, pred int32) {
	s := &f.search
	s.mark[v] = colMark{seen: 2 * s.epoch, pred: pred}
	s.q.push(v, 0)
	if int(v) < f.g.cols {
		if c := &f.col[v]; c.hold+c.ph < c.cap {
			f.reachSink(c.pot-f.potT, -v-1)
		}
	}
}

// reachRow handles candidate r, reached at distance d through the one arc
// that carries its unit: it relaxes the candidate's outgoing arcs. A
// candidate at or beyond the nearest deficit found so far can lie on no
// shortest path and keeps its potential, so it is not even recorded.
func (f *flow) reachRow(r, d int32) {
	s := &f.search
	if d >= s.best {
		return
	}
	s.rows = append(s.rows, rowDist{r, d})
	rs := f.row[r]
	base := d + rs.pot
	// No placement's potential exceeds potCeil, so a pair scoring at most
	// cut reaches its placement no nearer than the nearest deficit found:
	// skipping it saves a visit to the placement's state.
	cut := int32(-1)
	if s.best < inf {
		cut = base - f.potCeil - s.best
	}
	for _, e := range f.g.edges[rs.lo:rs.hi] {
		if e.score() > cut && e.col() != rs.match {
			f.reachCol(e.col(), base-e.score()-f.col[e.col()].pot, r)
		}
	}
	if rs.match != rowBypass {
		f.reachSink(base-f.potT, r)
	}
}

// reachCol offers distance d to placement j, reached from candidate r
// (or from the sink when r is -1).
func (f *flow) reachCol(j, d, r int32) {
	s := &f.search
	if d >= s.best {
		return
	}
	if f.col[j].ph > 0 {
		s.best, s.target, s.bestPred = d, j, r
		return
	}
	mk := &s.mark[j]
	if mk.seen>>1 == s.epoch && d >= mk.dist {
		return
	}
	*mk = colMark{seen: 2 * s.epoch, dist: d, pred: r}
	s.q.push(j, d)
	// A placement with room reaches the sink at once: offering it now
	// rather than when j is settled tightens the bound that prunes the
	// search.
	if c := &f.col[j]; c.hold+c.ph < c.cap {
		f.reachSink(d+c.pot-f.potT, -j-1)
	}
}

// reachSink offers distance d to the sink, reached along candidate r's
// bypass (via >= 0) or from placement -via-1.
func (f *flow) reachSink(d, via int32) {
	s := &f.search
	if d >= s.best {
		return
	}
	sink := int32(f.g.cols)
	if f.balT < 0 || s.sinkEnds {
		s.best, s.target, s.predT = d, sink, via
		return
	}
	mk := &s.mark[sink]
	if mk.seen>>1 == s.epoch && d >= mk.dist {
		return
	}
	*mk = colMark{seen: 2 * s.epoch, dist: d}
	s.predT = via
	s.q.push(sink, d)
}

// expandCol scans the arcs out of a settled placement back to each
// candidate holding one of its seats. (Its arc to the sink, if it has room,
// was offered when it was reached.)
func (f *flow) expandCol(j, d int32) {
	c := f.col[j]
	base := d + c.pot
	hs := f.holders[f.hbase[j] : f.hbase[j]+c.hold]
	// Two passes: the first only loads what the holders' candidates will
	// need, with independent loads the processor overlaps; the second does
	// the work on warm caches. That halves the time at city scale.
	dist := f.search.hdist[:0]
	var touch int32
	for _, h := range hs {
		dist = append(dist, base+h.score-f.row[h.row].pot)
		touch += f.g.edges[h.lo].col()
	}
	f.search.touch += touch
	for k, h := range hs {
		f.reachRow(h.row, dist[k])
	}
	f.search.hdist = dist
}

// expandSink scans the arcs out of the settled sink: back to every
// placement that sends it flow, and back along every bypass in use.
func (f *flow) expandSink(d int32) {
	base := d + f.potT
	for j := range int32(f.g.cols) {
		if c := &f.col[j]; c.hold+c.ph > 0 {
			f.reachCol(j, base-c.pot, -1)
		}
	}
	for _, k := range f.bypass {
		f.reachRow(k, base-f.row[k].pot)
	}
}

// step is one arc of an augmenting path.
type step struct {
	kind int8
	row  int32
	col  int32
}

const (
	stepRowCol  int8 = iota // the candidate takes a seat at the placement
	stepColRow              // the candidate leaves its seat at the placement
	stepRowSink             // the candidate goes unassigned
	stepSinkRow             // the unassigned candidate is taken up
)

// apply walks the path of the finished search back from its target and
// moves one unit along it.
func (f *flow) apply(srcNode, srcRow int32) {
	s := &f.search
	sink := int32(f.g.cols)
	path := s.path[:0]
	// The node the walk is at: a placement or the sink (v >= 0, row < 0), or
	// a candidate (row >= 0).
	v, row := s.target, int32(-1)
	if v == sink {
		f.balT++
	} else {
		f.col[v].ph--
	}
	pred := s.bestPred
	if v == sink {
		pred = s.predT
	}
	for {
		if row >= 0 {
			if row == srcRow {
				break
			}
			if m := f.row[row].match; m >= 0 {
				path = append(path, step{stepColRow, row, m})
				v, row = m, -1
				pred = s.mark[v].pred
			} else {
				path = append(path, step{stepSinkRow, row, 0})
				v, row = sink, -1
				pred = s.predT
			}
			continue
		}
		if srcRow < 0 && v == srcNode {
			break
		}
		switch {
		case v == sink && pred >= 0: // along a bypass
			path = append(path, step{stepRowSink, pred, 0})
			row = pred
		case v == sink: // from a placement with room
			v = -pred - 1
			pred = s.mark[v].pred
		case pred >= 0: // a candidate took a seat at v
			path = append(path, step{stepRowCol, pred, v})
			row = pred
		default: // from the sink: v sends it one unit less
			v = sink
			pred = s.predT
		}
	}
	if srcRow < 0 {
		if srcNode == sink {
			f.balT--
		} else {
			f.col[srcNode].ph++
		}
	}
	f.move(path)
	s.path = path
}

// move carries out the steps of a path, in any order of the path.
func (f *flow) move(path []step) {
	// Departures first, then arrivals: a placement on the path gains one
	// holder and loses another, and must not hold both at once.
	for _, st := range path {
		switch st.kind {
		case stepColRow:
			f.removeHolder(st.col, st.row)
		case stepSinkRow:
			f.removeBypass(st.row)
		}
	}
	for _, st := range path {
		switch st.kind {
		case stepRowCol:
			sc, _ := f.g.score(st.row, st.col)
			f.addHolder(st.col, st.row, sc)
		case stepRowSink:
			f.addBypass(st.row)
		}
	}
}
