package candidates

import (
	"fmt"
	"strings"

	"arbeidsboks/data"
	"arbeidsboks/data/live"
	"arbeidsboks/tui/common"

	"github.com/charmbracelet/lipgloss"
)

// renderDetails puts the opened person's record in the details pane, as
// far as the user's role may see it.
func (m *Model) renderDetails() {
	if !m.details || m.snap == nil || m.access {
		return
	}
	if m.opened == nil {
		m.view.SetContent(m.c.T("tui.loading"))
		return
	}
	common.SetDetails(&m.view, Details(m.c, m.snap, m.opened))
}

// Details describes a candidate as far as the user's role may see.
func Details(c *common.Common, snap *live.Snapshot, cand *data.Candidate) string {
	st := c.Styles
	p := data.ShapeCandidate(c.Role(), *cand)
	var b strings.Builder
	name := data.CleanText(p.Name, false)
	if p.Erased {
		name = c.T("tui.erased_name")
	}
	b.WriteString(st.Title.Render(name) + "  " + st.Faint.Render(p.Ref) + "\n")
	b.WriteString(c.Field(c.T("col.programme"), c.Enum(string(p.Programme))) + "   " + c.Field(c.T("col.status"), c.Enum(string(p.Status))) + "\n")
	if !p.Restricted {
		b.WriteString(c.Field(c.T("col.specialist"), common.OrDash(p.Specialist)) + "   ")
	}
	b.WriteString(c.Field(c.T("col.district"), common.OrDash(p.District)) + "\n")
	b.WriteString(c.Field(c.T("field.norwegian"), c.T("tui.oral_written", common.OrDash(p.Norwegian.Oral.String()), common.OrDash(p.Norwegian.Written.String()))) + "\n")
	if !p.Restricted {
		b.WriteString(c.Field(c.T("field.other_languages"), common.List(p.OtherLanguages)) + "\n")
	}
	b.WriteString(c.Field(c.T("field.skills"), common.List(p.Skills)) + "\n")
	b.WriteString(c.Field(c.T("field.goals"), common.List(p.Goals)) + "\n")
	if len(p.GoalOccupations) > 0 {
		b.WriteString(c.Field(c.T("field.goal_occupations"), common.Occupations(snap.Occupations, p.GoalOccupations)) + "\n")
	}
	b.WriteString(c.Field(c.T("field.adaptation_needs"), c.Enums(common.Strings(p.AdaptationNeeds))) + "\n")
	if !p.Restricted {
		if p.AdaptationDetail != "" {
			b.WriteString(c.Field(c.T("field.adaptation_detail"), p.AdaptationDetail) + "\n")
		}
		var certs []string
		if p.HasPoliceCertificate {
			certs = append(certs, c.T("field.police"))
		}
		if p.HasDriversLicense {
			certs = append(certs, c.T("field.license"))
		}
		b.WriteString(c.Field(c.T("field.has"), common.List(certs)) + "\n")
		if p.UnavailableUntil != "" {
			b.WriteString(c.Field(c.T("field.unavailable_until"), string(p.UnavailableUntil)) + "\n")
		}
		b.WriteString(c.Field(c.T("field.registered"), string(p.Registered)+" ("+c.Waiting(p.Registered)+")") + "\n")
	}
	target := "–"
	if p.TargetHoursWeek != nil {
		target = c.Hours(*p.TargetHoursWeek)
	}
	b.WriteString("\n" + c.Field(c.T("field.availability"), p.Availability.String()) + "\n")
	grid := common.WeekGrid(st, p.Availability, nil)
	side := c.Field(c.T("field.available"), c.Hours(p.Availability.Hours()))
	if !p.Restricted {
		side += "\n" + c.Field(c.T("field.target"), target)
	}
	b.WriteString(lipgloss.JoinHorizontal(lipgloss.Top, grid, "   ", side) + "\n")
	if !p.Restricted {
		if p.Phone != "" || p.Email != "" {
			b.WriteString("\n" + c.Field(c.T("field.phone"), common.OrDash(p.Phone)) + "   " + c.Field(c.T("field.email"), common.OrDash(p.Email)) + "\n")
		}
		if p.Notes != "" {
			b.WriteString("\n" + st.Title.Render(c.T("field.notes")) + "\n" + data.CleanText(p.Notes, true) + "\n")
		}
		b.WriteString("\n" + st.Title.Render(c.T("tui.history")) + "\n")
		list := snap.UtplasseringerOf(p.ID, 0)
		if len(list) == 0 {
			b.WriteString("  " + st.Faint.Render(c.T("tui.none")) + "\n")
		}
		for _, u := range list {
			title := u.PlacementRef
			if pl, ok := snap.Placement(u.PlacementID); ok {
				title = pl.Title + " (" + pl.Ref + ")"
			}
			end := ""
			if u.EndReason != "" {
				end = " – " + c.Enum(string(u.EndReason))
			}
			fmt.Fprintf(&b, "  %s  %s  %s%s\n", u.Created.Format("2006-01-02"), data.CleanText(title, false), c.Enum(string(u.Status)), end)
		}
	}
	return b.String()
}
