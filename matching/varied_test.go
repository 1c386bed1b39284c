package matching

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// variedTaxonomy is a taxonomy shaped like the built-in one: 16 work areas,
// each with 3 broader terms of 5 narrower ones, and a flat area of general
// working-life skills; some terms have a synonym, the broader terms and
// some narrower ones name occupations (codes of one area share their first
// digits, as STYRK-08 groups do). 320 terms in all.
func variedTaxonomy() (*Taxonomy, variedVocabulary) {
	var terms []TaxonomyTerm
	var voc variedVocabulary
	for a := range variedAreas {
		root := fmt.Sprintf("fag%02d", a)
		terms = append(terms, TaxonomyTerm{Term: root})
		var area variedArea
		for g := range 3 {
			code := fmt.Sprintf("%d%d%d%d", 1+a%9, a/9, g, 1)
			group := fmt.Sprintf("fag%02dgren%d", a, g)
			terms = append(terms, TaxonomyTerm{Term: group, Broader: root, Occupations: []string{code}})
			area.terms = append(area.terms, group)
			area.codes = append(area.codes, code)
			for t := range 5 {
				leaf := TaxonomyTerm{Term: fmt.Sprintf("fag%02dgren%dledd%d", a, g, t), Broader: group}
				if t%3 == 0 {
					leaf.Synonyms = []string{leaf.Term + "x"}
				}
				if t%2 == 1 {
					leaf.Occupations = []string{code[:3] + fmt.Sprint(2+t/2)}
				}
				terms = append(terms, leaf)
				area.terms = append(area.terms, leaf.Term)
			}
		}
		voc.areas = append(voc.areas, area)
	}
	terms = append(terms, TaxonomyTerm{Term: "arbeidsliv"})
	for t := range variedGeneral {
		term := fmt.Sprintf("arbeidsliv%02d", t)
		terms = append(terms, TaxonomyTerm{Term: term, Broader: "arbeidsliv"})
		voc.general = append(voc.general, term)
	}
	return NewTaxonomy(terms), voc
}

const (
	variedAreas     = 16
	variedGeneral   = 15
	variedSchedules = 100
)

type variedArea struct {
	terms []string // broader and narrower terms
	codes []string // the broader terms' occupations
}

type variedVocabulary struct {
	areas   []variedArea
	general []string
}

// variedOffice makes a deterministic office of n candidates and m
// placements, more varied than office: the taxonomy of variedTaxonomy,
// placements in one work area each (skewed: some areas are common), a
// hundred weekly schedules (a few off the quarter-hour grid), Norwegian
// minimums by area and some of them hard, valued languages, police
// certificates, driver's licences, adaptations, minimum hours, full and
// paused placements; candidates whose skills and goals lean to one or two
// areas, some with occupation goals, some closed, placed or unavailable.
func variedOffice(n, m int, seed uint64, opt Options) *Index {
	tax, voc := variedTaxonomy()
	cands, places := variedRecords(n, m, seed, voc)
	if opt.Today == "" {
		opt.Today = "2026-11-23"
	}
	return NewIndex(tax, cands, places, opt)
}

func variedRecords(n, m int, seed uint64, voc variedVocabulary) ([]Candidate, []Placement) {
	rng := rand.New(rand.NewPCG(seed, uint64(n)<<32|uint64(m)))
	skewed := func(k int) int { u := rng.Float64(); return int(u * u * float64(k)) }
	chance := func(p float64) bool { return rng.Float64() < p }
	languages := []string{"arabisk", "somali", "polsk", "urdu", "tigrinja", "litauisk", "persisk", "tamil",
		"ukrainsk", "engelsk", "spansk", "vietnamesisk"}
	adaptations := []string{"arbeidstid", "fysisk", "arbeidshverdagen", "språk"}
	days := []string{"man-fre", "man-tor", "tir-fre", "man,ons,fre", "tir,tor", "tir-lør", "lør,søn", "man-ons",
		"ons-fre", "man-fre", "man-fre", "man-tor"}
	clock := func(min int) string { return twoDigits(min/60) + ":" + twoDigits(min%60) }
	schedule := func(minHours, maxHours int, offGrid bool) string {
		start := 6*60 + 30*rng.IntN(22)
		end := min(start+60*minHours+30*rng.IntN(2*(maxHours-minHours)+1), 23*60+30)
		if offGrid {
			end -= 10
		}
		text := days[rng.IntN(len(days))] + " " + clock(start) + "-" + clock(end)
		if chance(0.15) {
			text += "; lør " + clock(9*60+60*rng.IntN(3)) + "-" + clock(14*60+60*rng.IntN(3))
		}
		return text
	}
	distinct := func(k, minHours, maxHours int) []Schedule {
		seen := map[string]bool{}
		var out []Schedule
		for len(out) < k {
			text := schedule(minHours, maxHours, chance(0.04))
			if s := MustParseSchedule(text); !seen[s.String()] {
				seen[s.String()] = true
				out = append(out, s)
			}
		}
		return out
	}
	placementSchedules := distinct(variedSchedules, 3, 8)
	availabilities := distinct(40, 4, 10)

	// Each area has its own Norwegian minimum, shares of police
	// certificates and driver's licences, and languages it values.
	type areaHabits struct {
		norwegian       Level
		police, license float64
		valued          []string
	}
	habits := make([]areaHabits, len(voc.areas))
	for a := range habits {
		habits[a] = areaHabits{norwegian: Level(rng.IntN(5)), police: []float64{0, 0.1, 0.8}[rng.IntN(3)],
			license: []float64{0, 0.05, 0.3}[rng.IntN(3)]}
		for _, i := range rng.Perm(len(languages))[:4] {
			habits[a].valued = append(habits[a].valued, languages[i])
		}
	}
	pickFrom := func(list []string, k int) []string {
		out := make([]string, 0, k)
		for range k {
			out = append(out, list[rng.IntN(len(list))])
		}
		return out
	}
	// terms of a candidate or placement: mostly from area a, some from
	// area b, some general.
	termsOf := func(a, b, k int, general float64) []string {
		out := make([]string, 0, k)
		for range k {
			switch u := rng.Float64(); {
			case u < general:
				out = append(out, pickFrom(voc.general, 1)...)
			case u < general+0.2:
				out = append(out, pickFrom(voc.areas[b].terms, 1)...)
			default:
				out = append(out, pickFrom(voc.areas[a].terms, 1)...)
			}
		}
		return out
	}
	level := func() Level { return Level(1 + min(5, skewed(7))) }

	cands := make([]Candidate, n)
	for i := range cands {
		a, b := skewed(len(voc.areas)), rng.IntN(len(voc.areas))
		oral := level()
		written := max(NoLevel, oral-Level(rng.IntN(2)))
		if chance(0.1) {
			written = NoLevel
		}
		c := Candidate{Ref: fmt.Sprintf("K-%06d", i), Norwegian: Norwegian{oral, written},
			Skills: termsOf(a, b, 2+rng.IntN(5), 0.2), Goals: termsOf(a, b, 1+rng.IntN(2), 0),
			Availability: availabilities[skewed(len(availabilities))],
			TargetHours:  []float64{0, 0, 37.5, 37.5, 30, 20}[rng.IntN(6)],
			PoliceCert:   chance(0.4), DriversLicense: chance(0.45),
			Languages: pickFrom(languages, rng.IntN(3)), Closed: chance(0.02), Placed: chance(0.04)}
		for j, l := range c.Languages {
			c.Languages[j] = NormalizeTerm(l)
		}
		if chance(0.3) {
			c.Goals = append(c.Goals, "jobbe med "+pickFrom(voc.areas[a].terms, 1)[0])
		}
		if chance(0.3) {
			c.GoalOccupations = pickFrom(voc.areas[a].codes, 1)
		}
		if chance(0.12) {
			c.AdaptationNeeds = pickFrom(adaptations, 1)
		}
		if chance(0.05) {
			c.UnavailableTill = "2027-0" + fmt.Sprint(1+rng.IntN(9)) + "-01"
		}
		cands[i] = c
	}
	titleWords := []string{"Medarbeider", "Assistent", "Lærling", "Hjelper", "Praktikant"}
	places := make([]Placement, m)
	for i := range places {
		a := skewed(len(voc.areas))
		h := habits[a]
		oral := max(0, min(C1, h.norwegian+Level(rng.IntN(3))-1))
		p := Placement{Ref: fmt.Sprintf("P-%05d", i), Active: chance(0.95), FreeSeats: 1 + rng.IntN(10),
			Title:          titleWords[rng.IntN(len(titleWords))] + " " + strings.ToUpper(pickFrom(voc.areas[a].terms[:1], 1)[0][:1]) + pickFrom(voc.areas[a].terms, 1)[0][1:],
			NorwegianMin:   Norwegian{oral, max(0, oral-Level(rng.IntN(2)))},
			NorwegianHard:  chance(0.25),
			SkillsRequired: termsOf(a, a, rng.IntN(4), 0.7), SkillsTrained: termsOf(a, a, 3+rng.IntN(4), 0.15),
			Schedule:       placementSchedules[skewed(len(placementSchedules))],
			RequiresPolice: chance(h.police), RequiresLicense: chance(h.license)}
		if chance(0.1) {
			p.FreeSeats = 0
		}
		if chance(0.5) {
			p.LanguagesValued = pickFrom(h.valued, 1+rng.IntN(2))
		}
		for _, ad := range adaptations {
			if chance(0.5) {
				p.AdaptationsOffered = append(p.AdaptationsOffered, ad)
			}
		}
		if chance(0.3) {
			p.MinHours = float64(8 + rng.IntN(13))
		}
		if chance(0.6) {
			p.Occupations = pickFrom(voc.areas[a].codes, 1)
		}
		places[i] = p
	}
	return cands, places
}

// variedLikeness is a classification's likeness in miniature for the
// codes of variedTaxonomy: the same code, the same minor group (three
// digits), the same major group (one digit, a field).
func variedLikeness(a, b string) (float64, string, string) {
	switch {
	case a == b:
		return 1, KindSame, "yrke " + a
	case a[:3] == b[:3]:
		return 0.75, KindGroup, "gruppe " + a[:3]
	case a[:1] == b[:1]:
		return 0.25, KindField, "felt " + a[:1]
	}
	return 0, "", ""
}
