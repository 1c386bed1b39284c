// Package matchtest finds, for tests, what the office's matching offers.
package matchtest

import "arbeidsboks/data"

// Proposable is the first candidate, holding no seat and not closed, whose
// best match is a placement with a free seat: a pair a test can propose.
func Proposable(m *data.Matching) (data.Candidate, data.Placement, bool) {
	for ci, c := range m.Candidates {
		if _, holds := m.SeatHolders[c.ID]; holds || c.Status == data.CandidateClosed {
			continue
		}
		r := m.Index.RankPlacements(ci, 1, false)
		if len(r.Included) == 1 && m.Placements[r.Included[0].Placement].FreeSeats() > 0 {
			return *c, *m.Placements[r.Included[0].Placement], true
		}
	}
	return data.Candidate{}, data.Placement{}, false
}
