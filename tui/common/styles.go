package common

import "github.com/charmbracelet/lipgloss"

// Styles are every style the screens use, made from one session's
// renderer so that colours fit that user's terminal (over SSH the server's
// terminal says nothing about the user's). Colours are adaptive for light
// and dark backgrounds and chosen from the 16 ANSI colours where they carry
// meaning, so they stay readable on basic terminals; with NO_COLOR the
// renderer drops them and bold, reverse and faint carry the meaning.
type Styles struct {
	Header, HeaderInfo          lipgloss.Style
	Tab, ActiveTab              lipgloss.Style
	Title, Label, Value, Faint  lipgloss.Style
	Selected, TableHeader, Cell lipgloss.Style
	Good, Warn, Bad, Accent     lipgloss.Style
	Help, Status, Error         lipgloss.Style
	Box, Dialog                 lipgloss.Style
	BarFull, BarEmpty           lipgloss.Style
	GridOn, GridOff, GridPart   lipgloss.Style
}

// DefaultStyles builds the styles from the session's renderer.
func DefaultStyles(r *lipgloss.Renderer) *Styles {
	accent := lipgloss.AdaptiveColor{Light: "4", Dark: "12"}
	faint := lipgloss.AdaptiveColor{Light: "8", Dark: "7"}
	good := lipgloss.AdaptiveColor{Light: "2", Dark: "10"}
	warn := lipgloss.AdaptiveColor{Light: "3", Dark: "11"}
	bad := lipgloss.AdaptiveColor{Light: "1", Dark: "9"}
	s := &Styles{}
	s.Header = r.NewStyle().Bold(true)
	s.HeaderInfo = r.NewStyle().Foreground(faint)
	s.Tab = r.NewStyle().Padding(0, 1).Foreground(faint)
	s.ActiveTab = r.NewStyle().Padding(0, 1).Bold(true).Reverse(true)
	s.Title = r.NewStyle().Bold(true).Foreground(accent)
	s.Label = r.NewStyle().Foreground(faint)
	s.Value = r.NewStyle()
	s.Faint = r.NewStyle().Faint(true)
	s.Selected = r.NewStyle().Reverse(true)
	s.TableHeader = r.NewStyle().Bold(true).Underline(true)
	s.Cell = r.NewStyle()
	s.Good = r.NewStyle().Foreground(good)
	s.Warn = r.NewStyle().Foreground(warn)
	s.Bad = r.NewStyle().Foreground(bad).Bold(true)
	s.Accent = r.NewStyle().Foreground(accent)
	s.Help = r.NewStyle().Foreground(faint)
	s.Status = r.NewStyle().Foreground(good)
	s.Error = r.NewStyle().Foreground(bad).Bold(true)
	s.Box = r.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(faint).Padding(0, 1)
	s.Dialog = r.NewStyle().Border(lipgloss.DoubleBorder()).BorderForeground(accent).Padding(0, 1)
	s.BarFull = r.NewStyle().Foreground(accent)
	s.BarEmpty = r.NewStyle().Foreground(faint)
	s.GridOn = r.NewStyle().Foreground(accent)
	s.GridOff = r.NewStyle().Foreground(faint)
	s.GridPart = r.NewStyle().Foreground(warn)
	return s
}
