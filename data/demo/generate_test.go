package demo

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"arbeidsboks/data"
	"arbeidsboks/data/sqlite"
	"arbeidsboks/matching"
)

// testDay fixes today so that referral and unavailability dates do not
// change with the day the tests run.
const testDay data.Date = "2026-03-02"

// openStore opens a fresh database file as the built-in team lead.
func openStore(t testing.TB) data.Store {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db.As(data.LocalLead())
}

// generated is a fresh database filled by Generate.
func generated(t testing.TB, opt Options) (data.Store, Summary) {
	t.Helper()
	s := openStore(t)
	if opt.Today == "" {
		opt.Today = testDay
	}
	sum, err := Generate(context.Background(), s, opt)
	if err != nil {
		t.Fatalf("Generate(%+v): %v", opt, err)
	}
	return s, sum
}

// exported is the office as CSV files, with its utplasseringer listed.
func exported(t *testing.T, s data.Store) (placements, candidates, utplasseringer string) {
	t.Helper()
	ctx := context.Background()
	var p, c bytes.Buffer
	if err := data.ExportPlacements(ctx, s, data.CSV, &p); err != nil {
		t.Fatal(err)
	}
	if err := data.ExportCandidates(ctx, s, data.CSV, &c); err != nil {
		t.Fatal(err)
	}
	us, err := s.Utplasseringer(ctx, data.UtplasseringFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var u strings.Builder
	for _, x := range us {
		fmt.Fprintf(&u, "%s %s %s %s %q %v\n", x.CandidateRef, x.PlacementRef, x.Status, x.EndReason, x.Note, x.Pinned)
	}
	return p.String(), c.String(), u.String()
}

func TestGenerate_SameSeedGivesSameOffice(t *testing.T) {
	opt := Options{Seed: 7, Placements: 40, Candidates: 150}
	a, _ := generated(t, opt)
	b, _ := generated(t, opt)
	ap, ac, au := exported(t, a)
	bp, bc, bu := exported(t, b)
	if ap != bp {
		t.Error("placements differ between two runs with the same seed")
	}
	if ac != bc {
		t.Error("candidates differ between two runs with the same seed")
	}
	if au != bu {
		t.Error("utplasseringer differ between two runs with the same seed")
	}

	opt.Seed = 8
	c, _ := generated(t, opt)
	cp, cc, _ := exported(t, c)
	if cp == ap || cc == ac {
		t.Error("a different seed gives the same placements or candidates")
	}
}

func TestGenerate_MoreCandidatesKeepThePlacements(t *testing.T) {
	a, _ := generated(t, Options{Placements: 30, Candidates: 50})
	b, _ := generated(t, Options{Placements: 30, Candidates: 120})
	ap, ac, _ := exported(t, a)
	bp, bc, _ := exported(t, b)
	if ap != bp {
		t.Error("the placements change with the number of candidates")
	}
	if !strings.HasPrefix(bc, ac[:strings.LastIndex(ac[:len(ac)-1], "\n")]) {
		t.Error("the first candidates change with the number of candidates")
	}
}

func TestGenerate_CountsFollowOptions(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		opt                    Options
		placements, candidates int
	}{
		{Options{}, DefaultPlacements, DefaultCandidates},
		{Options{Seed: 3, Placements: 13, Candidates: 45}, 13, 45},
	} {
		s, sum := generated(t, tc.opt)
		np, err := s.CountPlacements(ctx, data.PlacementFilter{})
		if err != nil {
			t.Fatal(err)
		}
		nc, err := s.CountCandidates(ctx, data.CandidateFilter{})
		if err != nil {
			t.Fatal(err)
		}
		us, err := s.Utplasseringer(ctx, data.UtplasseringFilter{})
		if err != nil {
			t.Fatal(err)
		}
		employers, err := s.Employers(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want := Summary{Placements: tc.placements, Candidates: tc.candidates, Utplasseringer: len(us), Employers: len(employers)}
		if np != tc.placements || nc != tc.candidates || sum != want {
			t.Errorf("%+v: stored %d placements and %d candidates, summary %+v; want %+v", tc.opt, np, nc, sum, want)
		}
	}
}

func TestGenerate_RefusesAnOfficeWithData(t *testing.T) {
	ctx := context.Background()
	s, _ := generated(t, Options{Placements: 5, Candidates: 10})
	if _, err := Generate(ctx, s, Options{Today: testDay}); !errors.Is(err, ErrNotEmpty) {
		t.Fatalf("Generate on a filled office: %v, want ErrNotEmpty", err)
	}
	sum, err := Generate(ctx, s, Options{Seed: 2, Placements: 8, Candidates: 12, Today: testDay, Replace: true})
	if err != nil {
		t.Fatalf("Generate with Replace: %v", err)
	}
	n, err := s.CountCandidates(ctx, data.CandidateFilter{})
	if err != nil || n != 12 || sum.Candidates != 12 {
		t.Fatalf("after Replace: %d candidates (%v), summary %+v; want 12", n, err, sum)
	}
	if _, err := Generate(ctx, s, Options{Placements: -1}); err == nil {
		t.Error("a negative count is accepted")
	}
}

func TestGenerate_ExportImportsCleanly(t *testing.T) {
	ctx := context.Background()
	s, _ := generated(t, Options{})
	places, people, _ := exported(t, s)

	fresh := openStore(t)
	if _, err := data.ImportPlacements(ctx, fresh, data.CSV, strings.NewReader(places)); err != nil {
		t.Fatalf("import the exported placements: %v", err)
	}
	if _, err := data.ImportCandidates(ctx, fresh, data.CSV, strings.NewReader(people)); err != nil {
		t.Fatalf("import the exported candidates: %v", err)
	}
	// What the files carry survives the trip unchanged: the generator
	// writes every value in the form an import would store it.
	again, againPeople, _ := exported(t, fresh)
	if again != places {
		t.Error("placements change when exported, imported and exported again")
	}
	if againPeople != people {
		t.Error("candidates change when exported, imported and exported again")
	}
}

func TestGenerate_RecordsLookReal(t *testing.T) {
	ctx := context.Background()
	s, _ := generated(t, Options{})
	ps, err := s.Placements(ctx, data.PlacementFilter{})
	if err != nil {
		t.Fatal(err)
	}
	cs, err := s.Candidates(ctx, data.CandidateFilter{})
	if err != nil {
		t.Fatal(err)
	}
	placementRef := regexp.MustCompile(`^P-[A-Z]{3}-[0-9]{2,}$`)
	candidateRef := regexp.MustCompile(`^K-[0-9]{5}$`)
	phone := regexp.MustCompile(`^[49][0-9]{2} [0-9]{2} [0-9]{3}$`)
	email := regexp.MustCompile(`^[a-z0-9.-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$`)
	district := map[string]string{}
	statuses := map[data.PlacementStatus]int{}
	for _, p := range ps {
		statuses[p.Status]++
		if !placementRef.MatchString(p.Ref) {
			t.Errorf("placement ref %q", p.Ref)
		}
		if p.Seats < 1 || p.Seats > 10 {
			t.Errorf("%s: %d seats", p.Ref, p.Seats)
		}
		if n := len(p.SkillsRequired); n > 2 {
			t.Errorf("%s: %d required skills", p.Ref, n)
		}
		if n := len(p.SkillsTrained); n < 2 || n > 4 {
			t.Errorf("%s: %d trained skills", p.Ref, n)
		}
		if n := len(p.Occupations); n < 1 || n > 2 {
			t.Errorf("%s: %d occupations", p.Ref, n)
		}
		if !phone.MatchString(p.ContactPhone) || !email.MatchString(p.ContactEmail) || p.ContactName == "" {
			t.Errorf("%s: contact %q %q %q", p.Ref, p.ContactName, p.ContactPhone, p.ContactEmail)
		}
		if n := strings.Count(p.Description, ". "); p.Description == "" || n > 1 {
			t.Errorf("%s: description %q is not one or two sentences", p.Ref, p.Description)
		}
		if d, ok := district[p.Employer]; ok && d != p.District {
			t.Errorf("%s: %s is in %s and %s", p.Ref, p.Employer, d, p.District)
		}
		district[p.Employer] = p.District
	}
	if statuses[data.PlacementActive] < len(ps)*3/4 {
		t.Errorf("placement statuses %v: want most active", statuses)
	}
	for _, c := range cs {
		if !candidateRef.MatchString(c.Ref) {
			t.Errorf("candidate ref %q", c.Ref)
		}
		if len(strings.Fields(c.Name)) < 2 {
			t.Errorf("%s: name %q", c.Ref, c.Name)
		}
		if n := len(c.Skills); n < 2 || n > 5 {
			t.Errorf("%s: %d skills", c.Ref, n)
		}
		if n := len(c.Goals); n < 1 || n > 2 {
			t.Errorf("%s: %d goals", c.Ref, n)
		}
		if c.Programme == data.ProgrammeKVP && (c.TargetHoursWeek == nil || *c.TargetHoursWeek != data.KVPHoursWeek) {
			t.Errorf("%s: KVP with target %v", c.Ref, c.TargetHoursWeek)
		}
		if c.Registered > testDay || c.Registered < "2025-03-02" {
			t.Errorf("%s: registered %s", c.Ref, c.Registered)
		}
		if c.UnavailableUntil != "" && (c.UnavailableUntil <= testDay || c.UnavailableUntil > "2026-04-27") {
			t.Errorf("%s: unavailable until %s", c.Ref, c.UnavailableUntil)
		}
		if (c.Phone != "" && !phone.MatchString(c.Phone)) || (c.Email != "" && !email.MatchString(c.Email)) {
			t.Errorf("%s: contact %q %q", c.Ref, c.Phone, c.Email)
		}
	}
}

func TestGenerate_PipelineHasEveryColumn(t *testing.T) {
	s, _ := generated(t, Options{})
	count := map[data.Status]int{}
	for _, u := range utplasseringer(t, s) {
		count[u.Status]++
	}
	for _, st := range data.Statuses {
		if st.HoldsSeat() && count[st] == 0 {
			t.Errorf("no utplassering is %s (%v)", st, count)
		}
	}
	if count[data.StatusCompleted]+count[data.StatusCancelled]+count[data.StatusNotSuitable] == 0 {
		t.Errorf("no utplassering has ended (%v)", count)
	}
}

func TestGenerate_PipelineKeepsTheRules(t *testing.T) {
	ctx := context.Background()
	for seed := int64(1); seed <= 3; seed++ {
		s, _ := generated(t, Options{Seed: seed, Placements: 80, Candidates: 400})
		started, holds := map[int64]bool{}, map[int64]bool{}
		for _, u := range utplasseringer(t, s) {
			if u.Status.IsEnd() && u.EndReason == "" {
				t.Errorf("seed %d: utplassering %s → %s ended without a reason", seed, u.CandidateRef, u.PlacementRef)
			}
			if u.Status.HoldsSeat() {
				if holds[u.CandidateID] {
					t.Errorf("seed %d: %s holds two seats", seed, u.CandidateRef)
				}
				holds[u.CandidateID] = true
			}
			started[u.CandidateID] = started[u.CandidateID] || u.Status == data.StatusStarted
		}
		ps, err := s.Placements(ctx, data.PlacementFilter{})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range ps {
			if p.Taken > p.Seats || (p.Taken > 0 && p.Status != data.PlacementActive) {
				t.Errorf("seed %d: %s (%s): %d of %d seats taken", seed, p.Ref, p.Status, p.Taken, p.Seats)
			}
		}
		cs, err := s.Candidates(ctx, data.CandidateFilter{})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cs {
			// A candidate is utplassert exactly when they have started somewhere.
			if (c.Status == data.CandidatePlaced) != started[c.ID] {
				t.Errorf("seed %d: %s is %s, started: %v", seed, c.Ref, c.Status, started[c.ID])
			}
			if holds[c.ID] && c.Status != data.CandidateReady && c.Status != data.CandidatePlaced {
				t.Errorf("seed %d: %s is %s and holds a seat", seed, c.Ref, c.Status)
			}
		}
	}
}

func utplasseringer(t *testing.T, s data.Store) []data.Utplassering {
	t.Helper()
	us, err := s.Utplasseringer(context.Background(), data.UtplasseringFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return us
}

// domainsOf gives the domains whose goals a candidate's goals come from.
func domainsOf(goals []string) []string {
	var out []string
	for _, d := range domains {
		for _, g := range d.goals {
			if slices.Contains(goals, matching.NormalizeTerm(g)) && !slices.Contains(out, d.ref) {
				out = append(out, d.ref)
			}
		}
	}
	return out
}

func TestGenerate_UsefulForMatching(t *testing.T) {
	ctx := context.Background()
	s, _ := generated(t, Options{})
	ps, err := s.Placements(ctx, data.PlacementFilter{Status: []data.PlacementStatus{data.PlacementActive}, FreeOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	cs, err := s.Candidates(ctx, data.CandidateFilter{
		Status: []data.CandidateStatus{data.CandidateNew, data.CandidateAssessment, data.CandidateReady}})
	if err != nil {
		t.Fatal(err)
	}
	meets := func(have, min matching.Norwegian) bool {
		return have.Oral >= min.Oral && have.Written >= min.Written
	}
	good := 0
	for _, c := range cs {
		wanted := domainsOf(c.Goals)
		for _, p := range ps {
			if slices.Contains(wanted, strings.Split(p.Ref, "-")[1]) &&
				matching.OverlapMinutes(c.Availability, p.Schedule) > 0 && meets(c.Norwegian, p.NorwegianMin) {
				good++
				break
			}
		}
	}
	if good < 10 {
		t.Errorf("%d open candidates have a free placement in the work they want, in their week, at their Norwegian; want at least 10", good)
	}
}

func TestOrigins_SpeakKnownLanguages(t *testing.T) {
	for _, og := range origins {
		if len(og.given) == 0 || len(og.family) == 0 || len(og.languages) == 0 || og.weight <= 0 {
			t.Errorf("origin %s is incomplete", og.key)
		}
		for _, l := range og.languages {
			if !slices.Contains(otherLanguages, l) {
				t.Errorf("origin %s: language %q is not among otherLanguages", og.key, l)
			}
		}
	}
}

func TestEmailDomain_IsASCII(t *testing.T) {
	for _, tc := range []struct{ employer, want string }{
		{"Grorud Renhold AS", "grorud-renhold.no"},
		{"Skinnende Hjem Rengjøring AS", "skinnende-hjem-rengjoring.no"},
		{"Bakgården Kafé Grünerløkka AS", "bakgarden-kafe-grunerlokka.no"},
		{"Helseforetak Oslo Øst, renholdsavdelingen", "helseforetak-oslo-ost.no"},
		{"Smak & Sunnhet Catering AS", "smak-sunnhet-catering.no"},
		{"IT-Gjenbruk Alna AS", "it-gjenbruk-alna.no"},
	} {
		if got := emailDomain(tc.employer); got != tc.want {
			t.Errorf("emailDomain(%q) = %q, want %q", tc.employer, got, tc.want)
		}
	}
	for _, d := range domains {
		for _, e := range d.employers {
			if !regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*\.no$`).MatchString(emailDomain(e.name)) {
				t.Errorf("%s: domain %q", e.name, emailDomain(e.name))
			}
		}
	}
}

func TestEmployerDistrict_FollowsTheName(t *testing.T) {
	for employer, want := range map[string]string{
		"Bydel Søndre Nordstrand hjemmetjeneste": "Søndre Nordstrand",
		"Renholdsservice Furuset AS":             "Alna",
		"Borettslagservice Romsås AS":            "Grorud",
		"Tøyen Vaskeri AS":                       "Gamle Oslo",
	} {
		if got := employerDistrict(employer); got != want {
			t.Errorf("employerDistrict(%q) = %q, want %q", employer, got, want)
		}
	}
	for _, d := range domains {
		for _, e := range d.employers {
			if !slices.Contains(districts, employerDistrict(e.name)) {
				t.Errorf("%s: district %q", e.name, employerDistrict(e.name))
			}
		}
	}
}

func TestEmployerWork_BelongsToTheDomain(t *testing.T) {
	given := map[string]bool{}
	for name, w := range employerWork {
		found := false
		for _, d := range domains {
			for _, e := range d.employers {
				if e.name != name {
					continue
				}
				found = true
				for _, title := range w.titles {
					if !slices.Contains(d.titles, title) {
						t.Errorf("%s: title %q is not a %s title", name, title, d.key)
					}
					given[title] = true
				}
				for _, s := range w.trained {
					if !slices.Contains(d.skillsTrained, s) {
						t.Errorf("%s: skill %q is not trained in %s", name, s, d.key)
					}
				}
			}
		}
		if !found {
			t.Errorf("employerWork names %q, which is no employer", name)
		}
	}
	for _, title := range exclusiveTitles {
		if !given[title] {
			t.Errorf("exclusive title %q belongs to no employer", title)
		}
	}
	for _, d := range domains {
		for _, e := range d.employers {
			if w := workAt(&d, e.name); len(w.titles) == 0 || len(w.trained) < 4 {
				t.Errorf("%s: %d titles and %d skills", e.name, len(w.titles), len(w.trained))
			}
		}
	}
}

// A goal that names an occupation carries that occupation's code, as a job
// specialist would code it: "romassistent" is 9112, not another job of the
// hotel trade.
func TestCandidates_GoalsThatNameAnOccupationCarryItsCode(t *testing.T) {
	s, _ := generated(t, Options{})
	cs, err := s.Candidates(context.Background(), data.CandidateFilter{})
	if err != nil {
		t.Fatal(err)
	}
	terms, err := data.BuiltinSkillTerms()
	if err != nil {
		t.Fatal(err)
	}
	coded := 0
	for _, c := range cs {
		for _, g := range c.Goals {
			for _, term := range terms {
				if len(term.Occupations) == 0 || g != term.Term && !slices.Contains(term.Synonyms, g) {
					continue
				}
				coded++
				for _, code := range term.Occupations {
					if !slices.Contains(c.GoalOccupations, code) {
						t.Errorf("%s: goal %q without its code %s: %v", c.Ref, g, code, c.GoalOccupations)
					}
				}
			}
		}
	}
	if coded < len(cs)/4 {
		t.Errorf("only %d goals of %d candidates name an occupation of the taxonomy; the test shows little", coded, len(cs))
	}
}
