package data

import (
	"encoding/json"
	"slices"
	"strings"

	"arbeidsboks/matching"
)

// column is one column of the placements or candidates file format: its
// name, whether a new record needs it, how a cell's text sets the field
// (an empty cell sets the default), and how the field is written out.
// Forms edit records through the same columns, so that one set of rules
// serves files and forms alike.
type column[T any] struct {
	name     string
	required bool
	set      func(r *T, cell string) *FieldError
	// get gives the value for export: string, int, float64, *float64, bool,
	// []string or Date.
	get func(r *T) any
}

func textColumn[T any](name string, required bool, maxLen int, field func(*T) *string) column[T] {
	return column[T]{
		name: name, required: required,
		set: func(r *T, cell string) *FieldError {
			v, p := cleanLine(cell, maxLen)
			*field(r) = v
			return p
		},
		get: func(r *T) any { return *field(r) },
	}
}

func longTextColumn[T any](name string, field func(*T) *string) column[T] {
	return column[T]{
		name: name,
		set: func(r *T, cell string) *FieldError {
			v, p := cleanLong(cell)
			*field(r) = v
			return p
		},
		get: func(r *T) any { return *field(r) },
	}
}

func boolColumn[T any](name string, field func(*T) *bool) column[T] {
	return column[T]{
		name: name,
		set: func(r *T, cell string) *FieldError {
			v, p := parseBool(cell)
			*field(r) = v
			return p
		},
		get: func(r *T) any { return *field(r) },
	}
}

func listColumn[T any](name string, parse func(string) ([]string, *FieldError), field func(*T) *[]string) column[T] {
	return column[T]{
		name: name,
		set: func(r *T, cell string) *FieldError {
			v, p := parse(cell)
			*field(r) = v
			return p
		},
		get: func(r *T) any { return slices.Clone(*field(r)) },
	}
}

func choiceListColumn[T any, V ~string](name string, allowed []V, field func(*T) *[]V) column[T] {
	return column[T]{
		name: name,
		set: func(r *T, cell string) *FieldError {
			v, p := parseChoices(cell, allowed)
			*field(r) = v
			return p
		},
		get: func(r *T) any { return stringsOf(*field(r)) },
	}
}

func scheduleColumn[T any](name string, required bool, field func(*T) *matching.Schedule) column[T] {
	return column[T]{
		name: name, required: required,
		set: func(r *T, cell string) *FieldError {
			s, err := matching.ParseSchedule(CleanText(cell, false))
			if err != nil {
				return fromValueError(err)
			}
			*field(r) = s
			return nil
		},
		get: func(r *T) any { return field(r).String() },
	}
}

func stringsOf[V ~string](vs []V) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// PlacementColumns are the columns of the placements file, in file order.
var placementColumns = []column[Placement]{
	textColumn("ref", true, MaxRef, func(p *Placement) *string { return &p.Ref }),
	textColumn("title", true, MaxTitle, func(p *Placement) *string { return &p.Title }),
	textColumn("employer", true, MaxShortText, func(p *Placement) *string { return &p.Employer }),
	{name: "sector",
		set: func(p *Placement, cell string) *FieldError {
			if strings.TrimSpace(cell) == "" {
				p.Sector = ""
				return nil
			}
			v, pr := parseChoice(cell, Sectors)
			p.Sector = v
			return pr
		},
		get: func(p *Placement) any { return string(p.Sector) }},
	textColumn("district", false, MaxShortText, func(p *Placement) *string { return &p.District }),
	{name: "measure",
		set: func(p *Placement, cell string) *FieldError {
			v, pr := cleanLine(cell, MaxShortText)
			if known, err := parseChoice(v, KnownMeasures); err == nil {
				v = known
			}
			p.Measure = v
			return pr
		},
		get: func(p *Placement) any { return p.Measure }},
	{name: "seats", required: true,
		set: func(p *Placement, cell string) *FieldError {
			n, pr := parseInt(cell)
			if pr == nil && (n < 0 || n > 10000) {
				pr = problem(CodeRange, "0", "10000")
			}
			p.Seats = n
			return pr
		},
		get: func(p *Placement) any { return p.Seats }},
	{name: "norwegian_min",
		set: func(p *Placement, cell string) *FieldError {
			n, err := matching.ParseNorwegian(cell)
			if err != nil {
				return fromValueError(err)
			}
			p.NorwegianMin = n
			return nil
		},
		get: func(p *Placement) any { return p.NorwegianMin.String() }},
	boolColumn("norwegian_hard", func(p *Placement) *bool { return &p.NorwegianHard }),
	listColumn("skills_required", parseTerms, func(p *Placement) *[]string { return &p.SkillsRequired }),
	listColumn("skills_trained", parseTerms, func(p *Placement) *[]string { return &p.SkillsTrained }),
	listColumn("languages_valued", parseLanguages, func(p *Placement) *[]string { return &p.LanguagesValued }),
	scheduleColumn("schedule", true, func(p *Placement) *matching.Schedule { return &p.Schedule }),
	{name: "min_hours_week",
		set: func(p *Placement, cell string) *FieldError {
			p.MinHoursWeek = 0
			if strings.TrimSpace(cell) == "" {
				return nil
			}
			f, pr := parseNumber(cell)
			if pr == nil && (f < 0 || f > 168) {
				pr = problem(CodeRange, "0", "168")
			}
			p.MinHoursWeek = f
			return pr
		},
		get: func(p *Placement) any { return p.MinHoursWeek }},
	boolColumn("requires_police_certificate", func(p *Placement) *bool { return &p.RequiresPoliceCertificate }),
	boolColumn("requires_drivers_license", func(p *Placement) *bool { return &p.RequiresDriversLicense }),
	choiceListColumn("adaptations_offered", Adaptations, func(p *Placement) *[]Adaptation { return &p.AdaptationsOffered }),
	textColumn("contact_name", false, MaxShortText, func(p *Placement) *string { return &p.ContactName }),
	{name: "contact_phone",
		set: func(p *Placement, cell string) *FieldError {
			v, pr := parsePhone(cell)
			p.ContactPhone = v
			return pr
		},
		get: func(p *Placement) any { return p.ContactPhone }},
	{name: "contact_email",
		set: func(p *Placement, cell string) *FieldError {
			v, pr := parseEmail(cell)
			p.ContactEmail = v
			return pr
		},
		get: func(p *Placement) any { return p.ContactEmail }},
	longTextColumn("description", func(p *Placement) *string { return &p.Description }),
	{name: "status",
		set: func(p *Placement, cell string) *FieldError {
			p.Status = PlacementActive
			if strings.TrimSpace(cell) == "" {
				return nil
			}
			v, pr := parseChoice(cell, PlacementStatuses)
			p.Status = v
			return pr
		},
		get: func(p *Placement) any { return string(p.Status) }},
	listColumn("occupations", parseOccupations, func(p *Placement) *[]string { return &p.Occupations }),
}

// candidateColumns are the columns of the candidates file, in file order.
var candidateColumns = []column[Candidate]{
	textColumn("ref", true, MaxRef, func(c *Candidate) *string { return &c.Ref }),
	textColumn("name", true, MaxShortText, func(c *Candidate) *string { return &c.Name }),
	{name: "programme",
		set: func(c *Candidate, cell string) *FieldError {
			c.Programme = ProgrammeOther
			if strings.TrimSpace(cell) == "" {
				return nil
			}
			v, pr := parseChoice(cell, Programmes)
			c.Programme = v
			return pr
		},
		get: func(c *Candidate) any { return string(c.Programme) }},
	textColumn("specialist", false, MaxShortText, func(c *Candidate) *string { return &c.Specialist }),
	textColumn("district", false, MaxShortText, func(c *Candidate) *string { return &c.District }),
	{name: "norwegian_level",
		set: func(c *Candidate, cell string) *FieldError {
			n, err := matching.ParseNorwegian(cell)
			if err != nil {
				return fromValueError(err)
			}
			c.Norwegian = n
			return nil
		},
		get: func(c *Candidate) any { return c.Norwegian.String() }},
	listColumn("other_languages", parseLanguages, func(c *Candidate) *[]string { return &c.OtherLanguages }),
	listColumn("skills", parseTerms, func(c *Candidate) *[]string { return &c.Skills }),
	listColumn("goals", parseTerms, func(c *Candidate) *[]string { return &c.Goals }),
	scheduleColumn("availability", true, func(c *Candidate) *matching.Schedule { return &c.Availability }),
	{name: "target_hours_week",
		set: func(c *Candidate, cell string) *FieldError {
			c.TargetHoursWeek = nil
			if strings.TrimSpace(cell) == "" {
				return nil
			}
			f, pr := parseNumber(cell)
			if pr == nil && (f <= 0 || f > 80) {
				pr = problem(CodeRange, "0", "80")
			}
			c.TargetHoursWeek = &f
			return pr
		},
		get: func(c *Candidate) any { return c.TargetHoursWeek }},
	boolColumn("has_police_certificate", func(c *Candidate) *bool { return &c.HasPoliceCertificate }),
	boolColumn("has_drivers_license", func(c *Candidate) *bool { return &c.HasDriversLicense }),
	choiceListColumn("adaptation_needs", Adaptations, func(c *Candidate) *[]Adaptation { return &c.AdaptationNeeds }),
	choiceListColumn("sector_preference", Sectors, func(c *Candidate) *[]Sector { return &c.SectorPreference }),
	longTextColumn("notes", func(c *Candidate) *string { return &c.Notes }),
	{name: "status",
		set: func(c *Candidate, cell string) *FieldError {
			c.Status = CandidateNew
			if strings.TrimSpace(cell) == "" {
				return nil
			}
			v, pr := parseChoice(cell, CandidateStatuses)
			c.Status = v
			return pr
		},
		get: func(c *Candidate) any { return string(c.Status) }},
	{name: "unavailable_until",
		set: func(c *Candidate, cell string) *FieldError {
			d, pr := parseDate(cell)
			c.UnavailableUntil = d
			return pr
		},
		get: func(c *Candidate) any { return c.UnavailableUntil }},
	{name: "registered",
		// An empty cell keeps the date the person was first registered, so
		// that re-importing a file does not reset their waiting time.
		set: func(c *Candidate, cell string) *FieldError {
			d, pr := parseDate(cell)
			if d != "" || pr != nil {
				c.Registered = d
			}
			return pr
		},
		get: func(c *Candidate) any { return c.Registered }},
	listColumn("goal_occupations", parseOccupations, func(c *Candidate) *[]string { return &c.GoalOccupations }),
}

// PlacementColumnNames lists the placements file's columns in order.
func PlacementColumnNames() []string { return columnNames(placementColumns) }

// CandidateColumnNames lists the candidates file's columns in order.
func CandidateColumnNames() []string { return columnNames(candidateColumns) }

func columnNames[T any](cols []column[T]) []string {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.name
	}
	return names
}

func findColumn[T any](cols []column[T], name string) (column[T], bool) {
	for _, c := range cols {
		if c.name == name {
			return c, true
		}
	}
	return column[T]{}, false
}

// SetPlacementField sets one field of a placement from text, as a form or a
// file gives it; the problem, if any, names the column.
func SetPlacementField(p *Placement, name, text string) *FieldError {
	return setField(placementColumns, p, name, text)
}

// SetCandidateField sets one field of a candidate from text. Besides the
// file's columns it takes the fields only forms keep: phone, email and
// adaptation_detail.
func SetCandidateField(c *Candidate, name, text string) *FieldError {
	if set, ok := candidateFormFields[name]; ok {
		if p := set(c, text); p != nil {
			p.Column, p.Value = name, text
			return p
		}
		return nil
	}
	return setField(candidateColumns, c, name, text)
}

func setField[T any](cols []column[T], r *T, name, text string) *FieldError {
	col, ok := findColumn(cols, name)
	if !ok {
		return &FieldError{Column: name, Code: CodeUnknownColumn}
	}
	if p := col.set(r, text); p != nil {
		p.Column, p.Value = name, text
		return p
	}
	return nil
}

// NewPlacement is a placement with every field at its default.
func NewPlacement() Placement {
	return Placement{Office: DefaultOffice, Status: PlacementActive}
}

// NewCandidate is a candidate with every field at its default.
func NewCandidate() Candidate {
	return Candidate{Office: DefaultOffice, Programme: ProgrammeOther, Status: CandidateNew}
}

// ValidatePlacement checks what no single field can: required fields, and
// a minimum of hours the schedule can hold. It returns every problem.
func ValidatePlacement(p *Placement) []*FieldError {
	var problems []*FieldError
	for _, f := range []struct{ name, value string }{{"ref", p.Ref}, {"title", p.Title}, {"employer", p.Employer}} {
		if f.value == "" {
			problems = append(problems, &FieldError{Column: f.name, Code: CodeRequired})
		}
	}
	switch {
	case p.Schedule.IsEmpty():
		problems = append(problems, &FieldError{Column: "schedule", Code: CodeEmptySchedule})
	case p.MinHoursWeek > p.Schedule.Hours():
		problems = append(problems, &FieldError{Column: "min_hours_week", Value: formatNumber(p.MinHoursWeek),
			Code: CodeMinHours, Args: []string{formatNumber(p.Schedule.Hours())}})
	}
	return problems
}

// ValidateCandidate checks what no single field can and fills the defaults
// that depend on other fields: a KVP participant's target is full time, and
// a new person is registered today.
func ValidateCandidate(c *Candidate) []*FieldError {
	var problems []*FieldError
	for _, f := range []struct{ name, value string }{{"ref", c.Ref}, {"name", c.Name}} {
		if f.value == "" {
			problems = append(problems, &FieldError{Column: f.name, Code: CodeRequired})
		}
	}
	if c.Availability.IsEmpty() {
		problems = append(problems, &FieldError{Column: "availability", Code: CodeEmptySchedule})
	}
	if c.TargetHoursWeek == nil && c.Programme == ProgrammeKVP {
		target := KVPHoursWeek
		c.TargetHoursWeek = &target
	}
	if c.Registered == "" {
		c.Registered = Today()
	}
	return problems
}

// PlacementValues gives a placement's fields by column name, as the audit
// log records them.
func PlacementValues(p *Placement) map[string]any { return values(placementColumns, p) }

// CandidateValues gives a candidate's fields by column name, with the
// fields only forms keep (contact details, adaptation detail), as the audit
// log records them.
func CandidateValues(c *Candidate) map[string]any {
	v := values(candidateColumns, c)
	v["phone"], v["email"], v["adaptation_detail"] = c.Phone, c.Email, c.AdaptationDetail
	return v
}

func values[T any](cols []column[T], r *T) map[string]any {
	v := make(map[string]any, len(cols))
	for _, c := range cols {
		v[c.name] = c.get(r)
	}
	return v
}

// DiffValues keeps the fields whose values differ between before and after
// (as PlacementValues and CandidateValues give them). Values that print the
// same compare equal: an empty list and none, a pointer and its value.
func DiffValues(before, after map[string]any) (b, a map[string]any) {
	b, a = map[string]any{}, map[string]any{}
	for k, av := range after {
		bv := before[k]
		if printed(bv) != printed(av) {
			b[k], a[k] = bv, av
		}
	}
	return b, a
}

func printed(v any) string {
	out, _ := json.Marshal(v)
	switch string(out) {
	case "null", "[]", `""`:
		return ""
	}
	return string(out)
}
