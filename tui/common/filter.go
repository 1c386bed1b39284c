package common

import (
	"slices"
	"strings"

	"arbeidsboks/matching/occupation"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/sahilm/fuzzy"
)

// Match filters a list: each word of the query must occur in the row's
// text (any case). When no row has every word, rows whose text matches the
// query fuzzily (letters in order, so typos of dropped letters still find
// their row) are given instead, best first. It returns the rows' indices.
func Match(query string, n int, text func(i int) string) []int {
	words := strings.Fields(strings.ToLower(query))
	if len(words) == 0 {
		all := make([]int, n)
		for i := range all {
			all[i] = i
		}
		return all
	}
	var out []int
	for i := range n {
		t := strings.ToLower(text(i))
		ok := true
		for _, w := range words {
			if !strings.Contains(t, w) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, i)
		}
	}
	if len(out) > 0 {
		return out
	}
	for _, m := range fuzzy.FindFrom(strings.ToLower(query), source{n, text}) {
		out = append(out, m.Index)
	}
	return out
}

type source struct {
	n    int
	text func(int) string
}

func (s source) String(i int) string { return strings.ToLower(s.text(i)) }
func (s source) Len() int            { return s.n }

// FilteredMsg carries a list computed in the background (filtered and
// sorted rows); Seq tells a late result from the current one.
type FilteredMsg struct {
	Owner string
	Seq   int
	Rows  []int
}

// NewFilterInput is the one-line filter input the lists open with /.
func NewFilterInput(c *Common) textinput.Model {
	in := textinput.New()
	in.Prompt = "/ "
	in.Placeholder = c.T("tui.filter_placeholder")
	in.CharLimit = 100
	in.PromptStyle = c.Styles.Accent
	in.Cursor.Style = c.Styles.Accent
	return in
}

// FilterBox is a list's filter: the input line while typing, and the query
// it holds after. Lists run the query through FilterCmd.
type FilterBox struct {
	input  textinput.Model
	Active bool // the input has the keys
	Query  string
}

// NewFilterBox makes an empty filter.
func NewFilterBox(c *Common) FilterBox { return FilterBox{input: NewFilterInput(c)} }

// Open gives the input the keys.
func (f *FilterBox) Open() tea.Cmd {
	f.Active = true
	f.input.Focus()
	return textinput.Blink
}

// Clear empties the filter; it reports whether there was a query.
func (f *FilterBox) Clear() bool {
	had := f.Query != ""
	f.Active = false
	f.input.Blur()
	f.input.SetValue("")
	f.Query = ""
	return had
}

// Update types into the input: enter keeps the query and closes the input,
// esc clears it. A new query runs refilter, the list's own filtering.
func (f *FilterBox) Update(msg tea.KeyMsg, refilter func() tea.Cmd) tea.Cmd {
	switch msg.String() {
	case "esc":
		if f.Clear() {
			return refilter()
		}
		return nil
	case "enter":
		f.Active = false
		f.input.Blur()
		return nil
	}
	var cmd tea.Cmd
	f.input, cmd = f.input.Update(msg)
	if v := f.input.Value(); v != f.Query {
		f.Query = v
		return tea.Batch(cmd, refilter())
	}
	return cmd
}

// View is the input line.
func (f *FilterBox) View() string { return f.input.View() }

// MatchOccupation widens a filter with the occupation the query names: the
// rows whose codes include the code the resolver confidently finds for the
// whole query ("vaskehjelp" finds the placements coded as cleaners, whatever
// their titles say). The rows the text matched come first, in their order.
func MatchOccupation(matched []int, cls *occupation.Classification, query string, n int, codes func(i int) []string) []int {
	query = strings.TrimSpace(query)
	if cls == nil || cls.UnitGroups() == 0 || len([]rune(query)) < 3 {
		return matched
	}
	best, ok := cls.Best(query)
	if !ok {
		return matched
	}
	seen := make(map[int]bool, len(matched))
	for _, i := range matched {
		seen[i] = true
	}
	for i := range n {
		if !seen[i] && slices.Contains(codes(i), best.Code) {
			matched = append(matched, i)
		}
	}
	return matched
}
