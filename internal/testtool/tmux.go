package testtool

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Tmux is a tmux server of the test's own, with one session per terminal;
// it is killed when the test ends.
type Tmux struct {
	tb     testing.TB
	bin    string
	socket string
}

// NewTmux starts nothing yet: Open starts the server with its first
// terminal. It skips the test (fails in CI) when tmux is missing.
func NewTmux(tb testing.TB) *Tmux {
	tb.Helper()
	tm := &Tmux{tb: tb, bin: Program(tb, "tmux", "tmux"),
		socket: fmt.Sprintf("ab-test-%d-%d", os.Getpid(), time.Now().UnixNano()%1e9)}
	tb.Cleanup(func() { exec.Command(tm.bin, "-L", tm.socket, "kill-server").Run() })
	return tm
}

func (tm *Tmux) run(args ...string) string {
	tm.tb.Helper()
	out, err := exec.Command(tm.bin, append([]string{"-L", tm.socket}, args...)...).CombinedOutput()
	if err != nil {
		tm.tb.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// Terminal is one tmux session running a command, as a person's terminal.
type Terminal struct {
	tm   *Tmux
	name string
}

// Open starts argv in a new terminal of the given size; when it ends the
// terminal shows "[exited N]". Environment variables go in front as
// "env", "NAME=value", …
func (tm *Tmux) Open(name string, width, height int, argv []string) *Terminal {
	tm.tb.Helper()
	quoted := make([]string, len(argv))
	for i, a := range argv {
		quoted[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
	}
	shell := "TERM=xterm-256color " + strings.Join(quoted, " ") + `; echo "[exited $?]"; sleep 60`
	tm.run("new-session", "-d", "-s", name, "-x", strconv.Itoa(width), "-y", strconv.Itoa(height), shell)
	return &Terminal{tm: tm, name: name}
}

// Keys types tmux key names one at a time, as a person would.
func (t *Terminal) Keys(keys ...string) {
	for _, k := range keys {
		t.tm.run("send-keys", "-t", t.name, k)
		time.Sleep(60 * time.Millisecond)
	}
}

// Text types literal text.
func (t *Terminal) Text(s string) {
	t.tm.run("send-keys", "-t", t.name, "-l", s)
	time.Sleep(100 * time.Millisecond)
}

// Screen is what the terminal shows now.
func (t *Terminal) Screen() string { return t.tm.run("capture-pane", "-p", "-t", t.name) }

// Expect waits up to ten seconds until the screen shows every text, and
// returns the screen.
func (t *Terminal) Expect(texts ...string) string {
	t.tm.tb.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		screen := t.Screen()
		missing := FirstMissing(screen, texts...)
		if missing == "" {
			return screen
		}
		if time.Now().After(deadline) {
			t.tm.tb.Fatalf("terminal %s never showed %q:\n%s", t.name, missing, screen)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
