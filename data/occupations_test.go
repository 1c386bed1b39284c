package data_test

import (
	"arbeidsboks/matching/occupation"
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"arbeidsboks/data"
	"arbeidsboks/data/sqlite"
	"arbeidsboks/internal/testtool"
	"arbeidsboks/matching"
)

// The real files: SSB's STYRK-08, NAV's categories, NAV's 2017 job titles
// and the training half of the title split.
const (
	styrkFile      = "styrk08-klass.json"
	categoriesFile = "nav-styrk-categories.csv"
	jobTitlesFile  = "nav-job-titles-2017.csv"
	trainFile      = "split/train.csv"
)

func sharedOccupationFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(testtool.SharedData(t, filepath.Join("occupations", name)))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func importOccupations(t testing.TB, s data.Store, content []byte) (string, data.OccupationImportResult) {
	t.Helper()
	kind, res, err := data.ImportOccupations(context.Background(), s, content)
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	return kind, res
}

// occupied is a store with every real file imported.
func occupied(t testing.TB) data.Store {
	t.Helper()
	s := newStore(t)
	for _, f := range []string{styrkFile, categoriesFile, jobTitlesFile} {
		importOccupations(t, s, sharedOccupationFile(t, f))
	}
	return s
}

func TestOccupations_EachRealFileImports(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	steps := []struct {
		file, kind                 string
		created, updated, titles   int
		wantTitlesAtLeast, unitsOK bool
	}{
		{file: styrkFile, kind: data.OccupationFileKLASS, created: 582},
		{file: categoriesFile, kind: data.OccupationFileCategories, updated: 407},
		{file: jobTitlesFile, kind: data.OccupationFileJobTitles, wantTitlesAtLeast: true},
		{file: trainFile, kind: data.OccupationFileTitleList},
	}
	for _, st := range steps {
		kind, res := importOccupations(t, s, sharedOccupationFile(t, st.file))
		if kind != st.kind {
			t.Errorf("%s read as %q, want %q", st.file, kind, st.kind)
		}
		if res.Created != st.created || (st.updated > 0 && res.Updated != st.updated) {
			t.Errorf("%s: %+v, want %d created, %d updated", st.file, res, st.created, st.updated)
		}
		if st.wantTitlesAtLeast && res.Titles < 3900 {
			t.Errorf("%s added %d titles, want about 4 000", st.file, res.Titles)
		}
	}
	items, err := s.Occupations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	byCode := map[string]data.Occupation{}
	for _, o := range items {
		byCode[o.Code] = o
	}
	units := 0
	for _, o := range items {
		if o.Level != 4 {
			continue
		}
		units++
		// Every unit group reaches its major group through its parents.
		code, steps := o.Code, 0
		for byCode[code].Level > 1 && steps < 4 {
			code, steps = byCode[code].Parent, steps+1
		}
		if p := byCode[code]; p.Level != 1 || p.Code != o.Code[:1] {
			t.Errorf("%s reaches %q, not its major group", o.Code, code)
		}
		if o.NavCategory1 == "" || o.NavCategory2 == "" {
			t.Errorf("%s lacks NAV's categories", o.Code)
		}
	}
	if units != 407 || len(items) != 582 {
		t.Errorf("%d items, %d unit groups; want 582 and 407", len(items), units)
	}
	if o := byCode["9112"]; o.Name != "Renholdere i virksomheter" || o.NavCategory2 != "Renholdere og renovasjon" ||
		!containsFold(o.Titles, "Flyrengjører") {
		t.Errorf("9112 = %+v", o)
	}
	if o := byCode["7213"]; strings.HasSuffix(o.NavCategory1, " ") {
		t.Errorf("categories keep NAV's trailing spaces: %q", o.NavCategory1)
	}
	if o := byCode["1311"]; !containsFold(o.Titles, "Fagsjef (jordbruk, skogbruk)") {
		t.Errorf("a title with a comma inside parentheses is split: %v", o.Titles)
	}

	// Importing again changes nothing.
	for _, f := range []string{styrkFile, categoriesFile, jobTitlesFile, trainFile} {
		if _, res := importOccupations(t, s, sharedOccupationFile(t, f)); res.Created+res.Updated+res.Titles != 0 {
			t.Errorf("importing %s again: %+v, want nothing changed", f, res)
		}
	}
	audit, err := s.Audit(ctx, data.AuditFilter{Entity: data.EntityOccupations})
	if err != nil || len(audit) != 3 {
		t.Errorf("audit entries for the occupations: %d (%v), want one per import that changed something (the\n"+
			"training titles are all among NAV's)", len(audit), err)
	}
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

func TestOccupations_ExportRoundTrips(t *testing.T) {
	s := occupied(t)
	for _, format := range []data.Format{data.CSV, data.JSON} {
		var first bytes.Buffer
		if err := data.ExportOccupations(context.Background(), s, format, &first); err != nil {
			t.Fatal(err)
		}
		again := newStore(t)
		if kind, _ := importOccupations(t, again, first.Bytes()); kind != data.OccupationFileExport {
			t.Errorf("%s export read back as %q", format, kind)
		}
		var second bytes.Buffer
		if err := data.ExportOccupations(context.Background(), again, format, &second); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Errorf("%s: export → import → export differs", format)
		}
	}
	var out bytes.Buffer
	if err := data.ExportOccupations(context.Background(), s, data.CSV, &out); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(out.String(), "\n")
	if lines[0] != "code,level,name,parent,nav_category_1,nav_category_2,titles" || len(lines) != 584 {
		t.Errorf("export header %q, %d lines; want one row per code", lines[0], len(lines))
	}
}

// spoil replaces the first occurrence of old in a copy of the content.
func spoil(t *testing.T, content []byte, old, new string) []byte {
	t.Helper()
	if !bytes.Contains(content, []byte(old)) {
		t.Fatalf("%q is not in the file", old)
	}
	return bytes.Replace(content, []byte(old), []byte(new), 1)
}

func TestOccupations_BrokenCopiesAreLocatedAndNothingIsWritten(t *testing.T) {
	styrk := sharedOccupationFile(t, styrkFile)
	categories := sharedOccupationFile(t, categoriesFile)
	jobTitles := sharedOccupationFile(t, jobTitlesFile)
	train := sharedOccupationFile(t, trainFile)
	cases := []struct {
		name     string
		before   []string // files imported first
		content  []byte
		problems []string
	}{
		{"KLASS: a level beyond 4", nil, spoil(t, styrk, `"level": "4",`, `"level": "5",`),
			[]string{"record 176, column level: \"5\": range 1 4"}},
		{"KLASS: a code with letters", nil, spoil(t, styrk, `"code": "0110"`, `"code": "01x0"`),
			[]string{"record 177, column code: \"01x0\": occupation_code"}},
		{"KLASS: a parent that is not one level up", nil, spoil(t, styrk, `"parentCode": "011"`, `"parentCode": "99"`),
			[]string{"record 177, column parent: \"99\": occupation_parent"}},
		{"KLASS: broken JSON", nil, styrk[:len(styrk)/2], []string{"syntax"}},
		{"categories: a code of three digits", []string{styrkFile}, spoil(t, categories, "\n0110;", "\n011;"),
			[]string{"line 3, column Styrk code: \"011\": occupation"}},
		{"categories: a code the classification lacks", []string{styrkFile}, spoil(t, categories, "\n0110;", "\n0119;"),
			[]string{"line 3, column code: \"0119\": occupation_unknown"}},
		{"categories: no category", []string{styrkFile}, spoil(t, categories, ";Forsvar/militære\n0210", ";\n0210"),
			[]string{"line 3, column Category level 2: required"}},
		{"job titles: a row cut short", []string{styrkFile}, spoil(t, jobTitles, ";ISCO-08;59", ""),
			[]string{"line 3, field_count 6 8"}},
		{"job titles: a code with letters", []string{styrkFile}, spoil(t, jobTitles, ";0110;", ";01l0;"),
			[]string{"line 3, column yrkeskode: \"01l0\": occupation"}},
		{"title list: a code of two digits", []string{styrkFile}, spoil(t, train, "Abonnementsjef,1221", "Abonnementsjef,12"),
			[]string{"line 2, column codes: \"12\": occupation"}},
		{"title list: no title", []string{styrkFile}, spoil(t, train, "Abonnementsjef,1221", ",1221"),
			[]string{"line 2, column title: required"}},
		{"title list: a code the classification lacks", []string{styrkFile}, spoil(t, train, "Abonnementsjef,1221", "Abonnementsjef,1229"),
			[]string{"line 2, column code: \"1229\": occupation_unknown"}},
		{"title list: a title in Windows-1252", []string{styrkFile}, spoil(t, train, "Abonnementsjef,1221", "Abonnementsj\xe9f,1221"),
			[]string{"line 2, \"Abonnementsj\ufffdf,1221\": not_utf8"}},
		{"not an occupation file", nil, []byte("ref,title\nP-1,Renholder\n"), []string{"line 1, occupation_file"}},
		{"empty", nil, []byte("\n"), []string{"empty_file"}},
	}
	ctx := context.Background()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := newStore(t)
			for _, f := range tc.before {
				importOccupations(t, s, sharedOccupationFile(t, f))
			}
			var before bytes.Buffer
			if err := data.ExportOccupations(ctx, s, data.CSV, &before); err != nil {
				t.Fatal(err)
			}
			_, _, err := data.ImportOccupations(ctx, s, tc.content)
			assertProblems(t, err, tc.problems...)
			var after bytes.Buffer
			if err := data.ExportOccupations(ctx, s, data.CSV, &after); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(before.Bytes(), after.Bytes()) {
				t.Errorf("a rejected file changed the stored occupations")
			}
		})
	}
}

func TestOccupations_OnlyTeamLeadsImport(t *testing.T) {
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "x.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, role := range []data.Role{data.RoleSpecialist, data.RoleMarket} {
		as := db.As(data.Actor{Name: "bruker", Role: role})
		_, _, err := data.ImportOccupations(context.Background(), as, sharedOccupationFile(t, styrkFile))
		if !errors.Is(err, data.ErrForbidden) {
			t.Errorf("%s: import gave %v, want ErrForbidden", role, err)
		}
	}
}

func TestOccupations_ColumnsTakeCodesOrTitles(t *testing.T) {
	ctx := context.Background()
	s := occupied(t)
	file := placementFile(map[string]string{"occupations": "Værelsesbetjent; 9111"})
	if _, err := importPlacements(t, s, data.CSV, file); err != nil {
		t.Fatal(err)
	}
	p, err := s.PlacementByRef(ctx, "P-1")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(p.Occupations, ",") != "9112,9111" {
		t.Errorf("occupations = %v, want the title resolved to 9112 and the code kept", p.Occupations)
	}

	_, err = importPlacements(t, s, data.CSV, placementFile(map[string]string{"ref": "P-2", "occupations": "xqzv"}))
	var ve *data.ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) != 1 || ve.Problems[0].Code != data.CodeOccupationTitle ||
		ve.Problems[0].Where != (data.Location{Unit: "line", N: 2}) {
		t.Fatalf("an unknown title: %v", err)
	}
	if args := ve.Problems[0].Args; len(args) != 4 || args[0] != "xqzv" {
		t.Errorf("the problem should name the title and three nearest occupations: %v", args)
	}
	assertProblems(t, mustFail(importPlacements(t, s, data.CSV, placementFile(map[string]string{"ref": "P-3", "occupations": "9999"}))),
		"line 2, column occupations: \"9999\": occupation_unknown")
	if _, err := s.PlacementByRef(ctx, "P-2"); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("a rejected file wrote P-2: %v", err)
	}

	candidates := "ref,name,availability,goals,goal_occupations\nK-1,Amina Hassan,man-fre 08:00-13:00,kokk,Kokk\n"
	if _, err := importCandidates(t, s, data.CSV, []byte(candidates)); err != nil {
		t.Fatal(err)
	}
	if c, _ := s.CandidateByRef(ctx, "K-1"); strings.Join(c.GoalOccupations, ",") != "5120" {
		t.Errorf("goal occupations = %v, want 5120", c.GoalOccupations)
	}
}

func mustFail[T any](_ T, err error) error { return err }

func TestOccupations_WithoutAClassificationAnyCodeIsTaken(t *testing.T) {
	s := newStore(t)
	if _, err := importPlacements(t, s, data.CSV, placementFile(map[string]string{"occupations": "9999"})); err != nil {
		t.Errorf("a four-digit code without a classification: %v", err)
	}
	assertProblems(t, mustFail(importPlacements(t, s, data.CSV, placementFile(map[string]string{"ref": "P-2", "occupations": "renholder"}))),
		"line 2, column occupations: \"renholder\": occupation_none")
	assertProblems(t, mustFail(importPlacements(t, s, data.CSV, placementFile(map[string]string{"ref": "P-3", "occupations": "911"}))),
		"line 2, column occupations: \"911\": occupation")
}

// A candidate who wants to become a nurse, with the goal typed as
// a title, and a placement coded by number: the classification links them.
func TestOccupations_AGoalTypedAsATitleMatchesAPlacementCodedByNumber(t *testing.T) {
	ctx := context.Background()
	placements := "ref,title,employer,seats,schedule,occupations\n" +
		"P-HJT,Assistent,Alna sykehjem,2,man-fre 08:00-12:00,2223\n" +
		"P-LAG,Plukker,Alna Lager,2,man-fre 08:00-12:00,9321\n"
	candidates := "ref,name,availability,goals\nK-1,Amina Hassan,man-fre 08:00-13:00,sykepleier\n"
	score := func(s data.Store) (map[string]matching.Result, *data.Matching) {
		m, err := data.LoadMatching(ctx, s, matching.DefaultWeights(), data.Today())
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]matching.Result{}
		for _, r := range m.Index.RankPlacements(m.CandidateIndex("K-1"), 0, true).Included {
			out[m.Placements[r.Placement].Ref] = r
		}
		return out, m
	}
	plain := newStore(t)
	withClassification := occupied(t)
	for _, s := range []data.Store{plain, withClassification} {
		if _, err := importPlacements(t, s, data.CSV, []byte(placements)); err != nil {
			t.Fatal(err)
		}
		if _, err := importCandidates(t, s, data.CSV, []byte(candidates)); err != nil {
			t.Fatal(err)
		}
	}
	before, _ := score(plain)
	after, m := score(withClassification)
	if after["P-HJT"].Components.Skills <= before["P-HJT"].Components.Skills {
		t.Errorf("skills with the classification %v, without %v: the goal should count as an occupation",
			after["P-HJT"].Components.Skills, before["P-HJT"].Components.Skills)
	}
	if after["P-HJT"].Total <= after["P-LAG"].Total {
		t.Errorf("the cleaning placement (%d) should rank above the warehouse (%d)", after["P-HJT"].Total, after["P-LAG"].Total)
	}
	found := false
	for _, r := range after["P-HJT"].Reasons {
		if r.Code == matching.ReasonOccupation && len(r.Args) == 4 && r.Args[1] == "2223" {
			found = true
		}
	}
	if !found {
		t.Errorf("reasons %v should name the occupation they share", after["P-HJT"].Reasons)
	}
	if m.Occupations == nil {
		t.Errorf("LoadMatching did not load the classification")
	}
}

// BenchmarkImportOccupations imports STYRK-08, NAV's categories and NAV's
// job titles into a new database, as taxonomy import does one by one.
func BenchmarkImportOccupations(b *testing.B) {
	files := [][]byte{sharedOccupationFile(b, styrkFile), sharedOccupationFile(b, categoriesFile), sharedOccupationFile(b, jobTitlesFile)}
	b.ReportAllocs()
	for range b.N {
		b.StopTimer()
		s := newStore(b)
		b.StartTimer()
		for _, f := range files {
			if _, _, err := data.ImportOccupations(context.Background(), s, f); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkLoadClassification reads the stored occupations and builds the
// resolver, as a command or a matching run does before resolving.
func BenchmarkLoadClassification(b *testing.B) {
	s := occupied(b)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := data.LoadClassification(context.Background(), s); err != nil {
			b.Fatal(err)
		}
	}
}

// The skills taxonomy's words for an occupation resolve to it: the
// everyday words a registry of job titles lacks, the office's own.
func TestOccupations_TheSkillsTaxonomysWordsResolve(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	for _, f := range []string{styrkFile, categoriesFile} {
		importOccupations(t, s, sharedOccupationFile(t, f))
	}
	best := func(load func(context.Context, data.Reader) (*occupation.Classification, error), text string) string {
		t.Helper()
		cls, err := load(ctx, s)
		if err != nil {
			t.Fatal(err)
		}
		m, ok := cls.Best(text)
		if !ok {
			return ""
		}
		return m.Code
	}
	for _, text := range []string{"vaskehjelp", "Romassistent", "renholdsmedarbeider"} {
		if got := best(data.LoadClassification, text); got != "9112" {
			t.Errorf("%q resolves to %q, want 9112 (the built-in taxonomy's renholder and romassistent)", text, got)
		}
		if got := best(data.LoadOccupationsOnly, text); got == "9112" {
			t.Errorf("%q resolves to 9112 from the occupations alone; the test shows nothing", text)
		}
	}

	// The office's own taxonomy, not a list in the code.
	terms := []data.SkillTerm{{Term: "stuevertinne", Synonyms: []string{"gangpike"}, Occupations: []string{"5329"}}}
	if err := s.WithTx(ctx, func(tx data.Tx) error { return tx.ReplaceSkillTerms(ctx, terms) }); err != nil {
		t.Fatal(err)
	}
	if got := best(data.LoadClassification, "gangpike"); got != "5329" {
		t.Errorf("a synonym in the office's taxonomy resolves to %q, want 5329", got)
	}
	if got := best(data.LoadClassification, "vaskehjelp"); got == "9112" {
		t.Error("vaskehjelp still resolves after the taxonomy that named it was replaced")
	}
}
