package occupation

// How alike two occupations are for matching a goal to a placement, by
// what they share. The weights are documented in the README.
const (
	CreditSame     = 1.0  // the same unit group
	CreditGroup    = 0.75 // the same minor group (three digits): "Renholdere"
	CreditCategory = 0.5  // the same NAV category level 2: "Renholdere og renovasjon"
	CreditField    = 0.25 // the same sub-major group (two digits) or NAV category level 1
)

// The kinds of likeness, as reasons name them.
const (
	KindSame     = "same"
	KindGroup    = "group"
	KindCategory = "category"
	KindField    = "field"
)

// Likeness is how alike two occupations are: the credit (0–1), the kind of
// likeness ("" when none) and what they share, in words: the occupation's
// or the group's name, or NAV's category ("" when the classification does
// not know it).
type Likeness struct {
	Credit float64
	Kind   string
	Shared string
}

// Likeness says how alike occupations a and b (unit-group codes) are. A
// code the classification lacks is compared by its digits alone.
func (c *Classification) Likeness(a, b string) Likeness {
	if a == "" || b == "" {
		return Likeness{}
	}
	oa, okA := c.Lookup(a)
	ob, okB := c.Lookup(b)
	switch {
	case a == b:
		return Likeness{CreditSame, KindSame, oa.Name}
	case len(a) == 4 && len(b) == 4 && a[:3] == b[:3]:
		return Likeness{CreditGroup, KindGroup, c.Name(a[:3])}
	case okA && okB && oa.Category2 != "" && lowerTrim(oa.Category2) == lowerTrim(ob.Category2):
		return Likeness{CreditCategory, KindCategory, oa.Category2}
	case len(a) == 4 && len(b) == 4 && a[:2] == b[:2]:
		return Likeness{CreditField, KindField, c.Name(a[:2])}
	case okA && okB && oa.Category1 != "" && lowerTrim(oa.Category1) == lowerTrim(ob.Category1):
		return Likeness{CreditField, KindField, oa.Category1}
	}
	return Likeness{}
}
