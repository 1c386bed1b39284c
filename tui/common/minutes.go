package common

import (
	"fmt"
	"strings"

	"arbeidsboks/data"
	"arbeidsboks/tui/i18n"
)

// Minutes writes a meeting's minutes as Markdown: when and who, every
// decision with who made it and when, the deferred, the comments, and what
// was not reached. name and title describe a candidate and a placement by id.
func Minutes(c *i18n.Catalogue, m data.Meeting, name, title func(id int64) string) string {
	var b strings.Builder
	cell := func(s string) string {
		s = data.CleanText(strings.Join(strings.Fields(s), " "), false)
		return strings.ReplaceAll(s, "|", `\|`)
	}
	fmt.Fprintf(&b, "# %s\n\n", cell(m.Title))
	ended := "–"
	if !m.Ended.IsZero() {
		ended = m.Ended.Local().Format("2006-01-02 15:04")
	}
	fmt.Fprintf(&b, "- %s: %s\n", c.T("minutes.started"), m.Started.Local().Format("2006-01-02 15:04"))
	fmt.Fprintf(&b, "- %s: %s\n", c.T("minutes.ended"), ended)
	fmt.Fprintf(&b, "- %s: %s\n", c.T("minutes.chair"), cell(m.Chair))
	fmt.Fprintf(&b, "- %s: %s\n\n", c.T("minutes.participants"), cell(strings.Join(m.Participants, ", ")))

	fmt.Fprintf(&b, "## %s\n\n", c.T("minutes.decisions"))
	fmt.Fprintf(&b, "| # | %s | %s | %s | %s | %s | %s |\n|---|---|---|---|---|---|---|\n",
		c.T("minutes.candidate"), c.T("minutes.decision"), c.T("minutes.placement"), c.T("minutes.score"),
		c.T("minutes.by"), c.T("minutes.when"))
	var deferred, comments, open []string
	n := 0
	for _, it := range m.Items {
		who := cell(name(it.CandidateID)) + " (" + it.CandidateRef + ")"
		if it.Comment != "" {
			comments = append(comments, fmt.Sprintf("- %s: %s", who, cell(it.Comment)))
		}
		switch it.Decision {
		case "":
			open = append(open, "- "+who)
			continue
		case data.DecisionDeferred:
			deferred = append(deferred, "- "+who)
		}
		n++
		placement, score := "", ""
		if it.Decision == data.DecisionProposed {
			placement = cell(title(it.PlacementID)) + " (" + it.PlacementRef + ")"
			score = fmt.Sprintf("%d.%d", it.Score/10, it.Score%10)
		}
		fmt.Fprintf(&b, "| %d | %s | %s | %s | %s | %s | %s |\n", n, who, c.T("enum."+string(it.Decision)), placement, score,
			cell(it.DecidedBy), it.DecidedAt.Local().Format("15:04"))
	}
	if n == 0 {
		fmt.Fprintf(&b, "| – | %s | | | | | |\n", c.T("minutes.none"))
	}
	for _, section := range []struct {
		key   string
		lines []string
	}{{"minutes.deferred", deferred}, {"minutes.comments", comments}, {"minutes.open", open}} {
		if len(section.lines) > 0 {
			fmt.Fprintf(&b, "\n## %s\n\n%s\n", c.T(section.key), strings.Join(section.lines, "\n"))
		}
	}
	return b.String()
}
