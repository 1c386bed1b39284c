// Package audit is the Logg tab, for team leads: the audit log newest
// first, filtered by user, record and dates, with each entry's values
// before and after. Entries name records by internal id; the tab shows the
// ref the record has now.
package audit

import (
	"encoding/json"
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
	"github.com/charmbracelet/huh"
)

// limit is how many entries the tab reads at a time.
const limit = 1000

// Keys are the tab's keys.
type Keys struct {
	common.ListKeys
	Clear, Apply key.Binding
}

type loadedMsg struct {
	seq     int
	entries []data.AuditEntry
	err     error
}

type usersMsg struct {
	names []string
	err   error
}

// filterValues are what the filter form edits.
type filterValues struct {
	user, record, from, to string
}

// Model is the Logg tab.
type Model struct {
	c       *common.Common
	keys    Keys
	snap    *live.Snapshot
	table   *common.Table
	entries []data.AuditEntry
	fields  []string // by entry: the fields it recorded, as the table shows them
	seq     int
	filter  data.AuditFilter
	record  string // the ref the record filter names
	values  *filterValues
	form    *huh.Form
	users   []string
	details bool
	shown   bool // the visible tab
	stale   bool // the office changed while hidden
	view    viewport.Model
	width   int
	height  int
}

// New makes the tab.
func New(c *common.Common) *Model {
	m := &Model{c: c, view: viewport.New(0, 0), values: &filterValues{}}
	m.keys = Keys{
		ListKeys: common.NewListKeys(c.Cat),
		Clear:    key.NewBinding(key.WithKeys("c"), key.WithHelp("c", c.T("key.clear_filter"))),
		Apply:    key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s/enter", c.T("key.apply_filter"))),
	}
	m.table = common.NewTable(c.Styles, m.keys.ListKeys, []common.Column{
		{Title: c.T("col.when"), Width: 16},
		{Title: c.T("col.user"), Width: 12, Flex: true},
		{Title: c.T("col.action"), Width: 11},
		{Title: c.T("col.record"), Width: 31, Flex: true}, // "utplassering K-00158 → P-BUT-02"
		{Title: c.T("col.fields"), Width: 20, Flex: true, Optional: true},
	}, m.cell)
	return m
}

func (m *Model) cell(row, col int) string {
	e := m.entries[row]
	switch col {
	case 0:
		return e.At.Local().Format("2006-01-02 15:04")
	case 1:
		return e.Actor
	case 2:
		return m.action(e.Action)
	case 3:
		return m.recordName(e.Entity, e.EntityID)
	case 4:
		return m.fields[row]
	}
	return ""
}

func (m *Model) action(a string) string {
	if m.c.Cat.Has("audit.action." + a) {
		return m.c.T("audit.action." + a)
	}
	return a
}

// recordName names a record by its kind and the ref it has now.
func (m *Model) recordName(entity string, id int64) string {
	kind := entity
	if m.c.Cat.Has("audit.entity." + entity) {
		kind = m.c.T("audit.entity." + entity)
	}
	if m.snap != nil {
		switch entity {
		case data.EntityPlacement:
			if p, ok := m.snap.Placement(id); ok {
				return kind + " " + p.Ref
			}
		case data.EntityCandidate:
			if c, ok := m.snap.Candidate(id); ok {
				return kind + " " + c.Ref
			}
		case data.EntityUtplassering:
			if u, ok := m.snap.Utplassering(id); ok {
				return kind + " " + u.CandidateRef + " → " + u.PlacementRef
			}
		}
	}
	if id == 0 {
		return kind
	}
	return fmt.Sprintf("%s #%d", kind, id)
}

// changedFields names the fields an entry recorded.
func changedFields(e data.AuditEntry) []string {
	seen := map[string]bool{}
	for _, text := range []string{e.Before, e.After} {
		var fields map[string]any
		if json.Unmarshal([]byte(text), &fields) == nil {
			for k := range fields {
				seen[k] = true
			}
		}
	}
	names := make([]string, 0, len(seen))
	for k := range seen {
		names = append(names, k)
	}
	slices.Sort(names)
	return names
}

// Title is the tab's name.
func (m *Model) Title() string { return m.c.T("tab.audit") }

// Capturing reports whether the filter form is open.
func (m *Model) Capturing() bool { return m.form != nil }

// SetSize gives the tab its space.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = width, height
	m.table.SetSize(width, height-1)
	m.view.Width, m.view.Height = width, height
	if m.form != nil {
		m.form.WithWidth(min(width, 80)).WithHeight(max(3, height-2))
	}
}

// SetSnapshot notes that the office changed: the log has grown.
func (m *Model) SetSnapshot(s *live.Snapshot) tea.Cmd {
	m.snap = s
	if !m.shown {
		m.stale = true
		return nil
	}
	return m.load()
}

// SetShown reads the log again when the tab is shown after changes.
func (m *Model) SetShown(shown bool) tea.Cmd {
	m.shown = shown
	if shown && m.stale {
		m.stale = false
		return m.load()
	}
	return nil
}

func (m *Model) load() tea.Cmd {
	m.seq++
	seq, store, ctx, f := m.seq, m.c.Store, m.c.Ctx, m.filter
	f.Limit = limit
	return func() tea.Msg {
		entries, err := store.Audit(ctx, f)
		return loadedMsg{seq: seq, entries: entries, err: err}
	}
}

// Update handles the tab's messages and keys.
func (m *Model) Update(msg tea.Msg) (common.Component, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.seq != m.seq {
			return m, nil
		}
		if msg.err != nil {
			return m, m.c.Failure(msg.err)
		}
		// New entries come in at the top: the one selected stays selected,
		// unless it was the newest, where the newest stays in view.
		var keep int64
		if r := m.table.Cursor(); r > 0 {
			keep = m.entries[r].ID
		}
		m.entries = msg.entries
		// Decoded once here, not for every row on every frame.
		m.fields = make([]string, len(m.entries))
		for i, e := range m.entries {
			m.fields[i] = strings.Join(changedFields(e), ", ")
		}
		m.table.SetRows(len(m.entries))
		m.table.SelectID(keep, func(row int) int64 { return m.entries[row].ID })
		return m, nil
	case usersMsg:
		if msg.err != nil {
			return m, m.c.Failure(msg.err)
		}
		m.users = msg.names
		return m, m.openForm()
	}
	if m.form != nil {
		return m, m.updateForm(msg)
	}
	key, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	if m.details {
		return m, m.updateDetails(key)
	}
	return m, m.updateList(key)
}

func (m *Model) updateList(msg tea.KeyMsg) tea.Cmd {
	if m.table.Update(msg) {
		return nil
	}
	switch {
	case key.Matches(msg, m.keys.Filter):
		store, ctx := m.c.Store, m.c.Ctx
		return func() tea.Msg {
			users, err := store.Users(ctx)
			names := []string{}
			for _, u := range users {
				names = append(names, u.Name)
			}
			return usersMsg{names: names, err: err}
		}
	case key.Matches(msg, m.keys.Clear), key.Matches(msg, m.keys.Back):
		if m.filter != (data.AuditFilter{}) {
			m.filter, m.record, m.values = data.AuditFilter{}, "", &filterValues{}
			return m.load()
		}
	case key.Matches(msg, m.keys.Open):
		if r := m.table.Cursor(); r >= 0 {
			m.details = true
			m.view.SetContent(m.describe(m.entries[r]))
			m.view.GotoTop()
		}
	}
	return nil
}

func (m *Model) updateDetails(msg tea.KeyMsg) tea.Cmd {
	if key.Matches(msg, m.keys.Back) {
		m.details = false
		return nil
	}
	var cmd tea.Cmd
	m.view, cmd = m.view.Update(msg)
	return cmd
}

// describe shows one entry in full: who, when, what, and each field's
// value before and after.
func (m *Model) describe(e data.AuditEntry) string {
	st := m.c.Styles
	var b strings.Builder
	b.WriteString(st.Title.Render(m.action(e.Action)+" · "+m.recordName(e.Entity, e.EntityID)) + "\n")
	b.WriteString(m.c.Field(m.c.T("col.when"), e.At.Local().Format("2006-01-02 15:04:05")) + "   " + m.c.Field(m.c.T("col.user"), e.Actor) + "\n\n")
	var before, after map[string]any
	_ = json.Unmarshal([]byte(e.Before), &before)
	_ = json.Unmarshal([]byte(e.After), &after)
	fields := changedFields(e)
	if len(fields) == 0 {
		b.WriteString(st.Faint.Render(m.c.T("audit.no_values")) + "\n")
	}
	for _, f := range fields {
		b.WriteString(m.c.Field(f, show(before[f])+" → "+show(after[f])) + "\n")
	}
	return b.String()
}

func show(v any) string {
	if v == nil {
		return "–"
	}
	if s, ok := v.(string); ok {
		if s == "" {
			return "–"
		}
		return data.CleanText(s, false)
	}
	out, _ := json.Marshal(v)
	return data.CleanText(string(out), false)
}

// openForm opens the filter: user, record, from and to.
func (m *Model) openForm() tea.Cmd {
	v := m.values
	users := []huh.Option[string]{huh.NewOption(m.c.T("audit.all_users"), "")}
	for _, u := range append(m.users, data.LocalLead().Name) {
		users = append(users, huh.NewOption(u, u))
	}
	m.form = huh.NewForm(huh.NewGroup(
		huh.NewSelect[string]().Title(m.c.T("audit.filter.user")).Options(users...).Value(&v.user),
		huh.NewInput().Title(m.c.T("audit.filter.record")).Description(m.c.T("audit.filter.record_hint")).
			Value(&v.record).Validate(m.checkRecord),
		huh.NewInput().Title(m.c.T("audit.filter.from")).Description(m.c.T("audit.filter.date_hint")).
			Value(&v.from).Validate(m.checkDate),
		huh.NewInput().Title(m.c.T("audit.filter.to")).Description(m.c.T("audit.filter.date_hint")).
			Value(&v.to).Validate(m.checkDate),
	).Title(m.c.T("audit.filter.title"))).WithTheme(forms.Theme(m.c.Renderer)).WithShowHelp(false)
	m.form.SubmitCmd, m.form.CancelCmd = nil, nil
	m.form.WithAccessible(false)
	m.form.WithWidth(min(m.width, 80)).WithHeight(max(3, m.height-2))
	return m.form.Init()
}

func (m *Model) checkDate(s string) error {
	if _, p := data.ParseDate(data.CleanText(s, false)); p != nil {
		return fmt.Errorf("%s", common.ProblemText(m.c.Cat, p))
	}
	return nil
}

func (m *Model) checkRecord(ref string) error {
	if _, _, ok := m.findRecord(strings.TrimSpace(data.CleanText(ref, false))); !ok {
		return fmt.Errorf("%s", m.c.T("audit.no_record", ref))
	}
	return nil
}

// findRecord finds a placement or a candidate by ref ("" is every record).
func (m *Model) findRecord(ref string) (entity string, id int64, ok bool) {
	if ref == "" {
		return "", 0, true
	}
	if m.snap == nil {
		return "", 0, false
	}
	for _, p := range m.snap.Placements {
		if strings.EqualFold(p.Ref, ref) {
			return data.EntityPlacement, p.ID, true
		}
	}
	for _, c := range m.snap.Candidates {
		if strings.EqualFold(c.Ref, ref) {
			return data.EntityCandidate, c.ID, true
		}
	}
	return "", 0, false
}

func (m *Model) updateForm(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyMsg); ok {
		switch {
		case k.String() == "esc":
			m.form = nil
			return nil
		case key.Matches(k, m.keys.Apply):
			return m.apply()
		}
	}
	_, cmd := m.form.Update(msg)
	if m.form.State == huh.StateCompleted {
		return tea.Batch(cmd, m.apply())
	}
	return cmd
}

// apply takes the filter form's values, if they are valid.
func (m *Model) apply() tea.Cmd {
	v := m.values
	for _, err := range []error{m.checkRecord(v.record), m.checkDate(v.from), m.checkDate(v.to)} {
		if err != nil {
			m.form.State = huh.StateNormal
			return common.Error(err.Error())
		}
	}
	entity, id, _ := m.findRecord(strings.TrimSpace(data.CleanText(v.record, false)))
	from, _ := data.ParseDate(v.from)
	to, _ := data.ParseDate(v.to)
	m.filter = data.AuditFilter{Actor: v.user, Entity: entity, EntityID: id, WithUtplasseringer: true, From: from, To: to}
	m.record = strings.TrimSpace(v.record)
	m.form = nil
	return m.load()
}

// View draws the tab.
func (m *Model) View() string {
	if m.form != nil {
		return m.form.View()
	}
	if m.details {
		return m.view.View()
	}
	return m.filterLine() + "\n" + m.table.View()
}

func (m *Model) filterLine() string {
	var parts []string
	f := m.filter
	if f.Actor != "" {
		parts = append(parts, m.c.T("audit.by", f.Actor))
	}
	if m.record != "" {
		parts = append(parts, m.record)
	}
	if f.From != "" || f.To != "" {
		parts = append(parts, string(f.From)+"–"+string(f.To))
	}
	count := m.c.T("audit.count", len(m.entries))
	if len(parts) == 0 {
		return m.c.Styles.Faint.Render(count)
	}
	return m.c.Styles.Accent.Render(strings.Join(parts, " · ")) + "  " + m.c.Styles.Faint.Render(count)
}

// ShortHelp lists the keys for the help bar.
func (m *Model) ShortHelp() []key.Binding {
	switch {
	case m.form != nil:
		return []key.Binding{m.keys.Apply, key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", m.c.T("key.back")))}
	case m.details:
		return []key.Binding{m.keys.Back}
	}
	return []key.Binding{m.keys.Filter, m.keys.Open, m.keys.Clear}
}

// FullHelp lists every key of the tab.
func (m *Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{m.keys.Movement(), {m.keys.Filter, m.keys.Open, m.keys.Clear, m.keys.Back}}
}
