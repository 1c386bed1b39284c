package matching

import (
	"testing"
)

// likeCleaners is a classification's likeness in miniature: 9111 and 9112
// share the minor group Renholdere, 5120 and 9412 NAV's category level 1.
func likeCleaners(a, b string) (float64, string, string) {
	switch {
	case a == b:
		return 1, KindSame, "Renholdere i virksomheter"
	case a[:3] == b[:3]:
		return 0.75, KindGroup, "Renholdere"
	case (a == "5120" && b == "9412") || (a == "9412" && b == "5120"):
		return 0.25, KindField, "Reiseliv og mat"
	}
	return 0, "", ""
}

func TestScore_OccupationLikenessFromTheClassification(t *testing.T) {
	c := Candidate{Ref: "K-01", Norwegian: Norwegian{A2, A2}, GoalOccupations: []string{"9111"},
		Availability: MustParseSchedule("man-fre 08:00-13:00")}
	cleaning := Placement{Ref: "P-REN-01", Title: "Romassistent", Active: true, FreeSeats: 1,
		Occupations: []string{"9112"}, Schedule: MustParseSchedule("man-fre 08:00-12:00")}
	kitchen := Placement{Ref: "P-KJK-01", Title: "Oppvask", Active: true, FreeSeats: 1,
		Occupations: []string{"9412"}, Schedule: MustParseSchedule("man-fre 08:00-12:00")}

	digits := NewIndex(nil, []Candidate{c}, []Placement{cleaning, kitchen}, Options{}).Score(0, 0)
	ix := NewIndex(nil, []Candidate{c}, []Placement{cleaning, kitchen}, Options{Occupations: likeCleaners})
	named := ix.Score(0, 0)
	if named.Components.Skills != digits.Components.Skills {
		t.Errorf("same minor group: skills %v with the classification, %v by digits; want equal credit (0.75)",
			named.Components.Skills, digits.Components.Skills)
	}
	if !hasReason(named, ReasonOccupation, "9111", "9112", KindGroup, "Renholdere") {
		t.Errorf("reasons %v should name the shared group Renholdere", named.Reasons)
	}
	if !hasReason(digits, ReasonOccupation, "9111", "9112", KindRelated) {
		t.Errorf("without a classification the reason keeps the digits' kind: %v", digits.Reasons)
	}
	if other := ix.Score(0, 1); other.Components.Skills >= named.Components.Skills {
		t.Errorf("an unrelated occupation scores skills %v, the same group %v", other.Components.Skills, named.Components.Skills)
	}

	cook := c
	cook.GoalOccupations = []string{"5120"}
	r := NewIndex(nil, []Candidate{cook}, []Placement{cleaning, kitchen}, Options{Occupations: likeCleaners}).RankPlacements(0, 2, false)
	if len(r.Included) != 2 || r.Included[0].Placement != 1 {
		t.Fatalf("a cook-to-be should rank the kitchen first: %+v", r.Included)
	}
	if !hasReason(NewIndex(nil, []Candidate{cook}, []Placement{kitchen}, Options{Occupations: likeCleaners}).Score(0, 0),
		ReasonOccupation, "5120", "9412", KindField, "Reiseliv og mat") {
		t.Errorf("the kitchen's reason should name the shared category")
	}
}
