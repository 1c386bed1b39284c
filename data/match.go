package data

import (
	"context"
	"slices"

	"arbeidsboks/matching"
)

// Matching is the office's records prepared for scoring: the candidates
// and placements as the store holds them, in the same order as the index.
type Matching struct {
	Candidates []*Candidate
	Placements []*Placement
	Index      *matching.Index
	// SeatHolders are the seat-holding utplasseringer by candidate id.
	SeatHolders map[int64]Utplassering
}

// LoadMatching reads what scoring needs and builds the index. Scoring sees
// the full records whatever the reader's role (see CandidatesForMatching).
func LoadMatching(ctx context.Context, r Reader, weights matching.Weights, today Date) (*Matching, error) {
	candidates, err := r.CandidatesForMatching(ctx)
	if err != nil {
		return nil, err
	}
	placements, err := r.Placements(ctx, PlacementFilter{})
	if err != nil {
		return nil, err
	}
	holding, err := r.Utplasseringer(ctx, UtplasseringFilter{SeatHolding: true})
	if err != nil {
		return nil, err
	}
	terms, err := r.SkillTerms(ctx)
	if err != nil {
		return nil, err
	}
	return NewMatching(pointers(candidates), pointers(placements), holding, terms, weights, today), nil
}

// NewMatching prepares records already read for scoring.
func NewMatching(candidates []*Candidate, placements []*Placement, seatHolding []Utplassering, terms []SkillTerm,
	weights matching.Weights, today Date) *Matching {
	m := &Matching{Candidates: candidates, Placements: placements, SeatHolders: map[int64]Utplassering{}}
	for _, u := range seatHolding {
		m.SeatHolders[u.CandidateID] = u
	}
	m.Index = matching.NewIndex(Taxonomy(terms), m.matchCandidates(), matchPlacements(placements),
		matching.Options{Weights: weights, Today: string(today)})
	return m
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
		out[i] = MatchCandidate(*c, m.SeatHolders[c.ID])
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

func matchPlacements(placements []*Placement) []matching.Placement {
	out := make([]matching.Placement, len(placements))
	for i, p := range placements {
		out[i] = MatchPlacement(*p)
	}
	return out
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
