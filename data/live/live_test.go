package live

import (
	"context"
	"errors"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"arbeidsboks/data"
	"arbeidsboks/data/sqlite"
	"arbeidsboks/matching"
)

func TestOffice_SecondProcessChangeReachesTheSnapshot(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	office, path := openOffice(ctx, t)
	watch := office.Watch(ctx)

	// Another process (a CLI import, say) writes to the same file.
	other := openFile(ctx, t, path)
	s := other.As(data.LocalLead())
	p := data.NewPlacement()
	p.Ref, p.Title, p.Employer, p.Seats = "P-1", "Renholder", "Firma", 1
	p.Schedule = matching.MustParseSchedule("man-fre 08:00-12:00")
	c := data.NewCandidate()
	c.Ref, c.Name = "K-1", "Amina"
	c.Availability = p.Schedule
	err := s.WithTx(ctx, func(tx data.Tx) error {
		if err := tx.SavePlacement(ctx, &p); err != nil {
			return err
		}
		if err := tx.SaveCandidate(ctx, &c); err != nil {
			return err
		}
		_, err := tx.Propose(ctx, c.ID, p.ID, 800)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.After(10 * time.Second)
	for {
		select {
		case snap := <-watch:
			got, ok := snap.Placement(p.ID)
			if ok && got.Taken == 1 && len(snap.UtplasseringerOf(c.ID, 0)) == 1 {
				if m := office.Matching(snap, matching.DefaultWeights(), "2026-11-23"); m.CandidateIndex("K-1") != 0 {
					t.Fatal("matching over the snapshot lacks the candidate")
				}
				return
			}
		case <-deadline:
			t.Fatalf("the snapshot never showed the other process's proposal: %+v", office.Snapshot().Placements)
		}
	}
}

// openOffice opens the office on a new database file, as the TUI does.
func openOffice(ctx context.Context, t *testing.T) (*Office, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "office.db")
	db := openFile(ctx, t, path)
	office, err := Open(ctx, db.As(data.LocalLead()))
	if err != nil {
		t.Fatal(err)
	}
	return office, path
}

// openFile opens a database file the way a second process would.
func openFile(ctx context.Context, t *testing.T, path string) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// flaky is a store whose first read of a placement fails, as a busy or
// briefly unreadable database would.
type flaky struct {
	data.Store
	failed atomic.Bool
}

func (f *flaky) Placement(ctx context.Context, id int64) (data.Placement, error) {
	if !f.failed.Swap(true) {
		return data.Placement{}, errors.New("database is locked")
	}
	return f.Store.Placement(ctx, id)
}

// A change whose record could not be read at first still reaches the
// snapshot, though nothing else changes after it.
func TestOffice_AChangeThatCouldNotBeReadIsReadAgain(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	db := openFile(ctx, t, filepath.Join(t.TempDir(), "office.db"))
	office, err := Open(ctx, &flaky{Store: db.As(data.LocalLead())})
	if err != nil {
		t.Fatal(err)
	}
	watch := office.Watch(ctx)
	p := data.NewPlacement()
	p.Ref, p.Title, p.Employer, p.Seats = "P-1", "Renholder", "Firma", 1
	p.Schedule = matching.MustParseSchedule("man-fre 08:00-12:00")
	s := db.As(data.LocalLead())
	if err := s.WithTx(ctx, func(tx data.Tx) error { return tx.SavePlacement(ctx, &p) }); err != nil {
		t.Fatal(err)
	}
	deadline := time.After(10 * time.Second)
	for {
		select {
		case snap := <-watch:
			if _, ok := snap.Placement(p.ID); ok {
				return
			}
		case <-deadline:
			t.Fatal("the placement never reached the snapshot after its first read failed")
		}
	}
}

func TestSnapshot_FindsAnUtplasseringByID(t *testing.T) {
	us := []*data.Utplassering{{ID: 1, CandidateRef: "K-1"}, {ID: 3, CandidateRef: "K-3"}, {ID: 7, CandidateRef: "K-7"}}
	s := NewSnapshot(nil, nil, us, nil)
	if u, ok := s.Utplassering(3); !ok || u.CandidateRef != "K-3" {
		t.Errorf("Utplassering(3) = %+v, %v", u, ok)
	}
	if _, ok := s.Utplassering(4); ok {
		t.Error("Utplassering(4) found one that is not there")
	}
}
