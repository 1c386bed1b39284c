package main

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"arbeidsboks/data"
	"arbeidsboks/data/demo"

	"github.com/spf13/cobra"
)

func (a *app) demoCommand() *cobra.Command {
	var opt demo.Options
	var force bool
	cmd := &cobra.Command{
		Use:   "demo",
		Short: a.cat.T("cli.demo.short"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opt.Placements < 0 || opt.Candidates < 0 {
				return a.usage(cmd, "cli.error.negative")
			}
			s, err := a.open(cmd)
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			opt.Replace = force
			sum, err := demo.Generate(ctx, s, opt)
			if errors.Is(err, demo.ErrNotEmpty) {
				placements, _ := s.CountPlacements(ctx, data.PlacementFilter{})
				candidates, _ := s.CountCandidates(ctx, data.CandidateFilter{})
				return fmt.Errorf("%s", a.cat.T("cli.demo.not_empty", a.db.Path(), placements, candidates))
			}
			if err != nil {
				return err
			}
			fmt.Fprintln(a.stdout, a.cat.T("cli.demo.done", sum.Placements, sum.Candidates, sum.Utplasseringer, a.db.Path()))
			return nil
		},
	}
	cmd.Flags().Int64Var(&opt.Seed, "seed", 1, a.cat.T("flag.seed"))
	cmd.Flags().IntVar(&opt.Placements, "placements", 60, a.cat.T("flag.placements"))
	cmd.Flags().IntVar(&opt.Candidates, "candidates", 200, a.cat.T("flag.candidates"))
	cmd.Flags().BoolVar(&force, "force", false, a.cat.T("flag.force"))
	return cmd
}

func (a *app) backupCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "backup FILE",
		Short: a.cat.T("cli.backup.short"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, err := a.open(cmd); err != nil {
				return err
			}
			if err := a.db.Backup(cmd.Context(), args[0]); err != nil {
				if errors.Is(err, data.ErrExists) {
					return fmt.Errorf("%s", a.cat.T("cli.error.file_exists", args[0]))
				}
				return err
			}
			fmt.Fprintln(a.stdout, a.cat.T("cli.backup.done", args[0]))
			return nil
		},
	}
}

func (a *app) usersCommand() *cobra.Command {
	users := &cobra.Command{Use: "users", Short: a.cat.T("cli.users.short"), Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() }}

	var name, role, key string
	add := &cobra.Command{
		Use:   "add --name NAME --role ROLE --key KEY",
		Short: a.cat.T("cli.users.add.short"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			r := data.Role(strings.ToLower(role))
			if !validRole(r) {
				return a.usage(cmd, "cli.error.role", role)
			}
			line, err := keyLine(key)
			if err != nil {
				return err
			}
			s, err := a.open(cmd)
			if err != nil {
				return err
			}
			u := data.User{Name: name, Role: r, Keys: []string{line}}
			if err := s.WithTx(cmd.Context(), func(tx data.Tx) error { return tx.AddUser(cmd.Context(), &u) }); err != nil {
				return err
			}
			fmt.Fprintln(a.stdout, a.cat.T("cli.users.added", u.Name, u.Role))
			return nil
		},
	}
	add.Flags().StringVar(&name, "name", "", a.cat.T("flag.user_name"))
	add.Flags().StringVar(&role, "role", "", a.cat.T("flag.role"))
	add.Flags().StringVar(&key, "key", "", a.cat.T("flag.key"))
	for _, f := range []string{"name", "role", "key"} {
		add.MarkFlagRequired(f)
	}

	addKey := &cobra.Command{
		Use:   "add-key NAME KEY",
		Short: a.cat.T("cli.users.add_key.short"),
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			line, err := keyLine(args[1])
			if err != nil {
				return err
			}
			s, err := a.open(cmd)
			if err != nil {
				return err
			}
			if err := s.WithTx(cmd.Context(), func(tx data.Tx) error { return tx.AddKey(cmd.Context(), args[0], line) }); err != nil {
				return err
			}
			fmt.Fprintln(a.stdout, a.cat.T("cli.users.key_added", args[0]))
			return nil
		},
	}

	deactivate := &cobra.Command{
		Use:   "deactivate NAME",
		Short: a.cat.T("cli.users.deactivate.short"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := a.open(cmd)
			if err != nil {
				return err
			}
			if err := s.WithTx(cmd.Context(), func(tx data.Tx) error { return tx.DeactivateUser(cmd.Context(), args[0]) }); err != nil {
				return err
			}
			fmt.Fprintln(a.stdout, a.cat.T("cli.users.deactivated", args[0]))
			return nil
		},
	}

	var asJSON bool
	list := &cobra.Command{
		Use:   "list",
		Short: a.cat.T("cli.users.list.short"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := a.open(cmd)
			if err != nil {
				return err
			}
			all, err := s.Users(cmd.Context())
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(a.stdout, usersJSON(all))
			}
			if len(all) == 0 {
				fmt.Fprintln(a.stdout, a.cat.T("cli.users.none"))
				return nil
			}
			tw := tabwriter.NewWriter(a.stdout, 2, 4, 2, ' ', 0)
			fmt.Fprintln(tw, a.cat.T("cli.users.header"))
			for _, u := range all {
				active := a.cat.T("cli.yes")
				if !u.Active {
					active = a.cat.T("cli.no")
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%d\n", u.Name, u.Role, active, len(u.Keys))
			}
			return tw.Flush()
		},
	}
	list.Flags().BoolVar(&asJSON, "json", false, a.cat.T("flag.json"))

	users.AddCommand(add, addKey, deactivate, list)
	return users
}

func validRole(r data.Role) bool {
	for _, known := range data.Roles {
		if r == known {
			return true
		}
	}
	return false
}

// keyLine takes KEY as an authorized_keys line or the path of a .pub file.
func keyLine(key string) (string, error) {
	if strings.HasPrefix(strings.TrimSpace(key), "ssh-") || strings.HasPrefix(strings.TrimSpace(key), "ecdsa-") {
		return key, nil
	}
	content, err := os.ReadFile(key)
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(content)), nil
}

type userJSON struct {
	Name   string   `json:"name"`
	Role   string   `json:"role"`
	Active bool     `json:"active"`
	Keys   []string `json:"keys"`
}

func usersJSON(users []data.User) []userJSON {
	out := make([]userJSON, len(users))
	for i, u := range users {
		keys := u.Keys
		if keys == nil {
			keys = []string{}
		}
		out[i] = userJSON{Name: u.Name, Role: string(u.Role), Active: u.Active, Keys: keys}
	}
	return out
}
