package tui

import (
	"fmt"
	"strings"
	"testing"

	"arbeidsboks/data"
	"arbeidsboks/matching"
	"arbeidsboks/tui/common"
	"arbeidsboks/tui/i18n"

	"github.com/charmbracelet/x/exp/teatest"
)

func lastMeeting(t *testing.T, o *office) data.Meeting {
	t.Helper()
	list, err := o.store.Meetings(o.ctx)
	if err != nil || len(list) == 0 {
		t.Fatalf("meetings: %v %v", list, err)
	}
	m, err := o.store.Meeting(o.ctx, list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// proposableAt finds the first queue position from `from` whose candidate
// has a placement with a free seat that matching does not exclude.
func proposableAt(t *testing.T, o *office, m data.Meeting, from int) int {
	t.Helper()
	mt, err := data.LoadMatching(o.ctx, o.store, matching.DefaultWeights(), today)
	if err != nil {
		t.Fatal(err)
	}
	for i := from; i < len(m.Items); i++ {
		ci := mt.CandidateIndex(m.Items[i].CandidateRef)
		for _, r := range mt.Index.RankPlacements(ci, 0, false).Included {
			if mt.Placements[r.Placement].FreeSeats() > 0 {
				return i
			}
		}
	}
	t.Fatal("no candidate in the queue has a placement to propose")
	return -1
}

// moveTo presses n or p until the meeting is at position to.
func moveTo(tm *teatest.TestModel, from, to int) {
	for ; from < to; from++ {
		keys(tm, "n")
	}
	for ; from > to; from-- {
		keys(tm, "p")
	}
}

func decisions(m data.Meeting) map[data.Decision]int {
	out := map[data.Decision]int{}
	for _, it := range m.Items {
		if it.Decision != "" {
			out[it.Decision]++
		}
	}
	return out
}

func TestMeeting_RunUndoDeferAndAcceptTheAllocation(t *testing.T) {
	o := newOfficeOf(t, 60, 60)
	chair := data.Actor{Name: "kari", Role: data.RoleSpecialist, Office: data.DefaultOffice}
	tm := start(t, o.session(t, chair, i18n.NB), 110, 40)
	sc := newScreen(t, tm)
	sc.wait("Arbeidsboks")
	sc.keys("5")
	sc.wait("Ingen møter ennå")
	sc.keys("n")
	sc.wait("kandidat 1 av", "0 vedtak")
	at := proposableAt(t, o, lastMeeting(t, o), 0)
	moveTo(tm, 0, at)
	sc.wait("Beste plasser med ledig plass for " + lastMeeting(t, o).Items[at].CandidateRef)

	sc.keys("1") // propose the best placement
	sc.wait("1 vedtak")
	sc.keys("d") // defer the next one
	sc.wait("2 vedtak")
	sc.keys("u") // undo the deferral
	sc.wait("Siste vedtak er angret", "1 vedtak")
	if d := decisions(lastMeeting(t, o)); d[data.DecisionProposed] != 1 || d[data.DecisionDeferred] != 0 {
		t.Fatalf("after undo: %v", d)
	}

	sc.keys("a") // the optimal allocation for the rest of the queue
	sc.wait("Optimal fordeling: forslag til")
	m := lastMeeting(t, o)
	suggested := -1
	for i, it := range m.Items {
		if it.Decision == "" && it.SuggestedID != 0 {
			suggested = i
			break
		}
	}
	if suggested < 0 {
		t.Fatal("the allocation suggested nothing")
	}
	if suggested != m.Current { // otherwise the suggestion was drawn after a
		sc.mark()
		moveTo(tm, m.Current, suggested)
	}
	sc.wait("enter godtar")
	sc.keys("enter")
	sc.wait("2 vedtak")
	sc.keys("d")
	sc.wait("3 vedtak")

	m = lastMeeting(t, o)
	d := decisions(m)
	if d[data.DecisionProposed] != 2 || d[data.DecisionDeferred] != 1 {
		t.Fatalf("decisions = %v", d)
	}
	accepted := m.Items[suggested]
	if accepted.Decision != data.DecisionProposed || accepted.PlacementID == 0 || accepted.PlacementID != accepted.SuggestedID {
		t.Fatalf("the accepted suggestion: %+v", accepted)
	}
	for _, it := range []data.MeetingItem{m.Items[at], accepted} {
		u, err := o.store.Utplassering(o.ctx, it.UtplasseringID)
		if err != nil || u.Status != data.StatusProposed || u.CreatedBy != "kari" {
			t.Fatalf("utplassering of %s: %+v %v", it.CandidateRef, u, err)
		}
	}

	sc.keys("q")
	sc.wait("Avslutte møtet for alle?")
	sc.keys("1")
	sc.wait("## Vedtak", "Utsatt til neste møte")
	finish(t, tm)
	if lastMeeting(t, o).Status != data.MeetingEnded {
		t.Fatal("the meeting did not end")
	}
}

func TestMeeting_FollowerSeesTheChairAndCannotDecide(t *testing.T) {
	o := newOffice(t)
	kari := data.Actor{Name: "kari", Role: data.RoleLead, Office: data.DefaultOffice}
	ola := data.Actor{Name: "ola", Role: data.RoleSpecialist, Office: data.DefaultOffice}
	chairTM := start(t, o.session(t, kari, i18n.NB), 110, 40)
	followerTM := start(t, o.session(t, ola, i18n.NB), 110, 40)
	chair, follower := newScreen(t, chairTM), newScreen(t, followerTM)
	chair.wait("Arbeidsboks")
	follower.wait("Arbeidsboks")

	chair.keys("5", "n")
	chair.wait("kandidat 1 av")
	follower.keys("5")
	follower.wait("Inntaksmøte 2026")
	follower.keys("enter")
	follower.wait("Du følger kari", "kandidat 1 av")

	// The chair decides; the follower's screen shows it without a keypress.
	follower.mark()
	chair.keys("s")
	follower.wait("kandidat 2 av", "1 vedtak")

	// The follower's keys cannot decide.
	follower.keys("d")
	follower.wait("Bare møtelederen (kari) bestemmer.")
	if d := decisions(lastMeeting(t, o)); d[data.DecisionDeferred] != 0 {
		t.Fatalf("a follower's key decided: %v", d)
	}

	// Hand-over: ola chairs, and kari follows.
	chair.keys("o")
	chair.wait("Gi møteledelsen til")
	chair.keys("1")
	chair.wait("Du følger ola")
	follower.wait("møteleder ola") // ola's session has heard it
	follower.keys("d")
	chair.wait("2 vedtak")
	m := lastMeeting(t, o)
	if m.Chair != "ola" || m.Items[1].Decision != data.DecisionDeferred || m.Items[1].DecidedBy != "ola" {
		t.Fatalf("after hand-over: chair %s, item %+v", m.Chair, m.Items[1])
	}
	finish(t, chairTM)
	finish(t, followerTM)
}

// A whole meeting of 50 candidates run by a script of keypresses, one or two
// keys per decision: the optimal allocation once, then enter to accept each
// suggestion and s or d for the rest. The minutes list every decision made.
func TestMeeting_FiftyCandidatesByScript(t *testing.T) {
	o := newOfficeOf(t, 60, 90)
	chair := data.Actor{Name: "kari", Role: data.RoleLead, Office: data.DefaultOffice}
	tm := start(t, o.session(t, chair, i18n.NB), 110, 40)
	sc := newScreen(t, tm)
	sc.wait("Arbeidsboks")
	sc.keys("5", "n")
	sc.wait("0 vedtak")
	m := lastMeeting(t, o)
	if len(m.Items) < 50 {
		t.Fatalf("the demo queue holds %d candidates, want at least 50", len(m.Items))
	}
	// Trim the queue to 50 as a chair would, through the store.
	for _, it := range m.Items[50:] {
		if err := o.db.As(chair).WithTx(o.ctx, func(tx data.Tx) error { return tx.RemoveFromMeeting(o.ctx, it.ID) }); err != nil {
			t.Fatal(err)
		}
	}
	sc.keys("a")
	sc.wait("Optimal fordeling: forslag til")
	m = lastMeeting(t, o)
	if len(m.Items) != 50 {
		t.Fatalf("queue = %d", len(m.Items))
	}
	if m.Items[0].SuggestedID != 0 {
		sc.wait("enter godtar") // the screen has the suggestions
	}
	keysPressed := 1
	for i, it := range m.Items {
		k := "s"
		switch {
		case it.SuggestedID != 0:
			k = "enter"
		case i%2 == 0:
			k = "d"
		}
		sc.keys(k)
		keysPressed++
		sc.wait(fmt.Sprintf("%d vedtak", i+1))
	}
	if keysPressed > 2*50 {
		t.Fatalf("%d keys for 50 decisions", keysPressed)
	}
	sc.keys("q")
	sc.wait("Avslutte møtet for alle?")
	sc.keys("1")
	sc.wait("## Vedtak")
	finish(t, tm)

	m = lastMeeting(t, o)
	minutes := common.Minutes(i18n.New(i18n.NB), m,
		func(id int64) string { c, _ := o.store.Candidate(o.ctx, id); return c.Name },
		func(id int64) string { p, _ := o.store.Placement(o.ctx, id); return p.Title + " · " + p.Employer })
	rows := 0
	for _, it := range m.Items {
		if it.Decision == "" {
			t.Fatalf("%s has no decision", it.CandidateRef)
		}
		want := "(" + it.CandidateRef + ") | " + string(it.Decision) + " |"
		if it.Decision == data.DecisionProposed {
			want += " "
			if !strings.Contains(minutes, "("+it.PlacementRef+")") {
				t.Errorf("the minutes lack the proposal %s → %s", it.CandidateRef, it.PlacementRef)
			}
		}
		if !strings.Contains(minutes, want) {
			t.Errorf("the minutes lack %q", want)
		}
		rows++
	}
	if got := strings.Count(minutes, "\n| ") - 1; got != rows {
		t.Errorf("the minutes have %d decision rows, want %d:\n%s", got, rows, minutes)
	}
}

func TestMeeting_ChairEditsTheQueue(t *testing.T) {
	o := newOffice(t)
	chair := data.Actor{Name: "kari", Role: data.RoleLead, Office: data.DefaultOffice}
	tm := start(t, o.session(t, chair, i18n.EN), 110, 40)
	sc := newScreen(t, tm)
	sc.wait("Placements")
	sc.keys("5", "n")
	sc.wait("candidate 1 of")
	before := lastMeeting(t, o)
	first, second := before.Items[0], before.Items[1]

	sc.keys("]") // the first candidate later
	sc.wait("candidate 2 of")
	sc.keys("-") // and out of the queue
	sc.wait(first.CandidateRef + " taken out of the queue")
	sc.keys("+")
	sc.wait("Add a candidate (ref):")
	typeText(tm, first.CandidateRef)
	sc.keys("enter")
	sc.wait(first.CandidateRef + " added to the queue")
	finish(t, tm)

	after := lastMeeting(t, o)
	if len(after.Items) != len(before.Items) || after.Items[0].CandidateID != second.CandidateID ||
		after.Items[len(after.Items)-1].CandidateID != first.CandidateID {
		t.Fatalf("queue before %v, after %v", refs(before), refs(after))
	}
}

func refs(m data.Meeting) []string {
	var out []string
	for _, it := range m.Items {
		out = append(out, it.CandidateRef)
	}
	return out
}

// When another session fills a seat while the team looks at a candidate,
// the numbers stay: 2 proposes the placement that stood at 2.
func TestMeeting_NumbersStayWhenAnotherSessionFillsASeat(t *testing.T) {
	o, tm, sc, meeting, mt := chairMeeting(t)

	// A candidate whose best placement has one free seat, and two more.
	at := -1
	var shown []*data.Placement
	for i, it := range meeting.Items {
		shown = shown[:0]
		for _, r := range mt.Index.RankPlacements(mt.CandidateIndex(it.CandidateRef), 0, false).Included {
			if p := mt.Placements[r.Placement]; p.FreeSeats() > 0 && len(shown) < 5 {
				shown = append(shown, p)
			}
		}
		if len(shown) >= 3 && shown[0].FreeSeats() == 1 {
			at = i
			break
		}
	}
	if at < 0 {
		t.Fatal("no queue candidate whose best placement has exactly one free seat in the demo office")
	}
	moveTo(tm, 0, at)
	sc.wait("Beste plasser med ledig plass for " + meeting.Items[at].CandidateRef)

	// Someone outside the meeting proposes another person for the last seat.
	var filler *data.Candidate
	for _, c := range mt.Candidates {
		if _, holds := mt.SeatHolders[c.ID]; !holds && c.Status != data.CandidateClosed && c.ID != meeting.Items[at].CandidateID {
			filler = c
			break
		}
	}
	err := o.store.WithTx(o.ctx, func(tx data.Tx) error { _, err := tx.Propose(o.ctx, filler.ID, shown[0].ID, 500); return err })
	if err != nil {
		t.Fatal(err)
	}
	sc.wait(fmt.Sprintf("0/%d ledige", shown[0].Seats))
	sc.keys("2")
	sc.wait("1 vedtak")
	if it := lastMeeting(t, o).Items[at]; it.PlacementID != shown[1].ID {
		t.Errorf("2 proposed placement %d, want %s (%d), which stood at 2", it.PlacementID, shown[1].Ref, shown[1].ID)
	}
	finish(t, tm)
}

// A meeting started elsewhere, coming in at the top of the list, leaves the
// selected meeting selected: enter opens the one the user chose.
func TestMeeting_TheSelectedMeetingStaysWhenANewOneStarts(t *testing.T) {
	o := newOffice(t)
	all, err := o.store.Candidates(o.ctx, data.CandidateFilter{})
	if err != nil {
		t.Fatal(err)
	}
	meet := func(title string, end bool) {
		t.Helper()
		err := o.store.WithTx(o.ctx, func(tx data.Tx) error {
			m, err := tx.StartMeeting(o.ctx, title, []int64{all[0].ID})
			if err != nil || !end {
				return err
			}
			return tx.EndMeeting(o.ctx, m.ID)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	meet("Møte A", true)
	meet("Møte B", true)
	tm := start(t, o.session(t, data.LocalLead(), i18n.NB), 110, 40)
	sc := newScreen(t, tm)
	sc.wait("Arbeidsboks")
	sc.keys("5")
	sc.wait("Møte A", "Møte B")
	sc.keys("j") // Møte A, the older
	meet("Møte C", false)
	sc.wait("Møte C")
	sc.keys("enter")
	sc.wait("# Møte")
	if view := finish(t, tm); !strings.Contains(view, "Møte A") || strings.Contains(view, "Møte B") {
		t.Errorf("enter opened another meeting than the one selected:\n%s", view)
	}
}

// Under the five, the meeting names better matches that are excluded and
// why: what the team may be able to do something about.
func TestMeeting_ShowsWhyBetterMatchesAreExcluded(t *testing.T) {
	_, tm, sc, meeting, mt := chairMeeting(t)
	at, blocked := -1, (*data.Placement)(nil)
	for i, it := range meeting.Items {
		r := mt.Index.RankPlacements(mt.CandidateIndex(it.CandidateRef), 0, true)
		best := 0
		for _, x := range r.Included {
			if mt.Placements[x.Placement].FreeSeats() > 0 {
				best = x.Total
				break
			}
		}
		for _, x := range r.Excluded {
			if x.Total > best && mt.Placements[x.Placement].FreeSeats() > 0 {
				at, blocked = i, mt.Placements[x.Placement]
				break
			}
		}
		if at >= 0 {
			break
		}
	}
	if at < 0 {
		t.Fatal("no queue candidate has a better match that is excluded in the demo office")
	}
	moveTo(tm, 0, at)
	sc.wait("Beste plasser med ledig plass for "+meeting.Items[at].CandidateRef, "Bedre treff som er utelukket:", blocked.Title)
	finish(t, tm)
}

// A seat freed while the team looks brings its placement in after the
// others, which keep their numbers.
func TestMeeting_AFreedSeatJoinsTheListAtTheEnd(t *testing.T) {
	o, tm, sc, meeting, mt := chairMeeting(t)
	holders, err := o.store.Utplasseringer(o.ctx, data.UtplasseringFilter{SeatHolding: true})
	if err != nil {
		t.Fatal(err)
	}
	// A candidate shown fewer than five, with a full placement among their
	// matches whose seat an utplassering holds.
	at, shown := -1, 0
	var full *data.Placement
	var holder data.Utplassering
	for i, it := range meeting.Items {
		shown, full = 0, nil
		for _, r := range mt.Index.RankPlacements(mt.CandidateIndex(it.CandidateRef), 0, false).Included {
			p := mt.Placements[r.Placement]
			switch {
			case p.FreeSeats() > 0:
				shown++
			case full == nil:
				for _, u := range holders {
					if u.PlacementID == p.ID {
						full, holder = p, u
						break
					}
				}
			}
		}
		if shown > 0 && shown < 5 && full != nil {
			at = i
			break
		}
	}
	if at < 0 {
		t.Fatal("no queue candidate with fewer than five placements and a full one in the demo office")
	}
	moveTo(tm, 0, at)
	sc.wait("Beste plasser med ledig plass for " + meeting.Items[at].CandidateRef)

	err = o.store.WithTx(o.ctx, func(tx data.Tx) error {
		_, err := tx.Move(o.ctx, holder.ID, holder.Version, data.StatusNotSuitable, data.ReasonOther, "")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sc.wait(fmt.Sprintf("%d  %s", shown+1, full.Title+" · "+full.Employer))
	finish(t, tm)
}

// chairMeeting starts a meeting with the default queue in a 60-placement
// demo office, as its chair, and gives the office's matching at the start.
func chairMeeting(t *testing.T) (*office, *teatest.TestModel, *screen, data.Meeting, *data.Matching) {
	t.Helper()
	o := newOfficeOf(t, 60, 60)
	chair := data.Actor{Name: "kari", Role: data.RoleLead, Office: data.DefaultOffice}
	tm := start(t, o.session(t, chair, i18n.NB), 110, 40)
	sc := newScreen(t, tm)
	sc.wait("Arbeidsboks")
	sc.keys("5", "n")
	sc.wait("kandidat 1 av", "0 vedtak")
	mt, err := data.LoadMatching(o.ctx, o.store, matching.DefaultWeights(), today)
	if err != nil {
		t.Fatal(err)
	}
	return o, tm, sc, lastMeeting(t, o), mt
}
