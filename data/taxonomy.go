package data

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"

	"arbeidsboks/data/builtin"
	"arbeidsboks/matching"
)

// BuiltinSkillTerms is the skills taxonomy that ships with the program,
// which a new database starts with.
func BuiltinSkillTerms() ([]SkillTerm, error) {
	r := csv.NewReader(bytes.NewReader(builtin.SkillsCSV))
	rows, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("built-in skills taxonomy: %w", err)
	}
	if len(rows) < 2 {
		return nil, fmt.Errorf("built-in skills taxonomy: no terms")
	}
	var terms []SkillTerm
	for _, row := range rows[1:] {
		if len(row) < 4 {
			return nil, fmt.Errorf("built-in skills taxonomy: row %v: want 4 fields", row)
		}
		terms = append(terms, SkillTerm{
			Term:        matching.NormalizeTerm(row[0]),
			Broader:     matching.NormalizeTerm(row[1]),
			Synonyms:    matching.NormalizeTerms(splitList(row[2])),
			Occupations: strings.Fields(row[3]),
		})
	}
	return terms, nil
}
