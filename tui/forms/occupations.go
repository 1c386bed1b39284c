package forms

import (
	"strings"

	"arbeidsboks/matching/occupation"
	"arbeidsboks/tui/common"
)

// classification is the office's occupations, or nil before any is
// imported (codes are then taken as typed).
func classification(c *common.Common) *occupation.Classification {
	if c.Office == nil {
		return nil
	}
	if s := c.Office.Snapshot(); s != nil {
		return s.Occupations
	}
	return nil
}

// occupationSuggestions completes the last item of an occupations field
// with the codes the resolver finds for what is typed: the same resolver
// the import uses, so a title typed in words finds its code.
func occupationSuggestions(cls *occupation.Classification) func(string) []string {
	return func(value string) []string {
		if cls == nil || cls.UnitGroups() == 0 {
			return nil
		}
		last := value
		if i := strings.LastIndex(value, ";"); i >= 0 {
			last = value[i+1:]
		}
		head := value[:len(value)-len(strings.TrimLeft(last, " "))]
		last = strings.TrimSpace(last)
		if len([]rune(last)) < 3 {
			return nil
		}
		var out []string
		for _, m := range cls.Resolve(last, 5) {
			if m.Code != last {
				out = append(out, head+m.Code)
			}
		}
		return out
	}
}

// occupationHint says what each item of the field stands for: a code's
// name, or the code a title resolves to.
func occupationHint(c *common.Common, cls *occupation.Classification) func(string) string {
	return func(value string) string {
		if cls == nil || cls.UnitGroups() == 0 || strings.TrimSpace(value) == "" {
			return ""
		}
		var parts []string
		for _, item := range strings.Split(value, ";") {
			item = strings.TrimSpace(item)
			if item == "" {
				continue
			}
			if cls.Has(item) {
				parts = append(parts, item+" "+cls.Name(item))
				continue
			}
			if best, ok := cls.Best(item); ok {
				parts = append(parts, item+" → "+best.Code+" "+best.Name)
			}
		}
		if len(parts) == 0 {
			return c.T("form.occupation_hint")
		}
		return strings.Join(parts, " · ")
	}
}
