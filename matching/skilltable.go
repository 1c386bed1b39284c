package matching

import (
	"slices"
	"sync"
)

// Credits by level of likeness: none, same area, related, close, same;
// sized so that a level taken from four bits needs no bounds check.
var creditOf = [16]float64{0, creditArea, creditRelated, creditClose, creditSame}

// skillsOf is the skills component in hundredths: the required skills the
// person has (their mean credit), and how well what the placement trains
// fits their goals (goal) and experience.
func skillsOf(required, goal, experience float64) int {
	return hundredthsOf(requiredShare*required + interestShare*max(goal, experienceShare*experience))
}

// The skills component depends on a placement's terms only through the
// levels of likeness of its required terms, in order (their credits are
// summed in order, and a float sum depends on the order), the best credit
// for a goal (a goal term's or an occupation's) and the highest skill
// level among the terms it trains. A skillTable works every combination
// out once, by the expressions pairSkills uses, so that in a ranking a pair
// is a table look-up and the scores stay exactly the same.
const (
	levels         = 5 // none, area, related, close, same
	tabledRequired = inlineRequired
	requiredKeys   = 1 + 5 + 25 + 125
	maxGoalValues  = 56 // the bits of a uint64 above the skill levels
)

// requiredBase[n] is where the sequences of n required levels start among
// the keys: a sequence l0, l1, … is requiredBase[n] + l0 + 5·l1 + ….
var requiredBase = [4]int32{0, 1, 1 + 5, 1 + 5 + 25}

// skillTable is the skills component of every combination, and the means
// of every sequence of required levels.
type skillTable struct {
	// goalValues are the credits a goal can have, rising: the terms'
	// credits and every credit an occupation can give.
	goalValues  []float64
	goalOfLevel [8]uint8 // a goal term's level as an index into goalValues
	// hundredths[(key·len(goalValues) + goal)·levels + skill level]
	hundredths []uint8
}

// newSkillTable works the table out for the credits occupations can give
// (besides 0); nil when a credit is not in 0–1.
func newSkillTable(codeCredits []float64) *skillTable {
	t := &skillTable{goalValues: slices.Clone(creditOf[:levels])}
	for _, c := range codeCredits {
		if !(c >= 0 && c <= 1) {
			return nil
		}
		t.goalValues = append(t.goalValues, c)
	}
	slices.Sort(t.goalValues)
	t.goalValues = slices.Compact(t.goalValues)
	if len(t.goalValues) > maxGoalValues {
		return nil
	}
	for l := range levels {
		t.goalOfLevel[l] = t.goalIndex(creditOf[l])
	}
	// The required share of every sequence of required levels.
	var requiredShares [requiredKeys]float64
	requiredShares[0] = 1
	for n := int32(1); n <= tabledRequired; n++ {
		size := int32(1)
		for range n {
			size *= levels
		}
		for k := range size {
			sum, rest := 0.0, k
			for range n {
				sum += creditOf[rest%levels]
				rest /= levels
			}
			requiredShares[requiredBase[n]+k] = sum / float64(n)
		}
	}
	t.hundredths = make([]uint8, requiredKeys*len(t.goalValues)*levels)
	for k, required := range requiredShares {
		for g, goal := range t.goalValues {
			for s := range levels {
				t.hundredths[(k*len(t.goalValues)+g)*levels+s] = uint8(skillsOf(required, goal, creditOf[s]))
			}
		}
	}
	return t
}

// goalIndex is the index of credit among the goal values.
func (t *skillTable) goalIndex(credit float64) uint8 {
	i, _ := slices.BinarySearch(t.goalValues, credit)
	return uint8(i)
}

// digitsTable is the table when occupations are compared by their digits.
var digitsTable = sync.OnceValue(func() *skillTable { return newSkillTable(digitCredits[:]) })

// digitCredits are the credits codeLikeness gives: the same code, the same
// minor group, the same sub-major group.
var digitCredits = [...]float64{creditSame, creditMinorGroup, creditSubMajorGroup}
