package forms

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
)

// Theme builds the forms' styles from one session's renderer. huh's own
// themes make their styles with lipgloss.NewStyle(), which over SSH
// describes the server's terminal, not the user's; this one is made per
// session, with the colours of common.DefaultStyles.
func Theme(r *lipgloss.Renderer) *huh.Theme {
	accent := lipgloss.AdaptiveColor{Light: "4", Dark: "12"}
	faint := lipgloss.AdaptiveColor{Light: "8", Dark: "7"}
	good := lipgloss.AdaptiveColor{Light: "2", Dark: "10"}
	bad := lipgloss.AdaptiveColor{Light: "1", Dark: "9"}
	var t huh.Theme
	t.Form.Base = r.NewStyle()
	t.Group.Base = r.NewStyle()
	t.Group.Title = r.NewStyle().Bold(true).Foreground(accent)
	t.Group.Description = r.NewStyle().Foreground(faint)
	t.FieldSeparator = r.NewStyle().SetString("\n")

	f := &t.Focused
	f.Base = r.NewStyle().PaddingLeft(1).BorderStyle(lipgloss.ThickBorder()).BorderLeft(true).BorderForeground(accent)
	f.Card = f.Base
	f.Title = r.NewStyle().Bold(true).Foreground(accent)
	f.NoteTitle = f.Title
	f.Description = r.NewStyle().Foreground(faint)
	f.ErrorIndicator = r.NewStyle().Foreground(bad).SetString(" *")
	f.ErrorMessage = r.NewStyle().Foreground(bad)
	f.SelectSelector = r.NewStyle().Foreground(accent).SetString("> ")
	f.Option = r.NewStyle()
	f.NextIndicator = r.NewStyle().MarginLeft(1).Foreground(accent).SetString("→")
	f.PrevIndicator = r.NewStyle().MarginRight(1).Foreground(accent).SetString("←")
	f.Directory = r.NewStyle().Foreground(accent)
	f.File = r.NewStyle()
	f.MultiSelectSelector = r.NewStyle().Foreground(accent).SetString("> ")
	f.SelectedOption = r.NewStyle().Foreground(good)
	f.SelectedPrefix = r.NewStyle().Foreground(good).SetString("[x] ")
	f.UnselectedOption = r.NewStyle()
	f.UnselectedPrefix = r.NewStyle().Foreground(faint).SetString("[ ] ")
	f.TextInput.Cursor = r.NewStyle().Foreground(good)
	f.TextInput.CursorText = r.NewStyle()
	f.TextInput.Placeholder = r.NewStyle().Foreground(faint)
	f.TextInput.Prompt = r.NewStyle().Foreground(accent)
	f.TextInput.Text = r.NewStyle()
	button := r.NewStyle().Padding(0, 2).MarginRight(1)
	f.FocusedButton = button.Reverse(true).Bold(true)
	f.BlurredButton = button
	f.Next = f.FocusedButton

	t.Blurred = t.Focused
	b := &t.Blurred
	b.Base = r.NewStyle().PaddingLeft(1).BorderStyle(lipgloss.HiddenBorder()).BorderLeft(true)
	b.Card = b.Base
	b.Title = r.NewStyle().Bold(true)
	b.MultiSelectSelector = r.NewStyle().SetString("  ")
	b.NextIndicator = r.NewStyle()
	b.PrevIndicator = r.NewStyle()

	t.Help = help.Styles{
		Ellipsis:       r.NewStyle().Foreground(faint),
		ShortKey:       r.NewStyle().Foreground(accent),
		ShortDesc:      r.NewStyle().Foreground(faint),
		ShortSeparator: r.NewStyle().Foreground(faint),
		FullKey:        r.NewStyle().Foreground(accent),
		FullDesc:       r.NewStyle().Foreground(faint),
		FullSeparator:  r.NewStyle().Foreground(faint),
	}
	return &t
}
