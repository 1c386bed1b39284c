package common

import (
	"strings"

	"arbeidsboks/data"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// Column is one column of a Table.
type Column struct {
	Title string
	Width int  // cells; a flexible column's least width
	Flex  bool // takes a share of the space left over
	Right bool // numbers align right
	// Optional columns are left out, last first, when the window is narrow.
	Optional bool
}

// Table is a list of rows that renders only the rows in view, so that
// moving and drawing cost the same at a hundred rows or a hundred thousand.
// It does not hold the rows: Cell is asked for the text of a visible cell.
type Table struct {
	Columns []Column
	Cell    func(row, col int) string
	// Mark, when set, styles a whole row (a warning, a faint ended one).
	Mark func(row int) *lipgloss.Style

	styles        *Styles
	keys          ListKeys
	rows          int
	cursor        int
	offset        int
	width, height int
}

// NewTable makes an empty table.
func NewTable(styles *Styles, keys ListKeys, columns []Column, cell func(row, col int) string) *Table {
	return &Table{Columns: columns, Cell: cell, styles: styles, keys: keys}
}

// SetRows sets how many rows there are, keeping the cursor in range.
func (t *Table) SetRows(n int) {
	t.rows = n
	t.SetCursor(t.cursor)
}

// Rows is the number of rows.
func (t *Table) Rows() int { return t.rows }

// Cursor is the selected row, or -1 in an empty table.
func (t *Table) Cursor() int {
	if t.rows == 0 {
		return -1
	}
	return t.cursor
}

// SetCursor selects a row and scrolls it into view.
func (t *Table) SetCursor(i int) {
	t.cursor = max(0, min(i, t.rows-1))
	visible := t.visibleRows()
	if t.cursor < t.offset {
		t.offset = t.cursor
	}
	if t.cursor >= t.offset+visible {
		t.offset = t.cursor - visible + 1
	}
	t.offset = max(0, min(t.offset, t.rows-visible))
}

// SetSize gives the table its space, header line included.
func (t *Table) SetSize(width, height int) {
	t.width, t.height = width, height
	t.SetCursor(t.cursor)
}

func (t *Table) visibleRows() int { return max(1, t.height-1) }

// SelectID puts the cursor on the row whose id is want, if the table shows
// it: a list keeps its selected record selected when it is filtered,
// sorted or refreshed.
func (t *Table) SelectID(want int64, idOf func(row int) int64) {
	if want == 0 {
		return
	}
	for r := range t.rows {
		if idOf(r) == want {
			t.SetCursor(r)
			return
		}
	}
}

// Update moves the cursor for the list keys; it reports whether it used the key.
func (t *Table) Update(msg tea.KeyMsg) bool {
	switch {
	case key.Matches(msg, t.keys.Up):
		t.SetCursor(t.cursor - 1)
	case key.Matches(msg, t.keys.Down):
		t.SetCursor(t.cursor + 1)
	case key.Matches(msg, t.keys.Top):
		t.SetCursor(0)
	case key.Matches(msg, t.keys.Bottom):
		t.SetCursor(t.rows - 1)
	case key.Matches(msg, t.keys.PageUp):
		t.SetCursor(t.cursor - t.visibleRows())
	case key.Matches(msg, t.keys.PageDown):
		t.SetCursor(t.cursor + t.visibleRows())
	default:
		return false
	}
	return true
}

// layout decides which columns show and how wide.
func (t *Table) layout() (shown []int, widths []int) {
	const gap = 1
	for i := range t.Columns {
		shown = append(shown, i)
	}
	need := func() int {
		n := 0
		for _, i := range shown {
			n += t.Columns[i].Width + gap
		}
		return n
	}
	for need() > t.width {
		drop := -1
		for j := len(shown) - 1; j >= 0; j-- {
			if t.Columns[shown[j]].Optional {
				drop = j
				break
			}
		}
		if drop < 0 {
			break
		}
		shown = append(shown[:drop], shown[drop+1:]...)
	}
	spare := max(0, t.width-need())
	flex := 0
	for _, i := range shown {
		if t.Columns[i].Flex {
			flex++
		}
	}
	for _, i := range shown {
		w := t.Columns[i].Width
		if t.Columns[i].Flex && flex > 0 {
			share := spare / flex
			w += share
			spare -= share
			flex--
		}
		widths = append(widths, w)
	}
	return shown, widths
}

// View draws the header and the rows in view.
func (t *Table) View() string {
	shown, widths := t.layout()
	var b strings.Builder
	header := make([]string, len(shown))
	for j, i := range shown {
		header[j] = fit(t.Columns[i].Title, widths[j], t.Columns[i].Right)
	}
	b.WriteString(t.styles.TableHeader.Render(strings.Join(header, " ")))
	end := min(t.rows, t.offset+t.visibleRows())
	for r := t.offset; r < end; r++ {
		cells := make([]string, len(shown))
		for j, i := range shown {
			cells[j] = fit(data.CleanText(t.Cell(r, i), false), widths[j], t.Columns[i].Right)
		}
		line := strings.Join(cells, " ")
		switch {
		case r == t.cursor:
			line = t.styles.Selected.Render(line)
		case t.Mark != nil:
			if st := t.Mark(r); st != nil {
				line = st.Render(line)
			}
		}
		b.WriteString("\n" + line)
	}
	return b.String()
}

// fit cuts or pads text to exactly width cells.
func fit(s string, width int, right bool) string {
	if width <= 0 {
		return ""
	}
	s = ansi.Truncate(s, width, "…")
	pad := strings.Repeat(" ", max(0, width-ansi.StringWidth(s)))
	if right {
		return pad + s
	}
	return s + pad
}

// Fit cuts or pads text to exactly width cells.
func Fit(s string, width int) string { return fit(s, width, false) }
