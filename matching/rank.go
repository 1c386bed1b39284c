package matching

import (
	"cmp"
	"runtime"
	"slices"
	"sync"
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
	v := ix.newView()
	v.reset(c)
	ref := func(i int) string { return ix.placements[i].Ref }
	better := func(a, b ranked) bool {
		if a.total != b.total {
			return a.total > b.total
		}
		return ref(a.index) < ref(b.index)
	}
	included := keeper{top: top, better: better}
	excluded := keeper{top: top, better: better}
	out := Ranking{}
	// Class by class: the language and schedule facts once per class, the
	// hard constraints per placement (bits), the skills only for a
	// placement that could still enter the kept ones.
	order := make([]classBound, len(ix.classes))
	for i, cl := range ix.classes {
		_, schedule := v.scheduleOf(cl.schedAt)
		order[i] = classBound{i, ix.totalOf(100, v.language(cl.langAt).hundredths, schedule)}
	}
	slices.SortFunc(order, func(a, b classBound) int { return cmp.Compare(b.bound, a.bound) })
	for _, cb := range order {
		cl := &ix.classes[cb.class]
		lang := v.language(cl.langAt)
		overlap, schedule := v.scheduleOf(cl.schedAt)
		bound := cb.bound
		for _, p32 := range cl.placements {
			p := int(p32)
			if ix.excludedIn(v, p, lang, overlap) != 0 {
				if withExcluded {
					excluded.add(ranked{p, ix.totalOf(ix.skills(v, p), lang.hundredths, schedule), true})
				}
				continue
			}
			out.IncludedTotal++
			if included.full() && bound < included.worst().total {
				continue
			}
			included.add(ranked{p, ix.totalOf(ix.skills(v, p), lang.hundredths, schedule), false})
		}
	}
	for _, r := range included.sorted() {
		out.Included = append(out.Included, ix.result(v, r.index, true))
	}
	for _, r := range excluded.sorted() {
		out.Excluded = append(out.Excluded, ix.result(v, r.index, true))
	}
	return out
}

// RankCandidates ranks the candidates for placement p.
func (ix *Index) RankCandidates(p, top int, withExcluded bool) Ranking {
	v := ix.newView()
	return ix.rank(len(ix.candidates), top, withExcluded, func(i int) string { return ix.candidates[i].Ref },
		func(i int) *view { v.reset(i); return v }, func(int) int { return p },
		func(i int) Result { return ix.Score(i, p) })
}

// rank scores n rows (placements for one candidate, or candidates for one
// placement) and keeps the best. A row whose total could not reach the
// kept ones even with full skills is not scored further.
func (ix *Index) rank(n, top int, withExcluded bool, ref func(int) string, viewOf func(int) *view,
	placementOf func(int) int, full func(int) Result) Ranking {
	better := func(a, b ranked) bool {
		if a.total != b.total {
			return a.total > b.total
		}
		return ref(a.index) < ref(b.index)
	}
	included := keeper{top: top, better: better}
	excluded := keeper{top: top, better: better}
	out := Ranking{}
	for i := range n {
		v, p := viewOf(i), placementOf(i)
		ex, language, schedule := ix.constraints(v, p)
		if ex != 0 {
			if withExcluded {
				excluded.add(ranked{i, ix.totalOf(ix.skills(v, p), language, schedule), true})
			}
			continue
		}
		out.IncludedTotal++
		if included.full() && ix.totalOf(100, language, schedule) < included.worst().total {
			continue
		}
		included.add(ranked{i, ix.totalOf(ix.skills(v, p), language, schedule), false})
	}
	for _, r := range included.sorted() {
		out.Included = append(out.Included, full(r.index))
	}
	for _, r := range excluded.sorted() {
		out.Excluded = append(out.Excluded, full(r.index))
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
// as pairs for Assign. The work is spread over the processors.
func (ix *Index) TopPairs(k int) []Pair {
	workers := runtime.GOMAXPROCS(0)
	chunks := make([][]Pair, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var heap []Pair
			v := ix.newView()
			order := make([]classBound, len(ix.classes))
			for c := w; c < len(ix.candidates); c += workers {
				heap = heap[:0]
				v.reset(c)
				// The placements come by class (same schedule and language
				// requirement), best bound first: once a class could not
				// reach the kept k even with full skills, no later one can.
				for i, cl := range ix.classes {
					_, schedule := v.scheduleOf(cl.schedAt)
					order[i] = classBound{i, ix.totalOf(100, v.language(cl.langAt).hundredths, schedule)}
				}
				slices.SortFunc(order, func(a, b classBound) int { return cmp.Compare(b.bound, a.bound) })
				for _, cb := range order {
					if k > 0 && len(heap) == k && int32(cb.bound) < heap[0].Score {
						break
					}
					cl := &ix.classes[cb.class]
					lang := v.language(cl.langAt)
					overlap, schedule := v.scheduleOf(cl.schedAt)
					for _, p32 := range cl.placements {
						p := int(p32)
						if ix.placements[p].FreeSeats <= 0 || ix.excludedIn(v, p, lang, overlap) != 0 {
							continue
						}
						total := ix.totalOf(ix.skills(v, p), lang.hundredths, schedule)
						if total <= 0 {
							continue
						}
						heap = pushTop(heap, Pair{Candidate: int32(c), Placement: int32(p), Score: int32(total)}, k)
					}
				}
				chunks[w] = append(chunks[w], heap...)
			}
		}()
	}
	wg.Wait()
	var out []Pair
	for _, ch := range chunks {
		out = append(out, ch...)
	}
	slices.SortFunc(out, func(a, b Pair) int {
		if a.Candidate != b.Candidate {
			return cmp.Compare(a.Candidate, b.Candidate)
		}
		return cmp.Compare(a.Placement, b.Placement)
	})
	return out
}

// classBound is a class of placements and the highest total any of them
// could reach with one candidate.
type classBound struct {
	class, bound int
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
