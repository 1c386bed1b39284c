package common

import (
	"strings"
	"testing"

	"arbeidsboks/data"
	"arbeidsboks/matching"
	"arbeidsboks/tui/i18n"
)

// Every reason the engine gives reads as a sentence in both languages:
// no code shown instead of words, no argument left over or missing.
func TestDescribeReason_EveryCodeAndKindIsASentence(t *testing.T) {
	var reasons []matching.Reason
	for _, code := range []string{matching.ReasonPlacementInactive, matching.ReasonCandidateClosed, matching.ReasonCandidatePlaced,
		matching.ReasonPolice, matching.ReasonLicense, matching.ReasonNoOverlap, matching.ReasonNoSeat, matching.ReasonNoLink,
		matching.ReasonFull, data.UnassignedNoPlacement} {
		reasons = append(reasons, matching.Reason{Code: code})
	}
	reasons = append(reasons,
		matching.Reason{Code: matching.ReasonUnavailable, Args: []string{"2026-12-01"}},
		matching.Reason{Code: matching.ReasonNorwegianHard, Args: []string{"A2", "B1"}},
		matching.Reason{Code: matching.ReasonMinHours, Args: []string{"12.5", "20"}},
		matching.Reason{Code: matching.ReasonAdaptation, Args: []string{"fysisk", "språk"}},
		matching.Reason{Code: matching.ReasonRequiredMet, Args: []string{"renhold"}},
		matching.Reason{Code: matching.ReasonRequiredMissing, Args: []string{"renhold", "hms"}},
		matching.Reason{Code: matching.ReasonNorwegianOK, Args: []string{"B1", "A2"}},
		matching.Reason{Code: matching.ReasonNorwegianBelow, Args: []string{"oral", "A2", "B1"}},
		matching.Reason{Code: matching.ReasonNorwegianBelow, Args: []string{"written", "-", "A2"}},
		matching.Reason{Code: matching.ReasonValued, Args: []string{"arabisk"}},
		matching.Reason{Code: matching.ReasonValuedNone, Args: []string{"somali", "polsk"}},
		matching.Reason{Code: matching.ReasonCovers, Args: []string{"24", "30"}},
		matching.Reason{Code: matching.ReasonTarget, Args: []string{"24", "37.5"}},
		matching.Reason{Code: data.UnassignedOutscored, Args: []string{"P-1", "K-2", "3.5"}},
		matching.Reason{Code: data.UnassignedOutscored, Args: []string{"P-1", "", "3.5"}},
	)
	for _, kind := range []string{matching.KindSame, matching.KindClose, matching.KindRelated, matching.KindArea} {
		reasons = append(reasons,
			matching.Reason{Code: matching.ReasonGoal, Args: []string{"kokk", "matlaging", kind}},
			matching.Reason{Code: matching.ReasonExperience, Args: []string{"oppvask", "kjøkken", kind}})
	}
	for _, kind := range []string{"same", "related", "area", "group", "category", "field"} {
		reasons = append(reasons, matching.Reason{Code: matching.ReasonOccupation, Args: []string{"5120", "9412", kind}})
	}
	for _, kind := range []string{"same", "group", "category", "field"} {
		reasons = append(reasons, matching.Reason{Code: matching.ReasonOccupation, Args: []string{"5120", "9412", kind, "Kokker"}})
	}
	for _, lang := range []i18n.Lang{i18n.NB, i18n.EN} {
		c := i18n.New(lang)
		for _, r := range reasons {
			text := DescribeReason(c, r)
			if strings.Contains(text, "%!") || strings.Contains(text, r.Code) || text == "" {
				t.Errorf("%s %s %v: %q", lang, r.Code, r.Args, text)
			}
		}
	}
}
