package sqlite

import (
	"context"
	"errors"
	"testing"

	"arbeidsboks/data"
)

func TestMeeting_ChairDecidesUndoesAndHandsOver(t *testing.T) {
	db, _ := openTemp(t)
	ctx := context.Background()
	s := lead(db)
	p := placement("P-1", 1)
	a, b, c := candidate("K-1", "Amina"), candidate("K-2", "Bashir"), candidate("K-3", "Cora")
	save(t, s, &p, &a, &b, &c)
	chair := db.As(data.Actor{Name: "kari", Role: data.RoleSpecialist, Office: data.DefaultOffice})
	follower := db.As(data.Actor{Name: "ola", Role: data.RoleMarket, Office: data.DefaultOffice})

	var m data.Meeting
	err := chair.WithTx(ctx, func(tx data.Tx) error {
		var err error
		m, err = tx.StartMeeting(ctx, "", []int64{a.ID, b.ID, c.ID})
		return err
	})
	if err != nil || len(m.Items) != 3 || m.Chair != "kari" || m.Status != data.MeetingRunning {
		t.Fatalf("start: %+v %v", m, err)
	}
	if err := follower.WithTx(ctx, func(tx data.Tx) error { return tx.JoinMeeting(ctx, m.ID) }); err != nil {
		t.Fatal(err)
	}
	// Only the chair decides.
	err = follower.WithTx(ctx, func(tx data.Tx) error { return tx.Decide(ctx, m.Items[0].ID, data.DecisionProposed, p.ID, 800) })
	if !errors.Is(err, data.ErrNotChair) {
		t.Fatalf("a follower deciding = %v, want ErrNotChair", err)
	}
	decide := func(store data.Store, item int, d data.Decision) error {
		return store.WithTx(ctx, func(tx data.Tx) error { return tx.Decide(ctx, m.Items[item].ID, d, p.ID, 800) })
	}
	if err := decide(chair, 0, data.DecisionProposed); err != nil {
		t.Fatal(err)
	}
	if err := decide(chair, 1, data.DecisionProposed); !errors.Is(err, data.ErrNoSeat) {
		t.Fatalf("second proposal into a full placement = %v", err)
	}
	if err := decide(chair, 1, data.DecisionDeferred); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Placement(ctx, p.ID)
	if got.FreeSeats() != 0 {
		t.Fatalf("free seats after the proposal = %d", got.FreeSeats())
	}
	// Undo takes back the last decision (the deferral), then the proposal,
	// which frees the seat and leaves the pipeline as before.
	for _, want := range []data.Decision{data.DecisionDeferred, data.DecisionProposed} {
		var undone data.MeetingItem
		err := chair.WithTx(ctx, func(tx data.Tx) error { var err error; undone, err = tx.UndoDecision(ctx, m.ID); return err })
		if err != nil || undone.Decision != want {
			t.Fatalf("undo = %+v %v, want %s", undone, err, want)
		}
	}
	got, _ = s.Placement(ctx, p.ID)
	if u, _ := s.Utplasseringer(ctx, data.UtplasseringFilter{}); got.FreeSeats() != 1 || len(u) != 0 {
		t.Fatalf("after undo: %d free, utplasseringer %+v", got.FreeSeats(), u)
	}
	// Hand-over: now ola decides and kari may not.
	if err := chair.WithTx(ctx, func(tx data.Tx) error { return tx.HandOver(ctx, m.ID, "ola") }); err != nil {
		t.Fatal(err)
	}
	if err := decide(chair, 2, data.DecisionSkipped); !errors.Is(err, data.ErrNotChair) {
		t.Fatalf("the old chair deciding = %v", err)
	}
	if err := decide(follower, 2, data.DecisionSkipped); err != nil {
		t.Fatal(err)
	}
	if err := follower.WithTx(ctx, func(tx data.Tx) error { return tx.EndMeeting(ctx, m.ID) }); err != nil {
		t.Fatal(err)
	}
	final, err := s.Meeting(ctx, m.ID)
	if err != nil || final.Status != data.MeetingEnded || final.Items[2].Decision != data.DecisionSkipped ||
		final.Items[2].DecidedBy != "ola" || len(final.Participants) != 2 {
		t.Fatalf("minutes: %+v %v", final, err)
	}
}

func TestMeeting_QueueCanBeReordered(t *testing.T) {
	db, _ := openTemp(t)
	ctx := context.Background()
	s := lead(db)
	a, b, c := candidate("K-1", "A"), candidate("K-2", "B"), candidate("K-3", "C")
	save(t, s, &a, &b, &c)
	var m data.Meeting
	err := s.WithTx(ctx, func(tx data.Tx) error {
		var err error
		if m, err = tx.StartMeeting(ctx, "Uke 48", []int64{a.ID, b.ID}); err != nil {
			return err
		}
		if err := tx.AddToMeeting(ctx, m.ID, c.ID); err != nil {
			return err
		}
		m, _ = tx.Meeting(ctx, m.ID)
		if err := tx.MoveInMeeting(ctx, m.Items[2].ID, -2); err != nil {
			return err
		}
		return tx.RemoveFromMeeting(ctx, m.Items[0].ID)
	})
	if err != nil {
		t.Fatal(err)
	}
	m, _ = s.Meeting(ctx, m.ID)
	if len(m.Items) != 2 || m.Items[0].CandidateRef != "K-3" || m.Items[1].CandidateRef != "K-2" || m.Items[1].Position != 1 {
		t.Fatalf("queue = %+v", m.Items)
	}
}
