package matching

import (
	"encoding/binary"
	"strings"
	"sync"
	"sync/atomic"
)

// Index holds candidates and placements prepared for scoring: skill terms
// as bitsets over the term space, Norwegian levels, schedules as slot masks,
// requirements as flags. Scoring a pair is then a few bit tests, an
// AND-and-popcount over the week and some arithmetic. An Index is read-only
// once built and safe for concurrent use.
type Index struct {
	weights Weights
	// The weights as factors from hundredths to tenths of the total.
	wSkills, wLanguage, wSchedule float64
	today                         string
	space                         *termSpace
	langs                         map[string]int
	words                         int // uint64 words per term bitset
	candidates                    []Candidate
	placements                    []Placement
	cands                         []preCandidate
	places                        []prePlacement
	// The distinct terms, codes, schedules and language requirements of the
	// placements (see densify).
	terms    []preTerm
	codes    []int
	scheds   []Schedule
	mins     []Norwegian // the Norwegian minimums
	langReqs []langRequirement
	table    *skillTable
	// The placements laid out for ranking (see layout): classes of slots,
	// the slots' terms and codes.
	classes []placementClass
	// The classes by schedule: bySchedule[schedClasses[d].lo:…hi].
	schedClasses []scheduleClasses
	bySchedule   []int32
	slots        []slot
	spans        []span   // per slot
	gates        []uint32 // per slot: the gate, and the minimum minutes above it (for counting)
	flat         []int32
	valued       []bitset // the distinct sets of languages placements value
	unions       []bitset // the distinct sets of languages the placements of a class value
	// The terms of each work area: areaTerms[areaStart[a]:areaStart[a+1]];
	// and a bit for each (0 for areas no placement term is in).
	areaStart, areaTerms []int32
	areaBit              []uint64
	refRank              []int32 // per placement, its place in the order of refs
	// The highest skills component any pair can have (100 unless an
	// occupation likeness gives more than full credit), and the highest total.
	maxSkills, maxBound int
	views               sync.Pool // of *view, for RankPlacements and TopPairs
	// occupations, when set, says how alike two occupations are; likeness
	// holds the credit (by it, or by the codes' digits) for every distinct
	// goal code (row, see goalCodes) and placement code (column, see
	// codes), and likenessAt the same as goal values of the skills table.
	occupations OccupationLikeness
	goalCodes   []int
	likeness    []float64
	likenessAt  []uint8
	// The candidates' distinct availabilities, when shared (see
	// shareAvailabilities).
	availAt   []int32
	availRows []atomic.Pointer[availRow]
}

// OccupationLikeness says how alike a goal's occupation and a placement's
// are (STYRK-08 unit-group codes): a credit 0–1, the kind of likeness
// (KindSame, KindGroup, KindCategory, KindField) and what they share, in
// words, for the reason.
type OccupationLikeness func(goal, placement string) (credit float64, kind, shared string)

// Options tune scoring.
type Options struct {
	Weights Weights // zero: DefaultWeights
	Today   string  // YYYY-MM-DD, for temporary unavailability
	// Occupations compares occupation codes by the classification; nil
	// compares them by their digits (the same minor or sub-major group).
	Occupations OccupationLikeness
}

type bitset []uint64

func (b bitset) has(i int32) bool { return i >= 0 && b[i>>6]&(1<<(uint(i)&63)) != 0 }
func (b bitset) set(i int32) {
	if i >= 0 {
		b[i>>6] |= 1 << (uint(i) & 63)
	}
}
func (b bitset) intersects(o bitset) bool {
	for i := range b {
		if b[i]&o[i] != 0 {
			return true
		}
	}
	return false
}

// termSet is a candidate's terms with their broader terms and work areas,
// so that the likeness of one placement term is a few bit tests.
type termSet struct {
	ids                 []int32
	exact, parent, area bitset
}

type preTerm struct{ id, parent, area int32 }

type preCandidate struct {
	// excluded holds the hard constraints the candidate fails whatever the
	// placement (closed, placed, unavailable); holds the requirements met
	// (exPolice, exLicense bits).
	excluded, holds uint16
	skills, goals   termSet
	goalCodes       []int
	goalAt          []int32 // the goal codes as rows of Index.likeness
	langs           bitset
	needs           uint8
	unavailable     bool
	targetMinutes   int
	oral, written   Level
}

type prePlacement struct {
	// excluded holds exInactive; requires the exPolice and exLicense bits
	// the placement asks for; hard marks a hard Norwegian minimum.
	excluded, requires uint16
	hard               bool
	required, trained  []preTerm
	// The same terms, schedule, language requirement and codes as dense
	// numbers, for a candidate's view to look their likeness up by.
	requiredAt, trainedAt []int32
	codeAt                []int32
	schedAt, langAt       int32
	codes                 []int
	valued                bitset
	hasValued             bool
	offers                uint8
	minutes               int
	minMinutes            int
}

var adaptationBits = map[string]uint8{"arbeidstid": 1, "fysisk": 2, "arbeidshverdagen": 4, "språk": 8}

func adaptationMask(list []string) uint8 {
	var m uint8
	for _, a := range list {
		m |= adaptationBits[NormalizeTerm(a)]
	}
	return m
}

// titleStopWords are short words of titles that say nothing about the work.
var titleStopWords = map[string]bool{"og": true, "i": true, "på": true, "for": true, "med": true, "av": true, "til": true, "ved": true}

// NewIndex prepares candidates and placements for scoring against the
// taxonomy (nil for none).
func NewIndex(tax *Taxonomy, candidates []Candidate, placements []Placement, opt Options) *Index {
	if !opt.Weights.Valid() {
		opt.Weights = DefaultWeights()
	}
	ix := &Index{weights: opt.Weights, today: opt.Today, space: newTermSpace(tax), langs: map[string]int{},
		candidates: candidates, placements: placements}
	ix.wSkills, ix.wLanguage, ix.wSchedule = opt.Weights.factors()
	// First number every term and language, so that the bitsets can be sized.
	candTerms := make([][2][]int32, len(candidates))
	for i, c := range candidates {
		candTerms[i] = [2][]int32{ix.termIDs(c.Skills), ix.termIDs(c.Goals)}
		ix.langIDs(c.Languages)
	}
	placeTerms := make([][2][]int32, len(placements))
	for i, p := range placements {
		trained := ix.termIDs(p.SkillsTrained)
		trained = append(trained, ix.termIDs(titleTerms(p.Title))...)
		placeTerms[i] = [2][]int32{ix.termIDs(p.SkillsRequired), dedupe(trained)}
		ix.langIDs(p.LanguagesValued)
	}
	ix.space.finish()
	ix.words = (len(ix.space.parent) + 63) / 64
	langWords := (len(ix.langs) + 63) / 64

	ix.cands = make([]preCandidate, len(candidates))
	bitsFor := func(n int) []uint64 { return make([]uint64, n) }
	for i, c := range candidates {
		pc := &ix.cands[i]
		pc.skills = ix.termSet(candTerms[i][0], bitsFor(3*ix.words))
		pc.goals = ix.termSet(candTerms[i][1], bitsFor(3*ix.words))
		pc.goalCodes = codesOf(c.GoalOccupations, ix.space, candTerms[i][1])
		pc.langs = bitsFor(langWords)
		for _, l := range c.Languages {
			pc.langs.set(int32(ix.langs[NormalizeTerm(l)]))
		}
		pc.needs = adaptationMask(c.AdaptationNeeds)
		pc.unavailable = c.UnavailableTill != "" && opt.Today != "" && opt.Today < c.UnavailableTill
		pc.targetMinutes = int(c.TargetHours*60 + 0.5)
		pc.oral, pc.written = c.Norwegian.Oral, c.Norwegian.Written
		pc.excluded = flag(c.Closed, exClosed) | flag(c.Placed, exPlaced) | flag(pc.unavailable, exUnavailable)
		pc.holds = flag(c.PoliceCert, exPolice) | flag(c.DriversLicense, exLicense)
	}
	ix.places = make([]prePlacement, len(placements))
	for i, p := range placements {
		pp := &ix.places[i]
		pp.required = ix.preTerms(placeTerms[i][0])
		pp.trained = ix.preTerms(placeTerms[i][1])
		pp.codes = codesOf(p.Occupations, ix.space, placeTerms[i][1])
		pp.valued = bitsFor(langWords)
		for _, l := range p.LanguagesValued {
			pp.valued.set(int32(ix.langs[NormalizeTerm(l)]))
			pp.hasValued = true
		}
		pp.offers = adaptationMask(p.AdaptationsOffered)
		pp.minutes = p.Schedule.Minutes()
		pp.minMinutes = int(p.MinHours*60 + 0.5)
		pp.excluded = flag(!p.Active, exInactive)
		pp.requires = flag(p.RequiresPolice, exPolice) | flag(p.RequiresLicense, exLicense)
		pp.hard = p.NorwegianHard
	}
	ix.densify()
	ix.maxSkills = skillsOf(1, 1, 1)
	ix.table = digitsTable()
	ix.occupations = opt.Occupations
	ix.tabulateOccupations(func(a, b int) float64 { l, _, _ := ix.occupationLikeness(a, b); return l })
	if opt.Occupations != nil {
		best := 1.0
		for _, l := range ix.likeness {
			best = max(best, l)
		}
		ix.maxSkills = max(ix.maxSkills, skillsOf(1, best, 1))
		ix.table = newSkillTable(ix.likeness) // it sorts and compacts the credits itself
	}
	if ix.table != nil {
		ix.likenessAt = make([]uint8, len(ix.likeness))
		for k, l := range ix.likeness {
			ix.likenessAt[k] = ix.table.goalIndex(l)
		}
	}
	ix.maxBound = ix.totalOf(ix.maxSkills, percent, percent)
	ix.layout()
	ix.shareAvailabilities()
	return ix
}

// shareAvailabilities numbers the distinct availabilities (with targets)
// of the candidates, so that views work each one out against the
// placements' schedules once (see availRow) — when that table stays small.
func (ix *Index) shareAvailabilities() {
	at := map[string]int32{}
	ix.availAt = make([]int32, len(ix.candidates))
	var key []byte
	for i := range ix.candidates {
		key = key[:0]
		for _, iv := range ix.candidates[i].Availability.intervals {
			key = binary.LittleEndian.AppendUint32(key, uint32(iv[0]))
			key = binary.LittleEndian.AppendUint32(key, uint32(iv[1]))
		}
		key = binary.LittleEndian.AppendUint32(key, uint32(ix.cands[i].targetMinutes))
		a, ok := at[string(key)]
		if !ok {
			a = int32(len(at))
			at[string(key)] = a
		}
		ix.availAt[i] = a
	}
	if len(at)*len(ix.scheds) > maxSharedSchedules {
		ix.availAt = nil
		return
	}
	ix.availRows = make([]atomic.Pointer[availRow], len(at))
}

// maxSharedSchedules bounds the table of availabilities against schedules
// (8 bytes an entry).
const maxSharedSchedules = 1 << 22

// availRow is one availability (with a target) against every schedule of
// the placements: the minutes inside it and the schedule component.
type availRow struct{ overlap, sched []int32 }

// availRowOf works out, or looks up, the availability row of candidate ci;
// nil when they are not shared.
func (ix *Index) availRowOf(ci int) *availRow {
	if ix.availAt == nil {
		return nil
	}
	kept := &ix.availRows[ix.availAt[ci]]
	if row := kept.Load(); row != nil {
		return row
	}
	row := &availRow{overlap: make([]int32, len(ix.scheds)), sched: make([]int32, len(ix.scheds))}
	ix.fillAvailability(row.overlap, row.sched, ci)
	kept.Store(row) // another worker may store the same figures too
	return row
}

// fillAvailability works candidate ci's availability out against every
// schedule of the placements.
func (ix *Index) fillAvailability(overlap, sched []int32, ci int) {
	availability := &ix.candidates[ci].Availability
	for d := range ix.scheds {
		o, h := scheduleOf(availability, &ix.scheds[d], ix.cands[ci].targetMinutes)
		overlap[d], sched[d] = int32(o), int32(h)
	}
}

// tabulateOccupations works out the likeness of every distinct goal code
// to every distinct placement code once, so that scoring looks it up.
func (ix *Index) tabulateOccupations(like func(goal, placement int) float64) {
	at := map[int]int32{}
	for i := range ix.cands {
		pc := &ix.cands[i]
		pc.goalAt = make([]int32, len(pc.goalCodes))
		for j, code := range pc.goalCodes {
			row, ok := at[code]
			if !ok {
				row = int32(len(ix.goalCodes))
				at[code] = row
				ix.goalCodes = append(ix.goalCodes, code)
			}
			pc.goalAt[j] = row
		}
	}
	ix.likeness = make([]float64, len(ix.goalCodes)*len(ix.codes))
	for g, a := range ix.goalCodes {
		for d, b := range ix.codes {
			ix.likeness[g*len(ix.codes)+d] = like(a, b)
		}
	}
}

// flag is bit when on, else 0: one bit of a set of flags.
func flag[T ~uint8 | ~uint16](on bool, bit T) T {
	if on {
		return bit
	}
	return 0
}

func (ix *Index) totalOf(skills, language, schedule int) int {
	return int(ix.wSkills*float64(skills) + ix.wLanguage*float64(language) + ix.wSchedule*float64(schedule) + 0.5 + 1e-9)
}

// titleTerms are the words of a title that may name the work.
func titleTerms(title string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(title), func(r rune) bool {
		return r == ' ' || r == '/' || r == ',' || r == '-' || r == '(' || r == ')'
	}) {
		if len([]rune(w)) >= minCompoundPart && !titleStopWords[w] {
			out = append(out, w)
		}
	}
	return out
}

// termIDs numbers a list of terms. A multi-word item the taxonomy lacks
// also counts each of its words ("jobbe i butikk" holds "butikk").
func (ix *Index) termIDs(items []string) []int32 {
	var ids []int32
	for _, item := range items {
		item = NormalizeTerm(item)
		if item == "" {
			continue
		}
		_, known := ix.space.tax.ids[item]
		ids = append(ids, ix.space.id(item))
		if !known && strings.Contains(item, " ") {
			for _, w := range titleTerms(item) {
				ids = append(ids, ix.space.id(w))
			}
		}
	}
	return dedupe(ids)
}

func dedupe(ids []int32) []int32 {
	out := ids[:0:0]
	for _, id := range ids {
		seen := false
		for _, o := range out {
			seen = seen || o == id
		}
		if !seen {
			out = append(out, id)
		}
	}
	return out
}

func (ix *Index) langIDs(langs []string) {
	for _, l := range langs {
		if l = NormalizeTerm(l); l != "" {
			if _, ok := ix.langs[l]; !ok {
				ix.langs[l] = len(ix.langs)
			}
		}
	}
}

func (ix *Index) termSet(ids []int32, backing []uint64) termSet {
	w := ix.words
	s := termSet{ids: ids, exact: backing[:w], parent: backing[w : 2*w], area: backing[2*w:]}
	for _, id := range ids {
		s.exact.set(id)
		s.parent.set(ix.space.parent[id])
		s.area.set(ix.space.area[id])
	}
	return s
}

func (ix *Index) preTerms(ids []int32) []preTerm {
	out := make([]preTerm, len(ids))
	for i, id := range ids {
		out[i] = preTerm{id: id, parent: ix.space.parent[id], area: ix.space.area[id]}
	}
	return out
}

// codesOf gathers STYRK-08 codes: those given, and those the terms name.
func codesOf(given []string, space *termSpace, terms []int32) []int {
	var out []int
	add := func(code string) {
		n := 0
		for _, r := range code {
			if r < '0' || r > '9' {
				return
			}
			n = n*10 + int(r-'0')
		}
		if len(code) == 4 {
			for _, o := range out {
				if o == n {
					return
				}
			}
			out = append(out, n)
		}
	}
	for _, c := range given {
		add(strings.TrimSpace(c))
	}
	for _, id := range terms {
		for _, c := range space.codes[id] {
			add(c)
		}
	}
	return out
}

// level is how alike a placement term is to the closest of a candidate's,
// as a level of likeness: 4 the same term or a synonym, 3 a narrower or
// broader term, 2 under the same broader term, 1 in the same work area, 0
// none. Each level implies the same work area (the topmost broader term),
// which is what lets a view look at only the terms of the person's areas.
func (s *termSet) level(t preTerm) uint8 {
	switch {
	case s.exact.has(t.id):
		return 4
	case s.parent.has(t.id) || s.exact.has(t.parent):
		return 3
	case t.parent >= 0 && s.parent.has(t.parent):
		return 2
	case s.area.has(t.area):
		return 1
	}
	return 0
}

// level is termSet.level for a set of the one term id: how alike t is to
// it.
func (s *termSpace) level(id int32, t preTerm) uint8 {
	switch {
	case id == t.id:
		return 4
	case s.parent[id] == t.id || id == t.parent:
		return 3
	case t.parent >= 0 && s.parent[id] == t.parent:
		return 2
	case s.area[id] == t.area:
		return 1
	}
	return 0
}

// kindOf names each level of likeness.
var kindOf = [5]string{"", KindArea, KindRelated, KindClose, KindSame}

// credit is how alike a placement term is to the closest of a candidate's.
func (s *termSet) credit(t preTerm) (float64, string) {
	l := s.level(t)
	return creditOf[l], kindOf[l]
}

// occupationLikeness is how alike a goal code and a placement code are,
// what kind of likeness it is and what they share ("" when unknown).
func (ix *Index) occupationLikeness(a, b int) (float64, string, string) {
	if ix.occupations != nil {
		return ix.occupations(code4(a), code4(b))
	}
	credit, kind := codeLikeness(a, b)
	return credit, kind, ""
}

// The credits of codes alike by their digits.
const (
	creditMinorGroup    = 0.75
	creditSubMajorGroup = 0.3
)

// codeLikeness compares codes by their digits when there is no
// classification: the same occupation, the same minor group (3 digits),
// the same sub-major group (2 digits).
func codeLikeness(a, b int) (float64, string) {
	switch {
	case a == b:
		return creditSame, KindSame
	case a/10 == b/10:
		return creditMinorGroup, KindRelated
	case a/100 == b/100:
		return creditSubMajorGroup, KindArea
	}
	return 0, ""
}
