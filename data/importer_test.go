package data_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"arbeidsboks/data"
	"arbeidsboks/data/sqlite"
)

func newStore(t testing.TB) data.Store {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "office.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db.As(data.LocalLead())
}

func readFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func importPlacements(t testing.TB, s data.Store, format data.Format, content []byte) (data.ImportResult, error) {
	t.Helper()
	return data.ImportPlacements(context.Background(), s, format, bytes.NewReader(content))
}

func importCandidates(t testing.TB, s data.Store, format data.Format, content []byte) (data.ImportResult, error) {
	t.Helper()
	return data.ImportCandidates(context.Background(), s, format, bytes.NewReader(content))
}

func exportBoth(t testing.TB, s data.Store, format data.Format) (placements, candidates []byte) {
	t.Helper()
	var p, c bytes.Buffer
	if err := data.ExportPlacements(context.Background(), s, format, &p); err != nil {
		t.Fatal(err)
	}
	if err := data.ExportCandidates(context.Background(), s, format, &c); err != nil {
		t.Fatal(err)
	}
	return p.Bytes(), c.Bytes()
}

func TestImport_ReadsTheOfficeFile(t *testing.T) {
	s := newStore(t)
	res, err := importPlacements(t, s, data.CSV, readFile(t, "placements.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if res.Created != 4 {
		t.Fatalf("created %d placements, want 4", res.Created)
	}
	p, err := s.PlacementByRef(context.Background(), "P-HJT-02")
	if err != nil {
		t.Fatal(err)
	}
	if p.NorwegianMin.String() != "B1/A2" || !p.NorwegianHard || !p.RequiresPoliceCertificate {
		t.Errorf("levels and requirements: %+v", p)
	}
	if got := strings.Join(p.LanguagesValued, ","); got != "somali,arabisk" {
		t.Errorf("languages valued = %s, want English names stored in Norwegian", got)
	}
	if p.Schedule.String() != "man-fre 08:00-15:30; lør,søn 09:00-14:00" || p.ContactName != "Åse Øvrebø" {
		t.Errorf("schedule %q contact %q", p.Schedule.String(), p.ContactName)
	}
	if p.Description != "Besøk hos brukere.\nKrever politiattest." {
		t.Errorf("multi-line description = %q", p.Description)
	}
	cafe, _ := s.PlacementByRef(context.Background(), "P-KAF-04")
	if cafe.Status != data.PlacementActive || cafe.NorwegianHard || len(cafe.LanguagesValued) != 2 || cafe.LanguagesValued[1] != "engelsk" {
		t.Errorf("defaults and codes: %+v", cafe)
	}

	if _, err := importCandidates(t, s, data.CSV, readFile(t, "candidates.csv")); err != nil {
		t.Fatal(err)
	}
	amina, _ := s.CandidateByRef(context.Background(), "K-01")
	if amina.TargetHoursWeek == nil || *amina.TargetHoursWeek != 37.5 {
		t.Errorf("a KVP participant's target = %v, want 37.5", amina.TargetHoursWeek)
	}
	odegard, _ := s.CandidateByRef(context.Background(), "K-03")
	if !odegard.Norwegian.IsZero() || odegard.Name != "Ødegård Ærlig" {
		t.Errorf("no level yet and æøå: %+v", odegard)
	}
}

func TestImport_BOMAndCRLFReadTheSame(t *testing.T) {
	plain, windows := newStore(t), newStore(t)
	if _, err := importPlacements(t, plain, data.CSV, readFile(t, "placements.csv")); err != nil {
		t.Fatal(err)
	}
	if _, err := importPlacements(t, windows, data.CSV, readFile(t, "placements_bom_crlf.csv")); err != nil {
		t.Fatal(err)
	}
	a, _ := exportBoth(t, plain, data.CSV)
	b, _ := exportBoth(t, windows, data.CSV)
	if !bytes.Equal(a, b) {
		t.Fatalf("BOM+CRLF file imported differently:\n%s\n---\n%s", a, b)
	}
}

func TestImportExport_RoundTripIsIdentical(t *testing.T) {
	for _, format := range []data.Format{data.CSV, data.XLSX, data.JSON} {
		t.Run(string(format), func(t *testing.T) {
			first := newStore(t)
			if _, err := importPlacements(t, first, data.CSV, readFile(t, "placements.csv")); err != nil {
				t.Fatal(err)
			}
			if _, err := importCandidates(t, first, data.CSV, readFile(t, "candidates.csv")); err != nil {
				t.Fatal(err)
			}
			placements, candidates := exportBoth(t, first, format)

			second := newStore(t)
			if _, err := importPlacements(t, second, format, placements); err != nil {
				t.Fatalf("re-import placements: %v", err)
			}
			if _, err := importCandidates(t, second, format, candidates); err != nil {
				t.Fatalf("re-import candidates: %v", err)
			}
			p1, c1 := exportBoth(t, first, data.JSON)
			p2, c2 := exportBoth(t, second, data.JSON)
			if !bytes.Equal(p1, p2) || !bytes.Equal(c1, c2) {
				t.Fatalf("records differ after a %s round trip:\n%s\n%s\n---\n%s\n%s", format, p1, c1, p2, c2)
			}
			// Importing the export into the database it came from changes nothing.
			res, err := importPlacements(t, first, format, placements)
			if err != nil || res.Unchanged != 4 || res.Created+res.Updated != 0 {
				t.Fatalf("re-import into the source = %+v, %v; want 4 unchanged", res, err)
			}
		})
	}
}

func TestExport_JSONShape(t *testing.T) {
	s := newStore(t)
	if _, err := importPlacements(t, s, data.CSV, readFile(t, "placements.csv")); err != nil {
		t.Fatal(err)
	}
	if _, err := importCandidates(t, s, data.CSV, readFile(t, "candidates.csv")); err != nil {
		t.Fatal(err)
	}
	placements, candidates := exportBoth(t, s, data.JSON)
	for _, want := range []string{
		`{"ref":"P-REN-01","title":"Renholder","employer":"Grorud Renhold AS","sector":"privat"`,
		`"seats":3,"norwegian_min":"A2","norwegian_hard":false,"skills_required":[],"skills_trained":["renhold","hms"]`,
		`"schedule":"man-fre 07:00-13:00","min_hours_week":15,`,
	} {
		if !bytes.Contains(placements, []byte(want)) {
			t.Errorf("placements JSON lacks %s:\n%s", want, placements)
		}
	}
	for _, want := range []string{`"target_hours_week":37.5`, `"target_hours_week":null`, `"unavailable_until":""`, `"registered":"2026-09-01"`} {
		if !bytes.Contains(candidates, []byte(want)) {
			t.Errorf("candidates JSON lacks %s", want)
		}
	}
}

func TestImport_PartialFileUpdatesOnlyItsColumns(t *testing.T) {
	s := newStore(t)
	if _, err := importPlacements(t, s, data.CSV, readFile(t, "placements.csv")); err != nil {
		t.Fatal(err)
	}
	res, err := importPlacements(t, s, data.CSV, []byte("ref,seats,contact_name\nP-REN-01,5,\n"))
	if err != nil || res.Updated != 1 {
		t.Fatalf("partial import: %+v, %v", res, err)
	}
	p, _ := s.PlacementByRef(context.Background(), "P-REN-01")
	if p.Seats != 5 || p.ContactName != "" || p.Title != "Renholder" || p.Schedule.String() != "man-fre 07:00-13:00" {
		t.Fatalf("after partial import: seats %d contact %q title %q schedule %q", p.Seats, p.ContactName, p.Title, p.Schedule.String())
	}
	// A new ref in a partial file needs the required columns.
	_, err = importPlacements(t, s, data.CSV, []byte("ref,seats\nP-NY-01,2\n"))
	assertProblems(t, err, "line 2, column title: \"P-NY-01\": missing_column", "line 2, column employer", "line 2, column schedule")
}

// assertProblems checks that err lists a problem starting with each want.
func assertProblems(t *testing.T, err error, wants ...string) {
	t.Helper()
	var ve *data.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error = %v, want a ValidationError", err)
	}
	var got []string
	for _, p := range ve.Problems {
		got = append(got, p.Error())
	}
	for _, want := range wants {
		found := false
		for _, g := range got {
			found = found || strings.HasPrefix(g, want)
		}
		if !found {
			t.Errorf("problems lack %q; got:\n%s", want, strings.Join(got, "\n"))
		}
	}
}

// header of the placements test file, and a row to spoil one cell at a time.
const placementHeader = "ref,title,employer,sector,district,measure,seats,norwegian_min,norwegian_hard,skills_required,skills_trained,languages_valued,schedule,min_hours_week,requires_police_certificate,requires_drivers_license,adaptations_offered,contact_name,contact_phone,contact_email,description,status,occupations"

var goodPlacement = map[string]string{
	"ref": "P-1", "title": "Lagermedarbeider", "employer": "Alna Lager AS", "sector": "privat", "seats": "2",
	"norwegian_min": "A2", "norwegian_hard": "nei", "schedule": "man-fre 08:00-14:00", "min_hours_week": "10",
	"requires_police_certificate": "nei", "requires_drivers_license": "nei", "adaptations_offered": "fysisk",
	"contact_phone": "912 34 567", "contact_email": "lager@alna.no", "status": "aktiv", "occupations": "9321",
}

func placementFile(spoil map[string]string) []byte {
	var cells []string
	for _, name := range strings.Split(placementHeader, ",") {
		v, ok := spoil[name]
		if !ok {
			v = goodPlacement[name]
		}
		if strings.ContainsAny(v, ",\"\n") {
			v = `"` + strings.ReplaceAll(v, `"`, `""`) + `"`
		}
		cells = append(cells, v)
	}
	return []byte(placementHeader + "\n" + strings.Join(cells, ",") + "\n")
}

func TestImport_EveryBadPlacementValueIsLocatedAndNothingWritten(t *testing.T) {
	cases := []struct{ column, value, code string }{
		{"ref", "", "required"},
		{"title", strings.Repeat("x", 121), "too_long"},
		{"title", "", "required"},
		{"employer", "", "required"},
		{"sector", "offentlig", "choice"},
		{"seats", "to", "integer"},
		{"seats", "-1", "range"},
		{"seats", "2.5", "integer"},
		{"norwegian_min", "B3", "level"},
		{"norwegian_hard", "kanskje", "bool"},
		{"skills_required", strings.Repeat("y", 201), "too_long"},
		{"languages_valued", strings.Repeat("z", 201), "too_long"},
		{"schedule", "man-fre 8-15", "schedule.time"},
		{"schedule", "mandag til fredag", "schedule.group"},
		{"schedule", "", "empty_schedule"},
		{"min_hours_week", "mye", "number"},
		{"min_hours_week", "40", "min_hours"},
		{"requires_police_certificate", "ja takk", "bool"},
		{"requires_drivers_license", "2", "bool"},
		{"adaptations_offered", "rullestol", "choice"},
		{"contact_name", strings.Repeat("n", 201), "too_long"},
		{"contact_phone", "ring meg", "phone"},
		{"contact_email", "ola.no", "email"},
		{"description", strings.Repeat("d", 4001), "too_long"},
		{"status", "stengt", "choice"},
		{"occupations", "renholder", "occupation_none"}, // a title, with no classification stored
		{"occupations", "911", "occupation"},
	}
	for _, c := range cases {
		t.Run(c.column+"="+truncate(c.value), func(t *testing.T) {
			s := newStore(t)
			_, err := importPlacements(t, s, data.CSV, placementFile(map[string]string{c.column: c.value}))
			var ve *data.ValidationError
			if !errors.As(err, &ve) || len(ve.Problems) != 1 {
				t.Fatalf("error = %v, want one problem", err)
			}
			p := ve.Problems[0]
			if p.Where != (data.Location{Unit: "line", N: 2}) || p.Column != c.column || p.Code != c.code {
				t.Fatalf("problem = %+v, want line 2, column %s, code %s", *p, c.column, c.code)
			}
			if n, _ := s.CountPlacements(context.Background(), data.PlacementFilter{}); n != 0 {
				t.Fatalf("%d placements written by a rejected file", n)
			}
		})
	}
}

func truncate(s string) string {
	if len(s) > 12 {
		return s[:12] + "…"
	}
	return s
}

func TestImport_EveryBadCandidateValueIsLocated(t *testing.T) {
	header := "ref,name,programme,norwegian_level,other_languages,availability,target_hours_week,has_police_certificate,has_drivers_license,adaptation_needs,sector_preference,notes,status,unavailable_until,registered,goal_occupations"
	good := map[string]string{"ref": "K-1", "name": "Amina", "availability": "man-fre 08:00-15:00"}
	cases := []struct{ column, value, code string }{
		{"name", "", "required"},
		{"programme", "NAV", "choice"},
		{"norwegian_level", "flytende", "level"},
		{"availability", "man-fre 08:00-15", "schedule.time"},
		{"availability", "", "empty_schedule"},
		{"target_hours_week", "0", "range"},
		{"target_hours_week", "full", "number"},
		{"has_police_certificate", "x", "bool"},
		{"has_drivers_license", "jepp", "bool"},
		{"adaptation_needs", "hund", "choice"},
		{"sector_preference", "alle", "choice"},
		{"notes", strings.Repeat("n", 4001), "too_long"},
		{"status", "aktiv", "choice"},
		{"unavailable_until", "01.12.2026", "date"},
		{"registered", "2026-02-30", "date"},
		{"goal_occupations", "kokk", "occupation_none"},
	}
	for _, c := range cases {
		t.Run(c.column, func(t *testing.T) {
			var cells []string
			for _, name := range strings.Split(header, ",") {
				v, ok := map[string]string{c.column: c.value}[name]
				if !ok {
					v = good[name]
				}
				cells = append(cells, `"`+v+`"`)
			}
			s := newStore(t)
			_, err := importCandidates(t, s, data.CSV, []byte(header+"\n"+strings.Join(cells, ",")+"\n"))
			var ve *data.ValidationError
			if !errors.As(err, &ve) || len(ve.Problems) != 1 {
				t.Fatalf("error = %v, want one problem", err)
			}
			if p := ve.Problems[0]; p.Where.N != 2 || p.Column != c.column || p.Code != c.code {
				t.Fatalf("problem = %+v, want line 2, column %s, code %s", *p, c.column, c.code)
			}
		})
	}
}

func TestImport_FileProblems(t *testing.T) {
	cases := []struct {
		name    string
		format  data.Format
		content string
		want    []string
	}{
		{"unknown column", data.CSV, "ref,title,employer,seats,schedule,farge\nP-1,T,E,1,man 08:00-12:00,blå\n",
			[]string{"line 1, column farge: unknown_column"}},
		{"duplicate ref", data.CSV, "ref,title,employer,seats,schedule\nP-1,T,E,1,man 08:00-12:00\nP-2,T,E,1,man 08:00-12:00\nP-1,T,E,2,man 08:00-12:00\n",
			[]string{`line 4, column ref: "P-1": duplicate_ref line 2`}},
		{"empty file", data.CSV, "", []string{"empty_file"}},
		{"header only", data.CSV, "ref,title,employer,seats,schedule\n", []string{"empty_file"}},
		{"an unnamed column with a value", data.CSV, "ref,title,employer,seats,schedule,\nP-1,T,E,1,man 08:00-12:00,\nP-2,T,E,1,man 08:00-12:00,glemt\n",
			[]string{"line 3, unnamed_column 6"}},
		{"no ref column", data.CSV, "title,employer\nT,E\n", []string{"line 1, column ref: no_column"}},
		// What Excel in a Norwegian locale saves as "CSV": ; between the
		// columns, and æøå in Windows-1252.
		{"semicolons", data.CSV, "ref;title;employer;seats;schedule\r\nP-1;Renholder;E;1;man 08:00-12:00\r\n",
			[]string{"line 1, semicolons"}},
		{"windows-1252", data.CSV, "ref,title,employer,seats,schedule\nP-1,Renholder,E,1,man 08:00-12:00\nP-2,Kj\xf8kkenassistent,E,1,man 08:00-12:00\n",
			[]string{"line 3, column title: \"Kj\ufffdkkenassistent\": not_utf8"}},
		{"utf-16", data.CSV, "\xff\xfer\x00e\x00f\x00", []string{"line 1, utf16"}},
		{"json windows-1252", data.JSON, "[{\"ref\":\"P-1\",\"title\":\"Kj\xf8kkenassistent\",\"employer\":\"E\",\"seats\":1,\"schedule\":\"man 08:00-12:00\"}]",
			[]string{"record 1, column title: \"Kj\ufffdkkenassistent\": not_utf8"}},
		{"field count", data.CSV, "ref,title,employer,seats,schedule\nP-1,T,E,1\n", []string{"line 2, field_count 4 5"}},
		{"bad quote", data.CSV, "ref,title,employer,seats,schedule\nP-1,\"T,E,1,man 08:00-12:00\n", []string{"line 2, syntax"}},
		{"every row's errors", data.CSV, "ref,title,employer,seats,schedule\nP-1,T,E,x,man 08:00-12:00\n\"P-2\",\"multi\nline\",E,1,man 8-12\nP-3,T,E,1,sunnudag 08:00-12:00\n",
			[]string{`line 2, column seats: "x": integer`, `line 3, column schedule: "man 8-12": schedule.time 8`, `line 5, column schedule`}},
		{"json record", data.JSON, `[{"ref":"P-1","title":"T","employer":"E","seats":1,"schedule":"man 08:00-12:00"},{"ref":"P-2","title":"T","employer":"E","seats":"mange","schedule":"man 08:00-12:00"}]`,
			[]string{`record 2, column seats: "mange": integer`}},
		{"json not an array", data.JSON, `{"ref":"P-1"}`, []string{"syntax"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := newStore(t)
			_, err := importPlacements(t, s, c.format, []byte(c.content))
			assertProblems(t, err, c.want...)
			if n, _ := s.CountPlacements(context.Background(), data.PlacementFilter{}); n != 0 {
				t.Fatalf("%d placements written by a rejected file", n)
			}
		})
	}
}

func TestImport_ControlCharactersAreRemoved(t *testing.T) {
	s := newStore(t)
	title := "Renholder\x1b]52;c;aGVsbG8=\x07\x1b[2J\r"
	_, err := importPlacements(t, s, data.CSV, placementFile(map[string]string{"title": title, "description": "to\nlinjer\x1b[31m"}))
	if err != nil {
		t.Fatal(err)
	}
	p, _ := s.PlacementByRef(context.Background(), "P-1")
	if p.Title != "Renholder" || p.Description != "to\nlinjer" {
		t.Fatalf("title %q description %q", p.Title, p.Description)
	}
}

func TestImport_MarketContactCannotImportCandidates(t *testing.T) {
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "x.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	market := db.As(data.Actor{Name: "mk", Role: data.RoleMarket})
	if _, err := importCandidates(t, market, data.CSV, readFile(t, "candidates.csv")); !errors.Is(err, data.ErrForbidden) {
		t.Fatalf("import = %v, want ErrForbidden", err)
	}
	if err := data.ExportCandidates(context.Background(), market, data.CSV, &bytes.Buffer{}); !errors.Is(err, data.ErrForbidden) {
		t.Fatalf("export = %v, want ErrForbidden", err)
	}
}

// FuzzImportPlacementsCSV feeds the placements import arbitrary bytes: it
// must never panic, must reject with located problems, and what it accepts
// must export and read back the same. (No database here: the store's
// all-or-nothing rule has its own tests, and coverage-instrumented SQLite is
// too slow to fuzz.)
func FuzzImportPlacementsCSV(f *testing.F) {
	f.Add(string(readFile(f, "placements.csv")))
	f.Add(string(readFile(f, "placements_bom_crlf.csv")))
	f.Add(string(placementFile(nil)))
	f.Add("ref,title,employer,seats,schedule\nP-1,T,E,1,man 08:00-12:00\n")
	f.Add("\xef\xbb\xbfref,title\r\n\"P\"\"1\",x\r\n")
	f.Fuzz(func(t *testing.T, content string) {
		records, err := data.CheckPlacementsFile(data.CSV, strings.NewReader(content))
		if err != nil {
			var ve *data.ValidationError
			if !errors.As(err, &ve) || len(ve.Problems) == 0 {
				t.Fatalf("rejected without located problems: %v", err)
			}
			return
		}
		var out bytes.Buffer
		if err := data.ExportPlacementRecords(&out, data.CSV, records); err != nil {
			t.Fatal(err)
		}
		again, err := data.CheckPlacementsFile(data.CSV, bytes.NewReader(out.Bytes()))
		if err != nil {
			t.Fatalf("the export of an accepted file is rejected: %v\n%s", err, out.String())
		}
		var out2 bytes.Buffer
		data.ExportPlacementRecords(&out2, data.CSV, again)
		if !bytes.Equal(out.Bytes(), out2.Bytes()) {
			t.Fatalf("round trip differs:\n%s\n---\n%s", out.String(), out2.String())
		}
	})
}

func ExampleFieldError() {
	err := &data.FieldError{Where: data.Location{Unit: "line", N: 14}, Column: "schedule", Value: "man-fre 8-15", Code: "schedule.time", Args: []string{"8"}}
	fmt.Println(err)
	// Output: line 14, column schedule: "man-fre 8-15": schedule.time 8
}

// Excel saves a sheet as CSV with empty columns at the end when cells
// there were ever formatted: they are left out.
func TestImport_EmptyUnnamedColumnsAreLeftOut(t *testing.T) {
	s := newStore(t)
	file := "ref,title,employer,seats,schedule,,\r\nP-1,Renholder,Firma,2,man-fre 08:00-12:00,,\r\n,,,,,,\r\n"
	res, err := importPlacements(t, s, data.CSV, []byte(file))
	if err != nil || res.Created != 1 {
		t.Fatalf("import = %+v, %v; want one new placement", res, err)
	}
}
