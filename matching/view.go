package matching

import "fmt"

// The placements of an office share a few hundred terms, schedules,
// language requirements and occupation codes between them. densify numbers
// the distinct ones, so that a candidate's view can work out its likeness to
// each once and a pair is then a handful of look-ups.
func (ix *Index) densify() {
	termAt := map[int32]int32{}
	dense := func(terms []preTerm) []int32 {
		out := make([]int32, len(terms))
		for i, t := range terms {
			d, ok := termAt[t.id]
			if !ok {
				d = int32(len(ix.terms))
				termAt[t.id] = d
				ix.terms = append(ix.terms, t)
			}
			out[i] = d
		}
		return out
	}
	codeAt := map[int]int32{}
	schedAt := map[string]int32{}
	langAt := map[string]int32{}
	classAt := map[[2]int32]int32{}
	ix.gates = make([]placementGate, len(ix.places))
	for i := range ix.places {
		pp, p := &ix.places[i], &ix.placements[i]
		pp.requiredAt, pp.trainedAt = dense(pp.required), dense(pp.trained)
		for _, code := range pp.codes {
			d, ok := codeAt[code]
			if !ok {
				d = int32(len(ix.codes))
				codeAt[code] = d
				ix.codes = append(ix.codes, code)
			}
			pp.codeAt = append(pp.codeAt, d)
		}
		key := p.Schedule.String()
		d, ok := schedAt[key]
		if !ok {
			d = int32(len(ix.scheds))
			schedAt[key] = d
			ix.scheds = append(ix.scheds, p.Schedule)
		}
		pp.schedAt = d
		req := langRequirement{min: p.NorwegianMin, valued: pp.valued, hasValued: pp.hasValued}
		key = req.key()
		if d, ok = langAt[key]; !ok {
			d = int32(len(ix.langReqs))
			langAt[key] = d
			ix.langReqs = append(ix.langReqs, req)
		}
		pp.langAt = d
		ck := [2]int32{pp.schedAt, pp.langAt}
		c, ok := classAt[ck]
		if !ok {
			c = int32(len(ix.classes))
			classAt[ck] = c
			ix.classes = append(ix.classes, placementClass{schedAt: pp.schedAt, langAt: pp.langAt})
		}
		ix.classes[c].placements = append(ix.classes[c].placements, int32(i))
		ix.gates[i] = placementGate{excluded: pp.excluded, requires: pp.requires, minMinutes: int32(pp.minMinutes),
			offers: pp.offers, hard: pp.hard}
	}
}

// placementGate is what the hard constraints ask of a placement, packed
// small: the ranking loop reads it for every placement.
type placementGate struct {
	excluded, requires uint16
	minMinutes         int32
	offers             uint8
	hard               bool
}

// placementClass is the placements that share a schedule and a language
// requirement: with one candidate their language and schedule components
// are the same, so they share an upper bound on the total.
type placementClass struct {
	schedAt, langAt int32
	placements      []int32 // rising index
}

// langRequirement is what a placement asks of a person's languages.
type langRequirement struct {
	min       Norwegian
	valued    bitset
	hasValued bool
}

func (r langRequirement) key() string { return fmt.Sprintf("%s|%x", r.min, []uint64(r.valued)) }

// languageFacts is one candidate's Norwegian and other languages against one
// language requirement.
type languageFacts struct {
	oral, written float64 // each part's score
	hundredths    int     // the component
	speaks        bool    // speaks a language the placement values
}

func languageOf(pc *preCandidate, req *langRequirement) languageFacts {
	f := languageFacts{oral: levelPart(pc.oral, req.min.Oral), written: levelPart(pc.written, req.min.Written)}
	norwegian := oralShare*f.oral + (1-oralShare)*f.written
	language := norwegian
	if req.hasValued {
		f.speaks = pc.langs.intersects(req.valued)
		language = (1 - valuedShare) * norwegian
		if f.speaks {
			language += valuedShare
		}
	}
	f.hundredths = hundredthsOf(language)
	return f
}

// Credits by level of likeness: none, same area, related, close, same.
var creditOf = [5]float64{0, creditArea, creditRelated, creditClose, creditSame}

func creditLevel(credit float64) uint8 {
	switch credit {
	case creditSame:
		return 4
	case creditClose:
		return 3
	case creditRelated:
		return 2
	case creditArea:
		return 1
	}
	return 0
}

// view is one candidate seen against the index's placements: the likeness
// of each placement term, code, schedule and language requirement, worked
// out the first time a pair needs it and then looked up. A view is reused
// from candidate to candidate (reset), so the ranking loop allocates
// nothing.
type view struct {
	ix    *Index
	ci    int
	stamp uint32

	termStamp             []uint32
	skillLevel, goalLevel []uint8
	codeStamp             []uint32
	codeCredit            []float64
	schedStamp            []uint32
	overlap               []int32
	schedule              []int16 // the schedule component in hundredths
	langStamp             []uint32
	lang                  []languageFacts
}

func (ix *Index) newView() *view {
	return &view{ix: ix,
		termStamp: make([]uint32, len(ix.terms)), skillLevel: make([]uint8, len(ix.terms)), goalLevel: make([]uint8, len(ix.terms)),
		codeStamp: make([]uint32, len(ix.codes)), codeCredit: make([]float64, len(ix.codes)),
		schedStamp: make([]uint32, len(ix.scheds)), overlap: make([]int32, len(ix.scheds)), schedule: make([]int16, len(ix.scheds)),
		langStamp: make([]uint32, len(ix.langReqs)), lang: make([]languageFacts, len(ix.langReqs)),
	}
}

// reset points the view at another candidate.
func (v *view) reset(ci int) {
	v.ci = ci
	v.stamp++
	if v.stamp == 0 { // wrapped: forget everything
		clear(v.termStamp)
		clear(v.codeStamp)
		clear(v.schedStamp)
		clear(v.langStamp)
		v.stamp = 1
	}
}

func (v *view) term(d int32) (skill, goal uint8) {
	if v.termStamp[d] != v.stamp {
		pc, t := &v.ix.cands[v.ci], v.ix.terms[d]
		s, _ := pc.skills.credit(t)
		g, _ := pc.goals.credit(t)
		v.skillLevel[d], v.goalLevel[d] = creditLevel(s), creditLevel(g)
		v.termStamp[d] = v.stamp
	}
	return v.skillLevel[d], v.goalLevel[d]
}

func (v *view) code(d int32) float64 {
	if v.codeStamp[d] != v.stamp {
		best, b := 0.0, v.ix.codes[d]
		if v.ix.likeness != nil {
			for _, g := range v.ix.cands[v.ci].goalAt {
				best = max(best, v.ix.likeness[int(g)*len(v.ix.codes)+int(d)])
			}
		} else {
			for _, a := range v.ix.cands[v.ci].goalCodes {
				l, _ := codeLikeness(a, b)
				best = max(best, l)
			}
		}
		v.codeCredit[d] = best
		v.codeStamp[d] = v.stamp
	}
	return v.codeCredit[d]
}

// scheduleOf gives the minutes of schedule d inside the candidate's
// availability, and the schedule component in hundredths: the share of the
// placement's hours that fit, blended with how much of the person's target
// they cover.
func (v *view) scheduleOf(d int32) (overlap int, hundredths int) {
	if v.schedStamp[d] != v.stamp {
		sched := v.ix.scheds[d]
		o := OverlapMinutes(v.ix.candidates[v.ci].Availability, sched)
		component := 0.0
		if minutes := sched.Minutes(); minutes > 0 {
			component = float64(o) / float64(minutes)
		}
		if target := v.ix.cands[v.ci].targetMinutes; target > 0 {
			component = (1-targetShare)*component + targetShare*min(1, float64(o)/float64(target))
		}
		v.overlap[d], v.schedule[d] = int32(o), int16(hundredthsOf(component))
		v.schedStamp[d] = v.stamp
	}
	return int(v.overlap[d]), int(v.schedule[d])
}

func (v *view) language(d int32) *languageFacts {
	if v.langStamp[d] != v.stamp {
		v.lang[d] = languageOf(&v.ix.cands[v.ci], &v.ix.langReqs[d])
		v.langStamp[d] = v.stamp
	}
	return &v.lang[d]
}
