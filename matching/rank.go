package matching

import (
	"cmp"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// Ranking is a ranked list of pairs: the included ones best first (ties by
// ref, bytewise), and, when asked for, the excluded ones in the same order.
type Ranking struct {
	Included []Result
	Excluded []Result
	// IncludedTotal counts every included pair, also those beyond top.
	IncludedTotal int
}

type ranked struct {
	index    int
	total    int
	excluded bool
}

// RankPlacements ranks the placements for candidate c: at most top included
// ones (top <= 0: all), and, when withExcluded is set, the excluded ones
// (at most top of them too).
func (ix *Index) RankPlacements(c, top int, withExcluded bool) Ranking {
	v := ix.getView()
	defer ix.views.Put(v)
	v.reset(c)
	better := func(a, b ranked) bool {
		if a.total != b.total {
			return a.total > b.total
		}
		return ix.refRank[a.index] < ix.refRank[b.index]
	}
	included := keeper{top: top, better: better}
	excluded := keeper{top: top, better: better}
	out := Ranking{}
	// Class by class, best bound first: the schedule and language facts
	// once per class, the hard constraints per placement (bits), the skills
	// only for a placement that could still enter the kept ones. Every
	// placement is counted, so that IncludedTotal stays exact.
	v.bucket(false)
	candidateOut := ix.cands[c].excluded != 0
	for bound := int(v.top); bound >= 0; bound-- {
		v.expand(int32(bound))
		for c32 := v.head[bound]; c32 >= 0; c32 = v.next[c32] {
			cl := &ix.classes[c32]
			schedule, overlap := int(v.sched[cl.schedAt]), v.overlap[cl.schedAt]
			mask := v.mask(cl, false)
			allOut := candidateOut || overlap == 0
			if allOut && !withExcluded {
				continue
			}
			if !withExcluded && included.full() && bound < included.worst().total {
				// Nothing here can enter: only count.
				out.IncludedTotal += countIncluded(ix.gates[cl.lo:cl.hi], mask, overlap)
				continue
			}
			mf := &v.mins[cl.minAt]
			for i := cl.lo; i < cl.hi; i++ {
				s := &ix.slots[i]
				r := ranked{index: int(s.index), total: bound}
				if allOut || s.gate&mask != 0 || s.minMinutes > overlap {
					if withExcluded && excluded.mayEnter(r) {
						r.total, r.excluded = ix.totalOf(v.skills(s, i), v.language(s, mf), schedule), true
						excluded.add(r)
					}
					continue
				}
				out.IncludedTotal++
				if included.mayEnter(r) {
					r.total = ix.totalOf(v.skills(s, i), v.language(s, mf), schedule)
					included.add(r)
				}
			}
		}
	}
	for _, r := range included.sorted() {
		out.Included = append(out.Included, ix.Score(c, r.index))
	}
	for _, r := range excluded.sorted() {
		out.Excluded = append(out.Excluded, ix.Score(c, r.index))
	}
	return out
}

// getView gives a view of the index, reused when one is free.
func (ix *Index) getView() *view {
	if v, ok := ix.views.Get().(*view); ok {
		return v
	}
	return ix.newView()
}

// RankCandidates ranks the candidates for placement p. Each candidate's
// schedule, language and hard constraints against the one placement come
// first; their skills only when the pair could still enter the kept ones.
func (ix *Index) RankCandidates(p, top int, withExcluded bool) Ranking {
	better := func(a, b ranked) bool {
		if a.total != b.total {
			return a.total > b.total
		}
		return ix.candidates[a.index].Ref < ix.candidates[b.index].Ref
	}
	included := keeper{top: top, better: better}
	excluded := keeper{top: top, better: better}
	out := Ranking{}
	pp := &ix.places[p]
	for i := range ix.candidates {
		f := ix.factsOf(i, p, false)
		r := ranked{index: i, total: ix.totalOf(ix.maxSkills, f.lang.hundredths, f.schedule)}
		if f.excluded != 0 {
			if withExcluded && excluded.mayEnter(r) {
				r.total, r.excluded = ix.totalOf(ix.pairSkills(&ix.cands[i], pp), f.lang.hundredths, f.schedule), true
				excluded.add(r)
			}
			continue
		}
		out.IncludedTotal++
		if included.mayEnter(r) {
			r.total = ix.totalOf(ix.pairSkills(&ix.cands[i], pp), f.lang.hundredths, f.schedule)
			included.add(r)
		}
	}
	for _, r := range included.sorted() {
		out.Included = append(out.Included, ix.Score(r.index, p))
	}
	for _, r := range excluded.sorted() {
		out.Excluded = append(out.Excluded, ix.Score(r.index, p))
	}
	return out
}

// keeper keeps the best rows it is given, at most top of them (top <= 0:
// all); while keeping a few it holds them as a heap with the worst on top.
type keeper struct {
	top    int
	better func(a, b ranked) bool
	rows   []ranked
}

func (k *keeper) full() bool { return k.top > 0 && len(k.rows) == k.top }

// mayEnter reports whether a row whose total is at most r's could enter.
func (k *keeper) mayEnter(r ranked) bool { return !k.full() || k.better(r, k.worst()) }

// worst is the worst row kept; only while full.
func (k *keeper) worst() ranked { return k.rows[0] }

func (k *keeper) add(r ranked) {
	if k.top <= 0 {
		k.rows = append(k.rows, r)
		return
	}
	if len(k.rows) < k.top {
		k.rows = append(k.rows, r)
		for i := len(k.rows) - 1; i > 0 && k.better(k.rows[(i-1)/2], k.rows[i]); i = (i - 1) / 2 {
			k.rows[i], k.rows[(i-1)/2] = k.rows[(i-1)/2], k.rows[i]
		}
		return
	}
	if !k.better(r, k.rows[0]) {
		return
	}
	k.rows[0] = r
	for i := 0; ; {
		l, rr, worst := 2*i+1, 2*i+2, i
		if l < len(k.rows) && k.better(k.rows[worst], k.rows[l]) {
			worst = l
		}
		if rr < len(k.rows) && k.better(k.rows[worst], k.rows[rr]) {
			worst = rr
		}
		if worst == i {
			return
		}
		k.rows[i], k.rows[worst] = k.rows[worst], k.rows[i]
		i = worst
	}
}

// sorted is the rows kept, best first.
func (k *keeper) sorted() []ranked {
	slices.SortFunc(k.rows, func(a, b ranked) int {
		switch {
		case k.better(a, b):
			return -1
		case k.better(b, a):
			return 1
		}
		return 0
	})
	return k.rows
}

// Candidates and Placements give the indexed values back.
func (ix *Index) Candidates() []Candidate { return ix.candidates }

// Placements gives the indexed placements.
func (ix *Index) Placements() []Placement { return ix.placements }

// TopPairs gives, for every candidate, the top k placements they may be
// assigned to (included, with a free seat, score above zero; k <= 0: all),
// as pairs for Assign, sorted by candidate and then placement. On equal
// scores the lower placement index is kept. The candidates are handed out
// to the processors in small chunks, so that none waits for another.
func (ix *Index) TopPairs(k int) []Pair {
	const chunk = 64
	n := len(ix.candidates)
	chunks := make([][]Pair, (n+chunk-1)/chunk)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(chunks)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v := ix.getView()
			defer ix.views.Put(v)
			var heap []Pair
			for {
				lo := int(next.Add(chunk)) - chunk
				if lo >= n {
					return
				}
				var out []Pair
				for c := lo; c < min(n, lo+chunk); c++ {
					heap = ix.topFor(v, c, k, heap[:0])
					slices.SortFunc(heap, func(a, b Pair) int { return cmp.Compare(a.Placement, b.Placement) })
					out = append(out, heap...)
				}
				chunks[lo/chunk] = out
			}
		}()
	}
	wg.Wait()
	size := 0
	for _, ch := range chunks {
		size += len(ch)
	}
	out := make([]Pair, 0, size)
	for _, ch := range chunks {
		out = append(out, ch...)
	}
	return out
}

// topFor keeps candidate c's top k pairs in heap (see TopPairs). The
// placements come by class, best bound first: once a class could not reach
// the kept k even with full skills, no later one can; and in a class whose
// bound only ties the worst kept pair, only placements with a lower index
// could still enter.
func (ix *Index) topFor(v *view, c, k int, heap []Pair) []Pair {
	if ix.cands[c].excluded != 0 {
		return heap
	}
	v.reset(c)
	v.bucket(true)
	full := false
	var worst Pair // the worst kept, while full
	for bound := v.top; bound >= 0; bound-- {
		if full && bound < worst.Score {
			break
		}
		v.expand(bound)
		for c32 := v.head[bound]; c32 >= 0; c32 = v.next[c32] {
			cl := &ix.classes[c32]
			schedule, overlap := int(v.sched[cl.schedAt]), v.overlap[cl.schedAt]
			mask := v.mask(cl, true)
			mf := &v.mins[cl.minAt]
			// The skills a placement of the class needs to enter.
			language := v.classLanguage(cl)
			least := int32(1)
			if full {
				least = worst.Score
			}
			need := ix.skillsNeeded(int(least), language, schedule)
			for i := cl.lo; i < cl.hi; i++ {
				s := &ix.slots[i]
				if full && (bound < worst.Score || bound == worst.Score && s.index > worst.Placement) {
					break
				}
				// Excluded, or short of skills: one test.
				if uint32(s.gate&mask)|uint32((overlap-s.minMinutes)>>31)|uint32((v.slotBound(s)-need)>>31) != 0 {
					continue
				}
				skills := v.skills(s, i)
				if int32(skills) < need {
					continue
				}
				total := int32(ix.totalOf(skills, v.language(s, mf), schedule))
				if total <= 0 {
					continue
				}
				p := Pair{Candidate: int32(c), Placement: s.index, Score: total}
				if full && !worse(worst, p) {
					continue
				}
				heap = pushTop(heap, p, k)
				if k > 0 && len(heap) == k {
					if !full || heap[0].Score != worst.Score {
						need = ix.skillsNeeded(int(heap[0].Score), language, schedule)
					}
					full, worst = true, heap[0]
				}
			}
		}
	}
	return heap
}

// worse orders pairs for keeping the best: lower score first, and on equal
// scores the higher placement index (which loses ties).
func worse(a, b Pair) bool {
	if a.Score != b.Score {
		return a.Score < b.Score
	}
	return a.Placement > b.Placement
}

// pushTop keeps the k best pairs in a min-heap (k <= 0: keep all).
func pushTop(h []Pair, x Pair, k int) []Pair {
	if k <= 0 || len(h) < k {
		h = append(h, x)
		for i := len(h) - 1; i > 0; {
			parent := (i - 1) / 2
			if !worse(h[i], h[parent]) {
				break
			}
			h[i], h[parent] = h[parent], h[i]
			i = parent
		}
		return h
	}
	if !worse(h[0], x) {
		return h
	}
	h[0] = x
	for i := 0; ; {
		l, r, small := 2*i+1, 2*i+2, i
		if l < len(h) && worse(h[l], h[small]) {
			small = l
		}
		if r < len(h) && worse(h[r], h[small]) {
			small = r
		}
		if small == i {
			break
		}
		h[i], h[small] = h[small], h[i]
		i = small
	}
	return h
}

// skillsNeeded is at most the lowest skills component with which a pair
// reaches total at, given its language and schedule components: estimated
// from the weights, and lowered while totalOf says one less would do. It
// only keeps pairs from being worked out; their totals are exact.
func (ix *Index) skillsNeeded(at, language, schedule int) int32 {
	s := 0
	if ix.wSkills > 0 {
		rest := float64(at) - 0.5 - ix.wLanguage*float64(language) - ix.wSchedule*float64(schedule)
		s = int(min(max(math.Ceil(rest/ix.wSkills), 0), float64(ix.maxSkills+1)))
	}
	for s > 0 && ix.totalOf(s-1, language, schedule) >= at {
		s--
	}
	return int32(s)
}

// countIncluded counts the gates (see Index.gates) that let a pair through:
// none of mask's bits, and a minimum of minutes within overlap. The two
// tests are one comparison, so that counting does not branch.
func countIncluded(gates []uint32, mask uint16, overlap int32) int {
	n, within := 0, uint64(overlap)
	for _, g := range gates {
		if uint64(g&uint32(mask))<<32|uint64(g>>16) <= within {
			n++
		}
	}
	return n
}
