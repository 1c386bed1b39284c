package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestCandidates_ShowAndEraseFromTheCommandLine(t *testing.T) {
	c := newCLI(t)
	db := c.path("office.db")
	c.ok("--db", db, "import", "candidates", c.write("k.csv",
		"ref,name,availability,notes\nK-77,Åsne Zyxwvø,man-fre 09:00-15:00,Snakket med Åsne\n"))

	var rec struct {
		Candidate map[string]any   `json:"candidate"`
		Audit     []map[string]any `json:"audit"`
	}
	out := c.ok("--db", db, "candidates", "show", "K-77", "--json")
	if err := json.Unmarshal([]byte(out), &rec); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if rec.Candidate["name"] != "Åsne Zyxwvø" || rec.Candidate["notes"] != "Snakket med Åsne" || len(rec.Audit) == 0 {
		t.Errorf("show = %s", out)
	}

	// Without --yes it asks; no answer erases nothing.
	code, _, errOut := c.run("--db", db, "candidates", "erase", "K-77")
	if code != exitError || !strings.Contains(errOut, "Skriv ja") || !strings.Contains(errOut, "ingenting er slettet") {
		t.Errorf("erase without an answer: exit %d\n%s", code, errOut)
	}
	out = c.ok("--db", db, "candidates", "erase", "K-77", "--yes")
	if !strings.Contains(out, "SLETTET-") {
		t.Errorf("erase = %q", out)
	}
	if code, _, errOut := c.run("--db", db, "candidates", "show", "K-77", "--json"); code != exitError || !strings.Contains(errOut, "K-77") {
		t.Errorf("the old ref still finds the person: exit %d %s", code, errOut)
	}
	newRef := strings.TrimSpace(out[strings.Index(out, "SLETTET-"):])
	shown := c.ok("--db", db, "candidates", "show", newRef, "--json")
	if strings.Contains(shown, "Zyxwv") || strings.Contains(shown, "Snakket") {
		t.Errorf("the stub still holds personal data:\n%s", shown)
	}
}

func TestCandidates_EraseIsForTeamLeads(t *testing.T) {
	c := newCLI(t)
	db := c.path("office.db")
	c.ok("--db", db, "import", "candidates", c.write("k.csv", "ref,name,availability\nK-1,Kari,man 09:00-12:00\n"))
	c.ok("--db", db, "users", "add", "--name", "mk", "--role", "markedskontakt", "--key", newKey(t))
	code, _, errOut := c.run("--db", db, "--as", "mk", "candidates", "erase", "K-1", "--yes")
	if code != exitError || !strings.Contains(errOut, "rollen din har ikke lov") {
		t.Errorf("a market contact erases: exit %d %s", code, errOut)
	}
	code, _, _ = c.run("--db", db, "--as", "mk", "candidates", "show", "K-1", "--json")
	if code != exitError {
		t.Errorf("a market contact reads a person's whole record: exit %d", code)
	}
}
