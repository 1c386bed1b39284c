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
	all := make([]ranked, len(ix.placements))
	for p := range ix.placements {
		total, excluded, _ := ix.evaluate(v, p)
		all[p] = ranked{p, total, excluded != 0}
	}
	return ix.finish(all, top, withExcluded, func(i int) string { return ix.placements[i].Ref },
		func(i int) Result { return ix.result(v, i, true) })
}

// RankCandidates ranks the candidates for placement p.
func (ix *Index) RankCandidates(p, top int, withExcluded bool) Ranking {
	v := ix.newView()
	all := make([]ranked, len(ix.candidates))
	for c := range ix.candidates {
		v.reset(c)
		total, excluded, _ := ix.evaluate(v, p)
		all[c] = ranked{c, total, excluded != 0}
	}
	return ix.finish(all, top, withExcluded, func(i int) string { return ix.candidates[i].Ref },
		func(i int) Result { return ix.Score(i, p) })
}

func (ix *Index) finish(all []ranked, top int, withExcluded bool, ref func(int) string, full func(int) Result) Ranking {
	better := func(a, b ranked) bool {
		if a.total != b.total {
			return a.total > b.total
		}
		return ref(a.index) < ref(b.index)
	}
	// Split in place: the included rows move to the front of all.
	var excluded []ranked
	included := all[:0]
	for _, r := range all {
		if !r.excluded {
			included = append(included, r)
		} else if withExcluded {
			excluded = append(excluded, r)
		}
	}
	out := Ranking{IncludedTotal: len(included)}
	for _, r := range best(included, top, better) {
		out.Included = append(out.Included, full(r.index))
	}
	for _, r := range best(excluded, top, better) {
		out.Excluded = append(out.Excluded, full(r.index))
	}
	return out
}

// best orders the rows best first and keeps the first top of them (top <=
// 0: all). Only the rows kept are sorted: a bounded heap picks them first.
func best(rows []ranked, top int, better func(a, b ranked) bool) []ranked {
	order := func(a, b ranked) int {
		if better(a, b) {
			return -1
		}
		if better(b, a) {
			return 1
		}
		return 0
	}
	if top <= 0 || len(rows) <= top {
		slices.SortFunc(rows, order)
		return rows
	}
	heap := make([]ranked, 0, top) // the worst kept row on top
	down := func(i int) {
		for {
			l, r, worst := 2*i+1, 2*i+2, i
			if l < len(heap) && better(heap[worst], heap[l]) {
				worst = l
			}
			if r < len(heap) && better(heap[worst], heap[r]) {
				worst = r
			}
			if worst == i {
				return
			}
			heap[i], heap[worst] = heap[worst], heap[i]
			i = worst
		}
	}
	for _, r := range rows {
		if len(heap) < top {
			heap = append(heap, r)
			for i := len(heap) - 1; i > 0 && better(heap[(i-1)/2], heap[i]); i = (i - 1) / 2 {
				heap[i], heap[(i-1)/2] = heap[(i-1)/2], heap[i]
			}
			continue
		}
		if better(r, heap[0]) {
			heap[0] = r
			down(0)
		}
	}
	slices.SortFunc(heap, order)
	return heap
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
			for c := w; c < len(ix.candidates); c += workers {
				heap = heap[:0]
				v.reset(c)
				for p := range ix.placements {
					if ix.placements[p].FreeSeats <= 0 {
						continue
					}
					total, excluded, _ := ix.evaluate(v, p)
					if excluded != 0 || total <= 0 {
						continue
					}
					heap = pushTop(heap, Pair{Candidate: int32(c), Placement: int32(p), Score: int32(total)}, k)
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
