package candidates

import (
	"encoding/json"

	"arbeidsboks/data"
	"arbeidsboks/tui/common"
	"arbeidsboks/tui/forms"

	tea "github.com/charmbracelet/bubbletea"
)

// mayEdit reports whether the user's role edits candidates: market
// contacts do not, and their keys are hidden. Should one be pressed anyway,
// the store's refusal is what they see.
func (m *Model) mayEdit() bool { return m.c.Role() != data.RoleMarket }

// edit reads the person's whole record for a form (id 0: a new person).
func (m *Model) edit(id int64, unavailable bool) tea.Cmd {
	if !m.mayEdit() {
		return m.c.Failure(data.ErrForbidden)
	}
	if id == 0 {
		return func() tea.Msg { return formMsg{} }
	}
	store, ctx := m.c.Store, m.c.Ctx
	return func() tea.Msg {
		c, err := store.OpenCandidate(ctx, id)
		return formMsg{candidate: &c, unavailable: unavailable, err: err}
	}
}

func (m *Model) openForm(msg formMsg) tea.Cmd {
	if msg.err != nil {
		return m.c.Failure(msg.err)
	}
	if msg.candidate != nil && msg.candidate.Erased {
		return common.Error(m.c.T("tui.erased_no_edit"))
	}
	if msg.unavailable {
		m.form = forms.NewUnavailable(m.c, *msg.candidate)
	} else {
		m.form = forms.NewCandidate(m.c, msg.candidate)
	}
	m.form.SetSize(m.width, m.height)
	return m.form.Init()
}

// updateForm gives the open form a message; once it closes, the list and
// the details show the saved person.
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
	cmds := []tea.Cmd{cmd, common.Status(text), m.refilter()}
	if m.details {
		cmds = append(cmds, m.open(id))
	}
	return tea.Batch(cmds...)
}

// showAccess gathers everything stored about the opened person (team
// leads): the right of access, on screen.
func (m *Model) showAccess() tea.Cmd {
	if m.opened == nil {
		return nil
	}
	store, ctx, ref := m.c.Store, m.c.Ctx, m.opened.Ref
	return func() tea.Msg {
		rec, err := data.PersonalData(ctx, store, ref)
		if err != nil {
			return accessMsg{err: err}
		}
		out, err := json.MarshalIndent(rec, "", "  ")
		return accessMsg{text: data.CleanText(string(out), true), err: err}
	}
}

func (m *Model) askErase() tea.Cmd {
	if m.opened == nil {
		return nil
	}
	if m.c.Role() != data.RoleLead {
		return m.c.Failure(data.ErrForbidden)
	}
	m.confirmErase.Ask(m.c.T("tui.erase_question", data.CleanText(m.opened.Name, false), m.opened.Ref),
		[]string{m.c.T("tui.erase_cancel"), m.c.T("tui.erase_confirm")})
	return nil
}

func (m *Model) updateErase(msg tea.KeyMsg) tea.Cmd {
	chosen, done := m.confirmErase.Update(msg)
	if !done || chosen != 1 || m.opened == nil {
		return nil
	}
	store, ctx, ref := m.c.Store, m.c.Ctx, m.opened.Ref
	return func() tea.Msg {
		newRef, err := data.EraseCandidateByRef(ctx, store, ref)
		return erasedMsg{ref: newRef, err: err}
	}
}
