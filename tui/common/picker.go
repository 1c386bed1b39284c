package common

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
)

// Picker is a small dialog that asks the user to choose one of a few
// options: j/k and enter, or the option's number; esc cancels.
type Picker struct {
	Title   string
	Options []string
	Active  bool
	cursor  int
}

// Ask opens the picker with a question and its options.
func (p *Picker) Ask(title string, options []string) {
	p.Title, p.Options, p.Active, p.cursor = title, options, true, 0
}

// Update handles a key; done reports that the dialog closed, with the
// chosen option's index or -1 when cancelled.
func (p *Picker) Update(msg tea.KeyMsg) (chosen int, done bool) {
	switch s := msg.String(); s {
	case "esc", "q":
		p.Active = false
		return -1, true
	case "enter":
		p.Active = false
		return p.cursor, true
	case "j", "down", "tab":
		p.cursor = (p.cursor + 1) % len(p.Options)
	case "k", "up", "shift+tab":
		p.cursor = (p.cursor + len(p.Options) - 1) % len(p.Options)
	default:
		if len(s) == 1 && s[0] >= '1' && s[0] <= '9' && int(s[0]-'1') < len(p.Options) {
			p.Active = false
			return int(s[0] - '1'), true
		}
	}
	return -1, false
}

// View draws the dialog.
func (p *Picker) View(st *Styles) string {
	var b strings.Builder
	b.WriteString(st.Title.Render(p.Title))
	for i, o := range p.Options {
		line := fmt.Sprintf("%d  %s", i+1, o)
		if i == p.cursor {
			line = st.Selected.Render(line)
		}
		b.WriteString("\n" + line)
	}
	return st.Dialog.Render(b.String())
}
