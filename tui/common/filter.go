package common

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

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
	words := strings.Fields(fold(query))
	if len(words) == 0 {
		all := make([]int, n)
		for i := range all {
			all[i] = i
		}
		return all
	}
	var out []int
	for i := range n {
		t := fold(text(i))
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
	for _, m := range fuzzy.FindFrom(fold(query), source{n, text}) {
		out = append(out, m.Index)
	}
	return out
}

type source struct {
	n    int
	text func(int) string
}

func (s source) String(i int) string { return fold(s.text(i)) }

// fold is text as the filter compares it: lower case, with æ, ø, å and
// their stand-ins (ae, oe, aa, ä, ö) as plain letters and accented letters
// without the accent. "odegard", "oedegaard" and "Ødegård" are the same to
// a filter, for whoever types without a Norwegian keyboard. Both the query
// and the rows are folded, so the digraphs fold the same on both sides.
func fold(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			c = lowerASCII(c)
			if (c == 'a' || c == 'o') && i+1 < len(s) {
				next := lowerASCII(s[i+1])
				if c == 'a' && (next == 'a' || next == 'e') || c == 'o' && next == 'e' {
					b = append(b, c)
					i += 2
					continue
				}
			}
			b = append(b, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch r = unicode.ToLower(r); r {
		case 'å', 'æ', 'ä', 'á', 'à', 'â':
			b = append(b, 'a')
		case 'ø', 'ö', 'ó', 'ò', 'ô':
			b = append(b, 'o')
		case 'é', 'è', 'ê', 'ë':
			b = append(b, 'e')
		case 'ü', 'ú', 'ù', 'û':
			b = append(b, 'u')
		default:
			b = utf8.AppendRune(b, r)
		}
		i += size
	}
	return string(b)
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
func (s source) Len() int { return s.n }

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
