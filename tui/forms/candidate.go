package forms

import (
	"strings"

	"arbeidsboks/data"
	"arbeidsboks/tui/common"
)

// NewCandidate opens the form for a new candidate (k nil) or for editing
// k's whole record (read with Store.OpenCandidate, which logs it).
func NewCandidate(c *common.Common, k *data.Candidate) *Editor {
	base := data.NewCandidate()
	title := c.T("form.new_candidate")
	if k != nil {
		base = *k
		title = c.T("form.edit_candidate", data.CleanText(k.Name, false), k.Ref)
	} else {
		base.Ref = nextRef(c, "K-")
	}
	texts := data.CandidateText(&base)
	terms := skillTerms(c)
	cls := classification(c)
	e := newEditor(c, CandidateKind, title, nil)
	e.baseCandidate = base
	e.hints["goal_occupations"] = occupationHint(c, cls)
	e.groups = []groupSpec{
		{"form.group.person", []fieldSpec{
			{name: "name"},
			{name: "programme", kind: choice, options: e.options(common.Strings(data.Programmes))},
			{name: "status", kind: choice, options: e.options(common.Strings(data.CandidateStatuses))},
			{name: "specialist", suggest: prefixSuggestions(specialists(c))},
			{name: "district", suggest: prefixSuggestions(districts(c))},
			{name: "registered"},
			{name: "ref"},
		}},
		{"form.group.skills", []fieldSpec{
			{name: "norwegian_oral", kind: choice, options: e.options(levels)},
			{name: "norwegian_written", kind: choice, options: e.options(levels)},
			{name: "other_languages"},
			{name: "skills", suggest: func(v string) []string { return listSuggestions(v, terms) }},
			{name: "goals", suggest: func(v string) []string { return listSuggestions(v, terms) }},
			{name: "goal_occupations", suggest: occupationSuggestions(cls)},
			{name: "certificates", kind: multi, options: e.options([]string{"police", "license"})},
		}},
		{"form.group.time", []fieldSpec{
			{name: "availability", grid: true},
			{name: "target_hours_week"},
			{name: "unavailable_until"},
			{name: "adaptation_needs", kind: multi, options: e.options(common.Strings(data.Adaptations))},
			{name: "sector_preference", kind: multi, options: e.options(common.Strings(data.Sectors))},
		}},
		{"form.group.contact_notes", []fieldSpec{
			{name: "phone"},
			{name: "email"},
			{name: "adaptation_detail", kind: text},
			{name: "notes", kind: text},
		}},
	}
	e.load(texts)
	e.opened = e.texts() // what "changed since opened" compares
	e.build()
	return e
}

// NewUnavailable opens the small form that marks a candidate temporarily
// unavailable until a date (empty: available again).
func NewUnavailable(c *common.Common, k data.Candidate) *Editor {
	e := newEditor(c, CandidateKind, c.T("form.unavailable_title", data.CleanText(k.Name, false), k.Ref), nil)
	e.baseCandidate = k
	e.groups = []groupSpec{{"form.group.unavailable", []fieldSpec{{name: "unavailable_until"}}}}
	texts := data.CandidateText(&k)
	e.load(texts)
	e.opened = e.texts() // what "changed since opened" compares
	e.build()
	return e
}

func specialists(c *common.Common) []string {
	snap := c.Office.Snapshot()
	if snap == nil {
		return nil
	}
	seen := map[string]bool{}
	var out []string
	for _, k := range snap.Candidates {
		if k.Specialist != "" && !seen[k.Specialist] {
			seen[k.Specialist] = true
			out = append(out, k.Specialist)
		}
	}
	return out
}

func normalizeName(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
