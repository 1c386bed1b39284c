package main

import (
	"bufio"
	"fmt"

	"arbeidsboks/data"
	"arbeidsboks/matching"
	"arbeidsboks/tui/common"

	"github.com/spf13/cobra"
)

type assignmentJSON struct {
	Candidate string `json:"candidate"`
	Placement string `json:"placement"`
	Score     tenths `json:"score"`
}

type keptJSON struct {
	Candidate string `json:"candidate"`
	Placement string `json:"placement"`
	Status    string `json:"status"`
	Pinned    bool   `json:"pinned"`
}

type unassignedJSON struct {
	Candidate  string `json:"candidate"`
	Reason     string `json:"reason"`
	ReasonCode string `json:"reason_code"`
}

type assignJSON struct {
	Assignments []assignmentJSON `json:"assignments"`
	Kept        []keptJSON       `json:"kept"`
	Unassigned  []unassignedJSON `json:"unassigned"`
	TotalScore  tenths           `json:"total_score"`
	Applied     bool             `json:"applied"`
}

func (a *app) assignCommand() *cobra.Command {
	var asJSON, apply, revise bool
	var weightSpec string
	cmd := &cobra.Command{
		Use:   "assign",
		Short: a.cat.T("cli.assign.short"),
		Long:  a.cat.T("cli.assign.long"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			weights, err := a.weights(cmd, weightSpec)
			if err != nil {
				return err
			}
			s, err := a.open(cmd)
			if err != nil {
				return err
			}
			plan, err := data.PlanAssignment(cmd.Context(), s, data.AssignOptions{Weights: weights, Revise: revise})
			if err != nil {
				return err
			}
			if apply {
				if err := data.ApplyAssignment(cmd.Context(), s, plan); err != nil {
					return err
				}
			}
			out := a.assignOutput(plan, apply)
			if asJSON {
				return writeJSON(a.stdout, out)
			}
			a.printAssign(out)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, a.cat.T("flag.json"))
	cmd.Flags().BoolVar(&apply, "apply", false, a.cat.T("flag.apply"))
	cmd.Flags().BoolVar(&revise, "revise", false, a.cat.T("flag.revise"))
	cmd.Flags().StringVar(&weightSpec, "weights", "", a.cat.T("flag.weights"))
	return cmd
}

func (a *app) assignOutput(plan *data.AssignPlan, applied bool) assignJSON {
	out := assignJSON{Assignments: []assignmentJSON{}, Kept: []keptJSON{}, Unassigned: []unassignedJSON{},
		TotalScore: tenths(plan.Total), Applied: applied}
	for _, x := range plan.Assignments {
		out.Assignments = append(out.Assignments, assignmentJSON{x.CandidateRef, x.PlacementRef, tenths(x.Score)})
	}
	for _, k := range plan.Kept {
		out.Kept = append(out.Kept, keptJSON{k.CandidateRef, k.PlacementRef, string(k.Status), k.Pinned})
	}
	for _, u := range plan.Unassigned {
		reason := common.DescribeReason(a.cat, matching.Reason{Code: u.Code, Args: u.Args})
		out.Unassigned = append(out.Unassigned, unassignedJSON{u.CandidateRef, reason, u.Code})
	}
	return out
}

func (a *app) printAssign(out assignJSON) {
	w := bufio.NewWriter(a.stdout)
	defer w.Flush()
	fmt.Fprintln(w, a.cat.T("cli.assign.assignments", len(out.Assignments)))
	for _, x := range out.Assignments {
		score, _ := x.Score.MarshalJSON()
		fmt.Fprintf(w, "  %-12s → %-12s %6s\n", x.Candidate, x.Placement, score)
	}
	total, _ := out.TotalScore.MarshalJSON()
	fmt.Fprintln(w, a.cat.T("cli.assign.total", string(total)))
	fmt.Fprintln(w, a.cat.T("cli.assign.kept", len(out.Kept)))
	if len(out.Unassigned) > 0 {
		fmt.Fprintln(w, a.cat.T("cli.assign.unassigned", len(out.Unassigned)))
		for _, u := range out.Unassigned {
			fmt.Fprintf(w, "  %-12s %s\n", u.Candidate, u.Reason)
		}
	}
	if out.Applied {
		fmt.Fprintln(w, a.cat.T("cli.assign.applied", len(out.Assignments)))
	} else if len(out.Assignments) > 0 {
		fmt.Fprintln(w, a.cat.T("cli.assign.dry_run"))
	}
}
