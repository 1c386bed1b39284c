package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"arbeidsboks/data"
	"arbeidsboks/data/demo"
	"arbeidsboks/data/sqlite"
	"arbeidsboks/tui/i18n"

	"github.com/spf13/cobra"
)

// app is what every subcommand shares: the global flags, the words, and the
// database once opened.
type app struct {
	cat                   *i18n.Catalogue
	stdin                 io.Reader
	stdout, stderr        io.Writer
	dbFlag, langFlag, as  string
	demo                  bool
	db                    *sqlite.DB
	store                 data.Store
	usingLocalLeadDefault bool
}

func (a *app) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:           "arbeidsboks",
		Short:         a.cat.T("cli.short"),
		Args:          cobra.NoArgs,
		SilenceErrors: true,
		SilenceUsage:  true,
		RunE: func(cmd *cobra.Command, args []string) error {
			if interactive() {
				return a.runUI(cmd)
			}
			return a.summary(cmd)
		},
	}
	flags := root.PersistentFlags()
	flags.StringVar(&a.dbFlag, "db", "", a.cat.T("flag.db"))
	flags.StringVar(&a.langFlag, "lang", "nb", a.cat.T("flag.lang"))
	flags.StringVar(&a.as, "as", "", a.cat.T("flag.as"))
	flags.BoolVar(&a.demo, "demo", false, a.cat.T("flag.demo"))
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return &usageError{command: cmd.CommandPath(), msg: err.Error()}
	})
	root.AddCommand(a.importCommand(), a.exportCommand(), a.demoCommand(), a.backupCommand(), a.usersCommand(),
		a.matchCommand(), a.assignCommand(), a.serveCommand(), a.meetingCommand())
	root.AddCommand(a.candidatesCommand())
	root.AddCommand(a.taxonomyCommand())
	for _, c := range root.Commands() {
		wrapArgs(c)
	}
	root.SetHelpCommand(&cobra.Command{Hidden: true})
	return root
}

// wrapArgs makes argument-count mistakes usage errors (exit 2) all the way down.
func wrapArgs(c *cobra.Command) {
	if check := c.Args; check != nil {
		c.Args = func(cmd *cobra.Command, args []string) error {
			if err := check(cmd, args); err != nil {
				return &usageError{command: cmd.CommandPath(), msg: err.Error()}
			}
			return nil
		}
	}
	for _, sub := range c.Commands() {
		wrapArgs(sub)
	}
}

func (a *app) usage(cmd *cobra.Command, key string, args ...any) error {
	return &usageError{command: cmd.CommandPath(), msg: a.cat.T(key, args...)}
}

// dataDir is where arbeidsboks keeps its files: $XDG_DATA_HOME/arbeidsboks,
// else ~/.local/share/arbeidsboks.
func dataDir() (string, error) {
	if dir := os.Getenv("XDG_DATA_HOME"); dir != "" {
		return filepath.Join(dir, "arbeidsboks"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".local", "share", "arbeidsboks"), nil
}

// dbPath chooses the database: --demo, --db, ARBEIDSBOKS_DB, or the default
// file in the data directory.
func (a *app) dbPath(cmd *cobra.Command) (path string, isDemo bool, err error) {
	if a.demo && a.dbFlag != "" {
		return "", false, a.usage(cmd, "cli.error.demo_and_db")
	}
	switch {
	case a.dbFlag != "":
		return a.dbFlag, false, nil
	case a.demo:
		dir, err := dataDir()
		return filepath.Join(dir, "demo.db"), true, err
	case os.Getenv("ARBEIDSBOKS_DB") != "":
		return os.Getenv("ARBEIDSBOKS_DB"), false, nil
	}
	dir, err := dataDir()
	return filepath.Join(dir, "arbeidsboks.db"), false, err
}

// open opens the chosen database as the chosen user. The demo database is
// created and filled on first use.
func (a *app) open(cmd *cobra.Command) (data.Store, error) {
	if a.store != nil {
		return a.store, nil
	}
	ctx := cmd.Context()
	path, isDemo, err := a.dbPath(cmd)
	if err != nil {
		return nil, err
	}
	_, statErr := os.Stat(path)
	fresh := errors.Is(statErr, os.ErrNotExist)
	if a.db, err = sqlite.Open(ctx, path); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	actor, err := a.actor(ctx)
	if err != nil {
		return nil, err
	}
	a.store = a.db.As(actor)
	if isDemo && fresh {
		fmt.Fprintln(a.stderr, a.cat.T("cli.demo.filling", path))
		if _, err := demo.Generate(ctx, a.db.As(data.LocalLead()), demo.Options{}); err != nil {
			return nil, err
		}
	}
	return a.store, nil
}

// actor is who the session acts as: --as or ARBEIDSBOKS_USER when given,
// else the built-in local team lead. The person at the machine holds the
// file, so a local session without --as acts as lead even when users exist.
func (a *app) actor(ctx context.Context) (data.Actor, error) {
	name := a.as
	if name == "" {
		name = os.Getenv("ARBEIDSBOKS_USER")
	}
	if name == "" {
		a.usingLocalLeadDefault = true
		return data.LocalLead(), nil
	}
	u, err := a.db.As(data.LocalLead()).UserByName(ctx, name)
	if errors.Is(err, data.ErrNotFound) {
		return data.Actor{}, fmt.Errorf("%s", a.cat.T("cli.error.unknown_user", name))
	}
	if err != nil {
		return data.Actor{}, err
	}
	if !u.Active {
		return data.Actor{}, fmt.Errorf("%s", a.cat.T("cli.error.inactive_user", name))
	}
	return u.Actor(), nil
}

func (a *app) close() {
	if a.db != nil {
		a.db.Close()
	}
}

// summary stands in for the terminal UI: what the database holds.
func (a *app) summary(cmd *cobra.Command) error {
	ctx := cmd.Context()
	s, err := a.open(cmd)
	if err != nil {
		return err
	}
	placements, err := s.Placements(ctx, data.PlacementFilter{})
	if err != nil {
		return err
	}
	free := 0
	for _, p := range placements {
		if p.Status == data.PlacementActive {
			free += p.FreeSeats()
		}
	}
	candidates, err := s.CountCandidates(ctx, data.CandidateFilter{})
	if err != nil {
		return err
	}
	utplasseringer, err := s.Utplasseringer(ctx, data.UtplasseringFilter{})
	if err != nil {
		return err
	}
	lines := []string{
		a.cat.T("cli.summary.database", a.db.Path()),
		a.actorLine(),
		a.cat.T("cli.summary.placements", len(placements), free),
		a.cat.T("cli.summary.candidates", candidates),
		a.cat.T("cli.summary.utplasseringer", len(utplasseringer)),
	}
	fmt.Fprintln(a.stdout, strings.Join(lines, "\n"))
	return nil
}

func (a *app) actorLine() string {
	actor := a.store.Actor()
	if a.usingLocalLeadDefault {
		return a.cat.T("cli.summary.local_lead")
	}
	return a.cat.T("cli.summary.actor", actor.Name, actor.Role)
}
