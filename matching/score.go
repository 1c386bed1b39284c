package matching

import (
	"math"
	"strconv"
)

// Weights weigh the score's components. Only their ratios matter.
type Weights struct {
	Skills, Language, Schedule float64
}

// DefaultWeights are the office defaults: skills count for half, Norwegian
// and schedule for a quarter each.
func DefaultWeights() Weights { return Weights{Skills: 0.5, Language: 0.25, Schedule: 0.25} }

// Valid reports whether the weights can score: none negative, not all zero.
func (w Weights) Valid() bool {
	return w.Skills >= 0 && w.Language >= 0 && w.Schedule >= 0 && w.Skills+w.Language+w.Schedule > 0
}

// Candidate is what scoring needs to know about a person.
type Candidate struct {
	Ref             string
	Norwegian       Norwegian
	Languages       []string // other languages, normalized
	Skills          []string
	Goals           []string
	GoalOccupations []string // STYRK-08 codes
	Availability    Schedule
	TargetHours     float64 // 0: no target
	PoliceCert      bool
	DriversLicense  bool
	AdaptationNeeds []string
	Closed          bool   // the person's follow-up has ended
	Placed          bool   // already holds a seat or is working in a placement
	UnavailableTill string // YYYY-MM-DD; unavailable before that day
}

// Placement is what scoring needs to know about a placement.
type Placement struct {
	Ref                string
	Title              string
	Active             bool
	FreeSeats          int
	NorwegianMin       Norwegian
	NorwegianHard      bool
	SkillsRequired     []string
	SkillsTrained      []string
	LanguagesValued    []string
	Occupations        []string
	Schedule           Schedule
	MinHours           float64
	RequiresPolice     bool
	RequiresLicense    bool
	AdaptationsOffered []string
}

// Components are the parts of a score, each 0–1, rounded to hundredths:
// the total is computed from these rounded values, so anyone can check it.
type Components struct {
	Skills, Language, Schedule float64
}

// Result is one candidate–placement pair scored: the total in tenths
// (0–1000), the components, whether a hard constraint excludes the pair, and
// the reasons, exclusions first.
type Result struct {
	Candidate, Placement int // indices in the Index
	Total                int
	Components           Components
	Excluded             bool
	Reasons              []Reason
	HoursWeek            float64 // hours of the placement inside the availability
	TargetHours          float64 // the candidate's target, 0 when none
}

// Score is the total as a number with one decimal (85.8).
func (r Result) Score() float64 { return float64(r.Total) / 10 }

// Reason is one explanation: a stable code and the values the sentence
// needs. Private reasons speak of what not every role may see about the
// candidate (certificates, other languages, target hours, dates).
type Reason struct {
	Code    string
	Args    []string
	Private bool
}

// The reason codes. Exclusions start with "excluded.".
const (
	ReasonPlacementInactive = "excluded.placement_inactive"
	ReasonCandidateClosed   = "excluded.candidate_closed"
	ReasonCandidatePlaced   = "excluded.candidate_placed"
	ReasonUnavailable       = "excluded.unavailable"        // until (date)
	ReasonPolice            = "excluded.police_certificate" //
	ReasonLicense           = "excluded.drivers_license"    //
	ReasonNorwegianHard     = "excluded.norwegian_hard"     // part, has, needs
	ReasonMinHours          = "excluded.min_hours"          // hours inside, minimum
	ReasonNoOverlap         = "excluded.no_overlap"         // none of the placement's hours fit
	ReasonAdaptation        = "excluded.adaptation"         // the needs not offered
	ReasonNoSeat            = "excluded.no_seat"            // (assignment only)

	ReasonRequiredMet     = "skills.required_met"     // terms
	ReasonRequiredMissing = "skills.required_missing" // terms
	ReasonGoal            = "skills.goal"             // goal, placement term, kind
	ReasonOccupation      = "skills.occupation"       // goal code, placement code, kind[, what they share]
	ReasonExperience      = "skills.experience"       // skill, placement term, kind
	ReasonNoLink          = "skills.no_link"
	ReasonNorwegianOK     = "language.norwegian_ok"    // has, minimum
	ReasonNorwegianBelow  = "language.norwegian_below" // part, has, needs
	ReasonValued          = "language.valued"          // languages
	ReasonValuedNone      = "language.valued_none"     // the languages the placement values
	ReasonCovers          = "schedule.covers"          // hours inside, placement hours
	ReasonTarget          = "schedule.target"          // hours inside, target
	ReasonFull            = "placement.full"
)

// The kinds of likeness a skills reason names.
const (
	KindSame    = "same"    // the same term or a synonym; the same occupation
	KindClose   = "close"   // a narrower or broader term
	KindRelated = "related" // terms under the same broader term; the same occupation group
	KindArea    = "area"    // the same work area; the same occupational field
	// With a classification (Options.Occupations) occupations are alike by
	// the same minor group, NAV category level 2, or sub-major group or NAV
	// category level 1.
	KindGroup    = "group"
	KindCategory = "category"
	KindField    = "field"
)

// Credits for each kind of likeness of two skill terms.
const (
	creditSame    = 1.0
	creditClose   = 0.7
	creditRelated = 0.5
	creditArea    = 0.25
)

// The skills component is the required skills covered (40 %) and how well
// what the placement trains fits the person (60 %): their goals at full
// weight, their experience at 60 %.
const (
	requiredShare   = 0.4
	interestShare   = 0.6
	experienceShare = 0.6
)

// The language component: oral counts 60 %, written 40 %; each CEFR level
// short costs 35 % of its part; when the placement values other languages,
// speaking one of them is 15 % of the component.
const (
	oralShare        = 0.6
	levelShortCost   = 0.35
	valuedShare      = 0.15
	targetShare      = 0.25 // of the schedule component, when the person has a target
	percent          = 100
	tenthsPerPercent = 10
)

// hundredthsOf rounds a component 0–1 to whole hundredths.
func hundredthsOf(x float64) int { return int(math.Round(x * 100)) }

// total is 100 × Σ wᵢ·cᵢ / Σ wᵢ in tenths, rounded half up.
func (w Weights) total(c Components) int {
	return w.totalOf(hundredthsOf(c.Skills), hundredthsOf(c.Language), hundredthsOf(c.Schedule))
}

// totalOf is total from components in hundredths. Hundredths are whole
// numbers, so the sum is exact but for the weights' own fractions; the tiny
// margin keeps 857.5 from rounding down.
func (w Weights) totalOf(skills, language, schedule int) int {
	s, l, t := w.factors()
	return int(s*float64(skills) + l*float64(language) + t*float64(schedule) + 0.5 + 1e-9)
}

// factors turn components in hundredths into tenths of the total.
func (w Weights) factors() (skills, language, schedule float64) {
	sum := w.Skills + w.Language + w.Schedule
	return w.Skills / sum * tenthsPerPercent, w.Language / sum * tenthsPerPercent, w.Schedule / sum * tenthsPerPercent
}

func hoursText(minutes int) string {
	return strconv.FormatFloat(float64(minutes)/60, 'f', -1, 64)
}
