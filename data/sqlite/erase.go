package sqlite

import (
	"context"
	"fmt"

	"arbeidsboks/data"
)

// erasedRef is the anonymous ref an erased person's record gets: unique in
// the office (the id is), and saying nothing about the person.
func erasedRef(id int64) string { return fmt.Sprintf("SLETTET-%d", id) }

func (t *tx) EraseCandidate(ctx context.Context, id int64) error {
	if err := t.requireRole(data.RoleLead); err != nil {
		return err
	}
	if _, err := t.fullCandidate(ctx, id); err != nil {
		return notFound(data.EntityCandidate, id)
	}
	ref := erasedRef(id)
	// The stub keeps programme, status, specialist, dates, target hours and
	// the utplasseringer: what reports count. Everything that describes the
	// person goes, and an empty availability keeps the stub out of matching.
	if _, err := t.q.ExecContext(ctx, `UPDATE candidates SET ref = ?, name = '', district = '',
		norwegian_oral = 0, norwegian_written = 0, other_languages = '[]', skills = '[]', goals = '[]',
		availability = '', has_police_certificate = 0, has_drivers_license = 0, adaptation_needs = '[]',
		sector_preference = '[]', notes = '', goal_occupations = '[]', phone = '', email = '',
		adaptation_detail = '', erased = 1, search = ?, updated = ?, version = version + 1
		WHERE id = ? AND office = ?`, ref, searchText(ref), stamp(t.now), id, t.actor.Office); err != nil {
		return fmt.Errorf("erase candidate: %w", mapError(err))
	}
	// Notes on their utplasseringer and their history may name them.
	for _, stmt := range []string{
		`UPDATE utplassering_events SET note = '' WHERE note != '' AND utplassering_id IN
			(SELECT id FROM utplasseringer WHERE candidate_id = ?)`,
		`UPDATE utplasseringer SET note = '' WHERE note != '' AND candidate_id = ?`,
		// What a triage meeting said about them.
		`UPDATE meeting_items SET comment = '' WHERE comment != '' AND candidate_id = ?`,
		// Audit entries keep who, when and what kind; their values go.
		`UPDATE audit SET before = '', after = '' WHERE entity = 'candidate' AND entity_id = ?
			AND (before != '' OR after != '')`,
	} {
		if _, err := t.q.ExecContext(ctx, stmt, id); err != nil {
			return fmt.Errorf("erase candidate: %w", mapError(err))
		}
	}
	if err := t.audit(ctx, data.ActionErase, data.EntityCandidate, id, nil, nil); err != nil {
		return err
	}
	t.erased = true
	return t.changed(ctx, data.EntityCandidate, id, data.ActionUpdate)
}
