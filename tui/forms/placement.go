package forms

import (
	"fmt"

	"arbeidsboks/data"
	"arbeidsboks/tui/common"
)

var levels = []string{"", "A1", "A2", "B1", "B2", "C1", "C2"}

// NewPlacement opens the form for a new placement (p nil) or for editing
// p, as read from the store. employers are the office's employers, offered
// as completions; a name not among them registers a new employer.
func NewPlacement(c *common.Common, p *data.Placement, employers []string) *Editor {
	base := data.NewPlacement()
	title := c.T("form.new_placement")
	if p != nil {
		base = *p
		title = c.T("form.edit_placement", data.CleanText(p.Title, false), p.Ref)
	} else {
		base.Seats = 1
		base.Ref = nextRef(c, "P-")
	}
	texts := data.PlacementText(&base)
	terms := skillTerms(c)
	cls := classification(c)
	e := newEditor(c, PlacementKind, title, nil)
	e.basePlacement = base
	e.groups = []groupSpec{
		{"form.group.placement", []fieldSpec{
			{name: "title"},
			{name: "employer", suggest: prefixSuggestions(employers)},
			{name: "sector", kind: choice, options: e.options(append([]string{""}, common.Strings(data.Sectors)...))},
			{name: "district", suggest: prefixSuggestions(districts(c))},
			{name: "measure", kind: choice, options: e.options(withCurrent(append([]string{""}, data.KnownMeasures...), texts["measure"]))},
			{name: "status", kind: choice, options: e.options(common.Strings(data.PlacementStatuses))},
			{name: "ref"},
		}},
		{"form.group.requirements", []fieldSpec{
			{name: "seats"},
			{name: "norwegian_oral", kind: choice, options: e.options(levels)},
			{name: "norwegian_written", kind: choice, options: e.options(levels)},
			{name: "requirements", kind: multi, options: e.options([]string{"police", "license", "norwegian_hard"})},
			{name: "skills_required", suggest: func(v string) []string { return listSuggestions(v, terms) }},
			{name: "skills_trained", suggest: func(v string) []string { return listSuggestions(v, terms) }},
			{name: "occupations", suggest: occupationSuggestions(cls)},
			{name: "languages_valued"},
		}},
		{"form.group.schedule", []fieldSpec{
			{name: "schedule", grid: true},
			{name: "min_hours_week"},
			{name: "adaptations_offered", kind: multi, options: e.options(common.Strings(data.Adaptations))},
		}},
		{"form.group.contact", []fieldSpec{
			{name: "contact_name"},
			{name: "contact_phone"},
			{name: "contact_email"},
			{name: "description", kind: text},
		}},
	}
	known := map[string]bool{}
	for _, name := range employers {
		known[normalizeName(name)] = true
	}
	e.hints["occupations"] = occupationHint(c, cls)
	e.hints["employer"] = func(v string) string {
		switch {
		case v == "":
			return ""
		case known[normalizeName(v)]:
			return c.T("form.employer_known")
		}
		return c.T("form.employer_new")
	}
	e.load(texts)
	e.opened = e.texts() // what "changed since opened" compares
	e.build()
	return e
}

// nextRef proposes a free ref for a new record: the prefix and the next
// number after the office's count.
func nextRef(c *common.Common, prefix string) string {
	snap := c.Office.Snapshot()
	taken := map[string]bool{}
	n := 0
	if snap != nil {
		if prefix == "P-" {
			for _, p := range snap.Placements {
				taken[p.Ref] = true
			}
			n = len(snap.Placements)
		} else {
			for _, k := range snap.Candidates {
				taken[k.Ref] = true
			}
			n = len(snap.Candidates)
		}
	}
	for {
		n++
		ref := fmt.Sprintf("%s%04d", prefix, n)
		if !taken[ref] {
			return ref
		}
	}
}

func skillTerms(c *common.Common) []string {
	snap := c.Office.Snapshot()
	if snap == nil {
		return nil
	}
	var out []string
	for _, t := range snap.SkillTerms {
		out = append(out, t.Term)
	}
	return out
}

func districts(c *common.Common) []string {
	snap := c.Office.Snapshot()
	if snap == nil {
		return nil
	}
	seen := map[string]bool{}
	var out []string
	add := func(d string) {
		if d != "" && !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	for _, p := range snap.Placements {
		add(p.District)
	}
	for _, k := range snap.Candidates {
		add(k.District)
	}
	return out
}
