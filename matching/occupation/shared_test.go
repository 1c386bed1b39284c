package occupation

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"arbeidsboks/internal/testtool"
)

// The tests read the real files in ../shared/data/occupations with small
// readers of their own: this package reads no files, and the importer that
// does lives in data.

type titleRow struct {
	title string
	codes []string
}

// sharedItems reads STYRK-08 and NAV's categories.
func sharedItems(t testing.TB) []Occupation {
	t.Helper()
	dir := testtool.SharedData(t, "occupations")
	raw, err := os.ReadFile(filepath.Join(dir, "styrk08-klass.json"))
	if err != nil {
		t.Fatal(err)
	}
	var klass struct {
		ClassificationItems []struct {
			Code, Level, Name, ParentCode string
		}
	}
	if err := json.Unmarshal(raw, &klass); err != nil {
		t.Fatal(err)
	}
	var items []Occupation
	at := map[string]int{}
	for _, it := range klass.ClassificationItems {
		level, _ := strconv.Atoi(it.Level)
		at[it.Code] = len(items)
		items = append(items, Occupation{Code: it.Code, Level: level, Name: it.Name, Parent: it.ParentCode})
	}
	for _, row := range readSemicolon(t, filepath.Join(dir, "nav-styrk-categories.csv"))[1:] {
		i, ok := at[strings.TrimSpace(row[0])]
		if !ok {
			t.Fatalf("category for unknown code %q", row[0])
		}
		items[i].Category1, items[i].Category2 = strings.TrimSpace(row[2]), strings.TrimSpace(row[3])
	}
	return items
}

func readSemicolon(t testing.TB, path string) [][]string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]string
	for _, line := range strings.Split(strings.ReplaceAll(string(raw), "\r\n", "\n"), "\n") {
		if line != "" {
			rows = append(rows, strings.Split(line, ";"))
		}
	}
	return rows
}

// titleList reads a split file (title,codes).
func titleList(t testing.TB, rel string) []titleRow {
	t.Helper()
	var out []titleRow
	for _, r := range testtool.SharedCSV(t, filepath.Join("occupations", rel)) {
		out = append(out, titleRow{r[0], strings.Fields(r[1])})
	}
	return out
}

// navTitles reads every title of NAV's 2017 file, by code.
func navTitles(t testing.TB) map[string][]string {
	t.Helper()
	rows := readSemicolon(t, testtool.SharedData(t, filepath.Join("occupations", "nav-job-titles-2017.csv")))
	out := map[string][]string{}
	for _, row := range rows[1:] {
		if cell := row[5]; cell != "*" {
			out[row[3]] = append(out[row[3]], splitOutsideParens(cell)...)
		}
	}
	return out
}

func splitOutsideParens(s string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth = max(0, depth-1) // one cell of NAV's file has a stray closing parenthesis
		case ',':
			if depth == 0 && i+1 < len(s) && s[i+1] == ' ' {
				out = append(out, s[start:i])
				start = i + 2
			}
		}
	}
	return append(out, s[start:])
}

// withTitles adds the titles to the unit groups.
func withTitles(items []Occupation, rows []titleRow) []Occupation {
	out := make([]Occupation, len(items))
	copy(out, items)
	at := map[string]int{}
	for i, it := range out {
		at[it.Code] = i
		out[i].Titles = nil
	}
	for _, r := range rows {
		for _, code := range r.codes {
			if i, ok := at[code]; ok {
				out[i].Titles = append(out[i].Titles, r.title)
			}
		}
	}
	return out
}

// accuracy resolves every row and counts how often one of its codes is
// first, and among the first three.
func accuracy(c *Classification, rows []titleRow) (top1, top3 float64) {
	var n1, n3 int
	for _, r := range rows {
		for rank, m := range c.Resolve(r.title, 3) {
			if containsString(r.codes, m.Code) {
				if rank == 0 {
					n1++
				}
				n3++
				break
			}
		}
	}
	return float64(n1) / float64(len(rows)), float64(n3) / float64(len(rows))
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
