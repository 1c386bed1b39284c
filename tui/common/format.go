package common

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"arbeidsboks/data"
	"arbeidsboks/matching"
	"arbeidsboks/matching/occupation"
)

// Enum names a stored value (a status, a sector, a programme) in the
// user's language; the stored values are Norwegian words already.
func (c *Common) Enum(value string) string {
	if value == "" {
		return "–"
	}
	key := "enum." + value
	if c.Cat.Has(key) {
		return c.T(key)
	}
	return value
}

// Enums names a list of stored values.
func (c *Common) Enums(values []string) string {
	if len(values) == 0 {
		return "–"
	}
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = c.Enum(v)
	}
	return strings.Join(out, ", ")
}

// Level writes a Norwegian level, or – for none.
func Level(n matching.Norwegian) string {
	if n.IsZero() {
		return "–"
	}
	return n.String()
}

// Hours writes hours a week ("24 t", "37,5 h").
func (c *Common) Hours(h float64) string {
	return c.T("tui.hours", c.Cat.Number(h))
}

// Occupations names STYRK-08 codes with their occupations' names where the
// classification knows them ("9112 Renholdere i virksomheter"): a job
// specialist reads names, not codes.
func Occupations(cls *occupation.Classification, codes []string) string {
	if len(codes) == 0 {
		return "–"
	}
	named := make([]string, len(codes))
	sep := ", "
	for i, code := range codes {
		named[i] = code
		if name := cls.Name(code); name != "" {
			named[i] += " " + name
			sep = "; " // names hold commas
		}
	}
	return strings.Join(named, sep)
}

// List joins list items, or – for none.
func List(items []string) string {
	if len(items) == 0 {
		return "–"
	}
	return strings.Join(items, ", ")
}

// Waiting says how long since a day: days, then weeks, then months.
func (c *Common) Waiting(since data.Date) string {
	from, err := time.Parse(time.DateOnly, string(since))
	if err != nil {
		return "–"
	}
	today, _ := time.Parse(time.DateOnly, string(c.Today()))
	days := int(today.Sub(from).Hours() / 24)
	switch {
	case days < 0:
		return "–"
	case days < 14:
		return c.T("tui.days", days)
	case days < 90:
		return c.T("tui.weeks", days/7)
	}
	return c.T("tui.months", days/30)
}

// WaitingDays counts the days since a day, for sorting.
func (c *Common) WaitingDays(since data.Date) int {
	from, err := time.Parse(time.DateOnly, string(since))
	if err != nil {
		return -1
	}
	today, _ := time.Parse(time.DateOnly, string(c.Today()))
	return int(today.Sub(from).Hours() / 24)
}

// Seats writes free of total seats.
func Seats(p *data.Placement) string { return fmt.Sprintf("%d/%d", p.FreeSeats(), p.Seats) }

// Bar draws a share 0–1 as width cells.
func (c *Common) Bar(x float64, width int) string {
	n := int(x*float64(width) + 0.5)
	n = max(0, min(width, n))
	return c.Styles.BarFull.Render(strings.Repeat("█", n)) + c.Styles.BarEmpty.Render(strings.Repeat("░", width-n))
}

// Field is a label and its value on one line of a details pane.
func (c *Common) Field(label, value string) string {
	return c.Styles.Label.Render(label+": ") + c.Styles.Value.Render(data.CleanText(value, false))
}

// OrDash writes a value, or – for none.
func OrDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// Strings turns a list of stored values (statuses, sectors) into strings.
func Strings[V ~string](vs []V) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// Cycle steps a quick filter through "" (all) and each value in turn.
func Cycle(current string, values []string) string {
	if current == "" {
		if len(values) == 0 {
			return ""
		}
		return values[0]
	}
	i := slices.Index(values, current)
	if i < 0 || i+1 >= len(values) {
		return ""
	}
	return values[i+1]
}
