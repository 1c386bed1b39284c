package demo

import (
	"fmt"
	"math"
	"slices"

	"arbeidsboks/data"
	"arbeidsboks/matching"
)

// placementStatuses are drawn with placementStatusWeights: most placements
// take people, a few rest for a while (pause), a few have stopped.
var (
	placementStatuses      = []data.PlacementStatus{data.PlacementActive, data.PlacementPaused, data.PlacementClosed}
	placementStatusWeights = newWeights(88, 8, 4)
	// seatWeights: most placements have one to five seats, a few six to ten.
	seatWeights = newWeights(30, 30, 18, 9, 6, 7)
)

// makePlacements draws the office's placements: the domain by its weight,
// then an employer of the domain and everything else from the domain's
// words. Refs are numbered per domain in the order drawn, wide enough for
// the domain's count so that they sort as numbers.
func (o *office) makePlacements(r rng, n int) {
	o.placements = make([]data.Placement, n)
	o.placementDomain = make([]int, n)
	o.employerUsed = make([][]bool, len(domains))
	o.contacts = make([][][]contact, len(domains))
	for di := range domains {
		o.employerUsed[di] = make([]bool, len(domains[di].employers))
		o.contacts[di] = make([][]contact, len(domains[di].employers))
	}
	perDomain := make([]int, len(domains))
	for i := range o.placements {
		di := o.domainWeights.pick(r)
		o.placementDomain[i] = di
		perDomain[di]++
		o.placements[i] = o.makePlacement(r, di)
	}
	numbered := make([]int, len(domains))
	for i := range o.placements {
		di := o.placementDomain[i]
		numbered[di]++
		width := max(2, len(fmt.Sprint(perDomain[di])))
		o.placements[i].Ref = fmt.Sprintf("P-%s-%0*d", domains[di].ref, width, numbered[di])
	}
}

func (o *office) makePlacement(r rng, di int) data.Placement {
	d, dd := &domains[di], &o.domains[di]
	ei := r.IntN(len(d.employers))
	e := d.employers[ei]
	o.employerUsed[di][ei] = true
	w := &o.work[di][ei]

	p := data.NewPlacement()
	p.Title = pick(r, w.titles)
	p.Employer = e.name
	p.Sector = data.Sector(e.sector)
	p.District = employerDistrict(e.name)
	p.Measure = pick(r, d.measures)
	p.Seats = seatCount(r)
	p.NorwegianMin = pick(r, dd.minimums)
	p.NorwegianHard = !p.NorwegianMin.IsZero() && r.chance(d.hardLanguage)
	p.SkillsRequired = matching.NormalizeTerms(sample(r, d.skillsRequired, r.IntN(3)))
	p.SkillsTrained = trained(r, w.trained, p.SkillsRequired, r.between(2, 4))
	p.LanguagesValued = matching.NormalizeTerms(sample(r, d.languages, []int{0, 0, 0, 1, 1, 2}[r.IntN(6)]))
	p.Schedule = pick(r, dd.schedules)
	// Some employers want a person at least half of the hours; most take
	// whoever can come part of the week.
	if r.chance(0.35) {
		p.MinHoursWeek = math.Floor(p.Schedule.Hours() / 2)
	}
	p.RequiresPoliceCertificate = r.chance(d.police)
	p.RequiresDriversLicense = r.chance(d.driving)
	p.AdaptationsOffered = adaptationsOf(sample(r, d.adaptations, r.IntN(4)))

	// An employer has one or two contact persons, who answer for all its
	// placements.
	people := o.contacts[di][ei]
	if people == nil {
		people = []contact{newContact(r, e.name)}
		if r.chance(0.3) {
			people = append(people, newContact(r, e.name))
		}
		o.contacts[di][ei] = people
	}
	c := pick(r, people)
	p.ContactName, p.ContactPhone, p.ContactEmail = c.name, c.phone, c.email

	p.Status = placementStatuses[placementStatusWeights.pick(r)]
	p.Occupations = matching.NormalizeTerms(sample(r, d.occupations, r.between(1, 2)))
	p.Description = describe(r, &p)
	return p
}

func seatCount(r rng) int {
	if n := seatWeights.pick(r) + 1; n <= 5 {
		return n
	}
	return r.between(6, 10)
}

// trained draws n of the skills an employer trains, leaving out those the
// placement already requires.
func trained(r rng, skills, required []string, n int) []string {
	var out []string
	for _, s := range sample(r, skills, n+len(required)) {
		if len(out) < n && !slices.Contains(required, s) {
			out = append(out, s)
		}
	}
	return matching.NormalizeTerms(out)
}

func adaptationsOf(names []string) []data.Adaptation {
	if len(names) == 0 {
		return nil
	}
	out := make([]data.Adaptation, len(names))
	for i, n := range names {
		out[i] = data.Adaptation(n)
	}
	return out
}
