// Package meeting is the Inntaksmøte tab: the team's triage meeting. A list
// of meetings; n starts one with the default queue; enter joins a running
// one. The meeting view shows one candidate at a time with the best
// placements beside, and every decision is one key. The meeting's state
// lives in the store, so everyone in it sees the same screen: the chair
// decides and moves, the others follow.
package meeting

import (
	"fmt"
	"strings"

	"arbeidsboks/data"
	"arbeidsboks/data/live"
	"arbeidsboks/matching"
	"arbeidsboks/tui/common"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
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
func (m *Model) sameOrder(msg rankedMsg) []matching.Result {
	at := make(map[int64]matching.Result, len(msg.all))
	for _, r := range msg.all {
		at[msg.m.Placements[r.Placement].ID] = r
	}
	var out []matching.Result
	for _, old := range m.ranked.results {
		if r, ok := at[m.ranked.m.Placements[old.Placement].ID]; ok {
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

func (m *Model) updateMeeting(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	if key.Matches(msg, k.Leave) {
		m.open, m.ranked = nil, rankedMsg{}
		return m.loadList()
	}
	it, ok := m.current()
	deciding := key.Matches(msg, k.Propose, k.Defer, k.Skip, k.Undo, k.Allocate, k.Accept, k.Next, k.Prev, k.Comment,
		k.HandOver, k.End, k.Add, k.Remove, k.Earlier, k.Later)
	if deciding && !m.isChair() {
		return common.Status(m.c.T("tui.meeting.follower", m.open.Chair))
	}
	id := m.open.ID
	ctx := m.c.Ctx
	switch {
	case key.Matches(msg, k.Next):
		return m.moveTo(m.open.Current + 1)
	case key.Matches(msg, k.Prev):
		return m.moveTo(m.open.Current - 1)
	case key.Matches(msg, k.Undo):
		return m.tx(m.c.T("tui.meeting.undone"), func(tx data.Tx) error {
			undone, err := tx.UndoDecision(ctx, id)
			if err != nil {
				return err
			}
			return tx.SetMeetingCurrent(ctx, id, undone.Position)
		})
	case key.Matches(msg, k.Allocate):
		return m.allocate()
	case key.Matches(msg, k.HandOver):
		var others []string
		for _, p := range m.open.Participants {
			if p != m.open.Chair {
				others = append(others, p)
			}
		}
		if len(others) == 0 {
			return common.Status(m.c.T("tui.meeting.nobody_to_hand_over"))
		}
		m.asking = "handover"
		m.picker.Ask(m.c.T("tui.meeting.hand_over_to"), others)
		return nil
	case key.Matches(msg, k.End):
		m.asking = "end"
		m.picker.Ask(m.c.T("tui.meeting.end_ask"), []string{m.c.T("tui.meeting.end_yes"), m.c.T("tui.meeting.end_no")})
		return nil
	case key.Matches(msg, k.Add):
		m.typing, m.adding = true, true
		m.comment.Prompt = m.c.T("tui.meeting.add_prompt")
		m.comment.SetValue("")
		m.comment.Focus()
		return textinput.Blink
	case !ok:
		return nil
	case key.Matches(msg, k.Remove):
		if it.Decision != "" {
			return common.Status(m.c.T("tui.meeting.already_decided"))
		}
		return m.tx(m.c.T("tui.meeting.removed", it.CandidateRef), func(tx data.Tx) error { return tx.RemoveFromMeeting(ctx, it.ID) })
	case key.Matches(msg, k.Earlier, k.Later):
		delta := -1
		if key.Matches(msg, k.Later) {
			delta = 1
		}
		to := it.Position + delta
		return m.tx("", func(tx data.Tx) error {
			if err := tx.MoveInMeeting(ctx, it.ID, delta); err != nil {
				return err
			}
			return tx.SetMeetingCurrent(ctx, id, to)
		})
	case key.Matches(msg, k.Comment):
		m.typing = true
		m.comment.SetValue(it.Comment)
		m.comment.Focus()
		return textinput.Blink
	case it.Decision != "" && key.Matches(msg, k.Propose, k.Defer, k.Skip, k.Accept):
		return common.Status(m.c.T("tui.meeting.already_decided"))
	case key.Matches(msg, k.Propose):
		n := int(msg.String()[0] - '1')
		if m.ranked.candidateID != it.CandidateID || n >= len(m.ranked.results) {
			return nil
		}
		r := m.ranked.results[n]
		return m.decide(it, data.DecisionProposed, m.ranked.m.Placements[r.Placement].ID, r.Total)
	case key.Matches(msg, k.Accept):
		if it.SuggestedID == 0 {
			return common.Status(m.c.T("tui.meeting.no_suggestion"))
		}
		return m.decide(it, data.DecisionProposed, it.SuggestedID, it.SuggestedScore)
	case key.Matches(msg, k.Defer):
		return m.decide(it, data.DecisionDeferred, 0, 0)
	case key.Matches(msg, k.Skip):
		return m.decide(it, data.DecisionSkipped, 0, 0)
	}
	return nil
}

// decide records a decision and moves on to the next undecided candidate,
// so that each decision is one key.
func (m *Model) decide(it data.MeetingItem, d data.Decision, placementID int64, score int) tea.Cmd {
	id, ctx := m.open.ID, m.c.Ctx
	next := m.open.Current
	for i := m.open.Current + 1; i < len(m.open.Items); i++ {
		if m.open.Items[i].Decision == "" {
			next = i
			break
		}
	}
	status := m.c.T("tui.meeting.decided", it.CandidateRef, m.c.Enum(string(d)))
	return m.tx(status, func(tx data.Tx) error {
		if err := tx.Decide(ctx, it.ID, d, placementID, score); err != nil {
			return err
		}
		return tx.SetMeetingCurrent(ctx, id, next)
	})
}

func (m *Model) moveTo(position int) tea.Cmd {
	if m.open == nil || position < 0 || position >= len(m.open.Items) {
		return nil
	}
	id, ctx := m.open.ID, m.c.Ctx
	// At once here; the others follow through the store. The store's move
	// makes the next version, so a read from before it is not taken.
	m.open.Current = position
	m.open.Version++
	return tea.Batch(m.rank(), m.tx("", func(tx data.Tx) error { return tx.SetMeetingCurrent(ctx, id, position) }))
}

// allocate asks the assignment engine for the best allocation of the free
// seats to the undecided rest of the queue, and records it as suggestions
// the team accepts (enter) or changes one candidate at a time.
func (m *Model) allocate() tea.Cmd {
	var rest []int64
	item := map[int64]int64{} // candidate → item
	for _, it := range m.open.Items {
		if it.Decision == "" {
			rest = append(rest, it.CandidateID)
			item[it.CandidateID] = it.ID
		}
	}
	if len(rest) == 0 {
		return nil
	}
	store, ctx, weights, today, id := m.c.Store, m.c.Ctx, m.c.Weights, m.c.Today(), m.open.ID
	return func() tea.Msg {
		plan, err := data.PlanAssignment(ctx, store, data.AssignOptions{Weights: weights, Today: today, Only: rest})
		if err != nil {
			return doneMsg{err: err}
		}
		var suggestions []data.Suggestion
		for _, a := range plan.Assignments {
			suggestions = append(suggestions, data.Suggestion{ItemID: item[a.CandidateID], PlacementID: a.PlacementID, Score: a.Score})
		}
		err = store.WithTx(ctx, func(tx data.Tx) error { return tx.SuggestInMeeting(ctx, id, suggestions) })
		return doneMsg{m.c.T("tui.meeting.allocated", len(suggestions), len(rest)), err}
	}
}

func (m *Model) updatePicker(msg tea.KeyMsg) tea.Cmd {
	chosen, done := m.picker.Update(msg)
	if !done || chosen < 0 || m.open == nil {
		return nil
	}
	id, ctx := m.open.ID, m.c.Ctx
	switch m.asking {
	case "end":
		if chosen == 0 {
			return m.tx(m.c.T("tui.meeting.ended"), func(tx data.Tx) error { return tx.EndMeeting(ctx, id) })
		}
	case "handover":
		to := m.picker.Options[chosen]
		return m.tx(m.c.T("tui.meeting.handed_over", to), func(tx data.Tx) error { return tx.HandOver(ctx, id, to) })
	}
	return nil
}

func (m *Model) updateComment(msg tea.KeyMsg) tea.Cmd {
	switch msg.String() {
	case "esc":
		m.typing, m.adding = false, false
		m.comment.Prompt = m.c.T("tui.meeting.comment_prompt")
		return nil
	case "enter":
		m.typing = false
		if m.adding {
			m.adding = false
			m.comment.Prompt = m.c.T("tui.meeting.comment_prompt")
			return m.add(strings.TrimSpace(m.comment.Value()))
		}
		it, ok := m.current()
		if !ok {
			return nil
		}
		text, ctx := m.comment.Value(), m.c.Ctx
		return m.tx(m.c.T("tui.meeting.commented"), func(tx data.Tx) error { return tx.CommentMeetingItem(ctx, it.ID, text) })
	}
	var cmd tea.Cmd
	m.comment, cmd = m.comment.Update(msg)
	return cmd
}

// add puts a candidate, by ref, at the end of the queue.
func (m *Model) add(ref string) tea.Cmd {
	if ref == "" || m.open == nil || m.snap == nil {
		return nil
	}
	var found *data.Candidate
	for _, c := range m.snap.Candidates {
		if strings.EqualFold(c.Ref, ref) {
			found = c
		}
	}
	if found == nil {
		return common.Status(m.c.T("cli.error.no_candidate", ref))
	}
	for _, it := range m.open.Items {
		if it.CandidateID == found.ID {
			return common.Status(m.c.T("tui.meeting.in_queue", found.Ref))
		}
	}
	id, candidateID, ctx := m.open.ID, found.ID, m.c.Ctx
	return m.tx(m.c.T("tui.meeting.added", found.Ref), func(tx data.Tx) error { return tx.AddToMeeting(ctx, id, candidateID) })
}

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
			why := ""
			if reasons := common.VisibleReasons(c.Role(), r.Reasons); len(reasons) > 0 {
				why = " — " + common.DescribeReason(c.Cat, reasons[0])
			}
			line := fmt.Sprintf("   %s  %d.%d%s", data.CleanText(pl.Title+" · "+pl.Employer, false), r.Total/10, r.Total%10, why)
			b.WriteString(common.Fit(st.Faint.Render(line), m.width) + "\n")
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
