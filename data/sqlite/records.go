package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"arbeidsboks/data"
)

func (t *tx) SavePlacement(ctx context.Context, p *data.Placement) error {
	if err := t.requireRole(data.RoleSpecialist, data.RoleMarket, data.RoleLead); err != nil {
		return err
	}
	if problems := data.ValidatePlacement(p); len(problems) > 0 {
		return &data.ValidationError{Entity: data.EntityPlacement, Problems: problems}
	}
	p.Office = t.actor.Office
	employerID, err := t.employerID(ctx, p.Employer)
	if err != nil {
		return err
	}
	var before data.Placement
	if p.ID != 0 {
		if before, err = t.Placement(ctx, p.ID); err != nil {
			return err
		}
		if before.Version != p.Version {
			return fmt.Errorf("placement %s: %w", p.Ref, data.ErrStale)
		}
	}
	args := []any{p.Ref, p.Title, employerID, string(p.Sector), p.District, p.Measure, p.Seats,
		int(p.NorwegianMin.Oral), int(p.NorwegianMin.Written), p.NorwegianHard,
		jsonList(p.SkillsRequired), jsonList(p.SkillsTrained), jsonList(p.LanguagesValued),
		p.Schedule.String(), p.MinHoursWeek, p.RequiresPoliceCertificate, p.RequiresDriversLicense,
		jsonList(p.AdaptationsOffered), p.ContactName, p.ContactPhone, p.ContactEmail,
		p.Description, string(p.Status), jsonList(p.Occupations),
		searchText(p.Ref, p.Title, p.Employer), stamp(t.now)}
	if p.ID == 0 {
		res, err := t.q.ExecContext(ctx, `INSERT INTO placements (ref, title, employer_id, sector, district,
			measure, seats, norwegian_oral, norwegian_written, norwegian_hard, skills_required, skills_trained,
			languages_valued, schedule, min_hours_week, requires_police_certificate, requires_drivers_license,
			adaptations_offered, contact_name, contact_phone, contact_email, description, status, occupations,
			search, updated, created, office, version)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
			append(args, stamp(t.now), p.Office)...)
		if err != nil {
			return fmt.Errorf("placement %s: %w", p.Ref, mapError(err))
		}
		if p.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		p.Version, p.Created, p.Updated = 1, t.now, t.now
		if err := t.audit(ctx, data.ActionCreate, data.EntityPlacement, p.ID, nil, data.PlacementValues(p)); err != nil {
			return err
		}
		return t.changed(ctx, data.EntityPlacement, p.ID, data.ActionCreate)
	}
	res, err := t.q.ExecContext(ctx, `UPDATE placements SET ref = ?, title = ?, employer_id = ?, sector = ?,
		district = ?, measure = ?, seats = ?, norwegian_oral = ?, norwegian_written = ?, norwegian_hard = ?,
		skills_required = ?, skills_trained = ?, languages_valued = ?, schedule = ?, min_hours_week = ?,
		requires_police_certificate = ?, requires_drivers_license = ?, adaptations_offered = ?,
		contact_name = ?, contact_phone = ?, contact_email = ?, description = ?, status = ?, occupations = ?,
		search = ?, updated = ?, version = version + 1
		WHERE id = ? AND version = ?`, append(args, p.ID, p.Version)...)
	if err != nil {
		return fmt.Errorf("placement %s: %w", p.Ref, mapError(err))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("placement %s: %w", p.Ref, data.ErrStale)
	}
	p.Version, p.Updated, p.Taken = p.Version+1, t.now, before.Taken
	b, a := diff(data.PlacementValues(&before), data.PlacementValues(p))
	if len(a) == 0 {
		return nil
	}
	if err := t.audit(ctx, data.ActionUpdate, data.EntityPlacement, p.ID, b, a); err != nil {
		return err
	}
	return t.changed(ctx, data.EntityPlacement, p.ID, data.ActionUpdate)
}

// employerID finds the employer by name (any case) or registers it.
func (t *tx) employerID(ctx context.Context, name string) (int64, error) {
	var id int64
	err := t.q.QueryRowContext(ctx, `SELECT id FROM employers WHERE office = ? AND name = ? COLLATE NOCASE`, t.actor.Office, name).Scan(&id)
	if !errors.Is(err, sql.ErrNoRows) {
		return id, mapError(err)
	}
	res, err := t.q.ExecContext(ctx, `INSERT INTO employers (office, name, created) VALUES (?, ?, ?)`, t.actor.Office, name, stamp(t.now))
	if err != nil {
		return 0, mapError(err)
	}
	if id, err = res.LastInsertId(); err != nil {
		return 0, err
	}
	return id, t.audit(ctx, data.ActionCreate, data.EntityEmployer, id, nil, fields{"name": name})
}

func (t *tx) SaveCandidate(ctx context.Context, c *data.Candidate) error {
	if err := t.requireRole(data.RoleSpecialist, data.RoleLead); err != nil {
		return err
	}
	var before data.Candidate
	if c.ID != 0 {
		var err error
		if before, err = t.fullCandidate(ctx, c.ID); err != nil {
			return err
		}
		if before.Erased {
			return fmt.Errorf("candidate %s: %w", before.Ref, data.ErrErased)
		}
	}
	if problems := data.ValidateCandidate(c); len(problems) > 0 {
		return &data.ValidationError{Entity: data.EntityCandidate, Problems: problems}
	}
	if c.ID != 0 && before.Version != c.Version {
		return fmt.Errorf("candidate %s: %w", c.Ref, data.ErrStale)
	}
	c.Office = t.actor.Office
	var target any
	if c.TargetHoursWeek != nil {
		target = *c.TargetHoursWeek
	}
	args := []any{c.Ref, c.Name, string(c.Programme), c.Specialist, c.District, int(c.Norwegian.Oral),
		int(c.Norwegian.Written), jsonList(c.OtherLanguages), jsonList(c.Skills), jsonList(c.Goals),
		c.Availability.String(), target, c.HasPoliceCertificate, c.HasDriversLicense,
		jsonList(c.AdaptationNeeds), jsonList(c.SectorPreference), c.Notes, string(c.Status),
		string(c.UnavailableUntil), string(c.Registered), jsonList(c.GoalOccupations), c.Phone, c.Email,
		c.AdaptationDetail, searchText(c.Ref, c.Name), stamp(t.now)}
	if c.ID == 0 {
		res, err := t.q.ExecContext(ctx, `INSERT INTO candidates (ref, name, programme, specialist, district,
			norwegian_oral, norwegian_written, other_languages, skills, goals, availability, target_hours_week,
			has_police_certificate, has_drivers_license, adaptation_needs, sector_preference, notes, status,
			unavailable_until, registered, goal_occupations, phone, email, adaptation_detail, search, updated,
			created, office, version)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
			append(args, stamp(t.now), c.Office)...)
		if err != nil {
			return fmt.Errorf("candidate %s: %w", c.Ref, mapError(err))
		}
		if c.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		c.Version, c.Created, c.Updated = 1, t.now, t.now
		if err := t.audit(ctx, data.ActionCreate, data.EntityCandidate, c.ID, nil, data.CandidateValues(c)); err != nil {
			return err
		}
		return t.changed(ctx, data.EntityCandidate, c.ID, data.ActionCreate)
	}
	res, err := t.q.ExecContext(ctx, `UPDATE candidates SET ref = ?, name = ?, programme = ?, specialist = ?,
		district = ?, norwegian_oral = ?, norwegian_written = ?, other_languages = ?, skills = ?, goals = ?,
		availability = ?, target_hours_week = ?, has_police_certificate = ?, has_drivers_license = ?,
		adaptation_needs = ?, sector_preference = ?, notes = ?, status = ?, unavailable_until = ?,
		registered = ?, goal_occupations = ?, phone = ?, email = ?, adaptation_detail = ?, search = ?,
		updated = ?, version = version + 1
		WHERE id = ? AND version = ?`, append(args, c.ID, c.Version)...)
	if err != nil {
		return fmt.Errorf("candidate %s: %w", c.Ref, mapError(err))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("candidate %s: %w", c.Ref, data.ErrStale)
	}
	c.Version, c.Updated = c.Version+1, t.now
	b, a := diff(data.CandidateValues(&before), data.CandidateValues(c))
	if len(a) == 0 {
		return nil
	}
	if err := t.audit(ctx, data.ActionUpdate, data.EntityCandidate, c.ID, b, a); err != nil {
		return err
	}
	return t.changed(ctx, data.EntityCandidate, c.ID, data.ActionUpdate)
}

func (t *tx) ReplaceSkillTerms(ctx context.Context, terms []data.SkillTerm) error {
	if err := t.requireRole(data.RoleLead); err != nil {
		return err
	}
	if _, err := t.q.ExecContext(ctx, `DELETE FROM skill_terms`); err != nil {
		return mapError(err)
	}
	if err := insertSkillTerms(ctx, t.q, terms); err != nil {
		return err
	}
	if err := t.audit(ctx, data.ActionUpdate, data.EntityTaxonomy, 0, nil, fields{"terms": len(terms)}); err != nil {
		return err
	}
	return t.changed(ctx, data.EntityTaxonomy, 0, data.ActionUpdate)
}

func insertSkillTerms(ctx context.Context, q interface {
	ExecContext(context.Context, string, ...any) (sql.Result, error)
}, terms []data.SkillTerm) error {
	for _, term := range terms {
		if _, err := q.ExecContext(ctx, `INSERT INTO skill_terms (term, broader, synonyms, occupations) VALUES (?, ?, ?, ?)`,
			term.Term, term.Broader, jsonList(term.Synonyms), jsonList(term.Occupations)); err != nil {
			return fmt.Errorf("skill term %q: %w", term.Term, mapError(err))
		}
	}
	return nil
}

func (t *tx) Reset(ctx context.Context) error {
	if err := t.requireRole(data.RoleLead); err != nil {
		return err
	}
	for _, stmt := range []string{
		`DELETE FROM utplassering_events WHERE utplassering_id IN (SELECT id FROM utplasseringer WHERE office = ?)`,
		`DELETE FROM utplasseringer WHERE office = ?`,
		`DELETE FROM placements WHERE office = ?`,
		`DELETE FROM employers WHERE office = ?`,
		`DELETE FROM candidates WHERE office = ?`,
	} {
		if _, err := t.q.ExecContext(ctx, stmt, t.actor.Office); err != nil {
			return mapError(err)
		}
	}
	if err := t.audit(ctx, data.ActionDelete, "office", 0, nil, fields{"office": t.actor.Office}); err != nil {
		return err
	}
	return t.changed(ctx, "*", 0, data.ActionDelete)
}
