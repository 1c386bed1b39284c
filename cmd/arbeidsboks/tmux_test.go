package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"arbeidsboks/internal/testtool"
)

// buildBinary builds the real program once per test.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "arbeidsboks")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// terminal is the real binary running in a tmux pane.
type terminal struct {
	t      *testing.T
	tmux   string
	socket string
}

func newTerminal(t *testing.T, width, height int, env []string, command ...string) *terminal {
	t.Helper()
	tm := &terminal{t: t, tmux: testtool.Program(t, "tmux", "tmux"), socket: fmt.Sprintf("ab-test-%d", os.Getpid())}
	shell := strings.Join(append(env, "TERM=xterm-256color"), " ") + " " + strings.Join(command, " ")
	tm.run("new-session", "-d", "-s", "main", "-x", strconv.Itoa(width), "-y", strconv.Itoa(height), shell+`; echo "[exited $?]"; sleep 30`)
	t.Cleanup(func() { exec.Command(tm.tmux, "-L", tm.socket, "kill-server").Run() })
	return tm
}

func (tm *terminal) run(args ...string) string {
	out, err := exec.Command(tm.tmux, append([]string{"-L", tm.socket}, args...)...).CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// keys types tmux key names one at a time, as a person would.
func (tm *terminal) keys(keys ...string) {
	for _, k := range keys {
		tm.run("send-keys", "-t", "main", k)
		time.Sleep(60 * time.Millisecond)
	}
}

func (tm *terminal) text(s string) {
	tm.run("send-keys", "-t", "main", "-l", s)
	time.Sleep(100 * time.Millisecond)
}

func (tm *terminal) screen() string { return tm.run("capture-pane", "-p", "-t", "main") }

// expect waits until the screen shows every text, and returns it.
func (tm *terminal) expect(texts ...string) string {
	tm.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		screen := tm.screen()
		missing := ""
		for _, text := range texts {
			if !strings.Contains(screen, text) {
				missing = text
				break
			}
		}
		if missing == "" {
			return screen
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("the screen never showed %q:\n%s", missing, screen)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

var freeSeatRow = regexp.MustCompile(`(?m)^\s*(\d+) .*\s(\d+)/(\d+) (P-[A-ZÆØÅ]+-\d+)\s*$`)

func TestBinary_AJobSpecialistsRoundInTmux(t *testing.T) {
	bin := buildBinary(t)
	home := t.TempDir()
	tm := newTerminal(t, 120, 36, []string{"XDG_DATA_HOME=" + home}, bin, "--demo")

	// Arbeidsboks: filter by renhold and open a placement.
	tm.expect("1 Arbeidsboks", "av 60")
	tm.keys("/")
	tm.text("renhold")
	tm.keys("Enter")
	tm.expect("/renhold")
	tm.keys("Enter")
	details := tm.expect("Kontaktperson", "Arbeidstid", "I plassen nå")
	if !strings.Contains(strings.ToLower(details), "renhold") {
		t.Errorf("the opened placement has nothing of renhold:\n%s", details)
	}

	// Kandidater: a new candidate, their details, their matches.
	tm.keys("Escape", "2", "a")
	tm.expect("status: ny")
	tm.keys("Enter")
	tm.expect("Tilgjengelig", "Historikk")
	tm.keys("m")
	screen := tm.expect("Praksisplasser for")

	// Propose the best placement with a free seat.
	rows := freeSeatRow.FindAllStringSubmatch(screen, -1)
	target := -1
	for i, r := range rows {
		if free, _ := strconv.Atoi(r[2]); free > 0 {
			target = i
			break
		}
	}
	if target < 0 {
		t.Fatalf("no placement with a free seat among the matches:\n%s", screen)
	}
	row := rows[target]
	for range target {
		tm.keys("j")
	}
	free, _ := strconv.Atoi(row[2])
	ref := row[4]
	tm.keys("p")
	tm.expect("Foreslått:", ref)
	tm.expect(fmt.Sprintf("%d/%s %s", free-1, row[3], ref)) // the seat count falls at once

	// Utplasseringer: the new proposal is first; move it to startet.
	tm.keys("4")
	tm.expect("foreslått")
	tm.keys("g", "l")
	tm.expect(ref + ": kontaktet")
	tm.keys("l")
	tm.expect(ref + ": avklaringsmøte")
	tm.keys("l")
	tm.expect(ref + ": startet")

	tm.keys("q")
	tm.expect("[exited 0]")
}
