package server_test

import (
	"strings"
	"testing"
	"time"

	"arbeidsboks/data"
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
	tm := newTmux(t)
	chair := tm.open("chair", 120, 40, ts.openSSH(t, kari.keyPath, "-tt", "127.0.0.1"))
	follower := tm.open("follower", 120, 40, ts.openSSH(t, ola.keyPath, "-tt", "127.0.0.1"))

	chair.expect(kari.header())
	chair.keys("5", "n")
	chair.expect("kandidat 1 av", "0 vedtak")
	follower.expect(ola.header())
	follower.keys("5")
	follower.expect("Inntaksmøte 20")
	follower.keys("Enter")
	follower.expect("Du følger Kari Nordmann", "kandidat 1 av")

	chair.keys("s")
	decided := time.Now()
	follower.expect("kandidat 2 av", "1 vedtak")
	t.Logf("the follower saw the decision after %v", time.Since(decided).Round(10*time.Millisecond))

	follower.keys("d")
	follower.expect("Bare møtelederen (Kari Nordmann) bestemmer.")
	meetings, err := o.lead().Meetings(o.ctx)
	if err != nil || len(meetings) != 1 {
		t.Fatalf("meetings: %v %v", meetings, err)
	}
	m, _ := o.lead().Meeting(o.ctx, meetings[0].ID)
	if m.Items[1].Decision != "" {
		t.Fatalf("a follower's key decided: %+v", m.Items[1])
	}

	chair.keys("o")
	chair.expect("Gi møteledelsen til")
	chair.keys("1")
	chair.expect("Du følger Ola Spesialist")
	follower.keys("d")
	chair.expect("2 vedtak")
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
