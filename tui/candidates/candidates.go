// Package candidates is the Kandidater tab: the office's candidates with
// filter, quick filters and sort, and a details pane with skills, goals,
// availability as a week grid beside the target hours, adaptation needs and
// the history of their utplasseringer. Opening a person's details reads
// their whole record, which the store logs.
package candidates

import (
	"cmp"
	"slices"
	"strings"

	"arbeidsboks/data"
	"arbeidsboks/data/live"
	"arbeidsboks/tui/common"
	"arbeidsboks/tui/forms"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

const owner = "candidates"

// Keys are the tab's own keys beside the list keys.
type Keys struct {
	common.ListKeys
	Matches, Status, Programme, Mine, Reverse key.Binding
	New, Edit, Unavailable, Access, Erase     key.Binding
}

func newKeys(c *common.Common) Keys {
	return Keys{
		ListKeys:    common.NewListKeys(c.Cat),
		Matches:     key.NewBinding(key.WithKeys("m"), key.WithHelp("m", c.T("key.matches"))),
		Status:      key.NewBinding(key.WithKeys("a"), key.WithHelp("a", c.T("key.status_filter"))),
		Programme:   key.NewBinding(key.WithKeys("p"), key.WithHelp("p", c.T("key.programme_filter"))),
		Mine:        key.NewBinding(key.WithKeys("i"), key.WithHelp("i", c.T("key.mine"))),
		Reverse:     key.NewBinding(key.WithKeys("S"), key.WithHelp("S", c.T("key.reverse"))),
		New:         key.NewBinding(key.WithKeys("n"), key.WithHelp("n", c.T("key.new"))),
		Edit:        key.NewBinding(key.WithKeys("e"), key.WithHelp("e", c.T("key.edit"))),
		Unavailable: key.NewBinding(key.WithKeys("u"), key.WithHelp("u", c.T("key.unavailable"))),
		Access:      key.NewBinding(key.WithKeys("v"), key.WithHelp("v", c.T("key.access"))),
		Erase:       key.NewBinding(key.WithKeys("X"), key.WithHelp("X", c.T("key.erase"))),
	}
}

// formMsg brings a person's whole record for a form (read through
// OpenCandidate, so the reading is logged).
type formMsg struct {
	candidate   *data.Candidate
	unavailable bool
	err         error
}

// accessMsg brings everything stored about a person, for a team lead.
type accessMsg struct {
	text string
	err  error
}

// erasedMsg says a person's data was erased.
type erasedMsg struct {
	ref string
	err error
}

var sorts = []string{"ref", "name", "waiting", "status", "programme"}

// openedMsg brings a person's whole record, read (and logged) for the
// details pane.
type openedMsg struct {
	candidate data.Candidate
	err       error
}

// Model is the Kandidater tab.
type Model struct {
	c         *common.Common
	keys      Keys
	snap      *live.Snapshot
	table     *common.Table
	filter    common.FilterBox
	seq       int
	rows      common.Rows[data.Candidate]
	sortBy    int
	desc      bool
	status    string
	programme string
	mine      bool
	details   bool
	opened    *data.Candidate // the record read for the details pane
	openingID int64           // the person whose record is being read for it
	view      viewport.Model
	width     int
	height    int
	// form is the open candidate form, if any: it has every key.
	form *forms.Editor
	// access shows everything stored about the opened person (team leads).
	access bool
	// confirmErase asks before a person's data is erased.
	confirmErase common.Picker
}

// New makes the tab.
func New(c *common.Common) *Model {
	m := &Model{c: c, keys: newKeys(c), filter: common.NewFilterBox(c)}
	m.table = common.NewTable(c.Styles, m.keys.ListKeys, []common.Column{
		{Title: c.T("col.name"), Width: 16, Flex: true},
		{Title: c.T("col.ref"), Width: 8, Optional: true},
		{Title: c.T("col.programme"), Width: 9},
		{Title: c.T("col.specialist"), Width: 12, Flex: true, Optional: true},
		{Title: c.T("col.norwegian"), Width: 6},
		{Title: c.T("col.status"), Width: 11},
		{Title: c.T("col.waiting"), Width: 7, Right: true},
	}, m.cell)
	m.table.Mark = func(row int) *lipgloss.Style {
		if m.candidate(row).UnavailableOn(c.Today()) {
			return &c.Styles.Faint
		}
		return nil
	}
	m.rows = common.NewRows(m.table, func() []*data.Candidate { return m.snap.Candidates },
		func(c *data.Candidate) int64 { return c.ID })
	m.view = viewport.New(0, 0)
	return m
}

func (m *Model) candidate(row int) *data.Candidate { return m.rows.At(row) }

func (m *Model) cell(row, col int) string {
	c := data.ShapeCandidate(m.c.Role(), *m.candidate(row))
	switch col {
	case 0:
		if c.Erased {
			return m.c.T("tui.erased_name")
		}
		return c.Name
	case 1:
		return c.Ref
	case 2:
		return m.c.Enum(string(c.Programme))
	case 3:
		return c.Specialist
	case 4:
		return common.Level(c.Norwegian)
	case 5:
		return m.c.Enum(string(c.Status))
	case 6:
		return m.c.Waiting(m.candidate(row).Registered)
	}
	return ""
}

// Title is the tab's name.
func (m *Model) Title() string { return m.c.T("tab.candidates") }

// Capturing reports whether the filter input, a form or a dialog is open.
func (m *Model) Capturing() bool { return m.filter.Active || m.form != nil || m.confirmErase.Active }

// SetSize gives the tab its space.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = width, height
	m.layout()
}

func (m *Model) layout() {
	if m.form != nil {
		m.form.SetSize(m.width, m.height)
	}
	common.LayoutSplit(m.table, &m.view, m.details, m.width, m.height)
	m.renderDetails()
}

// SetSnapshot takes the office's newest state and filters again.
func (m *Model) SetSnapshot(s *live.Snapshot) tea.Cmd {
	m.snap = s
	// The open details follow a colleague's edit; the new read is logged
	// like the first, as the person now sees the new version.
	if m.details && m.opened != nil {
		if c, ok := s.Candidate(m.opened.ID); ok && c.Version != m.opened.Version {
			return tea.Batch(m.refilter(), m.read(c.ID))
		}
	}
	return m.refilter()
}

// query is what the list shows: the text filter, the quick filters and
// the sort, over one snapshot. It is computed in a command, so that a long
// list never holds up a keystroke.
type query struct {
	snap      *live.Snapshot
	text      string
	status    string
	programme string
	mine      bool
	me        string
	sortBy    int
	desc      bool
}

func (m *Model) refilter() tea.Cmd {
	if m.snap == nil {
		return nil
	}
	m.seq++
	q := query{snap: m.snap, text: m.filter.Query, status: m.status, programme: m.programme, mine: m.mine,
		me: m.c.Store.Actor().Name, sortBy: m.sortBy, desc: m.desc}
	seq := m.seq
	return func() tea.Msg { return common.FilteredMsg{Owner: owner, Seq: seq, Rows: q.rows()} }
}

func (q query) rows() []int {
	cands := q.snap.Candidates
	matched := common.Match(q.text, len(cands), func(i int) string {
		c := cands[i]
		return c.Ref + " " + c.Name + " " + c.Specialist + " " + c.District + " " + strings.Join(c.Goals, " ")
	})
	matched = common.MatchOccupation(matched, q.snap.Occupations, q.text, len(cands), func(i int) []string { return cands[i].GoalOccupations })
	rows := matched[:0]
	for _, i := range matched {
		c := cands[i]
		if (q.status != "" && string(c.Status) != q.status) ||
			(q.programme != "" && string(c.Programme) != q.programme) ||
			(q.mine && !isMine(c.Specialist, q.me)) {
			continue
		}
		rows = append(rows, i)
	}
	by := sorts[q.sortBy]
	slices.SortStableFunc(rows, func(a, b int) int {
		ca, cb := cands[a], cands[b]
		var r int
		switch by {
		case "name":
			r = cmp.Compare(strings.ToLower(ca.Name), strings.ToLower(cb.Name))
		case "waiting":
			r = cmp.Compare(ca.Registered, cb.Registered)
		case "status":
			r = cmp.Compare(slices.Index(data.CandidateStatuses, ca.Status), slices.Index(data.CandidateStatuses, cb.Status))
		case "programme":
			r = cmp.Compare(ca.Programme, cb.Programme)
		}
		return common.ThenByRef(r, ca.Ref, cb.Ref, q.desc)
	})
	return rows
}

// setRows shows a computed list, keeping the selected candidate selected
// (or selecting the one asked for).
func (m *Model) setRows(rows []int) {
	m.rows.Set(rows)
	m.renderDetails()
}

// Selected is the candidate under the cursor.
func (m *Model) Selected() (*data.Candidate, bool) { return m.rows.Selected() }

// Show selects a candidate and opens their details.
func (m *Model) Show(id int64) tea.Cmd {
	m.status, m.programme, m.mine = "", "", false
	m.filter.Clear()
	m.rows.Want(id)
	return tea.Batch(m.refilter(), m.open(id))
}

// open reads the person's whole record (logged) for the details pane.
func (m *Model) open(id int64) tea.Cmd {
	m.details, m.opened = true, nil
	m.view.GotoTop()
	m.layout()
	return m.read(id)
}

// read reads the person's whole record (logged) for the details pane,
// which keeps what it shows until the record arrives.
func (m *Model) read(id int64) tea.Cmd {
	m.openingID = id
	store, ctx := m.c.Store, m.c.Ctx
	return func() tea.Msg {
		c, err := store.OpenCandidate(ctx, id)
		return openedMsg{c, err}
	}
}

// Update handles the tab's messages and keys.
func (m *Model) Update(msg tea.Msg) (common.Component, tea.Cmd) {
	switch msg := msg.(type) {
	case common.FilteredMsg:
		if msg.Owner == owner && msg.Seq == m.seq {
			m.setRows(msg.Rows)
		}
		return m, nil
	case openedMsg:
		if msg.err != nil {
			return m, m.c.Failure(msg.err)
		}
		if !m.details || msg.candidate.ID != m.openingID {
			return m, nil // the user has moved on
		}
		m.opened = &msg.candidate
		m.renderDetails()
		return m, nil
	case formMsg:
		return m, m.openForm(msg)
	case accessMsg:
		if msg.err != nil {
			return m, m.c.Failure(msg.err)
		}
		m.access = true
		m.view.SetContent(msg.text)
		m.view.GotoTop()
		return m, nil
	case erasedMsg:
		if msg.err != nil {
			return m, m.c.Failure(msg.err)
		}
		if m.opened != nil {
			return m, tea.Batch(common.Status(m.c.T("tui.erased", msg.ref)), m.open(m.opened.ID))
		}
		return m, common.Status(m.c.T("tui.erased", msg.ref))
	}
	if m.form != nil {
		return m, m.updateForm(msg)
	}
	switch msg := msg.(type) {
	case tea.KeyMsg:
		if m.confirmErase.Active {
			return m, m.updateErase(msg)
		}
		if m.filter.Active {
			return m, m.filter.Update(msg, m.refilter)
		}
		if m.details {
			return m, m.updateDetails(msg)
		}
		return m, m.updateList(msg)
	}
	return m, nil
}

func (m *Model) updateList(msg tea.KeyMsg) tea.Cmd {
	if m.table.Update(msg) {
		return nil
	}
	k := m.keys
	switch {
	case key.Matches(msg, k.New):
		return m.edit(0, false)
	case key.Matches(msg, k.Edit):
		if c, ok := m.Selected(); ok {
			return m.edit(c.ID, false)
		}
	case key.Matches(msg, k.Unavailable):
		if c, ok := m.Selected(); ok {
			return m.edit(c.ID, true)
		}
	case key.Matches(msg, k.Filter):
		return m.filter.Open()
	case key.Matches(msg, k.Back):
		if m.filter.Clear() {
			return m.refilter()
		}
	case key.Matches(msg, k.Open):
		if c, ok := m.Selected(); ok {
			return m.open(c.ID)
		}
	case key.Matches(msg, k.Matches):
		if c, ok := m.Selected(); ok {
			id := c.ID
			return func() tea.Msg { return common.OpenMatchMsg{CandidateID: id} }
		}
	case key.Matches(msg, k.Sort):
		m.sortBy = (m.sortBy + 1) % len(sorts)
		return tea.Batch(m.refilter(), common.Status(m.c.T("tui.sorted_by", m.c.T("sort."+sorts[m.sortBy]))))
	case key.Matches(msg, k.Reverse):
		m.desc = !m.desc
		return m.refilter()
	case key.Matches(msg, k.Status):
		m.status = common.Cycle(m.status, common.Strings(data.CandidateStatuses))
		return m.refilter()
	case key.Matches(msg, k.Programme):
		m.programme = common.Cycle(m.programme, common.Strings(data.Programmes))
		return m.refilter()
	case key.Matches(msg, k.Mine):
		m.mine = !m.mine
		return m.refilter()
	}
	return nil
}

func (m *Model) updateDetails(msg tea.KeyMsg) tea.Cmd {
	if m.access {
		if key.Matches(msg, m.keys.Back) {
			m.access = false
			m.renderDetails()
			return nil
		}
		var cmd tea.Cmd
		m.view, cmd = m.view.Update(msg)
		return cmd
	}
	switch {
	case key.Matches(msg, m.keys.Back):
		m.details, m.opened = false, nil
		m.layout()
		return nil
	case key.Matches(msg, m.keys.Edit), key.Matches(msg, m.keys.Unavailable):
		if m.opened != nil {
			return m.edit(m.opened.ID, key.Matches(msg, m.keys.Unavailable))
		}
		return nil
	case key.Matches(msg, m.keys.New):
		return m.edit(0, false)
	case key.Matches(msg, m.keys.Access) && m.c.Role() == data.RoleLead:
		return m.showAccess()
	case key.Matches(msg, m.keys.Erase):
		return m.askErase()
	case key.Matches(msg, m.keys.Matches):
		if m.opened != nil {
			id := m.opened.ID
			return func() tea.Msg { return common.OpenMatchMsg{CandidateID: id} }
		}
		return nil
	case m.width >= common.SideBySide && m.table.Update(msg):
		if c, ok := m.Selected(); ok {
			return m.open(c.ID)
		}
		return nil
	}
	var cmd tea.Cmd
	m.view, cmd = m.view.Update(msg)
	return cmd
}

// View draws the tab.
func (m *Model) View() string {
	if m.form != nil {
		return m.form.View()
	}
	if m.confirmErase.Active {
		return m.confirmErase.View(m.c.Styles)
	}
	if m.snap == nil {
		return m.c.T("tui.loading")
	}
	return common.SplitView(m.width, m.details, m.filterLine, m.table, m.view)
}

func (m *Model) filterLine() string {
	if m.filter.Active {
		return m.filter.View()
	}
	var parts []string
	if m.filter.Query != "" {
		parts = append(parts, "/"+m.filter.Query)
	}
	if m.status != "" {
		parts = append(parts, m.c.T("tui.filter.status", m.c.Enum(m.status)))
	}
	if m.programme != "" {
		parts = append(parts, m.c.Enum(m.programme))
	}
	if m.mine {
		parts = append(parts, m.c.T("tui.filter.mine"))
	}
	return m.c.FilterSummary(parts, m.rows.Len(), len(m.snap.Candidates))
}

// ShortHelp lists the keys for the help bar.
func (m *Model) ShortHelp() []key.Binding {
	switch {
	case m.form != nil:
		return m.form.ShortHelp()
	case m.access:
		return []key.Binding{m.keys.Back}
	case m.filter.Active:
		return []key.Binding{key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", m.c.T("key.keep_filter"))), m.keys.Back}
	case m.details:
		keys := []key.Binding{m.keys.Matches, m.keys.Back}
		if m.mayEdit() {
			keys = append([]key.Binding{m.keys.Edit, m.keys.Unavailable}, keys...)
		}
		if m.c.Role() == data.RoleLead {
			keys = append(keys, m.keys.Access, m.keys.Erase)
		}
		if m.width < common.SideBySide {
			keys = append([]key.Binding{m.keys.Scroll}, keys...)
		}
		return keys
	}
	if m.mayEdit() {
		return []key.Binding{m.keys.Filter, m.keys.Open, m.keys.New, m.keys.Edit, m.keys.Matches, m.keys.Status, m.keys.Programme, m.keys.Sort}
	}
	return []key.Binding{m.keys.Filter, m.keys.Open, m.keys.Matches, m.keys.Status, m.keys.Programme, m.keys.Sort}
}

// FullHelp lists every key of the tab.
func (m *Model) FullHelp() [][]key.Binding {
	if m.form != nil {
		return m.form.FullHelp()
	}
	k := m.keys
	full := [][]key.Binding{k.Movement(), {k.Filter, k.Open, k.Matches, k.Back}, {k.Status, k.Programme, k.Mine}, {k.Sort, k.Reverse}}
	if m.mayEdit() {
		full = append(full, []key.Binding{k.New, k.Edit, k.Unavailable})
	}
	if m.c.Role() == data.RoleLead {
		full = append(full, []key.Binding{k.Access, k.Erase})
	}
	return full
}

// isMine reports whether the person's specialist is the user. A user is
// registered by a short name as often as by the full one: "kari" and
// "kari.nordmann" are Kari Nordmann too.
func isMine(specialist, me string) bool {
	specialist, me = strings.ToLower(strings.TrimSpace(specialist)), strings.ToLower(strings.TrimSpace(me))
	if me == "" || specialist == "" {
		return false
	}
	first, _, _ := strings.Cut(specialist, " ")
	return specialist == me || first == me || strings.ReplaceAll(specialist, " ", ".") == me
}
