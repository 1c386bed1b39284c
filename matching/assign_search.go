package matching

// augment runs one shortest-path search from a node with excess — the
// pending candidate srcRow, or else the placement or sink srcNode (index
// cols is the sink) — to the nearest node with a deficit, moves one unit
// along the path and updates the potentials so that every arc with room
// keeps a non-negative reduced cost.
func (f *flow) augment(srcNode, srcRow int32) {
	s := &f.search
	s.begin()
	sink := int32(f.g.cols)
	if srcRow >= 0 {
		f.reachRow(srcRow, 0)
	} else {
		s.seenC[srcNode], s.distC[srcNode], s.predC[srcNode] = s.epoch, 0, -1
		s.q.push(srcNode, 0)
	}
	for {
		v, d, ok := s.q.pop(s.best)
		if !ok {
			break
		}
		if s.doneC[v] == s.epoch || d != s.distC[v] {
			continue
		}
		s.doneC[v] = s.epoch
		s.settled = append(s.settled, v)
		if v == sink {
			f.expandSink(d)
		} else {
			f.expandCol(v, d)
		}
	}
	dstar := s.best
	if dstar == inf {
		panic("assign: no augmenting path; the flow state is inconsistent")
	}
	f.apply(srcNode, srcRow)
	for _, v := range s.settled {
		if dv := s.distC[v]; dv < dstar {
			if v == sink {
				f.potT += dv - dstar
			} else {
				f.potC[v] += dv - dstar
			}
		}
	}
	for _, r := range s.rows {
		if dr := s.distR[r]; dr < dstar {
			f.potR[r] += dr - dstar
		}
	}
}

func (s *search) begin() {
	s.epoch++
	if s.epoch == 0 { // wrapped: forget every old mark
		clear(s.seenC)
		clear(s.doneC)
		clear(s.seenR)
		s.epoch = 1
	}
	s.q.reset()
	s.settled = s.settled[:0]
	s.rows = s.rows[:0]
	s.best, s.target = inf, -1
}

// reachRow records that candidate r is reached at distance d through the
// one arc that carries its unit, and relaxes its outgoing arcs.
func (f *flow) reachRow(r, d int32) {
	s := &f.search
	s.seenR[r], s.distR[r] = s.epoch, d
	s.rows = append(s.rows, r)
	if d >= s.best {
		return
	}
	pr, m := f.potR[r], f.match[r]
	for _, e := range f.g.of(r) {
		if e.col != m {
			f.reachCol(e.col, d+pr-e.score-f.potC[e.col], r)
		}
	}
	if m != rowBypass {
		f.reachSink(d+pr-f.potT, r)
	}
}

// reachCol offers distance d to placement j, reached from candidate r
// (or from the sink when r is -1).
func (f *flow) reachCol(j, d, r int32) {
	s := &f.search
	if d >= s.best {
		return
	}
	if f.ph[j] > 0 {
		s.best, s.target, s.bestPred = d, j, r
		return
	}
	if s.seenC[j] == s.epoch && d >= s.distC[j] {
		return
	}
	s.seenC[j], s.distC[j], s.predC[j] = s.epoch, d, r
	s.q.push(j, d)
}

// reachSink offers distance d to the sink, reached along candidate r's
// bypass (r >= 0) or from placement -r-1.
func (f *flow) reachSink(d, via int32) {
	s := &f.search
	if d >= s.best {
		return
	}
	sink := int32(f.g.cols)
	if f.balT < 0 {
		s.best, s.target, s.predT = d, sink, via
		return
	}
	if s.seenC[sink] == s.epoch && d >= s.distC[sink] {
		return
	}
	s.seenC[sink], s.distC[sink], s.predT = s.epoch, d, via
	s.q.push(sink, d)
}

// expandCol scans the arcs out of a settled placement: to the sink while it
// has room, and back to each candidate holding one of its seats.
func (f *flow) expandCol(j, d int32) {
	if f.toSink(j) < f.cap[j] {
		f.reachSink(d+f.potC[j]-f.potT, -j-1)
	}
	pc := f.potC[j]
	base := f.hbase[j]
	for _, h := range f.holders[base : base+f.hold[j]] {
		f.reachRow(h, d+f.mscore[h]+pc-f.potR[h])
	}
}

// expandSink scans the arcs out of the settled sink: back to every
// placement that sends it flow, and back along every bypass in use.
func (f *flow) expandSink(d int32) {
	pt := f.potT
	for j := range int32(f.g.cols) {
		if f.toSink(j) > 0 {
			f.reachCol(j, d+pt-f.potC[j], -1)
		}
	}
	for _, k := range f.bypass {
		f.reachRow(k, d+pt-f.potR[k])
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
		f.ph[v]--
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
			if m := f.match[row]; m >= 0 {
				path = append(path, step{stepColRow, row, m})
				v, row = m, -1
				pred = s.predC[v]
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
			pred = s.predC[v]
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
			f.ph[srcNode]++
		}
	}
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
	s.path = path
}
