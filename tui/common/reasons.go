package common

import (
	"strconv"
	"strings"

	"arbeidsboks/data"
	"arbeidsboks/matching"
	"arbeidsboks/tui/i18n"
)

// VisibleReasons leaves out what the role may not see about the candidate.
// An excluded pair whose every exclusion is hidden says so, without saying
// why.
func VisibleReasons(role data.Role, reasons []matching.Reason) []matching.Reason {
	if role != data.RoleMarket {
		return reasons
	}
	var out []matching.Reason
	hiddenExclusion, shownExclusion := false, false
	for _, r := range reasons {
		exclusion := strings.HasPrefix(r.Code, "excluded.")
		if r.Private {
			hiddenExclusion = hiddenExclusion || exclusion
			continue
		}
		shownExclusion = shownExclusion || exclusion
		out = append(out, r)
	}
	if hiddenExclusion && !shownExclusion {
		out = append([]matching.Reason{{Code: "excluded.hidden"}}, out...)
	}
	return out
}

// DescribeReason puts a reason into a sentence in the catalogue's language.
func DescribeReason(c *i18n.Catalogue, r matching.Reason) string {
	key := "reason." + r.Code
	args := r.Args
	switch r.Code {
	case matching.ReasonOccupation:
		// With a classification the fourth argument names what the two
		// occupations share ("Renholdere").
		switch len(args) {
		case 4:
			key += "." + args[2] + ".shared"
			args = []string{args[3], args[0], args[1]}
		case 3:
			key += "." + args[2]
			args = args[:2]
		}
	case matching.ReasonGoal, matching.ReasonExperience:
		if len(args) == 3 {
			key += "." + args[2]
			args = args[:2]
		}
	case matching.ReasonNorwegianBelow:
		if len(args) == 3 {
			key += "." + args[0]
			args = args[1:]
		}
	case matching.ReasonCovers, matching.ReasonTarget, matching.ReasonMinHours:
		args = numbers(c, args)
	case matching.ReasonRequiredMet, matching.ReasonRequiredMissing, matching.ReasonValued, matching.ReasonValuedNone, matching.ReasonAdaptation:
		args = []string{strings.Join(args, ", ")}
	case data.UnassignedOutscored:
		if len(args) == 3 {
			f, _ := strconv.ParseFloat(args[2], 64)
			args = []string{args[0], args[1], c.Number(f)}
			if args[1] == "" {
				key = "reason.assign.outscored_free"
			}
		}
	}
	values := make([]any, len(args))
	for i, a := range args {
		values[i] = a
	}
	if !c.Has(key) {
		return strings.TrimSpace(r.Code + " " + strings.Join(r.Args, " "))
	}
	return c.T(key, values...)
}

// numbers writes decimal arguments the language's way ("37,5").
func numbers(c *i18n.Catalogue, args []string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		if f, err := strconv.ParseFloat(a, 64); err == nil {
			out[i] = c.Number(f)
		} else {
			out[i] = a
		}
	}
	return out
}
