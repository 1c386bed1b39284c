// Package occupation is STYRK-08, the Norwegian classification of
// occupations, as arbeidsboks uses it: the codes and their groups, NAV's two
// category levels, the job titles registered per code, a resolver that
// finds the occupations a free text names, and how alike two occupations
// are. It is built from values the caller has loaded (it reads no files)
// and is read-only and safe for concurrent use once built.
package occupation

import (
	"slices"
	"strings"
)

// Occupation is one item of the classification: a major group (level 1,
// one digit) down to a unit group (level 4, four digits), with NAV's
// categories and the job titles people use for it (unit groups only).
type Occupation struct {
	Code      string
	Level     int
	Name      string
	Parent    string // the code one level up; "" for a major group
	Category1 string // NAV's category level 1 ("Reiseliv og mat")
	Category2 string // NAV's category level 2 ("Kokk")
	Titles    []string
	// Words are other words for the occupation, such as an office's skills
	// taxonomy has. They count as titles, except where another occupation
	// has a title or name of the same words: they fill the registered
	// titles' gaps and never contest them.
	Words []string
}

// Classification is the occupations, the resolver's index over their names
// and titles, and the groups that make two occupations alike.
type Classification struct {
	items  []Occupation // sorted by code
	byCode map[string]int
	units  int // unit groups (level 4)
	ix     *index
}

// New builds a classification from its items (any order; a code given
// twice keeps its last item).
func New(items []Occupation) *Classification {
	c := &Classification{byCode: make(map[string]int, len(items))}
	for _, it := range items {
		it.Titles = slices.Clone(it.Titles)
		if i, ok := c.byCode[it.Code]; ok {
			c.items[i] = it
			continue
		}
		c.byCode[it.Code] = len(c.items)
		c.items = append(c.items, it)
	}
	slices.SortFunc(c.items, func(a, b Occupation) int { return strings.Compare(a.Code, b.Code) })
	for i, it := range c.items {
		c.byCode[it.Code] = i
		if it.Level == 4 {
			c.units++
		}
	}
	c.ix = buildIndex(c.items)
	return c
}

// Len is the number of items.
func (c *Classification) Len() int {
	if c == nil {
		return 0
	}
	return len(c.items)
}

// UnitGroups is the number of unit groups (four-digit codes), the
// occupations texts resolve to.
func (c *Classification) UnitGroups() int {
	if c == nil {
		return 0
	}
	return c.units
}

// Lookup finds an item by its code.
func (c *Classification) Lookup(code string) (Occupation, bool) {
	if c == nil {
		return Occupation{}, false
	}
	i, ok := c.byCode[code]
	if !ok {
		return Occupation{}, false
	}
	return c.items[i], true
}

// Has reports whether the classification holds the code.
func (c *Classification) Has(code string) bool {
	_, ok := c.Lookup(code)
	return ok
}

// Name is the name of the item with the code, "" when absent.
func (c *Classification) Name(code string) string {
	o, _ := c.Lookup(code)
	return o.Name
}

// Items lists every item, ordered by code. The slice is the caller's.
func (c *Classification) Items() []Occupation {
	if c == nil {
		return nil
	}
	return slices.Clone(c.items)
}

// Path lists the item and the groups above it, nearest first, as far up as
// the parents are known.
func (c *Classification) Path(code string) []Occupation {
	var out []Occupation
	seen := map[string]bool{}
	for code != "" && !seen[code] {
		seen[code] = true
		o, ok := c.Lookup(code)
		if !ok {
			break
		}
		out = append(out, o)
		code = o.Parent
	}
	return out
}
