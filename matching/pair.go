package matching

import (
	"slices"
	"strconv"
)

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

// facts is one pair worked out: the hard constraints that exclude it
// (bits), the language facts, the minutes of the placement's week inside the
// person's availability, and the components in hundredths.
type facts struct {
	excluded         uint16
	lang             languageFacts
	overlap          int
	skills, schedule int
}

// factsOf works one pair out directly, without a candidate's view: Score
// and the ranking of candidates use it. The rankings of
// placements work the same figures out through a view (view.skills); both
// go through skillsOf, scheduleOf and languageOf, and the tests hold them
// equal over every pair of randomized offices.
func (ix *Index) factsOf(c, p int, withSkills bool) facts {
	pc, pp := &ix.cands[c], &ix.places[p]
	f := facts{lang: languageOf(pc, &ix.langReqs[pp.langAt])}
	f.overlap, f.schedule = scheduleOf(&ix.candidates[c].Availability, &ix.scheds[pp.schedAt], pc.targetMinutes)
	f.excluded = ix.excludedBy(pc, p, &f.lang, f.overlap)
	if withSkills {
		f.skills = ix.pairSkills(pc, pp)
	}
	return f
}

// excludedBy is the hard constraints of a pair, given its language facts and
// overlap: the rest is bits of the candidate and the placement.
func (ix *Index) excludedBy(pc *preCandidate, pi int, lang *languageFacts, overlap int) uint16 {
	pp := &ix.places[pi]
	excluded := pc.excluded | pp.excluded | pp.requires&^pc.holds
	if pp.hard && lang.fails() {
		excluded |= exNorwegianHard
	}
	// No hour in common is below any minimum: the person could not work
	// there at all.
	switch {
	case overlap == 0:
		excluded |= exNoOverlap
	case overlap < pp.minMinutes:
		excluded |= exMinHours
	}
	if pc.needs&^pp.offers != 0 {
		excluded |= exAdaptation
	}
	return excluded
}

// pairSkills is the skills component of one pair in hundredths, from the
// candidate's term sets.
func (ix *Index) pairSkills(pc *preCandidate, pp *prePlacement) int {
	required := 1.0
	if len(pp.required) > 0 {
		sum := 0.0
		for _, t := range pp.required {
			sum += creditOf[pc.skills.level(t)]
		}
		required = sum / float64(len(pp.required))
	}
	var goalLevel, skillLevel uint8
	for _, t := range pp.trained {
		goalLevel, skillLevel = max(goalLevel, pc.goals.level(t)), max(skillLevel, pc.skills.level(t))
	}
	goal := creditOf[goalLevel]
	for _, d := range pp.codeAt {
		goal = max(goal, ix.codeCredit(pc, d))
	}
	return skillsOf(required, goal, creditOf[skillLevel])
}

// codeCredit is how alike the candidate's closest goal occupation is to
// the placement's occupation d (a dense code).
func (ix *Index) codeCredit(pc *preCandidate, d int32) float64 {
	best := 0.0
	for _, g := range pc.goalAt {
		best = max(best, ix.likeness[int(g)*len(ix.codes)+int(d)])
	}
	return best
}

// Score scores one pair in full, with its reasons. Rankings give each pair
// they keep as Score gives it.
func (ix *Index) Score(ci, pi int) Result {
	c, p := &ix.candidates[ci], &ix.placements[pi]
	pc, pp := &ix.cands[ci], &ix.places[pi]
	f := ix.factsOf(ci, pi, true)
	excluded, overlap, lang := f.excluded, f.overlap, &f.lang
	r := Result{Candidate: ci, Placement: pi, Total: ix.totalOf(f.skills, lang.hundredths, f.schedule), Excluded: excluded != 0,
		Components: Components{Skills: float64(f.skills) / 100, Language: float64(lang.hundredths) / 100, Schedule: float64(f.schedule) / 100},
		HoursWeek:  float64(overlap) / 60, TargetHours: c.TargetHours}
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
	r.Reasons = ix.skillReasons(ci, pi, r.Reasons)
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

// closestOf names the set's term that earned t its credit: the first of
// the set's terms that is as like t as the set is.
func (ix *Index) closestOf(set *termSet, t preTerm) string {
	best, bestLevel := "", -1
	for _, id := range set.ids {
		if l := int(ix.space.level(id, t)); l > bestLevel {
			best, bestLevel = ix.space.words[id], l
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
