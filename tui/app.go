// Package tui is the terminal UI: the root model with the header, the tabs,
// the status line and the help bar, routing keys and messages to the
// screens. The same root runs locally and in every SSH session.
package tui

import (
	"strings"

	"arbeidsboks/data"
	"arbeidsboks/data/live"
	"arbeidsboks/tui/audit"
	"arbeidsboks/tui/candidates"
	"arbeidsboks/tui/common"
	"arbeidsboks/tui/match"
	"arbeidsboks/tui/meeting"
	"arbeidsboks/tui/pipeline"
	"arbeidsboks/tui/placements"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// The smallest window the screens draw in; below it the app says so.
const (
	MinWidth  = 60
	MinHeight = 15
)

// Tab positions in the order they are shown.
const (
	tabPlacements = iota
	tabCandidates
	tabMatch
	tabPipeline
	tabMeeting
)

// Model is the root model of one session.
type Model struct {
	c          *common.Common
	keys       common.GlobalKeys
	help       help.Model
	showHelp   bool
	placements *placements.Model
	candidates *candidates.Model
	match      *match.Model
	pipeline   *pipeline.Model
	meeting    *meeting.Model
	screens    []common.Screen
	// digits are the number keys that choose each screen ("1"–"7", "0").
	digits []string
	active int
	status common.StatusMsg
	width  int
	height int
	watch  <-chan *live.Snapshot
}

// New builds the root model for a session.
func New(c *common.Common) *Model {
	m := &Model{c: c, keys: common.NewGlobalKeys(c.Cat), help: help.New()}
	m.help.Styles.ShortKey = c.Styles.Accent
	m.help.Styles.ShortDesc = c.Styles.Help
	m.help.Styles.FullKey = c.Styles.Accent
	m.help.Styles.FullDesc = c.Styles.Help
	m.help.Styles.ShortSeparator = c.Styles.Help
	m.placements = placements.New(c)
	m.candidates = candidates.New(c)
	m.match = match.New(c)
	m.pipeline = pipeline.New(c)
	m.meeting = meeting.New(c)
	m.screens = []common.Screen{m.placements, m.candidates, m.match, m.pipeline, m.meeting}
	m.digits = []string{"1", "2", "3", "4", "5"}
	// The audit log is the team leads'.
	if c.Role() == data.RoleLead {
		m.screens = append(m.screens, audit.New(c))
		m.digits = append(m.digits, "7")
	}
	m.watch = c.Office.Watch(c.Ctx)
	return m
}

// Init gives the screens the office's state and starts following it.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{m.waitForSnapshot()}
	// A snapshot still loading arrives through the watch.
	if snap := m.c.Office.Snapshot(); snap != nil {
		for _, s := range m.screens {
			cmds = append(cmds, s.SetSnapshot(snap))
		}
	}
	return tea.Batch(cmds...)
}

// waitForSnapshot waits for the office to change: a change anywhere (this
// session, another session, another process) arrives without a keypress.
func (m *Model) waitForSnapshot() tea.Cmd {
	watch, done := m.watch, m.c.Ctx.Done()
	return func() tea.Msg {
		select {
		case s := <-watch:
			return common.SnapshotMsg{Snapshot: s}
		case <-done:
			return nil
		}
	}
}

// Update routes a message: a focused input or dialog gets keys first, then
// the global keys, then the active screen.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.help.Width = msg.Width
		m.c.Width, m.c.Height = msg.Width, m.bodyHeight()
		for _, s := range m.screens {
			s.SetSize(msg.Width, m.bodyHeight())
		}
		return m, nil
	case common.SnapshotMsg:
		cmds := []tea.Cmd{m.waitForSnapshot()}
		for _, s := range m.screens {
			cmds = append(cmds, s.SetSnapshot(msg.Snapshot))
		}
		return m, tea.Batch(cmds...)
	case common.StatusMsg:
		m.status = msg
		return m, nil
	case common.OpenMatchMsg:
		// Open ranks for the new candidate or placement; shown, the tab
		// then has nothing stale to rank again.
		return m, tea.Batch(m.match.Open(msg.CandidateID, msg.PlacementID), m.show(tabMatch))
	case common.ShowPlacementMsg:
		return m, tea.Batch(m.show(tabPlacements), m.placements.Show(msg.ID))
	case common.ShowCandidateMsg:
		return m, tea.Batch(m.show(tabCandidates), m.candidates.Show(msg.ID))
	case tea.KeyMsg:
		return m, m.key(msg)
	}
	// Everything else (results of commands, spinner ticks) goes to every
	// screen: each knows its own messages.
	var cmds []tea.Cmd
	for _, s := range m.screens {
		_, cmd := s.Update(msg)
		cmds = append(cmds, cmd)
	}
	return m, tea.Batch(cmds...)
}

func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	if key.Matches(msg, m.keys.ForceQuit) {
		return tea.Quit
	}
	m.status = common.StatusMsg{}
	screen := m.screens[m.active]
	if screen.Capturing() {
		_, cmd := screen.Update(msg)
		return cmd
	}
	// Esc and the key after it, read together (typed fast, or sent in one
	// packet over SSH), arrive as alt+key. No key of ours uses alt: they
	// are the two keys the person pressed.
	if msg.Alt && !msg.Paste {
		plain := msg
		plain.Alt = false
		esc := m.key(tea.KeyMsg{Type: tea.KeyEscape})
		return tea.Sequence(esc, m.key(plain))
	}
	// Keys typed faster than the terminal is read arrive as one message
	// ("jj"); outside text inputs each is a command of its own.
	if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste {
		var cmds []tea.Cmd
		for _, r := range msg.Runes {
			cmds = append(cmds, m.key(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}}))
		}
		return tea.Sequence(cmds...)
	}
	if m.showHelp {
		if key.Matches(msg, m.keys.Help) || msg.String() == "esc" || key.Matches(msg, m.keys.Quit) {
			m.showHelp = false
		}
		return nil
	}
	switch {
	case key.Matches(msg, m.keys.Quit):
		return tea.Quit
	case key.Matches(msg, m.keys.Help):
		m.showHelp = true
		return nil
	case key.Matches(msg, m.keys.NextTab):
		return m.show((m.active + 1) % len(m.screens))
	case key.Matches(msg, m.keys.PrevTab):
		return m.show((m.active + len(m.screens) - 1) % len(m.screens))
	}
	for i, d := range m.digits {
		if msg.String() == d {
			return m.show(i)
		}
	}
	_, cmd := screen.Update(msg)
	return cmd
}

// show makes screen i the visible tab, telling the screens that care.
func (m *Model) show(i int) tea.Cmd {
	var cmds []tea.Cmd
	if i != m.active {
		if s, ok := m.screens[m.active].(common.Shown); ok {
			cmds = append(cmds, s.SetShown(false))
		}
	}
	m.active = i
	if s, ok := m.screens[i].(common.Shown); ok {
		cmds = append(cmds, s.SetShown(true))
	}
	return tea.Batch(cmds...)
}

// header, tabs, status and help take four lines.
func (m *Model) bodyHeight() int { return max(1, m.height-4) }

// View draws the session's screen.
func (m *Model) View() string {
	if m.width == 0 {
		return ""
	}
	st := m.c.Styles
	if m.width < MinWidth || m.height < MinHeight {
		return lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center,
			st.Warn.Render(m.c.T("tui.too_small", MinWidth, MinHeight, m.width, m.height)))
	}
	body := m.screens[m.active].View()
	if m.showHelp {
		body = st.Title.Render(m.c.T("tui.help_title")) + "\n\n" + m.help.FullHelpView(append(m.screens[m.active].FullHelp(), m.globalHelp()))
	}
	body = lipgloss.NewStyle().Width(m.width).Height(m.bodyHeight()).MaxHeight(m.bodyHeight()).Render(body)
	return strings.Join([]string{m.header(), m.tabs(), body, m.statusLine(), m.helpLine()}, "\n")
}

func (m *Model) globalHelp() []key.Binding {
	return []key.Binding{m.keys.NextTab, m.keys.PrevTab, m.keys.Help, m.keys.Quit, m.keys.ForceQuit}
}

func (m *Model) header() string {
	st := m.c.Styles
	actor := m.c.Store.Actor()
	who := m.c.T("tui.user", actor.Name, m.c.Enum(string(actor.Role)))
	if m.c.LocalLead {
		who = m.c.T("tui.local_lead")
	}
	left := st.Header.Render("arbeidsboks")
	right := st.HeaderInfo.Render(m.c.Location + " · " + who)
	gap := max(1, m.width-lipgloss.Width(left)-lipgloss.Width(right))
	return common.Fit(left+strings.Repeat(" ", gap)+right, m.width)
}

func (m *Model) tabs() string {
	var parts []string
	for i, s := range m.screens {
		label := m.digits[i] + " " + s.Title()
		if i == m.active {
			parts = append(parts, m.c.Styles.ActiveTab.Render(label))
		} else {
			parts = append(parts, m.c.Styles.Tab.Render(label))
		}
	}
	return common.Fit(strings.Join(parts, ""), m.width)
}

func (m *Model) statusLine() string {
	if m.status.Text == "" {
		return ""
	}
	if m.status.Error {
		return common.Fit(m.c.Styles.Error.Render(m.status.Text), m.width)
	}
	return common.Fit(m.c.Styles.Status.Render(m.status.Text), m.width)
}

func (m *Model) helpLine() string {
	// Help and quit first, so that a narrow window still shows them.
	bindings := append([]key.Binding{m.keys.Help, m.keys.Quit}, m.screens[m.active].ShortHelp()...)
	if m.screens[m.active].Capturing() {
		bindings = m.screens[m.active].ShortHelp()
	}
	return common.Fit(m.help.ShortHelpView(bindings), m.width)
}
