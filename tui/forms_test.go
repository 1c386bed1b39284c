package tui

import (
	"context"
	"strings"
	"testing"
	"time"

	"arbeidsboks/data"
	"arbeidsboks/matching"
	"arbeidsboks/tui/i18n"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"
)

// press sends keys by name: the special keys a form uses, or runes.
func press(tm *teatest.TestModel, names ...string) {
	special := map[string]tea.KeyType{
		"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab,
		"ctrl+s": tea.KeyCtrlS, "ctrl+u": tea.KeyCtrlU, "ctrl+e": tea.KeyCtrlE, "right": tea.KeyRight,
		"left": tea.KeyLeft, "space": tea.KeySpace, "down": tea.KeyDown,
	}
	for _, n := range names {
		if t, ok := special[n]; ok {
			msg := tea.KeyMsg{Type: t}
			if t == tea.KeySpace {
				msg.Runes = []rune{' '}
			}
			tm.Send(msg)
		} else {
			tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(n)})
		}
		time.Sleep(25 * time.Millisecond)
	}
}

// retype clears the focused input and types text.
func retype(tm *teatest.TestModel, text string) {
	press(tm, "ctrl+u")
	typeText(tm, text)
	time.Sleep(30 * time.Millisecond)
}

func TestPlacementForm_EveryFieldKindSaysWhatIsWrongAndNothingIsSavedUntilValid(t *testing.T) {
	o := newOffice(t)
	mk := data.Actor{Name: "mk", Role: data.RoleMarket, Office: data.DefaultOffice}
	tm := start(t, o.session(t, mk, i18n.NB), 110, 40)
	waitFor(t, tm, "Arbeidsboks", "av 20")
	press(tm, "n")
	waitFor(t, tm, "Ny praksisplass", "Tittel")

	// Text: too long, then a title with Norwegian letters and an emoji.
	typeText(tm, strings.Repeat("x", 121))
	waitFor(t, tm, "er lengre enn 120 tegn")
	retype(tm, "Barnehageassistent æøå ÆØÅ 🧸")
	press(tm, "tab")
	// Employer: typed new, or picked from the known ones.
	typeText(tm, "Tøyen barnehage")
	waitFor(t, tm, "ny arbeidsgiver")
	press(tm, "tab", "right", "tab", "tab", "tab", "tab") // sector kommunal; district, measure, status
	// Ref (required): emptied.
	press(tm, "ctrl+u")
	waitFor(t, tm, "mangler verdi")
	typeText(tm, "P-BHG-77")
	press(tm, "tab")
	// Whole number.
	waitFor(t, tm, "Plasser")
	retype(tm, "to")
	waitFor(t, tm, "må være et heltall")
	// Saving now is refused and says why.
	press(tm, "ctrl+s")
	waitFor(t, tm, "Ikke lagret: 2 feil")
	if _, err := o.store.PlacementByRef(o.ctx, "P-BHG-77"); err == nil {
		t.Fatal("an invalid placement was saved")
	}
	retype(tm, "2")
	// Norwegian minimum: oral B1 (a picker), written none; police certificate.
	press(tm, "tab", "right", "right", "right", "tab", "tab", "space", "tab")
	// A list with completion from the taxonomy.
	typeText(tm, "renh")
	press(tm, "ctrl+e", "tab", "tab", "tab", "tab") // trained, occupations, languages, schedule
	// Schedule: the syntax's own message, then a week grid.
	waitFor(t, tm, "Arbeidstid")
	typeText(tm, "man-fre 8-14")
	waitFor(t, tm, "tid må skrives TT:MM")
	retype(tm, "man-fre 08:00-14:00")
	waitFor(t, tm, "30 t i uka", "█")
	press(tm, "tab")
	// A number the schedule cannot hold.
	retype(tm, "40")
	waitFor(t, tm, "er flere timer enn timeplanens 30 i uka")
	retype(tm, "0")
	press(tm, "tab", "tab")
	// Contact: phone and e-mail.
	typeText(tm, "Kari Nordmann")
	press(tm, "tab")
	typeText(tm, "ring meg")
	waitFor(t, tm, "er ikke et telefonnummer")
	retype(tm, "+47 22 33 44 55")
	press(tm, "tab")
	typeText(tm, "kari@")
	waitFor(t, tm, "er ikke en e-postadresse")
	retype(tm, "kari@toyen-bhg.no")
	press(tm, "ctrl+s")
	waitFor(t, tm, "Lagret P-BHG-77")
	finish(t, tm)

	p, err := o.store.PlacementByRef(o.ctx, "P-BHG-77")
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "Barnehageassistent æøå ÆØÅ 🧸" || p.Employer != "Tøyen barnehage" || p.Sector != data.SectorMunicipal ||
		p.Seats != 2 || p.NorwegianMin.String() != "B1/-" || !p.RequiresPoliceCertificate ||
		p.Schedule.String() != "man-fre 08:00-14:00" || p.ContactPhone != "+47 22 33 44 55" ||
		len(p.SkillsRequired) != 1 || !strings.HasPrefix(p.SkillsRequired[0], "renh") {
		t.Errorf("saved %+v", p)
	}
}

func TestCandidateForm_EveryFieldKindSaysWhatIsWrong(t *testing.T) {
	o := newOffice(t)
	tm := start(t, o.session(t, data.LocalLead(), i18n.EN), 110, 40)
	waitFor(t, tm, "Placements")
	press(tm, "2")
	waitFor(t, tm, "of 40")
	press(tm, "n")
	// Required text says so from the start; then a name.
	waitFor(t, tm, "New candidate", "a value is required")
	typeText(tm, "Åse Ødegård 😀")
	press(tm, "tab", "right", "tab", "tab", "tab", "tab") // programme: from annet round to KVP; status, specialist, district
	// Date.
	typeText(tm, "2026-13-01")
	waitFor(t, tm, "date must be YYYY-MM-DD")
	retype(tm, "2026-11-01")
	press(tm, "tab", "tab", "right", "right", "tab", "tab", "tab") // ref; oral A2; written; other languages; skills
	typeText(tm, "renhold")
	press(tm, "tab", "tab", "tab", "tab") // goals, goal occupations, …
	// Schedule and a number out of range.
	typeText(tm, "man-fre 09:00")
	waitFor(t, tm, "time must be HH:MM")
	retype(tm, "man-fre 09:00-14:00")
	waitFor(t, tm, "25 h a week")
	press(tm, "tab")
	typeText(tm, "100")
	waitFor(t, tm, "must be between 0 and 80")
	retype(tm, "25")
	press(tm, "ctrl+s")
	waitFor(t, tm, "Saved K-0041")
	finish(t, tm)
	c, err := o.store.CandidateByRef(o.ctx, "K-0041")
	if err != nil {
		t.Fatal(err)
	}
	if c.Name != "Åse Ødegård 😀" || c.Programme != data.ProgrammeKVP || c.Registered != "2026-11-01" ||
		c.Availability.String() != "man-fre 09:00-14:00" || c.TargetHoursWeek == nil || *c.TargetHoursWeek != 25 ||
		c.Norwegian.String() != "A2/-" || len(c.Skills) != 1 {
		t.Errorf("saved %+v", c)
	}
}

func TestUnavailableForm_MarksACandidateUntilADate(t *testing.T) {
	o := newOffice(t)
	all, _ := o.store.Candidates(o.ctx, data.CandidateFilter{})
	target := all[0]
	tm := start(t, o.session(t, data.LocalLead(), i18n.NB), 110, 40)
	waitFor(t, tm, "Arbeidsboks")
	press(tm, "2", "/")
	typeText(tm, target.Ref)
	press(tm, "enter")
	waitFor(t, tm, "1 av 40")
	press(tm, "u")
	waitFor(t, tm, "Midlertidig utilgjengelig")
	retype(tm, "1. desember")
	waitFor(t, tm, "dato må skrives ÅÅÅÅ-MM-DD")
	retype(tm, "2026-12-01")
	press(tm, "enter")
	waitFor(t, tm, "Lagret "+target.Ref)
	finish(t, tm)
	c, _ := o.store.Candidate(o.ctx, target.ID)
	if c.UnavailableUntil != "2026-12-01" || !c.UnavailableOn(today) {
		t.Errorf("unavailable until %q", c.UnavailableUntil)
	}
}

func TestForms_EscAsksBeforeDiscardingAndMarketContactsMayNotEditCandidates(t *testing.T) {
	o := newOffice(t)
	mk := data.Actor{Name: "mk", Role: data.RoleMarket, Office: data.DefaultOffice}
	tm := start(t, o.session(t, mk, i18n.NB), 110, 40)
	waitFor(t, tm, "av 20")
	press(tm, "e")
	waitFor(t, tm, "Endre praksisplass")
	typeText(tm, " (endret)")
	press(tm, "esc")
	waitFor(t, tm, "Forkaste endringene?")
	press(tm, "n")
	press(tm, "esc")
	waitFor(t, tm, "Forkaste endringene?")
	press(tm, "j")
	waitFor(t, tm, "av 20")
	press(tm, "2")
	waitFor(t, tm, "av 40")
	press(tm, "n")
	waitFor(t, tm, "rollen din har ikke lov til dette")
	view := finish(t, tm)
	if strings.Contains(view, "Ny kandidat") || strings.Contains(view, "n ny") {
		t.Errorf("a market contact is offered a candidate form:\n%s", view)
	}
	list, _ := o.store.Placements(o.ctx, data.PlacementFilter{})
	for _, p := range list {
		if strings.Contains(p.Title, "(endret)") {
			t.Errorf("a discarded edit was saved: %s", p.Title)
		}
	}
}

func TestConflict_TwoSessionsSaveTheSamePlacementAndNothingIsLost(t *testing.T) {
	o := newOffice(t)
	first, _ := o.store.Placements(o.ctx, data.PlacementFilter{Status: []data.PlacementStatus{data.PlacementActive}, Page: data.Page{Limit: 1}})
	p := first[0]
	open := func(actor data.Actor) *teatest.TestModel {
		tm := start(t, o.session(t, actor, i18n.NB), 110, 40)
		waitFor(t, tm, "av 20")
		press(tm, "e")
		waitFor(t, tm, "Endre praksisplass")
		return tm
	}
	a := open(data.Actor{Name: "anne", Role: data.RoleMarket, Office: data.DefaultOffice})
	b := open(data.Actor{Name: "bjørn", Role: data.RoleSpecialist, Office: data.DefaultOffice})

	// Anne changes the seats and saves.
	press(a, "tab", "tab", "tab", "tab", "tab", "tab", "tab")
	waitFor(t, a, "Plasser")
	retype(a, "7")
	press(a, "ctrl+s")
	waitFor(t, a, "Lagret "+p.Ref)
	finish(t, a)

	// Bjørn, who opened the old version, changes the title and saves.
	retype(b, "Ny tittel fra Bjørn")
	press(b, "ctrl+s")
	waitFor(t, b, "Noen andre har lagret", "Plasser", "7", "Dine endringer", "Ny tittel fra Bjørn")
	stored, _ := o.store.Placement(o.ctx, p.ID)
	if stored.Title != p.Title || stored.Seats != 7 {
		t.Fatalf("the second save overwrote silently: %+v", stored)
	}
	// He reloads onto the new version with his edit on top, and saves.
	press(b, "r")
	waitFor(t, b, "Lastet inn den nye versjonen")
	press(b, "ctrl+s")
	waitFor(t, b, "Lagret "+p.Ref)
	finish(t, b)
	stored, _ = o.store.Placement(o.ctx, p.ID)
	if stored.Title != "Ny tittel fra Bjørn" || stored.Seats != 7 {
		t.Errorf("after reloading: title %q seats %d; want both changes", stored.Title, stored.Seats)
	}
}

const evilTitle = "Lurt \x1b]52;c;aGVpIGhlaQ==\x07tittel\x1b[2J med\r retur"

func TestEscapeInjection_NeitherFormNorImportReachesAnotherSession(t *testing.T) {
	o := newOffice(t)
	// Through CSV import.
	csv := "ref,title,employer,seats,schedule\nP-EVIL-1,\"" + evilTitle + "\",Ond AS,1,man 08:00-12:00\n"
	if _, err := data.ImportPlacements(o.ctx, o.store, data.CSV, strings.NewReader(csv)); err != nil {
		t.Fatal(err)
	}
	// Through a form, pasted.
	a := start(t, o.session(t, data.LocalLead(), i18n.NB), 110, 40)
	waitFor(t, a, "av 21")
	press(a, "n")
	waitFor(t, a, "Ny praksisplass")
	a.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(evilTitle + " 2"), Paste: true})
	press(a, "tab")
	typeText(a, "Ond AS")
	press(a, "tab", "tab", "tab", "tab", "tab", "tab")
	retype(a, "1")
	press(a, "tab", "tab", "tab", "tab", "tab", "tab", "tab", "tab")
	typeText(a, "man 08:00-12:00")
	press(a, "ctrl+s")
	waitFor(t, a, "Lagret")
	finish(t, a)

	b := start(t, o.session(t, data.Actor{Name: "b", Role: data.RoleSpecialist, Office: data.DefaultOffice}, i18n.NB), 140, 40)
	waitFor(t, b, "av 22")
	press(b, "/")
	typeText(b, "lurt")
	press(b, "enter")
	waitFor(t, b, "2 av 22")
	press(b, "enter")
	waitFor(t, b, "Kontaktperson")
	view := finish(t, b)
	for _, bad := range []string{"\x1b", "\x07", "\r", "]52;", "[2J"} {
		if strings.Contains(view, bad) {
			t.Errorf("the other session's screen holds %q:\n%q", bad, view)
		}
	}
	if !strings.Contains(view, "Lurt tittel med retur") {
		t.Errorf("the cleaned title is not shown:\n%s", view)
	}
	list, _ := o.store.Placements(context.Background(), data.PlacementFilter{Text: "lurt"})
	for _, p := range list {
		if strings.ContainsAny(p.Title, "\x1b\x07\r") {
			t.Errorf("stored title %q", p.Title)
		}
	}
}

// huh moves focus through messages; keys typed before the move lands must
// still reach the field moved to.
func TestForms_KeysTypedAheadOfAFieldChangeReachTheNextField(t *testing.T) {
	o := newOffice(t)
	tm := start(t, o.session(t, data.LocalLead(), i18n.NB), 110, 40)
	waitFor(t, tm, "av 20")
	press(tm, "n")
	waitFor(t, tm, "Ny praksisplass")
	for _, k := range []tea.KeyType{tea.KeyTab, tea.KeyTab, tea.KeyRight, tea.KeyTab, tea.KeyTab, tea.KeyRight} {
		tm.Send(tea.KeyMsg{Type: k})
	}
	waitFor(t, tm, "← arbeidstrening →")
	view := finish(t, tm)
	if !strings.Contains(view, "kommunal") {
		t.Errorf("the sector did not get its key:\n%s", view)
	}
}

func TestAuditTab_LeadsEraseAPersonAndBrowseTheLog(t *testing.T) {
	o := newOffice(t)
	all, _ := o.store.Candidates(o.ctx, data.CandidateFilter{})
	target := all[3]
	tm := start(t, o.session(t, data.LocalLead(), i18n.NB), 120, 40)
	waitFor(t, tm, "7 Logg")
	press(tm, "2", "/")
	typeText(tm, target.Ref)
	press(tm, "enter")
	waitFor(t, tm, "1 av 40")
	press(tm, "enter")
	waitFor(t, tm, "Tilgjengelig")
	press(tm, "X")
	waitFor(t, tm, "Slette personopplysningene til")
	press(tm, "2")
	waitFor(t, tm, "Personopplysningene er slettet", "SLETTET-")
	press(tm, "esc", "esc", "7")
	waitFor(t, tm, "anonymisert", "kandidat SLETTET-")
	press(tm, "/")
	waitFor(t, tm, "Filtrer loggen")
	press(tm, "tab")
	typeText(tm, "finnes-ikke")
	press(tm, "ctrl+s")
	waitFor(t, tm, "ingen praksisplass eller kandidat har ref")
	finish(t, tm)
	c, _ := o.store.Candidate(o.ctx, target.ID)
	if !c.Erased || c.Name != "" {
		t.Errorf("after X: %+v", c)
	}

	mk := data.Actor{Name: "mk", Role: data.RoleMarket, Office: data.DefaultOffice}
	tm = start(t, o.session(t, mk, i18n.NB), 120, 40)
	waitFor(t, tm, "av 20")
	press(tm, "7")
	view := finish(t, tm)
	if strings.Contains(view, "Logg") || strings.Contains(view, "anonymisert") {
		t.Errorf("a market contact sees the audit log:\n%s", view)
	}
}

// Filtering the log by a person's ref shows what happened to their
// utplasseringer too: who proposed them where.
func TestAuditTab_APersonsRefShowsTheirUtplasseringer(t *testing.T) {
	o := newOffice(t)
	us, err := o.store.Utplasseringer(o.ctx, data.UtplasseringFilter{})
	if err != nil || len(us) == 0 {
		t.Fatalf("no utplasseringer in the demo office: %v", err)
	}
	u := us[0]
	tm := start(t, o.session(t, data.LocalLead(), i18n.NB), 120, 40)
	waitFor(t, tm, "7 Logg")
	press(tm, "7")
	waitFor(t, tm, "oppføringer")
	press(tm, "/")
	waitFor(t, tm, "Filtrer loggen")
	press(tm, "tab")
	typeText(tm, u.CandidateRef)
	sc := newScreen(t, tm)
	sc.keys("ctrl+s")
	sc.wait("utplassering " + u.CandidateRef + " → " + u.PlacementRef)
	view := finish(t, tm)
	if !strings.Contains(view, "utplassering "+u.CandidateRef+" → "+u.PlacementRef) {
		t.Fatalf("the filtered log lacks the person's utplassering:\n%s", view)
	}
	for _, line := range strings.Split(view, "\n") {
		if strings.Contains(line, " K-") && !strings.Contains(line, u.CandidateRef) {
			t.Errorf("the log filtered by %s shows someone else: %q", u.CandidateRef, line)
		}
	}
}

// New entries coming in at the top leave the selected entry selected.
func TestAuditTab_TheSelectedEntryStaysAsNewOnesArrive(t *testing.T) {
	o := newOffice(t)
	add := func(ref string) {
		t.Helper()
		c := data.NewCandidate()
		c.Ref, c.Name = ref, "Test "+ref
		c.Availability = matching.MustParseSchedule("man 08:00-12:00")
		if err := o.store.WithTx(o.ctx, func(tx data.Tx) error { return tx.SaveCandidate(o.ctx, &c) }); err != nil {
			t.Fatal(err)
		}
	}
	for _, ref := range []string{"K-T1", "K-T2", "K-T3", "K-T4"} {
		add(ref)
	}
	tm := start(t, o.session(t, data.LocalLead(), i18n.NB), 120, 40)
	sc := newScreen(t, tm)
	sc.wait("7 Logg")
	sc.keys("7")
	sc.wait("kandidat K-T4")
	sc.keys("j", "j") // K-T2
	add("K-T5")
	sc.wait("kandidat K-T5")
	sc.keys("enter")
	sc.wait("ny · kandidat")
	if view := finish(t, tm); !strings.Contains(view, "ny · kandidat K-T2") {
		t.Errorf("the entry shown is not K-T2's, the one selected:\n%s", view)
	}
}

// A placement registered by the employer's own title gets its occupation
// code from the same resolver the import uses.
func TestPlacementForm_TitleResolvesToAnOccupation(t *testing.T) {
	o := newOffice(t)
	klass := `{"classificationItems": [
		{"code": "9", "level": "1", "name": "Renholdere, hjelpearbeidere mv.", "parentCode": ""},
		{"code": "91", "level": "2", "name": "Renholdere mv.", "parentCode": "9"},
		{"code": "911", "level": "3", "name": "Renholdere", "parentCode": "91"},
		{"code": "9112", "level": "4", "name": "Renholdere i virksomheter", "parentCode": "911"},
		{"code": "5", "level": "1", "name": "Salgs- og serviceyrker", "parentCode": ""},
		{"code": "51", "level": "2", "name": "Serviceyrker", "parentCode": "5"},
		{"code": "512", "level": "3", "name": "Kokker", "parentCode": "51"},
		{"code": "5120", "level": "4", "name": "Kokker", "parentCode": "512"}]}`
	for _, file := range []string{klass, "title,codes\nRenholder,9112\nRengjøringsarbeider,9112\nKokk,5120\nStorkjøkkenkokk,5120\n"} {
		if _, _, err := data.ImportOccupations(o.ctx, o.store, []byte(file)); err != nil {
			t.Fatal(err)
		}
	}
	a := start(t, o.session(t, data.LocalLead(), i18n.NB), 110, 40)
	waitFor(t, a, "av 20")
	time.Sleep(200 * time.Millisecond) // the snapshot with the classification
	press(a, "n")
	waitFor(t, a, "Ny praksisplass")
	typeText(a, "Renholder kveld")
	press(a, "tab")
	typeText(a, "Ren AS")
	press(a, "tab", "tab", "tab", "tab", "tab", "tab")
	retype(a, "1")
	press(a, "tab", "tab", "tab", "tab", "tab", "tab") // oral, written, requirements, required, trained, occupations
	typeText(a, "renholder")
	waitFor(t, a, "9112 Renholdere i virksomheter")
	press(a, "tab", "tab")
	typeText(a, "man-fre 16:00-20:00")
	press(a, "ctrl+s")
	waitFor(t, a, "Lagret")
	finish(t, a)
	all, _ := o.store.Placements(o.ctx, data.PlacementFilter{Text: "Renholder kveld"})
	if len(all) != 1 || len(all[0].Occupations) != 1 || all[0].Occupations[0] != "9112" {
		t.Fatalf("saved %+v", all)
	}
}
