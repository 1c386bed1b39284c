package common

import (
	"arbeidsboks/tui/i18n"

	"github.com/charmbracelet/bubbles/key"
)

// ListKeys are the keys every list has.
type ListKeys struct {
	Up, Down, Top, Bottom, PageUp, PageDown key.Binding
	Filter, Open, Sort, Back                key.Binding
	// Scroll is only help: the details, shown in the list's place, scroll
	// with the keys that move in the list.
	Scroll key.Binding
}

// NewListKeys builds the list keys with help in the catalogue's language.
func NewListKeys(c *i18n.Catalogue) ListKeys {
	return ListKeys{
		Up:       key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("k/↑", c.T("key.up"))),
		Down:     key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("j/↓", c.T("key.down"))),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", c.T("key.top"))),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", c.T("key.bottom"))),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+b"), key.WithHelp("pgup", c.T("key.page_up"))),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+f", " "), key.WithHelp("pgdn", c.T("key.page_down"))),
		Filter:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", c.T("key.filter"))),
		Scroll:   key.NewBinding(key.WithKeys("j", "k", "up", "down", "pgup", "pgdown"), key.WithHelp("j/k", c.T("key.scroll"))),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", c.T("key.open"))),
		Sort:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", c.T("key.sort"))),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", c.T("key.back"))),
	}
}

// Movement lists the moving keys, for a full help column.
func (k ListKeys) Movement() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown}
}

// GlobalKeys work everywhere outside inputs and dialogs.
type GlobalKeys struct {
	Quit, ForceQuit, Help, NextTab, PrevTab key.Binding
	Tabs                                    []key.Binding
}

// NewGlobalKeys builds the global keys.
func NewGlobalKeys(c *i18n.Catalogue) GlobalKeys {
	return GlobalKeys{
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", c.T("key.quit"))),
		ForceQuit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", c.T("key.quit"))),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", c.T("key.help"))),
		NextTab:   key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", c.T("key.next_tab"))),
		PrevTab:   key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", c.T("key.prev_tab"))),
	}
}
