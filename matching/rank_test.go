package matching

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"sync"
	"testing"
)

// rankOffices are randomized offices to hold the rankings against scoring
// every pair: the office generator, the varied one with several seeds,
// with and without a classification of occupations, with other weights, and
// with placements whose terms and codes do not fit a slot inline and a
// likeness of many credits (which the skills table cannot hold) or of more
// than full credit; and views that do not share availabilities.
func rankOffices() []struct {
	name string
	ix   *Index
} {
	long := func(seed uint64, opt Options) *Index {
		tax, voc := variedTaxonomy()
		cands, places := variedRecords(50, 240, seed, voc)
		for i := range places {
			if i%3 == 0 {
				p := &places[i]
				p.SkillsRequired = append(p.SkillsRequired, voc.general[i%len(voc.general)], voc.areas[i%len(voc.areas)].terms[i%7])
				p.SkillsTrained = append(p.SkillsTrained, voc.areas[(i+1)%len(voc.areas)].terms...)
				p.Occupations = append(p.Occupations, voc.areas[i%len(voc.areas)].codes...)
				p.Occupations = append(p.Occupations, voc.areas[(i+3)%len(voc.areas)].codes...)
			}
		}
		opt.Today = "2026-11-23"
		ix := NewIndex(tax, cands, places, opt)
		ix.availAt = nil // and each view works its availability out itself
		return ix
	}
	manyCredits := func(a, b string) (float64, string, string) {
		x, _ := strconv.Atoi(a)
		y, _ := strconv.Atoi(b)
		return float64((x*31+y*17)%97) / 96, KindField, ""
	}
	moreThanFull := func(a, b string) (float64, string, string) {
		if a == b {
			return 1.25, KindSame, ""
		}
		return variedLikeness(a, b)
	}
	offices := []struct {
		name string
		ix   *Index
	}{
		{"office", office(40, 240)},
		{"long lists", long(21, Options{})},
		{"long lists, many credits", long(22, Options{Occupations: manyCredits})},
		{"more than full credit", variedOffice(40, 200, 23, Options{Occupations: moreThanFull})},
	}
	for seed := range uint64(4) {
		opt := Options{}
		if seed%2 == 1 {
			opt.Occupations = variedLikeness
		}
		if seed == 2 {
			opt.Weights = Weights{Skills: 0.2, Language: 0.5, Schedule: 0.3}
		}
		offices = append(offices, struct {
			name string
			ix   *Index
		}{fmt.Sprintf("varied seed %d", seed), variedOffice(40, 240, 30+seed, opt)})
	}
	return offices
}

// bruteRank scores every pair of candidate c and ranks them as
// RankPlacements promises: included and excluded apart, by score and then
// ref.
func bruteRank(ix *Index, c int) (included, excluded []Result) {
	for p := range ix.placements {
		if r := ix.Score(c, p); r.Excluded {
			excluded = append(excluded, r)
		} else {
			included = append(included, r)
		}
	}
	for _, rows := range [][]Result{included, excluded} {
		slices.SortFunc(rows, func(a, b Result) int {
			if a.Total != b.Total {
				return b.Total - a.Total
			}
			return cmp.Compare(ix.placements[a.Placement].Ref, ix.placements[b.Placement].Ref)
		})
	}
	return included, excluded
}

func firstRows(rows []Result, top int) []Result {
	if top > 0 && len(rows) > top {
		return rows[:top]
	}
	return rows
}

func TestRank_PlacementsEqualScoringEveryPair(t *testing.T) {
	offices := rankOffices()
	// The offices reach what they are there for.
	if inline := func(ix *Index) bool {
		for _, s := range ix.slots {
			if !s.inline {
				return false
			}
		}
		return true
	}; inline(offices[1].ix) || offices[2].ix.table != nil || offices[3].ix.maxSkills <= 100 {
		t.Fatal("the offices no longer cover slots that are not inline, skills without a table, or more than full credit")
	}
	for _, o := range offices {
		ix := o.ix
		for c := range ix.candidates {
			included, excluded := bruteRank(ix, c)
			for _, top := range []int{1, 3, 10, 0} {
				for _, withExcluded := range []bool{false, true} {
					got := ix.RankPlacements(c, top, withExcluded)
					wantIncluded, wantExcluded := firstRows(included, top), firstRows(excluded, top)
					if !withExcluded {
						wantExcluded = nil
					}
					if got.IncludedTotal != len(included) || !reflect.DeepEqual(got.Included, wantIncluded) || !reflect.DeepEqual(got.Excluded, wantExcluded) {
						t.Fatalf("%s: candidate %d top %d excluded %v: %d included of %d, rows %v / %v, want %v / %v", o.name, c, top,
							withExcluded, got.IncludedTotal, len(included), rowsOf(got.Included), rowsOf(got.Excluded), rowsOf(wantIncluded), rowsOf(wantExcluded))
					}
				}
			}
		}
	}
}

func TestRank_CandidatesEqualScoringEveryPair(t *testing.T) {
	for _, o := range rankOffices() {
		ix := o.ix
		for p := 0; p < len(ix.placements); p += 5 {
			var included, excluded []Result
			for c := range ix.candidates {
				if r := ix.Score(c, p); r.Excluded {
					excluded = append(excluded, r)
				} else {
					included = append(included, r)
				}
			}
			for _, rows := range [][]Result{included, excluded} {
				slices.SortFunc(rows, func(a, b Result) int {
					if a.Total != b.Total {
						return b.Total - a.Total
					}
					return cmp.Compare(ix.candidates[a.Candidate].Ref, ix.candidates[b.Candidate].Ref)
				})
			}
			got := ix.RankCandidates(p, 4, true)
			if got.IncludedTotal != len(included) || !reflect.DeepEqual(got.Included, included[:min(4, len(included))]) ||
				!reflect.DeepEqual(got.Excluded, excluded[:min(4, len(excluded))]) {
				t.Fatalf("%s: placement %d: %d included, rows %v / %v", o.name, p, got.IncludedTotal, rowsOf(got.Included), rowsOf(got.Excluded))
			}
		}
	}
}

// TopPairs keeps, per candidate, the k best pairs that may be assigned
// (included, a free seat, above zero), the lower placement index first on
// equal scores: exactly those, whatever the pruning.
func TestTopPairs_EqualScoringEveryPair(t *testing.T) {
	for _, o := range rankOffices() {
		ix := o.ix
		// Each candidate's pairs that may be assigned, best first.
		allowed := make([][]Pair, len(ix.candidates))
		for c := range ix.candidates {
			for p := range ix.placements {
				if r := ix.Score(c, p); !r.Excluded && r.Total > 0 && ix.placements[p].FreeSeats > 0 {
					allowed[c] = append(allowed[c], Pair{Candidate: int32(c), Placement: int32(p), Score: int32(r.Total)})
				}
			}
			slices.SortFunc(allowed[c], func(a, b Pair) int {
				if a.Score != b.Score {
					return cmp.Compare(b.Score, a.Score)
				}
				return cmp.Compare(a.Placement, b.Placement)
			})
		}
		for _, k := range []int{1, 4, 10, 0} {
			var want []Pair
			for _, mine := range allowed {
				if k > 0 {
					mine = mine[:min(k, len(mine))]
				}
				mine = slices.Clone(mine)
				slices.SortFunc(mine, func(a, b Pair) int { return cmp.Compare(a.Placement, b.Placement) })
				want = append(want, mine...)
			}
			if got := ix.TopPairs(k); !slices.Equal(got, want) {
				t.Fatalf("%s: TopPairs(%d) gives %d pairs, want %d; first difference at %d", o.name, k, len(got), len(want), firstDifference(got, want))
			}
		}
	}
}

// The ranking loops work a pair out through a candidate's view and a slot;
// every part of it must be what Score works out directly.
func TestView_EveryPairAsScoreWorksItOut(t *testing.T) {
	for _, o := range rankOffices() {
		ix := o.ix
		v := ix.newView()
		for c := range ix.candidates {
			v.reset(c)
			pc := &ix.cands[c]
			for k := range ix.classes {
				cl := &ix.classes[k]
				mf := &v.mins[cl.minAt]
				for _, full := range []bool{false, true} {
					mask := v.mask(cl, full)
					for i := cl.lo; i < cl.hi; i++ {
						s := &ix.slots[i]
						p := int(s.index)
						f := ix.factsOf(c, p, true)
						excluded := pc.excluded != 0 || v.overlap[cl.schedAt] == 0 || s.gate&mask != 0 || s.minMinutes > v.overlap[cl.schedAt]
						wantExcluded := f.excluded != 0 || full && ix.placements[p].FreeSeats <= 0
						if got := v.skills(s, i); got != f.skills || excluded != wantExcluded || v.language(s, mf) != f.lang.hundredths ||
							int(v.sched[cl.schedAt]) != f.schedule || int(v.overlap[cl.schedAt]) != f.overlap {
							t.Fatalf("%s: pair %d, %d: view skills %d excluded %v language %d schedule %d; Score's %d %v %d %d",
								o.name, c, p, got, excluded, v.language(s, mf), v.sched[cl.schedAt], f.skills, wantExcluded, f.lang.hundredths, f.schedule)
						}
					}
				}
			}
		}
	}
}

func rowsOf(rs []Result) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = fmt.Sprintf("%d:%d", r.Placement, r.Total)
	}
	return out
}

func firstDifference(a, b []Pair) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// skillsNeeded may only ever say too little: a pair with the skills it
// names must be able to reach the total, whatever the weights.
func TestSkillsNeeded_NeverAboveTheLeastThatReaches(t *testing.T) {
	for _, w := range []Weights{DefaultWeights(), {Skills: 0.3, Language: 0.3, Schedule: 0.4}, {Skills: 1e-9, Language: 1, Schedule: 1},
		{Skills: 1, Language: 0, Schedule: 0}, {Skills: 0, Language: 1, Schedule: 1}, {Skills: 7, Language: 3, Schedule: 0.1}} {
		ix := NewIndex(nil, nil, nil, Options{Weights: w})
		for at := 0; at <= 1001; at += 7 {
			for language := 0; language <= 100; language += 3 {
				for schedule := 0; schedule <= 100; schedule += 11 {
					need := int(ix.skillsNeeded(at, language, schedule))
					least := 0
					for least <= ix.maxSkills && ix.totalOf(least, language, schedule) < at {
						least++
					}
					if need > least {
						t.Fatalf("weights %v, total %d, language %d, schedule %d: needs %d, but %d reaches it", w, at, language, schedule, need, least)
					}
				}
			}
		}
	}
}

// An Index is safe for concurrent use: its views come from a pool and the
// availabilities it shares are filled in by whoever needs them first.
func TestIndex_ConcurrentUseGivesTheSameResults(t *testing.T) {
	ix := variedOffice(60, 300, 41, Options{})
	want := make([]Ranking, len(ix.candidates))
	for c := range want {
		want[c] = ix.RankPlacements(c, 5, true)
	}
	wantPairs := ix.TopPairs(3)
	fresh := variedOffice(60, 300, 41, Options{})
	errs := make(chan string, 8)
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range len(want) {
				c := (k + 17*w) % len(want)
				if got := fresh.RankPlacements(c, 5, true); !reflect.DeepEqual(got, want[c]) {
					errs <- fmt.Sprintf("candidate %d ranked differently", c)
					return
				}
			}
			if !slices.Equal(fresh.TopPairs(3), wantPairs) {
				errs <- "top pairs differ"
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
