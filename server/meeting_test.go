package server_test

import (
	"strings"
	"testing"
	"time"

	"arbeidsboks/data"
	"arbeidsboks/internal/testtool"
	"arbeidsboks/server"
	"arbeidsboks/tui/i18n"
)

// Two people in one triage meeting over SSH: the chair decides and the
// follower's screen shows it at once; the follower's keys cannot decide;
// after a hand-over the follower chairs.
func TestSSH_MeetingChairAndFollower(t *testing.T) {
	o := newOffice(t, 20, 40)
	kari := o.addUser(t, "Kari Nordmann", data.RoleLead)
	ola := o.addUser(t, "Ola Spesialist", data.RoleSpecialist)
	ts := startServer(t, o, server.Config{Lang: i18n.NB})
	tm := testtool.NewTmux(t)
	chair := tm.Open("chair", 120, 40, ts.openSSH(t, kari.keyPath, "-tt", "127.0.0.1"))
	follower := tm.Open("follower", 120, 40, ts.openSSH(t, ola.keyPath, "-tt", "127.0.0.1"))

	chair.Expect(kari.header())
	chair.Keys("5", "n")
	chair.Expect("kandidat 1 av", "0 vedtak")
	follower.Expect(ola.header())
	follower.Keys("5")
	follower.Expect("Inntaksmøte 20")
	follower.Keys("Enter")
	follower.Expect("Du følger Kari Nordmann", "kandidat 1 av")

	chair.Keys("s")
	decided := time.Now()
	follower.Expect("kandidat 2 av", "1 vedtak")
	t.Logf("the follower saw the decision after %v", time.Since(decided).Round(10*time.Millisecond))

	follower.Keys("d")
	follower.Expect("Bare møtelederen (Kari Nordmann) bestemmer.")
	meetings, err := o.lead().Meetings(o.ctx)
	if err != nil || len(meetings) != 1 {
		t.Fatalf("meetings: %v %v", meetings, err)
	}
	m, _ := o.lead().Meeting(o.ctx, meetings[0].ID)
	if m.Items[1].Decision != "" {
		t.Fatalf("a follower's key decided: %+v", m.Items[1])
	}

	chair.Keys("o")
	chair.Expect("Gi møteledelsen til")
	chair.Keys("1")
	chair.Expect("Du følger Ola Spesialist")
	follower.Keys("d")
	chair.Expect("2 vedtak")
	m, _ = o.lead().Meeting(o.ctx, meetings[0].ID)
	if m.Chair != ola.name || m.Items[1].Decision != data.DecisionDeferred || m.Items[1].DecidedBy != ola.name {
		t.Fatalf("after the hand-over: chair %s, %+v", m.Chair, m.Items[1])
	}
	for _, p := range []string{kari.name, ola.name} {
		if !strings.Contains(strings.Join(m.Participants, ","), p) {
			t.Errorf("participants %v lack %s", m.Participants, p)
		}
	}
}
