package sqlite

import (
	"context"
	"errors"
	"testing"

	"arbeidsboks/data"
)

// roleOffice is an office with one placement, one candidate with every
// personal field filled in, one utplassering between them, another
// candidate without a seat, and a user Kari.
type roleOffice struct {
	db        *DB
	placement data.Placement
	candidate data.Candidate
	utpl      data.Utplassering
	free      data.Candidate // holds no seat
}

func newRoleOffice(t *testing.T) *roleOffice {
	t.Helper()
	db, _ := openTemp(t)
	ctx := context.Background()
	p := placement("P-1", 3)
	p.ContactName, p.ContactPhone, p.ContactEmail = "Per Hansen", "22 33 44 55", "per@renhold.no"
	c := candidate("K-1", "Amina Hassan")
	c.Phone, c.Email, c.AdaptationDetail = "912 34 567", "amina@example.no", "Trenger pauser hver time"
	c.Specialist, c.OtherLanguages, c.HasPoliceCertificate = "Kari", []string{"somali"}, true
	hours := 30.0
	c.TargetHoursWeek = &hours
	c.AdaptationNeeds = []data.Adaptation{data.AdaptHours}
	free := candidate("K-2", "Bashir Ali")
	save(t, lead(db), &p, &c, &free)
	var u data.Utplassering
	err := lead(db).WithTx(ctx, func(tx data.Tx) error {
		var err error
		if u, err = tx.Propose(ctx, c.ID, p.ID, 800); err != nil {
			return err
		}
		return tx.AddUser(ctx, &data.User{Name: "Kari", Role: data.RoleSpecialist})
	})
	if err != nil {
		t.Fatal(err)
	}
	return &roleOffice{db: db, placement: p, candidate: c, utpl: u, free: free}
}

func (o *roleOffice) as(role data.Role) data.Store {
	return o.db.As(data.Actor{UserID: 99, Name: "bruker-" + string(role), Role: role, Office: data.DefaultOffice})
}

// TestRoles_CandidateReads: every way of reading a candidate gives a
// market contact only what matching needs, and the others the whole record.
func TestRoles_CandidateReads(t *testing.T) {
	o := newRoleOffice(t)
	ctx := context.Background()
	for _, role := range data.Roles {
		s := o.as(role)
		reads := map[string]func() (data.Candidate, error){
			"Candidate":      func() (data.Candidate, error) { return s.Candidate(ctx, o.candidate.ID) },
			"CandidateByRef": func() (data.Candidate, error) { return s.CandidateByRef(ctx, o.candidate.Ref) },
			"OpenCandidate":  func() (data.Candidate, error) { return s.OpenCandidate(ctx, o.candidate.ID) },
			"Candidates": func() (data.Candidate, error) {
				list, err := s.Candidates(ctx, data.CandidateFilter{Text: "K-1"})
				if err != nil || len(list) != 1 {
					return data.Candidate{}, errors.Join(err, errors.New("not exactly one candidate"))
				}
				return list[0], nil
			},
		}
		for name, read := range reads {
			got, err := read()
			if err != nil {
				t.Errorf("%s: %s: %v", role, name, err)
				continue
			}
			// What every role sees: what matching needs.
			if got.Ref != "K-1" || got.Name != "Amina Hassan" || got.Programme != data.ProgrammeKVP ||
				got.Availability.IsEmpty() || len(got.AdaptationNeeds) != 1 || got.Status != data.CandidateReady {
				t.Errorf("%s: %s lacks what matching needs: %+v", role, name, got)
			}
			personal := got.Notes != "" || got.Phone != "" || got.Email != "" || got.AdaptationDetail != "" ||
				got.Specialist != "" || len(got.OtherLanguages) > 0 || got.TargetHoursWeek != nil || got.HasPoliceCertificate
			switch {
			case role == data.RoleMarket && (personal || !got.Restricted):
				t.Errorf("%s: %s shows personal fields: %+v", role, name, got)
			case role != data.RoleMarket && (got.Restricted || got.Notes != o.candidate.Notes ||
				got.Phone != o.candidate.Phone || got.AdaptationDetail != o.candidate.AdaptationDetail):
				t.Errorf("%s: %s is not the whole record: %+v", role, name, got)
			}
		}
		// Matching reads everything it scores by, for every role, and no
		// personal text.
		all, err := s.CandidatesForMatching(ctx)
		if err != nil || len(all) != 2 || all[0].Ref != "K-1" {
			t.Fatalf("%s: CandidatesForMatching: %d, %v", role, len(all), err)
		}
		if m := all[0]; m.Notes != "" || m.Phone != "" || m.Email != "" || m.AdaptationDetail != "" ||
			m.TargetHoursWeek == nil || !m.HasPoliceCertificate || len(m.OtherLanguages) != 1 {
			t.Errorf("%s: CandidatesForMatching: %+v", role, m)
		}
	}
}

// TestRoles_PlacementsReadFully: every role reads a placement with its
// contact details.
func TestRoles_PlacementsReadFully(t *testing.T) {
	o := newRoleOffice(t)
	ctx := context.Background()
	for _, role := range data.Roles {
		got, err := o.as(role).Placement(ctx, o.placement.ID)
		if err != nil || got.ContactPhone != "22 33 44 55" || got.ContactEmail != "per@renhold.no" || got.Taken != 1 {
			t.Errorf("%s: placement %+v, %v", role, got, err)
		}
	}
}

// TestRoles_WhoMayWriteWhat is the store's table of writes by role.
func TestRoles_WhoMayWriteWhat(t *testing.T) {
	type op struct {
		name    string
		allowed []data.Role
		run     func(ctx context.Context, o *roleOffice, tx data.Tx) error
	}
	all := data.Roles
	specialistOrLead := []data.Role{data.RoleSpecialist, data.RoleLead}
	leadOnly := []data.Role{data.RoleLead}
	ops := []op{
		{"create a placement", all, func(ctx context.Context, o *roleOffice, tx data.Tx) error {
			p := placement("P-NY", 1)
			return tx.SavePlacement(ctx, &p)
		}},
		{"edit a placement", all, func(ctx context.Context, o *roleOffice, tx data.Tx) error {
			p := o.placement
			p.Seats = 4
			return tx.SavePlacement(ctx, &p)
		}},
		{"create a candidate", specialistOrLead, func(ctx context.Context, o *roleOffice, tx data.Tx) error {
			c := candidate("K-NY", "Bashir Ali")
			return tx.SaveCandidate(ctx, &c)
		}},
		{"edit a candidate", specialistOrLead, func(ctx context.Context, o *roleOffice, tx data.Tx) error {
			c := o.candidate
			c.Notes = "Ny vurdering"
			return tx.SaveCandidate(ctx, &c)
		}},
		{"propose", all, func(ctx context.Context, o *roleOffice, tx data.Tx) error {
			_, err := tx.Propose(ctx, o.free.ID, o.placement.ID, 700)
			return err
		}},
		{"move an utplassering", all, func(ctx context.Context, o *roleOffice, tx data.Tx) error {
			_, err := tx.Move(ctx, o.utpl.ID, o.utpl.Version, data.StatusContacted, "", "")
			return err
		}},
		{"end an utplassering", all, func(ctx context.Context, o *roleOffice, tx data.Tx) error {
			_, err := tx.Move(ctx, o.utpl.ID, o.utpl.Version, data.StatusNotSuitable, data.ReasonNotInterest, "")
			return err
		}},
		{"pin an utplassering", all, func(ctx context.Context, o *roleOffice, tx data.Tx) error {
			_, err := tx.Pin(ctx, o.utpl.ID, o.utpl.Version, true)
			return err
		}},
		{"add a user", leadOnly, func(ctx context.Context, o *roleOffice, tx data.Tx) error {
			return tx.AddUser(ctx, &data.User{Name: "Ny Bruker", Role: data.RoleSpecialist})
		}},
		{"add a key", leadOnly, func(ctx context.Context, o *roleOffice, tx data.Tx) error {
			return tx.AddKey(ctx, "Kari", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBk5Q9pOEXDm6yEv0DlN6VJd1yRYrsMkSxLwY1YzbBxy kari@nav")
		}},
		{"deactivate a user", leadOnly, func(ctx context.Context, o *roleOffice, tx data.Tx) error {
			return tx.DeactivateUser(ctx, "Kari")
		}},
		{"replace the skills taxonomy", leadOnly, func(ctx context.Context, o *roleOffice, tx data.Tx) error {
			return tx.ReplaceSkillTerms(ctx, []data.SkillTerm{{Term: "renhold"}})
		}},
		{"reset the office", leadOnly, func(ctx context.Context, o *roleOffice, tx data.Tx) error {
			return tx.Reset(ctx)
		}},
	}
	for _, op := range ops {
		for _, role := range data.Roles {
			t.Run(op.name+"/"+string(role), func(t *testing.T) {
				o := newRoleOffice(t)
				ctx := context.Background()
				err := o.as(role).WithTx(ctx, func(tx data.Tx) error { return op.run(ctx, o, tx) })
				allowed := false
				for _, r := range op.allowed {
					allowed = allowed || r == role
				}
				switch {
				case allowed && err != nil:
					t.Errorf("%s may %s, but: %v", role, op.name, err)
				case !allowed && !errors.Is(err, data.ErrForbidden):
					t.Errorf("%s may not %s, but got %v, want ErrForbidden", role, op.name, err)
				}
			})
		}
	}
}

// TestRoles_AuditLogIsForLeadsOnly: only team leads read the audit log.
func TestRoles_AuditLogIsForLeadsOnly(t *testing.T) {
	o := newRoleOffice(t)
	ctx := context.Background()
	for _, role := range data.Roles {
		entries, err := o.as(role).Audit(ctx, data.AuditFilter{})
		switch {
		case role == data.RoleLead && (err != nil || len(entries) == 0):
			t.Errorf("a team lead reads the audit log: %d entries, %v", len(entries), err)
		case role != data.RoleLead && !errors.Is(err, data.ErrForbidden):
			t.Errorf("%s reading the audit log: %v, want ErrForbidden", role, err)
		}
	}
}

// TestRoles_ForbiddenWriteLeavesNothing: a refused write changes nothing,
// and leaves neither an audit entry nor a change on the feed.
func TestRoles_ForbiddenWriteLeavesNothing(t *testing.T) {
	o := newRoleOffice(t)
	ctx := context.Background()
	var audits, changes int
	count := func() (int, int) {
		var a, c int
		o.db.read.QueryRow(`SELECT count(*) FROM audit`).Scan(&a)
		o.db.read.QueryRow(`SELECT count(*) FROM changes`).Scan(&c)
		return a, c
	}
	audits, changes = count()
	market := o.as(data.RoleMarket)
	err := market.WithTx(ctx, func(tx data.Tx) error {
		p := o.placement
		p.Seats = 5
		if err := tx.SavePlacement(ctx, &p); err != nil {
			return err
		}
		c := o.candidate
		c.Notes = ""
		return tx.SaveCandidate(ctx, &c) // refused: the placement's change goes too
	})
	if !errors.Is(err, data.ErrForbidden) {
		t.Fatalf("a market contact editing a candidate: %v, want ErrForbidden", err)
	}
	if a, c := count(); a != audits || c != changes {
		t.Errorf("audit %d → %d, changes %d → %d after a refused transaction", audits, a, changes, c)
	}
	got, _ := o.as(data.RoleLead).Placement(ctx, o.placement.ID)
	if got.Seats != o.placement.Seats {
		t.Errorf("seats %d after a refused transaction, want %d", got.Seats, o.placement.Seats)
	}
	full, _ := o.as(data.RoleLead).Candidate(ctx, o.candidate.ID)
	if full.Notes != o.candidate.Notes {
		t.Errorf("notes %q after a refused transaction", full.Notes)
	}
}

func TestMarketContact_SeesNoNotesOrHealthInTheHistory(t *testing.T) {
	db, _ := openTemp(t)
	ctx := context.Background()
	s := lead(db)
	p := placement("P-1", 1)
	c := candidate("K-1", "Amina")
	save(t, s, &p, &c)
	var id int64
	err := s.WithTx(ctx, func(tx data.Tx) error {
		u, err := tx.Propose(ctx, c.ID, p.ID, 800)
		if err != nil {
			return err
		}
		id = u.ID
		u, err = tx.Move(ctx, u.ID, u.Version, data.StatusStarted, "", "")
		if err != nil {
			return err
		}
		_, err = tx.Move(ctx, u.ID, u.Version, data.StatusCancelled, data.ReasonSick, "Innlagt på sykehus")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	market := db.As(data.Actor{Name: "mk", Role: data.RoleMarket, Office: data.DefaultOffice})
	history, err := market.History(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	u, _ := market.Utplassering(ctx, id)
	last := history[len(history)-1]
	if last.Note != "" || last.Reason == data.ReasonSick || u.Note != "" || u.EndReason == data.ReasonSick {
		t.Fatalf("a market contact sees %q / %q and %q / %q", last.Note, last.Reason, u.Note, u.EndReason)
	}
	full, _ := s.History(ctx, id)
	if full[len(full)-1].Note != "Innlagt på sykehus" || full[len(full)-1].Reason != data.ReasonSick {
		t.Fatalf("the lead's history lost the note: %+v", full[len(full)-1])
	}
}
