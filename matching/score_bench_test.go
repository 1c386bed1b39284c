package matching

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// office makes a deterministic office of n candidates and m placements
// with realistic variety: skills from a few work areas, split Norwegian
// levels, weekday schedules of several shapes.
func office(n, m int) *Index {
	rng := rand.New(rand.NewPCG(uint64(n), uint64(m)))
	terms := []string{"matlaging", "kokk", "oppvask", "kjøkken", "varemottak", "plukk", "truckførerbevis", "renhold", "gulvvask", "hms", "kundeservice", "kasse", "stell", "sveising", "excel"}
	pick := func(k int) []string {
		out := make([]string, 0, k)
		for range k {
			out = append(out, terms[rng.IntN(len(terms))])
		}
		return out
	}
	schedules := []Schedule{
		MustParseSchedule("man-fre 08:00-15:30"), MustParseSchedule("man-fre 08:00-12:00"),
		MustParseSchedule("man,ons,fre 09:00-14:00"), MustParseSchedule("tir-lør 10:00-18:00"),
		MustParseSchedule("man-fre 16:00-22:00"), MustParseSchedule("man-tor 07:00-13:00"),
	}
	cands := make([]Candidate, n)
	for i := range cands {
		cands[i] = Candidate{Ref: fmt.Sprintf("K-%06d", i), Norwegian: Norwegian{Level(1 + rng.IntN(5)), Level(1 + rng.IntN(5))},
			Skills: pick(1 + rng.IntN(4)), Goals: pick(1 + rng.IntN(2)), Availability: schedules[rng.IntN(len(schedules))],
			TargetHours: float64(rng.IntN(2)) * 37.5, PoliceCert: rng.IntN(4) == 0, Languages: []string{"arabisk", "somali", "polsk"}[rng.IntN(3):]}
	}
	places := make([]Placement, m)
	for i := range places {
		places[i] = Placement{Ref: fmt.Sprintf("P-%05d", i), Title: "Medarbeider", Active: true, FreeSeats: 1 + rng.IntN(10),
			NorwegianMin: Norwegian{Level(rng.IntN(4)), Level(rng.IntN(3))}, SkillsRequired: pick(rng.IntN(2)),
			SkillsTrained: pick(2 + rng.IntN(2)), Schedule: schedules[rng.IntN(len(schedules))],
			RequiresPolice: rng.IntN(8) == 0, LanguagesValued: []string{"arabisk", "somali"}[rng.IntN(2):]}
	}
	return NewIndex(testTaxonomy, cands, places, Options{Today: "2026-11-23"})
}

// BenchmarkScorePairs scores every pair of a 2 000 × 2 000 office and keeps
// each candidate's top 10 (pairs/s reported).
func BenchmarkScorePairs(b *testing.B) { benchmarkScorePairs(b, office(2000, 2000)) }

// BenchmarkScorePairsVaried is BenchmarkScorePairs on the varied office.
func BenchmarkScorePairsVaried(b *testing.B) {
	benchmarkScorePairs(b, variedOffice(2000, 2000, 1, Options{}))
}

func benchmarkScorePairs(b *testing.B, ix *Index) {
	b.ResetTimer()
	for b.Loop() {
		ix.TopPairs(10)
	}
	pairs := float64(len(ix.candidates) * len(ix.placements))
	b.ReportMetric(pairs*float64(b.N)/b.Elapsed().Seconds()/1e6, "Mpairs/s")
}

// BenchmarkRankOneCandidate ranks 20 000 placements for one candidate, top 10.
func BenchmarkRankOneCandidate(b *testing.B) { benchmarkRankOneCandidate(b, office(100, 20000)) }

// BenchmarkRankOneCandidateVaried is BenchmarkRankOneCandidate on the
// varied office.
func BenchmarkRankOneCandidateVaried(b *testing.B) {
	benchmarkRankOneCandidate(b, variedOffice(100, 20000, 1, Options{}))
}

func benchmarkRankOneCandidate(b *testing.B, ix *Index) {
	b.ResetTimer()
	i := 0
	for b.Loop() {
		ix.RankPlacements(i%len(ix.candidates), 10, false)
		i++
	}
}

// BenchmarkCity is the whole job at city scale: index 100 000 candidates and
// 20 000 placements, score every pair keeping each candidate's top 10,
// assign the seats exactly, and explain every unassigned candidate. It
// reports each step's seconds too.
func BenchmarkCity(b *testing.B) {
	benchmarkCity(b, func() *Index { return office(100_000, 20_000) })
}

// BenchmarkCityVaried is BenchmarkCity on the varied office.
func BenchmarkCityVaried(b *testing.B) {
	benchmarkCity(b, func() *Index { return variedOffice(100_000, 20_000, 1, Options{}) })
}

func benchmarkCity(b *testing.B, makeIndex func() *Index) {
	var steps [4]time.Duration
	step := func(i int, start time.Time) time.Time {
		now := time.Now()
		steps[i] += now.Sub(start)
		return now
	}
	for b.Loop() {
		t := time.Now()
		ix := makeIndex()
		t = step(0, t)
		pairs := ix.TopPairs(10)
		t = step(1, t)
		seats := make([]int32, len(ix.placements))
		for i, p := range ix.placements {
			seats[i] = int32(p.FreeSeats)
		}
		a := NewAssigner(AssignProblem{Candidates: len(ix.candidates), Seats: seats, Pairs: pairs})
		alloc := a.Solve()
		t = step(2, t)
		for c, p := range alloc.Placement {
			if p < 0 {
				a.Explain(int32(c))
			}
		}
		step(3, t)
	}
	for i, unit := range []string{"s-index/op", "s-toppairs/op", "s-assign/op", "s-explain/op"} {
		b.ReportMetric(steps[i].Seconds()/float64(b.N), unit)
	}
}
