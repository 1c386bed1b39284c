package sqlite

import (
	"context"
	"fmt"
	"slices"

	"arbeidsboks/data"
)

func (t *tx) Propose(ctx context.Context, candidateID, placementID int64, score int) (data.Utplassering, error) {
	var u data.Utplassering
	if err := t.requireRole(data.RoleSpecialist, data.RoleMarket, data.RoleLead); err != nil {
		return u, err
	}
	p, err := t.Placement(ctx, placementID)
	if err != nil {
		return u, notFound(data.EntityPlacement, placementID)
	}
	c, err := t.candidateState(ctx, candidateID)
	if err != nil {
		return u, notFound(data.EntityCandidate, candidateID)
	}
	if err := t.seatCheck(ctx, p, c, 0); err != nil {
		return u, err
	}
	res, err := t.q.ExecContext(ctx, `INSERT INTO utplasseringer (office, candidate_id, placement_id, status,
		score, created_by, version, created, updated) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)`,
		t.actor.Office, c.ID, p.ID, string(data.StatusProposed), score, t.actor.Name, stamp(t.now), stamp(t.now))
	if err != nil {
		return u, mapError(err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return u, err
	}
	if err := t.event(ctx, id, "", data.StatusProposed, "", ""); err != nil {
		return u, err
	}
	if err := t.audit(ctx, data.ActionCreate, data.EntityUtplassering, id, nil, fields{
		"candidate": c.ID, "placement": p.ID, "status": data.StatusProposed, "score": score}); err != nil {
		return u, err
	}
	if err := t.seatsChanged(ctx, id, p.ID, c.ID, data.ActionCreate); err != nil {
		return u, err
	}
	return data.Utplassering{ID: id, Office: t.actor.Office, CandidateID: c.ID, PlacementID: p.ID,
		CandidateRef: c.Ref, PlacementRef: p.Ref, Status: data.StatusProposed, Score: score,
		CreatedBy: t.actor.Name, Version: 1, Created: t.now, Updated: t.now}, nil
}

// candidateState reads what the seat rules need of a candidate: cheaper
// than the whole record, which a busy pipeline would parse again and again.
func (t *tx) candidateState(ctx context.Context, id int64) (data.Candidate, error) {
	c := data.Candidate{ID: id}
	err := t.q.QueryRowContext(ctx, `SELECT ref, status, erased FROM candidates WHERE id = ? AND office = ?`, id,
		t.actor.Office).Scan(&c.Ref, &c.Status, &c.Erased)
	return c, mapError(err)
}

// seatCheck applies the seat rules to taking a seat in p for c: only an
// active placement with a free seat, and only a candidate who is open for a
// placement and holds no other seat. except is an utplassering that is
// already counted (0 for none).
func (t *tx) seatCheck(ctx context.Context, p data.Placement, c data.Candidate, except int64) error {
	if p.Status != data.PlacementActive {
		return fmt.Errorf("%s: %w", p.Ref, data.ErrInactive)
	}
	if c.Erased {
		return fmt.Errorf("%s: %w", c.Ref, data.ErrErased)
	}
	if c.Status == data.CandidateClosed {
		return fmt.Errorf("%s: %w", c.Ref, data.ErrCandidateClosed)
	}
	if p.FreeSeats() <= 0 {
		return fmt.Errorf("%s: %w", p.Ref, data.ErrNoSeat)
	}
	held, err := t.Utplasseringer(ctx, data.UtplasseringFilter{CandidateID: c.ID, SeatHolding: true})
	if err != nil {
		return err
	}
	for _, h := range held {
		if h.ID != except {
			return fmt.Errorf("%s (%s): %w", c.Ref, h.PlacementRef, data.ErrHasSeat)
		}
	}
	return nil
}

func (t *tx) event(ctx context.Context, id int64, from, to data.Status, reason data.EndReason, note string) error {
	_, err := t.q.ExecContext(ctx, `INSERT INTO utplassering_events (utplassering_id, from_status, to_status,
		reason, note, by_name, at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		id, string(from), string(to), string(reason), note, t.actor.Name, stamp(t.now))
	return mapError(err)
}

// seatsChanged announces an utplassering change, and the placement's and
// candidate's, whose seat counts and status views follow from it.
func (t *tx) seatsChanged(ctx context.Context, id, placementID, candidateID int64, action string) error {
	for _, c := range []struct {
		entity string
		id     int64
	}{{data.EntityUtplassering, id}, {data.EntityPlacement, placementID}, {data.EntityCandidate, candidateID}} {
		a := action
		if c.entity != data.EntityUtplassering {
			a = data.ActionUpdate
		}
		if err := t.changed(ctx, c.entity, c.id, a); err != nil {
			return err
		}
	}
	return nil
}

func (t *tx) Move(ctx context.Context, id, version int64, to data.Status, reason data.EndReason, note string) (data.Utplassering, error) {
	if err := t.requireRole(data.RoleSpecialist, data.RoleMarket, data.RoleLead); err != nil {
		return data.Utplassering{}, err
	}
	u, err := t.Utplassering(ctx, id)
	if err != nil {
		return u, notFound(data.EntityUtplassering, id)
	}
	if u.Version != version {
		return u, fmt.Errorf("utplassering %s → %s: %w", u.CandidateRef, u.PlacementRef, data.ErrStale)
	}
	if !slices.Contains(data.Statuses, to) {
		return u, &data.FieldError{Column: "status", Value: string(to), Code: data.CodeChoice}
	}
	if to.IsEnd() {
		if !slices.Contains(data.EndReasons, reason) {
			return u, &data.FieldError{Column: "reason", Value: string(reason), Code: data.CodeRequired}
		}
	} else {
		reason = ""
	}
	note, _ = cleanNote(note)
	if to == u.Status && reason == u.EndReason {
		return u, nil
	}
	if to.HoldsSeat() && !u.Status.HoldsSeat() {
		p, err := t.Placement(ctx, u.PlacementID)
		if err != nil {
			return u, err
		}
		c, err := t.candidateState(ctx, u.CandidateID)
		if err != nil {
			return u, err
		}
		if err := t.seatCheck(ctx, p, c, u.ID); err != nil {
			return u, err
		}
	}
	res, err := t.q.ExecContext(ctx, `UPDATE utplasseringer SET status = ?, end_reason = ?, note = ?,
		updated = ?, version = version + 1 WHERE id = ? AND version = ?`,
		string(to), string(reason), note, stamp(t.now), id, version)
	if err != nil {
		return u, mapError(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return u, fmt.Errorf("utplassering %d: %w", id, data.ErrStale)
	}
	if err := t.event(ctx, id, u.Status, to, reason, note); err != nil {
		return u, err
	}
	if err := t.audit(ctx, data.ActionUpdate, data.EntityUtplassering, id,
		fields{"status": u.Status, "end_reason": u.EndReason},
		fields{"status": to, "end_reason": reason}); err != nil {
		return u, err
	}
	if err := t.followCandidate(ctx, u.CandidateID, u.Status, to); err != nil {
		return u, err
	}
	if err := t.seatsChanged(ctx, id, u.PlacementID, u.CandidateID, data.ActionUpdate); err != nil {
		return u, err
	}
	u.Status, u.EndReason, u.Note, u.Version, u.Updated = to, reason, note, u.Version+1, t.now
	return u, nil
}

// followCandidate keeps the candidate's status in step with their
// utplassering: a start makes them utplassert, and the end of a started one
// makes them klar again (the specialist decides what comes next).
func (t *tx) followCandidate(ctx context.Context, candidateID int64, from, to data.Status) error {
	var want data.CandidateStatus
	switch {
	case to == data.StatusStarted:
		want = data.CandidatePlaced
	case from == data.StatusStarted && to != data.StatusStarted:
		want = data.CandidateReady
	default:
		return nil
	}
	c, err := t.candidateState(ctx, candidateID)
	if err != nil || c.Status == want || c.Status == data.CandidateClosed {
		return err
	}
	if _, err := t.q.ExecContext(ctx, `UPDATE candidates SET status = ?, updated = ?, version = version + 1 WHERE id = ?`,
		string(want), stamp(t.now), candidateID); err != nil {
		return mapError(err)
	}
	return t.audit(ctx, data.ActionUpdate, data.EntityCandidate, candidateID,
		fields{"status": c.Status}, fields{"status": want})
}

func cleanNote(note string) (string, bool) {
	cleaned := data.CleanText(note, true)
	return cleaned, cleaned == note
}

func (t *tx) Pin(ctx context.Context, id, version int64, pinned bool) (data.Utplassering, error) {
	if err := t.requireRole(data.RoleSpecialist, data.RoleMarket, data.RoleLead); err != nil {
		return data.Utplassering{}, err
	}
	u, err := t.Utplassering(ctx, id)
	if err != nil {
		return u, notFound(data.EntityUtplassering, id)
	}
	if u.Version != version {
		return u, fmt.Errorf("utplassering %d: %w", id, data.ErrStale)
	}
	if u.Pinned == pinned {
		return u, nil
	}
	if _, err := t.q.ExecContext(ctx, `UPDATE utplasseringer SET pinned = ?, updated = ?, version = version + 1 WHERE id = ?`,
		pinned, stamp(t.now), id); err != nil {
		return u, mapError(err)
	}
	if err := t.audit(ctx, data.ActionUpdate, data.EntityUtplassering, id, fields{"pinned": u.Pinned}, fields{"pinned": pinned}); err != nil {
		return u, err
	}
	if err := t.changed(ctx, data.EntityUtplassering, id, data.ActionUpdate); err != nil {
		return u, err
	}
	u.Pinned, u.Version, u.Updated = pinned, u.Version+1, t.now
	return u, nil
}
