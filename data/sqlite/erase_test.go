package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"arbeidsboks/data"
	"arbeidsboks/data/demo"
)

// utplasseringCounts counts utplasseringer by status, end reason and
// placement: what reports count, which erasure must not change.
func utplasseringCounts(t *testing.T, s data.Store) map[string]int {
	t.Helper()
	list, err := s.Utplasseringer(context.Background(), data.UtplasseringFilter{})
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, u := range list {
		counts["status "+string(u.Status)]++
		counts["reason "+string(u.EndReason)]++
		counts[fmt.Sprintf("placement %d", u.PlacementID)]++
		counts[fmt.Sprintf("placement %d %s %s", u.PlacementID, u.Status, u.EndReason)]++
	}
	return counts
}

// tablesHolding lists the table.column places whose text holds s, in every
// table of the file.
func tablesHolding(t *testing.T, db *sql.DB, s string) []string {
	t.Helper()
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table'`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var name string
		rows.Scan(&name)
		tables = append(tables, name)
	}
	rows.Close()
	var found []string
	for _, table := range tables {
		rows, err := db.Query(`SELECT * FROM "` + table + `"`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			values := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range values {
				ptrs[i] = &values[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			for i, v := range values {
				var text string
				switch v := v.(type) {
				case string:
					text = v
				case []byte:
					text = string(v)
				}
				if strings.Contains(strings.ToLower(text), strings.ToLower(s)) {
					found = append(found, table+"."+cols[i])
				}
			}
		}
		rows.Close()
	}
	return found
}

func TestEraseCandidate_LeavesNoNameOrRefAndTheCountsHold(t *testing.T) {
	db, path := openTemp(t)
	ctx := context.Background()
	s := lead(db)
	if _, err := demo.Generate(ctx, s, demo.Options{Seed: 5, Placements: 15, Candidates: 30, Today: "2026-11-23"}); err != nil {
		t.Fatal(err)
	}
	const name, ref = "Åsne Zyxwvø-Testesen", "K-SLETT-ME-77"
	c := candidate(ref, name)
	c.Phone, c.Email, c.AdaptationDetail = "+47 912 34 567", "asne.zyxwvo@example.no", "Trenger pauser; Åsne Zyxwvø-Testesen har ryggZqplager"
	c.Notes = "Samtale med Åsne Zyxwvø-Testesen om mål"
	c.Skills, c.Goals = []string{"renhold"}, []string{"kokk"}
	save(t, s, &c)
	// Read, changed, proposed, moved with a note naming them, ended.
	if _, err := s.OpenCandidate(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	c.Notes += "\nOppfølging avtalt"
	save(t, s, &c)
	placements, _ := s.Placements(ctx, data.PlacementFilter{FreeOnly: true, Status: []data.PlacementStatus{data.PlacementActive}})
	if len(placements) < 2 {
		t.Fatal("the demo office has too few free placements")
	}
	err := s.WithTx(ctx, func(tx data.Tx) error {
		u, err := tx.Propose(ctx, c.ID, placements[0].ID, 700)
		if err != nil {
			return err
		}
		u, err = tx.Move(ctx, u.ID, u.Version, data.StatusContacted, "", "Ringte arbeidsgiver om "+name+" ("+ref+")")
		if err != nil {
			return err
		}
		_, err = tx.Move(ctx, u.ID, u.Version, data.StatusCancelled, data.ReasonSick, name+" ble syk")
		if err != nil {
			return err
		}
		if _, err = tx.Propose(ctx, c.ID, placements[1].ID, 650); err != nil {
			return err
		}
		m, err := tx.StartMeeting(ctx, "", []int64{c.ID})
		if err != nil {
			return err
		}
		return tx.CommentMeetingItem(ctx, m.Items[0].ID, name+" vil helst jobbe med mat")
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, needle := range []string{name, ref} {
		if len(tablesHolding(t, db.read, needle)) == 0 {
			t.Fatalf("before erasing, no table holds %q: the test looks in the wrong places", needle)
		}
	}
	before := utplasseringCounts(t, s)
	total, _ := s.CountCandidates(ctx, data.CandidateFilter{})

	newRef, err := data.EraseCandidateByRef(ctx, s, ref)
	if err != nil {
		t.Fatal(err)
	}
	for _, needle := range []string{name, ref, "Zyxwv", "asne.zyxwvo", "912 34 567", "ryggZqplager"} {
		if where := tablesHolding(t, db.read, needle); len(where) > 0 {
			t.Errorf("after erasing, %q is still in %v", needle, where)
		}
	}
	if after := utplasseringCounts(t, s); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("the counts changed:\nbefore %v\nafter  %v", before, after)
	}
	if n, _ := s.CountCandidates(ctx, data.CandidateFilter{}); n != total {
		t.Errorf("candidates %d → %d: the stub must stay", total, n)
	}
	stub, err := s.CandidateByRef(ctx, newRef)
	if err != nil || !stub.Erased || stub.Name != "" || stub.Programme != c.Programme || stub.Status != c.Status || stub.Registered != c.Registered {
		t.Errorf("stub %+v, %v", stub, err)
	}
	entries, err := s.Audit(ctx, data.AuditFilter{Entity: data.EntityCandidate, EntityID: c.ID})
	if err != nil {
		t.Fatal(err)
	}
	var erased bool
	for _, e := range entries {
		if e.Before != "" || e.After != "" {
			t.Errorf("audit %d %s still holds values: %q %q", e.ID, e.Action, e.Before, e.After)
		}
		if e.Action == data.ActionErase && e.Actor == data.LocalLead().Name {
			erased = true
		}
	}
	if !erased || len(entries) < 4 {
		t.Errorf("the audit log keeps who did what (%d entries), erase entry %v", len(entries), erased)
	}
	// Nothing of the text lingers in the file or its log either.
	for _, file := range []string{path, path + "-wal"} {
		raw, err := os.ReadFile(file)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, needle := range []string{"Zyxwv", "asne.zyxwvo", ref} {
			if bytes.Contains(raw, []byte(needle)) {
				t.Errorf("%s still holds %q", file, needle)
			}
		}
	}
}

func TestEraseCandidate_OnlyTeamLeads(t *testing.T) {
	db, _ := openTemp(t)
	ctx := context.Background()
	c := candidate("K-1", "Kari Nordmann")
	save(t, lead(db), &c)
	for _, role := range []data.Role{data.RoleSpecialist, data.RoleMarket} {
		s := db.As(data.Actor{Name: "x", Role: role})
		err := s.WithTx(ctx, func(tx data.Tx) error { return tx.EraseCandidate(ctx, c.ID) })
		if !errors.Is(err, data.ErrForbidden) {
			t.Errorf("%s erases: %v", role, err)
		}
		if _, err := data.PersonalData(ctx, s, "K-1"); !errors.Is(err, data.ErrForbidden) {
			t.Errorf("%s exports a person's data: %v", role, err)
		}
	}
	got, _ := lead(db).CandidateByRef(ctx, "K-1")
	if got.Name != "Kari Nordmann" {
		t.Errorf("a refused erasure changed the record: %+v", got)
	}
}

func TestPersonalData_HoldsTheRecordItsUtplasseringerAndWhoReadIt(t *testing.T) {
	db, _ := openTemp(t)
	ctx := context.Background()
	s := lead(db)
	c := candidate("K-1", "Kari Nordmann")
	c.Phone = "+47 22 33 44 55"
	p := placement("P-1", 2)
	save(t, s, &c, &p)
	if err := s.WithTx(ctx, func(tx data.Tx) error { _, err := tx.Propose(ctx, c.ID, p.ID, 800); return err }); err != nil {
		t.Fatal(err)
	}
	spec := db.As(data.Actor{Name: "veileder", Role: data.RoleSpecialist})
	if _, err := spec.OpenCandidate(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	rec, err := data.PersonalData(ctx, s, "K-1")
	if err != nil {
		t.Fatal(err)
	}
	if rec.Candidate["name"] != "Kari Nordmann" || rec.Candidate["phone"] != "+47 22 33 44 55" || rec.Candidate["notes"] == "" {
		t.Errorf("candidate = %v", rec.Candidate)
	}
	if len(rec.Utplasseringer) != 1 || rec.Utplasseringer[0].Placement != "P-1" || len(rec.Utplasseringer[0].History) != 1 {
		t.Errorf("utplasseringer = %+v", rec.Utplasseringer)
	}
	var readBySpecialist bool
	for _, e := range rec.Audit {
		if e.Action == data.ActionRead && e.Actor == "veileder" {
			readBySpecialist = true
		}
	}
	if !readBySpecialist {
		t.Errorf("the audit does not say the specialist read the record: %+v", rec.Audit)
	}
}

// An erased person stays erased: a form opened before the erasure, reloaded
// onto the erased record and saved, writes nothing about them back, and
// nobody can propose them.
func TestEraseCandidate_NothingPersonalIsWrittenBack(t *testing.T) {
	db, _ := openTemp(t)
	ctx := context.Background()
	s := lead(db)
	c := candidate("K-1", "Kari Nordmann")
	p := placement("P-1", 2)
	save(t, s, &c, &p)
	if err := s.WithTx(ctx, func(tx data.Tx) error { return tx.EraseCandidate(ctx, c.ID) }); err != nil {
		t.Fatal(err)
	}
	stub, err := s.Candidate(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	form := stub // the conflict view's "reload onto the new version"
	form.Name, form.Notes = "Kari Nordmann", "Ringer tilbake fredag."
	err = s.WithTx(ctx, func(tx data.Tx) error { return tx.SaveCandidate(ctx, &form) })
	if !errors.Is(err, data.ErrErased) {
		t.Fatalf("saving personal data onto the erased record = %v, want ErrErased", err)
	}
	err = s.WithTx(ctx, func(tx data.Tx) error { _, err := tx.Propose(ctx, c.ID, p.ID, 800); return err })
	if !errors.Is(err, data.ErrErased) {
		t.Fatalf("proposing the erased person = %v, want ErrErased", err)
	}
	if got, _ := s.Candidate(ctx, c.ID); got.Name != "" || got.Notes != "" {
		t.Errorf("the erased record holds %q, %q", got.Name, got.Notes)
	}
}
