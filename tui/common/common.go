package common

import (
	"context"

	"arbeidsboks/data"
	"arbeidsboks/data/live"
	"arbeidsboks/matching"
	"arbeidsboks/tui/i18n"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// Common is what every screen of one session shares: who the user is, the
// store as that user, the office's live read model, the words, the styles
// from the session's own renderer, and the space the screen may use.
type Common struct {
	Ctx      context.Context
	Store    data.Store
	Office   *live.Office
	Cat      *i18n.Catalogue
	Styles   *Styles
	Renderer *lipgloss.Renderer
	Weights  matching.Weights
	// Location names the database or the server in the header.
	Location string
	// LocalLead is set when a local session acts as the built-in team lead.
	LocalLead bool
	// Today gives the current day; tests fix it.
	Today func() data.Date
	// Width and Height are the space a screen has (below the header, above
	// the help bar).
	Width, Height int
}

// Role is the session user's role.
func (c *Common) Role() data.Role { return c.Store.Actor().Role }

// T is the catalogue's words.
func (c *Common) T(key string, args ...any) string { return c.Cat.T(key, args...) }

// Component is a screen or a part of one: a Bubble Tea model that knows its
// keys (for the help bar) and can be given a size.
type Component interface {
	help.KeyMap
	Update(tea.Msg) (Component, tea.Cmd)
	View() string
	SetSize(width, height int)
}

// Screen is a tab of the application.
type Screen interface {
	Component
	// Title is the tab's name.
	Title() string
	// Capturing reports whether the screen has a text input or a dialog open
	// that should get every key, even q and the digits.
	Capturing() bool
	// SetSnapshot gives the screen the office's newest state.
	SetSnapshot(*live.Snapshot) tea.Cmd
}

// Shown is a screen that wants to know when it is the visible tab. A
// screen that reads the store when the office changes (the audit log, the
// list of meetings) reads it only while shown, and once more when shown
// again: sessions on other tabs cost the store nothing.
type Shown interface {
	SetShown(shown bool) tea.Cmd
}

// Messages between screens and the root.
type (
	// SnapshotMsg carries a new snapshot of the office.
	SnapshotMsg struct{ Snapshot *live.Snapshot }
	// OpenMatchMsg asks the root to show the matches of a candidate or a
	// placement (one of the ids is set).
	OpenMatchMsg struct{ CandidateID, PlacementID int64 }
	// ShowPlacementMsg and ShowCandidateMsg ask to open a record on its tab.
	ShowPlacementMsg struct{ ID int64 }
	ShowCandidateMsg struct{ ID int64 }
	// StatusMsg shows a line in the status bar; Error marks it as a failure.
	StatusMsg struct {
		Text  string
		Error bool
	}
)

// Status is a command that shows a line in the status bar.
func Status(text string) tea.Cmd {
	return func() tea.Msg { return StatusMsg{Text: text} }
}

// Failure is a command that shows an error in the user's words.
func (c *Common) Failure(err error) tea.Cmd {
	lines := DescribeError(c.Cat, err)
	text := lines[0]
	if len(lines) > 1 {
		text += c.T("tui.more_problems", len(lines)-1)
	}
	return Error(text)
}

// Error is a command that shows a line as an error.
func Error(text string) tea.Cmd {
	return func() tea.Msg { return StatusMsg{Text: text, Error: true} }
}
