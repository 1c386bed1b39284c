// Package meeting is the Inntaksmøte tab: the team's triage meeting. A list
// of meetings; n starts one with the default queue; enter joins a running
// one. The meeting view shows one candidate at a time with the best
// placements beside, and every decision is one key. The meeting's state
// lives in the store, so everyone in it sees the same screen: the chair
// decides and moves, the others follow.
package meeting

import (
	"arbeidsboks/data"
	"arbeidsboks/data/live"
	"arbeidsboks/matching"
	"arbeidsboks/tui/common"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
)

// shownPlacements is how many placements the meeting view offers, and
// shownBlocked how many better but excluded ones it names below them.
const (
	shownPlacements = 5
	shownBlocked    = 2
)

// Keys are the tab's and the meeting view's keys.
type Keys struct {
	common.ListKeys
	New, Propose, Defer, Skip, Next, Prev, Comment, Undo, Allocate, Accept, HandOver, Leave, End key.Binding
	Add, Remove, Earlier, Later                                                                  key.Binding
}

func newKeys(c *common.Common) Keys {
	return Keys{
		ListKeys: common.NewListKeys(c.Cat),
		New:      key.NewBinding(key.WithKeys("n"), key.WithHelp("n", c.T("key.new_meeting"))),
		Propose:  key.NewBinding(key.WithKeys("1", "2", "3", "4", "5"), key.WithHelp("1–5", c.T("key.propose"))),
		Defer:    key.NewBinding(key.WithKeys("d"), key.WithHelp("d", c.T("key.defer"))),
		Skip:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", c.T("key.skip"))),
		Next:     key.NewBinding(key.WithKeys("n", "right"), key.WithHelp("n/→", c.T("key.next"))),
		Prev:     key.NewBinding(key.WithKeys("p", "left"), key.WithHelp("p/←", c.T("key.previous"))),
		Comment:  key.NewBinding(key.WithKeys("c"), key.WithHelp("c", c.T("key.comment"))),
		Undo:     key.NewBinding(key.WithKeys("u"), key.WithHelp("u", c.T("key.undo"))),
		Allocate: key.NewBinding(key.WithKeys("a"), key.WithHelp("a", c.T("key.allocate"))),
		Accept:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", c.T("key.accept"))),
		HandOver: key.NewBinding(key.WithKeys("o"), key.WithHelp("o", c.T("key.hand_over"))),
		Leave:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", c.T("key.leave"))),
		End:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", c.T("key.end_meeting"))),
		Add:      key.NewBinding(key.WithKeys("+"), key.WithHelp("+", c.T("key.queue_add"))),
		Remove:   key.NewBinding(key.WithKeys("-"), key.WithHelp("-", c.T("key.queue_remove"))),
		Earlier:  key.NewBinding(key.WithKeys("["), key.WithHelp("[", c.T("key.queue_earlier"))),
		Later:    key.NewBinding(key.WithKeys("]"), key.WithHelp("]", c.T("key.queue_later"))),
	}
}

type (
	meetingsMsg struct {
		list []data.Meeting
		err  error
	}
	meetingMsg struct {
		m    data.Meeting
		err  error
		open bool // show this meeting (just started, or chosen in the list)
	}
	rankedMsg struct {
		candidateID int64
		generation  uint64
		results     []matching.Result // what the keys 1–5 choose from
		all         []matching.Result // every placement, included then excluded
		blocked     []matching.Result // excluded ones with a free seat that would score higher
		m           *data.Matching
	}
	doneMsg struct {
		status string
		err    error
	}
)

// Model is the Inntaksmøte tab.
type Model struct {
	c       *common.Common
	keys    Keys
	snap    *live.Snapshot
	list    []data.Meeting
	table   *common.Table
	open    *data.Meeting // the meeting being viewed
	ranked  rankedMsg     // the best placements for the current candidate
	picker  common.Picker
	asking  string // what the picker asks: "end", "handover"
	comment textinput.Model
	typing  bool
	adding  bool // the input asks for a candidate's ref to add to the queue
	minutes viewport.Model
	reading bool // showing an ended meeting's minutes
	shown   bool // the visible tab
	stale   bool // the list of meetings changed while hidden
	width   int
	height  int
}

// New makes the tab.
func New(c *common.Common) *Model {
	m := &Model{c: c, keys: newKeys(c), comment: textinput.New(), minutes: viewport.New(0, 0)}
	m.comment.Prompt = c.T("tui.meeting.comment_prompt")
	m.comment.CharLimit = data.MaxLongText
	m.table = common.NewTable(c.Styles, m.keys.ListKeys, []common.Column{
		{Title: c.T("col.meeting"), Width: 20, Flex: true},
		{Title: c.T("col.status"), Width: 10},
		{Title: c.T("col.started"), Width: 16, Optional: true},
		{Title: c.T("col.chair"), Width: 12, Optional: true},
	}, m.cell)
	return m
}

func (m *Model) cell(row, col int) string {
	x := m.list[row]
	switch col {
	case 0:
		return x.Title
	case 1:
		return m.c.Enum(string(x.Status))
	case 2:
		return x.Started.Local().Format("2006-01-02 15:04")
	case 3:
		return x.Chair
	}
	return ""
}

// Title is the tab's name.
func (m *Model) Title() string { return m.c.T("tab.meeting") }

// Capturing reports whether the meeting view (a modal view) or an input has
// the keys: in a meeting, digits propose rather than switch tabs.
func (m *Model) Capturing() bool { return m.open != nil || m.reading || m.typing || m.picker.Active }

// SetSize gives the tab its space.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = width, height
	m.table.SetSize(width, height-1)
	m.minutes.Width, m.minutes.Height = width, height
	m.comment.Width = width - 12
}

// SetSnapshot takes the office's newest state: the meeting may have moved
// (another session decided), and seat counts may have changed.
func (m *Model) SetSnapshot(s *live.Snapshot) tea.Cmd {
	m.snap = s
	switch {
	case m.open != nil:
		return m.reload(m.open.ID)
	case !m.shown:
		m.stale = true
		return nil
	}
	return m.loadList()
}

// SetShown reads the list of meetings again when the tab is shown after
// changes.
func (m *Model) SetShown(shown bool) tea.Cmd {
	m.shown = shown
	if shown && m.stale {
		m.stale = false
		return m.loadList()
	}
	return nil
}

func (m *Model) loadList() tea.Cmd {
	store, ctx := m.c.Store, m.c.Ctx
	return func() tea.Msg {
		list, err := store.Meetings(ctx)
		return meetingsMsg{list, err}
	}
}

func (m *Model) reload(id int64) tea.Cmd {
	store, ctx := m.c.Store, m.c.Ctx
	return func() tea.Msg {
		mt, err := store.Meeting(ctx, id)
		return meetingMsg{m: mt, err: err}
	}
}

// tx runs a change in the store and reports it in the status line.
func (m *Model) tx(status string, fn func(tx data.Tx) error) tea.Cmd {
	store, ctx := m.c.Store, m.c.Ctx
	return func() tea.Msg {
		return doneMsg{status, store.WithTx(ctx, fn)}
	}
}

// Update handles the tab's messages and keys.
func (m *Model) Update(msg tea.Msg) (common.Component, tea.Cmd) {
	switch msg := msg.(type) {
	case meetingsMsg:
		if msg.err != nil {
			return m, m.c.Failure(msg.err)
		}
		// A meeting started elsewhere comes in at the top: the one
		// selected stays selected, so that enter joins what the user chose.
		var keep int64
		if r := m.table.Cursor(); r >= 0 && r < len(m.list) {
			keep = m.list[r].ID
		}
		m.list = msg.list
		m.table.SetRows(len(m.list))
		m.table.SelectID(keep, func(row int) int64 { return m.list[row].ID })
		return m, nil
	case meetingMsg:
		if msg.err != nil {
			return m, m.c.Failure(msg.err)
		}
		if !msg.open && (m.open == nil || msg.m.ID != m.open.ID) {
			return m, nil
		}
		if m.open != nil && msg.m.ID == m.open.ID && msg.m.Version < m.open.Version {
			// Reads run side by side; one begun before the last change may
			// end after a newer one, and must not put the meeting back.
			return m, nil
		}
		mt := msg.m
		m.open = &mt
		if mt.Status == data.MeetingEnded {
			m.open = nil
			m.showMinutes(mt)
			return m, m.loadList()
		}
		return m, m.rank()
	case rankedMsg:
		if msg.candidateID == m.ranked.candidateID && len(m.ranked.results) > 0 {
			msg.results = m.sameOrder(msg)
		}
		m.ranked = msg
		return m, nil
	case doneMsg:
		if msg.err != nil {
			return m, m.c.Failure(msg.err)
		}
		if msg.status != "" {
			return m, common.Status(msg.status)
		}
		return m, nil
	case tea.KeyMsg:
		switch {
		case m.picker.Active:
			return m, m.updatePicker(msg)
		case m.typing:
			return m, m.updateComment(msg)
		case m.reading:
			if key.Matches(msg, m.keys.Back) || msg.String() == "q" {
				m.reading = false
				return m, nil
			}
			var cmd tea.Cmd
			m.minutes, cmd = m.minutes.Update(msg)
			return m, cmd
		case m.open != nil:
			return m, m.updateMeeting(msg)
		}
		return m, m.updateList(msg)
	}
	return m, nil
}

func (m *Model) updateList(msg tea.KeyMsg) tea.Cmd {
	if m.table.Update(msg) {
		return nil
	}
	switch {
	case key.Matches(msg, m.keys.New):
		return m.start()
	case key.Matches(msg, m.keys.Open):
		r := m.table.Cursor()
		if r < 0 {
			return nil
		}
		mt := m.list[r]
		if mt.Status == data.MeetingEnded {
			store, ctx := m.c.Store, m.c.Ctx
			return func() tea.Msg {
				full, err := store.Meeting(ctx, mt.ID)
				return meetingMsg{full, err, true}
			}
		}
		m.open = &mt
		id := mt.ID
		return tea.Batch(m.tx("", func(tx data.Tx) error { return tx.JoinMeeting(m.c.Ctx, id) }), m.reload(id))
	}
	return nil
}

// start opens a meeting with the default queue: the candidates open for a
// placement, holding no seat, available today, the longest waiting first.
func (m *Model) start() tea.Cmd {
	if m.snap == nil {
		return nil
	}
	holds := map[int64]bool{}
	for _, u := range m.snap.Utplasseringer {
		if u.Status.HoldsSeat() {
			holds[u.CandidateID] = true
		}
	}
	queue := data.DefaultQueue(m.snap.Candidates, func(id int64) bool { return holds[id] }, m.c.Today())
	title := m.c.T("tui.meeting.default_title", string(m.c.Today()))
	store, ctx := m.c.Store, m.c.Ctx
	return func() tea.Msg {
		var mt data.Meeting
		err := store.WithTx(ctx, func(tx data.Tx) error {
			var err error
			mt, err = tx.StartMeeting(ctx, title, queue)
			return err
		})
		return meetingMsg{mt, err, true}
	}
}

// showMinutes shows an ended meeting's minutes.
func (m *Model) showMinutes(mt data.Meeting) {
	name := func(id int64) string {
		if c, ok := m.snap.Candidate(id); ok {
			return data.ShapeCandidate(m.c.Role(), *c).Name
		}
		return "?"
	}
	title := func(id int64) string {
		if p, ok := m.snap.Placement(id); ok {
			return p.Title + " · " + p.Employer
		}
		return "?"
	}
	m.minutes.SetContent(common.Minutes(m.c.Cat, mt, name, title))
	m.minutes.GotoTop()
	m.reading = true
}

func (m *Model) isChair() bool { return m.open != nil && m.open.Chair == m.c.Store.Actor().Name }

// current is the queue item the meeting is at.
func (m *Model) current() (data.MeetingItem, bool) {
	if m.open == nil || len(m.open.Items) == 0 {
		return data.MeetingItem{}, false
	}
	i := max(0, min(m.open.Current, len(m.open.Items)-1))
	return m.open.Items[i], true
}

// sameOrder keeps the placements the team sees for a candidate, in their
// order, when the office changes while they look: a key chooses the
// placement that stood at its number, not whatever moved up when another
// session filled a seat. Each keeps its new score; one that filled up or is
// excluded now stays, drawn faint, and the store refuses a proposal to it.
// Room left in the five goes to the best of the new ranking.
func (m *Model) sameOrder(msg rankedMsg) []matching.Result {
	at := make(map[int64]matching.Result, len(msg.all))
	for _, r := range msg.all {
		at[msg.m.Placements[r.Placement].ID] = r
	}
	var out []matching.Result
	kept := map[int64]bool{}
	for _, old := range m.ranked.results {
		id := m.ranked.m.Placements[old.Placement].ID
		if r, ok := at[id]; ok {
			out = append(out, r)
			kept[id] = true
		}
	}
	// A seat freed meanwhile brings its placement in after the others.
	for _, r := range msg.results {
		if len(out) < shownPlacements && !kept[msg.m.Placements[r.Placement].ID] {
			out = append(out, r)
		}
	}
	return out
}

// rank finds the best placements with a free seat for the current candidate.
func (m *Model) rank() tea.Cmd {
	it, ok := m.current()
	if !ok || m.snap == nil {
		return nil
	}
	if m.ranked.candidateID == it.CandidateID && m.ranked.generation == m.snap.Generation {
		return nil
	}
	snap, office, weights, today := m.snap, m.c.Office, m.c.Weights, m.c.Today()
	return func() tea.Msg {
		mt := office.Matching(snap, weights, today)
		ci := snap.CandidateIndex(it.CandidateID)
		out := rankedMsg{candidateID: it.CandidateID, generation: snap.Generation, m: mt}
		if ci < 0 {
			return out
		}
		ranking := mt.Index.RankPlacements(ci, 0, true)
		for _, r := range ranking.Included {
			if mt.Placements[r.Placement].FreeSeats() > 0 && len(out.results) < shownPlacements {
				out.results = append(out.results, r)
			}
		}
		out.all = append(ranking.Included, ranking.Excluded...)
		// What keeps the person from better matches (a police certificate,
		// an adaptation) is often what the team can do something about.
		best := 0
		if len(out.results) > 0 {
			best = out.results[0].Total
		}
		for _, r := range ranking.Excluded {
			if r.Total > best && mt.Placements[r.Placement].FreeSeats() > 0 && len(out.blocked) < shownBlocked {
				out.blocked = append(out.blocked, r)
			}
		}
		return out
	}
}
