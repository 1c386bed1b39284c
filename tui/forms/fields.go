package forms

import (
	"slices"
	"strings"

	"arbeidsboks/matching"
)

// A few form fields are pickers that set columns of another shape: the
// Norwegian level's oral and written parts make one level column, and the
// requirements (or a candidate's certificates) are one multi-select over
// yes/no columns. These functions translate between the fields and the
// columns; everything else is one field per column.

func levelColumn(kind Kind) string {
	if kind == PlacementKind {
		return "norwegian_min"
	}
	return "norwegian_level"
}

// flags are the yes/no columns a multi-select field sets, by option.
func flags(kind Kind, name string) map[string]string {
	switch {
	case kind == PlacementKind && name == "requirements":
		return map[string]string{"police": "requires_police_certificate", "license": "requires_drivers_license", "norwegian_hard": "norwegian_hard"}
	case kind == CandidateKind && name == "certificates":
		return map[string]string{"police": "has_police_certificate", "license": "has_drivers_license"}
	}
	return nil
}

// fieldOf is the form field that shows a column.
func fieldOf(kind Kind, column string) string {
	switch column {
	case "norwegian_min", "norwegian_level":
		return "norwegian_oral"
	}
	for _, name := range []string{"requirements", "certificates"} {
		for _, col := range flags(kind, name) {
			if col == column {
				return name
			}
		}
	}
	return column
}

func composeLevel(oral, written string) string {
	if oral == written {
		return oral
	}
	dash := func(s string) string {
		if s == "" {
			return "-"
		}
		return s
	}
	return dash(oral) + "/" + dash(written)
}

func collectText(kind Kind, name, value string, str map[string]*string, out map[string]string) {
	switch name {
	case "norwegian_oral":
		written := ""
		if w, ok := str["norwegian_written"]; ok {
			written = *w
		}
		out[levelColumn(kind)] = composeLevel(value, written)
	case "norwegian_written":
	default:
		out[name] = value
	}
}

func collectMulti(kind Kind, name string, values []string, out map[string]string) {
	if fl := flags(kind, name); fl != nil {
		for option, col := range fl {
			out[col] = "nei"
			if slices.Contains(values, option) {
				out[col] = "ja"
			}
		}
		return
	}
	out[name] = strings.Join(values, ";")
}

func spreadText(kind Kind, name string, texts map[string]string) string {
	switch name {
	case "norwegian_oral", "norwegian_written":
		n, err := matching.ParseNorwegian(texts[levelColumn(kind)])
		if err != nil {
			return ""
		}
		if name == "norwegian_oral" {
			return n.Oral.String()
		}
		return n.Written.String()
	}
	return texts[name]
}

func spreadMulti(kind Kind, name string, texts map[string]string) []string {
	if fl := flags(kind, name); fl != nil {
		var out []string
		for option, col := range fl {
			if texts[col] == "ja" {
				out = append(out, option)
			}
		}
		slices.Sort(out)
		return out
	}
	var out []string
	for _, item := range strings.Split(texts[name], ";") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

// listSuggestions completes the last item of a ";" list from known terms:
// each suggestion is the whole field with that item completed, since the
// input completes the whole value.
func listSuggestions(value string, terms []string) []string {
	last := value
	if i := strings.LastIndex(value, ";"); i >= 0 {
		last = value[i+1:]
	}
	last = strings.TrimLeft(last, " ")
	head := value[:len(value)-len(last)]
	if last == "" {
		return nil
	}
	lower := strings.ToLower(last)
	var out []string
	for _, t := range terms {
		if strings.HasPrefix(strings.ToLower(t), lower) && !strings.EqualFold(t, last) {
			out = append(out, head+t)
			if len(out) == 50 {
				break
			}
		}
	}
	return out
}

// prefixSuggestions completes the whole value from known values.
func prefixSuggestions(values []string) func(string) []string {
	return func(v string) []string {
		if strings.TrimSpace(v) == "" {
			return nil
		}
		lower := strings.ToLower(v)
		var out []string
		for _, s := range values {
			if strings.HasPrefix(strings.ToLower(s), lower) && s != v {
				out = append(out, s)
			}
		}
		return out
	}
}
