package meeting

import (
	"strings"

	"arbeidsboks/data"
	"arbeidsboks/tui/common"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
)

// updateMeeting handles the keys of the meeting view: the chair's
// decisions, moves and queue changes; a follower's are refused.
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
