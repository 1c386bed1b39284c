package data

import "arbeidsboks/matching/occupation"

// Forms edit a record as text, one string per field, and set it through
// the same columns the files use (SetPlacementField, SetCandidateField), so
// that a form and an import accept and refuse the same values.

// candidateFormFields are the candidate fields forms keep that the file
// formats do not: contact details and the free-text detail of the
// adaptation needs.
var candidateFormFields = map[string]func(c *Candidate, text string) *FieldError{
	"phone": func(c *Candidate, text string) *FieldError {
		v, p := parsePhone(text)
		c.Phone = v
		return p
	},
	"email": func(c *Candidate, text string) *FieldError {
		v, p := parseEmail(text)
		c.Email = v
		return p
	},
	"adaptation_detail": func(c *Candidate, text string) *FieldError {
		v, p := cleanLong(text)
		c.AdaptationDetail = v
		return p
	},
}

// CandidateFormFieldNames lists the fields only forms keep, in form order.
func CandidateFormFieldNames() []string { return []string{"phone", "email", "adaptation_detail"} }

// PlacementText gives each field of a placement as the text a form field
// or a CSV cell holds ("ja"/"nei", lists joined with "; ").
func PlacementText(p *Placement) map[string]string {
	return texts(placementColumns, p)
}

// CandidateText gives each field of a candidate as text, with the fields
// only forms keep.
func CandidateText(c *Candidate) map[string]string {
	t := texts(candidateColumns, c)
	t["phone"], t["email"], t["adaptation_detail"] = c.Phone, c.Email, c.AdaptationDetail
	return t
}

func texts[T any](cols []column[T], r *T) map[string]string {
	out := make(map[string]string, len(cols)+3)
	for _, c := range cols {
		v := c.get(r)
		if list, ok := v.([]string); ok {
			out[c.name] = joinList(list)
			continue
		}
		out[c.name] = cellText(v)
	}
	return out
}

func joinList(items []string) string {
	s := ""
	for i, it := range items {
		if i > 0 {
			s += "; "
		}
		s += it
	}
	return s
}

// PlacementFromText builds a placement from form text on top of base (the
// version the form was opened on, or NewPlacement): every field is set
// through its column, then the whole record is validated. Occupations may
// be codes or titles, resolved with the classification as an import would
// (cls may be nil: codes only). It returns every problem, each naming its
// field.
func PlacementFromText(base Placement, text map[string]string, cls *occupation.Classification) (Placement, []*FieldError) {
	p := base
	var problems []*FieldError
	for _, c := range placementColumns {
		t, ok := text[c.name]
		if !ok {
			continue
		}
		pr := SetPlacementField(&p, c.name, t)
		if c.name == "occupations" {
			p.Occupations, pr = resolveField(cls, c.name, t)
		}
		if pr != nil {
			problems = append(problems, pr)
		}
	}
	return p, append(problems, withoutColumns(ValidatePlacement(&p), problems)...)
}

// CandidateFromText is PlacementFromText for candidates.
func CandidateFromText(base Candidate, text map[string]string, cls *occupation.Classification) (Candidate, []*FieldError) {
	c := base
	var problems []*FieldError
	names := append(columnNames(candidateColumns), CandidateFormFieldNames()...)
	for _, name := range names {
		t, ok := text[name]
		if !ok {
			continue
		}
		pr := SetCandidateField(&c, name, t)
		if name == "goal_occupations" {
			c.GoalOccupations, pr = resolveField(cls, name, t)
		}
		if pr != nil {
			problems = append(problems, pr)
		}
	}
	return c, append(problems, withoutColumns(ValidateCandidate(&c), problems)...)
}

// resolveField reads an occupations field as an import does.
func resolveField(cls *occupation.Classification, name, text string) ([]string, *FieldError) {
	codes, p := ResolveOccupations(cls, text)
	if p != nil {
		p.Column, p.Value = name, text
	}
	return codes, p
}

// withoutColumns drops the record-level problems of fields that already
// have a problem of their own: "required" after "too long" says nothing new.
func withoutColumns(record, own []*FieldError) []*FieldError {
	var out []*FieldError
	for _, r := range record {
		dup := false
		for _, o := range own {
			if o.Column == r.Column {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, r)
		}
	}
	return out
}

// ParseDate reads a date as forms and files give it (YYYY-MM-DD; empty is
// no date), with the files' problem when it is not one.
func ParseDate(s string) (Date, *FieldError) { return parseDate(s) }
