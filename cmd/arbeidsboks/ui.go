package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"

	"arbeidsboks/data"
	"arbeidsboks/data/live"
	"arbeidsboks/tui"
	"arbeidsboks/tui/common"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"
)

// interactive reports whether the program talks to a person at a terminal;
// otherwise the bare command prints a summary instead of the UI.
func interactive() bool {
	return isatty.IsTerminal(os.Stdin.Fd()) && isatty.IsTerminal(os.Stdout.Fd())
}

// runUI runs the terminal UI in this terminal.
func (a *app) runUI(cmd *cobra.Command) error {
	s, err := a.open(cmd)
	if err != nil {
		return err
	}
	weights, err := a.weights(cmd, "")
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(cmd.Context())
	defer cancel()
	// The read model is shared by every session of the process and reads
	// everything; each session shapes what its user may see.
	var loadErr error
	office := live.Start(ctx, a.db.As(data.LocalLead()), func(err error) { loadErr = err; cancel() })
	renderer := lipgloss.NewRenderer(os.Stdout)
	// Ask the terminal for its background before the program takes the
	// input, or the answer arrives as keystrokes.
	renderer.HasDarkBackground()
	c := &common.Common{
		Ctx: ctx, Store: s, Office: office, Cat: a.cat, Renderer: renderer, Styles: common.DefaultStyles(renderer),
		Weights: weights, Location: filepath.Base(a.db.Path()), LocalLead: a.usingLocalLeadDefault, Today: data.Today,
	}
	_, err = tea.NewProgram(tui.New(c), tea.WithAltScreen(), tea.WithContext(ctx)).Run()
	if loadErr != nil {
		return loadErr
	}
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return nil
	}
	return err
}
