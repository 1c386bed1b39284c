package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"arbeidsboks/data"
	"arbeidsboks/matching"
	"arbeidsboks/tui/common"

	"github.com/spf13/cobra"
)

// tenths is a score kept in tenths, written as a number with one decimal.
type tenths int

func (t tenths) MarshalJSON() ([]byte, error) {
	return []byte(fmt.Sprintf("%d.%d", int(t)/10, int(t)%10)), nil
}

type componentsJSON struct {
	Skills   float64 `json:"skills"`
	Language float64 `json:"language"`
	Schedule float64 `json:"schedule"`
}

type matchRowJSON struct {
	Placement   string         `json:"placement,omitempty"`
	Title       string         `json:"title,omitempty"`
	Candidate   string         `json:"candidate,omitempty"`
	Name        string         `json:"name,omitempty"`
	Score       tenths         `json:"score"`
	Components  componentsJSON `json:"components"`
	Excluded    bool           `json:"excluded"`
	Reasons     []string       `json:"reasons"`
	ReasonCodes []string       `json:"reason_codes"`
	HoursWeek   float64        `json:"hours_week"`
	TargetHours *float64       `json:"target_hours_week"`
}

func (a *app) matchCommand() *cobra.Command {
	var candidateRef, placementRef, weightSpec string
	var top int
	var all, asJSON bool
	cmd := &cobra.Command{
		Use:   "match --candidate REF | --placement REF",
		Short: a.cat.T("cli.match.short"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if (candidateRef == "") == (placementRef == "") {
				return a.usage(cmd, "cli.error.match_one")
			}
			if top < 1 {
				return a.usage(cmd, "cli.error.top")
			}
			weights, err := a.weights(cmd, weightSpec)
			if err != nil {
				return err
			}
			s, err := a.open(cmd)
			if err != nil {
				return err
			}
			m, err := data.LoadMatching(cmd.Context(), s, weights, data.Today())
			if err != nil {
				return err
			}
			if all {
				top = 0
			}
			var ranking matching.Ranking
			var key, ref string
			if candidateRef != "" {
				ci := m.CandidateIndex(candidateRef)
				if ci < 0 {
					return fmt.Errorf("%s", a.cat.T("cli.error.no_candidate", candidateRef))
				}
				ranking = m.Index.RankPlacements(ci, top, all)
				key, ref = "candidate", candidateRef
			} else {
				pi := m.PlacementIndex(placementRef)
				if pi < 0 {
					return fmt.Errorf("%s", a.cat.T("cli.error.no_placement", placementRef))
				}
				ranking = m.Index.RankCandidates(pi, top, all)
				key, ref = "placement", placementRef
			}
			rows := a.matchRows(m, s.Actor().Role, key, append(ranking.Included, ranking.Excluded...))
			if asJSON {
				results := rows
				if results == nil {
					results = []matchRowJSON{}
				}
				return writeJSON(a.stdout, map[string]any{key: ref, "results": results})
			}
			a.printMatch(key, ref, rows)
			return nil
		},
	}
	cmd.Flags().StringVar(&candidateRef, "candidate", "", a.cat.T("flag.candidate_ref"))
	cmd.Flags().StringVar(&placementRef, "placement", "", a.cat.T("flag.placement_ref"))
	cmd.Flags().IntVar(&top, "top", 10, a.cat.T("flag.top"))
	cmd.Flags().BoolVar(&all, "all", false, a.cat.T("flag.all"))
	cmd.Flags().BoolVar(&asJSON, "json", false, a.cat.T("flag.json"))
	cmd.Flags().StringVar(&weightSpec, "weights", "", a.cat.T("flag.weights"))
	return cmd
}

func (a *app) matchRows(m *data.Matching, role data.Role, key string, results []matching.Result) []matchRowJSON {
	var rows []matchRowJSON
	for _, r := range results {
		row := matchRowJSON{
			Score:      tenths(r.Total),
			Components: componentsJSON{r.Components.Skills, r.Components.Language, r.Components.Schedule},
			Excluded:   r.Excluded, HoursWeek: r.HoursWeek,
			Reasons: []string{}, ReasonCodes: []string{},
		}
		if key == "candidate" {
			row.Placement, row.Title = m.Placements[r.Placement].Ref, m.Placements[r.Placement].Title
		} else {
			row.Candidate, row.Name = m.Candidates[r.Candidate].Ref, m.Candidates[r.Candidate].Name
		}
		if r.TargetHours > 0 && role != data.RoleMarket {
			target := r.TargetHours
			row.TargetHours = &target
		}
		for _, reason := range common.VisibleReasons(role, r.Reasons) {
			row.Reasons = append(row.Reasons, common.DescribeReason(a.cat, reason))
			row.ReasonCodes = append(row.ReasonCodes, reason.Code)
		}
		rows = append(rows, row)
	}
	return rows
}

// printMatch writes the ranking as a readable list: rank, ref, title, total,
// a bar per component and the reasons.
func (a *app) printMatch(key, ref string, rows []matchRowJSON) {
	w := bufio.NewWriter(a.stdout)
	defer w.Flush()
	fmt.Fprintln(w, a.cat.T("cli.match.header."+key, ref))
	if len(rows) == 0 {
		fmt.Fprintln(w, a.cat.T("cli.match.none"))
		return
	}
	excludedShown := false
	for i, r := range rows {
		if r.Excluded && !excludedShown {
			fmt.Fprintln(w, "\n"+a.cat.T("cli.match.excluded"))
			excludedShown = true
		}
		who, what := r.Placement, r.Title
		if key == "placement" {
			who, what = r.Candidate, r.Name
		}
		score, _ := r.Score.MarshalJSON()
		fmt.Fprintf(w, "\n%3d  %-12s %-44s %6s\n", i+1, who, clip(what, 44), score)
		fmt.Fprintf(w, "     %s %s  %s %s  %s %s   %s\n",
			a.cat.T("cli.match.skills"), bar(r.Components.Skills),
			a.cat.T("cli.match.language"), bar(r.Components.Language),
			a.cat.T("cli.match.schedule"), bar(r.Components.Schedule),
			a.hours(r.HoursWeek, r.TargetHours))
		for _, reason := range r.Reasons {
			fmt.Fprintf(w, "     • %s\n", reason)
		}
	}
}

func (a *app) hours(h float64, target *float64) string {
	if target == nil {
		return a.cat.T("cli.match.hours", a.cat.Number(h))
	}
	return a.cat.T("cli.match.hours_of", a.cat.Number(h), a.cat.Number(*target))
}

// bar draws a component 0–1 as ten cells and its value.
func bar(x float64) string {
	n := int(x*10 + 0.5)
	return strings.Repeat("█", n) + strings.Repeat("░", 10-n) + " " + strconv.FormatFloat(x, 'f', 2, 64)
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// weights reads the scoring weights: the defaults, then weights.conf in the
// data directory, then --weights ("skills=0.6,language=0.2,schedule=0.2").
func (a *app) weights(cmd *cobra.Command, spec string) (matching.Weights, error) {
	w := matching.DefaultWeights()
	if dir, err := dataDir(); err == nil {
		path := filepath.Join(dir, "weights.conf")
		if content, err := os.ReadFile(path); err == nil {
			if err := parseWeights(&w, strings.Split(string(content), "\n")); err != nil {
				return w, fmt.Errorf("%s: %w", path, err)
			}
		}
	}
	if spec != "" {
		if err := parseWeights(&w, strings.Split(spec, ",")); err != nil {
			return w, &usageError{command: cmd.CommandPath(), msg: "--weights: " + err.Error()}
		}
	}
	if !w.Valid() {
		return w, &usageError{command: cmd.CommandPath(), msg: a.cat.T("cli.error.weights")}
	}
	return w, nil
}

// parseWeights reads "name = value" items; # starts a comment.
func parseWeights(w *matching.Weights, items []string) error {
	for _, item := range items {
		item, _, _ = strings.Cut(item, "#")
		if strings.TrimSpace(item) == "" {
			continue
		}
		name, value, ok := strings.Cut(item, "=")
		f, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
		if !ok || err != nil || f < 0 {
			return fmt.Errorf("want name=number, not %q", strings.TrimSpace(item))
		}
		switch strings.TrimSpace(name) {
		case "skills":
			w.Skills = f
		case "language":
			w.Language = f
		case "schedule":
			w.Schedule = f
		default:
			return fmt.Errorf("unknown weight %q (skills, language, schedule)", strings.TrimSpace(name))
		}
	}
	return nil
}
