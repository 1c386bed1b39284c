package main

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

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

var freeSeatRow = regexp.MustCompile(`(?m)^\s*(\d+) .*\s(\d+)/(\d+) (P-[A-ZÆØÅ]+-\d+)\s*$`)

func TestBinary_AJobSpecialistsRoundInTmux(t *testing.T) {
	bin := buildBinary(t)
	home := t.TempDir()
	tm := testtool.NewTmux(t).Open("main", 120, 36, []string{"env", "XDG_DATA_HOME=" + home, bin, "--demo"})

	// Arbeidsboks: filter by renhold and open a placement.
	tm.Expect("1 Arbeidsboks", "av 60")
	tm.Keys("/")
	tm.Text("renhold")
	tm.Keys("Enter")
	tm.Expect("/renhold")
	tm.Keys("Enter")
	details := tm.Expect("Kontaktperson", "Arbeidstid", "I plassen nå")
	if !strings.Contains(strings.ToLower(details), "renhold") {
		t.Errorf("the opened placement has nothing of renhold:\n%s", details)
	}

	// Kandidater: a new candidate, their details, their matches.
	tm.Keys("Escape", "2", "a")
	tm.Expect("status: ny")
	tm.Keys("Enter")
	tm.Expect("Tilgjengelig", "Historikk")
	tm.Keys("m")
	screen := tm.Expect("Praksisplasser for")

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
		tm.Keys("j")
	}
	free, _ := strconv.Atoi(row[2])
	ref := row[4]
	tm.Keys("p")
	tm.Expect("Foreslått:", ref)
	tm.Expect(fmt.Sprintf("%d/%s %s", free-1, row[3], ref)) // the seat count falls at once

	// Utplasseringer: the new proposal is first; move it to startet.
	tm.Keys("4")
	tm.Expect("foreslått")
	tm.Keys("g", "l")
	tm.Expect(ref + ": kontaktet")
	tm.Keys("l")
	tm.Expect(ref + ": avklaringsmøte")
	tm.Keys("l")
	tm.Expect(ref + ": startet")

	tm.Keys("q")
	tm.Expect("[exited 0]")
}
