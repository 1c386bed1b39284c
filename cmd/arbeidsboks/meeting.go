package main

import (
	"fmt"
	"strconv"
	"text/tabwriter"

	"arbeidsboks/data"
	"arbeidsboks/tui/common"

	"github.com/spf13/cobra"
)

type meetingJSON struct {
	ID           int64    `json:"id"`
	Title        string   `json:"title"`
	Status       string   `json:"status"`
	Chair        string   `json:"chair"`
	Started      string   `json:"started"`
	Ended        string   `json:"ended"`
	Decisions    int      `json:"decisions"`
	Queue        int      `json:"queue"`
	Participants []string `json:"participants"`
}

func (a *app) meetingCommand() *cobra.Command {
	meeting := &cobra.Command{Use: "meeting", Short: a.cat.T("cli.meeting.short"), Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() }}

	var asJSON bool
	list := &cobra.Command{
		Use:   "list",
		Short: a.cat.T("cli.meeting.list.short"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := a.open(cmd)
			if err != nil {
				return err
			}
			meetings, err := s.Meetings(cmd.Context())
			if err != nil {
				return err
			}
			out := []meetingJSON{}
			for _, m := range meetings {
				full, err := s.Meeting(cmd.Context(), m.ID)
				if err != nil {
					return err
				}
				j := meetingJSON{ID: m.ID, Title: m.Title, Status: string(m.Status), Chair: m.Chair,
					Started: m.Started.Local().Format("2006-01-02 15:04"), Queue: len(full.Items), Participants: full.Participants}
				if !m.Ended.IsZero() {
					j.Ended = m.Ended.Local().Format("2006-01-02 15:04")
				}
				for _, it := range full.Items {
					if it.Decision != "" {
						j.Decisions++
					}
				}
				out = append(out, j)
			}
			if asJSON {
				return writeJSON(a.stdout, out)
			}
			if len(out) == 0 {
				fmt.Fprintln(a.stdout, a.cat.T("cli.meeting.none"))
				return nil
			}
			tw := tabwriter.NewWriter(a.stdout, 2, 4, 2, ' ', 0)
			fmt.Fprintln(tw, a.cat.T("cli.meeting.header"))
			for _, m := range out {
				fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%d/%d\n", m.ID, data.CleanText(m.Title, false), a.cat.T("enum."+m.Status),
					m.Started, m.Chair, m.Decisions, m.Queue)
			}
			return tw.Flush()
		},
	}
	list.Flags().BoolVar(&asJSON, "json", false, a.cat.T("flag.json"))

	var out string
	export := &cobra.Command{
		Use:   "export ID",
		Short: a.cat.T("cli.meeting.export.short"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := strconv.ParseInt(args[0], 10, 64)
			if err != nil {
				return a.usage(cmd, "cli.error.meeting_id", args[0])
			}
			s, err := a.open(cmd)
			if err != nil {
				return err
			}
			m, err := s.Meeting(cmd.Context(), id)
			if err != nil {
				return fmt.Errorf("meeting %d: %w", id, err)
			}
			return a.writeOut(out, []byte(common.Minutes(a.cat, m, a.candidateName(cmd, s), a.placementTitle(cmd, s))))
		},
	}
	export.Flags().StringVar(&out, "out", "", a.cat.T("flag.out"))
	meeting.AddCommand(list, export)
	return meeting
}

// candidateName names a candidate for the minutes.
func (a *app) candidateName(cmd *cobra.Command, s data.Store) func(int64) string {
	return func(id int64) string {
		c, err := s.Candidate(cmd.Context(), id)
		if err != nil {
			return "?"
		}
		return c.Name
	}
}

// placementTitle describes a placement for the minutes.
func (a *app) placementTitle(cmd *cobra.Command, s data.Store) func(int64) string {
	return func(id int64) string {
		p, err := s.Placement(cmd.Context(), id)
		if err != nil {
			return "?"
		}
		return p.Title + " · " + p.Employer
	}
}
