package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"arbeidsboks/internal/testtool"
)

// occupationFile is the path of a real file in the shared data.
func occupationFile(t *testing.T, name string) string {
	t.Helper()
	return testtool.SharedData(t, filepath.Join("occupations", name))
}

// runIn runs the program with the given standard input.
func (c *cli) runIn(stdin string, args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

type resolved struct {
	Query   string `json:"query"`
	Results []struct {
		Code  string  `json:"code"`
		Name  string  `json:"name"`
		Score float64 `json:"score"`
	} `json:"results"`
}

func TestTaxonomy_ImportResolveExport(t *testing.T) {
	c := newCLI(t)
	db := c.path("occ.db")
	for _, f := range []string{"styrk08-klass.json", "nav-styrk-categories.csv", "nav-job-titles-2017.csv"} {
		out := c.ok("--lang", "en", "--db", db, "taxonomy", "import", occupationFile(t, f))
		if !strings.HasPrefix(out, "import taxonomy (") {
			t.Errorf("import %s said %q", f, out)
		}
	}
	if out := c.ok("--lang", "en", "--db", db, "taxonomy", "import", occupationFile(t, "nav-job-titles-2017.csv")); !strings.Contains(out, "0 new codes, 0 changed, 404 unchanged, 0 titles added") {
		t.Errorf("importing again: %q", out)
	}

	var r resolved
	if err := json.Unmarshal([]byte(c.ok("--db", db, "taxonomy", "resolve", "rengjøring", "--json", "--top", "3")), &r); err != nil {
		t.Fatal(err)
	}
	if r.Query != "rengjøring" || len(r.Results) != 3 || r.Results[0].Score > 1 || r.Results[0].Score < r.Results[2].Score {
		t.Fatalf("resolve --json = %+v", r)
	}
	cleaners := false
	for _, m := range r.Results {
		cleaners = cleaners || strings.HasPrefix(m.Code, "911")
	}
	if !cleaners {
		t.Errorf("rengjøring should find the cleaners in the top 3: %+v", r.Results)
	}
	if out := c.ok("--db", db, "taxonomy", "resolve", "Kokk"); !strings.HasPrefix(out, "* 5120  1,00  Kokker\n") {
		t.Errorf("resolve Kokk:\n%s", out)
	}
	out := c.ok("--db", db, "taxonomy", "export", "--format", "json")
	var rows []struct {
		Code   string   `json:"code"`
		Level  int      `json:"level"`
		Titles []string `json:"titles"`
	}
	if err := json.Unmarshal([]byte(out), &rows); err != nil || len(rows) != 582 || rows[0].Titles == nil {
		t.Fatalf("export --format json: %d rows, %v", len(rows), err)
	}
	if csvOut := c.ok("--db", db, "taxonomy", "export"); !strings.HasPrefix(csvOut, "code,level,name,parent,nav_category_1,nav_category_2,titles\n") {
		t.Errorf("export csv starts %q", csvOut[:80])
	}

	// Many texts, one a line, give JSON lines.
	code, stdout, stderr := c.runIn("kokk\nsveiser\n", "--db", db, "taxonomy", "resolve", "-", "--json", "--top", "1")
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if code != exitOK || len(lines) != 2 || !strings.Contains(lines[1], `"code":"7212"`) {
		t.Errorf("resolve -: exit %d, %q, %s", code, stdout, stderr)
	}
}

func TestTaxonomy_BadFileListsEveryProblemAndWritesNothing(t *testing.T) {
	c := newCLI(t)
	db := c.path("occ.db")
	c.ok("--db", db, "taxonomy", "import", occupationFile(t, "styrk08-klass.json"))
	raw, err := os.ReadFile(occupationFile(t, "nav-styrk-categories.csv"))
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(strings.Replace(string(raw), "\n0110;", "\n01x0;", 1), "\n5120;", "\n5129;", 1)
	path := c.write("bad.csv", bad)
	code, _, errOut := c.run("--lang", "en", "--db", db, "taxonomy", "import", path)
	want := "line 3, column Styrk code: \"01x0\": must be a four-digit STYRK-08 code\n"
	if code != exitError || !strings.HasPrefix(errOut, want) || !strings.Contains(errOut, ": \"5129\": the STYRK-08 code is not among the occupations\n") ||
		!strings.HasSuffix(errOut, "import taxonomy: 2 errors, nothing written\n") {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
	if out := c.ok("--db", db, "taxonomy", "export"); strings.Contains(out, "Reiseliv og mat") {
		t.Error("a rejected category file wrote categories")
	}
}

func TestTaxonomy_Mistakes(t *testing.T) {
	c := newCLI(t)
	db := c.path("occ.db")
	for _, args := range [][]string{
		{"taxonomy", "resolve"},
		{"taxonomy", "resolve", "kokk", "--top", "0"},
		{"taxonomy", "export", "--format", "xlsx"},
		{"taxonomy", "import"},
	} {
		if code, _, errOut := c.run(append([]string{"--db", db}, args...)...); code != exitUsage || errOut == "" {
			t.Errorf("arbeidsboks %s: exit %d, %q; want 2", strings.Join(args, " "), code, errOut)
		}
	}
	code, _, errOut := c.run("--lang", "en", "--db", db, "taxonomy", "resolve", "kokk")
	if code != exitError || !strings.Contains(errOut, "import STYRK-08 with taxonomy import first") {
		t.Errorf("resolve without occupations: exit %d, %q", code, errOut)
	}
}

// A market contact registers a placement by its employer's title; it gets
// an occupation, and a candidate whose goal is written in other words ranks
// it first.
func TestTaxonomy_APlacementByTheEmployersTitle(t *testing.T) {
	c := newCLI(t)
	db := c.path("occ.db")
	for _, f := range []string{"styrk08-klass.json", "nav-styrk-categories.csv", "nav-job-titles-2017.csv"} {
		c.ok("--db", db, "taxonomy", "import", occupationFile(t, f))
	}
	placements := "ref,title,employer,seats,schedule,occupations\n" +
		"P-SYK,Assistent på post,Alna sykehjem,1,man-fre 08:00-12:00,Sykepleier\n" +
		"P-LAG,Plukker,Alna Lager,1,man-fre 08:00-12:00,Truckfører\n"
	c.ok("--db", db, "import", "placements", c.write("p.csv", placements))
	if out := c.ok("--db", db, "export", "placements"); !strings.Contains(out, ",2223\n") || !strings.Contains(out, ",8344\n") {
		t.Fatalf("the titles should be stored as codes:\n%s", out)
	}
	c.ok("--db", db, "import", "candidates", c.write("c.csv", "ref,name,availability,goals\nK-1,Amina Hassan,man-fre 08:00-13:00,spesialsykepleier\n"))
	out := c.ok("--lang", "en", "--db", db, "match", "--candidate", "K-1", "--json")
	var m struct {
		Results []struct {
			Placement string   `json:"placement"`
			Reasons   []string `json:"reasons"`
		} `json:"results"`
	}
	if err := json.Unmarshal([]byte(out), &m); err != nil || len(m.Results) != 2 {
		t.Fatalf("match: %v\n%s", err, out)
	}
	if m.Results[0].Placement != "P-SYK" || !strings.Contains(strings.Join(m.Results[0].Reasons, "|"), "the same occupation group: Sykepleiere") {
		t.Errorf("the nursing home should come first, sharing the occupation group: %+v", m.Results)
	}

	bad := "ref,title,employer,seats,schedule,occupations\nP-X,Noe,Firma,1,man-fre 08:00-12:00,qqxyzzy\n"
	code, _, errOut := c.run("--lang", "en", "--db", db, "import", "placements", c.write("bad.csv", bad))
	if code != exitError || !strings.Contains(errOut, `line 2, column occupations: "qqxyzzy": names no occupation with confidence; nearest: `) {
		t.Errorf("an unknown title: exit %d\n%s", code, errOut)
	}
}

// TestTaxonomy_HeldOutQuality is the resolver's quality figure, through the
// command line as anyone would run it: a fresh database with only STYRK-08,
// NAV's categories and split/train.csv imported, then every title of
// split/heldout.csv resolved; a title with several codes is right for any
// of them. Run it with
//
//	go test ./cmd/arbeidsboks -run TestTaxonomy_HeldOutQuality -v
func TestTaxonomy_HeldOutQuality(t *testing.T) {
	c := newCLI(t)
	db := c.path("quality.db")
	start := time.Now()
	for _, f := range []string{"styrk08-klass.json", "nav-styrk-categories.csv", "split/train.csv"} {
		c.ok("--db", db, "taxonomy", "import", occupationFile(t, f))
	}
	imported := time.Since(start)
	records := testtool.SharedCSV(t, "occupations/split/heldout.csv")
	var texts strings.Builder
	for _, r := range records {
		texts.WriteString(r[0] + "\n")
	}
	start = time.Now()
	code, out, errOut := c.runIn(texts.String(), "--db", db, "taxonomy", "resolve", "-", "--json", "--top", "3", "--occupations-only")
	resolving := time.Since(start)
	if code != exitOK {
		t.Fatalf("resolve: exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != len(records) {
		t.Fatalf("%d answers for %d titles", len(lines), len(records))
	}
	var top1, top3 int
	for i, line := range lines {
		var r resolved
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		want := strings.Fields(records[i][1])
		for rank, m := range r.Results {
			if contains(want, m.Code) {
				if rank == 0 {
					top1++
				}
				top3++
				break
			}
		}
	}
	n := float64(len(lines))
	t.Logf("held-out titles: %d; top-1 %.3f, top-3 %.3f (targets 0.62 and 0.80)", len(lines), float64(top1)/n, float64(top3)/n)
	t.Logf("three imports %v; resolving every title %v", imported.Round(time.Millisecond), resolving.Round(time.Millisecond))
	// The targets.
	if float64(top1)/n < 0.62 || float64(top3)/n < 0.80 {
		t.Errorf("top-1 %.3f, top-3 %.3f: below the targets 0.62 and 0.80", float64(top1)/n, float64(top3)/n)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
