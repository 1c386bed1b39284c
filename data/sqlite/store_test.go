package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"arbeidsboks/data"
	"arbeidsboks/internal/testtool"
	"arbeidsboks/matching"
)

func openTemp(t *testing.T) (*DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "office.db")
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

func lead(db *DB) data.Store { return db.As(data.LocalLead()) }

func placement(ref string, seats int) data.Placement {
	p := data.NewPlacement()
	p.Ref, p.Title, p.Employer, p.Seats = ref, "Renholder", "Grorud Renhold AS", seats
	p.Schedule = matching.MustParseSchedule("man-fre 07:00-13:00")
	p.SkillsTrained = []string{"renhold"}
	return p
}

func candidate(ref, name string) data.Candidate {
	c := data.NewCandidate()
	c.Ref, c.Name, c.Programme = ref, name, data.ProgrammeKVP
	c.Availability = matching.MustParseSchedule("man-fre 08:00-15:30")
	c.Notes = "Trenger tett oppfølging"
	c.Status = data.CandidateReady
	return c
}

func save(t *testing.T, s data.Store, records ...any) {
	t.Helper()
	err := s.WithTx(context.Background(), func(tx data.Tx) error {
		for _, r := range records {
			var err error
			switch r := r.(type) {
			case *data.Placement:
				err = tx.SavePlacement(context.Background(), r)
			case *data.Candidate:
				err = tx.SaveCandidate(context.Background(), r)
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestOpen_MigratesEmptyFileAndReopens(t *testing.T) {
	db, path := openTemp(t)
	v, err := db.SchemaVersion(context.Background())
	if err != nil || v < 1 {
		t.Fatalf("schema version %d, %v", v, err)
	}
	p := placement("P-1", 2)
	save(t, lead(db), &p)
	db.Close()

	again, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	got, err := lead(again).PlacementByRef(context.Background(), "P-1")
	if err != nil || got.Title != "Renholder" || got.Schedule.String() != "man-fre 07:00-13:00" {
		t.Fatalf("after reopen: %+v, %v", got, err)
	}
	terms, err := lead(again).SkillTerms(context.Background())
	if err != nil || len(terms) < 150 {
		t.Fatalf("built-in taxonomy: %d terms, %v", len(terms), err)
	}
}

func TestOpen_RefusesNewerSchema(t *testing.T) {
	db, path := openTemp(t)
	if _, err := db.write.Exec(`INSERT INTO schema_migrations (version, name, applied) VALUES (9999, 'future', 'now')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, err := Open(context.Background(), path)
	if !errors.Is(err, data.ErrSchema) || !strings.Contains(err.Error(), "9999") {
		t.Fatalf("Open on a newer schema = %v, want ErrSchema naming version 9999", err)
	}
}

func TestSave_StaleUpdateIsRefused(t *testing.T) {
	db, _ := openTemp(t)
	s := lead(db)
	p := placement("P-1", 2)
	save(t, s, &p)

	mine, theirs := p, p
	theirs.Seats = 5
	save(t, s, &theirs)
	mine.Title = "Renholdsmedarbeider"
	err := s.WithTx(context.Background(), func(tx data.Tx) error { return tx.SavePlacement(context.Background(), &mine) })
	if !errors.Is(err, data.ErrStale) {
		t.Fatalf("stale save = %v, want ErrStale", err)
	}
	got, _ := s.PlacementByRef(context.Background(), "P-1")
	if got.Seats != 5 || got.Title != "Renholder" {
		t.Fatalf("after refused save: seats %d title %q, want the colleague's change kept", got.Seats, got.Title)
	}
}

func TestSave_EveryWriteLeavesAnAuditEntry(t *testing.T) {
	db, _ := openTemp(t)
	s := lead(db)
	p := placement("P-1", 2)
	c := candidate("K-1", "Amina Hassan")
	save(t, s, &p, &c)
	p.Seats = 3
	save(t, s, &p)
	if _, err := s.OpenCandidate(context.Background(), c.ID); err != nil {
		t.Fatal(err)
	}
	entries, err := s.Audit(context.Background(), data.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Action+" "+e.Entity)
	}
	want := []string{"read candidate", "update placement", "create candidate", "create placement", "create employer"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("audit = %v, want %v", got, want)
	}
	if entries[1].Before != `{"seats":2}` || entries[1].After != `{"seats":3}` {
		t.Errorf("update entry before/after = %s / %s", entries[1].Before, entries[1].After)
	}
	if _, err := db.write.Exec(`DELETE FROM audit`); err == nil {
		t.Error("deleting audit rows succeeded; the log must be append-only")
	}
}

func TestMarketContact_SeesNoPersonalFieldsAndEditsNoCandidate(t *testing.T) {
	db, _ := openTemp(t)
	c := candidate("K-1", "Amina Hassan")
	c.Phone = "912 34 567"
	save(t, lead(db), &c)
	market := db.As(data.Actor{Name: "mk", Role: data.RoleMarket, Office: data.DefaultOffice})
	got, err := market.CandidateByRef(context.Background(), "K-1")
	if err != nil {
		t.Fatal(err)
	}
	if !got.Restricted || got.Notes != "" || got.Phone != "" || got.Name != "Amina Hassan" || got.Availability.IsEmpty() {
		t.Fatalf("market contact's view: %+v", got)
	}
	err = market.WithTx(context.Background(), func(tx data.Tx) error { return tx.SaveCandidate(context.Background(), &c) })
	if !errors.Is(err, data.ErrForbidden) {
		t.Fatalf("market contact saving a candidate = %v, want ErrForbidden", err)
	}
	if _, err := market.Audit(context.Background(), data.AuditFilter{}); !errors.Is(err, data.ErrForbidden) {
		t.Fatalf("market contact reading the audit log = %v, want ErrForbidden", err)
	}
}

func TestPropose_SeatRules(t *testing.T) {
	db, _ := openTemp(t)
	s := lead(db)
	p := placement("P-1", 1)
	paused := placement("P-2", 3)
	paused.Status = data.PlacementPaused
	a, b := candidate("K-1", "Amina"), candidate("K-2", "Bashir")
	save(t, s, &p, &paused, &a, &b)
	ctx := context.Background()
	propose := func(c, p int64) error {
		return s.WithTx(ctx, func(tx data.Tx) error { _, err := tx.Propose(ctx, c, p, 800); return err })
	}
	if err := propose(a.ID, p.ID); err != nil {
		t.Fatal(err)
	}
	if err := propose(b.ID, p.ID); !errors.Is(err, data.ErrNoSeat) {
		t.Errorf("second proposal into a one-seat placement = %v, want ErrNoSeat", err)
	}
	if err := propose(b.ID, paused.ID); !errors.Is(err, data.ErrInactive) {
		t.Errorf("proposal into a paused placement = %v, want ErrInactive", err)
	}
	if err := propose(a.ID, paused.ID); !errors.Is(err, data.ErrInactive) && !errors.Is(err, data.ErrHasSeat) {
		t.Errorf("second seat for the same candidate = %v", err)
	}
	got, _ := s.Placement(ctx, p.ID)
	if got.FreeSeats() != 0 || got.Taken != 1 {
		t.Errorf("free seats after one proposal = %d (taken %d), want 0", got.FreeSeats(), got.Taken)
	}

	// Ending frees the seat and needs a reason; the history keeps every step.
	u, _ := s.Utplasseringer(ctx, data.UtplasseringFilter{CandidateID: a.ID})
	err := s.WithTx(ctx, func(tx data.Tx) error {
		_, err := tx.Move(ctx, u[0].ID, u[0].Version, data.StatusCancelled, "", "")
		return err
	})
	var fe *data.FieldError
	if !errors.As(err, &fe) || fe.Column != "reason" {
		t.Fatalf("ending without a reason = %v", err)
	}
	err = s.WithTx(ctx, func(tx data.Tx) error {
		moved, err := tx.Move(ctx, u[0].ID, u[0].Version, data.StatusStarted, "", "")
		if err != nil {
			return err
		}
		_, err = tx.Move(ctx, moved.ID, moved.Version, data.StatusCancelled, data.ReasonSick, "")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := propose(b.ID, p.ID); err != nil {
		t.Errorf("proposal after the seat was freed: %v", err)
	}
	history, _ := s.History(ctx, u[0].ID)
	if len(history) != 3 || history[2].To != data.StatusCancelled || history[2].Reason != data.ReasonSick {
		t.Errorf("history = %+v", history)
	}
}

func TestWithTx_EightWritersLoseNothing(t *testing.T) {
	db, _ := openTemp(t)
	const writers, each = 8, 25
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Separate connections to the same file, like separate processes.
			other, err := Open(context.Background(), db.Path())
			if err != nil {
				errs <- err
				return
			}
			defer other.Close()
			s := lead(other)
			for i := range each {
				c := candidate(fmt.Sprintf("K-%d-%d", w, i), "Person")
				if err := s.WithTx(context.Background(), func(tx data.Tx) error { return tx.SaveCandidate(context.Background(), &c) }); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	n, err := lead(db).CountCandidates(context.Background(), data.CandidateFilter{})
	if err != nil || n != writers*each {
		t.Fatalf("candidates = %d, %v; want %d", n, err, writers*each)
	}
	var audits int
	db.read.QueryRow(`SELECT count(*) FROM audit WHERE entity = 'candidate'`).Scan(&audits)
	if audits != writers*each {
		t.Errorf("audit entries = %d, want %d", audits, writers*each)
	}
}

func TestSubscribe_AnotherProcessesChangeArrives(t *testing.T) {
	db, path := openTemp(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	changes := lead(db).Subscribe(ctx)

	other, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	p := placement("P-1", 2)
	save(t, lead(other), &p)
	deadline := time.After(10 * time.Second)
	for {
		select {
		case c := <-changes:
			if c.Entity == data.EntityPlacement && c.ID == p.ID {
				return
			}
		case <-deadline:
			t.Fatal("the other connection's change did not arrive")
		}
	}
}

func TestBackup_WhileWritingIsConsistent(t *testing.T) {
	db, _ := openTemp(t)
	s := lead(db)
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			c := candidate(fmt.Sprintf("K-%d", i), "Person")
			_ = s.WithTx(context.Background(), func(tx data.Tx) error { return tx.SaveCandidate(context.Background(), &c) })
		}
	}()
	time.Sleep(50 * time.Millisecond)
	copyPath := filepath.Join(t.TempDir(), "copy.db")
	err := db.Backup(context.Background(), copyPath)
	close(stop)
	<-done
	if err != nil {
		t.Fatal(err)
	}
	copyDB, err := sql.Open("sqlite", copyPath)
	if err != nil {
		t.Fatal(err)
	}
	defer copyDB.Close()
	var result string
	if err := copyDB.QueryRow(`PRAGMA integrity_check`).Scan(&result); err != nil || result != "ok" {
		t.Fatalf("integrity_check = %q, %v", result, err)
	}
	if err := db.Backup(context.Background(), copyPath); !errors.Is(err, data.ErrExists) {
		t.Errorf("backup over an existing file = %v, want ErrExists", err)
	}
}

func TestFile_OpensInTheSqlite3Shell(t *testing.T) {
	shell := testtool.Program(t, "sqlite3", "sqlite3")
	db, path := openTemp(t)
	p := placement("P-1", 2)
	save(t, lead(db), &p)
	out, err := exec.Command(shell, path, "SELECT ref, title FROM placements; PRAGMA integrity_check;").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "P-1|Renholder") || !strings.Contains(string(out), "ok") {
		t.Fatalf("sqlite3: %s %v", out, err)
	}
}

// A team lead asking the log about a person sees who proposed them where
// and who moved it on, also a proposal undone in a meeting, and nothing
// about anyone else.
func TestAudit_ARecordsEntriesIncludeItsUtplasseringer(t *testing.T) {
	db, _ := openTemp(t)
	ctx := context.Background()
	s := lead(db)
	p1, p2 := placement("P-1", 2), placement("P-2", 2)
	a, b := candidate("K-1", "Amina Hassan"), candidate("K-2", "Bashir Noori")
	save(t, s, &p1, &p2, &a, &b)
	var ended, other data.Utplassering
	err := s.WithTx(ctx, func(tx data.Tx) error {
		u, err := tx.Propose(ctx, a.ID, p1.ID, 800)
		if err != nil {
			return err
		}
		if ended, err = tx.Move(ctx, u.ID, u.Version, data.StatusCancelled, data.ReasonOther, ""); err != nil {
			return err
		}
		other, err = tx.Propose(ctx, b.ID, p1.ID, 700)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// Amina proposed into P-2 in a meeting, and the proposal undone.
	err = s.WithTx(ctx, func(tx data.Tx) error {
		m, err := tx.StartMeeting(ctx, "", []int64{a.ID})
		if err != nil {
			return err
		}
		if err := tx.Decide(ctx, m.Items[0].ID, data.DecisionProposed, p2.ID, 750); err != nil {
			return err
		}
		_, err = tx.UndoDecision(ctx, m.ID)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	undone, err := s.Utplasseringer(ctx, data.UtplasseringFilter{CandidateID: a.ID})
	if err != nil || len(undone) != 1 {
		t.Fatalf("Amina's utplasseringer after the undo: %+v %v, want only the ended one", undone, err)
	}

	entries := func(f data.AuditFilter) []string {
		t.Helper()
		list, err := s.Audit(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range list {
			out = append(out, fmt.Sprintf("%s %s %d", e.Action, e.Entity, e.EntityID))
		}
		slices.Reverse(out)
		return out
	}
	got := entries(data.AuditFilter{Entity: data.EntityCandidate, EntityID: a.ID, WithUtplasseringer: true})
	var deleted int64
	for _, e := range entries(data.AuditFilter{Entity: data.EntityUtplassering}) {
		if strings.HasPrefix(e, "delete ") {
			fmt.Sscanf(e, "delete utplassering %d", &deleted)
		}
	}
	want := []string{
		fmt.Sprintf("create candidate %d", a.ID),
		fmt.Sprintf("create utplassering %d", ended.ID),
		fmt.Sprintf("update utplassering %d", ended.ID),
		fmt.Sprintf("create utplassering %d", deleted),
		fmt.Sprintf("delete utplassering %d", deleted),
	}
	if !slices.Equal(withoutActions(got, "update candidate", "read candidate"), want) {
		t.Errorf("Amina's entries with her utplasseringer:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := entries(data.AuditFilter{Entity: data.EntityCandidate, EntityID: a.ID}); slices.ContainsFunc(got, func(e string) bool {
		return strings.Contains(e, "utplassering")
	}) {
		t.Errorf("without WithUtplasseringer the candidate's entries hold utplasseringer: %v", got)
	}
	byPlace := entries(data.AuditFilter{Entity: data.EntityPlacement, EntityID: p1.ID, WithUtplasseringer: true})
	for _, id := range []int64{ended.ID, other.ID} {
		if !slices.Contains(byPlace, fmt.Sprintf("create utplassering %d", id)) {
			t.Errorf("P-1's entries lack utplassering %d: %v", id, byPlace)
		}
	}
	if slices.Contains(byPlace, fmt.Sprintf("create utplassering %d", deleted)) {
		t.Errorf("P-1's entries hold the proposal into P-2: %v", byPlace)
	}
}

// withoutActions leaves out entries that begin with any of the prefixes.
func withoutActions(entries []string, prefixes ...string) []string {
	return slices.DeleteFunc(slices.Clone(entries), func(e string) bool {
		return slices.ContainsFunc(prefixes, func(p string) bool { return strings.HasPrefix(e, p) })
	})
}
