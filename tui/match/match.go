// Package match is the Match tab: the best placements for one candidate,
// or the best candidates for one placement, each with the total, a bar per
// component and the reasons; p proposes.
package match

import (
	"fmt"
	"strings"

	"arbeidsboks/data"
	"arbeidsboks/data/live"
	"arbeidsboks/matching"
	"arbeidsboks/tui/common"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// shown is how many matches the tab lists each way.
const shown = 200

// Keys are the tab's keys.
type Keys struct {
	common.ListKeys
	Propose, Excluded, Show key.Binding
}

type rankedMsg struct {
	seq     int
	ranking matching.Ranking
	m       *data.Matching
}

type proposedMsg struct {
	candidate, placement string
	err                  error
}

// Model is the Match tab.
type Model struct {
	c            *common.Common
	keys         Keys
	snap         *live.Snapshot
	candidateID  int64 // the tab matches for this candidate …
	placementID  int64 // … or for this placement
	seq          int
	loading      bool
	spinner      spinner.Model
	ranking      matching.Ranking
	m            *data.Matching
	showExcluded bool
	results      []matching.Result
	table        *common.Table
	shown        bool // the visible tab
	stale        bool // the office changed while hidden
	width        int
	height       int
}

// New makes the tab.
func New(c *common.Common) *Model {
	m := &Model{c: c, spinner: spinner.New(spinner.WithSpinner(spinner.Dot), spinner.WithStyle(c.Styles.Accent))}
	m.keys = Keys{
		ListKeys: common.NewListKeys(c.Cat),
		Propose:  key.NewBinding(key.WithKeys("p"), key.WithHelp("p", c.T("key.propose"))),
		Excluded: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", c.T("key.excluded"))),
		Show:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", c.T("key.open"))),
	}
	m.table = common.NewTable(c.Styles, m.keys.ListKeys, nil, m.cell)
	m.table.Mark = func(row int) *lipgloss.Style {
		if m.results[row].Excluded {
			return &c.Styles.Faint
		}
		return nil
	}
	return m
}

func (m *Model) columns() []common.Column {
	c := m.c
	who := common.Column{Title: c.T("col.title"), Width: 16, Flex: true}
	if m.placementID != 0 {
		who = common.Column{Title: c.T("col.name"), Width: 16, Flex: true}
	}
	return []common.Column{
		{Title: "#", Width: 3, Right: true},
		who,
		{Title: c.T("col.score"), Width: 5, Right: true},
		{Title: c.T("col.skills"), Width: 5},
		{Title: c.T("col.language"), Width: 5},
		{Title: c.T("col.schedule"), Width: 5},
		{Title: c.T("col.hours"), Width: 9, Right: true},
		{Title: c.T("col.seats"), Width: 6, Right: true, Optional: true},
		{Title: c.T("col.ref"), Width: 9, Optional: true},
	}
}

func (m *Model) cell(row, col int) string {
	r := m.results[row]
	p := m.m.Placements[r.Placement]
	switch col {
	case 0:
		if r.Excluded {
			return "–"
		}
		return fmt.Sprint(row + 1)
	case 1:
		if m.placementID != 0 {
			return m.m.Candidates[r.Candidate].Name
		}
		return p.Title + " · " + p.Employer
	case 2:
		return fmt.Sprintf("%d.%d", r.Total/10, r.Total%10)
	case 3:
		return bar(r.Components.Skills)
	case 4:
		return bar(r.Components.Language)
	case 5:
		return bar(r.Components.Schedule)
	case 6:
		if r.TargetHours > 0 && m.c.Role() != data.RoleMarket {
			return m.c.Cat.Number(r.HoursWeek) + "/" + m.c.Cat.Number(r.TargetHours)
		}
		return m.c.Cat.Number(r.HoursWeek)
	case 7:
		if cur, ok := m.snap.Placement(p.ID); ok {
			return common.Seats(cur)
		}
		return common.Seats(p)
	case 8:
		if m.placementID != 0 {
			return m.m.Candidates[r.Candidate].Ref
		}
		return p.Ref
	}
	return ""
}

// bar draws a component in five cells (plain text: the table styles rows).
func bar(x float64) string {
	n := int(x*5 + 0.5)
	return strings.Repeat("█", n) + strings.Repeat("░", 5-n)
}

// Title is the tab's name.
func (m *Model) Title() string { return m.c.T("tab.match") }

// Capturing is false: the tab has no input.
func (m *Model) Capturing() bool { return false }

// SetSize gives the tab its space.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = width, height
	m.table.SetSize(width, m.listHeight())
}

// reasonLines is the room under the list for the selected row's reasons.
const reasonLines = 7

func (m *Model) listHeight() int { return max(3, m.height-reasonLines-2) }

// SetSnapshot takes the office's newest state and ranks again (seat counts
// and statuses may have changed).
func (m *Model) SetSnapshot(s *live.Snapshot) tea.Cmd {
	m.snap = s
	if !m.shown {
		m.stale = true
		return nil
	}
	return m.rank()
}

// SetShown ranks again when the tab is shown after the office changed.
func (m *Model) SetShown(shown bool) tea.Cmd {
	m.shown = shown
	if shown && m.stale {
		m.stale = false
		return m.rank()
	}
	return nil
}

// Open matches for a candidate or a placement.
func (m *Model) Open(candidateID, placementID int64) tea.Cmd {
	m.candidateID, m.placementID, m.stale = candidateID, placementID, false
	m.table.Columns = m.columns()
	m.table.SetCursor(0)
	m.results = nil
	m.table.SetRows(0)
	return m.rank()
}

// rank scores in the background; the spinner turns meanwhile.
func (m *Model) rank() tea.Cmd {
	if m.snap == nil || m.candidateID == 0 && m.placementID == 0 {
		return nil
	}
	m.seq++
	m.loading = true
	seq, snap, office, weights, today := m.seq, m.snap, m.c.Office, m.c.Weights, m.c.Today()
	candidateID, placementID := m.candidateID, m.placementID
	work := func() tea.Msg {
		mt := office.Matching(snap, weights, today)
		var r matching.Ranking
		if candidateID != 0 {
			if i := snap.CandidateIndex(candidateID); i >= 0 {
				r = mt.Index.RankPlacements(i, shown, true)
			}
		} else if i := snap.PlacementIndex(placementID); i >= 0 {
			r = mt.Index.RankCandidates(i, shown, true)
		}
		return rankedMsg{seq: seq, ranking: r, m: mt}
	}
	return tea.Batch(work, m.spinner.Tick)
}

func (m *Model) refresh() {
	m.results = m.ranking.Included
	if m.showExcluded {
		m.results = append(m.results[:len(m.results):len(m.results)], m.ranking.Excluded...)
	}
	m.table.SetRows(len(m.results))
}

// Update handles the tab's messages and keys.
func (m *Model) Update(msg tea.Msg) (common.Component, tea.Cmd) {
	switch msg := msg.(type) {
	case rankedMsg:
		if msg.seq == m.seq {
			// A new ranking may order the rows otherwise: the one selected
			// stays selected, so that p proposes what the user looks at.
			var keep int64
			if r, ok := m.selected(); ok {
				keep = m.matchID(r)
			}
			m.loading, m.ranking, m.m = false, msg.ranking, msg.m
			m.refresh()
			m.table.SelectID(keep, func(row int) int64 { return m.matchID(m.results[row]) })
		}
		return m, nil
	case spinner.TickMsg:
		if !m.loading {
			return m, nil
		}
		var cmd tea.Cmd
		m.spinner, cmd = m.spinner.Update(msg)
		return m, cmd
	case proposedMsg:
		if msg.err != nil {
			return m, m.c.Failure(msg.err)
		}
		return m, common.Status(m.c.T("tui.proposed", msg.candidate, msg.placement))
	case tea.KeyMsg:
		if m.table.Update(msg) {
			return m, nil
		}
		switch {
		case key.Matches(msg, m.keys.Excluded):
			m.showExcluded = !m.showExcluded
			m.refresh()
			if m.showExcluded && len(m.ranking.Excluded) > 0 {
				// They come after the included ones: go to the first, so
				// that they and why they are excluded are in view.
				m.table.SetCursor(len(m.ranking.Included))
			}
		case key.Matches(msg, m.keys.Propose):
			return m, m.propose()
		case key.Matches(msg, m.keys.Show):
			if r, ok := m.selected(); ok {
				if m.placementID != 0 {
					id := m.m.Candidates[r.Candidate].ID
					return m, func() tea.Msg { return common.ShowCandidateMsg{ID: id} }
				}
				id := m.m.Placements[r.Placement].ID
				return m, func() tea.Msg { return common.ShowPlacementMsg{ID: id} }
			}
		}
	}
	return m, nil
}

// matchID is the id of a row's match: the placement when the tab ranks
// placements for a candidate, else the candidate.
func (m *Model) matchID(r matching.Result) int64 {
	if m.placementID != 0 {
		return m.m.Candidates[r.Candidate].ID
	}
	return m.m.Placements[r.Placement].ID
}

func (m *Model) selected() (matching.Result, bool) {
	r := m.table.Cursor()
	if r < 0 || r >= len(m.results) {
		return matching.Result{}, false
	}
	return m.results[r], true
}

// propose records the selected pair as an utplassering (foreslått).
func (m *Model) propose() tea.Cmd {
	r, ok := m.selected()
	if !ok || m.m == nil {
		return nil
	}
	cand, place := m.m.Candidates[r.Candidate], m.m.Placements[r.Placement]
	store, ctx := m.c.Store, m.c.Ctx
	return func() tea.Msg {
		err := store.WithTx(ctx, func(tx data.Tx) error {
			_, err := tx.Propose(ctx, cand.ID, place.ID, r.Total)
			return err
		})
		return proposedMsg{cand.Ref, place.Ref, err}
	}
}

// View draws the tab.
func (m *Model) View() string {
	c := m.c
	if m.candidateID == 0 && m.placementID == 0 {
		return c.Styles.Faint.Render(c.T("tui.match.empty"))
	}
	if m.snap == nil {
		return c.T("tui.loading")
	}
	var head string
	if m.candidateID != 0 {
		if cand, ok := m.snap.Candidate(m.candidateID); ok {
			head = c.T("tui.match.for_candidate", data.CleanText(cand.Name, false), cand.Ref)
		}
	} else if p, ok := m.snap.Placement(m.placementID); ok {
		head = c.T("tui.match.for_placement", data.CleanText(p.Title, false), p.Ref, p.FreeSeats(), p.Seats)
	}
	head = c.Styles.Title.Render(head)
	if m.loading {
		head += " " + m.spinner.View()
	}
	count := c.T("tui.match.count", m.ranking.IncludedTotal, len(m.ranking.Excluded))
	if m.showExcluded {
		count += " · " + c.T("tui.match.showing_excluded")
	}
	out := head + "  " + c.Styles.Faint.Render(count) + "\n" + m.table.View()
	if r, ok := m.selected(); ok {
		out += "\n" + m.reasons(r)
	}
	return out
}

// reasons lists the selected row's reasons, as far as the role may see.
func (m *Model) reasons(r matching.Result) string {
	var lines []string
	for _, reason := range common.VisibleReasons(m.c.Role(), r.Reasons) {
		text := "• " + common.DescribeReason(m.c.Cat, reason)
		if strings.HasPrefix(reason.Code, "excluded.") {
			text = m.c.Styles.Bad.Render(text)
		}
		lines = append(lines, common.Fit(text, m.width))
	}
	if len(lines) > reasonLines {
		lines = lines[:reasonLines]
	}
	return strings.Join(lines, "\n")
}

// ShortHelp lists the keys for the help bar.
func (m *Model) ShortHelp() []key.Binding {
	return []key.Binding{m.keys.Propose, m.keys.Excluded, m.keys.Show, m.keys.Up, m.keys.Down}
}

// FullHelp lists every key of the tab.
func (m *Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{m.keys.Movement(), {m.keys.Propose, m.keys.Excluded, m.keys.Show}}
}
