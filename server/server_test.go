package server_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"arbeidsboks/data"
	"arbeidsboks/internal/testtool"
	"arbeidsboks/matching"
	"arbeidsboks/server"
	"arbeidsboks/tui/common"
	"arbeidsboks/tui/i18n"

	tea "github.com/charmbracelet/bubbletea"
	gossh "golang.org/x/crypto/ssh"
)

var nb = i18n.New(i18n.NB)

func TestSSH_RegisteredKeyGetsTheUI(t *testing.T) {
	o := newOffice(t, 20, 40)
	kari := o.addUser(t, "Kari Nordmann", data.RoleSpecialist)
	ts := startServer(t, o, server.Config{Lang: i18n.NB})

	term := testtool.NewTmux(t).Open("kari", 120, 32, ts.openSSH(t, kari.keyPath, "-tt", "127.0.0.1"))
	term.Expect(kari.header(), "1 Arbeidsboks", "2 Kandidater", "av 20")
	term.Keys("q")
	term.Expect("[exited 0]")

	// The log says who connected from where and for how long.
	waitLog(t, ts, "session", `user="Kari Nordmann"`, "role=jobbspesialist", "addr=127.0.0.1", "duration=")
}

// waitLog waits until one line of the server's log holds every text.
func waitLog(t *testing.T, ts *testServer, texts ...string) string {
	t.Helper()
	deadline := time.Now().Add(eventually)
	for {
		for _, line := range strings.Split(ts.log.String(), "\n") {
			all := true
			for _, text := range texts {
				all = all && strings.Contains(line, text)
			}
			if all {
				return line
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no line of the server's log holds all of %q:\n%s", texts, ts.log.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestSSH_UnknownKeyIsRefused(t *testing.T) {
	o := newOffice(t, 20, 40)
	o.addUser(t, "Kari Nordmann", data.RoleSpecialist)
	ts := startServer(t, o, server.Config{Lang: i18n.NB})
	_, strangerKey := newKey(t)

	out, code := ts.runOpenSSH(t, strangerKey, "-tt", "127.0.0.1")
	if code != 255 || !strings.Contains(out, "Permission denied (publickey)") {
		t.Fatalf("an unknown key: exit %d, %q; want 255 and Permission denied (publickey)", code, out)
	}
	if n := ts.Sessions(); n != 0 {
		t.Errorf("%d sessions after a refused key; no UI may start", n)
	}
	if strings.Contains(ts.log.String(), "session") {
		t.Errorf("a refused key got a session:\n%s", ts.log.String())
	}
}

func TestSSH_DeactivatedUsersKeyIsRefused(t *testing.T) {
	o := newOffice(t, 20, 40)
	kari := o.addUser(t, "Kari Nordmann", data.RoleSpecialist)
	err := o.lead().WithTx(o.ctx, func(tx data.Tx) error { return tx.DeactivateUser(o.ctx, kari.name) })
	if err != nil {
		t.Fatal(err)
	}
	ts := startServer(t, o, server.Config{Lang: i18n.NB})
	out, code := ts.runOpenSSH(t, kari.keyPath, "-tt", "127.0.0.1")
	if code != 255 || !strings.Contains(out, "Permission denied (publickey)") {
		t.Fatalf("a deactivated user's key: exit %d, %q; want 255 and Permission denied (publickey)", code, out)
	}
}

func TestSSH_PasswordAndKeyboardInteractiveAreRefused(t *testing.T) {
	o := newOffice(t, 20, 40)
	kari := o.addUser(t, "Kari Nordmann", data.RoleSpecialist)
	ts := startServer(t, o, server.Config{Lang: i18n.NB})

	// OpenSSH asked to use only passwords and keyboard-interactive: the
	// server offers public keys alone.
	out, code := ts.runOpenSSH(t, kari.keyPath, "-o", "PubkeyAuthentication=no",
		"-o", "PreferredAuthentications=keyboard-interactive,password", "-tt", "127.0.0.1")
	if code != 255 || !strings.Contains(out, "Permission denied (publickey)") {
		t.Fatalf("password and keyboard-interactive: exit %d, %q; want 255 and Permission denied (publickey)", code, out)
	}

	asked := false
	challenge := func(name, instruction string, questions []string, echos []bool) ([]string, error) {
		asked = true
		return make([]string, len(questions)), nil
	}
	for name, auth := range map[string]gossh.AuthMethod{
		"password":             gossh.Password("hemmelig"),
		"keyboard-interactive": gossh.KeyboardInteractive(challenge),
	} {
		client, err := dial(ts.addr, auth)
		if err == nil {
			client.Close()
			t.Errorf("%s authentication got in", name)
		}
	}
	if asked {
		t.Error("the server asked keyboard-interactive questions")
	}
}

func TestSSH_NoPTYGetsOneClearLine(t *testing.T) {
	o := newOffice(t, 20, 40)
	kari := o.addUser(t, "Kari Nordmann", data.RoleSpecialist)
	ts := startServer(t, o, server.Config{Lang: i18n.NB})

	out, code := ts.runOpenSSH(t, kari.keyPath, "-T", "127.0.0.1")
	if got, want := strings.TrimSpace(out), nb.T("server.no_pty"); got != want || code != 1 {
		t.Fatalf("ssh -T: exit %d, %q; want exit 1 and the one line %q", code, out, want)
	}
}

// lyingSigner offers a key it cannot sign for: the server accepts the key
// when asked, then gets a signature it cannot use. x/crypto's server
// answers that with a failure and lets the client go on with other keys
// (a signature that merely does not verify would end the connection).
type lyingSigner struct{ offered gossh.PublicKey }

func (s lyingSigner) PublicKey() gossh.PublicKey { return s.offered }

func (s lyingSigner) Sign(rand io.Reader, data []byte) (*gossh.Signature, error) {
	return &gossh.Signature{Format: gossh.KeyAlgoRSASHA256, Blob: make([]byte, 64)}, nil
}

func TestSSH_OfferedKeyBypassIsRefused(t *testing.T) {
	o := newOffice(t, 20, 40)
	lead := o.addUser(t, "Liv Leder", data.RoleLead)
	market := o.addUser(t, "Mats Marked", data.RoleMarket)
	ts := startServer(t, o, server.Config{Lang: i18n.NB})
	offerLead := lyingSigner{offered: lead.signer.PublicKey()}

	// The team lead's key, offered without its private half, gets nobody in.
	if client, err := dial(ts.addr, gossh.PublicKeys(offerLead)); err == nil {
		client.Close()
		t.Fatal("a key offered without its private half got in")
	}

	// OpenSSH with the lead's public key alone (no private half) asks
	// whether the server would take it, hears yes, cannot sign, and signs
	// in with the market contact's key on the same connection.
	t.Run("OpenSSH asks about the lead's key, then signs with its own", func(t *testing.T) {
		dir := t.TempDir()
		leadPub := filepath.Join(dir, "lead.pub")
		if err := os.WriteFile(leadPub, []byte(authorizedKey(lead.signer.PublicKey())+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		debug := filepath.Join(dir, "ssh.log")
		term := testtool.NewTmux(t).Open("probe", 100, 30,
			ts.openSSH(t, leadPub, "-i", market.keyPath, "-v", "-E", debug, "-tt", "127.0.0.1"))
		screen := term.Expect(market.header(), "1 Arbeidsboks")
		if strings.Contains(screen, lead.name) {
			t.Fatalf("the session shows the team lead's name:\n%s", screen)
		}
		if trace, _ := os.ReadFile(debug); !strings.Contains(string(trace), "Server accepts key: "+leadPub) {
			t.Fatalf("OpenSSH never asked about the lead's key:\n%s", trace)
		}
		term.Keys("q")
		term.Expect("[exited 0]")
	})

	for name, signers := range map[string][]gossh.Signer{
		"lead's key offered first": {offerLead, market.signer},
		// The market contact's key is looked up first, so that a cache of
		// looked-up keys would answer for it at the end.
		"market contact's key looked up before the lead's": {
			lyingSigner{offered: market.signer.PublicKey()}, offerLead, market.signer},
	} {
		t.Run(name, func(t *testing.T) {
			p := openPTY(t, ts.addr, 100, 30, gossh.PublicKeys(signers...))
			p.waitFor(t, 0, market.header(), "1 Arbeidsboks")
			if strings.Contains(p.text(), lead.name) {
				t.Fatalf("the session shows the team lead's name:\n%s", p.text())
			}
			p.close()
			line := waitLog(t, ts, "session", `user="Mats Marked"`)
			if strings.Contains(line, lead.name) {
				t.Errorf("the log names the team lead: %s", line)
			}
		})
	}
}

func TestSSH_TwoSessionsSeeEachOthersProposal(t *testing.T) {
	o := newOffice(t, 20, 40)
	kari := o.addUser(t, "Kari Nordmann", data.RoleSpecialist)
	mats := o.addUser(t, "Mats Marked", data.RoleMarket)
	cand, place := o.proposable(t)
	ts := startServer(t, o, server.Config{Lang: i18n.NB})
	tm := testtool.NewTmux(t)
	proposer := tm.Open("kari", 120, 32, ts.openSSH(t, kari.keyPath, "-tt", "127.0.0.1"))
	watcher := tm.Open("mats", 120, 32, ts.openSSH(t, mats.keyPath, "-tt", "127.0.0.1"))

	// The watcher lists only the placement: its free seats show.
	watcher.Expect(mats.header(), "av 20")
	watcher.Keys("/")
	watcher.Text(place.Ref)
	watcher.Keys("Enter")
	before := common.Seats(&place)
	watcher.Expect("1 av 20", before)

	// The proposer finds the candidate and proposes their best match.
	proposer.Expect(kari.header(), "av 20")
	proposer.Keys("2", "/")
	proposer.Text(cand.Ref)
	proposer.Keys("Enter")
	proposer.Expect("1 av 40")
	proposer.Keys("m")
	proposer.Expect("Praksisplasser for", place.Ref)
	proposer.Keys("p")
	proposed := time.Now()
	proposer.Expect("Foreslått: " + cand.Ref + " → " + place.Ref)

	// The watcher's count falls without a keypress.
	after := place
	after.Taken++
	screen := watcher.Expect(common.Seats(&after))
	t.Logf("the other session showed %s → %s after %v", before, common.Seats(&after), time.Since(proposed).Round(10*time.Millisecond))
	if strings.Contains(screen, before) {
		t.Errorf("the other session shows both counts:\n%s", screen)
	}

	// The store has it as the proposer's, and the log holds no candidate data.
	u, err := o.lead().Utplasseringer(o.ctx, data.UtplasseringFilter{CandidateID: cand.ID, SeatHolding: true})
	if err != nil || len(u) != 1 || u[0].CreatedBy != kari.name {
		t.Fatalf("utplasseringer of %s: %+v, %v; want one by %s", cand.Ref, u, err, kari.name)
	}
	proposer.Keys("q")
	watcher.Keys("q")
	proposer.Expect("[exited 0]")
	watcher.Expect("[exited 0]")
	waitLog(t, ts, "session", `user="Mats Marked"`)
	if logs := ts.log.String(); strings.Contains(logs, cand.Name) || strings.Contains(logs, cand.Ref) {
		t.Errorf("the server's log names the candidate:\n%s", logs)
	}
}

// panicky is the root model with a fault injected: a key makes it panic in
// Update, in View, or in the command Update returns.
type panicky struct {
	inner tea.Model
	where string
	armed bool
}

const panicKey = "Z"

func (m *panicky) Init() tea.Cmd { return m.inner.Init() }

func (m *panicky) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && k.String() == panicKey {
		switch m.where {
		case "update":
			panic("injected fault in Update")
		case "view":
			m.armed = true
			return m, nil
		case "command":
			return m, func() tea.Msg { panic("injected fault in a command") }
		}
	}
	var cmd tea.Cmd
	m.inner, cmd = m.inner.Update(msg)
	return m, cmd
}

func (m *panicky) View() string {
	if m.armed {
		panic("injected fault in View")
	}
	return m.inner.View()
}

func TestSSH_PanicEndsOnlyItsSession(t *testing.T) {
	o := newOffice(t, 20, 40)
	kari := o.addUser(t, "Kari Nordmann", data.RoleSpecialist)
	mats := o.addUser(t, "Mats Marked", data.RoleMarket)
	ts := startServer(t, o, server.Config{Lang: i18n.NB,
		Wrap: func(m tea.Model) tea.Model { return &panicky{inner: m, where: "update"} }})
	tm := testtool.NewTmux(t)
	failing := tm.Open("kari", 120, 32, ts.openSSH(t, kari.keyPath, "-tt", "127.0.0.1"))
	other := tm.Open("mats", 120, 32, ts.openSSH(t, mats.keyPath, "-tt", "127.0.0.1"))
	failing.Expect(kari.header(), "av 20")
	other.Expect(mats.header(), "av 20")

	failing.Keys(panicKey)
	failing.Expect(nb.T("server.crashed"), "[exited")
	waitLog(t, ts, "session panicked", `user="Kari Nordmann"`)

	// The other session goes on: keys work and changes still arrive.
	other.Keys("2")
	other.Expect("av 40")
	p := data.NewPlacement()
	p.Ref, p.Title, p.Employer, p.Seats = "P-NY-01", "Sykkelreparatør", "Tøyen Sykkelverksted", 2
	p.Schedule = matching.MustParseSchedule("man-fre 09:00-15:00")
	if err := o.lead().WithTx(o.ctx, func(tx data.Tx) error { return tx.SavePlacement(o.ctx, &p) }); err != nil {
		t.Fatal(err)
	}
	other.Keys("1")
	other.Expect("Sykkelreparatør", "av 21")
	other.Keys("q")
	other.Expect("[exited 0]")
}

// Every kind of fault in a session's UI ends that session with the line
// that says so, and is logged.
func TestServer_PanicAnywhereInTheUIEndsTheSessionWithALine(t *testing.T) {
	for _, where := range []string{"update", "view", "command"} {
		t.Run(where, func(t *testing.T) {
			o := newOffice(t, 20, 40)
			kari := o.addUser(t, "Kari Nordmann", data.RoleSpecialist)
			ts := startServer(t, o, server.Config{Lang: i18n.NB,
				Wrap: func(m tea.Model) tea.Model { return &panicky{inner: m, where: where} }})
			p := openPTY(t, ts.addr, 100, 30, gossh.PublicKeys(kari.signer))
			p.waitFor(t, 0, kari.header())
			mark := p.out.Len()
			p.send(panicKey)
			p.waitFor(t, mark, nb.T("server.crashed"))
			p.waitEnd(t)
			waitLog(t, ts, "session panicked", `user="Kari Nordmann"`)
		})
	}
}

func TestServer_ShutdownSaysGoodbyeAndReturns(t *testing.T) {
	o := newOffice(t, 20, 40)
	kari := o.addUser(t, "Kari Nordmann", data.RoleSpecialist)
	mats := o.addUser(t, "Mats Marked", data.RoleMarket)
	ts := startServer(t, o, server.Config{Lang: i18n.NB})
	sessions := []*ptyClient{
		openPTY(t, ts.addr, 100, 30, gossh.PublicKeys(kari.signer)),
		openPTY(t, ts.addr, 100, 30, gossh.PublicKeys(mats.signer)),
	}
	sessions[0].waitFor(t, 0, kari.header())
	sessions[1].waitFor(t, 0, mats.header())

	const limit = 5 * time.Second // what `serve` gives Shutdown
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	start := time.Now()
	if err := ts.Shutdown(ctx); err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	took := time.Since(start)
	t.Logf("Shutdown returned after %v", took.Round(time.Millisecond))
	if ctx.Err() != nil {
		t.Errorf("Shutdown waited for its deadline (%v): the sessions did not end by themselves", limit)
	}
	for _, p := range sessions {
		p.waitFor(t, 0, nb.T("server.goodbye"))
		p.waitEnd(t)
	}

	// A new connection is no longer taken.
	if client, err := dial(ts.addr, gossh.PublicKeys(kari.signer)); err == nil {
		client.Close()
		t.Error("the stopped server took a new connection")
	}
}

func TestServer_IdleSessionIsClosed(t *testing.T) {
	o := newOffice(t, 20, 40)
	kari := o.addUser(t, "Kari Nordmann", data.RoleSpecialist)
	mats := o.addUser(t, "Mats Marked", data.RoleMarket)
	const idle = time.Second
	ts := startServer(t, o, server.Config{Lang: i18n.NB, IdleTimeout: idle})

	idler := openPTY(t, ts.addr, 100, 30, gossh.PublicKeys(kari.signer))
	typist := openPTY(t, ts.addr, 100, 30, gossh.PublicKeys(mats.signer))
	idler.waitFor(t, 0, kari.header())
	typist.waitFor(t, 0, mats.header())

	// The typist types for three idle periods; the idler does nothing.
	for i := range 15 {
		typist.send([]string{"j", "k"}[i%2])
		time.Sleep(idle / 5)
	}
	if typist.ended() {
		t.Fatal("a session that kept typing was closed as idle")
	}
	idler.waitEnd(t)
	if !strings.Contains(idler.text(), "uten tastetrykk") {
		t.Errorf("the idle session ended without saying why:\n%s", lastBytes(idler.text(), 400))
	}
}

// A session is idle when its user types nothing, however much the office
// changes on their screen meanwhile.
func TestServer_IdleSessionIsClosedWhileOthersWork(t *testing.T) {
	o := newOffice(t, 20, 40)
	kari := o.addUser(t, "Kari Nordmann", data.RoleSpecialist)
	const idle = time.Second
	ts := startServer(t, o, server.Config{Lang: i18n.NB, IdleTimeout: idle})
	idler := openPTY(t, ts.addr, 100, 30, gossh.PublicKeys(kari.signer))
	idler.waitFor(t, 0, kari.header(), "av 20")

	// Colleagues keep changing a placement that is on the idler's screen.
	list, err := o.lead().Placements(o.ctx, data.PlacementFilter{Status: []data.PlacementStatus{data.PlacementActive}})
	if err != nil || len(list) == 0 {
		t.Fatal("no placements", err)
	}
	ctx, stop := context.WithCancel(o.ctx)
	defer stop()
	busy := make(chan struct{})
	go func() {
		defer close(busy)
		p := list[0]
		for i := 0; ctx.Err() == nil; i++ {
			p.Title = []string{"Renholder A", "Renholder B"}[i%2]
			if err := o.lead().WithTx(ctx, func(tx data.Tx) error { return tx.SavePlacement(ctx, &p) }); err != nil {
				return
			}
			time.Sleep(idle / 5)
		}
	}()
	idler.waitEnd(t)
	stop()
	<-busy
}

func TestServer_MaxSessions(t *testing.T) {
	o := newOffice(t, 20, 40)
	kari := o.addUser(t, "Kari Nordmann", data.RoleSpecialist)
	ts := startServer(t, o, server.Config{Lang: i18n.NB, MaxSessions: 2})
	first := openPTY(t, ts.addr, 100, 30, gossh.PublicKeys(kari.signer))
	second := openPTY(t, ts.addr, 100, 30, gossh.PublicKeys(kari.signer))
	first.waitFor(t, 0, kari.header())
	second.waitFor(t, 0, kari.header())

	third := openPTY(t, ts.addr, 100, 30, gossh.PublicKeys(kari.signer))
	third.waitFor(t, 0, nb.T("server.full"))
	third.waitEnd(t)
	if strings.Contains(third.text(), kari.header()) {
		t.Errorf("the session past the limit got the UI:\n%s", third.text())
	}

	// When one leaves, the next gets in.
	first.send("q")
	first.waitEnd(t)
	deadline := time.Now().Add(eventually)
	for ts.Sessions() > 1 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	fourth := openPTY(t, ts.addr, 100, 30, gossh.PublicKeys(kari.signer))
	fourth.waitFor(t, 0, kari.header())
}

// One SSH connection may carry several sessions (OpenSSH's ControlMaster
// does): each is a UI of its own, and one that ends leaves nothing behind
// while the connection stays open.
func TestServer_SessionsSharingAConnectionAreSeparate(t *testing.T) {
	o := newOffice(t, 20, 40)
	kari := o.addUser(t, "Kari Nordmann", data.RoleSpecialist)
	ts := startServer(t, o, server.Config{Lang: i18n.NB,
		Wrap: func(m tea.Model) tea.Model { return &panicky{inner: m, where: "update"} }})
	client, err := dial(ts.addr, gossh.PublicKeys(kari.signer))
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	// A session without a PTY first, so that the connection's own
	// goroutines on both sides are running when they are counted.
	warmup, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	warmup.CombinedOutput("")
	baseline := settledGoroutines()

	failing, err := startPTY(client, 100, 30)
	if err != nil {
		t.Fatal(err)
	}
	other, err := startPTY(client, 100, 30)
	if err != nil {
		t.Fatal(err)
	}
	failing.waitFor(t, 0, kari.header())
	other.waitFor(t, 0, kari.header())

	failing.send(panicKey)
	failing.waitFor(t, 0, nb.T("server.crashed"))
	failing.waitEnd(t)

	mark := other.out.Len()
	other.send("2")
	other.waitFor(t, mark, "av 40")
	other.send("q")
	other.waitEnd(t)
	if strings.Contains(other.text(), nb.T("server.crashed")) {
		t.Errorf("the session that did not fail says it did:\n%s", other.text())
	}

	if err := goroutinesBackTo(baseline); err != nil {
		t.Fatalf("with the connection open and its sessions ended: %v", err)
	}
}

// An address that fails to log in too often is slowed down, never shut
// out: an office behind one NAT address still gets in with its keys.
func TestServer_FailedLoginsSlowAnAddressButDoNotShutItOut(t *testing.T) {
	o := newOffice(t, 20, 40)
	kari := o.addUser(t, "Kari Nordmann", data.RoleSpecialist)
	ts := startServer(t, o, server.Config{Lang: i18n.NB, MaxAuthFailures: 2})
	stranger, _ := newKey(t)
	for range 2 {
		if client, err := dial(ts.addr, gossh.PublicKeys(stranger)); err == nil {
			client.Close()
			t.Fatal("an unknown key got in")
		}
	}

	start := time.Now()
	p := openPTY(t, ts.addr, 100, 30, gossh.PublicKeys(kari.signer))
	p.waitFor(t, 0, kari.header())
	if took := time.Since(start); took < time.Second {
		t.Errorf("a registered key got in after %v from an address past its failures; want it slowed", took)
	}
}
