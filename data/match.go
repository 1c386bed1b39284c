package data

import (
	"context"
	"slices"

	"arbeidsboks/matching"
	"arbeidsboks/matching/occupation"
)

// Matching is the office's records prepared for scoring: the candidates
// and placements as the store holds them, in the same order as the index.
type Matching struct {
	Candidates []*Candidate
	Placements []*Placement
	Index      *matching.Index
	// SeatHolders are the seat-holding utplasseringer by candidate id.
	SeatHolders map[int64]Utplassering
	// Occupations is the stored classification of occupations; nil when
	// none is stored.
	Occupations *occupation.Classification
	resolved    map[string]string // a goal or title → its confident code ("" for none)
}

// LoadMatching reads what scoring needs and builds the index. Scoring sees
// the full records whatever the reader's role (see CandidatesForMatching).
func LoadMatching(ctx context.Context, r Reader, weights matching.Weights, today Date) (*Matching, error) {
	m, terms, err := loadRecords(ctx, r)
	if err != nil {
		return nil, err
	}
	m.buildIndex(terms, weights, today)
	return m, nil
}

// loadRecords reads what scoring needs into a Matching without its index,
// and gives the skills taxonomy read with it: for those who build an index
// of their own (PlanAssignment).
func loadRecords(ctx context.Context, r Reader) (*Matching, []SkillTerm, error) {
	candidates, err := r.CandidatesForMatching(ctx)
	if err != nil {
		return nil, nil, err
	}
	placements, err := r.Placements(ctx, PlacementFilter{})
	if err != nil {
		return nil, nil, err
	}
	holding, err := r.Utplasseringer(ctx, UtplasseringFilter{SeatHolding: true})
	if err != nil {
		return nil, nil, err
	}
	terms, err := r.SkillTerms(ctx)
	if err != nil {
		return nil, nil, err
	}
	occupations, err := r.Occupations(ctx)
	if err != nil {
		return nil, nil, err
	}
	m := newMatching(pointers(candidates), pointers(placements), holding, ClassificationOf(occupations, terms))
	return m, terms, nil
}

// NewMatching prepares records already read for scoring. With a
// classification of occupations (cls), occupations are compared by it
// (occupation.Classification.Likeness), and a candidate's goals and a
// placement's title without codes count as the occupations they resolve
// to with confidence.
func NewMatching(candidates []*Candidate, placements []*Placement, seatHolding []Utplassering, terms []SkillTerm,
	cls *occupation.Classification, weights matching.Weights, today Date) *Matching {
	m := newMatching(candidates, placements, seatHolding, cls)
	m.buildIndex(terms, weights, today)
	return m
}

// newMatching is a Matching without its index.
func newMatching(candidates []*Candidate, placements []*Placement, seatHolding []Utplassering,
	cls *occupation.Classification) *Matching {
	m := &Matching{Candidates: candidates, Placements: placements, SeatHolders: map[int64]Utplassering{},
		Occupations: cls, resolved: map[string]string{}}
	for _, u := range seatHolding {
		m.SeatHolders[u.CandidateID] = u
	}
	return m
}

// buildIndex indexes every candidate and placement for scoring.
func (m *Matching) buildIndex(terms []SkillTerm, weights matching.Weights, today Date) {
	places := make([]matching.Placement, len(m.Placements))
	for i, p := range m.Placements {
		places[i] = m.matchPlacement(*p)
	}
	m.Index = matching.NewIndex(Taxonomy(terms), m.matchCandidates(), places, m.options(weights, today))
}

// options are the scoring options, with the classification's likeness of
// occupations when there is one.
func (m *Matching) options(weights matching.Weights, today Date) matching.Options {
	opt := matching.Options{Weights: weights, Today: string(today)}
	if cls := m.Occupations; cls.UnitGroups() > 0 {
		opt.Occupations = func(a, b string) (float64, string, string) {
			l := cls.Likeness(a, b)
			return l.Credit, l.Kind, l.Shared
		}
	}
	return opt
}

// resolve is the occupation a text names with confidence, "" when none;
// each distinct text is resolved once.
func (m *Matching) resolve(text string) string {
	if m.Occupations.UnitGroups() == 0 {
		return ""
	}
	key := matching.NormalizeTerm(text)
	code, done := m.resolved[key]
	if !done {
		if best, ok := m.Occupations.Best(key); ok {
			code = best.Code
		}
		m.resolved[key] = code
	}
	return code
}

// matchCandidate is what scoring knows of a candidate, with the
// occupations the goals name.
func (m *Matching) matchCandidate(c Candidate, held Utplassering) matching.Candidate {
	mc := MatchCandidate(c, held)
	for _, g := range c.Goals {
		if code := m.resolve(g); code != "" && !slices.Contains(mc.GoalOccupations, code) {
			mc.GoalOccupations = append(slices.Clip(mc.GoalOccupations), code)
		}
	}
	return mc
}

// matchPlacement is what scoring knows of a placement: without codes of
// its own, the occupation its title names.
func (m *Matching) matchPlacement(p Placement) matching.Placement {
	mp := MatchPlacement(p)
	if len(mp.Occupations) == 0 {
		if code := m.resolve(p.Title); code != "" {
			mp.Occupations = []string{code}
		}
	}
	return mp
}

// Taxonomy builds the scoring taxonomy from the stored terms.
func Taxonomy(terms []SkillTerm) *matching.Taxonomy {
	out := make([]matching.TaxonomyTerm, len(terms))
	for i, t := range terms {
		out[i] = matching.TaxonomyTerm{Term: t.Term, Broader: t.Broader, Synonyms: t.Synonyms, Occupations: t.Occupations}
	}
	return matching.NewTaxonomy(out)
}

func (m *Matching) matchCandidates() []matching.Candidate {
	out := make([]matching.Candidate, len(m.Candidates))
	for i, c := range m.Candidates {
		out[i] = m.matchCandidate(*c, m.SeatHolders[c.ID])
	}
	return out
}

// MatchCandidate is what scoring knows of a candidate. held is the
// seat-holding utplassering they have, if any: one that has started places
// them, so that they drop out of others' rankings.
func MatchCandidate(c Candidate, held Utplassering) matching.Candidate {
	mc := matching.Candidate{
		Ref: c.Ref, Norwegian: c.Norwegian, Languages: c.OtherLanguages, Skills: c.Skills, Goals: c.Goals,
		GoalOccupations: c.GoalOccupations, Availability: c.Availability, PoliceCert: c.HasPoliceCertificate,
		DriversLicense: c.HasDriversLicense, AdaptationNeeds: stringsOf(c.AdaptationNeeds),
		Closed: c.Status == CandidateClosed, Placed: c.Status == CandidatePlaced || held.Status == StatusStarted,
		UnavailableTill: string(c.UnavailableUntil),
	}
	if c.TargetHoursWeek != nil {
		mc.TargetHours = *c.TargetHoursWeek
	}
	return mc
}

// MatchPlacement is what scoring knows of a placement.
func MatchPlacement(p Placement) matching.Placement {
	return matching.Placement{
		Ref: p.Ref, Title: p.Title, Active: p.Status == PlacementActive, FreeSeats: p.FreeSeats(),
		NorwegianMin: p.NorwegianMin, NorwegianHard: p.NorwegianHard, SkillsRequired: p.SkillsRequired,
		SkillsTrained: p.SkillsTrained, LanguagesValued: p.LanguagesValued, Occupations: p.Occupations,
		Schedule: p.Schedule, MinHours: p.MinHoursWeek, RequiresPolice: p.RequiresPoliceCertificate,
		RequiresLicense: p.RequiresDriversLicense, AdaptationsOffered: stringsOf(p.AdaptationsOffered),
	}
}

// CandidateIndex finds a candidate by ref; -1 when absent.
func (m *Matching) CandidateIndex(ref string) int {
	return slices.IndexFunc(m.Candidates, func(c *Candidate) bool { return c.Ref == ref })
}

// PlacementIndex finds a placement by ref; -1 when absent.
func (m *Matching) PlacementIndex(ref string) int {
	return slices.IndexFunc(m.Placements, func(p *Placement) bool { return p.Ref == ref })
}

func pointers[T any](values []T) []*T {
	out := make([]*T, len(values))
	for i := range values {
		out[i] = &values[i]
	}
	return out
}
