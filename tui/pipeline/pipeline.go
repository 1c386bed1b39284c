// Package pipeline is the Utplasseringer tab: every utplassering by status
// along foreslått → kontaktet → avklaringsmøte → startet → fullført |
// avbrutt | ikke aktuell, moved forward and back with keys; ending asks for
// the reason; each shows its history.
package pipeline

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"arbeidsboks/data"
	"arbeidsboks/data/live"
	"arbeidsboks/tui/common"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

const owner = "pipeline"

// Keys are the tab's keys.
type Keys struct {
	common.ListKeys
	Next, Prev, End, Pin, Ended key.Binding
}

type movedMsg struct {
	u   data.Utplassering
	err error
}

type historyMsg struct {
	id     int64
	events []data.StatusEvent
	err    error
}

// pending is a move waiting for the user to choose in a dialog.
type pending struct {
	u  *data.Utplassering
	to data.Status
}

// Model is the Utplasseringer tab.
type Model struct {
	c         *common.Common
	keys      Keys
	snap      *live.Snapshot
	table     *common.Table
	filter    common.FilterBox
	seq       int
	rows      common.Rows[data.Utplassering]
	showEnded bool
	picker    common.Picker
	pending   pending
	details   bool
	detailsID int64
	history   []data.StatusEvent
	totals    string // the status counts over the snapshot, for the top line
	// fresh holds this session's own changes until the snapshot catches up,
	// so that a quick second step is based on the first one's result.
	fresh  map[int64]data.Utplassering
	view   viewport.Model
	width  int
	height int
}

// New makes the tab.
func New(c *common.Common) *Model {
	m := &Model{c: c, filter: common.NewFilterBox(c), fresh: map[int64]data.Utplassering{}}
	m.keys = Keys{
		ListKeys: common.NewListKeys(c.Cat),
		Next:     key.NewBinding(key.WithKeys("l", "right"), key.WithHelp("l/→", c.T("key.next_status"))),
		Prev:     key.NewBinding(key.WithKeys("h", "left"), key.WithHelp("h/←", c.T("key.prev_status"))),
		End:      key.NewBinding(key.WithKeys("a"), key.WithHelp("a", c.T("key.end"))),
		Pin:      key.NewBinding(key.WithKeys("!"), key.WithHelp("!", c.T("key.pin"))),
		Ended:    key.NewBinding(key.WithKeys("e"), key.WithHelp("e", c.T("key.show_ended"))),
	}
	m.table = common.NewTable(c.Styles, m.keys.ListKeys, []common.Column{
		{Title: c.T("col.status"), Width: 14},
		{Title: "!", Width: 1},
		{Title: c.T("col.candidate"), Width: 14, Flex: true},
		{Title: c.T("col.placement"), Width: 16, Flex: true},
		{Title: c.T("col.score"), Width: 5, Right: true, Optional: true},
	}, m.cell)
	m.table.Mark = func(row int) *lipgloss.Style {
		if !m.u(row).Status.HoldsSeat() {
			return &c.Styles.Faint
		}
		return nil
	}
	m.rows = common.NewRows(m.table, func() []*data.Utplassering { return m.snap.Utplasseringer },
		func(u *data.Utplassering) int64 { return u.ID })
	m.view = viewport.New(0, 0)
	return m
}

func (m *Model) u(row int) *data.Utplassering {
	u := m.rows.At(row)
	if f, ok := m.fresh[u.ID]; ok && f.Version > u.Version {
		return &f
	}
	return u
}

func (m *Model) candidateName(u *data.Utplassering) string {
	if c, ok := m.snap.Candidate(u.CandidateID); ok {
		return c.Name
	}
	return u.CandidateRef
}

func (m *Model) placementTitle(u *data.Utplassering) string {
	if p, ok := m.snap.Placement(u.PlacementID); ok {
		return p.Title + " · " + p.Employer
	}
	return u.PlacementRef
}

func (m *Model) cell(row, col int) string {
	u := m.u(row)
	switch col {
	case 0:
		return m.c.Enum(string(u.Status))
	case 1:
		if u.Pinned {
			return "!"
		}
		return ""
	case 2:
		return m.candidateName(u)
	case 3:
		return m.placementTitle(u)
	case 4:
		return fmt.Sprintf("%d.%d", u.Score/10, u.Score%10)
	}
	return ""
}

// Title is the tab's name.
func (m *Model) Title() string { return m.c.T("tab.pipeline") }

// Capturing reports whether a dialog or the filter has the keys.
func (m *Model) Capturing() bool { return m.picker.Active || m.filter.Active }

// SetSize gives the tab its space.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = width, height
	m.table.SetSize(width, height-1)
	m.view.Width, m.view.Height = width, height
}

// SetSnapshot takes the office's newest state.
func (m *Model) SetSnapshot(s *live.Snapshot) tea.Cmd {
	m.snap = s
	m.totals = m.countStatuses()
	for _, u := range s.Utplasseringer {
		if f, ok := m.fresh[u.ID]; ok && u.Version >= f.Version {
			delete(m.fresh, u.ID)
		}
	}
	return m.refilter()
}

func (m *Model) refilter() tea.Cmd {
	if m.snap == nil {
		return nil
	}
	m.seq++
	seq, snap, text, showEnded := m.seq, m.snap, m.filter.Query, m.showEnded
	return func() tea.Msg {
		list := snap.Utplasseringer
		matched := common.Match(text, len(list), func(i int) string {
			u := list[i]
			t := u.CandidateRef + " " + u.PlacementRef
			if c, ok := snap.Candidate(u.CandidateID); ok {
				t += " " + c.Name
			}
			if p, ok := snap.Placement(u.PlacementID); ok {
				t += " " + p.Title + " " + p.Employer
			}
			return t
		})
		rows := matched[:0]
		for _, i := range matched {
			if showEnded || list[i].Status.HoldsSeat() {
				rows = append(rows, i)
			}
		}
		// By pipeline status, the newest change first.
		slices.SortStableFunc(rows, func(a, b int) int {
			ua, ub := list[a], list[b]
			if r := cmp.Compare(slices.Index(data.Statuses, ua.Status), slices.Index(data.Statuses, ub.Status)); r != 0 {
				return r
			}
			return ub.Updated.Compare(ua.Updated)
		})
		return common.FilteredMsg{Owner: owner, Seq: seq, Rows: rows}
	}
}

// setRows shows a computed list, keeping the selected utplassering
// selected: it moves with its status.
func (m *Model) setRows(rows []int) {
	if m.pending.u != nil {
		m.rows.Want(m.pending.u.ID)
	}
	m.rows.Set(rows)
	if m.details {
		m.renderDetails()
	}
}

func (m *Model) selected() (*data.Utplassering, bool) {
	r := m.table.Cursor()
	if r < 0 || r >= m.rows.Len() {
		return nil, false
	}
	return m.u(r), true
}

// Update handles the tab's messages and keys.
func (m *Model) Update(msg tea.Msg) (common.Component, tea.Cmd) {
	switch msg := msg.(type) {
	case common.FilteredMsg:
		if msg.Owner == owner && msg.Seq == m.seq {
			m.setRows(msg.Rows)
		}
		return m, nil
	case movedMsg:
		if msg.err != nil {
			return m, m.c.Failure(msg.err)
		}
		m.fresh[msg.u.ID] = msg.u
		return m, common.Status(m.c.T("tui.moved", msg.u.CandidateRef, msg.u.PlacementRef, m.c.Enum(string(msg.u.Status))))
	case historyMsg:
		if msg.err != nil {
			return m, m.c.Failure(msg.err)
		}
		if msg.id == m.detailsID {
			m.history = msg.events
			m.renderDetails()
		}
		return m, nil
	case tea.KeyMsg:
		if m.picker.Active {
			return m, m.updatePicker(msg)
		}
		if m.filter.Active {
			return m, m.filter.Update(msg, m.refilter)
		}
		if m.details {
			if key.Matches(msg, m.keys.Back) {
				m.details = false
				return m, nil
			}
			var cmd tea.Cmd
			m.view, cmd = m.view.Update(msg)
			return m, cmd
		}
		return m, m.updateList(msg)
	}
	return m, nil
}

func (m *Model) updateList(msg tea.KeyMsg) tea.Cmd {
	if m.table.Update(msg) {
		return nil
	}
	u, ok := m.selected()
	k := m.keys
	switch {
	case key.Matches(msg, k.Filter):
		return m.filter.Open()
	case key.Matches(msg, k.Back):
		if m.filter.Clear() {
			return m.refilter()
		}
	case key.Matches(msg, k.Ended):
		m.showEnded = !m.showEnded
		return m.refilter()
	case !ok:
	case key.Matches(msg, k.Open):
		return m.openDetails(u)
	case key.Matches(msg, k.Next):
		return m.next(u)
	case key.Matches(msg, k.Prev):
		return m.prev(u)
	case key.Matches(msg, k.End):
		if !u.Status.HoldsSeat() {
			return nil
		}
		m.pending = pending{u: u}
		m.picker.Ask(m.c.T("tui.end_how"), m.enums(data.StatusCompleted, data.StatusCancelled, data.StatusNotSuitable))
	case key.Matches(msg, k.Pin):
		return m.pin(u)
	}
	return nil
}

func (m *Model) enums(statuses ...data.Status) []string {
	out := make([]string, len(statuses))
	for i, s := range statuses {
		out[i] = m.c.Enum(string(s))
	}
	return out
}

// next moves one step along the pipeline; from startet the next step ends
// it, which asks for the reason.
func (m *Model) next(u *data.Utplassering) tea.Cmd {
	i := slices.Index(data.Statuses, u.Status)
	switch {
	case u.Status == data.StatusStarted:
		m.pending = pending{u: u, to: data.StatusCompleted}
		m.askReason()
		return nil
	case i >= 0 && i < 3:
		return m.move(u, data.Statuses[i+1], "")
	}
	return nil
}

// prev moves one step back; an ended one goes back to where it ended from.
func (m *Model) prev(u *data.Utplassering) tea.Cmd {
	i := slices.Index(data.Statuses, u.Status)
	switch {
	case u.Status.IsEnd():
		store, ctx, id, version := m.c.Store, m.c.Ctx, u.ID, u.Version
		return func() tea.Msg {
			history, err := store.History(ctx, id)
			if err != nil {
				return movedMsg{err: err}
			}
			back := data.StatusStarted
			for _, e := range history {
				if e.To.IsEnd() && e.From != "" {
					back = e.From
				}
			}
			var moved data.Utplassering
			err = store.WithTx(ctx, func(tx data.Tx) error {
				var err error
				moved, err = tx.Move(ctx, id, version, back, "", "")
				return err
			})
			return movedMsg{moved, err}
		}
	case i > 0:
		return m.move(u, data.Statuses[i-1], "")
	}
	return nil
}

func (m *Model) askReason() {
	reasons := make([]string, len(data.EndReasons))
	for i, r := range data.EndReasons {
		reasons[i] = m.c.Enum(string(r))
	}
	m.picker.Ask(m.c.T("tui.end_why", m.c.Enum(string(m.pending.to))), reasons)
}

func (m *Model) updatePicker(msg tea.KeyMsg) tea.Cmd {
	chosen, done := m.picker.Update(msg)
	if !done {
		return nil
	}
	if chosen < 0 {
		m.pending = pending{}
		return nil
	}
	if m.pending.to == "" { // the first question: how it ended
		m.pending.to = []data.Status{data.StatusCompleted, data.StatusCancelled, data.StatusNotSuitable}[chosen]
		m.askReason()
		return nil
	}
	u, to := m.pending.u, m.pending.to
	m.pending = pending{}
	return m.move(u, to, data.EndReasons[chosen])
}

func (m *Model) move(u *data.Utplassering, to data.Status, reason data.EndReason) tea.Cmd {
	store, ctx, id, version := m.c.Store, m.c.Ctx, u.ID, u.Version
	return func() tea.Msg {
		var moved data.Utplassering
		err := store.WithTx(ctx, func(tx data.Tx) error {
			var err error
			moved, err = tx.Move(ctx, id, version, to, reason, "")
			return err
		})
		return movedMsg{moved, err}
	}
}

func (m *Model) pin(u *data.Utplassering) tea.Cmd {
	store, ctx, id, version, pinned := m.c.Store, m.c.Ctx, u.ID, u.Version, !u.Pinned
	return func() tea.Msg {
		var moved data.Utplassering
		err := store.WithTx(ctx, func(tx data.Tx) error {
			var err error
			moved, err = tx.Pin(ctx, id, version, pinned)
			return err
		})
		return movedMsg{moved, err}
	}
}

func (m *Model) openDetails(u *data.Utplassering) tea.Cmd {
	m.details, m.detailsID, m.history = true, u.ID, nil
	m.view.GotoTop()
	m.renderDetails()
	store, ctx, id := m.c.Store, m.c.Ctx, u.ID
	return func() tea.Msg {
		events, err := store.History(ctx, id)
		return historyMsg{id, events, err}
	}
}

// renderDetails puts the selected utplassering and its history in the
// details pane.
func (m *Model) renderDetails() {
	c, st := m.c, m.c.Styles
	var u *data.Utplassering
	for _, x := range m.snap.Utplasseringer {
		if x.ID == m.detailsID {
			u = x
		}
	}
	if u == nil {
		m.view.SetContent(c.T("tui.gone"))
		return
	}
	var b strings.Builder
	b.WriteString(st.Title.Render(data.CleanText(m.candidateName(u), false)+" → "+data.CleanText(m.placementTitle(u), false)) + "\n")
	status := c.Enum(string(u.Status))
	if reason := data.ShapeUtplassering(c.Role(), *u).EndReason; reason != "" {
		status += " – " + c.Enum(string(reason))
	}
	b.WriteString(c.Field(c.T("col.status"), status) + "\n")
	b.WriteString(c.Field(c.T("col.score"), fmt.Sprintf("%d.%d", u.Score/10, u.Score%10)) + "   " + c.Field(c.T("field.pinned"), yesNo(c, u.Pinned)) + "\n")
	b.WriteString(c.Field(c.T("field.proposed_by"), u.CreatedBy+", "+u.Created.Local().Format("2006-01-02 15:04")) + "\n\n")
	b.WriteString(st.Title.Render(c.T("tui.history")) + "\n")
	if m.history == nil {
		b.WriteString(c.T("tui.loading"))
	}
	for _, e := range m.history {
		from := c.Enum(string(e.From))
		if e.From == "" {
			from = "·"
		}
		line := fmt.Sprintf("  %s  %s → %s  %s", e.At.Local().Format("2006-01-02 15:04"), from, c.Enum(string(e.To)), data.CleanText(e.By, false))
		if e.Reason != "" {
			line += " (" + c.Enum(string(e.Reason)) + ")"
		}
		b.WriteString(line + "\n")
	}
	m.view.SetContent(b.String())
}

func yesNo(c *common.Common, b bool) string {
	if b {
		return c.T("cli.yes")
	}
	return c.T("cli.no")
}

// View draws the tab.
func (m *Model) View() string {
	switch {
	case m.snap == nil:
		return m.c.T("tui.loading")
	case m.details:
		return m.view.View()
	case m.picker.Active:
		return lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, m.picker.View(m.c.Styles),
			lipgloss.WithWhitespaceChars(" "))
	}
	top := m.totals
	if m.filter.Active {
		top = m.filter.View()
	} else if m.filter.Query != "" {
		top = m.c.Styles.Accent.Render("/"+m.filter.Query) + "  " + top
	}
	return top + "\n" + m.table.View()
}

// countStatuses sums up the office's utplasseringer by status, once a
// snapshot rather than once a frame.
func (m *Model) countStatuses() string {
	counts := map[data.Status]int{}
	for _, u := range m.snap.Utplasseringer {
		counts[u.Status]++
	}
	var parts []string
	for _, s := range data.Statuses[:4] {
		parts = append(parts, fmt.Sprintf("%s %d", m.c.Enum(string(s)), counts[s]))
	}
	ended := counts[data.StatusCompleted] + counts[data.StatusCancelled] + counts[data.StatusNotSuitable]
	parts = append(parts, m.c.T("tui.ended_count", ended))
	return m.c.Styles.Faint.Render(strings.Join(parts, " → "))
}

// ShortHelp lists the keys for the help bar.
func (m *Model) ShortHelp() []key.Binding {
	if m.details {
		return []key.Binding{m.keys.Back}
	}
	return []key.Binding{m.keys.Next, m.keys.Prev, m.keys.End, m.keys.Pin, m.keys.Open, m.keys.Ended, m.keys.Filter}
}

// FullHelp lists every key of the tab.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	return [][]key.Binding{k.Movement(), {k.Next, k.Prev, k.End, k.Pin}, {k.Open, k.Ended, k.Filter, k.Back}}
}
