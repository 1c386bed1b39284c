package forms

import (
	"slices"
	"strings"

	"arbeidsboks/data"
)

// conflict is what the form shows when the record changed since it was
// opened: what the other change did, what the user changed, and where both
// changed the same field.
type conflict struct {
	storedPlacement data.Placement
	storedCandidate data.Candidate
	// stored is the stored version's text, by column.
	stored  map[string]string
	version int64
	theirs  []string // columns the other change touched
}

func (e *Editor) newConflict(p data.Placement, c data.Candidate) *conflict {
	cf := &conflict{storedPlacement: p, storedCandidate: c}
	var before, after map[string]any
	if e.kind == PlacementKind {
		before, after = data.PlacementValues(&e.basePlacement), data.PlacementValues(&p)
		cf.stored, cf.version = e.fieldTextsOf(data.PlacementText(&p)), p.Version
	} else {
		before, after = data.CandidateValues(&e.baseCandidate), data.CandidateValues(&c)
		cf.stored, cf.version = e.fieldTextsOf(data.CandidateText(&c)), c.Version
	}
	_, changed := data.DiffValues(before, after)
	for col := range changed {
		if _, shown := cf.stored[col]; shown {
			cf.theirs = append(cf.theirs, col)
		}
	}
	slices.Sort(cf.theirs)
	return cf
}

// fieldTextsOf keeps the columns the form shows, without touching the
// form's own values.
func (e *Editor) fieldTextsOf(all map[string]string) map[string]string {
	out := map[string]string{}
	mine := e.texts()
	for col := range mine {
		out[col] = all[col]
	}
	return out
}

func (e *Editor) label(column string) string {
	if e.c.Cat.Has("form." + column) {
		return e.c.T("form." + column)
	}
	return e.c.T("form." + fieldOf(e.kind, column))
}

func shortValue(s string) string {
	s = strings.Join(strings.Fields(data.CleanText(s, false)), " ")
	if s == "" {
		return "–"
	}
	if r := []rune(s); len(r) > 50 {
		return string(r[:49]) + "…"
	}
	return s
}

func (cf *conflict) view(e *Editor) string {
	st := e.c.Styles
	var b strings.Builder
	b.WriteString(st.Warn.Render(e.c.T("form.conflict.title", cf.version)) + "\n\n")
	b.WriteString(st.Title.Render(e.c.T("form.conflict.theirs")) + "\n")
	if len(cf.theirs) == 0 {
		b.WriteString("  " + st.Faint.Render(e.c.T("form.conflict.hidden")) + "\n")
	}
	mine := e.texts()
	for _, col := range cf.theirs {
		b.WriteString("  " + e.c.Field(e.label(col), shortValue(e.opened[col])+" → "+shortValue(cf.stored[col])) + "\n")
	}
	b.WriteString("\n" + st.Title.Render(e.c.T("form.conflict.mine")) + "\n")
	var cols []string
	for col, v := range mine {
		if normalize(v) != normalize(e.opened[col]) {
			cols = append(cols, col)
		}
	}
	slices.Sort(cols)
	if len(cols) == 0 {
		b.WriteString("  " + st.Faint.Render(e.c.T("tui.none")) + "\n")
	}
	for _, col := range cols {
		line := "  " + e.c.Field(e.label(col), shortValue(e.opened[col])+" → "+shortValue(mine[col]))
		if slices.Contains(cf.theirs, col) && normalize(mine[col]) != normalize(cf.stored[col]) {
			line += "  " + st.Bad.Render(e.c.T("form.conflict.both"))
		}
		b.WriteString(line + "\n")
	}
	b.WriteString("\n" + st.Help.Render(e.c.T("form.conflict.keys")))
	return b.String()
}
