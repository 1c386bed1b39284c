package data

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"
)

// PersonalRecord is everything the office stores about one person, for
// their right of access: the candidate record with the fields only forms
// keep, their utplasseringer with each step's history, and every audit
// entry about the record (who read or changed it, and when).
type PersonalRecord struct {
	Candidate      map[string]any       `json:"candidate"`
	Utplasseringer []PersonalPlacement  `json:"utplasseringer"`
	Audit          []PersonalAuditEntry `json:"audit"`
}

// PersonalPlacement is one of the person's utplasseringer.
type PersonalPlacement struct {
	Placement string          `json:"placement"`
	Title     string          `json:"title"`
	Employer  string          `json:"employer"`
	Status    Status          `json:"status"`
	EndReason EndReason       `json:"end_reason"`
	Note      string          `json:"note"`
	CreatedBy string          `json:"created_by"`
	Created   string          `json:"created"`
	History   []PersonalEvent `json:"history"`
}

// PersonalEvent is one step of an utplassering.
type PersonalEvent struct {
	At     string    `json:"at"`
	By     string    `json:"by"`
	From   Status    `json:"from"`
	To     Status    `json:"to"`
	Reason EndReason `json:"reason"`
	Note   string    `json:"note"`
}

// PersonalAuditEntry is one audit entry about the person's record.
type PersonalAuditEntry struct {
	At     string `json:"at"`
	Actor  string `json:"actor"`
	Action string `json:"action"`
	Entity string `json:"entity"`
	Before string `json:"before"`
	After  string `json:"after"`
}

func stampOf(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// PersonalData gathers a person's record by ref for their right of access.
// Only team leads may, since it includes the audit log; the reading itself
// is logged like any opening of the whole record.
func PersonalData(ctx context.Context, s Store, ref string) (*PersonalRecord, error) {
	if s.Actor().Role != RoleLead {
		return nil, ErrForbidden
	}
	found, err := s.CandidateByRef(ctx, ref)
	if err != nil {
		return nil, fmt.Errorf("candidate %s: %w", ref, err)
	}
	c, err := s.OpenCandidate(ctx, found.ID)
	if err != nil {
		return nil, err
	}
	out := &PersonalRecord{Candidate: map[string]any{}, Utplasseringer: []PersonalPlacement{}, Audit: []PersonalAuditEntry{}}
	for k, v := range CandidateValues(&c) {
		out.Candidate[k] = jsonValue(v)
	}
	out.Candidate["erased"] = c.Erased
	out.Candidate["created"] = stampOf(c.Created)
	out.Candidate["updated"] = stampOf(c.Updated)
	list, err := s.Utplasseringer(ctx, UtplasseringFilter{CandidateID: c.ID})
	if err != nil {
		return nil, err
	}
	for _, u := range list {
		pp := PersonalPlacement{Placement: u.PlacementRef, Status: u.Status, EndReason: u.EndReason, Note: u.Note,
			CreatedBy: u.CreatedBy, Created: stampOf(u.Created), History: []PersonalEvent{}}
		if p, err := s.Placement(ctx, u.PlacementID); err == nil {
			pp.Title, pp.Employer = p.Title, p.Employer
		} else if !errors.Is(err, ErrNotFound) {
			return nil, err
		}
		events, err := s.History(ctx, u.ID)
		if err != nil {
			return nil, err
		}
		for _, e := range events {
			pp.History = append(pp.History, PersonalEvent{At: stampOf(e.At), By: e.By, From: e.From, To: e.To, Reason: e.Reason, Note: e.Note})
		}
		out.Utplasseringer = append(out.Utplasseringer, pp)
	}
	entries, err := s.Audit(ctx, AuditFilter{Entity: EntityCandidate, EntityID: c.ID})
	if err != nil {
		return nil, err
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].ID < entries[j].ID })
	for _, e := range entries {
		out.Audit = append(out.Audit, PersonalAuditEntry{At: stampOf(e.At), Actor: e.Actor, Action: e.Action, Entity: e.Entity, Before: e.Before, After: e.After})
	}
	return out, nil
}

// EraseCandidateByRef erases a person's data by ref (see Tx.EraseCandidate)
// and gives the anonymous ref the stub now has.
func EraseCandidateByRef(ctx context.Context, s Store, ref string) (string, error) {
	var newRef string
	err := s.WithTx(ctx, func(tx Tx) error {
		c, err := tx.CandidateByRef(ctx, ref)
		if err != nil {
			return fmt.Errorf("candidate %s: %w", ref, err)
		}
		if err := tx.EraseCandidate(ctx, c.ID); err != nil {
			return err
		}
		after, err := tx.Candidate(ctx, c.ID)
		newRef = after.Ref
		return err
	})
	return newRef, err
}
