// Package demo generates a demo office: placements at fictitious employers
// in Oslo, candidates with the programmes, languages, schedules and needs an
// Oslo NAV office sees, and utplasseringer along the whole pipeline, so that
// every screen and the matching engine have real work to do.
package demo

import (
	"context"
	"errors"
	"fmt"
	"time"

	"arbeidsboks/data"
	"arbeidsboks/matching"
)

// Options say which office to generate. Zero fields take their defaults.
type Options struct {
	// Seed chooses the office (default 1): the same options give the same
	// records on every run.
	Seed int64
	// Placements and Candidates are how many to make (defaults 60 and 200).
	Placements, Candidates int
	// Today is the day the office is generated on (default data.Today()):
	// referral dates lie before it and unavailability ends after it. Tests
	// fix it so that the output does not change with the date.
	Today data.Date
	// Replace deletes the office's placements, candidates and
	// utplasseringer first, in the same transaction, so that a failure
	// leaves the old data in place (team leads only). Without it an office
	// that holds data is refused with ErrNotEmpty.
	Replace bool
}

// The defaults of Options.
const (
	DefaultSeed       = 1
	DefaultPlacements = 60
	DefaultCandidates = 200
)

// Summary counts what Generate wrote.
type Summary struct {
	Placements, Candidates, Utplasseringer, Employers int
}

// ErrNotEmpty: the office already holds placements or candidates, and
// Options.Replace is not set.
var ErrNotEmpty = errors.New("the office already holds placements or candidates")

// Generate fills the store with a generated office, in one transaction and
// through the store's own calls, so that every record is validated, audited
// and announced on the change feed like any other. It needs a team lead or
// a job specialist (market contacts may not create candidates).
func Generate(ctx context.Context, s data.Store, opt Options) (Summary, error) {
	opt, err := opt.withDefaults()
	if err != nil {
		return Summary{}, err
	}
	o, err := build(opt)
	if err != nil {
		return Summary{}, err
	}
	err = s.WithTx(ctx, func(tx data.Tx) error { return o.write(ctx, tx, opt.Replace) })
	if err != nil {
		return Summary{}, fmt.Errorf("demo: %w", err)
	}
	return o.summary(), nil
}

func (opt Options) withDefaults() (Options, error) {
	if opt.Placements < 0 || opt.Candidates < 0 {
		return opt, fmt.Errorf("demo: %d placements and %d candidates: counts cannot be negative", opt.Placements, opt.Candidates)
	}
	if opt.Seed == 0 {
		opt.Seed = DefaultSeed
	}
	if opt.Placements == 0 {
		opt.Placements = DefaultPlacements
	}
	if opt.Candidates == 0 {
		opt.Candidates = DefaultCandidates
	}
	if opt.Today == "" {
		opt.Today = data.Today()
	}
	return opt, nil
}

// office is the generated office in memory, before and while it is written.
type office struct {
	today time.Time

	// The vocabulary, parsed and weighted once.
	domains         []parsedDomain
	domainWeights   weights
	originWeights   weights
	refugees        []int // indexes of origins that may be in the introduction programme
	refugeeWeights  weights
	districtWeights weights
	availabilities  []matching.Schedule
	fullTime        []int // availabilities of 30 hours a week or more
	partTime        []int // availabilities of 25 hours or less

	placements      []data.Placement
	placementDomain []int
	work            [][]work      // by domain and employer
	employerUsed    [][]bool      // by domain and employer
	contacts        [][][]contact // by domain and employer, made on first use

	candidates []data.Candidate
	wants      []wants
	plans      []plan
	closeAfter []int // candidates to close once their utplasseringer are written
}

// parsedDomain holds a domain's schedules and Norwegian minimums parsed.
type parsedDomain struct {
	schedules []matching.Schedule
	minimums  []matching.Norwegian
}

// build makes the whole office in memory: placements, candidates and the
// plan of utplasseringer, each from a random stream of its own.
func build(opt Options) (*office, error) {
	today, err := time.Parse(time.DateOnly, string(opt.Today))
	if err != nil {
		return nil, fmt.Errorf("demo: today %q: want YYYY-MM-DD", opt.Today)
	}
	o := &office{today: today}
	if err := o.prepare(); err != nil {
		return nil, err
	}
	o.makePlacements(newRNG(opt.Seed, streamPlacements), opt.Placements)
	o.makeCandidates(newRNG(opt.Seed, streamCandidates), opt.Candidates)
	o.planPipeline(newRNG(opt.Seed, streamPipeline))
	return o, nil
}

// prepare parses and weighs the vocabulary.
func (o *office) prepare() error {
	ws := make([]int, len(domains))
	o.domains = make([]parsedDomain, len(domains))
	for i, d := range domains {
		ws[i] = d.weight
		for _, text := range d.schedules {
			s, err := matching.ParseSchedule(text)
			if err != nil {
				return fmt.Errorf("demo: %s schedule %q: %w", d.key, text, err)
			}
			o.domains[i].schedules = append(o.domains[i].schedules, s)
		}
		for _, text := range d.norwegianMin {
			n, err := matching.ParseNorwegian(text)
			if err != nil {
				return fmt.Errorf("demo: %s Norwegian minimum %q: %w", d.key, text, err)
			}
			o.domains[i].minimums = append(o.domains[i].minimums, n)
		}
	}
	o.domainWeights = newWeights(ws...)
	o.work = make([][]work, len(domains))
	for i := range domains {
		for _, e := range domains[i].employers {
			o.work[i] = append(o.work[i], workAt(&domains[i], e.name))
		}
	}

	ws = make([]int, len(origins))
	var refugeeWs []int
	for i, og := range origins {
		ws[i] = og.weight
		if og.refugee {
			o.refugees = append(o.refugees, i)
			refugeeWs = append(refugeeWs, og.weight)
		}
	}
	o.originWeights, o.refugeeWeights = newWeights(ws...), newWeights(refugeeWs...)

	ws = make([]int, len(districts))
	for i, d := range districts {
		ws[i] = districtWeight[d]
		if ws[i] == 0 {
			ws[i] = 2
		}
	}
	o.districtWeights = newWeights(ws...)

	for i, text := range availabilities {
		s, err := matching.ParseSchedule(text)
		if err != nil {
			return fmt.Errorf("demo: availability %q: %w", text, err)
		}
		o.availabilities = append(o.availabilities, s)
		switch h := s.Hours(); {
		case h >= 30:
			o.fullTime = append(o.fullTime, i)
		case h <= 25:
			o.partTime = append(o.partTime, i)
		}
	}
	if len(o.fullTime) == 0 || len(o.partTime) == 0 {
		return errors.New("demo: the availabilities need full-time and part-time weeks")
	}
	return nil
}

// daysFromToday is the date n days after today (before it when n < 0).
func (o *office) daysFromToday(n int) data.Date {
	return data.DateOf(o.today.AddDate(0, 0, n))
}

// write stores the office through tx: placements, candidates, then every
// utplassering proposed and moved along its path, and last the candidates
// who closed after an utplassering.
func (o *office) write(ctx context.Context, tx data.Tx, replace bool) error {
	if replace {
		if err := tx.Reset(ctx); err != nil {
			return err
		}
	} else if err := requireEmpty(ctx, tx); err != nil {
		return err
	}
	for i := range o.placements {
		if err := tx.SavePlacement(ctx, &o.placements[i]); err != nil {
			return err
		}
	}
	for i := range o.candidates {
		if err := tx.SaveCandidate(ctx, &o.candidates[i]); err != nil {
			return err
		}
	}
	scores, err := o.planScores()
	if err != nil {
		return err
	}
	for i, pl := range o.plans {
		c, p := &o.candidates[pl.candidate], &o.placements[pl.placement]
		u, err := tx.Propose(ctx, c.ID, p.ID, scores[i])
		if err != nil {
			return fmt.Errorf("propose %s for %s: %w", p.Ref, c.Ref, err)
		}
		for _, to := range pl.path {
			var reason data.EndReason
			var note string
			if to.IsEnd() {
				reason, note = pl.reason, pl.note
			}
			if u, err = tx.Move(ctx, u.ID, u.Version, to, reason, note); err != nil {
				return fmt.Errorf("move %s → %s to %s: %w", c.Ref, p.Ref, to, err)
			}
		}
		if pl.pinned {
			if _, err := tx.Pin(ctx, u.ID, u.Version, true); err != nil {
				return fmt.Errorf("pin %s → %s: %w", c.Ref, p.Ref, err)
			}
		}
	}
	for _, ci := range o.closeAfter {
		// Read back: the pipeline has moved the candidate's status and version.
		c, err := tx.Candidate(ctx, o.candidates[ci].ID)
		if err != nil {
			return err
		}
		c.Status = data.CandidateClosed
		if err := tx.SaveCandidate(ctx, &c); err != nil {
			return err
		}
		o.candidates[ci] = c
	}
	return nil
}

// planScores scores each planned pair as the matching engine would, so
// that the demo's utplasseringer carry real score snapshots. Only the
// people and placements in the plans are indexed.
func (o *office) planScores() ([]int, error) {
	terms, err := data.BuiltinSkillTerms()
	if err != nil {
		return nil, err
	}
	candAt, placeAt := map[int]int{}, map[int]int{}
	var cands []matching.Candidate
	var places []matching.Placement
	for _, pl := range o.plans {
		if _, ok := candAt[pl.candidate]; !ok {
			candAt[pl.candidate] = len(cands)
			cands = append(cands, data.MatchCandidate(o.candidates[pl.candidate], data.Utplassering{}))
		}
		if _, ok := placeAt[pl.placement]; !ok {
			placeAt[pl.placement] = len(places)
			places = append(places, data.MatchPlacement(o.placements[pl.placement]))
		}
	}
	ix := matching.NewIndex(data.Taxonomy(terms), cands, places, matching.Options{Today: string(data.DateOf(o.today))})
	scores := make([]int, len(o.plans))
	for i, pl := range o.plans {
		scores[i] = ix.Score(candAt[pl.candidate], placeAt[pl.placement]).Total
	}
	return scores, nil
}

func requireEmpty(ctx context.Context, tx data.Tx) error {
	np, err := tx.CountPlacements(ctx, data.PlacementFilter{})
	if err != nil {
		return err
	}
	nc, err := tx.CountCandidates(ctx, data.CandidateFilter{})
	if err != nil {
		return err
	}
	if np+nc > 0 {
		return ErrNotEmpty
	}
	return nil
}

func (o *office) summary() Summary {
	s := Summary{Placements: len(o.placements), Candidates: len(o.candidates), Utplasseringer: len(o.plans)}
	for _, used := range o.employerUsed {
		for _, u := range used {
			if u {
				s.Employers++
			}
		}
	}
	return s
}
