package matching

import (
	"slices"
	"strconv"
)

// Score scores one pair in full, with its reasons.
func (ix *Index) Score(c, p int) Result {
	v := ix.newView()
	v.reset(c)
	return ix.result(v, p, true)
}

// The hard constraints, as bits in the order their reasons are given.
const (
	exInactive uint16 = 1 << iota
	exClosed
	exPlaced
	exUnavailable
	exPolice
	exLicense
	exNorwegianHard
	exNoOverlap
	exMinHours
	exAdaptation
)

// evaluate scores the view's candidate against placement pi: the total in
// tenths, the hard constraints that exclude the pair (bits), and the skills
// component in hundredths. The ranking loop calls it for every pair, and
// explanations start from the same call, so a ranking and its reasons never
// disagree. Everything else a pair needs is looked up in the view.
func (ix *Index) evaluate(v *view, pi int) (total int, excluded uint16, skills int) {
	excluded, language, schedule := ix.constraints(v, pi)
	skills = ix.skills(v, pi)
	return ix.totalOf(skills, language, schedule), excluded, skills
}

// constraints is the cheap half of a pair: the hard constraints, and the
// language and schedule components in hundredths.
func (ix *Index) constraints(v *view, pi int) (excluded uint16, language, schedule int) {
	pp := &ix.places[pi]
	lang := v.language(pp.langAt)
	overlap, schedule := v.scheduleOf(pp.schedAt)
	return ix.excludedIn(v, pi, lang, overlap), lang.hundredths, schedule
}

// excludedIn is the hard constraints of a pair, given the language and
// schedule facts of the placement's class: the rest is bits of the
// candidate and the placement.
func (ix *Index) excludedIn(v *view, pi int, lang *languageFacts, overlap int) uint16 {
	pc, g := &ix.cands[v.ci], ix.gates[pi]
	excluded := pc.excluded | g.excluded | g.requires&^pc.holds
	if g.hard && (lang.oral < 1 || lang.written < 1) {
		excluded |= exNorwegianHard
	}
	// No hour in common is below any minimum: the person could not work
	// there at all.
	switch {
	case overlap == 0:
		excluded |= exNoOverlap
	case overlap < int(g.minMinutes):
		excluded |= exMinHours
	}
	if pc.needs&^g.offers != 0 {
		excluded |= exAdaptation
	}
	return excluded
}

// skills is the skills component in hundredths: the required skills the
// person has, and how well what the placement trains fits their goals and
// experience.
func (ix *Index) skills(v *view, pi int) int {
	pp := &ix.places[pi]
	required := 1.0
	if len(pp.requiredAt) > 0 {
		sum := 0.0
		for _, d := range pp.requiredAt {
			skill, _ := v.term(d)
			sum += creditOf[skill]
		}
		required = sum / float64(len(pp.requiredAt))
	}
	var goalLevel, skillLevel uint8
	for _, d := range pp.trainedAt {
		skill, goal := v.term(d)
		goalLevel, skillLevel = max(goalLevel, goal), max(skillLevel, skill)
	}
	goal, experience := creditOf[goalLevel], creditOf[skillLevel]
	for _, d := range pp.codeAt {
		goal = max(goal, v.code(d))
	}
	return hundredthsOf(requiredShare*required + interestShare*max(goal, experienceShare*experience))
}

// result is a pair's evaluation as a Result; with explain, with reasons.
func (ix *Index) result(v *view, pi int, explain bool) Result {
	c, p := &ix.candidates[v.ci], &ix.placements[pi]
	pc, pp := &ix.cands[v.ci], &ix.places[pi]
	total, excluded, skills := ix.evaluate(v, pi)
	overlap, schedule := v.scheduleOf(pp.schedAt)
	lang := v.language(pp.langAt)
	r := Result{Candidate: v.ci, Placement: pi, Total: total, Excluded: excluded != 0,
		Components: Components{Skills: float64(skills) / 100, Language: float64(lang.hundredths) / 100, Schedule: float64(schedule) / 100},
		HoursWeek:  float64(overlap) / 60, TargetHours: c.TargetHours}
	if !explain {
		return r
	}
	for _, x := range []struct {
		bit     uint16
		code    string
		private bool
		args    func() []string
	}{
		{exInactive, ReasonPlacementInactive, false, nil},
		{exClosed, ReasonCandidateClosed, false, nil},
		{exPlaced, ReasonCandidatePlaced, false, nil},
		{exUnavailable, ReasonUnavailable, true, func() []string { return []string{c.UnavailableTill} }},
		{exPolice, ReasonPolice, true, nil},
		{exLicense, ReasonLicense, true, nil},
		{exNorwegianHard, ReasonNorwegianHard, false, func() []string { return []string{c.Norwegian.String(), p.NorwegianMin.String()} }},
		{exNoOverlap, ReasonNoOverlap, false, nil},
		{exMinHours, ReasonMinHours, false, func() []string { return []string{hoursText(overlap), hoursText(pp.minMinutes)} }},
		{exAdaptation, ReasonAdaptation, false, func() []string { return adaptationNames(pc.needs &^ pp.offers) }},
	} {
		if excluded&x.bit != 0 {
			reason := Reason{Code: x.code, Private: x.private}
			if x.args != nil {
				reason.Args = x.args()
			}
			r.Reasons = append(r.Reasons, reason)
		}
	}
	r.Reasons = ix.skillReasons(v.ci, pi, r.Reasons)
	r.Reasons = append(r.Reasons, languageReasons(c, p, lang.oral, lang.written, lang.speaks)...)
	r.Reasons = append(r.Reasons, Reason{Code: ReasonCovers, Args: []string{hoursText(overlap), hoursText(pp.minutes)}})
	if pc.targetMinutes > 0 {
		r.Reasons = append(r.Reasons, Reason{Code: ReasonTarget, Args: []string{hoursText(overlap), hoursText(pc.targetMinutes)}, Private: true})
	}
	if p.FreeSeats <= 0 && p.Active {
		r.Reasons = append(r.Reasons, Reason{Code: ReasonFull})
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
	codeCredit, codeFrom, codeTo, codeKind, codeShared := 0.0, 0, 0, "", ""
	for _, a := range pc.goalCodes {
		for _, b := range pp.codes {
			if l, kind, shared := ix.occupationLikeness(a, b); l > codeCredit {
				codeCredit, codeFrom, codeTo, codeKind, codeShared = l, a, b, kind, shared
			}
		}
	}
	experience, expTerm, expKind, expFrom := ix.bestLink(&pc.skills, pp.trained)
	switch {
	case codeCredit > goal && codeCredit >= experienceShare*experience:
		args := []string{code4(codeFrom), code4(codeTo), codeKind}
		if codeShared != "" {
			args = append(args, codeShared)
		}
		out = append(out, Reason{Code: ReasonOccupation, Args: args})
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
