package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"arbeidsboks/data"
)

func (r reader) Meetings(ctx context.Context) ([]data.Meeting, error) {
	rows, err := r.q.QueryContext(ctx, `SELECT id, office, title, status, chair, current, started, ended, version
		FROM meetings WHERE office = ? ORDER BY id DESC`, r.actor.Office)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []data.Meeting
	for rows.Next() {
		m, err := scanMeeting(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, mapError(rows.Err())
}

func scanMeeting(row interface{ Scan(...any) error }) (data.Meeting, error) {
	var m data.Meeting
	var started, ended string
	if err := row.Scan(&m.ID, &m.Office, &m.Title, &m.Status, &m.Chair, &m.Current, &started, &ended, &m.Version); err != nil {
		return m, mapError(err)
	}
	var s scanner
	m.Started = s.time(started)
	if ended != "" {
		m.Ended = s.time(ended)
	}
	return m, s.err
}

func (r reader) Meeting(ctx context.Context, id int64) (data.Meeting, error) {
	m, err := scanMeeting(r.q.QueryRowContext(ctx, `SELECT id, office, title, status, chair, current, started, ended, version
		FROM meetings WHERE id = ? AND office = ?`, id, r.actor.Office))
	if err != nil {
		return m, err
	}
	rows, err := r.q.QueryContext(ctx, `SELECT i.id, i.position, i.candidate_id, c.ref, i.decision,
		coalesce(i.placement_id, 0), coalesce(p.ref, ''), coalesce(i.utplassering_id, 0), i.score,
		coalesce(i.suggested_placement_id, 0), i.suggested_score, i.comment, i.decided_by, i.decided_at
		FROM meeting_items i JOIN candidates c ON c.id = i.candidate_id LEFT JOIN placements p ON p.id = i.placement_id
		WHERE i.meeting_id = ? ORDER BY i.position, i.id`, id)
	if err != nil {
		return m, mapError(err)
	}
	for rows.Next() {
		var it data.MeetingItem
		var decidedAt string
		if err := rows.Scan(&it.ID, &it.Position, &it.CandidateID, &it.CandidateRef, &it.Decision, &it.PlacementID,
			&it.PlacementRef, &it.UtplasseringID, &it.Score, &it.SuggestedID, &it.SuggestedScore, &it.Comment,
			&it.DecidedBy, &decidedAt); err != nil {
			rows.Close()
			return m, err
		}
		if decidedAt != "" {
			var s scanner
			it.DecidedAt = s.time(decidedAt)
		}
		m.Items = append(m.Items, it)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return m, mapError(err)
	}
	names, err := r.q.QueryContext(ctx, `SELECT name FROM meeting_participants WHERE meeting_id = ? ORDER BY joined, name`, id)
	if err != nil {
		return m, mapError(err)
	}
	defer names.Close()
	for names.Next() {
		var n string
		if err := names.Scan(&n); err != nil {
			return m, err
		}
		m.Participants = append(m.Participants, n)
	}
	return m, mapError(names.Err())
}

func (t *tx) StartMeeting(ctx context.Context, title string, candidateIDs []int64) (data.Meeting, error) {
	title = strings.TrimSpace(data.CleanText(title, false))
	if title == "" {
		title = "Inntaksmøte " + string(data.DateOf(t.now.Local()))
	}
	res, err := t.q.ExecContext(ctx, `INSERT INTO meetings (office, title, status, chair, started) VALUES (?, ?, ?, ?, ?)`,
		t.actor.Office, title, string(data.MeetingRunning), t.actor.Name, stamp(t.now))
	if err != nil {
		return data.Meeting{}, mapError(err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return data.Meeting{}, err
	}
	for i, c := range candidateIDs {
		if _, err := t.q.ExecContext(ctx, `INSERT INTO meeting_items (meeting_id, position, candidate_id) VALUES (?, ?, ?)`,
			id, i, c); err != nil {
			return data.Meeting{}, fmt.Errorf("candidate %d: %w", c, mapError(err))
		}
	}
	if err := t.addParticipant(ctx, id); err != nil {
		return data.Meeting{}, err
	}
	if err := t.meetingChanged(ctx, id, data.ActionCreate, fields{"title": title, "queue": len(candidateIDs)}); err != nil {
		return data.Meeting{}, err
	}
	return t.Meeting(ctx, id)
}

func (t *tx) addParticipant(ctx context.Context, id int64) error {
	_, err := t.q.ExecContext(ctx, `INSERT OR IGNORE INTO meeting_participants (meeting_id, name, joined) VALUES (?, ?, ?)`,
		id, t.actor.Name, stamp(t.now))
	return mapError(err)
}

// meetingChanged audits a change to a meeting and announces it.
func (t *tx) meetingChanged(ctx context.Context, id int64, action string, after fields) error {
	if _, err := t.q.ExecContext(ctx, `UPDATE meetings SET version = version + 1 WHERE id = ?`, id); err != nil {
		return mapError(err)
	}
	if err := t.audit(ctx, action, data.EntityMeeting, id, nil, after); err != nil {
		return err
	}
	return t.changed(ctx, data.EntityMeeting, id, action)
}

// chairOf reads a running meeting and checks that the actor chairs it.
func (t *tx) chairOf(ctx context.Context, id int64) (data.Meeting, error) {
	m, err := scanMeeting(t.q.QueryRowContext(ctx, `SELECT id, office, title, status, chair, current, started, ended, version
		FROM meetings WHERE id = ? AND office = ?`, id, t.actor.Office))
	if err != nil {
		return m, err
	}
	if m.Status != data.MeetingRunning {
		return m, fmt.Errorf("meeting %d: %w", id, data.ErrInactive)
	}
	if m.Chair != t.actor.Name {
		return m, data.ErrNotChair
	}
	return m, nil
}

// itemMeeting finds the meeting of a queue item, checking the chair.
func (t *tx) itemMeeting(ctx context.Context, itemID int64) (data.Meeting, data.MeetingItem, error) {
	var meetingID int64
	if err := t.q.QueryRowContext(ctx, `SELECT meeting_id FROM meeting_items WHERE id = ?`, itemID).Scan(&meetingID); err != nil {
		return data.Meeting{}, data.MeetingItem{}, mapError(err)
	}
	if _, err := t.chairOf(ctx, meetingID); err != nil {
		return data.Meeting{}, data.MeetingItem{}, err
	}
	m, err := t.Meeting(ctx, meetingID)
	if err != nil {
		return m, data.MeetingItem{}, err
	}
	for _, it := range m.Items {
		if it.ID == itemID {
			return m, it, nil
		}
	}
	return m, data.MeetingItem{}, data.ErrNotFound
}

func (t *tx) JoinMeeting(ctx context.Context, id int64) error {
	m, err := t.Meeting(ctx, id)
	if err != nil {
		return err
	}
	for _, p := range m.Participants {
		if p == t.actor.Name {
			return nil
		}
	}
	if err := t.addParticipant(ctx, id); err != nil {
		return err
	}
	return t.meetingChanged(ctx, id, data.ActionUpdate, fields{"joined": t.actor.Name})
}

func (t *tx) AddToMeeting(ctx context.Context, id, candidateID int64) error {
	if _, err := t.chairOf(ctx, id); err != nil {
		return err
	}
	if _, err := t.q.ExecContext(ctx, `INSERT INTO meeting_items (meeting_id, position, candidate_id)
		VALUES (?, (SELECT coalesce(max(position), -1) + 1 FROM meeting_items WHERE meeting_id = ?), ?)`,
		id, id, candidateID); err != nil {
		return mapError(err)
	}
	return t.meetingChanged(ctx, id, data.ActionUpdate, fields{"added": candidateID})
}

func (t *tx) RemoveFromMeeting(ctx context.Context, itemID int64) error {
	m, it, err := t.itemMeeting(ctx, itemID)
	if err != nil {
		return err
	}
	if it.Decision != "" {
		return fmt.Errorf("meeting item %d: %w", itemID, data.ErrExists)
	}
	if _, err := t.q.ExecContext(ctx, `DELETE FROM meeting_items WHERE id = ?`, itemID); err != nil {
		return mapError(err)
	}
	if _, err := t.q.ExecContext(ctx, `UPDATE meeting_items SET position = position - 1 WHERE meeting_id = ? AND position > ?`,
		m.ID, it.Position); err != nil {
		return mapError(err)
	}
	return t.meetingChanged(ctx, m.ID, data.ActionUpdate, fields{"removed": it.CandidateID})
}

func (t *tx) MoveInMeeting(ctx context.Context, itemID int64, delta int) error {
	m, it, err := t.itemMeeting(ctx, itemID)
	if err != nil {
		return err
	}
	to := max(0, min(len(m.Items)-1, it.Position+delta))
	if to == it.Position {
		return nil
	}
	// Shift the items between the two places by one, then put the item in.
	if to < it.Position {
		_, err = t.q.ExecContext(ctx, `UPDATE meeting_items SET position = position + 1
			WHERE meeting_id = ? AND position >= ? AND position < ?`, m.ID, to, it.Position)
	} else {
		_, err = t.q.ExecContext(ctx, `UPDATE meeting_items SET position = position - 1
			WHERE meeting_id = ? AND position > ? AND position <= ?`, m.ID, it.Position, to)
	}
	if err != nil {
		return mapError(err)
	}
	if _, err := t.q.ExecContext(ctx, `UPDATE meeting_items SET position = ? WHERE id = ?`, to, itemID); err != nil {
		return mapError(err)
	}
	return t.meetingChanged(ctx, m.ID, data.ActionUpdate, fields{"moved": it.CandidateID, "to": to})
}

func (t *tx) SetMeetingCurrent(ctx context.Context, id int64, position int) error {
	if _, err := t.chairOf(ctx, id); err != nil {
		return err
	}
	if _, err := t.q.ExecContext(ctx, `UPDATE meetings SET current = ? WHERE id = ?`, max(0, position), id); err != nil {
		return mapError(err)
	}
	if err := t.changed(ctx, data.EntityMeeting, id, data.ActionUpdate); err != nil {
		return err
	}
	_, err := t.q.ExecContext(ctx, `UPDATE meetings SET version = version + 1 WHERE id = ?`, id)
	return mapError(err)
}

func (t *tx) Decide(ctx context.Context, itemID int64, decision data.Decision, placementID int64, score int) error {
	m, it, err := t.itemMeeting(ctx, itemID)
	if err != nil {
		return err
	}
	if it.Decision != "" {
		return fmt.Errorf("%s: %w", it.CandidateRef, data.ErrExists)
	}
	var utplasseringID any
	var placement any
	switch decision {
	case data.DecisionProposed:
		u, err := t.Propose(ctx, it.CandidateID, placementID, score)
		if err != nil {
			return err
		}
		utplasseringID, placement = u.ID, placementID
	case data.DecisionDeferred, data.DecisionSkipped:
		score = 0
	default:
		return &data.FieldError{Column: "decision", Value: string(decision), Code: data.CodeChoice}
	}
	if _, err := t.q.ExecContext(ctx, `UPDATE meeting_items SET decision = ?, placement_id = ?, utplassering_id = ?,
		score = ?, decided_by = ?, decided_at = ?,
		decision_seq = (SELECT coalesce(max(decision_seq), 0) + 1 FROM meeting_items WHERE meeting_id = ?)
		WHERE id = ?`, string(decision), placement, utplasseringID, score, t.actor.Name, stamp(t.now), m.ID, itemID); err != nil {
		return mapError(err)
	}
	return t.meetingChanged(ctx, m.ID, data.ActionUpdate, fields{"candidate": it.CandidateID, "decision": decision, "placement": placementID})
}

func (t *tx) CommentMeetingItem(ctx context.Context, itemID int64, comment string) error {
	m, it, err := t.itemMeeting(ctx, itemID)
	if err != nil {
		return err
	}
	comment = strings.TrimSpace(data.CleanText(comment, true))
	if len([]rune(comment)) > data.MaxLongText {
		return &data.FieldError{Column: "comment", Code: data.CodeTooLong, Args: []string{fmt.Sprint(data.MaxLongText)}}
	}
	if _, err := t.q.ExecContext(ctx, `UPDATE meeting_items SET comment = ? WHERE id = ?`, comment, itemID); err != nil {
		return mapError(err)
	}
	return t.meetingChanged(ctx, m.ID, data.ActionUpdate, fields{"commented": it.CandidateID})
}

func (t *tx) UndoDecision(ctx context.Context, id int64) (data.MeetingItem, error) {
	if _, err := t.chairOf(ctx, id); err != nil {
		return data.MeetingItem{}, err
	}
	var itemID int64
	err := t.q.QueryRowContext(ctx, `SELECT id FROM meeting_items WHERE meeting_id = ? AND decision != ''
		ORDER BY decision_seq DESC LIMIT 1`, id).Scan(&itemID)
	if err == sql.ErrNoRows {
		return data.MeetingItem{}, data.ErrNotFound
	}
	if err != nil {
		return data.MeetingItem{}, mapError(err)
	}
	_, it, err := t.itemMeeting(ctx, itemID)
	if err != nil {
		return it, err
	}
	if _, err := t.q.ExecContext(ctx, `UPDATE meeting_items SET decision = '', placement_id = NULL, utplassering_id = NULL,
		score = 0, decided_by = '', decided_at = '', decision_seq = 0 WHERE id = ?`, itemID); err != nil {
		return it, mapError(err)
	}
	if it.UtplasseringID != 0 {
		if err := t.deleteUtplassering(ctx, it.UtplasseringID); err != nil {
			return it, err
		}
	}
	return it, t.meetingChanged(ctx, id, data.ActionUpdate, fields{"undone": it.CandidateID, "decision": it.Decision})
}

// deleteUtplassering takes back a proposal made by mistake: the row and its
// history go, the audit log keeps that it happened.
func (t *tx) deleteUtplassering(ctx context.Context, id int64) error {
	u, err := t.Utplassering(ctx, id)
	if err != nil {
		return err
	}
	if u.Status != data.StatusProposed {
		return fmt.Errorf("%s → %s is %s: %w", u.CandidateRef, u.PlacementRef, u.Status, data.ErrStale)
	}
	for _, stmt := range []string{`DELETE FROM utplassering_events WHERE utplassering_id = ?`, `DELETE FROM utplasseringer WHERE id = ?`} {
		if _, err := t.q.ExecContext(ctx, stmt, id); err != nil {
			return mapError(err)
		}
	}
	if err := t.audit(ctx, data.ActionDelete, data.EntityUtplassering, id,
		fields{"candidate": u.CandidateID, "placement": u.PlacementID, "status": u.Status}, nil); err != nil {
		return err
	}
	return t.seatsChanged(ctx, id, u.PlacementID, u.CandidateID, data.ActionDelete)
}

func (t *tx) SuggestInMeeting(ctx context.Context, id int64, suggestions []data.Suggestion) error {
	if _, err := t.chairOf(ctx, id); err != nil {
		return err
	}
	if _, err := t.q.ExecContext(ctx, `UPDATE meeting_items SET suggested_placement_id = NULL, suggested_score = 0
		WHERE meeting_id = ?`, id); err != nil {
		return mapError(err)
	}
	for _, s := range suggestions {
		if _, err := t.q.ExecContext(ctx, `UPDATE meeting_items SET suggested_placement_id = ?, suggested_score = ?
			WHERE id = ? AND meeting_id = ?`, s.PlacementID, s.Score, s.ItemID, id); err != nil {
			return mapError(err)
		}
	}
	return t.meetingChanged(ctx, id, data.ActionUpdate, fields{"suggestions": len(suggestions)})
}

func (t *tx) HandOver(ctx context.Context, id int64, to string) error {
	if _, err := t.chairOf(ctx, id); err != nil {
		return err
	}
	m, err := t.Meeting(ctx, id)
	if err != nil {
		return err
	}
	found := false
	for _, p := range m.Participants {
		found = found || p == to
	}
	if !found {
		return fmt.Errorf("%s: %w", to, data.ErrNotFound)
	}
	if _, err := t.q.ExecContext(ctx, `UPDATE meetings SET chair = ? WHERE id = ?`, to, id); err != nil {
		return mapError(err)
	}
	return t.meetingChanged(ctx, id, data.ActionUpdate, fields{"chair": to})
}

func (t *tx) EndMeeting(ctx context.Context, id int64) error {
	if _, err := t.chairOf(ctx, id); err != nil {
		return err
	}
	if _, err := t.q.ExecContext(ctx, `UPDATE meetings SET status = ?, ended = ? WHERE id = ?`,
		string(data.MeetingEnded), stamp(t.now), id); err != nil {
		return mapError(err)
	}
	return t.meetingChanged(ctx, id, data.ActionUpdate, fields{"status": data.MeetingEnded})
}
