package tui

import (
	"fmt"
	"io"
	"testing"

	"arbeidsboks/data"
	"arbeidsboks/data/live"
	"arbeidsboks/matching"
	"arbeidsboks/tui/candidates"
	"arbeidsboks/tui/common"
	"arbeidsboks/tui/i18n"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// listOf makes n candidates in memory.
func listOf(n int) *live.Snapshot {
	cands := make([]*data.Candidate, n)
	avail := matching.MustParseSchedule("man-fre 08:00-15:30")
	for i := range cands {
		target := 37.5
		cands[i] = &data.Candidate{ID: int64(i + 1), Ref: fmt.Sprintf("K-%06d", i), Name: fmt.Sprintf("Person %d Hansen", i),
			Programme: data.ProgrammeKVP, Specialist: "Kari Nordmann", Norwegian: matching.Norwegian{Oral: matching.B1, Written: matching.A2},
			Status: data.CandidateReady, Availability: avail, TargetHoursWeek: &target, Registered: "2026-09-01"}
	}
	return live.NewSnapshot(nil, cands, nil, nil)
}

// BenchmarkCandidateListKeystroke is the cost of one keystroke (j) in the
// candidate list: Update and the View that follows, at 1 000, 10 000 and
// 100 000 rows. The list draws only the rows in view, so the cost should
// not grow with the list.
func BenchmarkCandidateListKeystroke(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			r := lipgloss.NewRenderer(io.Discard)
			r.SetColorProfile(termenv.ANSI256)
			c := &common.Common{Cat: i18n.New(i18n.NB), Styles: common.DefaultStyles(r), Renderer: r,
				Store: roleStore{actor: data.LocalLead()}, Today: func() data.Date { return today }}
			m := candidates.New(c)
			m.SetSize(120, 40)
			cmd := m.SetSnapshot(listOf(n))
			m.Update(cmd()) // the filtered rows
			down := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("j")}
			b.ResetTimer()
			for b.Loop() {
				m.Update(down)
				_ = m.View()
			}
		})
	}
}

// roleStore is a store that only says who acts: the list screens ask no more
// of it while moving.
type roleStore struct {
	data.Store
	actor data.Actor
}

func (s roleStore) Actor() data.Actor { return s.actor }
