package demo

import (
	"fmt"
	"slices"
	"sync"

	"arbeidsboks/data"
	"arbeidsboks/matching"
)

// The shares the office's candidates are drawn with.
var (
	programmes = []data.Programme{data.ProgrammeKVP, data.ProgrammeIPS, data.ProgrammeActivity,
		data.ProgrammeIntro, data.ProgrammeAAP, data.ProgrammeOther}
	programmeWeights = newWeights(30, 15, 20, 20, 10, 5)

	candidateStatuses = []data.CandidateStatus{data.CandidateNew, data.CandidateAssessment,
		data.CandidateReady, data.CandidatePlaced, data.CandidateClosed}
	candidateStatusWeights = newWeights(25, 25, 35, 10, 5)

	// Days since referral, by status: new people came lately, those placed
	// or done have waited longer.
	registeredDays = map[data.CandidateStatus][2]int{
		data.CandidateNew: {0, 60}, data.CandidateAssessment: {14, 180}, data.CandidateReady: {30, 365},
		data.CandidatePlaced: {45, 365}, data.CandidateClosed: {90, 365},
	}

	adaptationNeeds       = []data.Adaptation{data.AdaptHours, data.AdaptPhysical, data.AdaptWorkday, data.AdaptLanguage}
	adaptationNeedWeights = newWeights(40, 20, 15, 25)

	preferredSectors = []data.Sector{data.SectorMunicipal, data.SectorPrivate, data.SectorState, data.SectorVoluntary}
	sectorWeights    = newWeights(40, 40, 10, 10)

	// Levels of oral Norwegian among those who did not grow up with it: in
	// the introduction programme mostly A1–A2, otherwise spread wide.
	levels            = []matching.Level{matching.NoLevel, matching.A1, matching.A2, matching.B1, matching.B2, matching.C1, matching.C2}
	introLevelWeights = newWeights(6, 36, 42, 16, 0, 0, 0)
	otherLevelWeights = newWeights(3, 9, 22, 30, 21, 10, 5)

	// Hours a week people other than KVP participants aim for.
	targetHours = []float64{15, 20, 22.5, 25, 30}
)

// districtWeight is how many of the office's people live in a district,
// relative to the others: most in the east and south-east of the city.
var districtWeight = map[string]int{
	"Alna": 12, "Stovner": 10, "Søndre Nordstrand": 10, "Gamle Oslo": 10, "Grorud": 9, "Bjerke": 8,
	"Grünerløkka": 6, "Østensjø": 6, "Sagene": 4, "Nordstrand": 3, "St. Hanshaugen": 3,
}

// wants are the domains a candidate's goals come from: the one they want
// most, and a second one or -1.
type wants [2]int

// makeCandidates draws the office's candidates, numbered K-00001 on (wider
// when there are more than 99 999).
func (o *office) makeCandidates(r rng, n int) {
	width := max(5, len(fmt.Sprint(n)))
	o.candidates = make([]data.Candidate, n)
	o.wants = make([]wants, n)
	for i := range o.candidates {
		o.candidates[i], o.wants[i] = o.makeCandidate(r)
		o.candidates[i].Ref = fmt.Sprintf("K-%0*d", width, i+1)
	}
}

func (o *office) makeCandidate(r rng) (data.Candidate, wants) {
	c := data.NewCandidate()
	c.Programme = programmes[programmeWeights.pick(r)]
	// The introduction programme is for refugees and their families.
	var og *origin
	if c.Programme == data.ProgrammeIntro {
		og = &origins[o.refugees[o.refugeeWeights.pick(r)]]
	} else {
		og = &origins[o.originWeights.pick(r)]
	}
	given, family := pick(r, og.given), pick(r, og.family)
	c.Name = given + " " + family
	c.Specialist = pick(r, specialists)
	c.District = districts[o.districtWeights.pick(r)]
	c.Norwegian = norwegianLevel(r, og, c.Programme)
	c.OtherLanguages = otherLanguagesOf(r, og)

	di := o.domainWeights.pick(r)
	d := &domains[di]
	w := wants{di, -1}
	goals := []string{pick(r, d.goals)}
	own := sample(r, d.occupations, r.between(1, 2))
	inDomain := [][]string{own}
	switch x := r.Float64(); {
	case x < 0.4:
		goals = append(goals, pick(r, d.goals))
		inDomain = append(inDomain, own)
	case x < 0.65:
		if d2 := o.domainWeights.pick(r); d2 != di {
			w[1] = d2
			goals = append(goals, pick(r, domains[d2].goals))
			inDomain = append(inDomain, []string{pick(r, domains[d2].occupations)})
		}
	}
	c.Goals = matching.NormalizeTerms(goals)
	c.GoalOccupations = matching.NormalizeTerms(goalOccupations(goals, inDomain))
	c.Skills = skillsOf(r, d)

	c.Availability = o.availabilityFor(r, c.Programme)
	// KVP is full time: no target set, so that the store's default of 37.5
	// applies. Others often have a part-time target the availability holds.
	if c.Programme != data.ProgrammeKVP && r.chance(0.55) {
		if h := pick(r, targetHours); h <= c.Availability.Hours() {
			c.TargetHoursWeek = &h
		}
	}
	// People who want the work that demands a certificate or a licence
	// have it more often than others.
	c.HasPoliceCertificate = r.chance(0.17 + 0.3*d.police)
	c.HasDriversLicense = r.chance(0.25 + 0.4*d.driving)
	if r.chance(0.3) {
		c.AdaptationNeeds = drawDistinct(r, adaptationNeeds, adaptationNeedWeights, r.between(1, 2))
		if r.chance(0.7) {
			c.AdaptationDetail = adaptationDetail(c.AdaptationNeeds)
		}
	}
	switch x := r.Float64(); {
	case x < 0.3:
		c.SectorPreference = drawDistinct(r, preferredSectors, sectorWeights, 1)
	case x < 0.4:
		c.SectorPreference = drawDistinct(r, preferredSectors, sectorWeights, 2)
	}
	if r.chance(0.5) {
		c.Notes = note(r, &c, d)
	}

	c.Status = candidateStatuses[candidateStatusWeights.pick(r)]
	days := registeredDays[c.Status]
	c.Registered = o.daysFromToday(-r.between(days[0], days[1]))
	if c.Status != data.CandidateClosed && r.chance(0.05) {
		c.UnavailableUntil = o.daysFromToday(r.between(7, 56))
	}
	if r.chance(0.7) {
		c.Phone = mobile(r, pick(r, []byte("49")))
		c.Email = fmt.Sprintf("%s.%s%d@%s", slug(given), slug(family), r.IntN(100), pick(r, fictionalMailDomains))
	}
	return c, w
}

// fictionalMailDomains are reserved for examples (RFC 2606), so that no
// made-up person's address reaches a real mailbox.
var fictionalMailDomains = []string{"example.com", "example.net", "example.org"}

// norwegianLevel draws a person's Norwegian. Those who grew up with it speak
// it fully; some of them write it less well. Others are spread by
// programme, and about one in eight of them writes a level below what they
// speak (a few the other way round: people who learned from books).
func norwegianLevel(r rng, og *origin, p data.Programme) matching.Norwegian {
	if og.native {
		switch x := r.Float64(); {
		case x < 0.03:
			return matching.Norwegian{Oral: matching.C2, Written: matching.B1}
		case x < 0.08:
			return matching.Norwegian{Oral: matching.C2, Written: matching.B2}
		case x < 0.25:
			return matching.Norwegian{Oral: matching.C1, Written: matching.C1}
		}
		return matching.Norwegian{Oral: matching.C2, Written: matching.C2}
	}
	w := otherLevelWeights
	if p == data.ProgrammeIntro {
		w = introLevelWeights
	}
	oral := levels[w.pick(r)]
	n := matching.Norwegian{Oral: oral, Written: oral}
	switch x := r.Float64(); {
	case oral == matching.NoLevel:
	case oral == matching.A1 && x < 0.15:
		n.Written = matching.NoLevel // cannot write yet
	case oral > matching.A1 && x < 0.13:
		n.Written = oral - 1
	case oral < matching.C2 && x < 0.15:
		n.Written = oral + 1
	}
	return n
}

// otherLanguagesOf draws 0–2 languages besides Norwegian: usually the
// first language of the person's origin, sometimes a second one.
func otherLanguagesOf(r rng, og *origin) []string {
	var out []string
	if og.native {
		if r.chance(0.6) {
			out = append(out, og.languages[0])
		}
		return out
	}
	if r.chance(0.95) {
		out = append(out, og.languages[0])
	}
	if len(og.languages) > 1 && r.chance(0.4) {
		out = append(out, pick(r, og.languages[1:]))
	}
	return matching.NormalizeTerms(out)
}

// skillsOf draws 2–5 skills: up to three of the work the person wants
// (learned before, or as a volunteer), the rest general ones.
func skillsOf(r rng, d *domain) []string {
	n := r.between(2, 5)
	own := r.IntN(min(n, 3) + 1)
	skills := sample(r, d.skillsRequired, own/2)
	skills = append(skills, sample(r, d.skillsTrained, own-len(skills))...)
	for len(matching.NormalizeTerms(skills)) < n {
		skills = append(skills, pick(r, candidateSkills))
	}
	return matching.NormalizeTerms(skills)
}

// availabilityFor draws a weekly availability: KVP participants are mostly
// available full time, the introduction programme's people mostly part of
// the day around their Norwegian classes.
func (o *office) availabilityFor(r rng, p data.Programme) matching.Schedule {
	switch {
	case p == data.ProgrammeKVP && r.chance(0.75):
		return o.availabilities[pick(r, o.fullTime)]
	case p == data.ProgrammeIntro && r.chance(0.7):
		return o.availabilities[pick(r, o.partTime)]
	}
	return pick(r, o.availabilities)
}

// drawDistinct draws n different items by weight.
func drawDistinct[T comparable](r rng, items []T, w weights, n int) []T {
	var out []T
	for len(out) < min(n, len(items)) {
		it := items[w.pick(r)]
		if !slices.Contains(out, it) {
			out = append(out, it)
		}
	}
	return out
}

// goalOccupations codes each goal as a job specialist would: by the
// occupation the skills taxonomy links the word to ("romassistent" is
// 9112), and a goal that names a kind of work rather than an occupation
// ("jobbe med eldre") by occupations of its domain.
func goalOccupations(goals []string, inDomain [][]string) []string {
	var out []string
	for i, g := range goals {
		if codes := occupationWords()[matching.NormalizeTerm(g)]; len(codes) > 0 {
			out = append(out, codes...)
		} else {
			out = append(out, inDomain[i]...)
		}
	}
	return out
}

// occupationWords maps each word of the built-in skills taxonomy that
// names an occupation (a term with codes, or its synonym) to its codes.
var occupationWords = sync.OnceValue(func() map[string][]string {
	terms, err := data.BuiltinSkillTerms()
	if err != nil {
		panic(err) // the embedded file is checked by data/builtin's tests
	}
	out := map[string][]string{}
	for _, t := range terms {
		if len(t.Occupations) == 0 {
			continue
		}
		for _, w := range append([]string{t.Term}, t.Synonyms...) {
			out[matching.NormalizeTerm(w)] = t.Occupations
		}
	}
	return out
})
