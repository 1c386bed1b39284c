package demo

import (
	"slices"

	"arbeidsboks/data"
	"arbeidsboks/matching"
)

// The pipeline of the demo office: which candidates hold or held a seat
// where, planned in memory before anything is written, with the same seat
// counts the store keeps, so that every proposal the plan makes is one the
// store accepts.

// plan is one utplassering to write: proposed (foreslått), then moved
// through path; an ending status in path carries reason and note.
type plan struct {
	candidate, placement int
	path                 []data.Status
	reason               data.EndReason
	note                 string
	pinned               bool
}

// Paths through the pipeline, after foreslått.
var (
	seatPaths = map[data.Status][]data.Status{
		data.StatusProposed:  nil,
		data.StatusContacted: {data.StatusContacted},
		data.StatusMeeting:   {data.StatusContacted, data.StatusMeeting},
		data.StatusStarted:   {data.StatusContacted, data.StatusMeeting, data.StatusStarted},
	}
	inProcess        = []data.Status{data.StatusProposed, data.StatusContacted, data.StatusMeeting}
	inProcessWeights = newWeights(40, 30, 30)

	// Not suitable: found out at any step before the start.
	notSuitablePaths = [][]data.Status{
		{data.StatusNotSuitable},
		{data.StatusContacted, data.StatusNotSuitable},
		{data.StatusContacted, data.StatusMeeting, data.StatusNotSuitable},
	}
	notSuitableReasons = []data.EndReason{data.ReasonNotInterest, data.ReasonOther, data.ReasonPlacementEnd, data.ReasonSick}
	notSuitableWeights = newWeights(40, 30, 15, 15)

	cancelledReasons = []data.EndReason{data.ReasonNoShow, data.ReasonSick, data.ReasonNotInterest,
		data.ReasonOther, data.ReasonPlacementEnd, data.ReasonEducation}
	cancelledWeights = newWeights(30, 25, 15, 15, 10, 5)
)

// The ends drawn for a candidate's earlier utplassering, by their status now.
var (
	readyEnds  = []data.Status{data.StatusNotSuitable, data.StatusCancelled, data.StatusCompleted}
	readyEndW  = newWeights(45, 35, 20)
	placedEnds = []data.Status{data.StatusNotSuitable, data.StatusCancelled}
	placedEndW = newWeights(60, 40)
	closedEnds = []data.Status{data.StatusCompleted, data.StatusCancelled}
	closedEndW = newWeights(70, 30)
)

// afterStart is the path of an utplassering that started and then ended.
func afterStart(end data.Status) []data.Status {
	return append(slices.Clone(seatPaths[data.StatusStarted]), end)
}

// Paths of utplasseringer that started and ended.
var (
	cancelledPath = afterStart(data.StatusCancelled)
	completedPath = afterStart(data.StatusCompleted)
)

// seats keeps the free seats of the active placements and draws among
// those that have one, per domain or from all, in constant time: a full
// placement is dropped from a list when a draw meets it.
type seats struct {
	free     []int // per placement; 0 for placements that take no proposals
	all      []int
	byDomain [][]int
}

func (o *office) newSeats() *seats {
	s := &seats{free: make([]int, len(o.placements)), byDomain: make([][]int, len(domains))}
	for i, p := range o.placements {
		if p.Status != data.PlacementActive || p.Seats == 0 {
			continue
		}
		s.free[i] = p.Seats
		s.all = append(s.all, i)
		di := o.placementDomain[i]
		s.byDomain[di] = append(s.byDomain[di], i)
	}
	return s
}

// draw gives a placement of the list with a free seat, or -1 when none is left.
func (s *seats) draw(r rng, list *[]int) int {
	for len(*list) > 0 {
		i := r.IntN(len(*list))
		p := (*list)[i]
		if s.free[p] > 0 {
			return p
		}
		last := len(*list) - 1
		(*list)[i] = (*list)[last]
		*list = (*list)[:last]
	}
	return -1
}

// How hard to look for a placement: a few draws in each domain the person
// wants, then more among all, so that a big office costs the same per person.
const (
	triesPerDomain = 8
	triesAnywhere  = 16
)

// find looks for a placement with a free seat for candidate ci, in the
// domains of their goals first. With strict set it must meet every hard
// constraint of matching; otherwise any free seat will do. It never gives
// the placement of the candidate's earlier utplassering.
func (o *office) find(r rng, s *seats, ci int, strict bool) int {
	earlier := -1
	if n := len(o.plans); n > 0 && o.plans[n-1].candidate == ci {
		earlier = o.plans[n-1].placement
	}
	ok := func(p int) bool { return p >= 0 && p != earlier && (!strict || o.fits(ci, p)) }
	for _, di := range o.wants[ci] {
		if di < 0 {
			continue
		}
		for range triesPerDomain {
			if p := s.draw(r, &s.byDomain[di]); ok(p) {
				return p
			} else if p < 0 {
				break
			}
		}
	}
	for range triesAnywhere {
		if p := s.draw(r, &s.all); ok(p) {
			return p
		} else if p < 0 {
			break
		}
	}
	return -1
}

// fits applies the hard constraints of matching to a pair: police
// certificate, driver's licence, a hard Norwegian minimum, the adaptations
// the person needs, and enough of the placement's hours in their week.
func (o *office) fits(ci, pi int) bool {
	c, p := &o.candidates[ci], &o.placements[pi]
	if p.RequiresPoliceCertificate && !c.HasPoliceCertificate ||
		p.RequiresDriversLicense && !c.HasDriversLicense {
		return false
	}
	if p.NorwegianHard && (c.Norwegian.Oral < p.NorwegianMin.Oral || c.Norwegian.Written < p.NorwegianMin.Written) {
		return false
	}
	for _, need := range c.AdaptationNeeds {
		if !slices.Contains(p.AdaptationsOffered, need) {
			return false
		}
	}
	overlap := matching.OverlapMinutes(c.Availability, p.Schedule)
	return overlap > 0 && float64(overlap) >= p.MinHoursWeek*60
}

// planPipeline decides every utplassering, candidate by candidate in ref
// order: first one that already ended for some (a history), then the one
// that holds a seat now. A candidate meant to be utplassert whose start
// finds no seat that fits is klar instead; one who is avsluttet after an
// utplassering is written as klar and closed after it (the store proposes
// nothing to a closed candidate).
func (o *office) planPipeline(r rng) {
	s := o.newSeats()
	for ci := range o.candidates {
		c := &o.candidates[ci]
		switch c.Status {
		case data.CandidateReady:
			if r.chance(0.2) {
				o.planEnded(r, s, ci, readyEnds, readyEndW)
			}
		case data.CandidatePlaced:
			if r.chance(0.2) {
				o.planEnded(r, s, ci, placedEnds, placedEndW)
			}
		case data.CandidateClosed:
			if r.chance(0.5) && o.planEnded(r, s, ci, closedEnds, closedEndW) {
				c.Status = data.CandidateReady
				o.closeAfter = append(o.closeAfter, ci)
			}
			continue // closed: holds no seat
		}
		if c.Status == data.CandidatePlaced {
			if p := o.find(r, s, ci, true); p >= 0 {
				s.free[p]--
				o.plans = append(o.plans, plan{candidate: ci, placement: p, path: seatPaths[data.StatusStarted]})
				continue
			}
			c.Status = data.CandidateReady
		}
		if c.Status == data.CandidateReady && r.chance(0.45) {
			p := o.find(r, s, ci, true)
			if p < 0 {
				p = o.find(r, s, ci, false)
			}
			if p >= 0 {
				s.free[p]--
				o.plans = append(o.plans, plan{candidate: ci, placement: p,
					path: seatPaths[inProcess[inProcessWeights.pick(r)]], pinned: r.chance(0.15)})
			}
		}
	}
}

// planEnded plans an utplassering that has ended, with one of the ends
// drawn by weight. It takes a seat only while it lasts, so the seat is free
// again for the next. It reports whether a placement was found.
func (o *office) planEnded(r rng, s *seats, ci int, ends []data.Status, w weights) bool {
	end := ends[w.pick(r)]
	pl := plan{candidate: ci}
	closing := o.candidates[ci].Status == data.CandidateClosed
	switch end {
	case data.StatusNotSuitable:
		pl.path = pick(r, notSuitablePaths)
		pl.reason = notSuitableReasons[notSuitableWeights.pick(r)]
	case data.StatusCancelled:
		pl.path = cancelledPath
		pl.reason = cancelledReasons[cancelledWeights.pick(r)]
	case data.StatusCompleted:
		pl.path = completedPath
		pl.reason = data.ReasonOther // the period is over; the person goes on looking
		if closing {
			pl.reason = data.ReasonJob
			if r.chance(0.25) {
				pl.reason = data.ReasonEducation
			}
		}
	}
	// Someone who started must have fitted; a proposal found not suitable
	// may well not have.
	pl.placement = o.find(r, s, ci, true)
	if pl.placement < 0 {
		if end != data.StatusNotSuitable {
			return false
		}
		if pl.placement = o.find(r, s, ci, false); pl.placement < 0 {
			return false
		}
	}
	if r.chance(0.6) {
		pl.note = pick(r, endNotes[pl.reason])
	}
	o.plans = append(o.plans, pl)
	return true
}
