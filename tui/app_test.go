package tui

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"arbeidsboks/data"
	"arbeidsboks/data/demo"
	"arbeidsboks/data/live"
	"arbeidsboks/data/sqlite"
	"arbeidsboks/internal/matchtest"
	"arbeidsboks/internal/testtool"
	"arbeidsboks/matching"
	"arbeidsboks/tui/common"
	"arbeidsboks/tui/i18n"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"
)

const today = data.Date("2026-11-23")

// office is a small generated office in a temporary database.
type office struct {
	db    *sqlite.DB
	store data.Store
	ctx   context.Context
}

func newOffice(t *testing.T) *office { return newOfficeOf(t, 20, 40) }

func newOfficeOf(t *testing.T, placements, candidates int) *office {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "office.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	store := db.As(data.LocalLead())
	if _, err := demo.Generate(ctx, store, demo.Options{Seed: 3, Placements: placements, Candidates: candidates, Today: today}); err != nil {
		t.Fatal(err)
	}
	return &office{db: db, store: store, ctx: ctx}
}

// session builds a root model for a user, rendering without colour so that
// golden files are the same on every machine.
func (o *office) session(t *testing.T, actor data.Actor, lang i18n.Lang) *Model {
	t.Helper()
	liveOffice, err := live.Open(o.ctx, o.db.As(data.LocalLead()))
	if err != nil {
		t.Fatal(err)
	}
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	c := &common.Common{
		Ctx: o.ctx, Store: o.db.As(actor), Office: liveOffice, Cat: i18n.New(lang), Renderer: r,
		Styles: common.DefaultStyles(r), Weights: matching.DefaultWeights(), Location: "office.db",
		Today: func() data.Date { return today },
	}
	return New(c)
}

func start(t *testing.T, m tea.Model, w, h int) *teatest.TestModel {
	return teatest.NewTestModel(t, m, teatest.WithInitialTermSize(w, h))
}

func keys(tm *teatest.TestModel, ks ...string) {
	for _, k := range ks {
		switch k {
		case "enter":
			tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
		case "esc":
			tm.Send(tea.KeyMsg{Type: tea.KeyEsc})
		case "tab":
			tm.Send(tea.KeyMsg{Type: tea.KeyTab})
		default:
			tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)})
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func typeText(tm *teatest.TestModel, s string) {
	for _, r := range s {
		tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

var ansiSeq = regexp.MustCompile(`\x1b\[[0-9;?]*[a-zA-Z]`)

// waitFor waits until the screen shows every text.
func waitFor(t *testing.T, tm *teatest.TestModel, texts ...string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		plain := ansiSeq.ReplaceAll(b, nil)
		for _, text := range texts {
			if !bytes.Contains(plain, []byte(text)) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
}

// screen keeps everything a test model has drawn, so that a test can wait
// for text drawn since a mark it set before a keypress — frames repaint only
// the lines that changed, and text drawn before a wait began is not lost.
type screen struct {
	t    *testing.T
	tm   *teatest.TestModel
	buf  bytes.Buffer
	from int
}

func newScreen(t *testing.T, tm *teatest.TestModel) *screen { return &screen{t: t, tm: tm} }

func (s *screen) pull() { _, _ = s.buf.ReadFrom(s.tm.Output()) }

// mark starts a new stretch: waits look at what is drawn after it.
func (s *screen) mark() {
	s.pull()
	s.from = s.buf.Len()
}

// wait waits until every text has been drawn since the mark.
func (s *screen) wait(texts ...string) {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		s.pull()
		plain := ansiSeq.ReplaceAll(s.buf.Bytes()[s.from:], nil)
		missing := testtool.FirstMissing(string(plain), texts...)
		if missing == "" {
			return
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("%q was not drawn within 10 s; drawn since the mark:\n%s", missing, plain)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// keys marks, then types.
func (s *screen) keys(ks ...string) {
	s.mark()
	keys(s.tm, ks...)
}

// finish quits and returns the final view.
func finish(t *testing.T, tm *teatest.TestModel) string {
	t.Helper()
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
	return tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).View()
}

func TestApp_FilterAndOpenAPlacement(t *testing.T) {
	o := newOffice(t)
	tm := start(t, o.session(t, data.LocalLead(), i18n.NB), 100, 30)
	waitFor(t, tm, "Arbeidsboks", "av 20")
	keys(tm, "/")
	typeText(tm, "renhold")
	keys(tm, "enter")
	waitFor(t, tm, "/renhold")
	keys(tm, "enter")
	waitFor(t, tm, "I plassen nå", "Arbeidstid")
	view := finish(t, tm)
	if !strings.Contains(view, "Renhold") && !strings.Contains(view, "renhold") {
		t.Errorf("the opened placement is not a cleaning one:\n%s", view)
	}
	golden.RequireEqual(t, []byte(view))
}

// A description longer than the screen is wide is read to its end.
func TestApp_LongDescriptionsWrap(t *testing.T) {
	o := newOffice(t)
	p := data.NewPlacement()
	p.Ref, p.Title, p.Employer, p.Seats = "P-NY-01", "Sykkelreparatør", "Tøyen Sykkelverksted", 2
	p.Schedule = matching.MustParseSchedule("man-fre 09:00-15:00")
	p.Description = strings.Repeat("Du reparerer sykler sammen med en erfaren mekaniker. ", 4) + "Sluttord."
	if err := o.store.WithTx(o.ctx, func(tx data.Tx) error { return tx.SavePlacement(o.ctx, &p) }); err != nil {
		t.Fatal(err)
	}
	tm := start(t, o.session(t, data.LocalLead(), i18n.NB), 100, 40)
	sc := newScreen(t, tm)
	sc.wait("av 21")
	sc.keys("/")
	typeText(tm, "P-NY-01")
	sc.keys("enter")
	sc.wait("1 av 21")
	sc.keys("enter")
	sc.wait("Sluttord.")
	for i, line := range strings.Split(finish(t, tm), "\n") {
		if w := lipgloss.Width(line); w > 100 {
			t.Errorf("line %d is %d wide on a 100-column screen", i, w)
		}
	}
}

// x on the Match screen brings the excluded ones into view, each with why.
func TestApp_ExcludedMatchesComeIntoView(t *testing.T) {
	o := newOffice(t)
	m, err := data.LoadMatching(o.ctx, o.store, matching.DefaultWeights(), today)
	if err != nil {
		t.Fatal(err)
	}
	// A placement with more included candidates than the screen shows, so
	// that the excluded ones start below the fold.
	pi := -1
	var r matching.Ranking
	for i := range m.Placements {
		if r = m.Index.RankCandidates(i, 0, true); len(r.Included) > 20 && len(r.Excluded) > 0 {
			pi = i
			break
		}
	}
	if pi < 0 {
		t.Fatal("no placement with enough matches in the demo office")
	}
	first := m.Candidates[r.Excluded[0].Candidate]
	tm := start(t, o.session(t, data.LocalLead(), i18n.NB), 100, 30)
	sc := newScreen(t, tm)
	sc.wait("av 20")
	sc.keys("/")
	typeText(tm, m.Placements[pi].Ref)
	sc.keys("enter")
	sc.wait("1 av 20")
	sc.keys("m")
	sc.wait("Kandidater for")
	sc.keys("x")
	sc.wait("viser utelukkede", first.Ref)
	view := finish(t, tm)
	if !strings.Contains(view, "– "+first.Name) {
		t.Errorf("the first excluded candidate, %s, is not in view:\n%s", first.Name, view)
	}
}

// A colleague's new placement, sorted in above the one selected, leaves the
// selection where it was.
func TestApp_TheSelectionStaysWhenARecordIsAddedAboveIt(t *testing.T) {
	o := newOffice(t)
	active, err := o.store.Placements(o.ctx, data.PlacementFilter{Status: []data.PlacementStatus{data.PlacementActive}})
	if err != nil || len(active) < 5 {
		t.Fatalf("active placements: %d %v", len(active), err)
	}
	slices.SortFunc(active, func(a, b data.Placement) int { return strings.Compare(a.Ref, b.Ref) })
	chosen := active[3]
	tm := start(t, o.session(t, data.LocalLead(), i18n.NB), 100, 30)
	sc := newScreen(t, tm)
	sc.wait("av 20")
	sc.keys("j", "j", "j")
	time.Sleep(100 * time.Millisecond)

	p := data.NewPlacement()
	p.Ref, p.Title, p.Employer, p.Seats = "P-AAA-01", "Sykkelreparatør", "Tøyen Sykkelverksted", 2
	p.Schedule = matching.MustParseSchedule("man-fre 09:00-15:00")
	if err := o.store.WithTx(o.ctx, func(tx data.Tx) error { return tx.SavePlacement(o.ctx, &p) }); err != nil {
		t.Fatal(err)
	}
	sc.wait("av 21")
	sc.keys("enter")
	sc.wait("Arbeidstid")
	if view := finish(t, tm); !strings.Contains(view, chosen.Ref) {
		t.Errorf("the details are not of %s, the placement selected before the change:\n%s", chosen.Ref, view)
	}
}

// A proposal made in a meeting and undone there comes and goes on the
// Utplasseringer tab of someone watching it.
func TestApp_AnUndoneProposalLeavesThePipeline(t *testing.T) {
	o := newOffice(t)
	cand, place := proposable(t, o)
	tm := start(t, o.session(t, data.LocalLead(), i18n.NB), 100, 30)
	sc := newScreen(t, tm)
	sc.wait("Arbeidsboks")
	sc.keys("4")
	sc.wait("foreslått")

	var meeting data.Meeting
	err := o.store.WithTx(o.ctx, func(tx data.Tx) error {
		var err error
		if meeting, err = tx.StartMeeting(o.ctx, "", []int64{cand.ID}); err != nil {
			return err
		}
		return tx.Decide(o.ctx, meeting.Items[0].ID, data.DecisionProposed, place.ID, 800)
	})
	if err != nil {
		t.Fatal(err)
	}
	proposed, err := o.store.Utplasseringer(o.ctx, data.UtplasseringFilter{Status: []data.Status{data.StatusProposed}})
	if err != nil {
		t.Fatal(err)
	}
	sc.wait(cand.Name, fmt.Sprintf("foreslått %d →", len(proposed)))
	sc.mark()
	err = o.store.WithTx(o.ctx, func(tx data.Tx) error { _, err := tx.UndoDecision(o.ctx, meeting.ID); return err })
	if err != nil {
		t.Fatal(err)
	}
	sc.wait(fmt.Sprintf("foreslått %d →", len(proposed)-1))
	if view := finish(t, tm); strings.Contains(view, cand.Name+" ") && strings.Contains(view, place.Title) {
		t.Errorf("the undone proposal is still listed:\n%s", view)
	}
}

// A colleague's edit shows in a person's open details without a keypress.
func TestApp_OpenDetailsFollowAColleaguesEdit(t *testing.T) {
	o := newOffice(t)
	all, err := o.store.Candidates(o.ctx, data.CandidateFilter{})
	if err != nil {
		t.Fatal(err)
	}
	target := all[5]
	tm := start(t, o.session(t, data.LocalLead(), i18n.NB), 100, 40)
	sc := newScreen(t, tm)
	sc.wait("Arbeidsboks")
	sc.keys("2", "/")
	typeText(tm, target.Ref)
	sc.keys("enter")
	sc.wait("1 av 40")
	sc.keys("enter")
	sc.wait("Tilgjengelig")

	sc.mark()
	target.Notes = "Har fått førerkort i dag."
	if err := o.store.WithTx(o.ctx, func(tx data.Tx) error { return tx.SaveCandidate(o.ctx, &target) }); err != nil {
		t.Fatal(err)
	}
	sc.wait("Har fått førerkort i dag.")

	// Someone else's edit reads nothing more: two reads are logged, the
	// first and the one after the colleague's edit.
	other := all[6]
	other.Notes = "Annen kandidat."
	if err := o.store.WithTx(o.ctx, func(tx data.Tx) error { return tx.SaveCandidate(o.ctx, &other) }); err != nil {
		t.Fatal(err)
	}
	time.Sleep(500 * time.Millisecond)
	finish(t, tm)
	entries, err := o.store.Audit(o.ctx, data.AuditFilter{Entity: data.EntityCandidate, EntityID: target.ID})
	if err != nil {
		t.Fatal(err)
	}
	reads := 0
	for _, e := range entries {
		if e.Action == data.ActionRead {
			reads++
		}
	}
	if reads != 2 {
		t.Errorf("%d reads of %s logged, want 2: the opening and the colleague's edit", reads, target.Ref)
	}
}

// When a colleague's change reorders the matches, the selected one stays
// selected: p proposes the placement the user is looking at.
func TestApp_TheSelectedMatchStaysSelectedWhenTheRankingChanges(t *testing.T) {
	o := newOffice(t)
	m, err := data.LoadMatching(o.ctx, o.store, matching.DefaultWeights(), today)
	if err != nil {
		t.Fatal(err)
	}
	var cand *data.Candidate
	var first, second *data.Placement
	var before matching.Ranking
	for ci, c := range m.Candidates {
		if _, holds := m.SeatHolders[c.ID]; holds || c.Status == data.CandidateClosed {
			continue
		}
		r := m.Index.RankPlacements(ci, len(m.Placements), true)
		if len(r.Included) >= 3 && m.Placements[r.Included[1].Placement].FreeSeats() > 0 {
			cand, first, second = c, m.Placements[r.Included[0].Placement], m.Placements[r.Included[1].Placement]
			before = r
			break
		}
	}
	if cand == nil {
		t.Fatal("no candidate with three matches in the demo office")
	}
	tm := start(t, o.session(t, data.LocalLead(), i18n.NB), 120, 32)
	sc := newScreen(t, tm)
	sc.wait("Arbeidsboks")
	sc.keys("2", "/")
	typeText(tm, cand.Ref)
	sc.keys("enter")
	sc.wait("1 av 40")
	sc.keys("m")
	sc.wait("Praksisplasser for", second.Ref)
	sc.keys("j") // the second match

	paused, err := o.store.Placement(o.ctx, first.ID)
	if err != nil {
		t.Fatal(err)
	}
	paused.Status = data.PlacementPaused
	if err := o.store.WithTx(o.ctx, func(tx data.Tx) error { return tx.SavePlacement(o.ctx, &paused) }); err != nil {
		t.Fatal(err)
	}
	// The tab ranks again: the paused placement is excluded now.
	sc.wait(fmt.Sprintf("%d treff, %d utelukket", before.IncludedTotal-1, len(before.Excluded)+1))
	sc.keys("p")
	sc.wait("Foreslått: " + cand.Ref + " → " + second.Ref)
	finish(t, tm)
}

func TestApp_TooSmallWindowSaysSo(t *testing.T) {
	o := newOffice(t)
	tm := start(t, o.session(t, data.LocalLead(), i18n.EN), 100, 30)
	waitFor(t, tm, "Placements")
	tm.Send(tea.WindowSizeMsg{Width: 50, Height: 12})
	waitFor(t, tm, "too small")
	golden.RequireEqual(t, []byte(finish(t, tm)))
}

// Esc and a key typed fast, or sent in one packet over SSH, arrive as
// alt+key: they still do what the two keys do.
func TestApp_EscFollowedByAKeyIsTwoKeys(t *testing.T) {
	o := newOffice(t)
	tm := start(t, o.session(t, data.LocalLead(), i18n.NB), 100, 30)
	sc := newScreen(t, tm)
	sc.wait("Arbeidsboks")
	sc.keys("2")
	sc.wait("av 40")
	sc.keys("enter")
	sc.wait("Tilgjengelig")
	// esc closes the details, / opens the filter, which takes the text.
	sc.mark()
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'/'}, Alt: true})
	typeText(tm, "zzzz")
	sc.wait("/ zzzz")
	finish(t, tm)
}

func TestApp_ResizeRedraws(t *testing.T) {
	o := newOffice(t)
	tm := start(t, o.session(t, data.LocalLead(), i18n.NB), 140, 30)
	waitFor(t, tm, "Arbeidsgiver")
	keys(tm, "2")
	tm.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
	time.Sleep(100 * time.Millisecond)
	view := finish(t, tm)
	for i, line := range strings.Split(view, "\n") {
		if w := lipgloss.Width(line); w > 80 {
			t.Errorf("line %d is %d wide after resizing to 80: %q", i, w, line)
		}
	}
	golden.RequireEqual(t, []byte(view))
}

// proposable finds a candidate and a placement with a free seat that
// matching does not exclude.
func proposable(t *testing.T, o *office) (data.Candidate, data.Placement) {
	m, err := data.LoadMatching(o.ctx, o.store, matching.DefaultWeights(), today)
	if err != nil {
		t.Fatal(err)
	}
	c, p, ok := matchtest.Proposable(m)
	if !ok {
		t.Fatal("the demo office has no proposable pair")
	}
	return c, p
}

func TestApp_MatchAndProposeLowersTheFreeSeats(t *testing.T) {
	o := newOffice(t)
	cand, place := proposable(t, o)
	tm := start(t, o.session(t, data.LocalLead(), i18n.NB), 120, 32)
	waitFor(t, tm, "Arbeidsboks")
	keys(tm, "2", "/")
	typeText(tm, cand.Ref)
	keys(tm, "enter")
	waitFor(t, tm, "1 av 40")
	keys(tm, "m")
	waitFor(t, tm, "Praksisplasser for", place.Ref)
	// Text is kept from the mark on: the frame with the new seat count
	// may come in the same read as the confirmation.
	sc := newScreen(t, tm)
	sc.keys("p")
	sc.wait("Foreslått: " + cand.Ref + " → " + place.Ref)
	u, err := o.store.Utplasseringer(o.ctx, data.UtplasseringFilter{CandidateID: cand.ID, SeatHolding: true})
	if err != nil || len(u) != 1 || u[0].PlacementID != place.ID || u[0].Status != data.StatusProposed || u[0].Score == 0 {
		t.Fatalf("after p: %+v %v", u, err)
	}
	after, _ := o.store.Placement(o.ctx, place.ID)
	if after.FreeSeats() != place.FreeSeats()-1 {
		t.Errorf("free seats %d → %d, want one fewer", place.FreeSeats(), after.FreeSeats())
	}
	// The seat count falls on the screen without a keypress.
	sc.wait(common.Seats(&after) + " " + place.Ref)
	finish(t, tm)
}

func TestApp_PipelineMovesAndEndsWithAReason(t *testing.T) {
	o := newOffice(t)
	tm := start(t, o.session(t, data.LocalLead(), i18n.EN), 100, 30)
	waitFor(t, tm, "Placements")
	keys(tm, "4")
	waitFor(t, tm, "proposed")
	first := firstProposal(t, o)
	keys(tm, "l")
	waitFor(t, tm, ": contacted")
	keys(tm, "a")
	waitFor(t, tm, "How did the utplassering end?")
	keys(tm, "2")
	waitFor(t, tm, "Reason (cancelled)")
	keys(tm, "3")
	waitFor(t, tm, ": cancelled")
	history, err := o.store.History(o.ctx, first.ID)
	if err != nil {
		t.Fatal(err)
	}
	last := history[len(history)-1]
	if len(history) < 3 || last.To != data.StatusCancelled || last.Reason != data.ReasonSick {
		t.Fatalf("history = %+v", history)
	}
	sc := newScreen(t, tm)
	sc.keys("e")
	sc.wait("cancelled")
	golden.RequireEqual(t, []byte(finish(t, tm)))
}

// firstProposal is the utplassering the pipeline lists first: the newest
// change among the proposals.
func firstProposal(t *testing.T, o *office) data.Utplassering {
	list, err := o.store.Utplasseringer(o.ctx, data.UtplasseringFilter{Status: []data.Status{data.StatusProposed}})
	if err != nil || len(list) == 0 {
		t.Fatal("no proposals in the demo office")
	}
	best := list[0]
	for _, u := range list {
		if u.Updated.After(best.Updated) {
			best = u
		}
	}
	return best
}

func TestApp_AnotherSessionsChangeShowsWithoutAKeypress(t *testing.T) {
	o := newOffice(t)
	tm := start(t, o.session(t, data.LocalLead(), i18n.NB), 100, 30)
	waitFor(t, tm, "av 20")
	p := data.NewPlacement()
	p.Ref, p.Title, p.Employer, p.Seats = "P-NY-01", "Sykkelreparatør", "Tøyen Sykkelverksted", 2
	p.Schedule = matching.MustParseSchedule("man-fre 09:00-15:00")
	if err := o.store.WithTx(o.ctx, func(tx data.Tx) error { return tx.SavePlacement(o.ctx, &p) }); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tm, "Sykkelreparatør", "av 21")
	finish(t, tm)
}

func TestApp_MarketContactSeesNoNotes(t *testing.T) {
	o := newOffice(t)
	all, _ := o.store.Candidates(o.ctx, data.CandidateFilter{})
	var withNotes data.Candidate
	for _, c := range all {
		if c.Notes != "" {
			withNotes = c
			break
		}
	}
	if withNotes.ID == 0 {
		t.Fatal("no candidate with notes in the demo")
	}
	mk := data.Actor{Name: "mk", Role: data.RoleMarket, Office: data.DefaultOffice}
	tm := start(t, o.session(t, mk, i18n.NB), 100, 40)
	waitFor(t, tm, "Arbeidsboks")
	keys(tm, "2", "/")
	typeText(tm, withNotes.Ref)
	keys(tm, "enter")
	waitFor(t, tm, "1 av 40")
	keys(tm, "enter")
	waitFor(t, tm, "Tilgjengelig")
	view := finish(t, tm)
	if strings.Contains(view, "Notater") || strings.Contains(view, withNotes.Notes[:min(20, len(withNotes.Notes))]) {
		t.Fatalf("a market contact sees the notes:\n%s", view)
	}
}
