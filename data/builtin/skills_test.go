package builtin

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"testing"
	"unicode"

	"arbeidsboks/internal/testtool"
)

// skillRow is one row of skills.csv with its lists split.
type skillRow struct {
	line        int
	term        string
	broader     string
	synonyms    []string
	occupations []string
}

func readSkills(t *testing.T) []skillRow {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(SkillsCSV))
	r.FieldsPerRecord = 4
	header, err := r.Read()
	if err != nil {
		t.Fatalf("skills.csv: header: %v", err)
	}
	if got, want := strings.Join(header, ","), "term,broader,synonyms,occupations"; got != want {
		t.Fatalf("skills.csv: header is %q, want %q", got, want)
	}
	var rows []skillRow
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("skills.csv: %v", err)
		}
		line, _ := r.FieldPos(0)
		row := skillRow{line: line, term: rec[0], broader: rec[1]}
		if rec[2] != "" {
			row.synonyms = strings.Split(rec[2], ";")
		}
		row.occupations = strings.Fields(rec[3])
		rows = append(rows, row)
	}
	return rows
}

// isNormal reports whether s is written as the taxonomy stores words: lower
// case, no surrounding or doubled space, no control characters.
func isNormal(s string) bool {
	if s == "" || s != strings.ToLower(s) || s != strings.Join(strings.Fields(s), " ") {
		return false
	}
	for _, r := range s {
		if unicode.IsControl(r) || r == ';' {
			return false
		}
	}
	return true
}

func TestSkillsCSV_HasEnoughTerms(t *testing.T) {
	if n := len(readSkills(t)); n < 170 {
		t.Errorf("skills.csv has %d terms, want at least 170", n)
	}
}

func TestSkillsCSV_WordsAreLowerCaseAndTidy(t *testing.T) {
	for _, row := range readSkills(t) {
		if !isNormal(row.term) {
			t.Errorf("line %d: term %q is not lower case and tidy", row.line, row.term)
		}
		if row.broader != "" && !isNormal(row.broader) {
			t.Errorf("line %d: broader %q is not lower case and tidy", row.line, row.broader)
		}
		for _, s := range row.synonyms {
			if !isNormal(s) {
				t.Errorf("line %d: synonym %q of %q is empty, not lower case or not tidy", row.line, s, row.term)
			}
		}
	}
}

func TestSkillsCSV_TermsAndSynonymsAreUnique(t *testing.T) {
	rows := readSkills(t)
	termLine := map[string]int{}
	for _, row := range rows {
		if first, ok := termLine[row.term]; ok {
			t.Errorf("line %d: term %q already on line %d", row.line, row.term, first)
			continue
		}
		termLine[row.term] = row.line
	}
	synonymOf := map[string]string{}
	for _, row := range rows {
		for _, s := range row.synonyms {
			if line, ok := termLine[s]; ok {
				t.Errorf("line %d: synonym %q of %q is a term on line %d", row.line, s, row.term, line)
			}
			if other, ok := synonymOf[s]; ok {
				t.Errorf("line %d: synonym %q of %q is already a synonym of %q", row.line, s, row.term, other)
				continue
			}
			synonymOf[s] = row.term
		}
	}
}

func TestSkillsCSV_BroaderTermsExistWithoutCycles(t *testing.T) {
	rows := readSkills(t)
	broader := map[string]string{}
	for _, row := range rows {
		broader[row.term] = row.broader
	}
	for _, row := range rows {
		if row.broader == "" {
			continue
		}
		if _, ok := broader[row.broader]; !ok {
			t.Errorf("line %d: broader %q of %q is not a term", row.line, row.broader, row.term)
			continue
		}
		seen := map[string]bool{row.term: true}
		for up := row.broader; up != ""; up = broader[up] {
			if seen[up] {
				t.Errorf("line %d: %q has a cycle through %q", row.line, row.term, up)
				break
			}
			seen[up] = true
		}
	}
}

func TestSkillsCSV_TreeIsAtMostThreeLevelsDeep(t *testing.T) {
	rows := readSkills(t)
	broader := map[string]string{}
	for _, row := range rows {
		broader[row.term] = row.broader
	}
	for _, row := range rows {
		depth := 1
		for up := row.broader; up != "" && depth <= len(rows); up = broader[up] {
			depth++
		}
		if depth > 3 {
			t.Errorf("line %d: %q lies %d levels deep, want at most 3", row.line, row.term, depth)
		}
	}
}

func TestSkillsCSV_OccupationCodesHaveFourDigits(t *testing.T) {
	for _, row := range readSkills(t) {
		seen := map[string]bool{}
		for _, code := range row.occupations {
			if len(code) != 4 || strings.Trim(code, "0123456789") != "" {
				t.Errorf("line %d: occupation %q of %q is not a 4-digit STYRK-08 code", row.line, code, row.term)
			}
			if seen[code] {
				t.Errorf("line %d: occupation %q of %q given twice", row.line, code, row.term)
			}
			seen[code] = true
		}
	}
}

// The resolver reads the taxonomy's words as titles of their occupations,
// and its quality is measured on the held-out titles of the shared split:
// none of them may be one of the taxonomy's words, or the measure would
// flatter it.
func TestSkills_HoldNoHeldOutTitle(t *testing.T) {
	records := testtool.SharedCSV(t, "occupations/split/heldout.csv")
	heldOut := make(map[string]bool, len(records))
	for _, r := range records {
		heldOut[strings.ToLower(strings.TrimSpace(r[0]))] = true
	}
	for _, row := range readSkills(t) {
		for _, w := range append([]string{row.term}, row.synonyms...) {
			if heldOut[strings.ToLower(w)] {
				t.Errorf("line %d: %q is a held-out title", row.line, w)
			}
		}
	}
}
