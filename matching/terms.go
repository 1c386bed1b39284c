package matching

import (
	"strings"
	"unicode"
)

// NormalizeTerm gives the form a skill, language or other list item is
// compared and stored in: lower case, inner white space collapsed to one
// space, no surrounding space.
func NormalizeTerm(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), unicode.IsSpace), " ")
}

// NormalizeTerms normalizes each term and drops empty ones and repeats,
// keeping the first occurrence's place.
func NormalizeTerms(terms []string) []string {
	out := make([]string, 0, len(terms))
	seen := make(map[string]bool, len(terms))
	for _, t := range terms {
		t = NormalizeTerm(t)
		if t == "" || seen[t] {
			continue
		}
		seen[t] = true
		out = append(out, t)
	}
	return out
}
