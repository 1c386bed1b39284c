// Package builtin holds the data that ships inside the binary.
package builtin

import _ "embed"

// SkillsCSV is the built-in skills taxonomy in CSV with the header
// term,broader,synonyms,occupations: one skill or work-area term per row in
// lower-case bokmål, the term one level up (empty at the top), other words
// for the same thing separated by ";", and the STYRK-08 unit groups the term
// names or implies, separated by spaces.
//
//go:embed skills.csv
var SkillsCSV []byte
