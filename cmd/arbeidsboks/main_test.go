package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"arbeidsboks/data"
	"arbeidsboks/data/sqlite"

	"golang.org/x/crypto/ssh"
)

func sqliteOpen(path string) (*sqlite.DB, error) { return sqlite.Open(context.Background(), path) }

// cli runs the program in-process with a private data directory.
type cli struct {
	t   *testing.T
	dir string
}

func newCLI(t *testing.T) *cli {
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", filepath.Join(dir, "xdg"))
	t.Setenv("ARBEIDSBOKS_DB", "")
	t.Setenv("ARBEIDSBOKS_USER", "")
	t.Setenv("ARBEIDSBOKS_LANG", "")
	return &cli{t: t, dir: dir}
}

func (c *cli) path(name string) string { return filepath.Join(c.dir, name) }

func (c *cli) write(name, content string) string {
	c.t.Helper()
	if err := os.WriteFile(c.path(name), []byte(content), 0o600); err != nil {
		c.t.Fatal(err)
	}
	return c.path(name)
}

func (c *cli) run(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

// ok runs and fails the test unless the command succeeds.
func (c *cli) ok(args ...string) string {
	c.t.Helper()
	code, out, errOut := c.run(args...)
	if code != exitOK {
		c.t.Fatalf("arbeidsboks %s: exit %d\n%s", strings.Join(args, " "), code, errOut)
	}
	return out
}

const placementsCSV = `ref,title,employer,sector,district,seats,norwegian_min,norwegian_hard,skills_required,skills_trained,schedule,min_hours_week,requires_police_certificate,status
P-KJK-01,Kjøkkenassistent,Kantina på Tøyen,kommunal,Gamle Oslo,1,A2/A1,nei,,matlaging;oppvask,man-fre 08:00-12:00,10,nei,aktiv
P-LAG-01,Lagermedarbeider,Alna Lager AS,privat,Alna,2,A2,nei,,varemottak;plukk,man-fre 16:00-22:00,0,nei,aktiv
P-HJT-01,Helsefagarbeider,Bydel Stovner hjemmetjeneste,kommunal,Stovner,1,B1,ja,,stell,man-fre 08:00-15:30,20,ja,aktiv
`

const candidatesCSV = `ref,name,programme,norwegian_level,skills,goals,availability,has_police_certificate,status
K-01,Amina Hassan,KVP,A2,oppvask,kokk,man-fre 08:00-13:00,nei,klar
K-02,Piotr Kowalski,aktivitetsplikt,A2,lager,lagerarbeider,man-fre 15:00-23:00,nei,ny
K-03,Sara Tesfay,introprogram,A2,,kokk,man-fre 08:00-13:00,nei,kartlegging
`

func (c *cli) office() string {
	db := c.path("office.db")
	c.ok("--db", db, "import", "placements", c.write("p.csv", placementsCSV))
	c.ok("import", "candidates", c.write("c.csv", candidatesCSV), "--db", db) // global flag after the subcommand
	return db
}

func TestCLI_UsageMistakesExitTwo(t *testing.T) {
	c := newCLI(t)
	for _, args := range [][]string{
		{"frobnicate"},
		{"import", "placements"},
		{"import", "people", "x.csv"},
		{"export", "placements", "--format", "pdf"},
		{"export", "placements", "--format", "xlsx"},
		{"--demo", "--db", c.path("x.db")},
		{"--no-such-flag"},
		{"users", "add", "--name", "kari"},
		{"match"},
		{"match", "--candidate", "K-01", "--top", "0"},
		{"--lang", "de"},
	} {
		code, _, errOut := c.run(args...)
		if code != exitUsage || errOut == "" || strings.Contains(errOut, "goroutine") {
			t.Errorf("arbeidsboks %s: exit %d, stderr %q; want 2 with a message", strings.Join(args, " "), code, errOut)
		}
	}
}

func TestCLI_BadImportListsEveryProblemAndWritesNothing(t *testing.T) {
	c := newCLI(t)
	db := c.office()
	bad := c.write("bad.csv", "ref,title,employer,seats,schedule\nP-NY-1,Renholder,Firma,to,man-fre 08:00-15:00\nP-NY-2,Renholder,Firma,1,man-fre 8-15\nP-NY-3,Renholder,Firma,1,man-fre 08:00-12:00\n")
	code, _, errOut := c.run("--lang", "en", "--db", db, "import", "placements", bad)
	want := "line 2, column seats: \"to\": must be a whole number\n" +
		"line 3, column schedule: \"man-fre 8-15\": time must be HH:MM\n" +
		"import placements: 2 errors, nothing written\n"
	if code != exitError || errOut != want {
		t.Fatalf("exit %d, stderr:\n%s\nwant:\n%s", code, errOut, want)
	}
	out := c.ok("--db", db, "export", "placements")
	if strings.Contains(out, "P-NY-3") {
		t.Fatal("a good row of a rejected file was written")
	}
	// Norwegian by default.
	_, _, errOut = c.run("--db", db, "import", "placements", bad)
	if !strings.Contains(errOut, "linje 3, kolonne schedule") || !strings.Contains(errOut, "2 feil, ingenting skrevet") {
		t.Errorf("bokmål errors: %s", errOut)
	}
}

func TestCLI_AMissingFileIsNamed(t *testing.T) {
	c := newCLI(t)
	db := c.office()
	missing := c.path("plasser.csv")
	if code, _, errOut := c.run("--db", db, "import", "placements", missing); code != exitError || errOut != "finner ikke filen "+missing+"\n" {
		t.Errorf("import of a missing file: exit %d %q", code, errOut)
	}
	if code, _, errOut := c.run("--lang", "en", "--db", db, "taxonomy", "import", missing); code != exitError || errOut != "no file "+missing+"\n" {
		t.Errorf("taxonomy import of a missing file: exit %d %q", code, errOut)
	}
}

func TestCLI_ExportImportRoundTripInEveryFormat(t *testing.T) {
	c := newCLI(t)
	db := c.office()
	want := c.ok("--db", db, "export", "candidates", "--format", "json")
	for _, format := range []string{"csv", "xlsx", "json"} {
		file := c.path("candidates." + format)
		c.ok("--db", db, "export", "candidates", "--format", format, "--out", file)
		fresh := c.path("fresh-" + format + ".db")
		c.ok("--db", fresh, "import", "candidates", file)
		if got := c.ok("--db", fresh, "export", "candidates", "--format", "json"); got != want {
			t.Errorf("%s round trip differs:\n%s\n---\n%s", format, got, want)
		}
	}
}

func TestCLI_MatchJSONFollowsTheContract(t *testing.T) {
	c := newCLI(t)
	db := c.office()
	var got struct {
		Candidate string `json:"candidate"`
		Results   []struct {
			Placement   string             `json:"placement"`
			Title       string             `json:"title"`
			Score       json.Number        `json:"score"`
			Components  map[string]float64 `json:"components"`
			Excluded    bool               `json:"excluded"`
			Reasons     []string           `json:"reasons"`
			ReasonCodes []string           `json:"reason_codes"`
			HoursWeek   float64            `json:"hours_week"`
			Target      *float64           `json:"target_hours_week"`
		} `json:"results"`
	}
	out := c.ok("--db", db, "match", "--candidate", "K-01", "--all", "--json")
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if got.Candidate != "K-01" || len(got.Results) != 3 {
		t.Fatalf("match = %s", out)
	}
	first := got.Results[0]
	if first.Placement != "P-KJK-01" || first.Excluded || first.HoursWeek != 20 || first.Target == nil || *first.Target != 37.5 {
		t.Errorf("the cook-to-be's first placement: %+v", first)
	}
	if !strings.Contains(string(first.Score), ".") || len(first.Components) != 3 || len(first.Reasons) != len(first.ReasonCodes) {
		t.Errorf("score %s components %v", first.Score, first.Components)
	}
	for _, r := range got.Results[1:] {
		want := map[string]string{"P-HJT-01": "excluded.police_certificate", "P-LAG-01": "excluded.no_overlap"}[r.Placement]
		if !r.Excluded || len(r.ReasonCodes) == 0 || r.ReasonCodes[0] != want {
			t.Errorf("%s should be excluded by %s first: %+v", r.Placement, want, r)
		}
	}
	// --top caps the included rows; excluded rows only with --all.
	out = c.ok("--db", db, "match", "--candidate", "K-01", "--top", "1", "--json")
	if strings.Count(out, `"placement"`) != 1 || strings.Contains(out, `"excluded": true`) {
		t.Errorf("--top 1: %s", out)
	}
	out = c.ok("--db", db, "match", "--placement", "P-KJK-01", "--json")
	if !strings.Contains(out, `"placement": "P-KJK-01"`) || !strings.Contains(out, `"name": "Amina Hassan"`) {
		t.Errorf("match --placement: %s", out)
	}
}

func TestCLI_AssignFillsSeatsOptimallyAndApplies(t *testing.T) {
	c := newCLI(t)
	db := c.office()
	var plan struct {
		Assignments []struct {
			Candidate, Placement string
			Score                float64
		}
		Kept       []json.RawMessage
		Unassigned []struct {
			Candidate, Reason string
			ReasonCode        string `json:"reason_code"`
		}
		TotalScore float64 `json:"total_score"`
	}
	out := c.ok("--db", db, "--lang", "en", "assign", "--json")
	if err := json.Unmarshal([]byte(out), &plan); err != nil {
		t.Fatal(err)
	}
	// One kitchen seat, two cooks-to-be: one gets it, the other is told who holds it.
	sum, seats := 0.0, map[string]int{}
	for _, a := range plan.Assignments {
		sum += a.Score
		seats[a.Placement]++
	}
	if seats["P-KJK-01"] != 1 || seats["P-LAG-01"] != 1 || len(plan.Unassigned) != 1 {
		t.Fatalf("plan = %s", out)
	}
	if diff := sum - plan.TotalScore; diff > 0.001 || diff < -0.001 {
		t.Errorf("total_score %v, assignments sum to %v", plan.TotalScore, sum)
	}
	if u := plan.Unassigned[0]; u.ReasonCode != "assign.outscored" || !strings.Contains(u.Reason, "P-KJK-01") {
		t.Errorf("unassigned = %+v", u)
	}
	c.ok("--db", db, "assign", "--apply")
	out = c.ok("--db", db, "assign", "--json")
	if err := json.Unmarshal([]byte(out), &plan); err != nil {
		t.Fatal(err)
	}
	if len(plan.Assignments) != 0 || len(plan.Kept) != 2 {
		t.Errorf("after --apply the proposals are kept: %s", out)
	}
}

func TestCLI_UsersAndKeys(t *testing.T) {
	c := newCLI(t)
	db := c.path("office.db")
	key := newKey(t)
	pub := c.write("id_ed25519.pub", key+" kari@laptop\n")
	c.ok("--db", db, "users", "add", "--name", "kari", "--role", "leder", "--key", pub)
	c.ok("--db", db, "users", "add", "--name", "ola", "--role", "markedskontakt", "--key", newKey(t))
	// Each mistake gets one line in the user's language that names it.
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--name", "per", "--role", "leder", "--key", key}, strconv.Quote(key[:40]+"…") + ": nøkkelen hører allerede til kari"},
		{[]string{"--name", "kari", "--role", "leder", "--key", newKey(t)}, `"kari": det finnes allerede en bruker med det navnet`},
		{[]string{"--name", "per", "--role", "leder", "--key", "ssh-ed25519 AAAAbroken"}, `"ssh-ed25519 AAAAbroken": er ikke en offentlig SSH-nøkkel`},
	} {
		code, _, errOut := c.run(append([]string{"--db", db, "users", "add"}, tc.args...)...)
		if code != exitError || !strings.HasPrefix(errOut, tc.want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("users add %v: exit %d %q, want one line %q", tc.args, code, errOut, tc.want)
		}
	}
	if code, _, errOut := c.run("--db", db, "users", "deactivate", "nobody"); code != exitError || errOut != "bruker nobody: finnes ikke\n" {
		t.Errorf("deactivating an unknown user: exit %d %q", code, errOut)
	}
	if code, _, _ := c.run("--db", db, "users", "add", "--name", "per", "--role", "sjef", "--key", newKey(t)); code != exitUsage {
		t.Errorf("unknown role: exit %d", code)
	}
	c.ok("--db", db, "users", "deactivate", "ola")
	var users []struct {
		Name   string
		Role   string
		Active bool
		Keys   []string
	}
	if err := json.Unmarshal([]byte(c.ok("--db", db, "users", "list", "--json")), &users); err != nil {
		t.Fatal(err)
	}
	if len(users) != 2 || users[0].Name != "kari" || !users[0].Active || users[1].Active || users[0].Keys[0] != key+" kari@laptop" {
		t.Errorf("users = %+v", users)
	}
	// A market contact may not add users; a deactivated user cannot act.
	if code, _, _ := c.run("--db", db, "--as", "ola", "users", "list"); code != exitError {
		t.Errorf("a deactivated user acting: exit %d", code)
	}
}

func newKey(t *testing.T) string {
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	sshPub, err := ssh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(ssh.MarshalAuthorizedKey(sshPub)))
}

func TestCLI_DemoAndBackup(t *testing.T) {
	c := newCLI(t)
	out := c.ok("--demo")
	if !strings.Contains(out, "praksisplasser: 60") || !strings.Contains(out, "kandidater: 200") {
		t.Errorf("demo summary: %s", out)
	}
	if _, err := os.Stat(filepath.Join(c.dir, "xdg", "arbeidsboks", "demo.db")); err != nil {
		t.Errorf("demo.db not in the data directory: %v", err)
	}
	db := c.path("office.db")
	c.ok("--db", db, "demo", "--placements", "10", "--candidates", "30", "--seed", "7")
	if code, _, errOut := c.run("--db", db, "demo"); code != exitError || !strings.Contains(errOut, "--force") {
		t.Errorf("demo over data: exit %d %s", code, errOut)
	}
	c.ok("--db", db, "demo", "--force", "--placements", "5", "--candidates", "5")
	if out := c.ok("--db", db); !strings.Contains(out, "praksisplasser: 5") {
		t.Errorf("after --force: %s", out)
	}
	copyPath := c.path(filepath.Join("backups", "2026-11-23", "copy.db")) // folders made as needed
	c.ok("--db", db, "backup", copyPath)
	if out := c.ok("--db", copyPath); !strings.Contains(out, "kandidater: 5") {
		t.Errorf("the backup holds: %s", out)
	}
	if code, _, _ := c.run("--db", db, "backup", copyPath); code != exitError {
		t.Errorf("backup over an existing file: exit %d", code)
	}
}

func TestCLI_MeetingListAndMinutes(t *testing.T) {
	c := newCLI(t)
	db := c.office()
	if out := c.ok("--db", db, "meeting", "list"); !strings.Contains(out, "ingen møter") {
		t.Errorf("no meetings: %s", out)
	}
	// A meeting held through the store, as the TUI would.
	opened, err := sqliteOpen(db)
	if err != nil {
		t.Fatal(err)
	}
	kari := data.Actor{Name: "kari", Role: data.RoleLead, Office: data.DefaultOffice}
	ctx := context.Background()
	s := opened.As(kari)
	amina, _ := s.CandidateByRef(ctx, "K-01")
	piotr, _ := s.CandidateByRef(ctx, "K-02")
	kitchen, _ := s.PlacementByRef(ctx, "P-KJK-01")
	var id int64
	err = s.WithTx(ctx, func(tx data.Tx) error {
		m, err := tx.StartMeeting(ctx, "Uke 48 | Alna", []int64{amina.ID, piotr.ID})
		if err != nil {
			return err
		}
		id = m.ID
		if err := tx.Decide(ctx, m.Items[0].ID, data.DecisionProposed, kitchen.ID, 858); err != nil {
			return err
		}
		if err := tx.CommentMeetingItem(ctx, m.Items[1].ID, "Vil heller jobbe\nmed lager"); err != nil {
			return err
		}
		if err := tx.Decide(ctx, m.Items[1].ID, data.DecisionDeferred, 0, 0); err != nil {
			return err
		}
		return tx.EndMeeting(ctx, m.ID)
	})
	opened.Close()
	if err != nil {
		t.Fatal(err)
	}
	var list []struct {
		ID        int64
		Status    string
		Decisions int
	}
	if err := json.Unmarshal([]byte(c.ok("--db", db, "meeting", "list", "--json")), &list); err != nil || len(list) != 1 ||
		list[0].Status != "avsluttet" || list[0].Decisions != 2 {
		t.Fatalf("meeting list: %+v %v", list, err)
	}
	file := c.path("referat.md")
	c.ok("--db", db, "meeting", "export", fmt.Sprint(id), "--out", file)
	minutes, _ := os.ReadFile(file)
	for _, want := range []string{
		"# Uke 48 \\| Alna",
		"| 1 | Amina Hassan (K-01) | foreslått | Kjøkkenassistent · Kantina på Tøyen (P-KJK-01) | 85.8 | kari |",
		"| 2 | Piotr Kowalski (K-02) | utsatt |",
		"## Utsatt til neste møte\n\n- Piotr Kowalski (K-02)",
		"- Piotr Kowalski (K-02): Vil heller jobbe med lager",
	} {
		if !strings.Contains(string(minutes), want) {
			t.Errorf("the minutes lack %q:\n%s", want, minutes)
		}
	}
	if code, _, _ := c.run("--db", db, "meeting", "export", "x"); code != exitUsage {
		t.Errorf("a non-numeric ID: exit %d", code)
	}
}
