package matching

import (
	"fmt"
	"slices"
	"strings"
)

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
	minAt := map[Norwegian]int32{}
	valuedAt := map[string]int32{}
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
		m, ok := minAt[p.NorwegianMin]
		if !ok {
			m = int32(len(ix.mins))
			minAt[p.NorwegianMin] = m
			ix.mins = append(ix.mins, p.NorwegianMin)
		}
		req := langRequirement{min: p.NorwegianMin, minAt: m, valued: pp.valued, hasValued: pp.hasValued, valuedAt: -1}
		key = req.key()
		if d, ok = langAt[key]; !ok {
			if req.hasValued {
				key := fmt.Sprintf("%x", []uint64(req.valued))
				v, ok := valuedAt[key]
				if !ok {
					v = int32(len(ix.valued))
					valuedAt[key] = v
					ix.valued = append(ix.valued, req.valued)
				}
				req.valuedAt = v
			}
			d = int32(len(ix.langReqs))
			langAt[key] = d
			ix.langReqs = append(ix.langReqs, req)
		}
		pp.langAt = d
	}
}

// The ranking loops read a placement's hard constraints as one word of
// bits (slot.gate) and AND it with a word the candidate and the class make
// (view.mask): a bit set in both excludes the pair.
const (
	gateInactive uint16 = 1 << iota
	gatePolice
	gateLicense
	gateHard // a hard Norwegian minimum; the candidate's word has it when they fall short
	gateFull // no free seat (only assignment asks)
	gateNotOffered
	// gateNotOffered and the three bits above it: the adaptations not
	// offered, against the ones the candidate needs.
)

// slot is one placement as the ranking loops read it, packed small and
// stored class by class. Its terms and codes are inline when they fit, so
// that its skills are a fixed number of look-ups: the required terms (in
// order), the trained ones and the codes, padded with Index.noTerm and
// Index.noCode, whose likeness is always none.
type slot struct {
	index      int32 // the placement
	minMinutes int32
	valuedAt   int32 // the languages it values among Index.valued, -1 when none
	gate       uint16
	inline     bool  // the terms and codes are inline; else see Index.spans
	required   uint8 // how many required terms
	codes      bool  // the placement has occupation codes
	// The work areas of its required and trained terms, folded to 32 bits
	// (see Index.areaBit); whether it requires nothing (free) and has codes
	// (coded), as 0 or 1: for bounding its skills.
	requiredAreas, trainedAreas uint32
	free, coded                 uint8
	req                         [inlineRequired]uint16
	trained                     [inlineTrained]uint16
	code                        [inlineCodes]uint16
}

const (
	inlineRequired = 3
	inlineTrained  = 8
	inlineCodes    = 4
)

// span is where a slot's terms and codes are in Index.flat: the required
// terms at [lo, mid), the trained ones at [mid, hi), the codes at [hi, end).
type span struct{ lo, mid, hi, end int32 }

// noTerm and noCode pad a slot's inline terms and codes: past the last
// term and code, their likeness in a view is always none.
func (ix *Index) noTerm() int { return len(ix.terms) }
func (ix *Index) noCode() int { return len(ix.codes) }

// placementClass is the placements that share a schedule and a Norwegian
// minimum: with one candidate they share the schedule component, the
// overlap and whether a hard minimum excludes, and their language
// components are those of the minimum, with or without a valued language
// the person speaks; so they share an upper bound on the total.
type placementClass struct {
	schedAt, minAt int32
	lo, hi         int32 // its slots, in rising placement index
	// What bounds its pairs' totals: the work areas of its required and
	// trained terms (see Index.areaBit); whether some placement requires
	// nothing (classFree), has occupation codes (classCoded), values other
	// languages (classValued) or not (classPlain); and all the languages
	// they value, as a set among Index.unions (0: none).
	requiredAreas, trainedAreas uint64
	flags                       uint8
	unionAt                     int32
}

// scheduleClasses is the classes of one schedule, and what bounds the
// totals of all of them: the union of their work areas and flags.
type scheduleClasses struct {
	lo, hi                      int32 // its classes in Index.bySchedule, rising
	requiredAreas, trainedAreas uint64
	flags                       uint8
}

// The flags of a class.
const (
	classFree uint8 = 1 << iota
	classCoded
	classPlain
	classValued
)

// layout groups the placements in classes and lays them out as slots, and
// lists the terms of each work area, for views to look at.
func (ix *Index) layout() {
	type classKey struct{ sched, min int32 }
	classAt := map[classKey]int32{}
	var members [][]int32
	for i := range ix.places {
		pp := &ix.places[i]
		key := classKey{pp.schedAt, ix.langReqs[pp.langAt].minAt}
		c, ok := classAt[key]
		if !ok {
			c = int32(len(ix.classes))
			classAt[key] = c
			ix.classes = append(ix.classes, placementClass{schedAt: key.sched, minAt: key.min})
			members = append(members, nil)
		}
		members[c] = append(members[c], int32(i))
	}
	// A bit per work area of the placements' terms (areas beyond 64 share
	// bits, which only loosens the bounds).
	ix.areaBit = make([]uint64, len(ix.space.parent))
	areas := 0
	for _, t := range ix.terms {
		if ix.areaBit[t.area] == 0 {
			ix.areaBit[t.area] = 1 << (areas % 64)
			areas++
		}
	}
	inline := len(ix.terms) < 1<<16-1 && len(ix.codes) < 1<<16-1
	ix.slots = make([]slot, 0, len(ix.places))
	ix.unions = []bitset{nil} // 0: no languages
	unionAt := map[string]int32{}
	for c := range ix.classes {
		cl := &ix.classes[c]
		cl.lo = int32(len(ix.slots))
		languages := make(bitset, len(ix.places[members[c][0]].valued))
		for _, i := range members[c] {
			pp, p := &ix.places[i], &ix.placements[i]
			for w := range languages {
				languages[w] |= pp.valued[w]
			}
			cl.flags |= flag(len(pp.required) == 0, classFree) | flag(len(pp.codeAt) > 0, classCoded) |
				flag(pp.hasValued, classValued) | flag(!pp.hasValued, classPlain)
			var required, trained uint64
			for _, t := range pp.required {
				required |= ix.areaBit[t.area]
			}
			for _, t := range pp.trained {
				trained |= ix.areaBit[t.area]
			}
			cl.requiredAreas |= required
			cl.trainedAreas |= trained
			s := slot{index: i, minMinutes: int32(pp.minMinutes), valuedAt: ix.langReqs[pp.langAt].valuedAt,
				gate: flag(pp.excluded&exInactive != 0, gateInactive) | flag(pp.requires&exPolice != 0, gatePolice) |
					flag(pp.requires&exLicense != 0, gateLicense) | flag(pp.hard, gateHard) |
					flag(p.FreeSeats <= 0, gateFull) | uint16(^pp.offers&15)*gateNotOffered,
				codes: len(pp.codeAt) > 0, requiredAreas: fold(required), trainedAreas: fold(trained)}
			if len(pp.required) == 0 {
				s.free = 1
			}
			if s.codes {
				s.coded = 1
			}
			if inline && len(pp.requiredAt) <= inlineRequired && len(pp.trainedAt) <= inlineTrained && len(pp.codeAt) <= inlineCodes {
				s.inline, s.required = true, uint8(len(pp.requiredAt))
				pad(s.req[:], pp.requiredAt, ix.noTerm())
				pad(s.trained[:], pp.trainedAt, ix.noTerm())
				pad(s.code[:], pp.codeAt, ix.noCode())
			}
			sp := span{lo: int32(len(ix.flat))}
			ix.flat = append(ix.flat, pp.requiredAt...)
			sp.mid = int32(len(ix.flat))
			ix.flat = append(ix.flat, pp.trainedAt...)
			sp.hi = int32(len(ix.flat))
			ix.flat = append(ix.flat, pp.codeAt...)
			sp.end = int32(len(ix.flat))
			ix.slots = append(ix.slots, s)
			ix.spans = append(ix.spans, sp)
			ix.gates = append(ix.gates, uint32(s.gate)|uint32(min(pp.minMinutes, minutesPerWeek+1))<<16)
		}
		cl.hi = int32(len(ix.slots))
		if cl.flags&classValued != 0 {
			key := fmt.Sprintf("%x", []uint64(languages))
			u, ok := unionAt[key]
			if !ok {
				u = int32(len(ix.unions))
				unionAt[key] = u
				ix.unions = append(ix.unions, languages)
			}
			cl.unionAt = u
		}
	}
	// The classes of each schedule.
	ix.schedClasses = make([]scheduleClasses, len(ix.scheds))
	for _, cl := range ix.classes {
		ix.schedClasses[cl.schedAt].hi++
	}
	at := int32(0)
	for d := range ix.schedClasses {
		sc := &ix.schedClasses[d]
		sc.lo, sc.hi, at = at, at, at+sc.hi
	}
	ix.bySchedule = make([]int32, len(ix.classes))
	for c, cl := range ix.classes {
		sc := &ix.schedClasses[cl.schedAt]
		ix.bySchedule[sc.hi] = int32(c)
		sc.hi++
		sc.requiredAreas |= cl.requiredAreas
		sc.trainedAreas |= cl.trainedAreas
		sc.flags |= cl.flags
	}
	// The terms of each work area (areas are term ids of the space).
	ix.areaStart = make([]int32, len(ix.space.parent)+1)
	for _, t := range ix.terms {
		ix.areaStart[t.area+1]++
	}
	for a := range len(ix.space.parent) {
		ix.areaStart[a+1] += ix.areaStart[a]
	}
	ix.areaTerms = make([]int32, len(ix.terms))
	fill := slices.Clone(ix.areaStart)
	for d, t := range ix.terms {
		ix.areaTerms[fill[t.area]] = int32(d)
		fill[t.area]++
	}
	// Placements by ref, for ties.
	byRef := make([]int32, len(ix.placements))
	for i := range byRef {
		byRef[i] = int32(i)
	}
	slices.SortStableFunc(byRef, func(a, b int32) int { return strings.Compare(ix.placements[a].Ref, ix.placements[b].Ref) })
	ix.refRank = make([]int32, len(byRef))
	for r, i := range byRef {
		ix.refRank[i] = int32(r)
	}
}

// pad copies ids into dst and fills the rest with none.
func pad(dst []uint16, ids []int32, none int) {
	for k := range dst {
		dst[k] = uint16(none)
		if k < len(ids) {
			dst[k] = uint16(ids[k])
		}
	}
}

// fold folds a set of work areas to 32 bits.
func fold(areas uint64) uint32 { return uint32(areas) | uint32(areas>>32) }
