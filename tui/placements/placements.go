// Package placements is the Arbeidsboks tab: the office's placements with
// filter, quick filters, sort, and a details pane with the week grid, the
// contact person and who is in the placement now.
package placements

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"arbeidsboks/data"
	"arbeidsboks/data/live"
	"arbeidsboks/tui/common"
	"arbeidsboks/tui/forms"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
)

const owner = "placements"

// Keys are the tab's own keys beside the list keys.
type Keys struct {
	common.ListKeys
	Matches, FreeOnly, Status, Sector, District, Measure, Reverse key.Binding
	New, Edit                                                     key.Binding
}

func newKeys(c *common.Common) Keys {
	return Keys{
		ListKeys: common.NewListKeys(c.Cat),
		Matches:  key.NewBinding(key.WithKeys("m"), key.WithHelp("m", c.T("key.matches"))),
		FreeOnly: key.NewBinding(key.WithKeys("f"), key.WithHelp("f", c.T("key.free_only"))),
		Status:   key.NewBinding(key.WithKeys("a"), key.WithHelp("a", c.T("key.status_filter"))),
		Sector:   key.NewBinding(key.WithKeys("o"), key.WithHelp("o", c.T("key.sector_filter"))),
		District: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", c.T("key.district_filter"))),
		Measure:  key.NewBinding(key.WithKeys("t"), key.WithHelp("t", c.T("key.measure_filter"))),
		Reverse:  key.NewBinding(key.WithKeys("S"), key.WithHelp("S", c.T("key.reverse"))),
		New:      key.NewBinding(key.WithKeys("n"), key.WithHelp("n", c.T("key.new"))),
		Edit:     key.NewBinding(key.WithKeys("e"), key.WithHelp("e", c.T("key.edit"))),
	}
}

// formMsg brings what a placement form needs, read from the store: the
// employers to pick from and, for an edit, the placement as stored now.
type formMsg struct {
	employers []string
	placement *data.Placement
	err       error
}

// sort orders of the list, cycled with s.
var sorts = []string{"ref", "title", "employer", "free", "hours", "district"}

// Model is the Arbeidsboks tab.
type Model struct {
	c         *common.Common
	keys      Keys
	snap      *live.Snapshot
	table     *common.Table
	filter    common.FilterBox
	seq       int
	rows      common.Rows[data.Placement]
	sortBy    int
	desc      bool
	freeOnly  bool
	status    string // "" = all
	sector    string
	district  string
	measure   string
	details   bool
	detailsID int64
	view      viewport.Model
	width     int
	height    int
	// form is the open placement form, if any: it has every key.
	form *forms.Editor
}

// New makes the tab.
func New(c *common.Common) *Model {
	m := &Model{c: c, keys: newKeys(c), filter: common.NewFilterBox(c), status: string(data.PlacementActive)}
	m.table = common.NewTable(c.Styles, m.keys.ListKeys, []common.Column{
		{Title: c.T("col.title"), Width: 18, Flex: true},
		{Title: c.T("col.employer"), Width: 14, Flex: true, Optional: true},
		{Title: c.T("col.sector"), Width: 9, Optional: true},
		{Title: c.T("col.district"), Width: 12, Optional: true},
		{Title: c.T("col.seats"), Width: 6, Right: true},
		{Title: c.T("col.norwegian"), Width: 6},
		{Title: c.T("col.hours"), Width: 6, Right: true},
		{Title: c.T("col.status"), Width: 9, Optional: true},
	}, m.cell)
	m.rows = common.NewRows(m.table, func() []*data.Placement { return m.snap.Placements },
		func(p *data.Placement) int64 { return p.ID })
	m.view = viewport.New(0, 0)
	return m
}

func (m *Model) placement(row int) *data.Placement { return m.rows.At(row) }

func (m *Model) cell(row, col int) string {
	p := m.placement(row)
	switch col {
	case 0:
		return p.Title
	case 1:
		return p.Employer
	case 2:
		return m.c.Enum(string(p.Sector))
	case 3:
		return p.District
	case 4:
		return common.Seats(p)
	case 5:
		return common.Level(p.NorwegianMin)
	case 6:
		return m.c.Cat.Number(p.Schedule.Hours())
	case 7:
		return m.c.Enum(string(p.Status))
	}
	return ""
}

// Title is the tab's name.
func (m *Model) Title() string { return m.c.T("tab.placements") }

// Capturing reports whether the filter input or a form is open.
func (m *Model) Capturing() bool { return m.filter.Active || m.form != nil }

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
	return m.refilter()
}

// query is what the list shows, computed in a command so that a long list
// never holds up a keystroke.
type query struct {
	snap                           *live.Snapshot
	text, status, sector, district string
	measure                        string
	freeOnly, desc                 bool
	sortBy                         int
}

func (m *Model) refilter() tea.Cmd {
	if m.snap == nil {
		return nil
	}
	m.seq++
	q := query{snap: m.snap, text: m.filter.Query, status: m.status, sector: m.sector, district: m.district,
		measure: m.measure, freeOnly: m.freeOnly, desc: m.desc, sortBy: m.sortBy}
	seq := m.seq
	return func() tea.Msg { return common.FilteredMsg{Owner: owner, Seq: seq, Rows: q.rows()} }
}

func (q query) rows() []int {
	list := q.snap.Placements
	matched := common.Match(q.text, len(list), func(i int) string {
		p := list[i]
		return p.Ref + " " + p.Title + " " + p.Employer + " " + p.District + " " + p.Measure
	})
	matched = common.MatchOccupation(matched, q.snap.Occupations, q.text, len(list), func(i int) []string { return list[i].Occupations })
	rows := matched[:0]
	for _, i := range matched {
		p := list[i]
		if (q.freeOnly && (p.FreeSeats() == 0 || p.Status != data.PlacementActive)) ||
			(q.status != "" && string(p.Status) != q.status) ||
			(q.sector != "" && string(p.Sector) != q.sector) ||
			(q.district != "" && p.District != q.district) ||
			(q.measure != "" && p.Measure != q.measure) {
			continue
		}
		rows = append(rows, i)
	}
	by := sorts[q.sortBy]
	slices.SortStableFunc(rows, func(a, b int) int {
		pa, pb := list[a], list[b]
		var r int
		switch by {
		case "title":
			r = cmp.Compare(strings.ToLower(pa.Title), strings.ToLower(pb.Title))
		case "employer":
			r = cmp.Compare(strings.ToLower(pa.Employer), strings.ToLower(pb.Employer))
		case "free":
			r = cmp.Compare(pb.FreeSeats(), pa.FreeSeats())
		case "hours":
			r = cmp.Compare(pb.Schedule.Minutes(), pa.Schedule.Minutes())
		case "district":
			r = cmp.Compare(pa.District, pb.District)
		}
		return common.ThenByRef(r, pa.Ref, pb.Ref, q.desc)
	})
	return rows
}

// setRows shows a computed list, keeping the selected placement selected
// (or selecting the one asked for).
func (m *Model) setRows(rows []int) {
	m.rows.Set(rows)
	m.renderDetails()
}

// Selected is the placement under the cursor.
func (m *Model) Selected() (*data.Placement, bool) { return m.rows.Selected() }

// Show selects a placement and opens its details.
func (m *Model) Show(id int64) tea.Cmd {
	m.status, m.sector, m.district, m.measure, m.freeOnly = "", "", "", "", false
	m.filter.Clear()
	m.rows.Want(id)
	m.details, m.detailsID = true, id
	m.view.GotoTop()
	m.layout()
	return m.refilter()
}

// Update handles the tab's messages and keys.
func (m *Model) Update(msg tea.Msg) (common.Component, tea.Cmd) {
	switch msg := msg.(type) {
	case common.FilteredMsg:
		if msg.Owner == owner && msg.Seq == m.seq {
			m.setRows(msg.Rows)
		}
		return m, nil
	case formMsg:
		return m, m.openForm(msg)
	}
	if m.form != nil {
		return m, m.updateForm(msg)
	}
	switch msg := msg.(type) {
	case tea.KeyMsg:
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

// edit reads what the form needs: the employers, and the placement as
// stored now (id 0: a new one).
func (m *Model) edit(id int64) tea.Cmd {
	store, ctx := m.c.Store, m.c.Ctx
	return func() tea.Msg {
		employers, err := store.Employers(ctx)
		if err != nil || id == 0 {
			return formMsg{employers: employers, err: err}
		}
		p, err := store.Placement(ctx, id)
		return formMsg{employers: employers, placement: &p, err: err}
	}
}

func (m *Model) openForm(msg formMsg) tea.Cmd {
	if msg.err != nil {
		return m.c.Failure(msg.err)
	}
	m.form = forms.NewPlacement(m.c, msg.placement, msg.employers)
	m.form.SetSize(m.width, m.height)
	return m.form.Init()
}

// updateForm gives the open form a message; once it closes, the list shows
// the saved placement.
func (m *Model) updateForm(msg tea.Msg) tea.Cmd {
	cmd := m.form.Update(msg)
	if !m.form.Closed() {
		return cmd
	}
	text, id := m.form.Result()
	m.form = nil
	if id == 0 {
		return cmd
	}
	m.rows.Want(id)
	if m.details {
		m.detailsID = id
		m.renderDetails()
	}
	return tea.Batch(cmd, common.Status(text), m.refilter())
}

func (m *Model) updateList(msg tea.KeyMsg) tea.Cmd {
	if m.table.Update(msg) {
		return nil
	}
	k := m.keys
	switch {
	case key.Matches(msg, k.New):
		return m.edit(0)
	case key.Matches(msg, k.Edit):
		if p, ok := m.Selected(); ok {
			return m.edit(p.ID)
		}
	case key.Matches(msg, k.Filter):
		return m.filter.Open()
	case key.Matches(msg, k.Back):
		if m.filter.Clear() {
			return m.refilter()
		}
	case key.Matches(msg, k.Open):
		if p, ok := m.Selected(); ok {
			m.details, m.detailsID = true, p.ID
			m.view.GotoTop()
			m.layout()
		}
	case key.Matches(msg, k.Matches):
		if p, ok := m.Selected(); ok {
			id := p.ID
			return func() tea.Msg { return common.OpenMatchMsg{PlacementID: id} }
		}
	case key.Matches(msg, k.Sort):
		m.sortBy = (m.sortBy + 1) % len(sorts)
		return tea.Batch(m.refilter(), common.Status(m.c.T("tui.sorted_by", m.c.T("sort."+sorts[m.sortBy]))))
	case key.Matches(msg, k.Reverse):
		m.desc = !m.desc
		return m.refilter()
	case key.Matches(msg, k.FreeOnly):
		m.freeOnly = !m.freeOnly
		return m.refilter()
	case key.Matches(msg, k.Status):
		m.status = common.Cycle(m.status, common.Strings(data.PlacementStatuses))
		return m.refilter()
	case key.Matches(msg, k.Sector):
		m.sector = common.Cycle(m.sector, common.Strings(data.Sectors))
		return m.refilter()
	case key.Matches(msg, k.District):
		m.district = common.Cycle(m.district, m.values(func(p *data.Placement) string { return p.District }))
		return m.refilter()
	case key.Matches(msg, k.Measure):
		m.measure = common.Cycle(m.measure, m.values(func(p *data.Placement) string { return p.Measure }))
		return m.refilter()
	}
	return nil
}

func (m *Model) updateDetails(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Back):
		m.details = false
		m.layout()
		return nil
	case key.Matches(msg, m.keys.Matches):
		id := m.detailsID
		return func() tea.Msg { return common.OpenMatchMsg{PlacementID: id} }
	case key.Matches(msg, m.keys.Edit):
		return m.edit(m.detailsID)
	case key.Matches(msg, m.keys.New):
		return m.edit(0)
	case m.width >= common.SideBySide && m.table.Update(msg):
		if p, ok := m.Selected(); ok {
			m.detailsID = p.ID
			m.renderDetails()
		}
		return nil
	}
	var cmd tea.Cmd
	m.view, cmd = m.view.Update(msg)
	return cmd
}

// values lists the different non-empty values of a field, sorted.
func (m *Model) values(field func(*data.Placement) string) []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range m.snap.Placements {
		if v := field(p); v != "" && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	slices.Sort(out)
	return out
}

// View draws the tab.
func (m *Model) View() string {
	if m.form != nil {
		return m.form.View()
	}
	if m.snap == nil {
		return m.c.T("tui.loading")
	}
	return common.SplitView(m.width, m.details, m.filterLine, m.table, m.view)
}

// filterLine shows the filter input or the active filters and the count.
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
	if m.sector != "" {
		parts = append(parts, m.c.T("tui.filter.sector", m.c.Enum(m.sector)))
	}
	if m.district != "" {
		parts = append(parts, m.district)
	}
	if m.measure != "" {
		parts = append(parts, m.measure)
	}
	if m.freeOnly {
		parts = append(parts, m.c.T("tui.filter.free"))
	}
	return m.c.FilterSummary(parts, m.rows.Len(), len(m.snap.Placements))
}

// renderDetails puts the placement the details are of in the details pane.
func (m *Model) renderDetails() {
	if !m.details || m.snap == nil {
		return
	}
	p, ok := m.snap.Placement(m.detailsID)
	if !ok {
		m.view.SetContent(m.c.T("tui.gone"))
		return
	}
	common.SetDetails(&m.view, Details(m.c, m.snap, p))
}

// Details describes a placement in full.
func Details(c *common.Common, snap *live.Snapshot, p *data.Placement) string {
	st := c.Styles
	var b strings.Builder
	b.WriteString(st.Title.Render(data.CleanText(p.Title, false)) + "  " + st.Faint.Render(p.Ref) + "\n")
	b.WriteString(c.Field(c.T("col.employer"), p.Employer) + "\n")
	b.WriteString(c.Field(c.T("col.sector"), c.Enum(string(p.Sector))) + "   " + c.Field(c.T("col.district"), common.OrDash(p.District)) + "\n")
	b.WriteString(c.Field(c.T("field.measure"), common.OrDash(p.Measure)) + "   " + c.Field(c.T("col.status"), c.Enum(string(p.Status))) + "\n")
	b.WriteString(c.Field(c.T("field.seats"), c.T("tui.seats_of", p.FreeSeats(), p.Seats)) + "\n")
	norwegian := common.Level(p.NorwegianMin)
	if p.NorwegianHard && !p.NorwegianMin.IsZero() {
		norwegian += " " + c.T("tui.hard")
	}
	b.WriteString(c.Field(c.T("field.norwegian_min"), norwegian) + "\n")
	var requires []string
	if p.RequiresPoliceCertificate {
		requires = append(requires, c.T("field.police"))
	}
	if p.RequiresDriversLicense {
		requires = append(requires, c.T("field.license"))
	}
	if p.MinHoursWeek > 0 {
		requires = append(requires, c.T("tui.min_hours", c.Cat.Number(p.MinHoursWeek)))
	}
	b.WriteString(c.Field(c.T("field.requires"), common.List(requires)) + "\n")
	b.WriteString(c.Field(c.T("field.skills_required"), common.List(p.SkillsRequired)) + "\n")
	b.WriteString(c.Field(c.T("field.skills_trained"), common.List(p.SkillsTrained)) + "\n")
	b.WriteString(c.Field(c.T("field.languages_valued"), common.List(p.LanguagesValued)) + "\n")
	b.WriteString(c.Field(c.T("field.adaptations_offered"), c.Enums(common.Strings(p.AdaptationsOffered))) + "\n")
	if len(p.Occupations) > 0 {
		b.WriteString(c.Field(c.T("field.occupations"), common.Occupations(snap.Occupations, p.Occupations)) + "\n")
	}
	b.WriteString("\n" + c.Field(c.T("field.schedule"), p.Schedule.String()+"  ("+c.Hours(p.Schedule.Hours())+")") + "\n")
	b.WriteString(common.WeekGrid(st, p.Schedule, nil) + "\n\n")
	// Who is in it comes before the longer text: what the team asks first.
	b.WriteString(st.Title.Render(c.T("tui.in_placement")) + "\n")
	n := 0
	for _, u := range snap.UtplasseringerOf(0, p.ID) {
		if !u.Status.HoldsSeat() {
			continue
		}
		name := u.CandidateRef
		if cand, ok := snap.Candidate(u.CandidateID); ok {
			name = cand.Name + " (" + cand.Ref + ")"
		}
		pin := ""
		if u.Pinned {
			pin = " !"
		}
		fmt.Fprintf(&b, "  %s  %s%s\n", data.CleanText(name, false), c.Enum(string(u.Status)), pin)
		n++
	}
	if n == 0 {
		b.WriteString("  " + st.Faint.Render(c.T("tui.nobody")) + "\n")
	}
	b.WriteString("\n" + st.Title.Render(c.T("field.contact")) + "\n")
	b.WriteString(c.Field(c.T("field.name"), common.OrDash(p.ContactName)) + "\n")
	b.WriteString(c.Field(c.T("field.phone"), common.OrDash(p.ContactPhone)) + "   " + c.Field(c.T("field.email"), common.OrDash(p.ContactEmail)) + "\n")
	if p.Description != "" {
		b.WriteString("\n" + st.Value.Render(data.CleanText(p.Description, true)) + "\n")
	}
	return b.String()
}

// ShortHelp lists the keys for the help bar.
func (m *Model) ShortHelp() []key.Binding {
	switch {
	case m.form != nil:
		return m.form.ShortHelp()
	case m.filter.Active:
		return []key.Binding{key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", m.c.T("key.keep_filter"))), m.keys.Back}
	case m.details && m.width < common.SideBySide:
		return []key.Binding{m.keys.Scroll, m.keys.Edit, m.keys.Matches, m.keys.Back}
	case m.details:
		return []key.Binding{m.keys.Edit, m.keys.Matches, m.keys.Back}
	}
	return []key.Binding{m.keys.Filter, m.keys.Open, m.keys.New, m.keys.Edit, m.keys.Matches, m.keys.FreeOnly, m.keys.Status, m.keys.Sort}
}

// FullHelp lists every key of the tab.
func (m *Model) FullHelp() [][]key.Binding {
	if m.form != nil {
		return m.form.FullHelp()
	}
	k := m.keys
	return [][]key.Binding{
		k.Movement(),
		{k.Filter, k.Open, k.New, k.Edit, k.Matches, k.Back},
		{k.FreeOnly, k.Status, k.Sector, k.District, k.Measure},
		{k.Sort, k.Reverse},
	}
}
