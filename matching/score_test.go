package matching

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

var testTaxonomy = NewTaxonomy([]TaxonomyTerm{
	{Term: "mat og servering"},
	{Term: "matlaging", Broader: "mat og servering", Synonyms: []string{"matlagning"}, Occupations: []string{"5120"}},
	{Term: "kokk", Broader: "mat og servering", Occupations: []string{"5120"}},
	{Term: "oppvask", Broader: "mat og servering"},
	{Term: "kjøkken", Broader: "mat og servering"},
	{Term: "lager og logistikk"},
	{Term: "varemottak", Broader: "lager og logistikk"},
	{Term: "plukk", Broader: "lager og logistikk"},
	{Term: "truckførerbevis", Broader: "lager og logistikk"},
	{Term: "renhold", Synonyms: []string{"rengjøring", "vask"}, Occupations: []string{"9112"}},
	{Term: "gulvvask", Broader: "renhold"},
	{Term: "hms"},
})

func cook() Candidate {
	return Candidate{Ref: "K-01", Norwegian: Norwegian{A2, A2}, Goals: []string{"kokk"},
		Skills: []string{"oppvask"}, Availability: MustParseSchedule("man-fre 08:00-13:00"), TargetHours: 37.5}
}

func kitchen() Placement {
	return Placement{Ref: "P-KJK-01", Title: "Kjøkkenassistent", Active: true, FreeSeats: 2,
		NorwegianMin: Norwegian{A2, A1}, SkillsTrained: []string{"matlaging", "hms"}, Occupations: []string{"9412"},
		Schedule: MustParseSchedule("man-fre 08:00-12:00")}
}

func warehouse() Placement {
	return Placement{Ref: "P-LAG-01", Title: "Lagermedarbeider", Active: true, FreeSeats: 3,
		NorwegianMin: Norwegian{A2, A2}, SkillsTrained: []string{"varemottak", "plukk"},
		Schedule: MustParseSchedule("man-fre 16:00-22:00")}
}

func TestScore_ContractExample(t *testing.T) {
	if got := DefaultWeights().total(Components{0.8, 1, 0.83}); got != 858 {
		t.Fatalf("0.8/1/0.83 gives %d tenths, want 858 (85.8)", got)
	}
}

func TestRank_TheCookToBeGetsTheMorningKitchenFirst(t *testing.T) {
	ix := NewIndex(testTaxonomy, []Candidate{cook()}, []Placement{warehouse(), kitchen()}, Options{})
	r := ix.RankPlacements(0, 10, true)
	if len(r.Included) != 1 || r.Included[0].Placement != 1 || len(r.Excluded) != 1 {
		t.Fatalf("ranking = %+v, want the kitchen first and the evening warehouse excluded", r)
	}
	k, w := r.Included[0], r.Excluded[0]
	if k.Total-w.Total < 300 || w.Reasons[0].Code != ReasonNoOverlap {
		t.Errorf("kitchen %d vs warehouse %d (%v): the right placement should win clearly", k.Total, w.Total, w.Reasons)
	}
	if k.HoursWeek != 20 || k.Components.Schedule != 0.88 {
		t.Errorf("kitchen covers %v h (schedule %v), want 20 h and 0.75·1 + 0.25·20/37.5 = 0.88", k.HoursWeek, k.Components.Schedule)
	}
	if !hasReason(k, ReasonOccupation, "5120", "5120", KindSame) && !hasReason(k, ReasonGoal, "kokk", "matlaging", KindRelated) {
		t.Errorf("kitchen reasons %v should link the goal kokk to cooking", k.Reasons)
	}
	if w.Components.Schedule != 0 {
		t.Errorf("evening warehouse schedule component = %v, want 0 for a morning person", w.Components.Schedule)
	}
}

func hasReason(r Result, code string, args ...string) bool {
	for _, reason := range r.Reasons {
		if reason.Code == code && (len(args) == 0 || slices.Equal(reason.Args, args)) {
			return true
		}
	}
	return false
}

func TestScore_EachHardConstraintExcludesWithItsReason(t *testing.T) {
	cases := []struct {
		name   string
		change func(*Candidate, *Placement)
		code   string
	}{
		{"placement paused", func(c *Candidate, p *Placement) { p.Active = false }, ReasonPlacementInactive},
		{"candidate closed", func(c *Candidate, p *Placement) { c.Closed = true }, ReasonCandidateClosed},
		{"placed elsewhere", func(c *Candidate, p *Placement) { c.Placed = true }, ReasonCandidatePlaced},
		{"unavailable", func(c *Candidate, p *Placement) { c.UnavailableTill = "2026-12-24" }, ReasonUnavailable},
		{"police certificate", func(c *Candidate, p *Placement) { p.RequiresPolice = true }, ReasonPolice},
		{"driver's licence", func(c *Candidate, p *Placement) { p.RequiresLicense = true }, ReasonLicense},
		{"hard Norwegian", func(c *Candidate, p *Placement) {
			p.NorwegianMin, p.NorwegianHard = Norwegian{B1, A2}, true
		}, ReasonNorwegianHard},
		{"minimum hours", func(c *Candidate, p *Placement) { p.MinHours = 25 }, ReasonMinHours},
		{"adaptation", func(c *Candidate, p *Placement) {
			c.AdaptationNeeds = []string{"fysisk"}
			p.AdaptationsOffered = []string{"arbeidstid"}
		}, ReasonAdaptation},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, p := cook(), kitchen()
			base := NewIndex(testTaxonomy, []Candidate{c}, []Placement{p}, Options{Today: "2026-11-23"}).Score(0, 0)
			if base.Excluded {
				t.Fatalf("the base pair is excluded: %v", base.Reasons)
			}
			tc.change(&c, &p)
			r := NewIndex(testTaxonomy, []Candidate{c}, []Placement{p}, Options{Today: "2026-11-23"}).Score(0, 0)
			if !r.Excluded || len(r.Reasons) == 0 || r.Reasons[0].Code != tc.code {
				t.Fatalf("excluded %v, reasons %v; want excluded with %s first", r.Excluded, r.Reasons, tc.code)
			}
			if r.Total <= 0 {
				t.Errorf("an excluded pair keeps its computed score; got %d", r.Total)
			}
		})
	}
}

func TestScore_SoftNorwegianCostsPerLevel(t *testing.T) {
	p := kitchen()
	p.NorwegianMin = Norwegian{B2, B1}
	var last float64 = -1
	for _, l := range []Level{NoLevel, A1, A2, B1, B2, C1} {
		c := cook()
		c.Norwegian = Norwegian{l, l}
		r := NewIndex(testTaxonomy, []Candidate{c}, []Placement{p}, Options{}).Score(0, 0)
		if r.Excluded || r.Components.Language < last {
			t.Fatalf("level %v: language %v after %v", l, r.Components.Language, last)
		}
		last = r.Components.Language
	}
	if last != 1 {
		t.Errorf("C1 against B2/B1 = %v, want 1", last)
	}
}

func TestScore_ValuedLanguageGivesCredit(t *testing.T) {
	p := kitchen()
	p.LanguagesValued = []string{"somali"}
	c := cook()
	without := NewIndex(testTaxonomy, []Candidate{c}, []Placement{p}, Options{}).Score(0, 0)
	c.Languages = []string{"somali"}
	with := NewIndex(testTaxonomy, []Candidate{c}, []Placement{p}, Options{}).Score(0, 0)
	if with.Components.Language <= without.Components.Language || !hasReason(with, ReasonValued, "somali") {
		t.Errorf("somali speaker %v vs not %v; reasons %v", with.Components.Language, without.Components.Language, with.Reasons)
	}
}

func TestScore_SynonymsAndCompoundsEarnCredit(t *testing.T) {
	p := Placement{Ref: "P", Title: "Renholder", Active: true, SkillsRequired: []string{"rengjøring"},
		Schedule: MustParseSchedule("man 08:00-12:00")}
	same := Candidate{Ref: "A", Skills: []string{"renhold"}, Availability: MustParseSchedule("man 08:00-12:00")}
	compound := Candidate{Ref: "B", Skills: []string{"flyrengjøring"}, Availability: MustParseSchedule("man 08:00-12:00")}
	none := Candidate{Ref: "C", Skills: []string{"plukk"}, Availability: MustParseSchedule("man 08:00-12:00")}
	ix := NewIndex(testTaxonomy, []Candidate{same, compound, none}, []Placement{p}, Options{})
	a, b, c := ix.Score(0, 0), ix.Score(1, 0), ix.Score(2, 0)
	if !(a.Components.Skills > b.Components.Skills && b.Components.Skills > c.Components.Skills) {
		t.Errorf("skills synonym %v > compound %v > unrelated %v expected", a.Components.Skills, b.Components.Skills, c.Components.Skills)
	}
	if !hasReason(a, ReasonRequiredMet, "renhold") || !hasReason(c, ReasonRequiredMissing, "renhold") {
		t.Errorf("reasons: %v / %v", a.Reasons, c.Reasons)
	}
}

// randomPair makes a random but valid candidate and placement.
func randomPair(rng *rand.Rand) (Candidate, Placement) {
	terms := []string{"matlaging", "kokk", "oppvask", "kjøkken", "varemottak", "plukk", "renhold", "gulvvask", "hms", "sveising"}
	pick := func(n int) []string {
		var out []string
		for range rng.IntN(n + 1) {
			out = append(out, terms[rng.IntN(len(terms))])
		}
		return out
	}
	sched := func() Schedule {
		start := 6 + rng.IntN(10)
		return MustParseSchedule(strings.Join([]string{"man-fre ", twoDigits(start), ":", []string{"00", "15", "30", "07"}[rng.IntN(4)],
			"-", twoDigits(start + 1 + rng.IntN(8)), ":00"}, ""))
	}
	c := Candidate{Ref: "K", Norwegian: Norwegian{Level(rng.IntN(7)), Level(rng.IntN(7))}, Skills: pick(3), Goals: pick(2),
		Availability: sched(), TargetHours: float64(rng.IntN(40)), Languages: []string{"arabisk"}[:rng.IntN(2)]}
	p := Placement{Ref: "P", Title: "Medarbeider", Active: true, FreeSeats: 1, NorwegianMin: Norwegian{Level(rng.IntN(7)), Level(rng.IntN(7))},
		SkillsRequired: pick(2), SkillsTrained: pick(3), Schedule: sched(), LanguagesValued: []string{"arabisk"}[:rng.IntN(2)]}
	return c, p
}

func scoreOne(c Candidate, p Placement) Result {
	return NewIndex(testTaxonomy, []Candidate{c}, []Placement{p}, Options{}).Score(0, 0)
}

func TestScore_Monotone(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 2000 {
		c, p := randomPair(rng)
		base := scoreOne(c, p)
		if base.Total < 0 || base.Total > 1000 {
			t.Fatalf("case %d: total %d out of range", i, base.Total)
		}
		higher := c
		higher.Norwegian = Norwegian{min(c.Norwegian.Oral+1, C2), c.Norwegian.Written}
		if r := scoreOne(higher, p); r.Components.Language < base.Components.Language {
			t.Fatalf("case %d: a higher level lowered language %v → %v", i, base.Components.Language, r.Components.Language)
		}
		wider := c
		wider.Availability = NewSchedule(append(c.Availability.Spans(), Span{Day: rng.IntN(7), Start: 6 * 60, End: 20 * 60}))
		if r := scoreOne(wider, p); r.Components.Schedule < base.Components.Schedule {
			t.Fatalf("case %d: more availability lowered schedule %v → %v", i, base.Components.Schedule, r.Components.Schedule)
		}
		if len(p.SkillsRequired) > 0 {
			skilled := c
			skilled.Skills = append(slices.Clone(c.Skills), p.SkillsRequired[0])
			if r := scoreOne(skilled, p); r.Components.Skills < base.Components.Skills {
				t.Fatalf("case %d: adding a required skill lowered skills %v → %v", i, base.Components.Skills, r.Components.Skills)
			}
		}
		if again := scoreOne(c, p); again.Total != base.Total {
			t.Fatalf("case %d: not deterministic", i)
		}
	}
}

func TestRank_TiesByRefAndExcludedLast(t *testing.T) {
	c := cook()
	a, b, x := kitchen(), kitchen(), kitchen()
	a.Ref, b.Ref, x.Ref = "P-B", "P-A", "P-0"
	x.Active = false
	ix := NewIndex(testTaxonomy, []Candidate{c}, []Placement{a, b, x}, Options{})
	r := ix.RankPlacements(0, 0, true)
	if len(r.Included) != 2 || ix.placements[r.Included[0].Placement].Ref != "P-A" || len(r.Excluded) != 1 {
		t.Fatalf("ranking = %+v", r)
	}
	if top := ix.RankPlacements(0, 1, false); len(top.Included) != 1 || top.IncludedTotal != 2 || top.Excluded != nil {
		t.Fatalf("top 1 = %+v", top)
	}
}

func TestTopPairs_KeepsTheBestKPerCandidate(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var cands []Candidate
	var places []Placement
	for range 40 {
		c, p := randomPair(rng)
		c.Ref = "K" + twoDigits(len(cands))
		p.Ref = "P" + twoDigits(len(places))
		cands, places = append(cands, c), append(places, p)
	}
	ix := NewIndex(testTaxonomy, cands, places, Options{})
	pairs := ix.TopPairs(3)
	for c := range cands {
		var mine []Pair
		for _, p := range pairs {
			if int(p.Candidate) == c {
				mine = append(mine, p)
			}
		}
		r := ix.RankPlacements(c, 3, false)
		var want []int32
		for _, res := range r.Included {
			if res.Total > 0 {
				want = append(want, int32(res.Total))
			}
		}
		var got []int32
		for _, p := range mine {
			got = append(got, p.Score)
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Fatalf("candidate %d: top pairs %v, ranking %v", c, got, want)
		}
	}
}

// bruteRanking scores every pair in full and sorts: the reference the
// pruned rankings must equal.
func bruteRanking(ix *Index, c int, top int) []Result {
	var all []Result
	for p := range ix.placements {
		if r := ix.Score(c, p); !r.Excluded {
			all = append(all, r)
		}
	}
	slices.SortFunc(all, func(a, b Result) int {
		if a.Total != b.Total {
			return b.Total - a.Total
		}
		return strings.Compare(ix.placements[a.Placement].Ref, ix.placements[b.Placement].Ref)
	})
	if top > 0 && len(all) > top {
		all = all[:top]
	}
	return all
}

func TestRank_PruningNeverChangesTheRanking(t *testing.T) {
	ix := office(60, 300)
	for c := range 60 {
		for _, top := range []int{1, 3, 10, 0} {
			got := ix.RankPlacements(c, top, false).Included
			want := bruteRanking(ix, c, top)
			if len(got) != len(want) {
				t.Fatalf("candidate %d top %d: %d rows, want %d", c, top, len(got), len(want))
			}
			for i := range got {
				if got[i].Placement != want[i].Placement || got[i].Total != want[i].Total {
					t.Fatalf("candidate %d top %d row %d: %d (%d), want %d (%d)", c, top, i,
						got[i].Placement, got[i].Total, want[i].Placement, want[i].Total)
				}
			}
		}
	}
	for p := range 20 {
		got := ix.RankCandidates(p, 5, false).Included
		var all []Result
		for c := range ix.candidates {
			if r := ix.Score(c, p); !r.Excluded {
				all = append(all, r)
			}
		}
		slices.SortFunc(all, func(a, b Result) int {
			if a.Total != b.Total {
				return b.Total - a.Total
			}
			return strings.Compare(ix.candidates[a.Candidate].Ref, ix.candidates[b.Candidate].Ref)
		})
		for i := range min(5, len(all)) {
			if got[i].Candidate != all[i].Candidate || got[i].Total != all[i].Total {
				t.Fatalf("placement %d row %d: candidate %d, want %d", p, i, got[i].Candidate, all[i].Candidate)
			}
		}
	}
	// Top pairs: each candidate's kept scores are the k best scores.
	pairs := ix.TopPairs(4)
	for c := range 60 {
		var got []int32
		for _, pr := range pairs {
			if int(pr.Candidate) == c {
				got = append(got, pr.Score)
			}
		}
		var want []int32
		for _, r := range bruteRanking(ix, c, 4) {
			if r.Total > 0 && ix.placements[r.Placement].FreeSeats > 0 {
				want = append(want, int32(r.Total))
			}
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Fatalf("candidate %d: top pairs %v, want %v", c, got, want)
		}
	}
}
