package common

import (
	"strings"

	"github.com/charmbracelet/bubbles/viewport"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// SideBySide is the width from which a list shows a record's details beside
// it; a narrower terminal shows them in the list's place.
const SideBySide = 120

// LayoutSplit sizes a list, under its one-line filter line, and the pane
// with the details of its selected record.
func LayoutSplit(t *Table, v *viewport.Model, details bool, width, height int) {
	switch {
	case details && width >= SideBySide:
		t.SetSize(width/2, height-1)
		v.Width, v.Height = width-width/2-1, height
	case details:
		v.Width, v.Height = width, height
	default:
		t.SetSize(width, height-1)
	}
}

// SetDetails puts a record's details in their pane, wrapped to its width,
// so that a long description or note is read to its end, not cut at the
// edge.
func SetDetails(v *viewport.Model, details string) {
	v.SetContent(ansi.Wrap(details, v.Width, ""))
}

// SplitView draws what LayoutSplit sized: the filter line and the list,
// with the details beside them or instead of them.
func SplitView(width int, details bool, filterLine func() string, t *Table, v viewport.Model) string {
	if details && width < SideBySide {
		return v.View()
	}
	list := filterLine() + "\n" + t.View()
	if details {
		return lipgloss.JoinHorizontal(lipgloss.Top, lipgloss.NewStyle().Width(width/2).Render(list), " ", v.View())
	}
	return list
}

// FilterSummary is a list's filter line while the filter input is closed:
// the filters in effect, then how many of all the records the list shows.
func (c *Common) FilterSummary(filters []string, shown, total int) string {
	count := c.Styles.Faint.Render(c.T("tui.count", shown, total))
	if len(filters) == 0 {
		return count
	}
	return c.Styles.Accent.Render(strings.Join(filters, " · ")) + "  " + count
}

// ThenByRef finishes a list's sort: ties go by reference, so that the order
// is the same on every refresh, and desc turns the whole order round.
func ThenByRef(r int, refA, refB string, desc bool) int {
	if r == 0 {
		r = strings.Compare(refA, refB)
	}
	if desc {
		r = -r
	}
	return r
}
