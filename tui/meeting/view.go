package meeting

import (
	"fmt"
	"strings"

	"arbeidsboks/data"
	"arbeidsboks/tui/common"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
)

// View draws the tab.
func (m *Model) View() string {
	switch {
	case m.picker.Active:
		return lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, m.picker.View(m.c.Styles))
	case m.reading:
		return m.minutes.View()
	case m.open != nil:
		return m.meetingView()
	}
	if len(m.list) == 0 {
		return m.c.Styles.Faint.Render(m.c.T("tui.meeting.none"))
	}
	return m.c.Styles.Faint.Render(m.c.T("tui.meeting.list_hint")) + "\n" + m.table.View()
}

func (m *Model) meetingView() string {
	c, st, mt := m.c, m.c.Styles, m.open
	decided := 0
	for _, it := range mt.Items {
		if it.Decision != "" {
			decided++
		}
	}
	var b strings.Builder
	head := st.Title.Render(data.CleanText(mt.Title, false)) + "  " +
		st.Faint.Render(c.T("tui.meeting.head", mt.Chair, strings.Join(mt.Participants, ", ")))
	fmt.Fprintf(&b, "%s\n%s\n", common.Fit(head, m.width),
		st.Faint.Render(c.T("tui.meeting.progress", min(mt.Current+1, len(mt.Items)), len(mt.Items), decided)))
	it, ok := m.current()
	if !ok {
		b.WriteString("\n" + c.T("tui.meeting.empty_queue"))
		return b.String()
	}
	cand, found := m.snap.Candidate(it.CandidateID)
	if !found {
		b.WriteString("\n" + c.T("tui.gone"))
		return b.String()
	}
	p := data.ShapeCandidate(c.Role(), *cand)
	b.WriteString("\n" + st.Title.Render(data.CleanText(p.Name, false)) + "  " + st.Faint.Render(p.Ref) + "\n")
	b.WriteString(c.Field(c.T("col.programme"), c.Enum(string(p.Programme))) + "   " +
		c.Field(c.T("col.waiting"), c.Waiting(cand.Registered)) + "   " +
		c.Field(c.T("field.norwegian"), common.Level(p.Norwegian)) + "\n")
	b.WriteString(c.Field(c.T("field.goals"), common.List(p.Goals)) + "   " + c.Field(c.T("field.skills"), common.List(p.Skills)) + "\n")
	avail := c.Field(c.T("field.availability"), p.Availability.String()+" ("+c.Hours(p.Availability.Hours())+")")
	if p.TargetHoursWeek != nil {
		avail += "   " + c.Field(c.T("field.target"), c.Hours(*p.TargetHoursWeek))
	}
	b.WriteString(common.Fit(avail, m.width) + "\n")
	if it.Decision != "" {
		decision := c.Enum(string(it.Decision))
		if it.Decision == data.DecisionProposed {
			decision += " → " + it.PlacementRef
		}
		b.WriteString(st.Good.Render(c.T("tui.meeting.decision", decision, it.DecidedBy)) + "\n")
	}
	if it.Comment != "" {
		b.WriteString(c.Field(c.T("tui.meeting.comment"), it.Comment) + "\n")
	}
	b.WriteString("\n")
	if m.ranked.candidateID != it.CandidateID {
		b.WriteString(c.T("tui.loading") + "\n")
	} else if len(m.ranked.results) == 0 {
		b.WriteString(st.Faint.Render(c.T("tui.meeting.no_placements")) + "\n")
	}
	if m.ranked.candidateID == it.CandidateID {
		if len(m.ranked.results) > 0 {
			b.WriteString(st.Label.Render(c.T("tui.meeting.best_for", it.CandidateRef)) + "\n")
		}
		for i, r := range m.ranked.results {
			pl := m.ranked.m.Placements[r.Placement]
			free := pl.FreeSeats()
			if cur, ok := m.snap.Placement(pl.ID); ok {
				free = cur.FreeSeats()
			}
			line := fmt.Sprintf("%d  %s  %d.%d  %s  %s", i+1, data.CleanText(pl.Title+" · "+pl.Employer, false), r.Total/10, r.Total%10,
				c.T("tui.meeting.free", free, pl.Seats), c.T("tui.meeting.covers", c.Cat.Number(r.HoursWeek)))
			switch {
			case pl.ID == it.SuggestedID:
				line = st.Accent.Render(line + "  ◀ " + c.T("tui.meeting.suggested"))
			case r.Excluded || free == 0:
				line = st.Faint.Render(line) // filled or excluded while the team looked
			}
			b.WriteString(common.Fit(line, m.width) + "\n")
			reasons := common.VisibleReasons(c.Role(), r.Reasons)
			if len(reasons) > 2 {
				reasons = reasons[:2]
			}
			for _, reason := range reasons {
				b.WriteString(common.Fit("   "+st.Faint.Render("• "+common.DescribeReason(c.Cat, reason)), m.width) + "\n")
			}
		}
		if len(m.ranked.blocked) > 0 {
			b.WriteString(st.Label.Render(c.T("tui.meeting.blocked")) + "\n")
		}
		for _, r := range m.ranked.blocked {
			pl := m.ranked.m.Placements[r.Placement]
			line := fmt.Sprintf("   %s  %d.%d", data.CleanText(pl.Title+" · "+pl.Employer, false), r.Total/10, r.Total%10)
			b.WriteString(common.Fit(st.Faint.Render(line), m.width) + "\n")
			if reasons := common.VisibleReasons(c.Role(), r.Reasons); len(reasons) > 0 {
				why := "     • " + common.DescribeReason(c.Cat, reasons[0])
				b.WriteString(common.Fit(st.Faint.Render(why), m.width) + "\n")
			}
		}
	}
	if it.SuggestedID != 0 && it.Decision == "" {
		ref := fmt.Sprint(it.SuggestedID)
		if pl, ok := m.snap.Placement(it.SuggestedID); ok {
			ref = pl.Title + " (" + pl.Ref + ")"
		}
		b.WriteString("\n" + st.Accent.Render(c.T("tui.meeting.suggestion", data.CleanText(ref, false), it.SuggestedScore/10, it.SuggestedScore%10)) + "\n")
	}
	if m.typing {
		b.WriteString("\n" + m.comment.View() + "\n")
	}
	var next []string
	for _, x := range mt.Items[min(mt.Current+1, len(mt.Items)):] {
		if x.Decision == "" && len(next) < 4 {
			name := x.CandidateRef
			if nc, ok := m.snap.Candidate(x.CandidateID); ok {
				name = data.ShapeCandidate(c.Role(), *nc).Name
			}
			next = append(next, data.CleanText(name, false))
		}
	}
	if len(next) > 0 {
		b.WriteString("\n" + common.Fit(st.Faint.Render(c.T("tui.meeting.next_up", strings.Join(next, ", "))), m.width) + "\n")
	}
	if !m.isChair() {
		b.WriteString("\n" + st.Faint.Render(c.T("tui.meeting.following", mt.Chair)) + "\n")
	}
	return b.String()
}

// ShortHelp lists the keys for the help bar.
func (m *Model) ShortHelp() []key.Binding {
	k := m.keys
	switch {
	case m.typing:
		return []key.Binding{key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", m.c.T("key.save"))), k.Leave}
	case m.reading:
		return []key.Binding{k.Back}
	case m.open != nil && !m.isChair():
		return []key.Binding{k.Leave}
	case m.open != nil:
		return []key.Binding{k.Propose, k.Defer, k.Skip, k.Next, k.Prev, k.Undo, k.Allocate, k.Comment, k.Leave, k.End}
	}
	return []key.Binding{k.New, k.Open}
}

// FullHelp lists every key of the tab.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	return [][]key.Binding{{k.New, k.Open}, {k.Propose, k.Defer, k.Skip, k.Accept}, {k.Next, k.Prev, k.Undo, k.Allocate},
		{k.Add, k.Remove, k.Earlier, k.Later}, {k.Comment, k.HandOver, k.Leave, k.End}}
}
