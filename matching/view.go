package matching

import (
	"math/bits"
	"slices"
)

// scheduleOf gives the minutes of a placement's schedule inside the
// availability, and the schedule component in hundredths: the share of the
// placement's hours that fit, blended with how much of the person's target
// (minutes, 0 for none) they cover.
func scheduleOf(availability, sched *Schedule, target int) (overlap int, hundredths int) {
	o := OverlapMinutes(*availability, *sched)
	component := 0.0
	if minutes := sched.Minutes(); minutes > 0 {
		component = float64(o) / float64(minutes)
	}
	if target > 0 {
		component = (1-targetShare)*component + targetShare*min(1, float64(o)/float64(target))
	}
	return o, hundredthsOf(component)
}

// view is one candidate seen against the index's placements: the level of
// likeness of each placement term, the credit of each occupation code, the
// facts of each schedule and Norwegian minimum, worked out when the view is
// pointed at the candidate (reset), so that the ranking loops only look
// them up. A view is reused from candidate to candidate.
type view struct {
	ix    *Index
	ci    int
	table *skillTable // nil: skills by the expressions, not the table

	level   []uint8 // per term: the skill level | the goal level << 4
	touched []int32 // the terms whose level is set
	areas   []int32
	// hot is the same as bits, so that maxima are taken by OR: the skill
	// level as 1<<level>>1 in the low byte, the goal's credit as a bit per
	// goal value above it. Codes have only the goal bits.
	hot, codeHot []uint64
	codeCredit   []float64 // per code: the credit itself, for spanSkills
	codes        bool      // the candidate has goal occupations: codeHot and codeCredit are set
	bestCode     int       // the highest goal value of any code, while codes
	// The work areas of the person's skills and goals (Index.areaBit), also
	// folded to 32 bits; and the highest skills component of a placement by
	// which of its areas those touch (see slotBound).
	skillAreas, goalAreas     uint64
	skillAreas32, goalAreas32 uint32
	bounds                    [16]int32
	codeAt                    []uint8 // scratch: per code, the goal value's index
	// Per schedule: the minutes inside the availability and the component
	// in hundredths; shared (see Index.availRowOf), or in own.
	overlap, sched       []int32
	ownOverlap, ownSched []int32
	mins                 []minFacts
	speaks               []bool  // per set of valued languages: the person speaks one of them
	speaksAny            []uint8 // per class's set (Index.unions): 1 when the person speaks one of them
	// classLang[minimum<<3 | plain | valued<<1 | speaks<<2]: the highest
	// language component of a class with that minimum whose placements
	// value no language (plain), value some (valued), of which the person
	// speaks one (speaks).
	classLang []int32

	// The classes and schedules by bound (see bucket).
	next, schedNext []int32 // per class, schedule: the next with the same bound
	head, schedHead []int32 // per bound: the first class, schedule with it
	used            []int32 // the bounds in use
	top             int32
	bestLanguage    int32 // the highest language component of any class
}

func (ix *Index) newView() *view {
	v := &view{ix: ix, table: ix.table, level: make([]uint8, ix.noTerm()+1), hot: make([]uint64, ix.noTerm()+1),
		codeHot: make([]uint64, ix.noCode()+1), codeCredit: make([]float64, ix.noCode()+1),
		ownOverlap: make([]int32, len(ix.scheds)), ownSched: make([]int32, len(ix.scheds)), codeAt: make([]uint8, len(ix.codes)),
		mins: make([]minFacts, len(ix.mins)), speaks: make([]bool, len(ix.valued)),
		speaksAny: make([]uint8, len(ix.unions)), classLang: make([]int32, 8*len(ix.mins)),
		next: make([]int32, len(ix.classes)), schedNext: make([]int32, len(ix.scheds)),
		head: make([]int32, ix.maxBound+1), schedHead: make([]int32, ix.maxBound+1)}
	for b := range v.head {
		v.head[b], v.schedHead[b] = -1, -1
	}
	return v
}

// reset points the view at candidate ci.
func (v *view) reset(ci int) {
	ix := v.ix
	v.ci = ci
	pc := &ix.cands[ci]
	for _, d := range v.touched {
		v.level[d], v.hot[d] = 0, 0
	}
	v.touched = v.touched[:0]
	// Only terms in the person's work areas can be like theirs.
	v.areas = v.areas[:0]
	v.skillAreas, v.goalAreas = 0, 0
	for k, ids := range [2][]int32{pc.skills.ids, pc.goals.ids} {
		for _, id := range ids {
			a := ix.space.area[id]
			if k == 0 {
				v.skillAreas |= ix.areaBit[a]
			} else {
				v.goalAreas |= ix.areaBit[a]
			}
			if !slices.Contains(v.areas, a) {
				v.areas = append(v.areas, a)
			}
		}
	}
	for _, a := range v.areas {
		for _, d := range ix.areaTerms[ix.areaStart[a]:ix.areaStart[a+1]] {
			t := ix.terms[d]
			if skill, goal := pc.skills.level(t), pc.goals.level(t); skill|goal != 0 {
				v.level[d] = skill | goal<<4
				if v.table != nil {
					v.hot[d] = 1<<skill>>1 | 1<<(8+v.table.goalOfLevel[goal])
				}
				v.touched = append(v.touched, d)
			}
		}
	}
	// No clearing: with goal codes every code's entry is written below, and
	// without them nothing reads the arrays.
	v.codes = len(pc.goalAt) > 0
	if v.codes {
		if t := v.table; t != nil {
			// The goal values, as indices, taken row by row.
			n := len(ix.codes)
			best := v.codeAt[:n]
			copy(best, ix.likenessAt[int(pc.goalAt[0])*n:])
			for _, g := range pc.goalAt[1:] {
				for d, l := range ix.likenessAt[int(g)*n : int(g+1)*n] {
					best[d] = max(best[d], l)
				}
			}
			v.bestCode = 0
			for d, g := range best {
				v.codeCredit[d], v.codeHot[d] = t.goalValues[g], 1<<(8+g)
				v.bestCode = max(v.bestCode, int(g))
			}
		} else {
			for d := range ix.codes {
				v.codeCredit[d] = ix.codeCredit(pc, int32(d))
			}
		}
	}
	v.skillAreas32, v.goalAreas32 = fold(v.skillAreas), fold(v.goalAreas)
	for k := range v.bounds {
		v.bounds[k] = int32(v.boundOf(k&1 != 0, k&2 != 0, k&4 != 0, k&8 != 0))
	}
	if row := ix.availRowOf(ci); row != nil {
		v.overlap, v.sched = row.overlap, row.sched
	} else {
		v.overlap, v.sched = v.ownOverlap, v.ownSched
		ix.fillAvailability(v.overlap, v.sched, ci)
	}
	v.bestLanguage = 0
	for m, min := range ix.mins {
		mf := minFactsOf(pc, min)
		v.mins[m] = mf
		for k := range 8 {
			language := int32(0)
			if k&1 != 0 {
				language = mf.plain
			}
			switch {
			case k&2 == 0:
			case k&4 != 0:
				language = max(language, mf.spoken)
			default:
				language = max(language, mf.unspoken)
			}
			v.classLang[m<<3|k] = language
			v.bestLanguage = max(v.bestLanguage, language)
		}
	}
	for d, languages := range ix.valued {
		v.speaks[d] = pc.langs.intersects(languages)
	}
	for u, languages := range ix.unions[1:] {
		v.speaksAny[u+1] = 0
		if pc.langs.intersects(languages) {
			v.speaksAny[u+1] = 1
		}
	}
}

// language is the language component of the slot's placement, whose
// class has Norwegian facts mf.
func (v *view) language(s *slot, mf *minFacts) int {
	switch {
	case s.valuedAt < 0:
		return int(mf.plain)
	case v.speaks[s.valuedAt]:
		return int(mf.spoken)
	}
	return int(mf.unspoken)
}

// skills is the skills component of the view's candidate and the placement
// of the slot at position at, in hundredths, as pairSkills works it out.
func (v *view) skills(s *slot, at int32) int {
	t := v.table
	if !s.inline || t == nil {
		return v.spanSkills(&v.ix.spans[at])
	}
	hot, level := v.hot, v.level
	either := uint64(1) << 8 // goal value 0 at least
	for k := range s.trained {
		either |= hot[s.trained[k]]
	}
	if s.codes && v.codes {
		either |= v.codeHot[s.code[0]] | v.codeHot[s.code[1]] | v.codeHot[s.code[2]] | v.codeHot[s.code[3]]
	}
	key := requiredBase[s.required&3] + int32(level[s.req[0]]&7) + levels*int32(level[s.req[1]]&7) +
		levels*levels*int32(level[s.req[2]]&7)
	goal := bits.Len64(either>>8) - 1
	return int(t.hundredths[(int(key)*len(t.goalValues)+goal)*levels+bits.Len64(either&0xff)])
}

// spanSkills is skills for a placement whose terms are not inline, or
// without a table.
func (v *view) spanSkills(sp *span) int {
	flat, level := v.ix.flat, v.level
	var goalLevel, skillLevel uint8
	for _, d := range flat[sp.mid:sp.hi] {
		l := level[d]
		goalLevel, skillLevel = max(goalLevel, l>>4), max(skillLevel, l&15)
	}
	goal := creditOf[goalLevel&15]
	if v.codes {
		for _, d := range flat[sp.hi:sp.end] {
			goal = max(goal, v.codeCredit[d])
		}
	}
	required := 1.0
	if n := sp.mid - sp.lo; n > 0 {
		sum := 0.0
		for _, d := range flat[sp.lo:sp.mid] {
			sum += creditOf[level[d]&15]
		}
		required = sum / float64(n)
	}
	return skillsOf(required, goal, creditOf[skillLevel&15])
}

// mask is the word the class's slots' gates are tested against: the
// requirements the candidate does not hold, the adaptations they need, a
// hard Norwegian minimum they fall short of, and (for assignment) no seat.
func (v *view) mask(cl *placementClass, full bool) uint16 {
	pc := &v.ix.cands[v.ci]
	return gateInactive | flag(pc.holds&exPolice == 0, gatePolice) | flag(pc.holds&exLicense == 0, gateLicense) |
		uint16(pc.needs&15)*gateNotOffered | flag(full, gateFull) | flag(v.mins[cl.minAt].fails, gateHard)
}

// bucket files the classes under their bounds, the highest total their
// pairs could reach with the view's candidate: the classes with bound b
// are head[b], next[head[b]], … (-1 ends), and no bound is above top.
// Walking the bounds down from top, calling expand(b) at each first,
// visits the classes best first; a walk that stops early has not paid for
// the rest. For that, schedules are filed first, by the bound of all their
// classes, and a schedule's classes are filed when the walk reaches it.
// With included, schedules without an hour in common with the person's
// availability are left out: every pair in them is excluded.
func (v *view) bucket(included bool) {
	ix := v.ix
	for _, b := range v.used {
		v.head[b], v.schedHead[b] = -1, -1
	}
	v.used = v.used[:0]
	v.top = -1
	language := int(v.bestLanguage)
	for d := range ix.schedClasses {
		if included && v.overlap[d] == 0 {
			continue
		}
		sc := &ix.schedClasses[d]
		b := int32(ix.totalOf(int(v.skillsBound(sc.requiredAreas, sc.trainedAreas, sc.flags)), language, int(v.sched[d])))
		v.use(b)
		v.schedNext[d], v.schedHead[b] = v.schedHead[b], int32(d)
		v.top = max(v.top, b)
	}
}

// expand files the classes of the schedules with bound b.
func (v *view) expand(b int32) {
	ix := v.ix
	for d := v.schedHead[b]; d >= 0; d = v.schedNext[d] {
		sc := &ix.schedClasses[d]
		schedule := int(v.sched[d])
		// Filed last first, so that each bound lists them first first:
		// their placements come in rising index, and on ties the lower
		// index wins, so the kept ones settle sooner.
		for k := sc.hi - 1; k >= sc.lo; k-- {
			c := ix.bySchedule[k]
			cl := &ix.classes[c]
			cb := int32(ix.totalOf(int(v.skillsBound(cl.requiredAreas, cl.trainedAreas, cl.flags)), v.classLanguage(cl), schedule))
			v.use(cb)
			v.next[c], v.head[cb] = v.head[cb], c
		}
	}
}

// use notes that bound b has lists to clear.
func (v *view) use(b int32) {
	if v.head[b] < 0 && v.schedHead[b] < 0 {
		v.used = append(v.used, b)
	}
}

// classLanguage is the highest language component of the class's
// placements.
func (v *view) classLanguage(cl *placementClass) int {
	k := int(cl.flags>>2&3) | int(v.speaksAny[cl.unionAt])<<2
	return int(v.classLang[int(cl.minAt)<<3|k])
}

// skillsBound is the highest skills component any placement of a class
// (or of a schedule's classes) with these work areas and flags can have
// with the view's candidate. A term like one of the person's is
// in the same work area as it; a class with no required term in the areas
// of the person's skills, or no trained term in those of their skills or
// goals, scores none of that part.
func (v *view) skillsBound(requiredAreas, trainedAreas uint64, flags uint8) int32 {
	k := (nonzero64(requiredAreas&v.skillAreas) | uint32(flags&classFree)) | nonzero64(trainedAreas&v.goalAreas)<<1 |
		nonzero64(trainedAreas&v.skillAreas)<<2 | uint32(flags&classCoded)<<2
	return v.bounds[k&15]
}

// nonzero64 is 1 when x is not 0, else 0.
func nonzero64(x uint64) uint32 { return uint32((x | -x) >> 63) }

// slotBound is skillsBound for one placement, by a look-up; without
// branches, since which way they go is anyone's guess.
func (v *view) slotBound(s *slot) int32 {
	k := (nonzero(s.requiredAreas&v.skillAreas32) | uint32(s.free)) | nonzero(s.trainedAreas&v.goalAreas32)<<1 |
		nonzero(s.trainedAreas&v.skillAreas32)<<2 | uint32(s.coded)<<3
	return v.bounds[k&15]
}

// nonzero is 1 when x is not 0, else 0.
func nonzero(x uint32) uint32 { return (x | -x) >> 31 }

// boundOf is the highest skills component of a placement whose required
// terms may be like the person's skills (required), whose trained terms may
// be like their goals (goal) or skills (skill), and which has occupation
// codes (codes).
func (v *view) boundOf(required, goal, skill, codes bool) int {
	t := v.table
	if t == nil {
		return v.ix.maxSkills
	}
	key := 1 // required terms, none like the person's
	if required {
		key = 0 // full credit for the required terms
	}
	g, s := 0, 0
	if goal {
		g = int(t.goalOfLevel[levels-1])
	}
	if codes && v.codes {
		g = max(g, v.bestCode)
	}
	if skill {
		s = levels - 1
	}
	return int(t.hundredths[(key*len(t.goalValues)+g)*levels+s])
}
