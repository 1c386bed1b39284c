package main

import (
	"bufio"
	"errors"
	"fmt"
	"strings"

	"arbeidsboks/data"

	"github.com/spf13/cobra"
)

// candidatesCommand holds the privacy commands: a person's right of access
// (show) and erasure of their data (erase), team leads only.
func (a *app) candidatesCommand() *cobra.Command {
	cmd := &cobra.Command{Use: "candidates", Short: a.cat.T("cli.candidates.short"), Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() }}

	show := &cobra.Command{
		Use:   "show REF --json",
		Short: a.cat.T("cli.candidates.show.short"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := a.open(cmd)
			if err != nil {
				return err
			}
			rec, err := data.PersonalData(cmd.Context(), s, args[0])
			if errors.Is(err, data.ErrNotFound) {
				return fmt.Errorf("%s", a.cat.T("cli.error.no_candidate", args[0]))
			}
			if err != nil {
				return err
			}
			// JSON is the only form: the record is for a person's own
			// reading and for other programs alike.
			return writeJSON(a.stdout, rec)
		},
	}
	// JSON is the only format: the flag is accepted, as the usage line has it.
	show.Flags().Bool("json", false, a.cat.T("flag.json"))

	var yes bool
	erase := &cobra.Command{
		Use:   "erase REF [--yes]",
		Short: a.cat.T("cli.candidates.erase.short"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ref := args[0]
			s, err := a.open(cmd)
			if err != nil {
				return err
			}
			if s.Actor().Role != data.RoleLead {
				return data.ErrForbidden
			}
			c, err := s.CandidateByRef(cmd.Context(), ref)
			if errors.Is(err, data.ErrNotFound) {
				return fmt.Errorf("%s", a.cat.T("cli.error.no_candidate", ref))
			}
			if err != nil {
				return err
			}
			if !yes && !a.confirm(a.cat.T("cli.candidates.erase_ask", data.CleanText(c.Name, false), c.Ref)) {
				return fmt.Errorf("%s", a.cat.T("cli.candidates.not_erased"))
			}
			newRef, err := data.EraseCandidateByRef(cmd.Context(), s, ref)
			if err != nil {
				return err
			}
			fmt.Fprintln(a.stdout, a.cat.T("cli.candidates.erased", ref, newRef))
			return nil
		},
	}
	erase.Flags().BoolVar(&yes, "yes", false, a.cat.T("flag.yes"))
	cmd.AddCommand(show, erase)
	return cmd
}

// confirm asks a question on stderr and reads the answer from stdin: yes
// (ja, y, j) goes on, anything else, or no answer, does not.
func (a *app) confirm(question string) bool {
	fmt.Fprint(a.stderr, question)
	line, _ := bufio.NewReader(a.stdin).ReadString('\n')
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "ja", "j", "yes", "y":
		return true
	}
	fmt.Fprintln(a.stderr)
	return false
}
