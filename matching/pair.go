package matching

import (
	"slices"
	"strconv"
)

// Score scores one pair in full, with its reasons.
func (ix *Index) Score(c, p int) Result {
	return ix.score(c, p, true)
}

// quick scores a pair without reasons: the ranking loop.
func (ix *Index) quick(c, p int) (total int, excluded bool) {
	r := ix.score(c, p, false)
	return r.Total, r.Excluded
}

// score computes a pair's components, total and exclusion; with explain it
// also says why. One code path serves both, so a ranking and its
// explanation never disagree.
func (ix *Index) score(ci, pi int, explain bool) Result {
	c, p := &ix.candidates[ci], &ix.placements[pi]
	pc, pp := &ix.cands[ci], &ix.places[pi]
	r := Result{Candidate: ci, Placement: pi, TargetHours: c.TargetHours}
	var why, info []Reason
	exclude := func(code string, private bool, args ...string) {
		r.Excluded = true
		if explain {
			why = append(why, Reason{Code: code, Args: args, Private: private})
		}
	}

	if !p.Active {
		exclude(ReasonPlacementInactive, false)
	}
	if c.Closed {
		exclude(ReasonCandidateClosed, false)
	}
	if c.Placed {
		exclude(ReasonCandidatePlaced, false)
	}
	if pc.unavailable {
		exclude(ReasonUnavailable, true, c.UnavailableTill)
	}
	if p.RequiresPolice && !c.PoliceCert {
		exclude(ReasonPolice, true)
	}
	if p.RequiresLicense && !c.DriversLicense {
		exclude(ReasonLicense, true)
	}

	// Language.
	oral, written := levelPart(pc.oral, p.NorwegianMin.Oral), levelPart(pc.written, p.NorwegianMin.Written)
	norwegian := oralShare*oral + (1-oralShare)*written
	language := norwegian
	speaks := false
	if pp.hasValued {
		speaks = pc.langs.intersects(pp.valued)
		language = (1 - valuedShare) * norwegian
		if speaks {
			language += valuedShare
		}
	}
	if p.NorwegianHard && (oral < 1 || written < 1) {
		exclude(ReasonNorwegianHard, false, c.Norwegian.String(), p.NorwegianMin.String())
	}

	// Schedule.
	overlap := OverlapMinutes(c.Availability, p.Schedule)
	r.HoursWeek = float64(overlap) / 60
	schedule := 0.0
	if pp.minutes > 0 {
		schedule = float64(overlap) / float64(pp.minutes)
	}
	if pc.targetMinutes > 0 {
		schedule = (1-targetShare)*schedule + targetShare*min(1, float64(overlap)/float64(pc.targetMinutes))
	}
	// No hour in common is below any minimum: the person could not work
	// there at all.
	switch {
	case overlap == 0:
		exclude(ReasonNoOverlap, false)
	case pp.minMinutes > 0 && overlap < pp.minMinutes:
		exclude(ReasonMinHours, false, hoursText(overlap), hoursText(pp.minMinutes))
	}
	if missing := pc.needs &^ pp.offers; missing != 0 {
		exclude(ReasonAdaptation, false, adaptationNames(missing)...)
	}

	// Skills.
	required := 1.0
	if len(pp.required) > 0 {
		sum := 0.0
		for _, t := range pp.required {
			credit, _ := pc.skills.credit(t)
			sum += credit
		}
		required = sum / float64(len(pp.required))
	}
	goal, experience := 0.0, 0.0
	for _, t := range pp.trained {
		g, _ := pc.goals.credit(t)
		e, _ := pc.skills.credit(t)
		goal, experience = max(goal, g), max(experience, e)
	}
	for _, a := range pc.goalCodes {
		for _, b := range pp.codes {
			l, _ := codeLikeness(a, b)
			goal = max(goal, l)
		}
	}
	skills := requiredShare*required + interestShare*max(goal, experienceShare*experience)

	r.Components = Components{Skills: round2(skills), Language: round2(language), Schedule: round2(schedule)}
	r.Total = ix.weights.total(r.Components)
	if explain {
		info = ix.skillReasons(ci, pi, info)
		info = append(info, languageReasons(c, p, oral, written, speaks)...)
		info = append(info, Reason{Code: ReasonCovers, Args: []string{hoursText(overlap), hoursText(pp.minutes)}})
		if pc.targetMinutes > 0 {
			info = append(info, Reason{Code: ReasonTarget, Args: []string{hoursText(overlap), hoursText(pc.targetMinutes)}, Private: true})
		}
		if p.FreeSeats <= 0 && p.Active {
			info = append(info, Reason{Code: ReasonFull})
		}
		r.Reasons = append(why, info...)
	}
	return r
}

// levelPart is one part of the Norwegian score: full at or above the
// minimum, less for each level short.
func levelPart(has, needs Level) float64 {
	if needs == NoLevel || has >= needs {
		return 1
	}
	return max(0, 1-levelShortCost*float64(needs-has))
}

func adaptationNames(mask uint8) []string {
	var out []string
	for _, name := range []string{"arbeidstid", "fysisk", "arbeidshverdagen", "språk"} {
		if mask&adaptationBits[name] != 0 {
			out = append(out, name)
		}
	}
	return out
}

func languageReasons(c *Candidate, p *Placement, oral, written float64, speaks bool) []Reason {
	var out []Reason
	if !p.NorwegianMin.IsZero() {
		if oral >= 1 && written >= 1 {
			out = append(out, Reason{Code: ReasonNorwegianOK, Args: []string{levelText(c.Norwegian), p.NorwegianMin.String()}})
		}
		if oral < 1 {
			out = append(out, Reason{Code: ReasonNorwegianBelow, Args: []string{"oral", levelOrDash(c.Norwegian.Oral), p.NorwegianMin.Oral.String()}})
		}
		if written < 1 {
			out = append(out, Reason{Code: ReasonNorwegianBelow, Args: []string{"written", levelOrDash(c.Norwegian.Written), p.NorwegianMin.Written.String()}})
		}
	}
	if speaks {
		var shared []string
		for _, l := range p.LanguagesValued {
			if slices.Contains(c.Languages, NormalizeTerm(l)) {
				shared = append(shared, NormalizeTerm(l))
			}
		}
		out = append(out, Reason{Code: ReasonValued, Args: shared, Private: true})
	} else if len(p.LanguagesValued) > 0 {
		out = append(out, Reason{Code: ReasonValuedNone, Args: p.LanguagesValued, Private: true})
	}
	return out
}

func levelText(n Norwegian) string {
	if n.IsZero() {
		return "-"
	}
	return n.String()
}

func levelOrDash(l Level) string {
	if l == NoLevel {
		return "-"
	}
	return l.String()
}

// skillReasons says which required skills the person has and lacks, and
// the best link between what the placement trains and the person's goals
// and experience.
func (ix *Index) skillReasons(ci, pi int, out []Reason) []Reason {
	pc, pp := &ix.cands[ci], &ix.places[pi]
	var met, missing []string
	for _, t := range pp.required {
		if credit, _ := pc.skills.credit(t); credit >= creditRelated {
			met = append(met, ix.space.words[t.id])
		} else {
			missing = append(missing, ix.space.words[t.id])
		}
	}
	if len(met) > 0 {
		out = append(out, Reason{Code: ReasonRequiredMet, Args: met})
	}
	if len(missing) > 0 {
		out = append(out, Reason{Code: ReasonRequiredMissing, Args: missing})
	}
	goal, goalTerm, goalKind, goalFrom := ix.bestLink(&pc.goals, pp.trained)
	codeCredit, codeFrom, codeTo, codeKind := 0.0, 0, 0, ""
	for _, a := range pc.goalCodes {
		for _, b := range pp.codes {
			if l, kind := codeLikeness(a, b); l > codeCredit {
				codeCredit, codeFrom, codeTo, codeKind = l, a, b, kind
			}
		}
	}
	experience, expTerm, expKind, expFrom := ix.bestLink(&pc.skills, pp.trained)
	switch {
	case codeCredit > goal && codeCredit >= experienceShare*experience:
		out = append(out, Reason{Code: ReasonOccupation, Args: []string{code4(codeFrom), code4(codeTo), codeKind}})
	case goal > 0 && goal >= experienceShare*experience:
		out = append(out, Reason{Code: ReasonGoal, Args: []string{goalFrom, goalTerm, goalKind}})
	case experience > 0:
		out = append(out, Reason{Code: ReasonExperience, Args: []string{expFrom, expTerm, expKind}})
	default:
		out = append(out, Reason{Code: ReasonNoLink})
	}
	return out
}

// bestLink finds the placement term most like one of the set's terms, and
// which of the set's terms it is like.
func (ix *Index) bestLink(set *termSet, terms []preTerm) (credit float64, term, kind, from string) {
	for _, t := range terms {
		c, k := set.credit(t)
		if c > credit {
			credit, term, kind = c, ix.space.words[t.id], k
			from = ix.closestOf(set, t)
		}
	}
	return credit, term, kind, from
}

// closestOf names the set's term that earned t its credit.
func (ix *Index) closestOf(set *termSet, t preTerm) string {
	best, bestCredit := "", -1.0
	for _, id := range set.ids {
		one := termSet{ids: []int32{id}, exact: make(bitset, ix.words), parent: make(bitset, ix.words), area: make(bitset, ix.words)}
		one.exact.set(id)
		one.parent.set(ix.space.parent[id])
		one.area.set(ix.space.area[id])
		if c, _ := one.credit(t); c > bestCredit {
			best, bestCredit = ix.space.words[id], c
		}
	}
	return best
}

func code4(n int) string {
	s := strconv.Itoa(n)
	for len(s) < 4 {
		s = "0" + s
	}
	return s
}
